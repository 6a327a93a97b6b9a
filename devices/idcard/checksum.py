"""GB 11643 (ISO 7064 MOD 11-2) check character of an 18-character resident ID number."""

from __future__ import annotations

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARACTERS = "10X98765432"


def check_character(first_17: str) -> str:
    if len(first_17) != 17 or not first_17.isdigit():
        raise ValueError("the first 17 characters must be digits")
    return CHECK_CHARACTERS[sum(int(d) * w for d, w in zip(first_17, WEIGHTS, strict=True)) % 11]


def is_valid_id_number(number: str) -> bool:
    """True for 17 digits followed by the right check character (X upper or lower case)."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    return check_character(number[:17]) == number[17].upper()
