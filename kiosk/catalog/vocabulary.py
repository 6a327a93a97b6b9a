"""What of a missed search may be kept: the catalog's own words, nothing else.

A search that found nothing is counted for the district's demand analysis, but residents
type anything into a search box: their name, their ID or phone number, an address. A miss
is therefore reduced to the words it shares with the catalog (item names, aliases, themes,
departments, and the shorter words those have in common, such as 补贴 or 证明). Digits,
Latin letters and every character that is not part of a catalog word are dropped, so a
name, a number or an address cannot survive: `王小明 低保` is kept as `低保`, `养猫补贴` as
`补贴`, and `13812341234` not at all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from kiosk.catalog.keys import normalise

MAX_TERM = 20  # characters kept of one missed search
_MAX_WORD = 12  # longest catalog word looked for
_SHARED_NGRAMS = (2, 3, 4)  # lengths of the words catalog entries have in common


def _han_runs(text: str) -> list[str]:
    """The runs of Chinese characters in `text` (normalised), in order."""
    runs, current = [], ""
    for char in normalise(text):
        if "\u3400" <= char <= "\u9fff":
            current += char
        elif current:
            runs.append(current)
            current = ""
    if current:
        runs.append(current)
    return runs


def build_vocabulary(entries: Iterable[str]) -> frozenset[str]:
    """Words of the catalog: every entry (name, alias, theme, department) of at most 12
    characters, and every 2–4 character piece found in at least two different entries."""
    words: set[str] = set()
    seen_in: Counter[str] = Counter()
    for entry in set(entries):
        pieces: set[str] = set()
        for run in _han_runs(entry):
            if 2 <= len(run) <= _MAX_WORD:
                words.add(run)
            for n in _SHARED_NGRAMS:
                pieces.update(run[i : i + n] for i in range(len(run) - n + 1))
        seen_in.update(pieces)
    words.update(piece for piece, count in seen_in.items() if count >= 2)
    return frozenset(words)


def anonymise_miss(term: str, vocabulary: frozenset[str]) -> str:
    """The catalog words of `term`, longest first from the left, space separated; "" if
    none. Everything else is dropped, and the result is cut at MAX_TERM characters."""
    kept: list[str] = []
    for run in _han_runs(term):
        start = 0
        while start < len(run):
            for end in range(min(len(run), start + _MAX_WORD), start + 1, -1):
                if run[start:end] in vocabulary:
                    if run[start:end] not in kept:
                        kept.append(run[start:end])
                    start = end
                    break
            else:
                start += 1
    result = ""
    for word in kept:
        candidate = f"{result} {word}" if result else word
        if len(candidate) > MAX_TERM:
            break
        result = candidate
    return result
