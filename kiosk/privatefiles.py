"""Files and folders the kiosk creates are its own user's alone: 0600 and 0700.

The state folder holds the outbox, the audit trail, the log, receipts and keys. Whoever
else can read them could copy a resident's pending submission or the key that opens it.
`kiosk` sets the umask to 077 at start as one line of defence; these functions are the
other, where each file and folder is made, and they also tighten what an older version
left readable to others.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)

FILE_MODE = 0o600
DIR_MODE = 0o700


def private_dir(path: Path) -> Path:
    """`path` as a folder only the kiosk's user can enter (created if need be).

    A folder another user owns (set up by hand) cannot be tightened: that is said, and the
    kiosk goes on, its files inside being private all the same.
    """
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    try:
        path.chmod(DIR_MODE)
    except PermissionError:
        log.warning(
            "%s belongs to another user and stays open to others; run: chmod 700 %s", path, path
        )
    return path


def private_file(path: Path) -> Path:
    """`path` as a file only the kiosk's user can read: created empty if missing."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)
    return path


def open_private(path: str, flags: int) -> int:
    """An `opener` for open(): a file the call creates is 0600 from its first moment."""
    return os.open(path, flags, FILE_MODE)
