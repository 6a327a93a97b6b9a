"""The catalog the kiosk shows: summaries and a search index in memory, guides parsed on demand.

A library is an immutable snapshot. A catalog update builds a new one off the GUI thread and
the UI swaps the reference, so a resident never sees half a catalog.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from kiosk.catalog.keys import SearchKeys, compute_keys
from kiosk.catalog.model import LEVELS, Catalog, ServiceItem
from kiosk.catalog.parse import item_to_document, parse_item
from kiosk.catalog.search import Hit, SearchIndex

# Personal-service themes of the national platform, in its order (docs/domain.md §2).
THEME_ORDER = (
    "生育收养", "户籍办理", "民族宗教", "教育科研", "入伍服兵役", "就业创业", "设立变更",
    "准营准办", "抵押质押", "职业资格", "行政缴费", "婚姻登记", "优待抚恤", "规划建设",
    "住房保障", "社会保障", "证件办理", "交通出行", "旅游观光", "出境入境", "消费维权",
    "公共安全", "司法公证", "知识产权", "环境气象", "文体教育", "医疗卫生", "离职退休",
    "死亡殡葬", "其他",
)  # fmt: skip


@dataclass(frozen=True)
class ItemSummary:
    """What lists and search results show, and what browsing filters on."""

    code: str
    name: str
    department: str
    level: str
    themes: tuple[str, ...]
    item_type: str
    visits: int
    can_apply: bool
    popularity: int
    bookable: bool = False  # a time at a window can be booked (预约办理)


@dataclass(frozen=True)
class StoredItem:
    """One item as stored: its summary and search keys (one row), and its full guide."""

    summary: ItemSummary
    keys: SearchKeys
    document: str = ""

    @staticmethod
    def from_item(item: ServiceItem) -> StoredItem:
        summary = ItemSummary(
            code=item.code,
            name=item.name,
            department=item.department,
            level=item.level,
            themes=item.themes,
            item_type=item.item_type,
            visits=item.visits,
            can_apply=item.can_apply_online,
            popularity=item.popularity,
            bookable=item.bookable,
        )
        document = json.dumps(item_to_document(item), ensure_ascii=False)
        return StoredItem(summary, compute_keys(item), document)

    def summary_json(self) -> str:
        """A compact row: a flat list, which loads several times faster than objects."""
        s, k = self.summary, self.keys
        return json.dumps(
            [s.code, s.name, s.department, s.level, s.themes, s.item_type, s.visits,
             s.can_apply, s.popularity, k.name, k.aliases, k.pinyin, k.initials, k.content,
             s.bookable],
            ensure_ascii=False,
        )  # fmt: skip

    @staticmethod
    def from_json(summary_json: str) -> StoredItem:
        (code, name, department, level, themes, item_type, visits, can_apply, popularity,
         key_name, aliases, pinyin, initials, content,
         bookable) = json.loads(summary_json)  # fmt: skip
        return StoredItem(
            ItemSummary(
                code,
                name,
                department,
                level,
                tuple(themes),
                item_type,
                visits,
                can_apply,
                popularity,
                bookable,
            ),
            SearchKeys(
                code,
                key_name,
                tuple(aliases),
                tuple(pinyin),
                tuple(initials),
                content,
                popularity,
            ),
        )


class CatalogLibrary:
    """Summaries and the search index in memory; a guide's document comes from `documents`.

    `documents(code)` returns the stored JSON of one item: from memory for a library built
    from a catalog, from an indexed SQLite read (well under a millisecond) for a stored one,
    which keeps megabytes of guides that nobody opens out of memory.
    """

    def __init__(
        self,
        version: str,
        sample: bool,
        stored: Sequence[StoredItem],
        documents: Callable[[str], str],
        *,
        stored_at: float | None = None,
        synced_at: float | None = None,
    ) -> None:
        self.version = version
        self.sample = sample
        # When this terminal stored this version (seconds since the epoch; None: not stored,
        # built in memory). The catalog carries no publication time of its own.
        self.stored_at = stored_at
        # When a sync last found the catalog current (None: never, or not stored). Read
        # with the catalog, so it says the truth after a restart.
        self.synced_at = synced_at
        self.summaries = tuple(s.summary for s in stored)
        self._by_code = {s.summary.code: s.summary for s in stored}
        self._documents = documents
        self.index = SearchIndex([s.keys for s in stored])
        # Browsing lists are computed here, on the thread that builds the library, so that
        # swapping a new catalog in costs the GUI thread nothing but a reference.
        self._themes = self._count_themes()
        self._departments = sorted(
            _count(s.department for s in self.summaries).items(), key=lambda dc: -dc[1]
        )
        level_counts = _count(s.level for s in self.summaries)
        self._levels = [(lv, level_counts[lv]) for lv in LEVELS if lv in level_counts]
        ranked = sorted(self.summaries, key=_popular_first)
        self._most_asked = [s for s in ranked if s.popularity > 0]

    @staticmethod
    def from_catalog(catalog: Catalog) -> CatalogLibrary:
        """Computes search keys (slow: pypinyin). For tests and tools, not for start-up."""
        stored = [StoredItem.from_item(i) for i in catalog.items]
        documents = {s.summary.code: s.document for s in stored}
        return CatalogLibrary(catalog.version, catalog.sample, stored, documents.__getitem__)

    def __len__(self) -> int:
        return len(self.summaries)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def summary(self, code: str) -> ItemSummary:
        return self._by_code[code]

    def item(self, code: str) -> ServiceItem:
        """The full guide; parsed from the stored document when asked for."""
        if code not in self._by_code:
            raise KeyError(code)
        return parse_item(json.loads(self._documents(code)))

    def search(self, query: str, limit: int = 50) -> list[tuple[ItemSummary, Hit]]:
        return [(self.summary(hit.code), hit) for hit in self.index.search(query, limit)]

    def _count_themes(self) -> list[tuple[str, int]]:
        counts = _count(theme for s in self.summaries for theme in s.themes)
        rank = {theme: i for i, theme in enumerate(THEME_ORDER)}
        return sorted(counts.items(), key=lambda tc: (rank.get(tc[0], len(rank)), tc[0]))

    def themes(self) -> list[tuple[str, int]]:
        return self._themes

    def departments(self) -> list[tuple[str, int]]:
        return self._departments

    def levels(self) -> list[tuple[str, int]]:
        return self._levels

    def filtered(self, kind: str, value: str) -> list[ItemSummary]:
        """Items of one theme, department or level (or "online": those that can be applied
        for here; "appointment": those a time can be booked for), most asked first."""

        def match(summary: ItemSummary) -> bool:
            if kind == "online":
                return summary.can_apply
            if kind == "appointment":
                return summary.bookable
            if kind == "theme":
                return value in summary.themes
            if kind == "department":
                return summary.department == value
            if kind == "level":
                return summary.level == value
            raise ValueError(f"unknown grouping {kind!r}")

        return sorted((s for s in self.summaries if match(s)), key=_popular_first)

    def most_asked(self, limit: int = 8) -> list[ItemSummary]:
        return self._most_asked[:limit]


def _popular_first(summary: ItemSummary) -> tuple[int, str]:
    return (-summary.popularity, summary.name)


def _count(values: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts
