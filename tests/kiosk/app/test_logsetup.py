"""The log never holds an ID number or a mobile number, whatever code passes to it."""

from __future__ import annotations

import logging
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
