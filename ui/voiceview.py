"""Voice guidance on the screen: what is said, the 'speaking' light and its caption.

The GUI thread only asks and shows. Synthesis and feeding the player run on the voice
thread (ui/voiceworker.py), started at the first utterance. With voice guidance on,
`prepare()` has a short-lived thread import that module and load the speech engine once the
first frame is out, so that the first utterance (elder mode's first screen) does not do that
on the GUI thread while its screen changes (~25 ms); with it off, none of it is ever loaded.
(Done on the GUI thread right after the first frame, the same work slowed start-up as
`make bench` measures it by a tenth.)

A new utterance (another screen, 读给我听 again) stops the one playing: its player is killed
from here at once, and a request still queued behind it is dropped.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.settings import VoiceSettings
from ui.ondemand import WorkerOnDemand
from ui.qmlelement import QmlElement, QmlUncreatable

QML_IMPORT_NAME = "Kiosk.Types"
QML_IMPORT_MAJOR_VERSION = 1

if TYPE_CHECKING:
    from ui.voiceworker import VoiceWorker

log = logging.getLogger(__name__)


LOAD_WAIT_S = 5.0


def _load(volume: int) -> None:
    """Import the voice worker and start eSpeak NG (both stay loaded, the engine once per
    process): the first utterance then finds them."""
    import ui.voiceworker  # noqa: F401
    from kiosk.voice import VoiceUnavailableError, speech_engine

    with contextlib.suppress(VoiceUnavailableError):  # the first utterance says why
        speech_engine(volume)


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
        self._closed = False
        self._loading: threading.Thread | None = None

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

    @Slot(str)
    def say(self, text: str) -> None:
        """Say `text` in the screen's language, stopping whatever is being said; the
        caption is the text."""
        self.read(text, text)

    @Slot(str, str)
    def read(self, text: str, caption: str) -> None:
        """Say `text` (a whole section of a guide, say) under a shorter `caption`."""
        text = " ".join(text.split())
        if not self._settings.enabled or not text or self._closed:
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

    def prepare(self) -> None:
        """Load the voice off the GUI thread, when voice guidance is on (and the kiosk is
        not closing)."""
        if self._settings.enabled and not self._closed and self._loading is None:
            self._loading = threading.Thread(
                target=_load, args=(self._settings.volume,), name="voice-load", daemon=True
            )
            self._loading.start()

    def close(self) -> None:
        self._closed = True
        self.stop()
        if self._loading is not None:
            self._loading.join(LOAD_WAIT_S)
        if self._thread is not None:
            self._thread.stop()

    def _start(self) -> VoiceWorker:
        if self._worker is None:
            from ui.voiceworker import VoiceWorker  # the voice: loaded when first needed

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
