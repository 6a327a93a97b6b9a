"""The knowledge base the kiosk shows: questions and a search index in memory, answers read
from the store when opened. An immutable snapshot, swapped whole like a CatalogLibrary.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kiosk.catalog.keys import SearchKeys, keys_for
from kiosk.catalog.library import THEME_ORDER
from kiosk.catalog.search import SearchIndex
from kiosk.knowledge.model import Entry, KnowledgeBase


@dataclass(frozen=True)
class Question:
    """What lists of questions show: an entry without its answer."""

    id: str
    theme: str
    question: str
    items: tuple[str, ...]
    updated: str
    popularity: int


@dataclass(frozen=True)
class StoredEntry:
    """One entry as stored: its question and search keys (one row), and its answer."""

    question: Question
    keys: SearchKeys
    answer: str = ""

    @staticmethod
    def from_entry(entry: Entry) -> StoredEntry:
        question = Question(
            entry.id, entry.theme, entry.question, entry.items, entry.updated, entry.popularity
        )
        # The answer is searched as contents: "怎么补办" finds the answer that says so.
        keys = keys_for(
            entry.id, entry.question, entry.keywords,
            f"{entry.theme} {entry.answer}", entry.popularity,
        )  # fmt: skip
        return StoredEntry(question, keys, entry.answer)

    def summary_json(self) -> str:
        q, k = self.question, self.keys
        return json.dumps(
            [q.id, q.theme, q.question, q.items, q.updated, q.popularity,
             k.name, k.aliases, k.pinyin, k.initials, k.content],
            ensure_ascii=False,
        )  # fmt: skip

    @staticmethod
    def from_json(summary_json: str) -> StoredEntry:
        (entry_id, theme, question, items, updated, popularity,
         name, aliases, pinyin, initials, content) = json.loads(summary_json)  # fmt: skip
        return StoredEntry(
            Question(entry_id, theme, question, tuple(items), updated, popularity),
            SearchKeys(
                entry_id, name, tuple(aliases), tuple(pinyin), tuple(initials), content, popularity
            ),
        )


class KnowledgeLibrary:
    """Questions and their index in memory; `answer(id)` reads one answer (from memory for a
    library built from a document, from an indexed SQLite read for a stored one)."""

    def __init__(
        self,
        version: str,
        sample: bool,
        stored: Sequence[StoredEntry],
        answers: Callable[[str], str],
    ) -> None:
        self.version = version
        self.sample = sample
        self.questions = tuple(s.question for s in stored)
        self._by_id = {q.id: q for q in self.questions}
        self._answers = answers
        self.index = SearchIndex([s.keys for s in stored], sentences=True)
        ranked = sorted(self.questions, key=lambda q: (-q.popularity, q.id))
        self._popular = ranked
        counts: dict[str, int] = {}
        for question in ranked:
            counts[question.theme] = counts.get(question.theme, 0) + 1
        rank = {theme: i for i, theme in enumerate(THEME_ORDER)}
        self._themes = sorted(counts.items(), key=lambda tc: (rank.get(tc[0], len(rank)), tc[0]))

    @staticmethod
    def from_knowledge(knowledge: KnowledgeBase) -> KnowledgeLibrary:
        """Computes search keys (slow: pypinyin). For tests and tools, not for start-up."""
        stored = [StoredEntry.from_entry(e) for e in knowledge.entries]
        answers = {s.question.id: s.answer for s in stored}
        return KnowledgeLibrary(knowledge.version, knowledge.sample, stored, answers.__getitem__)

    def __len__(self) -> int:
        return len(self.questions)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._by_id

    def question(self, entry_id: str) -> Question:
        return self._by_id[entry_id]

    def answer(self, entry_id: str) -> str:
        if entry_id not in self._by_id:
            raise KeyError(entry_id)
        return self._answers(entry_id)

    def search(self, query: str, limit: int = 30) -> list[Question]:
        return [self._by_id[hit.code] for hit in self.index.search(query, limit)]

    def themes(self) -> list[tuple[str, int]]:
        """Themes with their number of questions, in the national platform's order."""
        return self._themes

    def popular(self, theme: str = "", limit: int = 12) -> list[Question]:
        """The most asked questions, of one theme or of all."""
        chosen = (q for q in self._popular if not theme or q.theme == theme)
        return [q for _, q in zip(range(limit), chosen, strict=False)]

    def about(self, item_code: str, limit: int = 5) -> list[Question]:
        """The most asked questions about one catalog item."""
        return [q for q in self._popular if item_code in q.items][:limit]
