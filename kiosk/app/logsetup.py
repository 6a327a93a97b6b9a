"""Logging: a rotating file in the state directory and stderr, personal data masked."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import threading
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import IO, TextIO

from kiosk.privacy import mask_text
from kiosk.privatefiles import open_private, private_dir, private_file

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
JOURNAL_FORMAT = "%(name)s: %(message)s"  # journald adds the time, the unit and the pid

_crash_log = logging.getLogger("kiosk.uncaught")


class MaskingFilter(logging.Filter):
    """Masks ID numbers and mobile numbers in every record, arguments included.

    This is a second line of defence: code must not log personal data in the first place.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_text(message)
        if masked != message or record.args:
            record.msg = masked
            record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            # Exception texts may quote user input; render and mask them now.
            formatted = logging.Formatter().formatException(record.exc_info)
            record.exc_text = mask_text(formatted)
            record.exc_info = None
        return True


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """kiosk.log, and each fresh file after a rollover, is 0600 from its first moment."""

    def _open(self) -> IO[str]:  # type: ignore[override]
        return open(
            self.baseFilename, self.mode, encoding=self.encoding, errors=self.errors,
            opener=open_private,
        )  # fmt: skip


class JournalFormatter(logging.Formatter):
    """Each line with the sd-daemon priority prefix (`<3>` error … `<7>` debug, see
    sd-daemon(3)) that journald reads from a service's stderr, and no timestamp."""

    def __init__(self) -> None:
        super().__init__(JOURNAL_FORMAT)

    def format(self, record: logging.LogRecord) -> str:
        prefix = f"<{journal_priority(record.levelno)}>"
        # journald cuts a stream at newlines: a traceback keeps its priority on every line.
        return "\n".join(prefix + line for line in super().format(record).splitlines())


def journal_priority(level: int) -> int:
    """The syslog priority of a logging level: 2 critical, 3 error, 4 warning, 6 info, 7 debug."""
    if level >= logging.CRITICAL:
        return 2
    if level >= logging.ERROR:
        return 3
    if level >= logging.WARNING:
        return 4
    if level >= logging.INFO:
        return 6
    return 7


def stderr_is_journal(stream: TextIO, environ: Mapping[str, str]) -> bool:
    """True when `stream` is the journal: systemd names it in $JOURNAL_STREAM as
    "device:inode" (systemd.exec), and an inherited variable must still match the stream."""
    value = environ.get("JOURNAL_STREAM", "")
    device, _, inode = value.partition(":")
    try:
        status = os.fstat(stream.fileno())
        return (status.st_dev, status.st_ino) == (int(device), int(inode))
    except (OSError, ValueError, AttributeError):  # closed, not a file, not "n:n"
        return False


def configure_logging(log_dir: Path | None, level: int = logging.INFO) -> None:
    """Send records to stderr and, when `log_dir` is given, to a rotating kiosk.log there.

    When stderr is the journal, its lines carry journald's priority prefix instead of the
    time and level (`journalctl -p warning -u community-kiosk` then filters them).
    """
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    console = logging.StreamHandler()
    journal = stderr_is_journal(console.stream, os.environ)
    handlers: list[logging.Handler] = [console]
    if log_dir is not None:
        private_dir(log_dir)
        for old in log_dir.glob("kiosk.log*"):  # left readable by an older version
            private_file(old)
        handlers.append(
            PrivateRotatingFileHandler(
                log_dir / "kiosk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
            )
        )
    for handler in handlers:
        journald = handler is console and journal
        handler.setFormatter(JournalFormatter() if journald else logging.Formatter(LOG_FORMAT))
        handler.addFilter(MaskingFilter())
        root.addHandler(handler)
    # An exception nobody caught (in a Qt slot, a worker thread, at the top) would otherwise
    # be printed by Python straight to stderr, unmasked, with whatever data it quotes.
    sys.excepthook = log_uncaught
    threading.excepthook = log_uncaught_in_thread


def log_uncaught(
    kind: type[BaseException], error: BaseException, traceback: TracebackType | None
) -> None:
    """sys.excepthook: the traceback through logging, masked like every record."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, traceback)
        return
    _crash_log.critical("uncaught exception", exc_info=(kind, error, traceback))


def log_uncaught_in_thread(args: threading.ExceptHookArgs) -> None:
    """threading.excepthook: the same for a thread's uncaught exception."""
    if issubclass(args.exc_type, SystemExit):
        return
    name = args.thread.name if args.thread is not None else "?"
    _crash_log.critical(
        "uncaught exception in thread %s",
        name,
        exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback),
    )
