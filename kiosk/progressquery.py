"""What a 进度查询 asks with: the receipt's QR code, a typed number with the last 4
characters of the ID number, or the ID card. And the receipt's progress link itself.

A receipt number alone proves nothing (numbers run in sequence). The receipt's QR code
carries the apply number and a token made at submission, which only the applicant's paper
has; a typed number must come with the ID number's tail. Each query says which kind of
number it holds: nothing here guesses from a number's shape. Light (no network, no
cryptography): the screens build queries on the GUI thread.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from kiosk.privacy import mask_id_number

NUMBER = re.compile(r"[A-Z0-9][A-Z0-9-]{5,39}")
TAIL = re.compile(r"[0-9]{3}[0-9X]")
TOKEN = re.compile(r"[A-Za-z0-9_-]{22,64}")
LINK_KEY = "token"  # the query parameter of the receipt link that holds the token


def new_progress_token() -> str:
    """128 random bits, URL-safe: printed only in the receipt's QR code."""
    return secrets.token_urlsafe(16)


@dataclass(frozen=True)
class ReceiptQuery:
    """A scanned receipt QR code: the apply number and its token ("" when the code has none,
    as on receipts printed before tokens, or when it is not a receipt's code at all)."""

    apply_no: str
    token: str = ""

    def __repr__(self) -> str:  # the token is a key: never in a log
        return f"ReceiptQuery({self.apply_no!r}, token={'yes' if self.token else 'no'})"


@dataclass(frozen=True)
class NumberQuery:
    """A number typed from the receipt (case or apply number, as printed) and the last 4
    characters of the applicant's ID number ("" when what was typed is not a valid tail)."""

    number: str
    id_tail: str

    def __repr__(self) -> str:
        return f"NumberQuery({self.number!r}, id_tail=****)"


@dataclass(frozen=True)
class ApplicantQuery:
    """The applicant's ID card on the reader: all their cases."""

    id_type: str
    id_number: str

    def __repr__(self) -> str:
        return f"ApplicantQuery({self.id_type}, {mask_id_number(self.id_number)})"


ProgressQuery = ReceiptQuery | NumberQuery | ApplicantQuery


def normalise_number(text: str) -> str:
    """A typed receipt or case number, upper case; "" if it cannot be one."""
    cleaned = text.strip().upper()
    return cleaned if NUMBER.fullmatch(cleaned) else ""


def normalise_tail(text: str) -> str:
    """The last 4 characters of an ID number as typed (x as X); "" if they cannot be."""
    cleaned = text.strip().upper()
    return cleaned if TAIL.fullmatch(cleaned) else ""


def progress_link(pattern: str, apply_no: str, token: str) -> str:
    """The receipt's QR code: `pattern` ({number} → the apply number) plus the token."""
    link = pattern.format(number=apply_no)
    return f"{link}{'&' if '?' in link else '?'}{LINK_KEY}={token}"


def read_progress_link(pattern: str, text: str) -> ReceiptQuery:
    """What a scanned code holds, read against this kiosk's link pattern.

    A link without a token (an older receipt) or a bare number gives the number and no
    token; anything else gives neither.
    """
    scanned = text.strip()
    prefix, _, suffix = pattern.partition("{number}")
    link = re.fullmatch(
        re.escape(prefix)
        + r"(?P<number>[A-Za-z0-9-]{6,40})"
        + re.escape(suffix)
        + rf"(?:[?&]{LINK_KEY}=(?P<token>[^&#\s]*))?",
        scanned,
    )
    if link is not None:
        number = normalise_number(link["number"])
        token = link["token"] or ""
        return ReceiptQuery(number, token if number and TOKEN.fullmatch(token) else "")
    return ReceiptQuery(normalise_number(scanned.rstrip("/").rsplit("/", 1)[-1]))
