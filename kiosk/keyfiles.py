"""Secret files: the terminal's signing secret and the outbox encryption key.

A key file must be readable by the kiosk user alone (mode 0600). One that others can read
is refused with the command that fixes it: a key anyone can copy protects nothing.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path


class KeyFileError(RuntimeError):
    """A key file that cannot be used; `str()` says why and what to do."""


def load_key(path: Path, size: int = 32, *, create: bool) -> bytes:
    """The key in `path`; with `create`, a new random key when the file does not exist.

    Creation is atomic (O_EXCL) with mode 0600 from the start, so the key is never
    readable by others, not even for a moment.
    """
    if create and not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_bytes(size)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # created meanwhile by another process: use that one
        else:
            with os.fdopen(fd, "wb") as file:
                file.write(key)
                file.flush()
                os.fsync(file.fileno())
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise KeyFileError(
            f"{path}: key file missing; install the one issued for this terminal"
        ) from None
    if stat.S_IMODE(mode) & 0o077:
        raise KeyFileError(
            f"{path}: others can read this key file (mode {stat.S_IMODE(mode):o}); "
            f"run: chmod 600 {path}"
        )
    key = path.read_bytes()
    if len(key) != size:
        raise KeyFileError(f"{path}: a key must be {size} bytes, this file has {len(key)}")
    return key
