"""Figures of voice guidance: from a tap on 读给我听 to the first sound reaching the player,
and the memory the voice adds.

"Audio starts" is the moment the player has its first bytes: the player here is a shell
that notes that moment (`date +%s%N`) and then swallows the rest, as aplay would play it.
The baseline is eSpeak NG's own command line (Debian's espeak-ng, packaging/
dev-packages.txt) saying the same sentence, from its start to the first byte it writes.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import statistics
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from kiosk.settings import VoiceSettings
from tests.benchmarks.processes import rss_mb
from tests.ui.driver import Driver, make_settings

RUNS = 21
SENTENCE = "欢迎使用。请点击您要办理的业务。想再听一遍，请点击“读给我听”。"  # the home prompt
TIMESTAMP_PLAYER = "sh -c 'head -c 1 >/dev/null; date +%s%N > {stamp}; cat >/dev/null'"


def cli_first_byte_ms() -> float:
    started = time.perf_counter()
    command = ["espeak-ng", "-v", "cmn", "--stdout", SENTENCE]
    with subprocess.Popen(command, stdout=subprocess.PIPE) as process:
        assert process.stdout is not None
        process.stdout.read(1)
        elapsed = (time.perf_counter() - started) * 1000
        process.kill()
    return elapsed


def tap_to_sound_ms(kiosk: Driver, stamp: Path) -> float:
    stamp.unlink(missing_ok=True)
    tapped = time.time_ns()
    kiosk.click("readAloudButton")
    kiosk.wait_until(lambda: stamp.exists() and stamp.read_text().strip() != "", 10_000)
    return (int(stamp.read_text().strip()) - tapped) / 1e6


def test_tts_first_audio_and_memory(
    launch: Callable[..., Driver], tmp_path: Path, record: Callable[..., object]
) -> None:
    # No baseline, no figure: `make bench` installs it (packaging/dev-packages.txt).
    assert shutil.which("espeak-ng"), "the baseline needs Debian's espeak-ng"
    stamp = tmp_path / "first-sound"
    base = make_settings()
    kiosk = launch(
        dataclasses.replace(base, voice=VoiceSettings(player=TIMESTAMP_PLAYER.format(stamp=stamp)))
    )
    before_mb = rss_mb(os.getpid())
    cold = tap_to_sound_ms(kiosk, stamp)  # the first tap also loads the voice
    warm = []
    baseline = []
    for _ in range(RUNS):  # interleaved with the baseline: both see the same machine load
        warm.append(tap_to_sound_ms(kiosk, stamp))
        baseline.append(cli_first_byte_ms())
    kiosk.ui.voice.stop()
    kiosk.settle()
    added_mb = rss_mb(os.getpid()) - before_mb
    record("tts_first_audio_ms", cold, "ms", at_most=300, note="first tap, voice loaded by it")
    record("tts_first_audio_warm_ms", statistics.median(warm), "ms", note=f"median of {RUNS}")
    cli = statistics.median(baseline)
    record("tts_cli_first_byte_ms", cli, "ms", note=f"espeak-ng command line, median of {RUNS}")
    record("tts_first_audio_ratio", statistics.median(warm) / cli, "x", note="warm / command line")
    record("tts_rss_mb", added_mb, "MB", at_most=30, note=f"after {RUNS + 1} prompts")
