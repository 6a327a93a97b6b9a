"""An item's application form: prefill from the ID card, validation with words that help.

Pure: the form schema comes from the catalog (FormField), answers come in as the text a
resident typed or picked, and each problem comes back as one sentence that says how to
fix it ("请填写11位手机号码，例如 13800000000"), never as a code.
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
from kiosk.patterns import full_match

MOBILE = re.compile(r"1[3-9]\d{9}")
LANDLINE = re.compile(r"0\d{2,3}-?\d{7,8}")
NUMBER = re.compile(r"-?\d+(\.\d+)?")


@dataclass(frozen=True)
class Checked:
    values: dict[str, str]  # cleaned answers, only for fields without problems
    problems: dict[str, str]  # field key → what to do

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


def check_form(fields: Sequence[FormField], answers: Mapping[str, str]) -> Checked:
    values: dict[str, str] = {}
    problems: dict[str, str] = {}
    for field in fields:
        value, problem = check_field(field, answers.get(field.key, ""))
        if problem:
            problems[field.key] = problem
        elif value:
            values[field.key] = value
    return Checked(values, problems)


def check_field(field: FormField, raw: str) -> tuple[str, str]:
    """(cleaned value, "") or ("", what to do)."""
    value = unicodedata.normalize("NFKC", raw).strip()
    if any(unicodedata.category(c) == "Cc" and c not in "\n" for c in value):
        return "", f"{field.label}里有无法识别的字符，请删除后重新输入"
    if not value:
        if not field.required:
            return "", ""
        verb = "选择" if field.type == "choice" else "填写"
        return "", f"请{verb}{field.label}"
    checker = _CHECKERS.get(field.type, _check_text)
    problem = checker(field, value)
    return ("", problem) if problem else (value.upper() if field.type == "id_number" else value, "")


def _check_text(field: FormField, value: str) -> str:
    if field.type == "text" and "\n" in value:
        return f"{field.label}请写在一行内"
    if field.max_length and len(value) > field.max_length:
        return f"{field.label}最多{field.max_length}个字，现在是{len(value)}个字，请删减"
    return _check_pattern(field, value)


def _check_number(field: FormField, value: str) -> str:
    if not NUMBER.fullmatch(value):
        return f"{field.label}请只填写数字"
    if field.pattern:
        return _check_pattern(field, value)
    number = float(value)
    low, high = field.min_value, field.max_value
    if (low is not None and number < low) or (high is not None and number > high):
        if low is not None and high is not None:
            return f"{field.label}应在{low:g}到{high:g}之间"
        return (
            f"{field.label}不能小于{low:g}" if low is not None else f"{field.label}不能大于{high:g}"
        )
    return ""


def _check_phone(field: FormField, value: str) -> str:
    digits = value.replace(" ", "")
    if MOBILE.fullmatch(digits) or LANDLINE.fullmatch(digits):
        return ""
    return f"{field.label}请填写11位手机号码（例如 13800000000）或带区号的固定电话"


def _check_date(field: FormField, value: str) -> str:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return f"{field.label}请按“年-月-日”填写，例如 2026-01-31"
    return ""


def _check_choice(field: FormField, value: str) -> str:
    return "" if value in field.choices else f"请从给出的选项中选择{field.label}"


def _check_id_number(field: FormField, value: str) -> str:
    if len(value) != 18:
        return f"{field.label}应为18位，现在是{len(value)}位"
    if not is_valid_id_number(value):
        return f"{field.label}校验不通过，请逐位核对（最后一位可能是X）"
    return ""


def _check_pattern(field: FormField, value: str) -> str:
    if field.pattern and not full_match(field.pattern, value):
        hint = f"：{field.help}" if field.help else "，请核对"
        return f"{field.label}的格式不对{hint}"
    return ""


_CHECKERS = {
    "text": _check_text,
    "textarea": _check_text,
    "number": _check_number,
    "phone": _check_phone,
    "date": _check_date,
    "choice": _check_choice,
    "id_number": _check_id_number,
}
