"""The progress screen, in the real window with the scanner simulator: a receipt number
alone shows nothing; the receipt's QR code or the ID number's last 4 characters do."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from devices.scanner.framer import FramerSettings
from devices.scanner.scanner import SerialScanner
from devices.sim.scanner import ScannerSimulator
from devices.status import Light
from kiosk.keyfiles import load_key
from kiosk.outbox import Outbox
from kiosk.progressquery import new_progress_token, progress_link
from kiosk.services import Devices
from tests.kiosk.standin.test_server import case_body
from tests.ui.driver import (  # noqa: F401 - fixtures
    Driver,
    catalog_store,
    launch,
    platform_station,
    sample_store_file,
)
from ui.qmltree import class_name, walk

ITEM = "生育登记服务"
APPLY_NO = "XC-T-20261126-0001"
# The words on screen for kiosk.progress's NOT_FOUND, OLD_RECEIPT and RECEIPT_NOT_FOUND.
NOT_FOUND = (
    "没有找到与这个编号和证件号码后4位相符的办件。请核对回执上的编号和申请人证件号码"
    "后4位后重试，或拨打热线咨询。"
)
OLD_RECEIPT = "这张回执的二维码不能直接查询。请在下面输入回执上的编号和申请人证件号码后4位。"
RECEIPT_NOT_FOUND = "没有找到这张回执对应的办件，请拨打热线咨询。"


def test_progress_screen_number_needs_tail_and_qr_needs_its_token(
    launch: Callable[..., Driver],  # noqa: F811 - the fixture imported above
    tmp_path: Path,
) -> None:
    with (
        platform_station(tmp_path) as (settings, standin),
        ScannerSimulator(pty=False, baud=None) as scanner,
    ):
        outbox_path = tmp_path / "outbox.db"
        outbox = Outbox(
            outbox_path, load_key(Path(settings.security.outbox_key_file), create=False)
        )
        token = new_progress_token()
        body = case_body(APPLY_NO) | {"progressToken": token}
        outbox.enqueue("case", body | {"terminalId": settings.station.terminal_id},
                       apply_no=APPLY_NO)  # fmt: skip
        outbox.close()
        standin.state.error_rate = 1.0  # the platform is busy: the case stays 待上传
        standin.state.retry_after_s = 3600
        devices = Devices(None, None, SerialScanner(scanner.url, FramerSettings()))
        kiosk = launch(settings, outbox_path=outbox_path, devices=devices)
        kiosk.wait_until(lambda: kiosk.ui.devices.overall_light() is Light.GREEN)
        kiosk.click("tile_progress")
        pattern = settings.ui.progress_url_pattern

        def status() -> str:
            return str(kiosk.item("progressStatus").property("text"))

        kiosk.item("progressNumberField").setProperty("text", APPLY_NO.lower())
        kiosk.settle()
        assert kiosk.visible("progressTailField")
        assert not kiosk.item("progressLookupButton").property("enabled")  # no tail yet
        kiosk.click("progressTailField")
        kiosk.wait_until(kiosk.keyboard_open)
        keyboard = next(
            obj
            for obj in walk(kiosk.item("inputPanel"))
            if class_name(obj).startswith("Keyboard_QMLTYPE")
        )
        kiosk.wait_until(lambda: str(keyboard.property("layout")).endswith("digits.qml"))

        kiosk.item("progressTailField").setProperty("text", "0031")
        kiosk.click("progressLookupButton")
        kiosk.wait_until(lambda: status() == NOT_FOUND)
        assert not any(ITEM in text for text in kiosk.texts())
        assert kiosk.item("progressTailField").property("text") == ""  # not left on screen

        scanner.scan(pattern.format(number=APPLY_NO))  # a receipt printed before tokens
        kiosk.wait_until(lambda: status() == OLD_RECEIPT)
        assert not any(ITEM in text for text in kiosk.texts())

        scanner.scan(progress_link(pattern, APPLY_NO, new_progress_token()))  # another's
        kiosk.wait_until(lambda: status() == RECEIPT_NOT_FOUND)
        assert not any(ITEM in text for text in kiosk.texts())

        scanner.scan(progress_link(pattern, APPLY_NO, token))
        kiosk.wait_until(lambda: any(ITEM in text for text in kiosk.texts()))
        assert not any(token in text for text in kiosk.texts())

        kiosk.item("progressNumberField").setProperty("text", APPLY_NO)
        kiosk.item("progressTailField").setProperty("text", "001")
        kiosk.click("progressTailX")  # X only as the last character
        assert kiosk.item("progressTailField").property("text") == "001X"
        kiosk.item("progressTailField").setProperty("text", "0013")
        kiosk.click("progressLookupButton")
        kiosk.wait_until(lambda: status() == "" and any(ITEM in t for t in kiosk.texts()))
        kiosk.ui.shell.endSession()
        kiosk.settle()
        assert not any(ITEM in text for text in kiosk.texts())
        kiosk.ui.devices.stop()  # before the simulator goes away
