"""`kiosk config check` on real files, and `kiosk enrol` as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.app.configcheck import check_station
from kiosk.keyfiles import KeyFileError, parse_secret, store_key
from kiosk.staffpin import DEMO_PIN_HASH

KIOSK = [sys.executable, "-m", "kiosk"]
SECRET = bytes(range(32))


# What a station's file has besides its devices: its own id, the platform, the staff PIN.
READY = (
    '[station]\nterminal_id = "XC-YT-BYG-0009"\naddress = "西城区白云观社区居委会一层"\n'
    '[platform]\nbase_url = "https://zwfw.example"\n'
    f'[staff]\npin_hash = "{DEMO_PIN_HASH}"\n'
)


def station_file(folder: Path, text: str = READY) -> Path:
    path = folder / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def state_folder(folder: Path, secret: bytes | None = SECRET, mode: int = 0o600) -> Path:
    state = folder / "state"
    state.mkdir(mode=0o700)
    if secret is not None:
        (state / "terminal.secret").write_bytes(secret)
        (state / "terminal.secret").chmod(mode)
    return state


def listing(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def test_config_check_ready_station_has_no_problem_and_notes_keys_made_at_first_start(
    tmp_path: Path,
) -> None:
    state = state_folder(tmp_path)
    report = check_station(station_file(tmp_path), state, {}, machine=True)
    assert report.problems == []
    assert report.notes == [
        f"{state / 'outbox.key'}: not there yet; `kiosk run` creates it at its first start",
        f"{state / 'audit.key'}: not there yet; `kiosk run` creates it at its first start",
    ]


def test_config_check_missing_secret_says_how_to_enrol(tmp_path: Path) -> None:
    state = state_folder(tmp_path, secret=None)
    report = check_station(station_file(tmp_path), state, {}, machine=True)
    assert report.problems == [
        f"{state / 'terminal.secret'}: the terminal's secret is missing; install the one the "
        "district issued for this terminal: kiosk enrol"
    ]


def test_config_check_key_readable_by_others_and_in_hex_gets_both_fixes(tmp_path: Path) -> None:
    state = state_folder(tmp_path, secret=SECRET.hex().encode() + b"\n", mode=0o644)
    secret = state / "terminal.secret"
    report = check_station(station_file(tmp_path), state, {}, machine=True)
    assert report.problems == [
        f"{secret}: others can read this key file (mode 644); run: chmod 600 {secret}",
        f"{secret}: a key must be 32 bytes, this file has 65: it holds the key as 64 "
        f"hexadecimal characters; store the bytes instead: kiosk enrol --replace --from {secret}",
    ]


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_config_check_key_of_another_user_than_the_kiosk_says_chown(tmp_path: Path) -> None:
    import grp
    import pwd

    state = state_folder(tmp_path)
    nobody = pwd.getpwnam("nobody")
    os.chown(state, nobody.pw_uid, nobody.pw_gid)  # the kiosk runs as the state's owner
    report = check_station(station_file(tmp_path), state, {}, machine=True)
    secret = state / "terminal.secret"
    group = grp.getgrgid(nobody.pw_gid).gr_name
    assert report.problems == [
        f"{secret}: belongs to root, but the kiosk runs as nobody and could not read it; "
        f"run: chown nobody:{group} {secret}"
    ]


def test_config_check_key_that_is_a_link_is_named_without_chmod_advice(tmp_path: Path) -> None:
    state = state_folder(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_bytes(b"x" * 656)
    (state / "audit.key").symlink_to(elsewhere)
    report = check_station(station_file(tmp_path), state, {}, machine=True)
    assert report.problems == [
        f"{state / 'audit.key'}: is a link, not a file; remove it and put the key file itself there"
    ]


def test_config_check_key_missing_from_credentials_folder_names_the_unit_line(
    tmp_path: Path,
) -> None:
    state = state_folder(tmp_path)
    credentials = tmp_path / "credentials"
    credentials.mkdir()
    (credentials / "terminal.secret").write_bytes(SECRET)
    (credentials / "terminal.secret").chmod(0o600)
    environ = {"CREDENTIALS_DIRECTORY": str(credentials)}
    report = check_station(station_file(tmp_path), state, environ, machine=True)
    assert [problem.split(";")[0] for problem in report.problems] == [
        f"{credentials / 'outbox.key'}: key file missing from the credentials folder the "
        "service manager provides (the kiosk creates no key there)",
        f"{credentials / 'audit.key'}: key file missing from the credentials folder the "
        "service manager provides (the kiosk creates no key there)",
    ]
    assert "LoadCredential=outbox.key:/etc/credstore/outbox.key" in report.problems[0]


def test_config_check_ports_missing_are_named_in_file_order(tmp_path: Path) -> None:
    state = state_folder(tmp_path)
    text = (
        f'[id_reader]\nport = "{tmp_path / "ttyUSB9"}"\n'
        f'[printer]\naddress = "serial:{tmp_path / "ttyS9"}"\n'
        '[scanner]\nport = "/dev/null"\n'  # present: no problem
    )
    report = check_station(station_file(tmp_path, READY + text), state, {}, machine=True)
    assert report.problems == [
        f"id_reader.port {tmp_path / 'ttyUSB9'}: no such device on this machine; plug in the "
        "ID-card reader, or choose its port from `kiosk devices list`",
        f"printer.address serial:{tmp_path / 'ttyS9'}: no such device on this machine; plug "
        "in the receipt printer, or choose its port from `kiosk devices list`",
    ]


def test_config_check_bad_key_does_not_hide_the_port_beside_it(tmp_path: Path) -> None:
    state = state_folder(tmp_path)
    text = f'[id_reader]\nbaud = "115200"\nport = "{tmp_path / "ttyUSB9"}"\n'
    report = check_station(station_file(tmp_path, READY + text), state, {}, machine=True)
    assert [problem.split(":")[0] for problem in report.problems] == [
        "id_reader.baud",
        f"id_reader.port {tmp_path / 'ttyUSB9'}",
    ]


def test_config_check_creates_and_changes_nothing(tmp_path: Path) -> None:
    state = tmp_path / "state"  # not there: a station before its first start
    path = station_file(tmp_path, READY + "[ui]\nlanguage = 'fr'\n")
    before = listing(tmp_path)
    report = check_station(path, state, {}, machine=True)
    assert len(report.problems) == 2  # the language, and the secret
    assert listing(tmp_path) == before


def test_config_check_no_station_file_says_where_one_comes_from(tmp_path: Path) -> None:
    report = check_station(tmp_path / "kiosk.toml", tmp_path, {}, machine=True)
    assert report.problems == [
        f"there is no station file at {tmp_path / 'kiosk.toml'}: installing the package "
        "creates it (from /usr/share/community-kiosk/kiosk.example.toml); in the project, "
        "start from config/kiosk.example.toml"
    ]


@pytest.mark.parametrize(
    "given",
    [
        SECRET,
        SECRET.hex().encode(),
        SECRET.hex().upper().encode() + b"\r\n",
        b" ".join(SECRET.hex().encode()[i : i + 8] for i in range(0, 64, 8)),
    ],
)
def test_parse_secret_takes_bytes_or_hex(given: bytes) -> None:
    assert parse_secret(given) == SECRET


@pytest.mark.parametrize(
    ("given", "says"),
    [
        (b"", "not a terminal secret"),
        (SECRET[:31], "not a terminal secret: a file of 32 bytes"),
        (SECRET.hex().encode()[:-1] + b"g", "not a terminal secret"),
        (b"x" * 65, "not a terminal secret"),
        (SECRET.hex().encode()[:32], "half of a secret written in hexadecimal"),
        (SECRET.hex().encode()[:31] + b"\n", "half of a secret written in hexadecimal"),
        (SECRET.hex().encode()[:40], "40 hexadecimal characters, the secret has 64"),
    ],
)
def test_parse_secret_refuses_anything_else(given: bytes, says: str) -> None:
    with pytest.raises(KeyFileError, match=says):
        parse_secret(given)


def test_parse_secret_typed_must_be_hexadecimal() -> None:
    assert parse_secret(SECRET.hex().encode() + b"\n", typed=True) == SECRET
    with pytest.raises(KeyFileError, match="type its 64 hexadecimal characters"):
        parse_secret(b"z" * 32, typed=True)


def test_store_key_replaces_a_link_instead_of_writing_through_it(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_bytes(b"not yours")
    folder = tmp_path / "state"
    folder.mkdir(mode=0o700)
    (folder / "terminal.secret").symlink_to(elsewhere)
    store_key(folder / "terminal.secret", SECRET, owner=None)
    assert elsewhere.read_bytes() == b"not yours"
    assert not (folder / "terminal.secret").is_symlink()
    assert (folder / "terminal.secret").read_bytes() == SECRET
    assert (folder / "terminal.secret").stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in folder.iterdir()) == ["terminal.secret"]


# kiosk enrol ----------------------------------------------------------------------------------


def enrol(*args: str, stdin: str = "", online: bool = False) -> subprocess.CompletedProcess[str]:
    """`kiosk enrol ARGS`, with --offline unless `online` (READY's platform is not real)."""
    return subprocess.run(
        [*KIOSK, "enrol", *args, *(() if online else ("--offline",))],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_enrol_hex_file_stores_the_bytes_private(tmp_path: Path) -> None:
    state = state_folder(tmp_path, secret=None)
    received = tmp_path / "from-district.txt"
    received.write_text(SECRET.hex() + "\n", encoding="ascii")
    result = enrol(
        "--from", str(received), "--state", str(state), "--config", str(station_file(tmp_path))
    )
    assert result.returncode == 0, result.stderr
    secret = state / "terminal.secret"
    assert secret.read_bytes() == SECRET
    assert secret.stat().st_mode & 0o777 == 0o600
    assert check_station(station_file(tmp_path), state, {}, machine=True).problems == []


def test_enrol_typed_hex_is_read_without_echo(tmp_path: Path) -> None:
    state = state_folder(tmp_path, secret=None)
    result = enrol(
        "--state", str(state), "--config", str(station_file(tmp_path)), stdin=SECRET.hex() + "\n"
    )
    assert result.returncode == 0, result.stderr
    assert (state / "terminal.secret").read_bytes() == SECRET
    assert SECRET.hex() not in result.stdout + result.stderr
    assert "fingerprint" in result.stdout
    assert "GetPassWarning" not in result.stderr


def test_enrol_keeps_an_existing_secret_unless_told_to_replace(tmp_path: Path) -> None:
    state = state_folder(tmp_path)
    received = tmp_path / "new.secret"
    received.write_bytes(bytes(32))
    config = str(station_file(tmp_path))
    kept = enrol("--from", str(received), "--state", str(state), "--config", config)
    assert kept.returncode == 1
    assert "already holds a secret; give --replace" in kept.stderr
    assert (state / "terminal.secret").read_bytes() == SECRET
    replaced = enrol(
        "--from", str(received), "--state", str(state), "--config", config, "--replace"
    )
    assert replaced.returncode == 0, replaced.stderr
    assert (state / "terminal.secret").read_bytes() == bytes(32)


def test_enrol_refuses_what_is_not_a_secret_and_changes_nothing(tmp_path: Path) -> None:
    state = state_folder(tmp_path, secret=None)
    received = tmp_path / "letter.txt"
    received.write_text("Dear technician, your secret is attached.\n", encoding="utf-8")
    result = enrol(
        "--from", str(received), "--state", str(state), "--config", str(station_file(tmp_path))
    )
    assert result.returncode == 1
    assert "not a terminal secret" in result.stderr
    assert "nothing was changed" in result.stderr
    assert list(state.iterdir()) == []


def test_enrol_from_the_file_it_would_replace_refuses_and_says_where_to_put_it(
    tmp_path: Path,
) -> None:
    state = state_folder(tmp_path)
    config = str(station_file(tmp_path))
    inside = str(state / "terminal.secret")
    result = enrol("--from", inside, "--state", str(state), "--config", config, "--replace")
    assert result.returncode == 1
    assert "is where the kiosk keeps its secret" in result.stderr
    assert (state / "terminal.secret").read_bytes() == SECRET


def test_enrol_typed_half_a_secret_is_refused(tmp_path: Path) -> None:
    state = state_folder(tmp_path, secret=None)
    config = str(station_file(tmp_path))
    result = enrol("--state", str(state), "--config", config, stdin=SECRET.hex()[:32] + "\n")
    assert result.returncode == 1
    assert "32 hexadecimal characters, the secret has 64" in result.stderr
    assert list(state.iterdir()) == []


def test_config_check_valid_file_not_ready_for_a_station_names_what_is_missing(
    tmp_path: Path,
) -> None:
    state = state_folder(tmp_path)
    text = (
        '[station]\naddress = "白云观社区居委会一层"\n'
        '[[out_of_service.stations]]\nname = "月坛街道政务服务中心（示例）"\naddress = "一号"\n'
        'hours = "9-17"\nphone = "010-1"\n'
    )
    report = check_station(station_file(tmp_path, text), state, {}, machine=True)
    assert report.problems == [
        "station.terminal_id is the demo's (XC-DEMO-0001); write the id the district issued "
        "for this terminal",
        "platform.base_url is empty: nothing residents submit would reach the district; "
        "write the platform's address",
        "staff.pin_hash is empty: staff could not open the staff panel; set it with "
        "kiosk staff set-pin",
        "out_of_service.stations[1] still holds the example's sample text (示例); write this "
        "station's own",
    ]
    assert check_station(station_file(tmp_path, text), state, {}, machine=False).problems == []


# As another user than root: the kiosk's interpreter may live where that user cannot go
# (/root/.pyenv), so the process starts as root, loads the command line, then drops to nobody
# before running it; everything the command does on disk it does as nobody.
AS_NOBODY = """
import os, pwd, sys
from kiosk.app import cli
cli.build_parser()
nobody = pwd.getpwnam("nobody")
os.setgroups([])
os.setgid(nobody.pw_gid)
os.setuid(nobody.pw_uid)
raise SystemExit(cli.main(sys.argv[1:]))
"""


@pytest.fixture
def shared_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder other users can enter (pytest's own is root's alone), removed afterwards."""
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="kiosk-enrol-"))
    folder.chmod(0o755)
    yield folder
    for path in folder.rglob("*"):
        if path.is_dir():
            path.chmod(0o700)
    shutil.rmtree(folder)


def test_enrol_where_the_user_may_not_write_says_so_and_to_run_as_root(
    shared_folder: Path,
) -> None:
    config = station_file(shared_folder)
    config.chmod(0o644)
    state = state_folder(shared_folder, secret=None)
    received = shared_folder / "from-district.txt"
    received.write_text(SECRET.hex() + "\n", encoding="ascii")
    received.chmod(0o644)
    args = ["enrol", "--from", str(received), "--state", str(state), "--config", str(config)]
    if os.geteuid() == 0:
        state.chmod(0o755)  # root's, as on a station: others may look but not write
        command = [sys.executable, "-c", AS_NOBODY, *args]
        user = "nobody"
    else:
        state.chmod(0o555)
        command = [*KIOSK, *args]
        import pwd

        user = pwd.getpwuid(os.geteuid()).pw_name
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 1
    assert result.stderr == (
        f"kiosk: user {user} may not write in {state}, where the terminal's secret goes "
        "(permission denied); run the same command as root (put sudo in front of it); "
        "nothing was changed\n"
    )
    assert list(state.iterdir()) == []


def test_enrol_sixty_four_characters_not_hexadecimal_are_named_so(tmp_path: Path) -> None:
    state = state_folder(tmp_path, secret=None)
    received = tmp_path / "from-district.txt"
    received.write_text(SECRET.hex()[:63] + "g\n", encoding="ascii")
    result = enrol(
        "--from", str(received), "--state", str(state), "--config", str(station_file(tmp_path))
    )
    assert result.returncode == 1
    assert result.stderr == (
        "kiosk: not a terminal secret: 64 characters but not hexadecimal (0-9, a-f): "
        "character 64 is not; ask the district for it again; nothing was changed\n"
    )
    assert list(state.iterdir()) == []


def test_config_check_secret_of_sixty_four_characters_not_hexadecimal_says_the_same(
    tmp_path: Path,
) -> None:
    state = state_folder(tmp_path, secret=b"z" + SECRET.hex().encode()[1:] + b"\n")
    report = check_station(station_file(tmp_path), state, {}, machine=True)
    assert report.problems == [
        f"{state / 'terminal.secret'}: 64 characters but not hexadecimal (0-9, a-f): character "
        "1 is not, so not a secret; install the one the district issued for this terminal: "
        "kiosk enrol --replace --from FILE"
    ]


def test_config_check_shows_device_choices_made_in_staff_mode_and_checks_their_ports(
    tmp_path: Path,
) -> None:
    state = state_folder(tmp_path)
    (state / "device-choices.toml").write_text(
        '[scanner]\nport = "/dev/ttyACM97"\n', encoding="utf-8"
    )
    report = check_station(station_file(tmp_path), state, {}, machine=True)
    assert "scanner.port = '/dev/ttyACM97' was chosen in staff mode" in report.notes[-1]
    assert report.problems == [
        "scanner.port /dev/ttyACM97: no such device on this machine; plug in the "
        "scanner, or choose it again in staff mode (更换端口)",
    ]


def test_config_check_device_choices_with_other_keys_are_a_problem(tmp_path: Path) -> None:
    state = state_folder(tmp_path)
    (state / "device-choices.toml").write_text(
        '[platform]\nbase_url = "https://evil.example"\n', encoding="utf-8"
    )
    report = check_station(station_file(tmp_path), state, {}, machine=True)
    assert len(report.problems) == 1
    assert "ignored, the station file's devices are used" in report.problems[0]
    assert "platform.base_url" in report.problems[0]


def test_config_check_device_choices_naming_a_host_or_a_file_are_refused(tmp_path: Path) -> None:
    """Written by the kiosk's own user: it may not point the kiosk at another machine."""
    state = state_folder(tmp_path)
    (state / "device-choices.toml").write_text(
        '[printer]\naddress = "network://203.0.113.9:9100"\n', encoding="utf-8"
    )
    report = check_station(station_file(tmp_path), state, {}, machine=True)
    assert len(report.problems) == 1
    assert "only devices plugged into this terminal" in report.problems[0]
    assert "network://203.0.113.9:9100" in report.problems[0]


def test_config_check_device_choices_that_are_a_pipe_do_not_hang(tmp_path: Path) -> None:
    state = state_folder(tmp_path)
    os.mkfifo(state / "device-choices.toml")
    report = check_station(station_file(tmp_path), state, {}, machine=True)
    assert "is not a regular file" in report.problems[0]
