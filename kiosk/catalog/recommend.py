"""为您推荐: the age a resident's ID card gives, for the catalog's published age rules
(`AgeRule`; kiosk/catalog/library.py `CatalogLibrary.recommended`).

Only the age is used, worked out from the card's birth date for that moment
(kiosk/visit.py `Suggestions`): it is not stored, not logged and not sent anywhere.
"""

from __future__ import annotations

import datetime


def age_on(birth_date: datetime.date, today: datetime.date) -> int:
    had_birthday = (today.month, today.day) >= (birth_date.month, birth_date.day)
    return today.year - birth_date.year - (0 if had_birthday else 1)
