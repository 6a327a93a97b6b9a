"""The log never holds an ID number or a mobile number, whatever code passes to it."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.app.logsetup import configure_logging

ID = "11010519491231002X"
PHONE = "13812341234"


@pytest.fixture
def log_dir(tmp_path: Path) -> Iterator[Path]:
    configure_logging(tmp_path)
    yield tmp_path
    configure_logging(None, logging.WARNING)


def read_log(log_dir: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (log_dir / "kiosk.log").read_text(encoding="utf-8")


def test_id_and_phone_in_arguments_are_masked(
    log_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    logging.getLogger("kiosk.test").info("card %s phone %s", ID, PHONE)
    text = read_log(log_dir)
    assert "11**************2X" in text
    assert "138****1234" in text
    assert ID not in text
    assert PHONE not in text
    assert ID not in capsys.readouterr().err


def test_exception_text_is_masked(log_dir: Path) -> None:
    try:
        raise ValueError(f"bad id {ID}")
    except ValueError:
        logging.getLogger("kiosk.test").exception("lookup failed")
    text = read_log(log_dir)
    assert "ValueError" in text
    assert ID not in text


JOURNAL_PROBE = """
import logging
from kiosk.app.logsetup import configure_logging
configure_logging(None, logging.DEBUG)
log = logging.getLogger("kiosk.probe")
log.debug("polling the reader")
log.info("card %s read", "11010519491231002X")
log.warning("printer: out of paper, phone 13812341234")
log.error("platform unreachable")
try:
    raise ValueError("bad id 11010519491231002X")
except ValueError:
    log.exception("lookup failed")
"""


def run_probe(tmp_path: Path, journal_stream: str | None) -> list[str]:
    """The probe as a process whose stderr is a real file; JOURNAL_STREAM as given, or
    naming that file's device:inode as systemd does when stderr is the journal."""
    err = tmp_path / "stderr"
    err.touch()
    status = err.stat()
    env = dict(os.environ)
    env["JOURNAL_STREAM"] = (
        f"{status.st_dev}:{status.st_ino}" if journal_stream is None else journal_stream
    )
    with err.open("wb") as stream:
        subprocess.run(
            [sys.executable, "-c", JOURNAL_PROBE], stderr=stream, env=env, timeout=60, check=True
        )
    return err.read_text(encoding="utf-8").splitlines()


def test_journal_stream_is_stderr_lines_carry_priority_and_no_time(tmp_path: Path) -> None:
    lines = run_probe(tmp_path, None)
    assert lines[:4] == [
        "<7>kiosk.probe: polling the reader",
        "<6>kiosk.probe: card 11**************2X read",
        "<4>kiosk.probe: printer: out of paper, phone 138****1234",
        "<3>kiosk.probe: platform unreachable",
    ]
    assert lines[4] == "<3>kiosk.probe: lookup failed"
    traceback = lines[5:]
    assert traceback[0] == "<3>Traceback (most recent call last):"
    assert all(line.startswith("<3>") for line in traceback)
    assert "<3>ValueError: bad id 11**************2X" in traceback
    assert ID not in "\n".join(lines)


def test_journal_stream_of_another_file_keeps_the_plain_format(tmp_path: Path) -> None:
    lines = run_probe(tmp_path, "1:2")
    assert lines[0].endswith(" DEBUG kiosk.probe: polling the reader")
    assert lines[0][:4].isdigit()  # the time comes first
    assert not any(line.startswith("<") for line in lines)
    assert ID not in "\n".join(lines)


CRASH_PROBE = """
import threading
from kiosk.app.logsetup import configure_logging
from ui.qtlog import route_qt_messages
from PySide6.QtCore import QCoreApplication
from PySide6.QtQml import QQmlEngine

configure_logging(None)
app = QCoreApplication([])
route_qt_messages()
engine = QQmlEngine()
engine.evaluate('console.warn("card 11010519491231002X in QML")')
worker = threading.Thread(target=lambda: int("phone 13812341234"), name="reader")
worker.start()
worker.join(10)
raise ValueError("bad card 11010519491231002X")
"""


def test_uncaught_exceptions_and_qt_messages_reach_stderr_masked(tmp_path: Path) -> None:
    """What Python or Qt would print by themselves, around the log: an exception nobody
    caught, in a worker thread or at the top, and a QML console message."""
    result = subprocess.run(
        [sys.executable, "-c", CRASH_PROBE],
        capture_output=True,
        text=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    err = result.stderr
    assert "WARNING qt: " in err
    assert "card 11**************2X in QML" in err
    assert "CRITICAL kiosk.uncaught: uncaught exception in thread reader" in err
    assert "phone 138****1234" in err
    assert "CRITICAL kiosk.uncaught: uncaught exception" in err
    assert "ValueError: bad card 11**************2X" in err
    assert ID not in err
    assert "13812341234" not in err
