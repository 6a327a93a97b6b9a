"""Pages of materials: downscaled and compressed to the budget, bad images refused in words
a resident understands, and the capture worker answering off the GUI thread."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from kiosk.submission import CapturedPage
from ui.capture import (
    BLURRED,
    FOLDER_EMPTY,
    NO_CAMERA,
    TOO_DENSE,
    UNREADABLE_IMAGE,
    CaptureError,
    CaptureService,
    FolderSource,
    fit_page,
    read_image,
)


def noisy(width: int, height: int, seed: int = 1) -> QImage:
    """A photo-like page: random noise is the worst case for JPEG."""
    rng = random.Random(seed)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    for _ in range(width * height // 20):
        image.setPixel(rng.randrange(width), rng.randrange(height), rng.randrange(1 << 24))
    return image


def decoded(data: bytes) -> QImage:
    image = QImage()
    assert image.loadFromData(data, "JPEG")
    return image


def test_a_big_photo_is_downscaled_to_the_longest_side() -> None:
    data, width, height = fit_page(noisy(4000, 3000), 2_000_000, 2200)
    assert (width, height) == (2200, 1650)
    assert (decoded(data).width(), decoded(data).height()) == (2200, 1650)


def test_a_busy_page_is_compressed_until_it_fits_the_budget() -> None:
    budget = 120 * 1024
    data, width, _ = fit_page(noisy(2000, 2800), budget, 2200)
    assert len(data) <= budget
    assert width <= 2000  # made smaller when quality alone was not enough


def test_a_small_clean_page_keeps_its_size_and_good_quality() -> None:
    page = QImage(1240, 1754, QImage.Format.Format_RGB32)
    page.fill(QColor("#f4f1e8"))
    data, width, height = fit_page(page, 400 * 1024, 2200)
    assert (width, height) == (1240, 1754)
    assert len(data) < 100 * 1024


def test_a_page_that_cannot_fit_says_to_split_it() -> None:
    with pytest.raises(CaptureError) as raised:
        fit_page(noisy(1000, 1000), 2_000, 2200)
    assert raised.value.said == TOO_DENSE


def test_an_empty_image_says_to_retake() -> None:
    with pytest.raises(CaptureError) as raised:
        fit_page(QImage(), 100_000, 2200)
    assert raised.value.said == BLURRED


@pytest.mark.qt_log_ignore("Corrupt JPEG data", "JPEG datastream contains no image")
def test_a_corrupt_file_is_refused_in_plain_words(tmp_path: Path) -> None:
    path = tmp_path / "broken.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0" + bytes(200))
    with pytest.raises(CaptureError) as raised:
        read_image(path)
    assert raised.value.said == UNREADABLE_IMAGE


def test_an_image_too_big_to_decode_is_refused_not_loaded(tmp_path: Path) -> None:
    # A PNG header claiming 60000 × 60000 pixels (14 GB decoded) over the decode limit.
    import struct
    import zlib

    header = struct.pack(">IIBBBBB", 60000, 60000, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    png = (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", len(header))
        + chunk
        + struct.pack(">I", zlib.crc32(chunk))
    )
    path = tmp_path / "huge.png"
    path.write_bytes(png)
    with pytest.raises(CaptureError) as raised:
        read_image(path)
    assert raised.value.said == UNREADABLE_IMAGE


def test_folder_source_goes_round_in_name_order(tmp_path: Path) -> None:
    for name in ("b.png", "a.jpg", "notes.txt"):
        (tmp_path / name).write_bytes(b"x")
    source = FolderSource(tmp_path)
    assert [source.next_path().name for _ in range(3)] == ["a.jpg", "b.png", "a.jpg"]


def test_an_empty_folder_says_the_camera_is_unavailable(tmp_path: Path) -> None:
    with pytest.raises(CaptureError) as raised:
        FolderSource(tmp_path / "missing").next_path()
    assert raised.value.said == FOLDER_EMPTY


@pytest.fixture
def owner() -> Iterator[QObject]:
    parent = QObject()
    yield parent
    parent.deleteLater()


def test_worker_answers_with_a_page_within_budget(
    qtbot: QtBot, tmp_path: Path, owner: QObject
) -> None:
    noisy(3000, 4000).save(str(tmp_path / "page.png"))
    service = CaptureService(tmp_path, 150 * 1024, 2200, parent=owner)
    try:
        with qtbot.waitSignal(service.captured, timeout=20_000) as signal:
            request = service.take("结婚证")
        page, answered = signal.args
        assert isinstance(page, CapturedPage)
        assert answered == request
        assert page.material == "结婚证"
        assert len(page.jpeg) <= 150 * 1024
        assert max(page.width, page.height) <= 2200
    finally:
        service.stop()


def test_without_a_camera_the_resident_is_told_what_to_do(qtbot: QtBot, owner: QObject) -> None:
    service = CaptureService(None, 150 * 1024, 2200, camera_name="no such camera", parent=owner)
    try:
        service.open_camera()
        with qtbot.waitSignal(service.failed, timeout=5000) as signal:
            service.take("结婚证")
        assert signal.args[0] == NO_CAMERA
    finally:
        service.stop()
