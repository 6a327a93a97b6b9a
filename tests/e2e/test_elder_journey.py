"""An older resident's whole application, at an older resident's pace: elder mode, voice
on, a tap every 8–15 s, a long read of the guide, one wrong item left again with 返回, then
card, form, materials, review, consent, submission, the printed receipt, a rating, and the
wipe. The idle timer must never cut in.

Time runs ten times faster than at the station, everything scaled alike: the station's idle
timeout (90 s, ×2 in elder mode) becomes 9 s (18 s in elder mode), the warning 2 s, a tap
every 0.8–1.5 s, the read of the guide 10 s, which in normal mode would already have brought
the warning. The devices, the platform stand-in and the voice are real (the player takes
the sound at a speaker's pace).
"""

from __future__ import annotations

import dataclasses
import random
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from devices.idcard.identity import parse_text_block
from devices.sim.idcard import SAMPLE_CARDS
from kiosk.settings import Settings, VoiceSettings
from tests.e2e.test_apply_journey import ITEM, Station, page_folder, step
from tests.ui.driver import Driver, resident_station
from tests.ui.test_voice import REAL_TIME_PLAYER

SCALE = 10  # station seconds per test second
TAP_GAP_MS = (8_000 // SCALE, 15_000 // SCALE)
GUIDE_READ_MS = 100_000 // SCALE


@pytest.fixture
def elder_station(launch: Callable[..., Driver], tmp_path: Path) -> Iterator[Station]:
    player = tmp_path / "player.py"
    player.write_text(REAL_TIME_PLAYER, "utf-8")

    def configure(base: Settings) -> Settings:
        session = dataclasses.replace(
            base.session, idle_timeout_s=90 // SCALE, warning_s=20 // SCALE, elder_factor=2.0
        )
        camera = dataclasses.replace(
            base.camera, image_folder=str(page_folder(tmp_path / "pages")), page_budget_kb=200
        )
        voice = VoiceSettings(player=f"{sys.executable} {player} {{rate}}")
        return dataclasses.replace(base, session=session, camera=camera, voice=voice)

    with resident_station(launch, tmp_path, configure) as station:
        yield station


class Resident:
    """Taps as an older resident does: one thing at a time, 8–15 (scaled) seconds apart."""

    def __init__(self, kiosk: Driver) -> None:
        self.kiosk = kiosk
        self.rng = random.Random(75)  # pacing, the same in every run
        self.taps = 0

    def pause(self, ms: int | None = None) -> None:
        self.kiosk.qtbot.wait(ms if ms is not None else self.rng.randint(*TAP_GAP_MS))

    def tap(self, object_name: str) -> None:
        self.pause()
        self.kiosk.click(object_name)
        self.taps += 1

    def type_into(self, object_name: str, text: str) -> None:
        self.pause()
        self.kiosk.fill(object_name, text)
        self.taps += 1


def item_names(kiosk: Driver) -> list[str]:
    rows = kiosk.ui.catalog.listing
    return [rows.data(rows.index(n), rows.NameRole) for n in range(rows.rowCount())]


def item_row(kiosk: Driver, name: str) -> str:
    return f"itemRow_{item_names(kiosk).index(name)}"


def test_an_older_resident_applies_at_their_pace_and_is_never_cut_off(
    elder_station: Station,
) -> None:
    kiosk, standin, reader, printer = elder_station
    identity = parse_text_block(SAMPLE_CARDS["resident"])
    warned, ended, spoken = [], [], []
    kiosk.ui.idle.stateChanged.connect(lambda: warned.append(kiosk.ui.idle.property("warning")))
    kiosk.ui.shell.sessionEnded.connect(lambda: ended.append(True))
    kiosk.ui.voice.utteranceStarted.connect(spoken.append)
    resident = Resident(kiosk)

    resident.tap("elderButton")
    assert kiosk.ui.shell.property("elderMode")
    resident.tap("tile_apply")
    wrong = next(name for name in item_names(kiosk) if name != ITEM)
    resident.tap(item_row(kiosk, wrong))  # the wrong item: read a little, then 返回
    assert kiosk.current_screen() == "guideScreen"
    resident.tap("backButton")
    resident.tap(item_row(kiosk, ITEM))
    resident.pause(GUIDE_READ_MS)  # reads the whole guide: longer than normal mode allows
    assert True not in warned, "the countdown came up while the guide was being read"
    assert kiosk.ui.idle.property("running")  # the idle timer did run all along
    resident.tap("applyButton")
    assert step(kiosk) == "conditions"
    resident.tap("applyNextButton")
    assert step(kiosk) == "identify"

    resident.pause()
    reader.insert("resident")
    kiosk.wait_until(lambda: step(kiosk) == "form", 5000)
    resident.type_into("field_spouse_name", "测试丙")
    resident.type_into("field_spouse_id_number", "11010219800107001X")
    resident.tap("choice_二孩")
    resident.tap("dateConfirm")
    resident.type_into("field_phone", "13800000000")
    resident.tap("applyNextButton")
    assert step(kiosk) == "materials"

    resident.tap("capture_0")
    kiosk.wait_until(lambda: kiosk.visible("pageThumb_0_0"), 10_000)
    resident.tap("eLicence_1")
    resident.tap("applyNextButton")
    assert step(kiosk) == "review"
    resident.tap("applyNextButton")
    assert step(kiosk) == "consent"
    resident.tap("applyNextButton")  # 同意并提交
    kiosk.wait_until(lambda: bool(kiosk.ui.apply.property("caseNo")), 10_000)
    case_no = kiosk.ui.apply.property("caseNo")
    (job,) = printer.wait_for_jobs(1)
    assert case_no in job.text
    assert identity.name not in job.text

    kiosk.wait_until(lambda: step(kiosk) == "rating", 10_000)
    resident.tap("rate_5")  # 非常满意
    resident.tap("sendRating")
    assert step(kiosk) == "thanks"
    kiosk.wait_until(lambda: standin.store.evaluation_count() == 1, 10_000)

    assert True not in warned  # the countdown never came up
    assert ended == []  # nor did the session end before the resident was done
    assert len(spoken) >= 8  # each screen and step said what to do
    assert resident.taps >= 18

    resident.tap("finishButton")
    assert ended == [True]
    assert kiosk.visible("attractScreen")
    assert not kiosk.ui.shell.property("elderMode")  # the next resident starts afresh
    assert not any(case_no in t or "测**" in t or identity.name in t for t in kiosk.texts())
