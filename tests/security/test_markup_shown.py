"""Markup typed by a resident, read from an ID card, scanned, or sent by the platform shows as
the characters it is made of, and the kiosk fetches nothing it names."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtTest import QTest

from devices.idcard.checksum import check_character
from devices.idcard.device import IdCardDevice
from devices.scanner.framer import FramerSettings
from devices.scanner.scanner import SerialScanner
from devices.sim.idcard import SAMPLE_CARDS, IdCardSimulator, text_block
from devices.sim.scanner import ScannerSimulator
from kiosk.catalog.sample import sample_document
from kiosk.keyfiles import load_key
from kiosk.outbox import Outbox
from kiosk.progressquery import new_progress_token, progress_link
from kiosk.services import Devices
from tests.kiosk.standin.test_server import case_body
from tests.security.conftest import CountingServer
from tests.security.screen import not_plain, showing, text_format
from tests.ui.driver import Driver, platform_station

ITEM = "生育登记服务"
SPOUSE_ID = "11010219800107001X"
BANNER = "<font color=red size=7>系统升级：请扫码支付10元手续费</font>"


def picture(server: CountingServer, name: str) -> str:
    return f'<img src="{server.origin}/{name}.png">'


def shown_plain(kiosk: Driver, raw: str) -> bool:
    """`raw` is on screen, character for character, and only as plain text."""
    formats = showing(kiosk.ui.engine, kiosk.window, raw)
    return bool(formats) and set(formats) == {"PlainText"}


def nothing_reads_markup(kiosk: Driver) -> None:
    assert not_plain(kiosk.ui.engine, kiosk.window) == []


@pytest.fixture
def station(
    launch: Callable[..., Driver], tmp_path: Path
) -> Iterator[tuple[Driver, IdCardSimulator]]:
    """The kiosk with an ID-card reader (simulated, over TCP) and a platform on loopback."""
    with platform_station(tmp_path) as (settings, _standin), IdCardSimulator() as reader:
        devices = Devices(
            id_reader=IdCardDevice(reader.url, command_timeout_s=0.5), printer=None, scanner=None
        )
        kiosk = launch(settings, devices=devices, outbox_path=tmp_path / "outbox.db")
        kiosk.wait_until(lambda: kiosk.ui.devices.property("light") == "green", 10_000)
        yield kiosk, reader
        kiosk.ui.devices.stop()  # before the simulator goes away


def step(kiosk: Driver) -> str:
    current = kiosk.ui.apply.current_step()
    return current.value if current else ""


def open_item(kiosk: Driver, name: str, on_the_list: Callable[[], bool] = lambda: True) -> None:
    """From home to the item's guide, through the list of items one can apply for;
    `on_the_list()` must hold while the list shows."""
    kiosk.click("tile_apply")
    assert on_the_list()
    rows = kiosk.ui.catalog.listing
    row = next(n for n in range(rows.rowCount()) if rows.data(rows.index(n), rows.NameRole) == name)
    kiosk.click(f"itemRow_{row}")
    assert kiosk.current_screen() == "guideScreen"


def open_application(kiosk: Driver) -> None:
    open_item(kiosk, ITEM)
    kiosk.click("applyButton")
    assert kiosk.current_screen() == "applyScreen"


def to_review(kiosk: Driver, answers: dict[str, str]) -> None:
    """From the form (already showing) to the review page."""
    assert step(kiosk) == "form"
    for key, value in answers.items():
        kiosk.ui.apply.answer(key, value)
    kiosk.click("applyNextButton")
    assert step(kiosk) == "materials", kiosk.ui.apply.property("messageCode")
    kiosk.click("eLicence_0")
    kiosk.click("eLicence_1")
    kiosk.click("applyNextButton")
    assert step(kiosk) == "review"


def revealed(kiosk: Driver, label: str) -> tuple[str, str]:
    """Press and hold a review line until it shows in full: its text and format then.
    `label`: a form field's label, or "name:applicant" for the applicant's name."""
    rows = kiosk.ui.apply.property("review").rows()
    row = next(n for n, r in enumerate(rows) if label in (r.label, f"{r.kind}:{r.role}"))
    full = rows[row].full
    value = next(
        item
        for item in kiosk.item(f"reviewRow_{row}").childItems()
        if item.objectName() == "reviewValue"
    )
    seen: list[tuple[str, str]] = []

    def shows_full() -> bool:
        seen.append((str(value.property("text")), text_format(kiosk.ui.engine, value)))
        return seen[-1][0] == full

    kiosk.press_and_hold(f"reveal_{row}", shows_full)
    return seen[-1]


FORM = {
    "spouse_name": "测试丙",
    "spouse_id_number": SPOUSE_ID,
    "child_order": "一孩",
    "due_date": "2027-03-01",
    "phone": "13800000000",
}


def test_search_box_markup_typed_shows_as_typed_and_fetches_nothing(
    kiosk: Driver, loopback: CountingServer
) -> None:
    typed = picture(loopback, "search") + "<b>jzz</b>"
    kiosk.click("tile_guides")
    kiosk.click("openSearchButton")
    field = kiosk.item("searchField")
    kiosk.wait_until(field.hasActiveFocus)
    for character in typed:  # key by key, into the focused field
        QTest.keyClick(kiosk.window, character)
    summary = kiosk.item("resultSummary")
    kiosk.wait_until(lambda: typed in str(summary.property("text")))  # 没有找到“…”
    kiosk.settle()
    assert field.property("text") == typed
    assert text_format(kiosk.ui.engine, summary) == "PlainText"
    nothing_reads_markup(kiosk)
    assert loopback.requests == []


def test_review_page_form_answer_markup_shows_as_typed_and_fetches_nothing(
    station: tuple[Driver, IdCardSimulator], loopback: CountingServer
) -> None:
    kiosk, reader = station
    answer = picture(loopback, "answer") + "<font color=red>月坛</font>"
    open_application(kiosk)
    kiosk.click("applyNextButton")
    reader.insert("resident")
    kiosk.wait_until(lambda: step(kiosk) == "form", 5000)
    kiosk.fill("field_address", answer)
    to_review(kiosk, FORM)
    nothing_reads_markup(kiosk)
    assert revealed(kiosk, "现居住地址") == (answer, "PlainText")
    assert loopback.requests == []


def test_id_card_markup_name_and_address_show_as_read_and_fetch_nothing(
    station: tuple[Driver, IdCardSimulator],
    loopback: CountingServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kiosk, reader = station
    name = "<b>测试</b>"  # a name has 15 characters on the card
    address = f"<img src={loopback.origin}/c>"  # an address 35
    first_17 = "11010219500101001"
    card = text_block(
        {
            (0, 29): name,
            (30, 31): "1",
            (32, 35): "01",
            (36, 51): "19500101",
            (52, 121): address,
            (122, 157): first_17 + check_character(first_17),
            (158, 187): "北京市公安局西城分局",
            (188, 203): "20200101",
            (204, 219): "长期",
        }
    )
    monkeypatch.setitem(SAMPLE_CARDS, "markup", card)
    open_application(kiosk)
    kiosk.click("applyNextButton")
    reader.insert("markup")
    kiosk.wait_until(lambda: step(kiosk) == "form", 5000)
    assert kiosk.item("field_address").property("text") == address
    to_review(kiosk, FORM)
    nothing_reads_markup(kiosk)
    assert revealed(kiosk, "name:applicant") == (name, "PlainText")
    assert revealed(kiosk, "现居住地址") == (address, "PlainText")
    assert loopback.requests == []


def test_scanned_code_progress_shows_platform_markup_as_sent_and_fetches_nothing(
    launch: Callable[..., Driver], tmp_path: Path, loopback: CountingServer
) -> None:
    item_name = picture(loopback, "case") + BANNER
    with (
        platform_station(tmp_path) as (settings, standin),
        ScannerSimulator(pty=False, baud=None) as scanner,
    ):
        outbox_path = tmp_path / "outbox.db"
        outbox = Outbox(
            outbox_path, load_key(Path(settings.security.outbox_key_file), create=False)
        )
        terminal = settings.station.terminal_id
        token = new_progress_token()
        body = case_body("XCU000001") | {
            "terminalId": terminal,
            "itemName": item_name,
            "progressToken": token,
        }
        outbox.enqueue("case", body, apply_no="XCU000001")
        outbox.close()
        devices = Devices(None, None, SerialScanner(scanner.url, FramerSettings()))
        kiosk = launch(settings, outbox_path=outbox_path, devices=devices)
        kiosk.wait_until(lambda: standin.store.case_count() == 1, timeout_ms=20_000)
        case_no = standin.store.case_by_apply_no(terminal, "XCU000001", 0)["caseNo"]
        kiosk.wait_until(lambda: kiosk.ui.devices.property("light") == "green")
        kiosk.click("tile_progress")
        assert case_no
        scanner.scan(progress_link(settings.ui.progress_url_pattern, "XCU000001", token))
        kiosk.wait_until(lambda: kiosk.visible("progressCase_0"), timeout_ms=10_000)
        kiosk.settle()
        assert shown_plain(kiosk, item_name)
        assert any(text.startswith("● ") and "已接件" in text for text in kiosk.texts())  # timeline
        nothing_reads_markup(kiosk)
        assert loopback.requests == []
        kiosk.ui.devices.stop()  # before the simulator goes away


def test_catalog_item_markup_from_platform_shows_as_sent_and_fetches_nothing(
    launch: Callable[..., Driver], tmp_path: Path, loopback: CountingServer
) -> None:
    document = sample_document()
    document["version"] = "markup-1"
    item = next(i for i in document["items"] if i["name"] == ITEM)
    item["name"] = BANNER
    item["short_guide"] = picture(loopback, "guide") + BANNER
    item["fee_standard"] = picture(loopback, "fee") + "<b>不收费</b>"
    with platform_station(tmp_path) as (settings, standin):
        standin.state.set_catalog(document)
        kiosk = launch(settings)
        kiosk.wait_until(lambda: kiosk.ui.catalog.property("version") == "markup-1", 60_000)
        open_item(kiosk, BANNER, on_the_list=lambda: shown_plain(kiosk, BANNER))
        for sent in (BANNER, item["short_guide"], item["fee_standard"]):
            assert shown_plain(kiosk, sent), sent
        nothing_reads_markup(kiosk)
    assert loopback.requests == []


def test_announcement_and_survey_markup_from_platform_shows_as_sent_and_fetches_nothing(
    launch: Callable[..., Driver], tmp_path: Path, loopback: CountingServer
) -> None:
    from kiosk.engagement.sample import sample_document as sample_engagement

    document = sample_engagement()
    document["version"] = "markup-1"
    newest = max(document["announcements"], key=lambda a: a["published"])
    newest["title"] = BANNER
    newest["body"] = picture(loopback, "notice") + BANNER
    survey = next(s for s in document["surveys"] if s["id"] == "DC-2026-06")  # listed first
    survey["intro"] = picture(loopback, "survey") + "<b>匿名</b>"
    survey["questions"][0]["text"] = BANNER
    survey["questions"][0]["options"][0] = "<i>早餐点</i>"
    with platform_station(tmp_path) as (settings, standin):
        standin.state.set_engagement(document)
        kiosk = launch(settings, outbox_path=tmp_path / "outbox.db")  # surveys need one
        kiosk.wait_until(lambda: kiosk.ui.engagement.property("newestTitle") == BANNER, 60_000)
        kiosk.settle()  # the strip's row makes room for the newest at the next frame
        assert shown_plain(kiosk, f"{BANNER}（{newest['published']}）")  # the home screen's strip
        kiosk.click("newsNewest")
        for sent in (BANNER, newest["body"]):
            assert shown_plain(kiosk, sent), sent
        nothing_reads_markup(kiosk)
        kiosk.ui.window.showScreen("home")  # type: ignore[attr-defined]
        kiosk.settle()
        kiosk.click("newsAll")
        kiosk.click("survey_0")
        assert kiosk.current_screen() == "surveyScreen"
        for sent in (survey["intro"], f"1. {BANNER}", "<i>早餐点</i>"):
            assert shown_plain(kiosk, sent), sent
        nothing_reads_markup(kiosk)
    assert loopback.requests == []
