"""The voice (kiosk/voice.py): eSpeak NG's real synthesis, and the player fed through a real
pipe. The sound is checked as sound: its length and level, and the phonemes it says."""

from __future__ import annotations

import array
import math
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kiosk.voice import (
    MAX_CHARS,
    Player,
    SpeechEngine,
    player_command,
    playing_time_s,
    speech_engine,
    spoken_form,
)


@pytest.fixture(scope="module")
def engine() -> SpeechEngine:
    return speech_engine()


def level(pcm: bytes) -> tuple[float, int]:
    """(RMS, peak) of signed 16-bit PCM."""
    samples = array.array("h")
    samples.frombytes(pcm)
    rms = math.sqrt(sum(s * s for s in samples) / max(1, len(samples)))
    return rms, max((abs(s) for s in samples), default=0)


def test_a_mandarin_sentence_is_a_few_seconds_of_speech(engine: SpeechEngine) -> None:
    pcm = engine.pcm("请把身份证放在读卡器上。", "zh_CN")
    seconds = playing_time_s(len(pcm), engine.sample_rate)
    assert 1.0 < seconds < 8.0
    rms, peak = level(pcm)
    assert rms > 1000  # speech, not silence or a click
    assert peak < 32767  # not clipped


def test_digits_are_read_in_mandarin_and_english_in_english(engine: SpeechEngine) -> None:
    said = engine.phonemes("第3步", "zh_CN")
    assert "sˈa" in said  # 三 san
    assert "θ" not in said  # not "three" (Debian 12's espeak-ng says that)
    assert "θɹ" in engine.phonemes("step 3", "en")


def test_text_is_never_read_as_markup(engine: SpeechEngine) -> None:
    # Read as SSML, this would be ten seconds of silence; as text, a few words.
    pcm = engine.pcm("<break time='10s'/>", "zh_CN")
    assert 0 < playing_time_s(len(pcm), engine.sample_rate) < 5.0
    tagged = engine.phonemes("<speak>请</speak>", "en")
    assert len(tagged) > len(engine.phonemes("请", "en"))  # the tags' words are said too


def test_numbers_are_read_as_people_say_them(engine: SpeechEngine) -> None:
    assert spoken_form("咨询电话：010-12345678", "zh_CN") == "咨询电话：0 1 0-1 2 3 4 5 6 7 8"
    assert spoken_form("办理时间 8:30-17:00", "zh_CN") == "办理时间 8点30分-17点"
    assert spoken_form("第3步，共10步", "zh_CN") == "第3步，共10步"  # small numbers stay numbers
    assert spoken_form("Open 8:30", "en") == "Open 8:30"
    assert "wˈan" not in engine.phonemes("拨打12345", "zh_CN")  # not 一万二千…


def test_a_huge_text_is_cut_and_synthesis_stays_bounded(engine: SpeechEngine) -> None:
    cut = len(engine.pcm("办" * MAX_CHARS, "zh_CN"))
    huge = len(engine.pcm("办" * (MAX_CHARS * 50), "zh_CN"))
    assert abs(huge - cut) < cut / 100  # the same text once cut (eSpeak varies a little)


def test_the_sink_stops_synthesis(engine: SpeechEngine) -> None:
    chunks: list[bytes] = []

    def two_chunks(chunk: bytes) -> bool:
        chunks.append(chunk)
        return len(chunks) < 2

    engine.speak("请把身份证放在读卡器上。" * 20, "zh_CN", two_chunks)
    assert len(chunks) == 2


def test_the_player_gets_every_byte_through_its_pipe(engine: SpeechEngine, tmp_path: Path) -> None:
    out = tmp_path / "played.raw"
    player = Player(
        [
            sys.executable,
            "-c",
            f"import sys; open({str(out)!r}, 'wb').write(sys.stdin.buffer.read())",
        ]
    )
    write = player.open()
    fed: list[bytes] = []

    def feed(chunk: bytes) -> bool:
        fed.append(chunk)
        return write(chunk)

    engine.speak("你好", "zh_CN", feed)
    assert player.finish(10.0) == (True, "")
    assert out.read_bytes() == b"".join(fed)
    assert len(fed) > 1  # in chunks, as they are made


def test_a_player_that_fails_says_why_in_its_last_line(engine: SpeechEngine) -> None:
    player = Player(
        ["sh", "-c", "cat >/dev/null; echo noise >&2; echo 'audio open error: no card' >&2; exit 1"]
    )
    engine.speak("你好", "zh_CN", player.open())
    assert player.finish(10.0) == (False, "audio open error: no card")


def test_a_missing_player_is_an_os_error() -> None:
    with pytest.raises(FileNotFoundError):
        Player(["/nonexistent/aplay"]).open()


def test_stop_kills_a_player_at_once(engine: SpeechEngine) -> None:
    player = Player(["sh", "-c", "sleep 30"])  # never reads: the pipe fills, writes block
    write = player.open()
    done = threading.Event()
    result: list[tuple[bool, str]] = []

    def speak() -> None:
        engine.speak("请把身份证放在读卡器上。" * 30, "zh_CN", write)
        result.append(player.finish(30.0))
        done.set()

    worker = threading.Thread(target=speak, daemon=True)
    started = time.monotonic()
    worker.start()
    time.sleep(0.3)
    player.stop()
    assert done.wait(10.0)
    assert time.monotonic() - started < 5.0
    assert result == [(False, "")]  # stopped on purpose: no problem to report


def test_a_talkative_player_never_blocks_and_its_last_line_is_kept(
    engine: SpeechEngine,
) -> None:
    talkative = "yes chatter | head -c 300000 >&2; cat >/dev/null; echo 'the end' >&2; exit 3"
    player = Player(["sh", "-c", talkative])
    engine.speak("请把身份证放在读卡器上。", "zh_CN", player.open())
    assert player.finish(20.0) == (False, "the end")


def test_damaged_voice_data_is_an_error_not_an_exit(tmp_path: Path) -> None:
    """eSpeak NG exits the process on missing data unless told not to: the kiosk must live."""
    script = (
        "import espeakng_loader\n"
        "from kiosk import voice\n"
        f"espeakng_loader.get_data_path = lambda: {str(tmp_path)!r}\n"
        "try:\n"
        "    voice.SpeechEngine()\n"
        "except voice.VoiceUnavailableError as error:\n"
        "    print('refused:', error)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "refused:" in done.stdout


def test_playing_time_follows_the_sample_rate() -> None:
    assert playing_time_s(44100, 22050) == 1.0


def test_the_player_command_gets_the_rate() -> None:
    assert player_command("aplay -r {rate} -", 22050) == ["aplay", "-r", "22050", "-"]
