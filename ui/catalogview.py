"""View models of the catalog screens: browse lists, search results and one guide."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    Property,
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)

from kiosk.apply.rules import MAX_BUNDLE
from kiosk.catalog.library import CatalogLibrary, ItemSummary
from kiosk.catalog.model import ServiceItem
from kiosk.catalog.parse import CatalogError
from kiosk.catalog.printout import guide_receipt
from kiosk.catalog.syncjob import SyncOutcome
from kiosk.submission import Bundle
from kiosk.usage import UsageTally
from ui.guideview import GuideView
from ui.qmlelement import QmlElement, QmlUncreatable
from ui.rowmodel import RowModel

QML_IMPORT_NAME = "Kiosk.Types"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex


@QmlElement
@QmlUncreatable("the catalog view model's lists")
class ItemListModel(QAbstractListModel):
    """Rows of item summaries for kinetic ListViews."""

    CodeRole = Qt.ItemDataRole.UserRole + 1
    NameRole = Qt.ItemDataRole.UserRole + 2
    DepartmentRole = Qt.ItemDataRole.UserRole + 3
    VisitsRole = Qt.ItemDataRole.UserRole + 4
    CanApplyRole = Qt.ItemDataRole.UserRole + 5
    LevelRole = Qt.ItemDataRole.UserRole + 6

    countChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ItemSummary] = []

    def set_rows(self, rows: list[ItemSummary]) -> None:
        """Replace the rows. Same length: only changed rows are announced, so their
        delegates update in place instead of the whole list being rebuilt (a catalog
        update that leaves a list as it was costs the GUI thread nothing)."""
        if rows == self._rows:
            return
        if len(rows) == len(self._rows):
            changed = [
                i for i, (old, new) in enumerate(zip(self._rows, rows, strict=True)) if old != new
            ]
            self._rows = rows
            self.dataChanged.emit(self.index(changed[0]), self.index(changed[-1]))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()
        self.countChanged.emit()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        return {
            self.CodeRole: row.code,
            self.NameRole: row.name,
            Qt.ItemDataRole.DisplayRole: row.name,
            self.DepartmentRole: row.department,
            self.VisitsRole: row.visits,
            self.CanApplyRole: row.can_apply,
            self.LevelRole: row.level,
        }.get(role)

    def roleNames(self) -> dict[int, QByteArray]:
        return {
            self.CodeRole: QByteArray(b"code"),
            self.NameRole: QByteArray(b"name"),
            self.DepartmentRole: QByteArray(b"department"),
            self.VisitsRole: QByteArray(b"visits"),
            self.CanApplyRole: QByteArray(b"canApply"),
            self.LevelRole: QByteArray(b"level"),
        }

    @Property(int, notify=countChanged)
    def count(self) -> int:
        return len(self._rows)


@QmlElement
@QmlUncreatable("the catalog view model's lists")
class CatalogRows(RowModel):
    """A list of the catalog screens as rows of dataclasses (their fields are the roles):
    the browse groups."""


@dataclass(frozen=True)
class Group:
    """A theme, department, level or life event to browse by, with its number of items;
    `key` is what opens it (a life event's code; the name for the others)."""

    name: str
    count: int
    key: str


def _groups(counted: list[tuple[str, int]]) -> list[Group]:
    return [Group(name, count, name) for name, count in counted]


@dataclass(frozen=True)
class Suggestion:
    """One item of 为您推荐, under the title of the published rule that offers it (`first`:
    the rule's first item, where its title is shown)."""

    title: str
    first: bool
    code: str
    name: str
    department: str
    visits: int
    canApply: bool  # a QML role, named as QML names them


@dataclass(frozen=True)
class EventMaterial:
    """One material of a life event, once, with the items that ask for it."""

    name: str
    form: str
    copies: int
    forItems: str  # a QML role, named as QML names them; one item name per line


@QmlElement
@QmlUncreatable("built by the composition root")
class CatalogViewModel(QObject):
    """The catalog as the screens see it. Searching and browsing are in-memory and fast.

    Signals:
        libraryChanged: a (new) catalog is in use; lists refresh.
        guideChanged: `guide` shows the guide just opened (or none).
        searchMissed(str): a search the resident gave up on found nothing (for the
            anonymous demand statistics).
        suggestionsReady: 为您推荐 has items for the card just read (`suggestions`).
        retired(CatalogLibrary): the catalog just replaced; the composition root hands it
            to the catalog thread to free (ui/catalogworker.py CatalogWorker.retire).
    """

    libraryChanged = Signal()
    guideChanged = Signal()
    resultsChanged = Signal()
    listTitleChanged = Signal()
    eventChanged = Signal()
    suggestionsReady = Signal()
    searchMissed = Signal(str)
    retired = Signal(object)  # a replaced catalog, to be freed off the GUI thread
    printRequested = Signal(object)  # a Receipt with the open guide
    syncStatusChanged = Signal()

    def __init__(
        self,
        guide_url_pattern: str,
        parent: QObject | None = None,
        *,
        usage: UsageTally | None = None,
    ) -> None:
        super().__init__(parent)
        self._library: CatalogLibrary | None = None
        self._usage = usage  # the district's anonymous figures: guides viewed, searched
        self._guide_url_pattern = guide_url_pattern
        self._guide = GuideView(self)
        self._query = ""
        self._list_title = ""
        self.results = ItemListModel(self)
        self.listing = ItemListModel(self)
        self.mostAskedModel = ItemListModel(self)
        self._sync: SyncOutcome | None = None  # the last sync's outcome
        self._sync_at = ""  # when it came
        self._themes = CatalogRows(Group, self)
        self._departments = CatalogRows(Group, self)
        self._levels = CatalogRows(Group, self)
        self._events = CatalogRows(Group, self)  # 一件事, to browse
        self._found_events = CatalogRows(Group, self)  # the life events a search names
        self._event = ("", "", "")  # the life event open: code, name, summary
        self._event_online = 0  # how many of its items can be applied for here
        self.eventItemModel = ItemListModel(self)
        self._event_materials = CatalogRows(EventMaterial, self)
        self._suggestions = CatalogRows(Suggestion, self)  # 为您推荐, until the session ends

    # -- the catalog in use ---------------------------------------------------------------
    def set_library(self, library: CatalogLibrary) -> None:
        """Swap in a new catalog (built off the GUI thread).

        The open search is refreshed one event-loop turn later: rebuilding its list and the
        browse lists in the same turn would hold up one frame twice as long.
        """
        replaced, self._library = self._library, library
        if replaced is not None:
            self.retired.emit(replaced)
            del replaced
        self.mostAskedModel.set_rows(library.most_asked())
        self._themes.set_rows(_groups(library.themes()))
        self._departments.set_rows(_groups(library.departments()))
        self._levels.set_rows(_groups(library.levels()))
        self._events.set_rows([Group(e.name, len(e.items), e.code) for e in library.life_events()])
        self.libraryChanged.emit()
        if self._query:
            QTimer.singleShot(0, self, self._refresh_search)

    def _refresh_search(self) -> None:
        if self._query:
            self.search(self._query)

    @Slot(object)
    def set_sync_outcome(self, outcome: SyncOutcome) -> None:
        """The last sync's outcome, for the staff panel (a refused catalog says why)."""
        self._sync = outcome
        self._sync_at = time.strftime("%Y-%m-%d %H:%M")
        self.syncStatusChanged.emit()

    def _get_sync_state(self) -> str:
        return self._sync.status if self._sync else ""

    def _get_sync_detail(self) -> str:
        return self._sync.detail if self._sync else ""

    def _get_sync_problems(self) -> list[str]:
        return list(self._sync.problems[:5]) if self._sync else []

    def _get_sync_at(self) -> str:
        return self._sync_at

    # The last sync, for the staff panel: "" before the first one, else SyncOutcome.status.
    syncState = Property(str, _get_sync_state, notify=syncStatusChanged)
    syncDetail = Property(str, _get_sync_detail, notify=syncStatusChanged)
    syncProblems = Property(
        "QStringList",  # type: ignore[arg-type]  # PySide6 takes type names as well
        _get_sync_problems,
        notify=syncStatusChanged,
    )
    syncAt = Property(str, _get_sync_at, notify=syncStatusChanged)

    @Property(bool, notify=libraryChanged)
    def ready(self) -> bool:
        return self._library is not None

    @Property(int, notify=libraryChanged)
    def itemCount(self) -> int:
        return len(self._library) if self._library else 0

    @Property(str, notify=libraryChanged)
    def version(self) -> str:
        return self._library.version if self._library else ""

    @Property(bool, notify=libraryChanged)
    def sample(self) -> bool:
        return bool(self._library and self._library.sample)

    def _get_themes(self) -> CatalogRows:
        return self._themes

    def _get_departments(self) -> CatalogRows:
        return self._departments

    def _get_levels(self) -> CatalogRows:
        return self._levels

    def _get_events(self) -> CatalogRows:
        return self._events

    def _get_found_events(self) -> CatalogRows:
        return self._found_events

    themes = Property(CatalogRows, _get_themes, constant=True)
    departments = Property(CatalogRows, _get_departments, constant=True)
    levels = Property(CatalogRows, _get_levels, constant=True)
    lifeEvents = Property(CatalogRows, _get_events, constant=True)
    foundEvents = Property(CatalogRows, _get_found_events, constant=True)

    # -- 为您推荐 ------------------------------------------------------------------------------
    @Slot(int)
    def suggest(self, age: int) -> None:
        """Items the catalog's published rules offer a resident of `age`; `suggestionsReady`
        when there are any. Forgotten at the session's end (`reset`)."""
        offers = self._library.recommended(age) if self._library else []
        self._suggestions.set_rows(
            [
                Suggestion(offer.title, i == 0, s.code, s.name, s.department, s.visits, s.can_apply)
                for offer in offers
                for i, s in enumerate(offer.items)
            ]
        )
        if offers:
            self.suggestionsReady.emit()

    def _get_suggestions(self) -> CatalogRows:
        return self._suggestions

    suggestions = Property(CatalogRows, _get_suggestions, constant=True)

    # -- one life event (一件事) -------------------------------------------------------------
    @Slot(str, result=bool)
    def showEvent(self, code: str) -> bool:
        """Open a life event: its items in order and their materials, each once. False when
        this catalog has no such event (it was replaced meanwhile)."""
        if self._library is None:
            return False
        try:
            event = self._library.life_event(code)
            materials = self._library.event_materials(code)
        except (KeyError, CatalogError):
            log.warning("life event %s cannot be shown", code, exc_info=True)
            return False
        self._event = (event.code, event.name, event.summary)
        summaries = [self._library.summary(c) for c in event.items]
        self._event_online = sum(1 for summary in summaries if summary.can_apply)
        self.eventItemModel.set_rows(summaries)
        self._event_materials.set_rows(
            [
                EventMaterial(
                    m.material.name, m.material.form, m.material.copies, "\n".join(m.items)
                )
                for m in materials
            ]
        )
        self.eventChanged.emit()
        return True

    @Property(str, notify=eventChanged)
    def eventName(self) -> str:
        return self._event[1]

    @Property(str, notify=eventChanged)
    def eventSummary(self) -> str:
        return self._event[2]

    @Property(str, notify=eventChanged)
    def eventCode(self) -> str:
        return self._event[0]

    @Property(int, notify=eventChanged)
    def eventOnline(self) -> int:
        """How many of the open life event's items can be applied for on this kiosk (two or
        more: they can be applied for together)."""
        return self._event_online

    @Property(ItemListModel, constant=True)
    def eventItems(self) -> ItemListModel:
        return self.eventItemModel

    def _get_event_materials(self) -> CatalogRows:
        return self._event_materials

    eventMaterials = Property(CatalogRows, _get_event_materials, constant=True)

    # -- browsing ---------------------------------------------------------------------------
    @Property(ItemListModel, constant=True)
    def listModel(self) -> ItemListModel:
        return self.listing

    @Property(ItemListModel, constant=True)
    def mostAsked(self) -> ItemListModel:
        return self.mostAskedModel

    @Property(str, notify=listTitleChanged)
    def listTitle(self) -> str:
        return self._list_title

    @Slot(str, str)
    def showList(self, kind: str, value: str) -> None:
        rows = self._library.filtered(kind, value) if self._library else []
        self.listing.set_rows(rows)
        self._list_title = value
        self.listTitleChanged.emit()

    # -- search -----------------------------------------------------------------------------
    @Property(ItemListModel, constant=True)
    def resultModel(self) -> ItemListModel:
        return self.results

    @Property(str, notify=resultsChanged)
    def query(self) -> str:
        return self._query

    @Slot(str)
    def search(self, query: str) -> None:
        self._query = query
        typed = bool(self._library and query.strip())
        found = self._library.search(query) if self._library and typed else []
        events = self._library.search_events(query) if self._library and typed else []
        self.results.set_rows([summary for summary, _hit in found])
        self._found_events.set_rows([Group(e.name, len(e.items), e.code) for e in events])
        self.resultsChanged.emit()

    @Slot()
    def finishSearch(self) -> None:
        """The resident left the search screen: count a search that found nothing, then forget."""
        if self._query.strip() and self.results.rowCount() == 0:
            self.searchMissed.emit(self._query.strip())
        self.search("")

    # -- one guide --------------------------------------------------------------------------
    def _get_guide(self) -> GuideView:
        return self._guide

    guide = Property(GuideView, _get_guide, constant=True)

    @Property(str, notify=guideChanged)
    def guideUrl(self) -> str:
        code = self._guide.item_code()
        return self._guide_url_pattern.format(code=code) if code else ""

    @Slot(str, result=bool)
    def openGuide(self, code: str) -> bool:
        """Show the guide of `code` (from a list or the most asked); False if it is gone."""
        return self._open_guide(code, ("viewed",))

    @Slot(str, result=bool)
    def openFoundGuide(self, code: str) -> bool:
        """Show the guide of `code`, chosen among the results of a search."""
        return self._open_guide(code, ("viewed", "searched"))

    def _open_guide(self, code: str, uses: tuple[str, ...]) -> bool:
        if self._library is None:
            return False
        try:
            item = self._library.item(code)
        except (KeyError, CatalogError):
            log.exception("guide %s cannot be shown", code)
            return False
        self._guide.show(item, self._library.sample)
        self.guideChanged.emit()
        if self._usage is not None:
            for use in uses:
                self._usage.count(item.code, use)
        return True

    def item_name(self, code: str) -> str:
        """An item's name from the summaries in memory ("" if the catalog has no such item):
        no guide is read for it."""
        if self._library is None or code not in self._library:
            return ""
        return self._library.summary(code).name

    def bundle(self, code: str) -> Bundle | None:
        """The items of a life event that can be applied for here, as one application; None
        if fewer than two are (then each is applied for from its guide) or it is gone."""
        if self._library is None:
            return None
        try:
            event = self._library.life_event(code)
            items = tuple(self._library.item(c) for c in event.items)
        except (KeyError, CatalogError):
            log.exception("life event %s cannot be applied for", code)
            return None
        online = tuple(item for item in items if item.can_apply_online)[:MAX_BUNDLE]
        return Bundle(event.code, event.name, online) if len(online) >= 2 else None

    def item(self, code: str) -> ServiceItem | None:
        """The whole item behind a code (for an application), None if it is gone."""
        if self._library is None:
            return None
        try:
            return self._library.item(code)
        except (KeyError, CatalogError):
            log.exception("item %s cannot be read", code)
            return None

    @Slot(str, str)
    def printGuide(self, station: str, printed_at: str) -> None:
        """Ask for the open guide on paper (`printRequested` carries the receipt)."""
        code = self._guide.item_code()
        if not code or self._library is None:
            return
        receipt = guide_receipt(
            self._library.item(code),
            guide_url=self._guide_url_pattern.format(code=code),
            sample=self._library.sample,
            station=station,
            printed_at=printed_at,
        )
        self.printRequested.emit(receipt)

    @Slot()
    def reset(self) -> None:
        """End of session: forget the query, the lists, 为您推荐 and the open guide."""
        self.search("")
        self.listing.set_rows([])
        self._suggestions.set_rows([])
        self._list_title = ""
        self.listTitleChanged.emit()
        self._guide.show(None)
        self.guideChanged.emit()
