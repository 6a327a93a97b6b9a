"""Voice guidance on the screen: what is said, the 'speaking' light and its caption.

The GUI thread only asks and shows. Synthesis (kiosk/voice.py) and feeding the player run
on the voice thread, started at the first utterance: a kiosk nobody asks to speak never
loads the voice. A new utterance (another screen, 读给我听 again) stops the one playing:
its player is killed from here at once, and a request still queued behind it is dropped.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.settings import VoiceSettings
from kiosk.voice import (
    Player,
    SpeechEngine,
    VoiceUnavailableError,
    player_command,
    playing_time_s,
    speech_engine,
)
from ui.ondemand import WorkerOnDemand
from ui.qmlelement import QmlElement, QmlUncreatable

QML_IMPORT_NAME = "Kiosk.Types"
QML_IMPORT_MAJOR_VERSION = 1

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


@QmlElement
@QmlUncreatable("built by the composition root")
class VoiceViewModel(QObject):
    """Says a screen's words aloud and shows them as a caption while they are said.

    Only words of the screens' own (their prompts, a guide's sections) are given to it:
    never a resident's name or number, which the screen shows masked anyway.

    Signals:
        changed: speaking, the caption or the problem changed.
        utteranceStarted(int): its first sound left for the speaker.
        utteranceEnded(int, bool): it ended; played to the end (False: stopped, failed).
    """

    changed = Signal()
    utteranceStarted = Signal(int)
    utteranceEnded = Signal(int, bool)
    _speak = Signal(int, str, str)

    def __init__(
        self,
        settings: VoiceSettings,
        language: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._language = language
        self._utterance = 0
        self._speaking = False
        self._caption = ""
        self._problem = ""
        self._worker: VoiceWorker | None = None
        self._thread: WorkerOnDemand | None = None

    @Property(bool, constant=True)
    def available(self) -> bool:
        return self._settings.enabled

    @Property(bool, notify=changed)
    def speaking(self) -> bool:
        return self._speaking

    @Property(str, notify=changed)
    def caption(self) -> str:
        """What is said or was last said on this screen (plain text): it stays after the
        sound, and when the sound could not be played, until the screen changes."""
        return self._caption

    @Property(str, notify=changed)
    def problem(self) -> str:
        """Why the last utterance could not be heard, in English for staff ("" when it was)."""
        return self._problem

    @property
    def utterance(self) -> int:
        """The number of the latest utterance asked for (0: none yet)."""
        return self._utterance

    @Slot(str)
    def say(self, text: str) -> None:
        """Say `text` in the screen's language, stopping whatever is being said; the
        caption is the text."""
        self.read(text, text)

    @Slot(str, str)
    def read(self, text: str, caption: str) -> None:
        """Say `text` (a whole section of a guide, say) under a shorter `caption`."""
        text = " ".join(text.split())
        if not self._settings.enabled or not text:
            self.stop()
            return
        worker = self._start()
        self._utterance += 1
        worker.interrupt(self._utterance)
        self._show(True, " ".join(caption.split()) or text)
        self._speak.emit(self._utterance, text, self._language())

    @Slot()
    def stop(self) -> None:
        """Stop speaking (another screen without words, the end of a session)."""
        if self._worker is not None:
            self._utterance += 1
            self._worker.interrupt(self._utterance)
        self._show(False, "")

    def close(self) -> None:
        self.stop()
        if self._thread is not None:
            self._thread.stop()

    def _start(self) -> VoiceWorker:
        if self._worker is None:
            self._worker = VoiceWorker(self._settings)
            self._worker.started.connect(self._on_started)
            self._worker.ended.connect(self._on_ended)
            self._speak.connect(self._worker.speak)
            self._thread = WorkerOnDemand(self._worker, "voice")
            self._thread.start()
        return self._worker

    def _on_started(self, utterance: int) -> None:
        self.utteranceStarted.emit(utterance)

    def _on_ended(self, utterance: int, played: bool, problem: str) -> None:
        if played or problem:
            if problem and problem != self._problem:
                log.warning("voice: %s", problem)
            self._problem = problem
            self.changed.emit()
        if utterance == self._utterance:  # the caption stays until the next screen
            self._show(False, self._caption)
        self.utteranceEnded.emit(utterance, played)

    def _show(self, speaking: bool, caption: str) -> None:
        if (speaking, caption) != (self._speaking, self._caption):
            self._speaking, self._caption = speaking, caption
            self.changed.emit()
