"""Speech, offline: eSpeak NG in this process, its sound piped to the station's player.

Why eSpeak NG from the `espeakng-loader` wheel, through its C API (ctypes):
- offline and small: one 0.7 MB library and its data, pinned with the other wheels;
- Mandarin that reads numbers as Mandarin: the wheel carries eSpeak NG 1.52, whose `cmn`
  voice says 第3步 as "di san bu"; Debian 12's 1.51 reads the digits of `cmn` as English
  words ("three"), and Qt's speech-dispatcher engine would speak through that one;
- testable: the same call that feeds the speaker gives the PCM and the phonemes a test
  checks (`pcm`, `phonemes`), with no sound server and no audio device.

Sound goes to `aplay` (alsa-utils) through a pipe: a separate, small process (no sound
library in the kiosk's memory) that ALSA routes to the station's speaker, and that stops at
once when killed. The command is a station setting (`voice.player`); tests give their own.

Text is spoken as text, never as SSML, whatever it holds (a catalog's `<` is a character),
and at most MAX_CHARS of it: synthesis and playback are bounded by it.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import os
import re
import shlex
import signal
import subprocess
import tempfile
import threading
from collections.abc import Callable, Sequence
from typing import IO

MAX_CHARS = 1000  # about four minutes of speech: more than a guide's longest section
VOICES = {"zh_CN": "cmn", "en": "en-us"}  # UI language → eSpeak NG voice
RATE_WPM = 150  # eSpeak's default is 175: a little slower, for elderly listeners
SAMPLE_WIDTH = 2  # bytes: signed 16-bit little-endian, mono
KILL_WAIT_S = 5.0  # a killed player is reaped within this

# eSpeak NG's C API (speak_lib.h)
_SYNCHRONOUS = 2  # AUDIO_OUTPUT_SYNCHRONOUS: espeak_Synth returns when all is synthesised
_DONT_EXIT = 0x8000  # espeakINITIALIZE_DONT_EXIT: damaged data is an error, not exit(1)
_BUFFER_MS = 100  # callback chunks of 100 ms: the first sound leaves early
_CHARS_UTF8 = 1
_IPA = 0x02
_RATE, _VOLUME = 1, 2
_Callback = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
)


class VoiceUnavailableError(RuntimeError):
    """No speech on this terminal (the library or its data missing or broken)."""


Sink = Callable[[bytes], bool]  # takes a chunk of PCM; False stops the synthesis


_STARTING = threading.Lock()


def speech_engine(volume: int = 100) -> SpeechEngine:
    """The process's eSpeak NG (its state is global: started once, never twice), at
    `volume` percent of its normal level (0–100). Raises VoiceUnavailableError."""
    with _STARTING:
        engine = _started()
    engine.set_volume(volume)
    return engine


@functools.cache
def _started() -> SpeechEngine:
    return SpeechEngine()


class SpeechEngine:
    """eSpeak NG. Made once per process by `speech_engine()`; its calls take turns (one
    lock), so any thread may use it."""

    def __init__(self) -> None:
        try:
            import espeakng_loader
        except ImportError as error:
            raise VoiceUnavailableError("espeakng-loader is not installed") from error
        try:
            self._lib = ctypes.CDLL(espeakng_loader.get_library_path())
            data = espeakng_loader.get_data_path()
        except (OSError, RuntimeError) as error:
            raise VoiceUnavailableError(f"eSpeak NG could not be loaded: {error}") from error
        rate = self._lib.espeak_Initialize(_SYNCHRONOUS, _BUFFER_MS, data.encode(), _DONT_EXIT)
        if rate <= 0:
            raise VoiceUnavailableError("eSpeak NG did not start (its data is damaged?)")
        self.sample_rate = int(rate)
        self._lib.espeak_Synth.argtypes = [
            ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int, ctypes.c_uint,
            ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p,
        ]  # fmt: skip
        self._lib.espeak_Synth.restype = ctypes.c_int
        self._lib.espeak_TextToPhonemes.restype = ctypes.c_char_p
        self._lib.espeak_TextToPhonemes.argtypes = [
            ctypes.POINTER(ctypes.c_char_p), ctypes.c_int, ctypes.c_int,
        ]  # fmt: skip
        self._sink: Sink | None = None
        self._turn = threading.RLock()
        self._callback = _Callback(self._on_sound)  # kept: eSpeak holds only the pointer
        self._lib.espeak_SetSynthCallback(self._callback)
        self._lib.espeak_SetParameter(_RATE, RATE_WPM, 0)
        self._voice = ""

    def set_volume(self, volume: int) -> None:
        with self._turn:
            self._lib.espeak_SetParameter(_VOLUME, max(0, min(100, volume)), 0)

    def speak(self, text: str, language: str, sink: Sink) -> None:
        """Synthesise `text` (plain text, cut at MAX_CHARS) in the voice of `language`,
        handing `sink` each chunk of PCM as it is made, until `sink` returns False."""
        data = spoken_form(text[:MAX_CHARS], language).encode("utf-8", "replace")
        with self._turn:
            self._use_voice(language)
            self._sink = sink
            try:
                failed = self._lib.espeak_Synth(
                    data, len(data) + 1, 0, 0, 0, _CHARS_UTF8, None, None
                )
            finally:
                self._sink = None
        if failed:
            raise VoiceUnavailableError(f"eSpeak NG could not synthesise ({failed})")

    def pcm(self, text: str, language: str) -> bytes:
        """The whole sound of `text`, as signed 16-bit mono PCM at `sample_rate`."""
        chunks: list[bytes] = []

        def keep(chunk: bytes) -> bool:
            chunks.append(chunk)
            return True

        self.speak(text, language, keep)
        return b"".join(chunks)

    def phonemes(self, text: str, language: str) -> str:
        """What the voice would say, in IPA (eSpeak marks Mandarin tones with digits)."""
        source = ctypes.c_char_p(spoken_form(text[:MAX_CHARS], language).encode("utf-8", "replace"))
        pointer = ctypes.pointer(source)
        parts = []
        with self._turn:
            self._use_voice(language)
            while source.value:
                said = self._lib.espeak_TextToPhonemes(pointer, _CHARS_UTF8, _IPA)
                parts.append(said.decode("utf-8", "replace") if said else "")
        return " ".join(part for part in parts if part)

    def _use_voice(self, language: str) -> None:
        voice = VOICES.get(language, VOICES["zh_CN"])
        if voice != self._voice:
            if self._lib.espeak_SetVoiceByName(voice.encode()) != 0:
                raise VoiceUnavailableError(f"eSpeak NG has no voice {voice!r}")
            self._voice = voice

    def _on_sound(self, wav: ctypes._Pointer[ctypes.c_short], samples: int, _events: int) -> int:
        sink = self._sink
        if sink is None:
            return 1
        if samples > 0 and wav and not sink(ctypes.string_at(wav, samples * SAMPLE_WIDTH)):
            return 1  # abort: eSpeak stops synthesising
        return 0


class Player:
    """One utterance played by the player command, fed through its standard input.

    `stop()` may be called from any thread: the process is killed, and `play` returns."""

    def __init__(self, command: Sequence[str]) -> None:
        self._command = list(command)
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._said: IO[bytes] | None = None  # what the player says (its standard error)
        self._stopped = False

    def open(self) -> Sink:
        """Start the player; the sink writes to it (False once stopped or the player died).
        Raises OSError when the command cannot start."""
        # What it says goes to a file, not a pipe: a talkative player never blocks on it.
        # Closed by finish() (or here, when the player does not start).
        said = tempfile.TemporaryFile()  # noqa: SIM115
        try:
            process = subprocess.Popen(
                self._command,
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=said,
                start_new_session=True,
            )
        except OSError:
            said.close()
            raise
        self._said = said
        with self._lock:
            self._process = process
            if self._stopped:
                _kill(process)
        stdin: IO[bytes] = process.stdin  # type: ignore[assignment]

        def write(chunk: bytes) -> bool:
            if self._stopped:
                return False
            try:
                stdin.write(chunk)
            except (BrokenPipeError, ValueError, OSError):
                return False
            return True

        return write

    def finish(self, timeout_s: float) -> tuple[bool, str]:
        """Close the player's input and wait until it has played it all (at most
        `timeout_s`): (played to the end, what the player said when it failed)."""
        process, said_file = self._process, self._said
        if process is None or said_file is None:
            return False, "not started"
        try:
            if process.stdin is not None:
                process.stdin.close()
        except OSError:
            pass
        try:
            process.wait(timeout_s)
        except subprocess.TimeoutExpired:
            _kill(process)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(KILL_WAIT_S)
            said_file.close()
            return False, "the player did not finish in time"
        said_file.seek(max(0, said_file.seek(0, os.SEEK_END) - 4000))
        said = said_file.read().decode("utf-8", "replace")  # its last lines say why
        said_file.close()
        if self._stopped:
            return False, ""
        if process.returncode != 0:  # its last line says why (aplay: "audio open error: …")
            lines = [line.strip() for line in said.splitlines() if line.strip()]
            return False, (lines[-1][:200] if lines else f"ended with {process.returncode}")
        return True, ""

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            if self._process is not None:
                _kill(self._process)


def _kill(process: subprocess.Popen[bytes]) -> None:
    """The player and whatever it started (a shell's children hold the pipe open too, and
    may outlive it: the group is killed even when the player itself has ended)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)


_DIGIT_RUN = re.compile(r"\d{3,}")
_CLOCK_TIME = re.compile(r"\b([01]?\d|2[0-3])[:：]([0-5]\d)\b")


def spoken_form(text: str, language: str) -> str:
    """`text` as it should be read: a run of three or more digits digit by digit (a phone
    number, a case number: 12345 is not 一万二千…), and in Chinese a time 8:30 as 8点30分."""
    if language == "zh_CN":
        text = _CLOCK_TIME.sub(_chinese_time, text)
    return _DIGIT_RUN.sub(lambda m: " ".join(m[0]), text)


def _chinese_time(match: re.Match[str]) -> str:
    hour, minutes = int(match[1]), match[2]
    return f"{hour}点" if minutes == "00" else f"{hour}点{minutes}分"


def player_command(template: str, sample_rate: int) -> list[str]:
    """The station's player command (`voice.player`) with the sample rate filled in."""
    return [part.replace("{rate}", str(sample_rate)) for part in shlex.split(template)]


def playing_time_s(pcm_bytes: int, sample_rate: int) -> float:
    return pcm_bytes / (SAMPLE_WIDTH * sample_rate)
