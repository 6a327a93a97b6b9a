"""The sync worker drains the outbox to the platform while the kiosk runs."""

from __future__ import annotations

import contextlib
import dataclasses
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path

from devices.status import Light
from kiosk.health import StationHealth
from kiosk.keyfiles import load_key
from kiosk.outbox import Entry, Outbox
from kiosk.progressquery import new_progress_token, progress_link
from tests.kiosk.standin.test_server import case_body
from tests.ui.driver import Driver, platform_station, terminal_settings, with_staff_pin


def test_queued_submissions_reach_the_platform_and_the_heartbeat_reports(
    launch: Callable[..., Driver], tmp_path: Path
) -> None:
    with platform_station(tmp_path) as (settings, standin):
        outbox_path = tmp_path / "outbox.db"
        outbox = Outbox(
            outbox_path, load_key(Path(settings.security.outbox_key_file), create=False)
        )
        numbers = [f"XCU{n:06d}" for n in range(5)]
        for number in numbers:
            body = case_body(number) | {"terminalId": settings.station.terminal_id}
            outbox.enqueue("case", body, apply_no=number)
        outbox.close()
        kiosk = launch(settings, outbox_path=outbox_path)
        assert kiosk.ui.outbox is not None
        depths: list[int] = []
        kiosk.ui.outbox.depthChanged.connect(depths.append)
        kiosk.wait_until(lambda: depths[-1:] == [0], timeout_ms=20_000)
        assert standin.store.apply_numbers() == numbers
        kiosk.ui.outbox.heartbeat(StationHealth((), "sample-2026.11"))
        kiosk.wait_until(
            lambda: standin.store.last_heartbeat(settings.station.terminal_id) is not None
        )
        beat = standin.store.last_heartbeat(settings.station.terminal_id)
        assert beat is not None
        assert beat["outboxDepth"] == 0


def test_progress_by_number_scan_and_card_with_pending_and_delivered(
    launch: Callable[..., Driver], tmp_path: Path
) -> None:
    from devices.idcard.device import IdCardDevice
    from devices.scanner.framer import FramerSettings
    from devices.scanner.scanner import SerialScanner
    from devices.sim.idcard import IdCardSimulator
    from devices.sim.scanner import ScannerSimulator
    from kiosk.services import Devices

    with (
        platform_station(tmp_path) as (settings, standin),
        IdCardSimulator() as reader,
        ScannerSimulator(pty=False, baud=None) as scanner,
    ):
        outbox_path = tmp_path / "outbox.db"
        outbox = Outbox(
            outbox_path, load_key(Path(settings.security.outbox_key_file), create=False)
        )
        token = new_progress_token()
        body = case_body("XCU000001") | {
            "terminalId": settings.station.terminal_id,
            "progressToken": token,
        }
        outbox.enqueue("case", body, apply_no="XCU000001")
        outbox.close()
        standin.state.error_rate = 1.0  # platform busy: the case stays 待上传 for now
        standin.state.retry_after_s = 0
        devices = Devices(
            IdCardDevice(reader.url), None, SerialScanner(scanner.url, FramerSettings())
        )
        kiosk = launch(settings, outbox_path=outbox_path, devices=devices)
        kiosk.wait_until(lambda: kiosk.ui.devices.overall_light() is Light.GREEN)
        kiosk.click("tile_progress")
        assert kiosk.current_screen() == "progressScreen"
        kiosk.item("progressNumberField").setProperty("text", "xcu000001")
        kiosk.settle()  # the field for the ID number's last 4 characters shows
        kiosk.item("progressTailField").setProperty("text", "0013")
        kiosk.click("progressLookupButton")
        kiosk.wait_until(lambda: any("待上传" in t for t in kiosk.texts()))

        standin.state.error_rate = 0.0  # back: the worker's next retry delivers it
        kiosk.wait_until(lambda: standin.store.case_count() == 1, timeout_ms=20_000)
        terminal = settings.station.terminal_id
        case_no = standin.store.case_by_apply_no(terminal, "XCU000001", 0)["caseNo"]
        scanner.scan(progress_link(settings.ui.progress_url_pattern, "XCU000001", token))
        kiosk.wait_until(lambda: any(case_no in t for t in kiosk.texts()), timeout_ms=10_000)
        assert any("已接件" in t for t in kiosk.texts())

        kiosk.click("progressNumberField")  # clear the answer by asking by card instead
        reader.insert("resident")
        kiosk.wait_until(lambda: any("当前状态" in t for t in kiosk.texts()), timeout_ms=10_000)
        kiosk.ui.shell.endSession()
        kiosk.settle()
        assert not any(case_no in t for t in kiosk.texts())
        kiosk.ui.devices.stop()  # before the simulators go away


def test_staff_panel_shows_waiting_and_refused_submissions(
    launch: Callable[..., Driver], tmp_path: Path
) -> None:
    with platform_station(tmp_path) as (settings, _standin):
        outbox_path = tmp_path / "outbox.db"
        # A row sealed with another key: unreadable, so it is quarantined, never dropped.
        stranger = Outbox(outbox_path, bytes(range(32)))
        stranger.enqueue("case", case_body("XCQ000001"), apply_no="XCQ000001")
        stranger.close()
        kiosk = launch(with_staff_pin(settings), outbox_path=outbox_path)
        outbox = kiosk.ui.outbox
        assert outbox is not None
        kiosk.wait_until(lambda: outbox.refusedRows.rowCount() > 0, 10_000)
        kiosk.open_staff_panel()
        kiosk.wait_until(lambda: any("XCQ000001" in t for t in kiosk.texts()))
        assert any("上传" in t for t in kiosk.texts())


def test_stop_during_a_send_the_platform_does_not_answer_ends_at_once_and_keeps_the_row(
    launch: Callable[..., Driver], tmp_path: Path
) -> None:
    """A platform that takes the request and never answers: the kiosk's stop hangs up on it
    instead of waiting out the exchange's 13 s (longer than the stop waits for the sync
    thread, after which Qt would abort the process on exit). The case stays to be sent,
    at once after the restart."""
    settings, _ = terminal_settings(tmp_path)
    silent = socket.create_server(("127.0.0.1", 0))
    taken = threading.Event()
    held: list[socket.socket] = []

    def take_and_say_nothing() -> None:
        silent.settimeout(20)
        with contextlib.suppress(OSError):
            connection, _ = silent.accept()
            held.append(connection)
            connection.recv(65536)
            taken.set()

    threading.Thread(target=take_and_say_nothing, daemon=True).start()
    url = f"http://127.0.0.1:{silent.getsockname()[1]}"
    settings = dataclasses.replace(
        settings, platform=dataclasses.replace(settings.platform, base_url=url)
    )
    outbox_path = tmp_path / "outbox.db"
    key = load_key(Path(settings.security.outbox_key_file), create=False)
    outbox = Outbox(outbox_path, key)
    outbox.enqueue(
        "case", case_body("XCS000001") | {"terminalId": settings.station.terminal_id},
        apply_no="XCS000001",
    )  # fmt: skip
    outbox.close()
    try:
        kiosk = launch(settings, outbox_path=outbox_path)
        assert kiosk.ui.outbox is not None
        kiosk.ui.outbox.start()
        kiosk.wait_until(taken.is_set, timeout_ms=20_000)
        started = time.monotonic()
        kiosk.ui.outbox.stop()
        took = time.monotonic() - started
    finally:
        for connection in held:
            connection.close()
        silent.close()
    assert took < 2.0
    assert not kiosk.ui.outbox.running()
    outbox = Outbox(outbox_path, key)
    try:
        head = outbox.head()
        # Still to be sent, at once after a restart: the hang-up is no failed attempt.
        assert isinstance(head, Entry)
        assert (head.apply_no, head.attempts) == ("XCS000001", 0)
        assert head.due_at <= time.time()
    finally:
        outbox.close()
