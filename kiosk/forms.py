"""An item's application form: prefill from the ID card, validation with words that help.

Pure: the form schema comes from the catalog (FormField), answers come in as the text a
resident typed or picked, and each problem comes back as a `Message` whose words (in
Words.qml, section "form") say how to fix it: `form.phone` with the field's label reads
"联系电话请填写11位手机号码（例如 13800000000）或带区号的固定电话".
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from devices.idcard.checksum import is_valid_id_number
from devices.idcard.identity import Identity
from kiosk.catalog.model import FormField
from kiosk.messages import NONE, Message, message
from kiosk.patterns import full_match

# ASCII digits only, as the contract's patterns: a full-width or Arabic-Indic digit would pass
# a Unicode \d here and be refused by the platform after the resident was told "received".
MOBILE = re.compile(r"1[3-9][0-9]{9}")
LANDLINE = re.compile(r"0[0-9]{2,3}-?[0-9]{7,8}")
NUMBER = re.compile(r"-?\d+(\.\d+)?")


@dataclass(frozen=True)
class Checked:
    """A form's answers after checking: the clean values, and a problem for each bad field."""

    values: dict[str, str]  # cleaned answers, only for fields without problems
    problems: dict[str, Message]  # field key → what to do

    @property
    def ok(self) -> bool:
        return not self.problems


def prefill(fields: Sequence[FormField], identity: Identity | None) -> dict[str, str]:
    """Answers the ID card already gives (name, sex, birth date, address)."""
    if identity is None:
        return {}
    sources = {
        "id_card.name": identity.name,
        "id_card.sex": identity.sex if identity.sex != "未知" else "",
        "id_card.birth_date": identity.birth_date.isoformat() if identity.birth_date else "",
        "id_card.address": identity.address,
    }
    return {f.key: sources[f.prefill] for f in fields if f.prefill and sources.get(f.prefill)}


def applies(field: FormField, answers: Mapping[str, str]) -> bool:
    """Whether the form asks `field` with these answers (FormField.only_when)."""
    if not field.only_when:
        return True
    key, value = field.only_when
    return _same(value, unicodedata.normalize("NFKC", answers.get(key, "")).strip())


def check_form(fields: Sequence[FormField], answers: Mapping[str, str]) -> Checked:
    """Each field the answers make applicable; the others are neither checked nor kept."""
    values: dict[str, str] = {}
    problems: dict[str, Message] = {}
    for field in fields:
        if not applies(field, answers):
            continue
        value, problem = check_field(field, answers.get(field.key, ""))
        if problem:
            problems[field.key] = problem
        elif value:
            values[field.key] = value
    return Checked(values, problems)


def check_field(field: FormField, raw: str) -> tuple[str, Message]:
    """(cleaned value, NONE) or ("", what to do)."""
    value = unicodedata.normalize("NFKC", raw).strip()
    if any(unicodedata.category(c) == "Cc" and c not in "\n" for c in value):
        return "", message("form.unreadable_characters", field.label)
    if not value:
        if not field.required:
            return "", NONE
        if field.type == "choice":
            return "", message("form.choose", field.label)
        return "", message("form.required", field.label)
    if field.type == "choice":  # the catalog's own words, however they are written
        chosen = next((c for c in field.choices if _same(c, value)), "")
        return (chosen, NONE) if chosen else ("", message("form.not_a_choice", field.label))
    checker = _CHECKERS.get(field.type, _check_text)
    problem = checker(field, value)
    return (
        ("", problem) if problem else (value.upper() if field.type == "id_number" else value, NONE)
    )


def _same(choice: str, value: str) -> bool:
    """A choice as the catalog writes it (full-width brackets …) and as the form sent it
    back after NFKC (half-width)."""
    return unicodedata.normalize("NFKC", choice).strip() == value


def _check_text(field: FormField, value: str) -> Message:
    if field.type == "text" and "\n" in value:
        return message("form.one_line", field.label)
    if field.max_length and len(value) > field.max_length:
        return message("form.too_long", field.label, field.max_length, len(value))
    return _check_pattern(field, value)


def _check_number(field: FormField, value: str) -> Message:
    if not NUMBER.fullmatch(value):
        return message("form.digits_only", field.label)
    if field.pattern:
        return _check_pattern(field, value)
    number = float(value)
    low, high = field.min_value, field.max_value
    if (low is not None and number < low) or (high is not None and number > high):
        if low is not None and high is not None:
            return message("form.out_of_range", field.label, f"{low:g}", f"{high:g}")
        if low is not None:
            return message("form.too_small", field.label, f"{low:g}")
        return message("form.too_large", field.label, f"{high:g}")
    return NONE


def plain_text(text: str) -> str:
    """Free text (a question as typed, a reply from the platform) made plain: control,
    format and private-use characters dropped (a line break kept, at most one blank line in
    a row), spaces at the ends of lines trimmed."""
    kept = []
    for char in text.replace("\r\n", "\n").replace("\r", "\n"):
        if char == "\n" or unicodedata.category(char) not in ("Cc", "Cf", "Co", "Cs"):
            kept.append(char)
    lines = [line.strip() for line in "".join(kept).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def mobile_number(typed: str) -> str:
    """The mobile number typed on the number pad (spaces and dashes dropped, any decimal
    digit as its ASCII one), or "" when what was typed is not one."""
    digits = "".join(str(unicodedata.decimal(c)) for c in typed if c.isdecimal())
    return digits if MOBILE.fullmatch(digits) else ""


def _check_phone(field: FormField, value: str) -> Message:
    digits = value.replace(" ", "")
    if MOBILE.fullmatch(digits) or LANDLINE.fullmatch(digits):
        return NONE
    return message("form.phone", field.label)


def _check_date(field: FormField, value: str) -> Message:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return message("form.date", field.label)
    return NONE


def _check_id_number(field: FormField, value: str) -> Message:
    if len(value) != 18:
        return message("form.id_number_length", field.label, len(value))
    if not is_valid_id_number(value):
        return message("form.id_number_checksum", field.label)
    return NONE


def _check_pattern(field: FormField, value: str) -> Message:
    if field.pattern and not full_match(field.pattern, value):
        if field.help:
            return message("form.pattern_hint", field.label, field.help)
        return message("form.pattern", field.label)
    return NONE


_CHECKERS = {
    "text": _check_text,
    "textarea": _check_text,
    "number": _check_number,
    "phone": _check_phone,
    "date": _check_date,
    "id_number": _check_id_number,
}
