"""Suggesting items to a resident who has identified (the hook; the ID card arrives later).

Rules are plain data: who they apply to and what to look for in the catalog. The profile is
derived from the ID card for one session only and never stored.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.catalog.library import CatalogLibrary, ItemSummary


@dataclass(frozen=True)
class ResidentProfile:
    age: int


@dataclass(frozen=True)
class Rule:
    name: str
    applies: Callable[[ResidentProfile], bool]
    queries: tuple[str, ...]


RULES: tuple[Rule, ...] = (
    Rule("80 and over", lambda p: p.age >= 80, ("高龄津贴", "家庭养老照护床位")),
    Rule(
        "60 and over", lambda p: p.age >= 60, ("养老助残卡", "养老服务补贴", "城乡居民养老保险待遇")
    ),
    Rule("working age", lambda p: 16 <= p.age < 60, ("灵活就业", "失业登记", "社会保障卡")),
    Rule("starting a family", lambda p: 20 <= p.age <= 45, ("生育登记", "出生户口登记", "入学")),
    Rule("everyone", lambda p: True, ("居民医保",)),
)


def age_on(birth_date: datetime.date, today: datetime.date) -> int:
    had_birthday = (today.month, today.day) >= (birth_date.month, birth_date.day)
    return today.year - birth_date.year - (0 if had_birthday else 1)


def recommend(
    library: CatalogLibrary, profile: ResidentProfile, limit: int = 6
) -> list[ItemSummary]:
    """Items for this resident, the most specific rules first, each item once."""
    chosen: list[ItemSummary] = []
    seen: set[str] = set()
    for rule in RULES:
        if not rule.applies(profile):
            continue
        for query in rule.queries:
            for summary, _hit in library.search(query, limit=1):  # the best match only
                if summary.code not in seen:
                    seen.add(summary.code)
                    chosen.append(summary)
    return chosen[:limit]
