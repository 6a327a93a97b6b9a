"""Logging: a rotating file in the state directory and stderr, personal data masked."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from kiosk.privacy import mask_text

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


def configure_logging(log_dir: Path | None, level: int = logging.INFO) -> None:
    """Send records to stderr and, when `log_dir` is given, to a rotating kiosk.log there."""
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    if log_dir is not None:
        log_dir.mkdir(parents=True, exist_ok=True)
        handlers.append(
            logging.handlers.RotatingFileHandler(
                log_dir / "kiosk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
            )
        )
    for handler in handlers:
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        handler.addFilter(MaskingFilter())
        root.addHandler(handler)
