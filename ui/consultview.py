"""咨询 as the screens see it: the hotline knowledge base searched and browsed, one answer.

The knowledge base is loaded and synced by the catalog worker (ui/catalogworker.py) and
swapped in whole; searching and browsing are in memory, on the GUI thread, in well under a
millisecond for the sample (`make bench`: kb_search_p99_ms at 5,000 entries). An answer is
read from the store when opened.

Signals:
    changed: the knowledge base, the list of questions or the open answer changed.
    retired(KnowledgeLibrary): the knowledge base just replaced; the composition root hands
        it to the catalog thread to free (ui/catalogworker.py CatalogWorker.retire).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, Signal, Slot

from ui.catalogview import CatalogRows, Group
from ui.qmlelement import QmlElement, QmlUncreatable
from ui.rowmodel import RowModel

if TYPE_CHECKING:  # the knowledge package is loaded by the catalog worker, not at start-up
    from kiosk.knowledge.library import KnowledgeLibrary, Question

QML_IMPORT_NAME = "Kiosk.Types"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

POPULAR = 12  # questions shown for a theme, or for all, before the resident types
FOUND = 30  # search results shown


@dataclass(frozen=True)
class QuestionRow:
    """One row of the knowledge base's question lists (a model role each)."""

    id: str
    question: str
    theme: str


@dataclass(frozen=True)
class RelatedItem:
    """A catalog item an answer is about, as it is named in the catalog in use."""

    code: str
    name: str


def _slot(_row: object) -> None:
    return None


@QmlElement
@QmlUncreatable("the consultation view model's lists")
class ConsultRows(RowModel):
    """The questions of a theme or a search, and the items an answer links to."""


@QmlElement
@QmlUncreatable("built by the composition root")
class ConsultViewModel(QObject):
    changed = Signal()
    retired = Signal(object)  # a replaced knowledge base, to be freed off the GUI thread

    def __init__(self, item_name: Callable[[str], str], parent: QObject | None = None) -> None:
        """`item_name(code)` names a catalog item ("" when the catalog in use has none)."""
        super().__init__(parent)
        self._item_name = item_name
        self._library: KnowledgeLibrary | None = None
        self._theme = ""
        self._query = ""
        self._open: Question | None = None
        self._answer = ""
        self.theme_rows = CatalogRows(Group, self)
        # Rows are slots: a list as long as the last one (a theme's 12 most asked, another
        # theme's, after an update) is changed in place, its delegates kept, instead of
        # being built again in the frame that shows it.
        self.question_rows = ConsultRows(QuestionRow, self, key=_slot)
        self.related_rows = ConsultRows(RelatedItem, self)

    # -- the knowledge base in use --------------------------------------------------------
    def set_library(self, library: KnowledgeLibrary) -> None:
        """Swap in a new knowledge base (built off the GUI thread). An answer on screen stays
        as it was read, even if the update dropped it. The replaced one leaves by `retired`."""
        replaced, self._library = self._library, library
        if replaced is not None:
            self.retired.emit(replaced)
            del replaced
        self.theme_rows.set_rows([Group(name, count, name) for name, count in library.themes()])
        self._list()
        self.changed.emit()

    @Property(bool, notify=changed)
    def ready(self) -> bool:
        return self._library is not None and len(self._library) > 0

    @Property(bool, notify=changed)
    def sample(self) -> bool:
        return bool(self._library and self._library.sample)

    @Property(str, notify=changed)
    def version(self) -> str:
        return self._library.version if self._library else ""

    @Property(int, notify=changed)
    def entryCount(self) -> int:
        return len(self._library) if self._library else 0

    # -- browsing and search ----------------------------------------------------------------
    def _get_themes(self) -> CatalogRows:
        return self.theme_rows

    def _get_questions(self) -> ConsultRows:
        return self.question_rows

    def _get_related(self) -> ConsultRows:
        return self.related_rows

    themes = Property(CatalogRows, _get_themes, constant=True)
    # The questions shown: the search's results while there is a query, else the most asked
    # of the chosen theme (of all themes when none is chosen).
    questions = Property(ConsultRows, _get_questions, constant=True)

    @Property(str, notify=changed)
    def theme(self) -> str:
        return self._theme

    @Property(str, notify=changed)
    def query(self) -> str:
        return self._query

    @Slot()
    def begin(self) -> None:
        """The 咨询 screen opens: the most asked of all, nothing typed."""
        self._query = ""
        self._theme = ""
        self._list()
        self.changed.emit()

    @Slot(str)
    def chooseTheme(self, theme: str) -> None:
        """Browse one theme's questions ("" for the most asked of all)."""
        self._theme = theme
        self._list()
        self.changed.emit()

    @Slot(str)
    def search(self, query: str) -> None:
        self._query = query.strip()
        self._list()
        self.changed.emit()

    def _list(self) -> None:
        library = self._library
        if library is None:
            found: list[Question] = []
        elif self._query:
            found = library.search(self._query, FOUND)
        else:
            found = library.popular(self._theme, POPULAR)
        self.question_rows.set_rows([QuestionRow(q.id, q.question, q.theme) for q in found])

    # -- one answer ---------------------------------------------------------------------------
    @Slot(str, result=bool)
    def open(self, entry_id: str) -> bool:
        """Show one answer; False when it cannot be read (gone with an update, a bad row)."""
        if self._library is None or entry_id not in self._library:
            return False
        try:
            answer = self._library.answer(entry_id)
        except (KeyError, OSError, sqlite3.Error) as error:  # a version gone, the disk
            log.error("answer %s cannot be read: %s", entry_id, type(error).__name__)
            return False
        self._open = self._library.question(entry_id)
        self._answer = answer
        related = ((code, self._item_name(code)) for code in self._open.items)
        self.related_rows.set_rows([RelatedItem(code, name) for code, name in related if name])
        self.changed.emit()
        return True

    @Property(str, notify=changed)
    def answerQuestion(self) -> str:
        return self._open.question if self._open else ""

    @Property(str, notify=changed)
    def answerText(self) -> str:
        return self._answer

    @Property(str, notify=changed)
    def answerTheme(self) -> str:
        return self._open.theme if self._open else ""

    @Property(str, notify=changed)
    def answerUpdated(self) -> str:
        """When the answer was last checked by the hotline (YYYY-MM-DD)."""
        return self._open.updated if self._open else ""

    # The catalog items the open answer is about, named as in the catalog in use (items the
    # catalog no longer has are left out).
    related = Property(ConsultRows, _get_related, constant=True)

    def _close(self) -> None:
        self._open = None
        self._answer = ""
        self.related_rows.set_rows([])

    @Slot()
    def reset(self) -> None:
        """End of session: what the resident typed and read goes."""
        self._query = ""
        self._theme = ""
        self._close()
        self._list()
        self.changed.emit()
