"""Masking of personal data for screens, paper and logs (DOMAIN.md §9).

The rules: an ID number keeps its first 2 and last 2 characters, a name its first character,
a mobile number its first 3 and last 4 digits.
"""

from __future__ import annotations

import re

# 18-character resident ID numbers (17 digits + digit or X) and mainland mobile numbers,
# not part of a longer run of digits. Used by the log filter as a second line of defence.
_ID_NUMBER = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")
_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


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


def mask_text(text: str) -> str:
    """Mask every ID number and mobile number found anywhere in free text."""
    text = _ID_NUMBER.sub(lambda m: mask_id_number(m.group(0)), text)
    return _MOBILE.sub(lambda m: mask_phone(m.group(0)), text)
