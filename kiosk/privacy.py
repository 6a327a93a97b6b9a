"""Masking of personal data for screens, paper and logs (docs/domain.md §9).

The rules: an ID number keeps its first 2 and last 2 characters, a name its first character,
a mobile number its first 3 and last 4 digits.
"""

from __future__ import annotations

import re

# Full-width digits, letters, plus, hyphen and the ideographic space fold to ASCII before the
# patterns below run, one character for one, so every match's span is also its span in the
# original text.
_FOLD = str.maketrans(
    {chr(0xFF10 + i): chr(0x30 + i) for i in range(10)}
    | {chr(0xFF21 + i): chr(0x41 + i) for i in range(26)}
    | {chr(0xFF41 + i): chr(0x61 + i) for i in range(26)}
    | {"＋": "+", "－": "-", "\u3000": " "}
)
# What people put between groups of digits: spaces, dots, hyphens and dashes, slashes,
# underscores, brackets; at most two in a row ("138) 1234").
_SEP = r"[\s.\-_/()\u2010-\u2015]{0,2}"
# Identity numbers, not part of a longer run of digits: resident ID numbers (18 characters,
# in any grouping; residence permits share the form), first-generation 15-digit ID numbers,
# and the old foreign permanent residence number (three letters of nationality, 12 digits).
_IDENTITY = re.compile(
    rf"(?<![0-9])(?:[0-9](?:{_SEP}[0-9]){{16}}{_SEP}[0-9Xx]"
    r"|[0-9]{15}"
    r"|(?<![A-Za-z])[A-Z]{3}[0-9]{12})(?![0-9])"
)
# ASCII and full-width digits alike, and Chinese numerals (七号院, 十二号楼).
_DIGIT = re.compile(r"[\d〇零一二三四五六七八九十百千两]")
# Mainland mobile numbers, with or without +86 / 0086 / 86 or a leading 0, in any grouping.
_MOBILE = re.compile(
    rf"(?<![0-9])(?:(?:\+|00)?86{_SEP}|0)?1{_SEP}[3-9](?:{_SEP}[0-9]){{9}}(?![0-9])"
)


def mask_id_number(value: str) -> str:
    """`11010519491231002X` → `11**************2X`."""
    if len(value) <= 4:
        return "*" * len(value)
    return value[:2] + "*" * (len(value) - 4) + value[-2:]


def mask_name(value: str) -> str:
    """`王小明` → `王**`; a one-character name stays as it is."""
    if len(value) <= 1:
        return value
    return value[0] + "*" * (len(value) - 1)


def mask_phone(value: str) -> str:
    """`13812341234` → `138****1234`."""
    if len(value) < 8:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_address(value: str) -> str:
    """`北京市西城区月坛北街12号院` → `北京市西城区****`: at most six characters, none from the
    first digit on (`月坛北街12号院` → `月坛北街****`): the area, never the house number."""
    head = value[:6] if len(value) > 6 else ""
    return _DIGIT.split(head, maxsplit=1)[0] + "****"


def mask_text(text: str) -> str:
    """Mask every identity number and mobile number found anywhere in free text.

    The second line of defence for logs and the audit trail: full-width, spaced and
    +86-prefixed forms are caught too, and a masked value loses its separators.
    """
    folded = text.translate(_FOLD)
    spans: list[tuple[int, int, str]] = []
    for match in _IDENTITY.finditer(folded):
        number = "".join(c for c in match.group(0) if c.isalnum())
        spans.append((match.start(), match.end(), mask_id_number(number)))
    for match in _MOBILE.finditer(folded):
        if any(start < match.end() and match.start() < end for start, end, _ in spans):
            continue
        digits = "".join(c for c in match.group(0) if c.isdigit())
        spans.append((match.start(), match.end(), mask_phone(digits[-11:])))
    for start, end, masked in sorted(spans, reverse=True):
        text = text[:start] + masked + text[end:]
    return text
