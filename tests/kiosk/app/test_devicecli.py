"""`kiosk devices …` as a real process, against the simulators."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from devices.idcard.reader import SAM_FAILED
from devices.printer.printer import PAPER_OUT
from devices.sim.idcard import IdCardSimulator, PtyIdCardSimulator
from devices.sim.printer import PrinterSimulator
from devices.sim.scanner import ScannerSimulator
from devices.status import Paper
from kiosk.settings import DEFAULT_CONFIG_PATH

KIOSK = [sys.executable, "-m", "kiosk", "devices"]


@pytest.fixture
def sim() -> Iterator[IdCardSimulator]:
    with IdCardSimulator() as simulator:
        yield simulator


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*KIOSK, *args], capture_output=True, text=True, timeout=60, check=False, env=os.environ
    )


def test_read_card_prints_masked_identity_and_time(sim: IdCardSimulator) -> None:
    sim.insert("resident")
    result = run("read-card", "--port", sim.url, "--timeout", "5")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "resident: 测** 11**************" in result.stdout
    assert "(number valid)" in result.stdout
    assert "read in" in result.stdout
    assert "测试甲" not in result.stdout


def test_read_card_of_the_2023_foreign_card_over_a_pty_names_its_kind() -> None:
    with PtyIdCardSimulator() as simulator:
        simulator.insert("foreign_2023")
        result = run("read-card", "--port", simulator.url, "--timeout", "5")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[1].startswith(
        "foreign_2023: a 2023 foreign permanent residence card (外国人永久居留身份证 2023 版), "
        "read in "
    )
    assert lines[2] == (
        "  the reader works, but this kiosk cannot decode this card's fields yet: holders type "
        "their details where the item allows it, or are served at the counter"
    )
    assert lines[3] == (
        "  residents see: 暂不能读取此类证件 — this card cannot be read here yet "
        "(devices.card_kind_unreadable)"
    )
    assert "checksum" not in result.stdout


def test_read_card_without_card_gives_up(sim: IdCardSimulator) -> None:
    result = run("read-card", "--port", sim.url, "--timeout", "1")
    assert result.returncode == 1
    assert "no card within 1 s" in result.stdout


def test_read_card_reports_a_broken_reader(sim: IdCardSimulator) -> None:
    sim.fault = "sam_failure"
    result = run("read-card", "--port", sim.url, "--timeout", "1")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "kiosk: sam: SAM status SW3 0x60 SAM_SELF_TEST_FAILED",  # the raw status and its name
        "  fix: the reader's security module (SAM) failed: unplug the reader and plug it in "
        "again; if it stays so, the reader needs its vendor's service",
        "  residents see: 身份证读卡器故障 — the card reader has a fault; they may type their "
        f"details ({SAM_FAILED})",
    ]
    assert "请联系工作人员" not in result.stderr  # staff read this, not residents


def test_missing_port_says_what_to_check() -> None:
    result = run("read-card", "--port", "/dev/ttyUSB-nonexistent", "--timeout", "1")
    assert result.returncode == 1
    assert "cannot open /dev/ttyUSB-nonexistent: No such file or directory." in result.stderr
    assert result.stderr.count("No such file or directory") == 1  # the OS error once
    assert "Check the cable" in result.stderr
    assert "请联系工作人员" not in result.stderr  # staff read this, not residents


def station_file(tmp_path: Path, text: str) -> str:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_list_shows_serial_ports_under_headings_and_usb_section() -> None:
    from serial.tools import list_ports

    result = run("list")
    assert result.returncode == 0, result.stderr
    if list_ports.comports():
        assert "Serial ports (put one in id_reader.port or scanner.port):" in result.stdout
        assert "PORT" in result.stdout
        assert "PROBABLY" in result.stdout
    else:
        assert "Serial ports: none found" in result.stdout
    assert "USB printers" in result.stdout
    from devices.camera import video_inputs

    if video_inputs():
        assert "Cameras (put its name, or part of it, in camera.device):" in result.stdout
    else:
        assert "Cameras: none found" in result.stdout


@pytest.mark.parametrize(
    ("device", "vid", "pid", "guess"),
    [
        ("/dev/ttyACM0", 0x0C2E, 0x0B61, "most often a scanner"),
        ("/dev/ttyUSB0", 0x1A86, 0x7523, "CH340 USB-serial adapter: an ID-card reader"),
        ("/dev/ttyUSB1", 0x0403, 0x6015, "FTDI USB-serial adapter"),
        ("/dev/ttyUSB2", 0x1234, 0x5678, "unknown kind (add its id to udev rules)"),
        ("/dev/ttyS0", None, None, "built-in serial port"),
    ],
)
def test_list_port_guess_says_what_a_port_probably_is(
    device: str, vid: int | None, pid: int | None, guess: str
) -> None:
    from devices.discovery import port_guess

    assert guess in port_guess(device, vid, pid)
    assert len(port_guess(device, vid, pid)) <= 60  # its column


def test_probe_reports_each_device_from_the_station_file(
    sim: IdCardSimulator, tmp_path: Path
) -> None:
    with PrinterSimulator() as printer:
        printer.set_state(paper=Paper.NEAR_END)
        config = station_file(
            tmp_path,
            f'[id_reader]\nport = "{sim.url}"\n[printer]\naddress = "{printer.address}"\n'
            '[scanner]\nport = "/dev/ttyKIOSK-absent"\n',
        )
        result = run("probe", "--config", config)
    lines = {line.split()[0]: line for line in result.stdout.splitlines() if line[:1].isalpha()}
    assert lines["id_reader"].split()[1] == "GREEN"
    assert "AMBER" in lines["printer"]
    assert "paper near_end" in lines["printer"]
    assert "RED" in lines["scanner"]
    assert "no_device" in lines["scanner"]
    assert "camera" in lines  # the document camera is checked too
    assert result.returncode == 1  # one device is down


def test_probe_uses_the_ports_staff_chose_on_the_screen(tmp_path: Path) -> None:
    config = station_file(tmp_path, '[scanner]\nport = "/dev/ttyKIOSK-in-station-file"\n')
    state = tmp_path / "state"
    state.mkdir()
    (state / "device-choices.toml").write_text('[scanner]\nport = "/dev/ttyKIOSK-chosen"\n')
    result = run("probe", "--config", config, "--state", str(state))
    assert (
        f"(scanner.port = '/dev/ttyKIOSK-chosen', chosen in staff mode: "
        f"{state / 'device-choices.toml'})"
    ) in result.stdout
    assert "/dev/ttyKIOSK-chosen" in result.stdout.split("scanner", 2)[-1]
    assert "ttyKIOSK-in-station-file" not in result.stdout
    # A choices file naming a host is ignored as a whole, and said so.
    (state / "device-choices.toml").write_text('[printer]\naddress = "network://10.0.0.9"\n')
    result = run("probe", "--config", config, "--state", str(state))
    assert "device choices in" in result.stdout
    assert "ignored" in result.stdout
    assert "ttyKIOSK-in-station-file" in result.stdout


def test_print_test_prints_chinese_and_qr_on_the_printer(tmp_path: Path) -> None:
    with PrinterSimulator() as printer:
        result = run("print-test", "--printer", printer.address)
        jobs = printer.wait_for_jobs(1)
    assert result.returncode == 0, result.stderr
    assert "printed the test page" in result.stdout
    assert "打印测试" in jobs[0].text
    assert jobs[0].qr_payloads


def test_print_test_paper_out_says_so(tmp_path: Path) -> None:
    with PrinterSimulator() as printer:
        printer.set_state(paper=Paper.OUT)
        result = run("print-test", "--printer", printer.address)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "kiosk: paper_out: paper out before the job",
        "  fix: put in a new paper roll and close the cover; the receipt that failed can be "
        "reprinted from the staff panel",
        f"  residents see: 打印机缺纸 — the printer is out of paper ({PAPER_OUT})",
    ]


def test_print_test_nothing_listening_explains(tmp_path: Path) -> None:
    with PrinterSimulator() as printer:
        address = printer.address
    result = run("print-test", "--printer", address)
    assert result.returncode == 1
    assert "nothing answers" in result.stderr


def test_scan_prints_the_code() -> None:
    with (
        ScannerSimulator(pty=True) as scanner,
        subprocess.Popen(
            [*KIOSK, "scan", "--port", scanner.url, "--timeout", "10"],
            stdout=subprocess.PIPE,
            text=True,
            env=os.environ,
        ) as process,
    ):
        assert process.stdout is not None
        assert "scan a code" in process.stdout.readline()
        scanner.scan("XC202611260001")
        output, _ = process.communicate(timeout=30)
    assert process.returncode == 0
    assert "code (14 characters): XC202611260001" in output


def test_scan_refused_says_why_the_fix_and_what_residents_see() -> None:
    with (
        ScannerSimulator(pty=True) as scanner,
        subprocess.Popen(
            [*KIOSK, "scan", "--port", scanner.url, "--timeout", "10"],
            stdout=subprocess.PIPE,
            text=True,
            env=os.environ,
        ) as process,
    ):
        assert process.stdout is not None
        assert "scan a code" in process.stdout.readline()
        scanner.emit(b"\xff\xfe\r")  # not UTF-8, as the settings expect
        output, _ = process.communicate(timeout=30)
    assert process.returncode == 1
    assert output.splitlines() == [
        "refused: encoding (not utf-8 at byte 0)",
        "  fix: scan a known code; if it is refused, check scanner.suffix and scanner.encoding",
        "  residents see: 没有识别这个码 — the code was not recognised (devices.scan_unreadable)",
    ]


def test_sim_prints_settings_that_reach_its_devices(tmp_path: Path) -> None:
    with subprocess.Popen(
        [*KIOSK, "sim", "--receipts", str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ,
    ) as process:
        try:
            assert process.stdout is not None
            lines = [process.stdout.readline() for _ in range(7)]
            config = station_file(tmp_path, "".join(lines[1:7]))
            card = run("read-card", "--config", config, "--timeout", "5")
            printed = run("print-test", "--config", config)
        finally:
            process.terminate()
    assert card.returncode == 0, card.stdout + card.stderr
    assert "测**" in card.stdout
    assert printed.returncode == 0, printed.stdout + printed.stderr
    assert list(tmp_path.glob("receipt-*.png"))


def test_render_draws_what_a_file_printer_wrote(tmp_path: Path) -> None:
    target = tmp_path / "lp0.bin"
    assert run("print-test", "--printer", f"file:{target}").returncode == 0
    result = run("render", str(target), "--out", str(tmp_path / "png"))
    assert result.returncode == 0, result.stderr
    (png,) = (tmp_path / "png").glob("*.png")
    assert png.read_bytes().startswith(b"\x89PNG")
    assert "unknown" not in result.stdout


@pytest.mark.skipif(DEFAULT_CONFIG_PATH.exists(), reason="this machine has a station file")
def test_probe_without_station_file_says_so_instead_of_not_configured() -> None:
    result = run("probe")
    assert result.returncode == 2
    assert f"no station file at {DEFAULT_CONFIG_PATH}" in result.stderr
    assert "not configured" not in result.stdout


def test_probe_says_state_cause_fix_and_what_residents_see(tmp_path: Path) -> None:
    with IdCardSimulator() as reader, PrinterSimulator() as printer:
        printer.set_state(cover_open=True)
        reader.fault = "unplug"
        config = station_file(
            tmp_path,
            f'[id_reader]\nport = "{reader.url}"\n[printer]\naddress = "{printer.address}"\n',
        )
        result = run("probe", "--config", config)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("id_reader  RED   offline — reader ")  # the state once
    assert lines[1:3] == [
        "        fix: check the reader's cable and power, and id_reader.port and id_reader.baud "
        "(kiosk devices list)",
        "        residents see: 读卡器没有响应 — the card reader does not respond "
        "(devices.reader_silent)",
    ]
    assert lines[3].startswith("printer    RED   hardware_error")
    assert "cover open" in lines[3]
    assert lines[4:6] == [
        "        fix: close the printer's cover",
        "        residents see: 打印机盖未合上 — the printer cover is open (devices.cover_open)",
    ]
    assert "请联系工作人员" not in result.stdout + result.stderr
