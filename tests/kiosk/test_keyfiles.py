"""Key files: created private, refused when others can read them."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from kiosk.keyfiles import KeyFileError, load_key


def test_load_key_creates_a_private_random_key_once(tmp_path: Path) -> None:
    path = tmp_path / "state" / "outbox.key"
    key = load_key(path, create=True)
    assert len(key) == 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_key(path, create=True) == key


def test_load_key_readable_by_others_refused_with_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "terminal.secret"
    path.write_bytes(bytes(32))
    path.chmod(0o644)
    with pytest.raises(KeyFileError, match="chmod 600"):
        load_key(path, create=False)


def test_load_key_missing_without_create_says_to_install_it(tmp_path: Path) -> None:
    with pytest.raises(KeyFileError, match="issued for this terminal"):
        load_key(tmp_path / "terminal.secret", create=False)


def test_load_key_wrong_size_refused(tmp_path: Path) -> None:
    path = tmp_path / "short.key"
    path.write_bytes(b"abc")
    path.chmod(0o600)
    with pytest.raises(KeyFileError, match="32 bytes"):
        load_key(path, create=False)
