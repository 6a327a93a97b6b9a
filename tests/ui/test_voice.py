"""Voice guidance through the real window: what each screen says, the 读给我听 button, elder
mode speaking as screens open, the previous prompt stopped by the next, and the captions.

The voice is real (eSpeak NG); the player is a small program that takes the sound through
its pipe at the speed a speaker would (1 s of sound takes 1 s), so a prompt is still
playing when the resident moves on.
"""

from __future__ import annotations

import array
import dataclasses
import math
import re
import subprocess
import sys
import time
import wave
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Q_RETURN_ARG, QMetaObject, QObject
from PySide6.QtQml import QQmlComponent, QQmlEngine

from kiosk.settings import Settings, VoiceSettings
from kiosk.voice import speech_engine
from tests.ui.driver import Driver, make_settings
from ui.app import QML_DIR
from ui.applyview import ApplyStep
from ui.appointmentview import BookingStep
from ui.homevisitview import HomeVisitStep
from ui.i18n import LanguageSwitcher
from ui.questionview import QuestionStep
from ui.voiceview import VoiceViewModel

MAIN_QML = QML_DIR / "Kiosk" / "Main.qml"
PROMPTS_QML = QML_DIR / "Kiosk" / "components" / "VoicePrompts.qml"
STEPS = {
    "applyScreen": ApplyStep.Value,
    "bookingScreen": BookingStep.Value,
    "questionScreen": QuestionStep.Value,
    "homeVisitScreen": HomeVisitStep.Value,
}
SILENT = {"attractScreen", "closedScreen", "outOfServiceScreen"}  # nobody there to hear it
# Plays at the speaker's pace: 100 ms of sound per 100 ms, so an utterance lasts its length.
REAL_TIME_PLAYER = (
    "import sys, time\n"
    "rate = int(sys.argv[1])\n"
    "while chunk := sys.stdin.buffer.read(rate // 5):\n"
    "    time.sleep(0.1)\n"
)

HARNESS = b"""
import QtQml
import Kiosk

QtObject {
    property string screen
    property int step
    readonly property VoicePrompts prompts: VoicePrompts {}
    readonly property string prompt: prompts.prompt(screen, step)
}
"""


def screens() -> list[str]:
    """Every screen Main.qml shows, by objectName."""
    text = MAIN_QML.read_text("utf-8")
    return sorted(set(re.findall(r'objectName: "(\w+Screen)"', text)))


def prompts_in(language: str) -> Iterator[tuple[str, int, str]]:
    """(screen, step, prompt) for every screen and every step of those that have steps."""
    engine = QQmlEngine()
    engine.addImportPath(str(QML_DIR))
    languages = LanguageSwitcher()
    languages.attach(engine)
    languages.switch(language)
    component = QQmlComponent(engine)
    component.setData(HARNESS, "harness.qml")
    harness = component.create()
    assert harness is not None, component.errorString()
    try:
        for screen in screens():
            steps = [s for s in STEPS[screen] if s.value != 0] if screen in STEPS else [None]
            for step in steps:
                harness.setProperty("screen", screen)
                harness.setProperty("step", int(step) if step is not None else 0)
                yield screen, int(step or 0), str(harness.property("prompt"))
    finally:
        languages.detach()
        harness.deleteLater()


def test_every_screen_and_step_says_what_to_do_in_both_languages(qapp: QObject) -> None:
    for language in ("zh_CN", "en"):
        for screen, step, prompt in prompts_in(language):
            if screen in SILENT:
                assert prompt == "", screen
            else:
                assert prompt, f"{screen} step {step} says nothing in {language}"
                has_chinese = bool(re.search(r"[\u4e00-\u9fff]", prompt))
                assert has_chinese == (language == "zh_CN"), prompt
    # Words of the kiosk's own only: no argument ever puts a resident's data in a prompt.
    assert ".arg(" not in PROMPTS_QML.read_text("utf-8")


def test_every_prompt_synthesises_to_speech(qapp: QObject, tmp_path: Path) -> None:
    """Each Chinese prompt as a WAV file, read back: long enough and loud enough."""
    engine = speech_engine()
    spoken = 0
    for screen, step, prompt in prompts_in("zh_CN"):
        if not prompt:
            continue
        path = tmp_path / f"{screen}-{step}.wav"
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(engine.sample_rate)
            out.writeframes(engine.pcm(prompt, "zh_CN"))
        with wave.open(str(path), "rb") as back:
            frames = back.readframes(back.getnframes())
            seconds = back.getnframes() / back.getframerate()
        samples = array.array("h")
        samples.frombytes(frames)
        rms = math.sqrt(sum(s * s for s in samples) / len(samples))
        # About 4 characters a second at the kiosk's rate: at least half that pace.
        assert 0.5 < seconds < len(prompt) / 2 + 2, (prompt, seconds)
        assert rms > 800, (prompt, rms)
        spoken += 1
    assert spoken >= 35


def heard(voice: VoiceViewModel) -> tuple[list[int], list[tuple[int, bool]]]:
    """The utterances that started, and those that ended (played to the end or not)."""
    started: list[int] = []
    ended: list[tuple[int, bool]] = []
    voice.utteranceStarted.connect(started.append)
    voice.utteranceEnded.connect(lambda n, played: ended.append((n, played)))
    return started, ended


@pytest.fixture
def voice_settings(tmp_path: Path) -> Callable[..., Settings]:
    script = tmp_path / "player.py"
    script.write_text(REAL_TIME_PLAYER, "utf-8")

    def settings(elder: bool) -> Settings:
        base = make_settings()
        return dataclasses.replace(
            base,
            ui=dataclasses.replace(base.ui, elder_mode_default=elder),
            voice=VoiceSettings(player=f"{sys.executable} {script} {{rate}}"),
        )

    return settings


def test_in_elder_mode_each_screen_speaks_and_the_next_stops_the_last(
    launch: Callable[..., Driver], voice_settings: Callable[..., Settings]
) -> None:
    kiosk = launch(voice_settings(elder=True))
    voice = kiosk.ui.voice
    started, ended = heard(voice)

    kiosk.click("tile_guides")
    kiosk.wait_until(lambda: len(started) == 1, 10_000)
    first = started[0]
    assert voice.property("speaking")
    assert "按主题" in voice.property("caption") or "主题" in voice.property("caption")
    assert kiosk.visible("captionBar")
    assert "主题" in kiosk.item("captionText").property("text")

    kiosk.click("backButton")  # home, while the guides' prompt still plays
    kiosk.wait_until(lambda: (first, False) in ended, 5000)
    kiosk.wait_until(lambda: len(started) == 2, 10_000)
    assert "欢迎" in voice.property("caption")

    kiosk.click("readAloudButton")  # again, from the start
    kiosk.wait_until(lambda: len(started) == 3, 10_000)
    assert (started[1], False) in ended

    kiosk.ui.shell.endSession()  # the resident leaves: silence, and no caption left
    kiosk.wait_until(lambda: (started[2], False) in ended, 5000)
    kiosk.settle()
    assert voice.property("caption") == ""
    assert not voice.property("speaking")


def test_read_aloud_speaks_the_screen_in_normal_mode_and_again_on_each_tap(
    launch: Callable[..., Driver], voice_settings: Callable[..., Settings]
) -> None:
    kiosk = launch(voice_settings(elder=False))
    voice = kiosk.ui.voice
    started, ended = heard(voice)
    kiosk.click("tile_guides")
    kiosk.settle()
    assert not started  # normal mode: silent until asked
    assert not kiosk.visible("captionBar")

    kiosk.click("readAloudButton")
    kiosk.wait_until(lambda: len(started) == 1, 10_000)
    kiosk.click("readAloudButton")  # again: from the start
    kiosk.wait_until(lambda: len(started) == 2, 10_000)
    assert (started[0], False) in ended

    kiosk.click("homeButton")  # another screen: the guides' words stop
    kiosk.wait_until(lambda: (started[1], False) in ended, 5000)
    assert not started[2:]  # and home does not speak by itself in normal mode
    assert voice.property("caption") == ""


def test_a_guide_section_is_read_aloud_as_it_is_shown(
    launch: Callable[..., Driver], voice_settings: Callable[..., Settings]
) -> None:
    kiosk = launch(voice_settings(elder=False))
    voice = kiosk.ui.voice
    started, _ended = heard(voice)
    kiosk.click("tile_guides")
    kiosk.click("group_0")
    kiosk.click("itemRow_0")
    assert kiosk.current_screen() == "guideScreen"
    kiosk.click("materialsSectionRead")
    kiosk.wait_until(lambda: len(started) == 1, 10_000)
    assert voice.property("caption").startswith("所需材料（")  # the section's title
    said = QMetaObject.invokeMethod(
        kiosk.item("materialsSection"), "spokenText", Q_RETURN_ARG("QString")
    )
    assert said.startswith("所需材料（")  # then each material as the section shows it
    shown = [t for t in kiosk.texts() if len(t) >= 4 and not t.startswith("所需材料")]
    assert sum(t in said for t in shown) >= 2, said
    assert "办理流程" not in said  # that section only


def test_without_a_speaker_the_caption_stays_and_staff_can_read_why(
    launch: Callable[..., Driver],
) -> None:
    base = make_settings()
    settings = dataclasses.replace(
        base,
        voice=VoiceSettings(player="sh -c 'cat >/dev/null; echo \"no sound card\" >&2; exit 1'"),
    )
    kiosk = launch(settings)
    voice = kiosk.ui.voice
    _started, ended = heard(voice)
    kiosk.click("readAloudButton")
    kiosk.wait_until(lambda: bool(ended), 10_000)
    assert voice.property("problem") == "no sound card"
    kiosk.settle()
    assert kiosk.visible("captionBar")  # the words still reach the resident
    assert "欢迎" in kiosk.item("captionText").property("text")


def test_a_player_setting_that_cannot_be_read_is_said_to_staff(
    launch: Callable[..., Driver],
) -> None:
    kiosk = launch(dataclasses.replace(make_settings(), voice=VoiceSettings(player="aplay 'x")))
    _started, ended = heard(kiosk.ui.voice)
    kiosk.click("readAloudButton")
    kiosk.wait_until(lambda: bool(ended), 10_000)
    assert "voice.player cannot be read" in kiosk.ui.voice.property("problem")
    assert not kiosk.ui.voice.property("speaking")


def test_closing_stops_a_player_that_never_takes_the_sound(
    launch: Callable[..., Driver],
) -> None:
    kiosk = launch(dataclasses.replace(make_settings(), voice=VoiceSettings(player="sleep 60")))
    started, _ended = heard(kiosk.ui.voice)
    kiosk.click("readAloudButton")
    kiosk.wait_until(lambda: bool(started), 10_000)  # the pipe takes the first chunks
    began = time.monotonic()
    kiosk.ui.voice.close()  # the worker is blocked writing to a player that never reads
    assert time.monotonic() - began < 5.0


def threads() -> list[str]:
    """The names of this process's threads, as `ps -T` shows them (QThread names its own)."""
    return [(task / "comm").read_text().strip() for task in Path("/proc/self/task").iterdir()]


LOADED_PROBE = """
import sys
from pathlib import Path
from kiosk.settings import VoiceSettings
from ui.voiceview import VoiceViewModel
voice = VoiceViewModel(VoiceSettings(enabled=sys.argv[1] == "on"), lambda: "zh_CN")
voice.prepare()
voice.close()  # waits for the loading thread
print("ui.voiceworker" in sys.modules, "libespeak-ng" in Path("/proc/self/maps").read_text())
"""


@pytest.mark.parametrize(("setting", "loaded"), [("on", "True True"), ("off", "False False")])
def test_prepare_loads_the_voice_only_when_it_is_on(setting: str, loaded: str) -> None:
    # Loaded at the first utterance, it held the GUI thread as elder mode came on. A fresh
    # interpreter: eSpeak NG, once loaded, stays loaded for the whole process.
    run = subprocess.run(
        [sys.executable, "-c", LOADED_PROBE, setting],
        capture_output=True, text=True, timeout=60, cwd=Path(__file__).parents[2], check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stdout.split("\n")[-2] == loaded


def test_voice_off_shows_no_button_and_never_speaks(launch: Callable[..., Driver]) -> None:
    base = make_settings()
    kiosk = launch(dataclasses.replace(base, voice=VoiceSettings(enabled=False)))
    assert "voice-load" not in threads()
    assert not kiosk.visible("readAloudButton")
    kiosk.ui.voice.say("你好")
    assert kiosk.ui.voice.property("caption") == ""


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
@pytest.mark.parametrize("elder", [False, True])
def test_nav_bar_with_read_aloud_in_english_keeps_its_margins(
    launch: Callable[..., Driver],
    voice_settings: Callable[..., Settings],
    orientation: str,
    elder: bool,
) -> None:
    """All five buttons, in their longest words, fit between the bar's margins."""
    settings = voice_settings(elder=elder)
    kiosk = launch(
        dataclasses.replace(settings, ui=dataclasses.replace(settings.ui, orientation=orientation))
    )
    kiosk.click("languageButton")
    kiosk.settle()
    assert kiosk.visible("readAloudButton")
    bar, first, last = (kiosk.item(name) for name in ("navBar", "backButton", "elderButton"))
    left = first.mapToItem(bar, 0, 0).x()
    right = bar.width() - last.mapToItem(bar, 0, 0).x() - last.width()
    assert abs(left - right) <= 1, (left, right)
