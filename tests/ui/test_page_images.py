"""Captured pages are served to QML's image-loader thread from an immutable snapshot: a read
on another thread while the GUI thread wipes the session never fails and never returns a
page after the wipe."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize

from kiosk.app.devicesetup import SAMPLE_PAGES
from kiosk.catalog.sample import load_sample
from tests.ui.driver import Driver, platform_station
from ui.pageimages import PageImageProvider

PLACEHOLDER = 4  # the provider's answer for a page that is not there: 4 × 4 white


def test_page_images_read_on_another_thread_during_the_wipe_fail_never_and_end_with_it(
    launch: Callable[..., Driver], tmp_path: Path
) -> None:
    with platform_station(tmp_path) as (base, _standin):
        settings = dataclasses.replace(
            base, camera=dataclasses.replace(base.camera, image_folder=str(SAMPLE_PAGES))
        )
        kiosk = launch(settings, outbox_path=tmp_path / "outbox.db")
        apply = kiosk.ui.apply
        code = next(i.code for i in load_sample().items if i.name == "生育登记服务")
        assert apply.begin(code)
        apply.next()
        assert apply.identifyTyped("测试丙", "11010219800107001X")
        for key, value in {
            "spouse_name": "测试甲", "spouse_id_number": "11010219800107001X",
            "child_order": "一孩", "due_date": "2027-03-01", "phone": "13800000000",
            "address": "北京市西城区测试路1号",
        }.items():  # fmt: skip
            apply.answer(key, value)
        assert apply.next()
        for _ in range(2):
            apply.capture("结婚证")
            kiosk.wait_until(lambda: not apply.property("capturing"), 10_000)
        urls = apply.property("pages")["结婚证"]
        assert len(urls) == 2
        ids = [url.removeprefix("image://pages/") for url in urls]

        provider = PageImageProvider(apply.shelf)
        wiped = threading.Event()
        stop = threading.Event()
        errors: list[BaseException] = []
        widths_before: list[int] = []
        widths_after: list[int] = []

        def read() -> None:
            while not stop.is_set():
                for image_id in ids:
                    after = wiped.is_set()  # set before the read starts: must find nothing
                    try:
                        image = provider.requestImage(image_id, QSize(), QSize(90, 120))
                    except BaseException as error:  # any failure is the finding
                        errors.append(error)
                        return
                    (widths_after if after else widths_before).append(image.width())

        reader = threading.Thread(target=read, name="image-loader")
        reader.start()
        try:
            kiosk.wait_until(lambda: len(widths_before) >= 4, 10_000)
            kiosk.ui.shell.endSession()
            wiped.set()
            kiosk.wait_until(lambda: len(widths_after) >= 4 or bool(errors), 10_000)
        finally:
            stop.set()
            reader.join(timeout=10)
        assert not reader.is_alive()
        assert errors == []
        assert max(widths_before) > PLACEHOLDER  # pages were served while the session ran
        assert set(widths_after) == {PLACEHOLDER}
        assert apply.shelf.pages == ()
        assert apply.property("pages") == {}
