"""Secret files: the terminal's signing secret, the outbox encryption key, the audit key.

A key file must be readable by the kiosk user alone (mode 0600). One that others can read
is refused with the command that fixes it: a key anyone can copy protects nothing.

Keys live in the state folder unless the station keeps them apart: a key file named in
[security], or a credentials folder the service manager fills (systemd's LoadCredential=
sets $CREDENTIALS_DIRECTORY). The kiosk never creates a key in such a folder: one missing
there stops it with the unit line to add, instead of a new key appearing elsewhere.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kiosk.privatefiles import DIR_MODE
from kiosk.settings import SecuritySettings

CREDENTIALS_ENV = "CREDENTIALS_DIRECTORY"


class KeyFileError(RuntimeError):
    """A key file that cannot be used; `str()` says why and what to do."""


KEY_BYTES = 32


def readable_by_others(path: Path, mode: int) -> str:
    """The problem of a key file whose permission bits `mode` let others read it, with the fix."""
    return f"{path}: others can read this key file (mode {mode:o}); run: chmod 600 {path}"


def missing_credential(path: Path) -> str:
    """The problem of a key missing from the service manager's credentials folder."""
    return (
        f"{path}: key file missing from the credentials folder the service manager provides "
        f"(the kiosk creates no key there); add LoadCredential={path.name}:/etc/credstore/"
        f"{path.name} to the kiosk's unit, or set security.credentials_dir to the folder "
        "that has it"
    )


def load_key(path: Path, size: int = KEY_BYTES, *, create: bool) -> bytes:
    """The key in `path`; with `create`, a new random key when the file does not exist.

    Creation is atomic (O_EXCL) with mode 0600 from the start, so the key is never
    readable by others, not even for a moment.
    """
    if create and not path.exists():
        path.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
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
        raise KeyFileError(readable_by_others(path, stat.S_IMODE(mode)))
    key = path.read_bytes()
    if len(key) != size:
        raise KeyFileError(f"{path}: a key must be {size} bytes, this file has {len(key)}")
    return key


@dataclass(frozen=True)
class KeyFile:
    """Where one key is, and whether the service manager provides it (never created)."""

    path: Path
    provided: bool

    def load(self, *, create: bool) -> bytes:
        """The key; `create` makes a missing one, except where the service manager owns it."""
        if self.provided and not self.path.exists():
            raise KeyFileError(missing_credential(self.path))
        return load_key(self.path, create=create and not self.provided)


@dataclass(frozen=True)
class KeyFiles:
    """Where the terminal's secret, the outbox's key and the audit trail's key are kept."""

    terminal_secret: KeyFile
    outbox_key: KeyFile
    audit_key: KeyFile


def locate_keys(security: SecuritySettings, state: Path, environ: Mapping[str, str]) -> KeyFiles:
    """Each key file named in [security], else in the credentials folder (the setting, else
    $CREDENTIALS_DIRECTORY), else in the state folder."""
    credentials = security.credentials_dir or environ.get(CREDENTIALS_ENV, "")
    folder = Path(credentials) if credentials else state

    def locate(configured: str, name: str) -> KeyFile:
        if configured:
            return KeyFile(Path(configured), provided=False)
        return KeyFile(folder / name, provided=bool(credentials))

    return KeyFiles(
        terminal_secret=locate(security.terminal_secret_file, "terminal.secret"),
        outbox_key=locate(security.outbox_key_file, "outbox.key"),
        audit_key=locate(security.audit_key_file, "audit.key"),
    )


HEX_DIGITS = frozenset(b"0123456789abcdefABCDEF")


def parse_secret(data: bytes, size: int = KEY_BYTES, *, typed: bool = False) -> bytes:
    """The key in what the district handed over: a file of `size` raw bytes, or `2 * size`
    hexadecimal characters (spaces and line ends around or between them ignored); what a
    person typed is always hexadecimal.

    `size` bytes that are all hexadecimal digits, or that end in a line end, are refused:
    that is half of a secret written in hexadecimal, not the secret.
    """
    text = b"".join(data.split())
    if len(data) == size and not typed:
        if set(text) <= HEX_DIGITS or data.endswith((b"\n", b"\r")):
            raise KeyFileError(
                f"this looks like half of a secret written in hexadecimal ({len(text)} "
                f"characters); the whole secret is {2 * size} characters"
            )
        return data
    if len(text) == 2 * size and set(text) <= HEX_DIGITS:
        return bytes.fromhex(text.decode("ascii"))
    if len(text) == 2 * size:
        raise KeyFileError(
            f"not a terminal secret: {not_hexadecimal(text)}; ask the district for it again"
        )
    if set(text) <= HEX_DIGITS:
        raise KeyFileError(
            f"not a terminal secret: {len(text)} hexadecimal characters, the secret has {2 * size}"
        )
    if typed:
        raise KeyFileError(
            f"not a terminal secret: type its {2 * size} hexadecimal characters (0-9, a-f)"
        )
    raise KeyFileError(
        f"not a terminal secret: a file of {size} bytes, or of {2 * size} hexadecimal "
        f"characters, was expected; this one has {len(data)} bytes"
    )


def not_hexadecimal(text: bytes) -> str:
    """The problem of `text`, as long as a secret in hexadecimal, with other characters in it
    (which are not shown: it may be most of a secret)."""
    position = next(n for n, char in enumerate(text, 1) if char not in HEX_DIGITS)
    return f"{len(text)} characters but not hexadecimal (0-9, a-f): character {position} is not"


def fingerprint(key: bytes) -> str:
    """A short, safe-to-show fingerprint of a key, for the district to confirm it."""
    import hashlib

    return hashlib.sha256(key).hexdigest()[:8]


def store_key(path: Path, key: bytes, *, owner: tuple[int, int] | None) -> None:
    """Write `key` to `path` (mode 0600; owned by `owner` when given), replacing it
    atomically: a temporary file beside it, flushed to disk, then renamed over it.

    Everything happens through the folder's descriptor, never by path, and the temporary
    file's owner is set on its descriptor: whoever owns the folder (the kiosk user) cannot
    swap a link in between to have root write or hand over another file.
    """
    folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    temporary = f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    try:
        try:
            fd = os.open(
                temporary,
                os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW,
                0o600,
                dir_fd=folder,
            )
        except OSError as error:
            raise KeyFileError(
                f"{path.parent}: cannot write the key there ({error.strerror})"
            ) from None
        try:
            with os.fdopen(fd, "wb") as file:
                if owner is not None:
                    os.fchown(file.fileno(), *owner)
                os.fchmod(file.fileno(), 0o600)
                file.write(key)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, path.name, src_dir_fd=folder, dst_dir_fd=folder)
        except OSError as error:
            with contextlib.suppress(OSError):
                os.unlink(temporary, dir_fd=folder)
            raise KeyFileError(f"{path}: cannot write the key ({error.strerror})") from None
        os.fsync(folder)
    finally:
        os.close(folder)
