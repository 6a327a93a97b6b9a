"""Search keys of an item (or a hotline answer): its names in pinyin and initials, and the
text of its guide.

Computed once when a catalog is stored (pypinyin is slow to import and to run), never at
start-up: the stored keys are loaded as they are.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kiosk.catalog.model import ServiceItem

_NOT_KEY = re.compile(r"[^0-9a-z\u3400-\u9fff]+")


@dataclass(frozen=True)
class SearchKeys:
    """An item's text as search compares it: normalised name, aliases, pinyin, initials, content."""

    code: str
    name: str
    aliases: tuple[str, ...]
    pinyin: tuple[str, ...]  # full pinyin of the name, then of each alias
    initials: tuple[str, ...]  # initials of the name, then of each alias
    content: str
    popularity: int


def normalise(text: str) -> str:
    """Lower-case, half-width, without spaces or punctuation: the form both sides compare."""
    return _NOT_KEY.sub("", unicodedata.normalize("NFKC", text).lower())


def _spell(text: str) -> tuple[str, str]:
    from pypinyin import Style, lazy_pinyin

    syllables = [s for s in lazy_pinyin(normalise(text), style=Style.NORMAL, errors="default")]
    full = normalise("".join(syllables))
    initials = normalise("".join(s[0] if s else "" for s in syllables))
    return full, initials


def compute_keys(item: ServiceItem) -> SearchKeys:
    content_parts = [
        item.short_guide,
        item.department,
        item.implementing_body,
        item.result_name,
        *item.themes,
        *item.acceptance_conditions,
        *(material.name for material in item.materials),
        *(question.question for question in item.faq),
    ]
    return keys_for(item.code, item.name, item.aliases, " ".join(content_parts), item.popularity)


def keys_for(
    code: str, name: str, aliases: tuple[str, ...], content: str, popularity: int
) -> SearchKeys:
    """The keys of anything searched like an item: a hotline answer, a life event."""
    spelled = [_spell(text) for text in (name, *aliases)]
    return SearchKeys(
        code=code,
        name=normalise(name),
        aliases=tuple(normalise(alias) for alias in aliases),
        pinyin=tuple(full for full, _ in spelled),
        initials=tuple(initials for _, initials in spelled),
        content=normalise(content),
        popularity=popularity,
    )
