"""At the end of a session nothing the resident entered is left anywhere in the UI."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import shiboken6
from PySide6.QtCore import QAbstractItemModel, QObject, Qt
from PySide6.QtGui import QGuiApplication

from devices.sim.idcard import IdCardSimulator
from kiosk.apply.flow import Step
from kiosk.catalog.sample import load_sample
from kiosk.privacy import mask_id_number, mask_name
from tests.ui.driver import Driver, make_settings
from ui.pageimages import PageShelf
from ui.qmltree import class_name, walk
from ui.rowmodel import RowModel

MARKERS = ("长散", "zhangsan")
VALUE_TYPES = frozenset(
    {"QString", "QVariant", "QVariantList", "QVariantMap", "QStringList", "QJSValue", "QUrl"}
)


def _strings(value: object, depth: int = 0) -> Iterator[str]:
    if depth > 4 or value is None:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item, depth + 1)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item, depth + 1)


def _model_strings(model: QAbstractItemModel) -> Iterator[str]:
    roles = list(model.roleNames()) or [Qt.ItemDataRole.DisplayRole]
    for row in range(min(model.rowCount(), 500)):
        index = model.index(row, 0)
        for role in roles:
            yield from _strings(model.data(index, role))


def _property_strings(obj: QObject) -> list[str]:
    meta = obj.metaObject()
    texts: list[str] = []
    try:
        for index in range(meta.propertyCount()):
            prop = meta.property(index)
            if prop.typeName() not in VALUE_TYPES:
                continue  # objects are walked; other types cannot hold typed text
            try:
                texts.extend(_strings(obj.property(prop.name())))
            except (RuntimeError, TypeError, ValueError):
                continue
    finally:
        shiboken6.invalidate(meta)  # see ui.qmltree.class_name
    return texts


def leftovers(kiosk: Driver, markers: tuple[str, ...] = MARKERS) -> list[str]:
    """Every property of every object reachable from the window and the view models."""
    found: list[str] = []
    roots: list[QObject] = [kiosk.window, kiosk.ui.engine]
    for root in roots:
        for obj in walk(root):
            texts = _property_strings(obj)
            if isinstance(obj, QAbstractItemModel):
                texts.extend(_model_strings(obj))
            for text in texts:
                if any(marker in text for marker in markers):
                    found.append(f"{class_name(obj)} {obj.objectName()!r}: {text[:60]!r}")
    clipboard = QGuiApplication.clipboard().text()
    if any(marker in clipboard for marker in markers):
        found.append("clipboard")
    return found


def python_leftovers(model: object, personal: Iterable[str], depth: int = 4) -> list[str]:
    """Personal strings anywhere in a view model's Python attributes: plain data, frozen
    rows, list models' rows (not the QObjects it merely points to)."""
    found: list[str] = []
    seen: set[int] = set()

    def walk(value: object, level: int) -> None:
        if level > depth or id(value) in seen:
            return
        seen.add(id(value))
        if isinstance(value, str | bytes):
            text = value if isinstance(value, str) else value.decode("utf-8", "replace")
            found.extend(p for p in personal if p in text)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(key, level + 1)
                walk(item, level + 1)
        elif isinstance(value, list | tuple | set | frozenset):
            for item in value:
                walk(item, level + 1)
        elif isinstance(value, RowModel):
            walk(value.rows(), level + 1)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for field in dataclasses.fields(value):
                walk(getattr(value, field.name), level + 1)
        elif isinstance(value, PageShelf):
            walk(value.pages, level + 1)

    for item in vars(model).values():
        walk(item, 0)
    return found


def test_session_end_leaves_nothing_the_resident_typed(launch: Callable[..., Driver]) -> None:
    kiosk = launch(make_settings(idle_timeout_s=3, warning_s=1))
    kiosk.click("tile_guides")
    kiosk.click("openSearchButton")
    kiosk.wait_until(kiosk.keyboard_open)
    kiosk.type_keys("zhangsan")
    kiosk.choose_candidate("长")
    kiosk.choose_candidate("散")
    kiosk.type_keys("zhangsan")  # left composing, as a resident walking away would
    QGuiApplication.clipboard().setText("长散")
    assert leftovers(kiosk), "the scan must see the typed text while the session runs"

    kiosk.wait_until(lambda: kiosk.visible("attractScreen"), timeout_ms=8000)
    kiosk.settle()
    assert leftovers(kiosk) == []
    assert not kiosk.keyboard_open()


def test_session_end_puts_the_keyboard_back_to_chinese(launch: Callable[..., Driver]) -> None:
    kiosk = launch(make_settings(idle_timeout_s=3, warning_s=1))
    kiosk.click("tile_guides")
    kiosk.click("openSearchButton")
    kiosk.wait_until(kiosk.keyboard_open)
    language_key = next(
        obj
        for obj in walk(kiosk.item("inputPanel"))
        if class_name(obj).startswith("ChangeLanguageKey") and obj.isVisible()
    )
    kiosk.tap(language_key)
    kiosk.type_keys("ab")
    assert kiosk.item("searchField").property("text") == "ab"
    kiosk.wait_until(lambda: kiosk.visible("attractScreen"), timeout_ms=8000)
    kiosk.click("attractArea")
    kiosk.click("tile_guides")
    kiosk.click("openSearchButton")
    kiosk.wait_until(kiosk.keyboard_open)
    kiosk.type_keys("shi")
    assert kiosk.item("searchField").property("preeditText") == "shi"


def test_idle_timeout_mid_application_leaves_nothing_behind(
    launch: Callable[..., Driver], tmp_path: Path
) -> None:
    """A resident walks away with the form half filled and a page photographed."""
    from kiosk.app.devicesetup import SAMPLE_PAGES
    from tests.ui.driver import platform_station

    with platform_station(tmp_path) as (base, _standin):
        settings = dataclasses.replace(
            base,
            camera=dataclasses.replace(base.camera, image_folder=str(SAMPLE_PAGES)),
            session=dataclasses.replace(base.session, idle_timeout_s=4, warning_s=1),
        )
        kiosk = launch(settings, outbox_path=tmp_path / "outbox.db")
        code = next(i.code for i in load_sample().items if i.name == "生育登记服务")
        kiosk.ui.window.openGuide(code)  # type: ignore[attr-defined]
        kiosk.ui.window.openApply(code)  # type: ignore[attr-defined]
        apply = kiosk.ui.apply
        apply.next()
        assert apply.identifyTyped("长散", "11010219800107001X")
        apply.answer("spouse_name", "长散")
        apply.answer("address", "zhangsan lu 1")
        apply.next()  # the form is incomplete: stays, with problems shown
        apply.capture("结婚证")
        kiosk.wait_until(lambda: not apply.property("capturing"), 10_000)
        kiosk.settle()
        assert leftovers(kiosk), "the scan must see the typed text while the session runs"

        kiosk.wait_until(lambda: kiosk.visible("attractScreen"), timeout_ms=10_000)
        kiosk.settle()
        assert leftovers(kiosk) == []
        assert apply.current_step() is None
        assert apply.property("pages") == {}
        assert apply.page_image(0, 0) == b""


def test_session_end_after_a_card_read_application_leaves_nothing_personal(
    launch: Callable[..., Driver], tmp_path: Path, reader_sim: IdCardSimulator
) -> None:
    """A resident identifies with the card, fills the form and reaches the review page;
    the session ends: no view model property and no text on screen keeps anything of it."""
    from devices.idcard.device import IdCardDevice
    from devices.idcard.identity import parse_text_block
    from devices.sim.idcard import SAMPLE_CARDS
    from kiosk.services import Devices
    from tests.ui.driver import platform_station

    identity = parse_text_block(SAMPLE_CARDS["resident"])
    answers = {
        "spouse_name": "测试丙",
        "spouse_id_number": "11010219800107001X",
        "child_order": "一孩",
        "due_date": "2027-03-01",
        "phone": "13912345678",
    }
    personal = (
        identity.name,
        identity.id_number,
        identity.address,
        answers["spouse_name"],
        answers["spouse_id_number"],
        answers["phone"],
        mask_name(identity.name),
        mask_id_number(identity.id_number),
    )
    with platform_station(tmp_path) as (settings, _standin):
        devices = Devices(
            id_reader=IdCardDevice(reader_sim.url, command_timeout_s=0.5),
            printer=None,
            scanner=None,
        )
        kiosk = launch(settings, devices=devices, outbox_path=tmp_path / "outbox.db")
        kiosk.wait_until(lambda: bool(kiosk.ui.devices.property("readerReady")), 10_000)
        apply = kiosk.ui.apply
        code = next(i.code for i in load_sample().items if i.name == "生育登记服务")
        kiosk.ui.window.openGuide(code)  # type: ignore[attr-defined]
        kiosk.ui.window.openApply(code)  # type: ignore[attr-defined]
        kiosk.settle()
        kiosk.click("applyNextButton")
        assert apply.current_step() is Step.IDENTIFY
        reader_sim.insert("resident")
        kiosk.wait_until(lambda: apply.current_step() is Step.FORM, 10_000)
        for key, value in answers.items():
            apply.answer(key, value)
        kiosk.click("applyNextButton")
        kiosk.click("eLicence_0")
        kiosk.click("eLicence_1")
        kiosk.click("applyNextButton")
        assert apply.current_step() is Step.REVIEW
        kiosk.settle()
        assert leftovers(kiosk, personal), "the scan must see the application while it runs"
        assert any(mask_name(identity.name) in text for text in kiosk.texts())
        assert python_leftovers(kiosk.ui.apply, personal), "the walk must see the rows too"

        kiosk.ui.shell.endSession()
        kiosk.settle()
        assert leftovers(kiosk, personal) == []
        assert not any(p in text for text in kiosk.texts() for p in personal)
        assert not kiosk.ui.visit.session.holds_personal_data()
        # What the view models keep for the screen (rows, thumbnails, the answers they last
        # announced) was rebuilt from the wiped session too.
        ui = kiosk.ui
        for model in (ui.apply, ui.catalog, ui.devices, ui.shell, ui.visit, ui.staff):
            assert python_leftovers(model, personal) == [], type(model).__name__
        assert ui.apply.shelf.pages == ()
        kiosk.ui.devices.stop()  # before the simulator goes away
