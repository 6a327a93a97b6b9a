"""Search as the resident types: Chinese, full pinyin, initials, aliases, small typos.

Ranking, best first: exact name, name prefix, alias, name contains, pinyin and initials,
guide contents, then near misses (one wrong or missing character). Within a tier, the more
often asked item comes first.

Speed: every key of one kind lives in one string (a "blob") with entries in ranking order,
so a tier is a few C-level `str.find` calls and stops as soon as enough results are found.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from kiosk.catalog.keys import SearchKeys, normalise

SEP = "\x00"


@dataclass(frozen=True)
class Hit:
    """An item search found, and how it matched (the tier orders the results)."""

    code: str
    tier: str


class _Blob:
    """Many keys in one string; each key belongs to an entry (an item's position)."""

    def __init__(self, keyed: Iterable[tuple[int, str]]) -> None:
        pairs = [(owner, key) for owner, key in keyed if key]
        self.owners = [owner for owner, _ in pairs]
        parts = [key for _, key in pairs]
        # Each key starts one past the end of the previous key and its separator.
        self.starts = list(accumulate((len(key) + 1 for key in parts[:-1]), initial=1))
        self.text = SEP + SEP.join(parts) + SEP

    def owners_matching(self, needle: str, limit: int, skip: set[int]) -> list[int]:
        """Owners of keys that contain `needle` (which may include SEP for prefix/exact)."""
        found: list[int] = []
        text, starts, owners = self.text, self.starts, self.owners
        position = text.find(needle)
        while position >= 0 and len(found) < limit:
            index = bisect.bisect_right(starts, position + (1 if needle[0] == SEP else 0)) - 1
            owner = owners[index]
            if owner not in skip:
                skip.add(owner)
                found.append(owner)
            next_key = starts[index + 1] if index + 1 < len(starts) else len(text)
            position = text.find(needle, next_key - 1 if needle[0] == SEP else next_key)
        return found


def _by_text(keyed: Iterable[tuple[int, str]]) -> tuple[list[str], list[list[int]]]:
    """Each distinct key once, with the entries that have it (in entry order): what the near
    misses compare, so a keyword many entries share costs one comparison."""
    owners: dict[str, list[int]] = {}
    for owner, key in keyed:
        if key:
            owners.setdefault(key, []).append(owner)
    return list(owners), list(owners.values())


class SearchIndex:
    """Built from stored keys, off the GUI thread; searched on it (microseconds to a few ms).

    `sentences`: the names are questions (the hotline's knowledge base), not item names.
    Typed pinyin then rarely is a whole name or its start, so those tiers are not searched
    apart: their scans of the long pinyin of whole questions took half the time of a search
    and ranked almost nothing differently. Pinyin contained anywhere still finds them. Near
    misses are looked for in the keywords (short, as residents put it), not in questions.
    """

    def __init__(self, keys: Sequence[SearchKeys], *, sentences: bool = False) -> None:
        self._sentences = sentences
        self.entries = sorted(keys, key=lambda k: (-k.popularity, len(k.name), k.code))
        entries = list(enumerate(self.entries))
        self._names = _Blob((i, k.name) for i, k in entries)
        self._aliases = _Blob((i, a) for i, k in entries for a in k.aliases)
        self._pinyin_names = _Blob((i, k.pinyin[0]) for i, k in entries if k.pinyin)
        self._pinyin_all = _Blob((i, p) for i, k in entries for p in k.pinyin)
        self._initials = _Blob((i, p) for i, k in entries for p in k.initials)
        self._content = _Blob((i, k.content) for i, k in entries)
        # Imported here, on the thread that builds the index, not at start-up.
        from rapidfuzz import fuzz, process

        self._fuzz, self._process = fuzz, process
        if sentences:  # typos are looked for in the short keywords, not in whole questions
            self._fuzzy_names = _by_text(
                (i, key) for i, k in entries for key in (k.aliases or (k.name,))
            )
            self._fuzzy_pinyin = _by_text(
                (i, key) for i, k in entries for key in (k.pinyin[1:] or k.pinyin[:1])
            )
        else:
            self._fuzzy_names = _by_text((i, k.name) for i, k in entries)
            self._fuzzy_pinyin = _by_text((i, k.pinyin[0]) for i, k in entries if k.pinyin)

    def __len__(self) -> int:
        return len(self.entries)

    def search(self, query: str, limit: int = 50, *, near: bool = True) -> list[Hit]:
        """Best first; `near`: look for near misses when fewer than `limit` were found."""
        q = normalise(query)
        if not q:
            return []
        latin = q.isascii()
        tiers: list[tuple[str, _Blob, str]] = [
            ("name", self._names, SEP + q + SEP),
            ("name", self._names, SEP + q),
            ("alias", self._aliases, SEP + q + SEP),
            ("alias", self._aliases, SEP + q),
            ("name", self._names, q),
            ("alias", self._aliases, q),
        ]
        if latin and self._sentences:
            tiers += [
                ("initials", self._initials, SEP + q + SEP),
                ("initials", self._initials, SEP + q),
                ("pinyin", self._pinyin_all, q),
                ("initials", self._initials, q),
            ]
        elif latin:
            tiers += [
                ("pinyin", self._pinyin_all, SEP + q + SEP),
                ("initials", self._initials, SEP + q + SEP),
                ("pinyin", self._pinyin_names, SEP + q),
                ("initials", self._initials, SEP + q),
                ("pinyin", self._pinyin_all, SEP + q),
                ("pinyin", self._pinyin_all, q),
                ("initials", self._initials, q),
            ]
        tiers.append(("content", self._content, q))
        seen: set[int] = set()
        hits: list[Hit] = []
        for tier, blob, needle in tiers:
            for owner in blob.owners_matching(needle, limit - len(hits), seen):
                hits.append(Hit(self.entries[owner].code, tier))
            if len(hits) >= limit:
                return hits
        if near:
            hits += self._near_misses(q, latin, limit - len(hits), seen)
        return hits

    def near(self, query: str, limit: int) -> list[Hit]:
        """Near misses only (see `search`)."""
        q = normalise(query)
        return self._near_misses(q, q.isascii(), limit, set())

    def _near_misses(self, q: str, latin: bool, limit: int, seen: set[int]) -> list[Hit]:
        """One wrong, extra or missing character, for queries long enough to be sure."""
        if limit <= 0 or len(q) < (4 if latin else 3):
            return []
        cutoff = 100.0 * (1 - 1.0 / len(q)) - 0.5
        choices, owners = self._fuzzy_pinyin if latin else self._fuzzy_names
        found = self._process.extract(
            q,
            choices,
            scorer=self._fuzz.partial_ratio,
            limit=limit + len(seen),
            score_cutoff=cutoff,
        )
        ranked = sorted(found, key=lambda match: (-match[1], owners[match[2]][0]))
        hits: list[Hit] = []
        for _, _, choice in ranked:
            for owner in owners[choice]:
                if owner not in seen and len(hits) < limit:
                    seen.add(owner)
                    hits.append(Hit(self.entries[owner].code, "near"))
        return hits
