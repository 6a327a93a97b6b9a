"""Key files: created private, refused when others can read them."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from kiosk.keyfiles import CREDENTIALS_ENV, KeyFile, KeyFileError, load_key, locate_keys
from kiosk.settings import SecuritySettings


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


def test_locate_keys_credentials_directory_from_the_service_manager_is_used(
    tmp_path: Path,
) -> None:
    credentials, state = tmp_path / "credentials", tmp_path / "state"
    credentials.mkdir()
    for name in ("terminal.secret", "outbox.key"):
        (credentials / name).write_bytes(bytes(32))
        (credentials / name).chmod(0o400)  # as systemd hands them over
    keys = locate_keys(SecuritySettings(), state, {CREDENTIALS_ENV: str(credentials)})
    assert keys.outbox_key == KeyFile(credentials / "outbox.key", provided=True)
    assert keys.outbox_key.load(create=True) == bytes(32)
    assert keys.terminal_secret.load(create=True) == bytes(32)
    assert not state.exists()


def test_locate_keys_setting_names_the_folder_and_a_named_file_wins(tmp_path: Path) -> None:
    security = SecuritySettings(
        credentials_dir=str(tmp_path / "creds"), terminal_secret_file=str(tmp_path / "t.secret")
    )
    keys = locate_keys(security, tmp_path / "state", {CREDENTIALS_ENV: "/elsewhere"})
    assert keys.outbox_key == KeyFile(tmp_path / "creds" / "outbox.key", provided=True)
    assert keys.terminal_secret == KeyFile(tmp_path / "t.secret", provided=False)


def test_locate_keys_without_credentials_folder_uses_the_state_folder(tmp_path: Path) -> None:
    keys = locate_keys(SecuritySettings(), tmp_path, {})
    assert keys.outbox_key == KeyFile(tmp_path / "outbox.key", provided=False)
    assert len(keys.outbox_key.load(create=True)) == 32


def test_provided_key_missing_is_not_created_and_says_how_to_provide_it(tmp_path: Path) -> None:
    key = KeyFile(tmp_path / "outbox.key", provided=True)
    with pytest.raises(KeyFileError, match=r"LoadCredential=outbox\.key:"):
        key.load(create=True)
    assert not key.path.exists()
