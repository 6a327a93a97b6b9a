"""The catalog the kiosk shows: summaries and a search index in memory, guides parsed on demand.

A library is an immutable snapshot. A catalog update builds a new one off the GUI thread and
the UI swaps the reference, so a resident never sees half a catalog.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from kiosk.catalog.keys import SearchKeys, compute_keys, keys_for, normalise
from kiosk.catalog.model import (
    LEVELS,
    AgeRule,
    Catalog,
    LifeEvent,
    Material,
    ServiceItem,
    Synonym,
)
from kiosk.catalog.parse import item_to_document, parse_item
from kiosk.catalog.phrases import PhraseMatcher, Segmenter, merge
from kiosk.catalog.search import Hit, SearchIndex
from kiosk.workdays import MAX_DAYS_PER_YEAR, Workdays, YearPlan

log = logging.getLogger(__name__)

MAX_QUERY = 64  # characters of a typed query searched: what a search box holds, bounded work

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


def _year_plan(stored: dict[str, Any]) -> YearPlan:
    """A year as stored (checked when the catalog was), checked again for what would make
    counting working days run away: too many days off, weekdays "worked instead"."""

    def days(key: str) -> frozenset[datetime.date]:
        found = frozenset(datetime.date.fromisoformat(day) for day in stored[key])
        if len(found) > MAX_DAYS_PER_YEAR:
            raise ValueError(f"{key}: more than {MAX_DAYS_PER_YEAR} days")
        return found

    plan = YearPlan(int(stored["year"]), days("holidays"), days("workdays"), str(stored["source"]))
    if any(day.weekday() < 5 for day in plan.workdays):
        raise ValueError("workdays: a weekday")
    return plan


@dataclass(frozen=True)
class Guidance:
    """What a catalog publishes besides its items: life events (with their search keys,
    computed when stored, like the items'), synonyms, the age rules of 为您推荐 and the
    working-day calendar."""

    life_events: tuple[LifeEvent, ...] = ()
    event_keys: tuple[SearchKeys, ...] = ()
    synonyms: tuple[Synonym, ...] = ()
    age_rules: tuple[AgeRule, ...] = ()
    work_calendar: tuple[YearPlan, ...] = ()

    @staticmethod
    def from_catalog(catalog: Catalog) -> Guidance:
        return Guidance(
            catalog.life_events,
            tuple(keys_for(e.code, e.name, e.aliases, e.summary, 0) for e in catalog.life_events),
            catalog.synonyms,
            catalog.age_rules,
            catalog.work_calendar,
        )

    def to_json(self) -> str:
        return json.dumps(
            {
                "life_events": [dataclasses.asdict(e) for e in self.life_events],
                "event_keys": [dataclasses.asdict(k) for k in self.event_keys],
                "synonyms": [dataclasses.asdict(s) for s in self.synonyms],
                "age_rules": [dataclasses.asdict(r) for r in self.age_rules],
                "work_calendar": [
                    {
                        "year": plan.year,
                        "holidays": sorted(day.isoformat() for day in plan.holidays),
                        "workdays": sorted(day.isoformat() for day in plan.workdays),
                        "source": plan.source,
                    }
                    for plan in self.work_calendar
                ],
            },
            ensure_ascii=False,
        )

    @staticmethod
    def from_json(text: str) -> Guidance:
        """As stored by `to_json` (after the catalog was validated). Stored data that cannot
        be read (a damaged row) leaves the catalog without its guidance, not unusable."""

        def tuples(record: dict[str, Any]) -> dict[str, Any]:
            return {k: tuple(v) if isinstance(v, list) else v for k, v in record.items()}

        try:
            data = json.loads(text) if text else {}
            return Guidance(
                tuple(LifeEvent(**tuples(e)) for e in data.get("life_events", ())),
                tuple(SearchKeys(**tuples(k)) for k in data.get("event_keys", ())),
                tuple(Synonym(**tuples(s)) for s in data.get("synonyms", ())),
                tuple(AgeRule(**tuples(r)) for r in data.get("age_rules", ())),
                tuple(_year_plan(p) for p in data.get("work_calendar", ())),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            log.warning("the stored life events, synonyms, age rules and calendar cannot be read")
            return Guidance()


@dataclass(frozen=True)
class SharedMaterial:
    """A material of a life event, listed once with the items that need it."""

    material: Material
    items: tuple[str, ...]  # names of the items that ask for it, in the event's order


@dataclass(frozen=True)
class Recommended:
    """为您推荐: one published rule that applies, with its items in this catalog."""

    title: str
    items: tuple[ItemSummary, ...]


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
        guidance: Guidance = Guidance(),
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
        # Life events keep the items this catalog has (a stored catalog was checked whole).
        self._events = {
            e.code: dataclasses.replace(e, items=tuple(c for c in e.items if c in self))
            for e in guidance.life_events
        }
        self._event_index = SearchIndex(guidance.event_keys)
        self._event_names = {
            normalise(name): e.code for e in guidance.life_events for name in (e.name, *e.aliases)
        }
        self._age_rules = guidance.age_rules
        self.workdays = Workdays(guidance.work_calendar)
        synonyms = {s.word: s.means for s in guidance.synonyms}
        own_words = [
            *(alias for s in stored for alias in s.keys.aliases),
            *(word for e in guidance.life_events for word in (e.name, *e.aliases)),
            *(word for s in guidance.synonyms for word in (s.word, *s.means)),
            *(theme for theme, _ in self._themes),
        ]
        self._phrases = PhraseMatcher(Segmenter(own_words), synonyms)

    @staticmethod
    def from_catalog(catalog: Catalog) -> CatalogLibrary:
        """Computes search keys (slow: pypinyin). For tests and tools, not for start-up."""
        stored = [StoredItem.from_item(i) for i in catalog.items]
        documents = {s.summary.code: s.document for s in stored}
        return CatalogLibrary(
            catalog.version,
            catalog.sample,
            stored,
            documents.__getitem__,
            guidance=Guidance.from_catalog(catalog),
        )

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
        """Items for what was typed: by name, alias, pinyin and initials first, then the
        items of the life events it names (tier "event"), then those its words find (tier
        "phrase", kiosk/catalog/phrases.py); near misses and guide contents as `merge` says."""
        query = query[:MAX_QUERY]
        words = self._phrases.segmenter.words(query)
        # A phrase, or one word that means more (没工作: 失业, 就业困难).
        phrase_typed = bool(words) and (
            words != [normalise(query)] or len(self._phrases.alternatives(words[0])) > 1
        )
        # Near misses of a whole phrase are slow to look for (a few ms at 5,000 items) and
        # find nothing its words do not: they are looked for when the words found nothing.
        direct = self.index.search(query, limit, near=not phrase_typed)
        events = [Hit(code, "event") for e in self._events_typed(query) for code in e.items]
        strong = sum(1 for hit in direct if hit.tier not in ("content", "near"))
        phrase: list[Hit] = []
        if phrase_typed and strong < limit:
            phrase = self._phrases.word_hits(words, self._word_search, limit)
            if not phrase:
                direct += self.index.near(query, limit)  # merge keeps each item once
        hits = merge(direct, events, phrase, limit=limit)
        return [(self.summary(hit.code), hit) for hit in hits]

    def _word_search(self, word: str, limit: int) -> list[Hit]:
        """What one word of a phrase finds: items, and the items of a life event it names."""
        event = self._events.get(self._event_names.get(word, ""))
        named = [Hit(code, "event") for code in event.items] if event else []
        return named + self.index.search(word, limit, near=False)

    def _events_typed(self, query: str) -> list[LifeEvent]:
        """Life events by name, alias, pinyin or initials, as typed so far (生孩, shenghaizi);
        not for a single letter or character, which would name half of them."""
        found: list[LifeEvent] = []
        if len(normalise(query[:MAX_QUERY])) < 2:
            return found
        for hit in self._event_index.search(query, 5):
            event = self._events.get(hit.code)
            if hit.tier not in ("content", "near") and event and event.items:
                found.append(event)
        return found

    def search_events(self, query: str) -> list[LifeEvent]:
        """The life events what was typed names: as typed, or one of its words (or what the
        word means) is the event's name or one of its aliases."""
        found = self._events_typed(query)
        for word in self._phrases.segmenter.words(query[:MAX_QUERY]):
            for alternative in self._phrases.alternatives(word):
                event = self._events.get(self._event_names.get(alternative, ""))
                if event and event.items and event not in found:
                    found.append(event)
        return found

    def life_events(self) -> list[LifeEvent]:
        """The life events with at least one item in this catalog, in published order."""
        return [event for event in self._events.values() if event.items]

    def life_event(self, code: str) -> LifeEvent:
        return self._events[code]

    def event_materials(self, code: str) -> list[SharedMaterial]:
        """Every material of a life event's items once (matched by name, as written), in the
        order first needed, with the items that need it. Parses the items' guides."""
        by_name: dict[str, tuple[Material, list[str]]] = {}
        for item_code in self._events[code].items:
            item = self.item(item_code)
            for material in item.materials:
                key = normalise(material.name)
                if key not in by_name:
                    by_name[key] = (material, [])
                if item.name not in by_name[key][1]:
                    by_name[key][1].append(item.name)
        return [SharedMaterial(m, tuple(names)) for m, names in by_name.values()]

    def recommended(self, age: int) -> list[Recommended]:
        """为您推荐 for a resident of `age`: each published rule that applies, its items in
        this catalog, each item under the first rule that offers it."""
        shown: set[str] = set()
        found: list[Recommended] = []
        for rule in self._age_rules:
            if not rule.min_age <= age <= rule.max_age:
                continue
            items = tuple(self.summary(c) for c in rule.items if c in self and c not in shown)
            shown.update(summary.code for summary in items)
            if items:
                found.append(Recommended(rule.title, items))
        return found

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
