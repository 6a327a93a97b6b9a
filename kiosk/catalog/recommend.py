"""为您推荐: items offered to a resident after the ID card is read, by the catalog's published
age rules (`AgeRule`; kiosk/catalog/library.py `CatalogLibrary.recommended`).

Only the age is used, worked out from the card's birth date for that moment: it is not
stored, not logged and not sent anywhere, and the offer goes with the session.
"""

from __future__ import annotations

import datetime

from kiosk.catalog.library import CatalogLibrary, Recommended


def age_on(birth_date: datetime.date, today: datetime.date) -> int:
    had_birthday = (today.month, today.day) >= (birth_date.month, birth_date.day)
    return today.year - birth_date.year - (0 if had_birthday else 1)


def recommend(
    library: CatalogLibrary, birth_date: datetime.date | None, today: datetime.date
) -> list[Recommended]:
    """What the published rules offer a resident born on `birth_date` (nothing without one)."""
    if birth_date is None or birth_date > today:
        return []
    return library.recommended(age_on(birth_date, today))
