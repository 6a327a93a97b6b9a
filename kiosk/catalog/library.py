"""The catalog the kiosk shows: summaries and a search index in memory, guides parsed on demand.

A library is an immutable snapshot. A catalog update builds a new one off the GUI thread and
the UI swaps the reference, so a resident never sees half a catalog.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from kiosk.catalog.keys import SearchKeys, compute_keys
from kiosk.catalog.model import LEVELS, Catalog, ServiceItem
from kiosk.catalog.parse import item_to_document, parse_item
from kiosk.catalog.search import Hit, SearchIndex

# Personal-service themes of the national platform, in its order (DOMAIN.md §2).
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


@dataclass(frozen=True)
class StoredItem:
    """One item as stored: its summary, its search keys and its full guide as JSON text."""

    summary: ItemSummary
    keys: SearchKeys
    document: str

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
        )
        document = json.dumps(item_to_document(item), ensure_ascii=False)
        return StoredItem(summary, compute_keys(item), document)

    def summary_json(self) -> str:
        return json.dumps(
            {"summary": asdict(self.summary), "keys": asdict(self.keys)}, ensure_ascii=False
        )

    @staticmethod
    def from_json(summary_json: str, document: str) -> StoredItem:
        data = json.loads(summary_json)
        summary: dict[str, Any] = data["summary"]
        keys: dict[str, Any] = data["keys"]
        return StoredItem(
            ItemSummary(**{**summary, "themes": tuple(summary["themes"])}),
            SearchKeys(
                **{
                    **keys,
                    "aliases": tuple(keys["aliases"]),
                    "pinyin": tuple(keys["pinyin"]),
                    "initials": tuple(keys["initials"]),
                }
            ),
            document,
        )


class CatalogLibrary:
    def __init__(self, version: str, sample: bool, stored: Sequence[StoredItem]) -> None:
        self.version = version
        self.sample = sample
        self.summaries = tuple(s.summary for s in stored)
        self._by_code = {s.summary.code: s for s in stored}
        self.index = SearchIndex([s.keys for s in stored])

    @staticmethod
    def from_catalog(catalog: Catalog) -> CatalogLibrary:
        """Computes search keys (slow: pypinyin). For stores and tests, not for start-up."""
        return CatalogLibrary(
            catalog.version, catalog.sample, [StoredItem.from_item(i) for i in catalog.items]
        )

    def __len__(self) -> int:
        return len(self.summaries)

    def summary(self, code: str) -> ItemSummary:
        return self._by_code[code].summary

    def item(self, code: str) -> ServiceItem:
        """The full guide; parsed from the stored document when asked for."""
        return parse_item(json.loads(self._by_code[code].document))

    def search(self, query: str, limit: int = 50) -> list[tuple[ItemSummary, Hit]]:
        return [(self.summary(hit.code), hit) for hit in self.index.search(query, limit)]

    def themes(self) -> list[tuple[str, int]]:
        counts = _count(theme for s in self.summaries for theme in s.themes)
        rank = {theme: i for i, theme in enumerate(THEME_ORDER)}
        return sorted(counts.items(), key=lambda tc: (rank.get(tc[0], len(rank)), tc[0]))

    def departments(self) -> list[tuple[str, int]]:
        return sorted(_count(s.department for s in self.summaries).items(), key=lambda dc: -dc[1])

    def levels(self) -> list[tuple[str, int]]:
        counts = _count(s.level for s in self.summaries)
        return [(level, counts[level]) for level in LEVELS if level in counts]

    def filtered(self, kind: str, value: str) -> list[ItemSummary]:
        """Items of one theme, department or level, most asked first."""

        def match(summary: ItemSummary) -> bool:
            if kind == "theme":
                return value in summary.themes
            if kind == "department":
                return summary.department == value
            if kind == "level":
                return summary.level == value
            raise ValueError(f"unknown grouping {kind!r}")

        return sorted((s for s in self.summaries if match(s)), key=_popular_first)

    def most_asked(self, limit: int = 8) -> list[ItemSummary]:
        ranked = sorted(self.summaries, key=_popular_first)
        return [s for s in ranked if s.popularity > 0][:limit]


def _popular_first(summary: ItemSummary) -> tuple[int, str]:
    return (-summary.popularity, summary.name)


def _count(values: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts
