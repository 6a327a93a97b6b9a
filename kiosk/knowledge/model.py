"""The hotline knowledge base as the platform publishes it (GET /knowledge, openapi.yaml)."""

from __future__ import annotations

from dataclasses import dataclass

# Bounds on what the platform may send: they keep a search (run on the GUI thread, per
# keystroke) and the key building of a sync within their times (`make bench` measures 5,000
# entries with 3 keywords each).
MAX_ENTRIES = 10_000
MAX_QUESTION = 200  # characters
MAX_ANSWER = 5_000
MAX_KEYWORDS = 20  # of one entry
MAX_KEYWORDS_TOTAL = 40_000  # of the whole knowledge base
MAX_KEYWORD = 40
MAX_ITEMS = 20
MAX_VERSION = 64


@dataclass(frozen=True)
class Entry:
    """One question and its answer, with the catalog items it is about."""

    id: str
    theme: str
    question: str
    answer: str  # plain text; paragraphs separated by a blank line
    items: tuple[str, ...]  # implementation codes of catalog items
    keywords: tuple[str, ...]  # how residents put it instead
    updated: str  # YYYY-MM-DD
    popularity: int = 0


@dataclass(frozen=True)
class KnowledgeBase:
    version: str
    entries: tuple[Entry, ...]
    sample: bool = False
