"""The voice thread's worker: eSpeak NG's synthesis (kiosk/voice.py) fed to the player.

Imported by ui/voiceview.py at the first utterance, not at start-up: a kiosk nobody asks
to speak never loads ctypes, the voice or its player.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.settings import VoiceSettings
from kiosk.voice import (
    Player,
    SpeechEngine,
    VoiceUnavailableError,
    player_command,
    playing_time_s,
    speech_engine,
)

log = logging.getLogger(__name__)

FINISH_MARGIN_S = 5.0  # a player gets its sound's length plus this to play it out


class VoiceWorker(QObject):
    """Lives on the voice thread: the engine, and the player of the utterance now playing.

    Signals:
        started(int): the utterance's first sound went to the player.
        ended(int, bool, str): it ended; played to the end or not; what went wrong ("" when
            nothing did, or when it was stopped on purpose).
    """

    started = Signal(int)
    ended = Signal(int, bool, str)

    def __init__(self, settings: VoiceSettings) -> None:
        super().__init__()
        self._settings = settings
        self._engine: SpeechEngine | None = None
        self._broken = ""
        self._lock = threading.Lock()
        self._player: Player | None = None
        self._latest = 0  # the newest utterance asked for (set from the GUI thread)

    def interrupt(self, newest: int) -> None:
        """Any thread: stop what plays; requests older than `newest` will not be played."""
        with self._lock:
            self._latest = newest
            if self._player is not None:
                self._player.stop()

    @Slot(int, str, str)
    def speak(self, utterance: int, text: str, language: str) -> None:
        with self._lock:
            if utterance < self._latest:
                return  # a newer one was asked for while this one waited
        engine = self._open_engine()
        if engine is None:
            self.ended.emit(utterance, False, self._broken)
            return
        try:
            player = Player(player_command(self._settings.player, engine.sample_rate))
        except ValueError as error:  # unbalanced quotes in voice.player
            self.ended.emit(utterance, False, f"voice.player cannot be read: {error}")
            return
        with self._lock:
            if utterance < self._latest:
                return
            self._player = player
        try:
            self._play(utterance, text, language, engine, player)
        finally:
            with self._lock:
                self._player = None

    def _play(
        self, utterance: int, text: str, language: str, engine: SpeechEngine, player: Player
    ) -> None:
        try:
            write = player.open()
        except OSError as error:
            self.ended.emit(utterance, False, f"the player could not start: {error.strerror}")
            return
        sent = 0

        def feed(chunk: bytes) -> bool:
            nonlocal sent
            if not write(chunk):
                return False
            if sent == 0:
                self.started.emit(utterance)
            sent += len(chunk)
            return True

        failure = ""
        try:
            engine.speak(text, language, feed)
        except VoiceUnavailableError as error:  # a voice missing from damaged data
            failure = str(error)
            player.stop()
        finally:  # the player always ends, and the screen always hears of it
            played, problem = player.finish(
                playing_time_s(sent, engine.sample_rate) + FINISH_MARGIN_S
            )
            self.ended.emit(utterance, played and not failure, failure or problem)

    def _open_engine(self) -> SpeechEngine | None:
        if self._engine is None and not self._broken:
            try:
                self._engine = speech_engine(self._settings.volume)
            except VoiceUnavailableError as error:
                self._broken = str(error)
                log.error("voice: %s", error)
        return self._engine
