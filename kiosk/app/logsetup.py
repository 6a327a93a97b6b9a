"""Logging: a rotating file in the state directory and stderr, personal data masked."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path
from typing import IO

from kiosk.privacy import mask_text
from kiosk.privatefiles import open_private, private_dir, private_file

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


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


def configure_logging(log_dir: Path | None, level: int = logging.INFO) -> None:
    """Send records to stderr and, when `log_dir` is given, to a rotating kiosk.log there."""
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    handlers: list[logging.Handler] = [logging.StreamHandler()]
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
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        handler.addFilter(MaskingFilter())
        root.addHandler(handler)
