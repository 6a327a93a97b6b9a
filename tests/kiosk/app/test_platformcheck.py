"""The signed proof of address, terminal id and secret, against the stand-in over real HTTP
(and `kiosk enrol` / `kiosk config check` using it, as real processes): each outcome said
in words with its fix."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.app.platformcheck import prove_platform
from kiosk.keyfiles import fingerprint
from kiosk.staffpin import DEMO_PIN_HASH
from kiosk.standin.server import StandIn

TERMINAL = "XC-YT-BYG-0009"
SECRET = bytes(range(32))
WRONG = bytes(32)
SAID = "the secret in /var/lib/kiosk/terminal.secret"
KIOSK = [sys.executable, "-m", "kiosk"]


@pytest.fixture
def standin() -> Iterator[StandIn]:
    names = {TERMINAL: "白云观社区政务服务站"}
    with StandIn(terminals={TERMINAL: SECRET}, station_names=names) as server:
        yield server  # type: ignore[misc]


def nothing_listening() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


def test_prove_with_the_right_secret_says_reachable_known_and_the_round_trip(
    standin: StandIn,
) -> None:
    proof = prove_platform(standin.url, TERMINAL, SECRET, SAID)
    assert (proof.proved, proof.problem) == (True, False)
    assert proof.sentence.startswith(
        f"platform {standin.url}: reachable; it knows terminal {TERMINAL} at 白云观社区政务服务站 "
        "and accepts its secret (a signed request answered in "
    )
    assert proof.sentence.endswith(" ms)")


def test_prove_with_a_wrong_secret_says_so_with_the_local_fingerprint_and_enrol(
    standin: StandIn,
) -> None:
    proof = prove_platform(standin.url, TERMINAL, WRONG, SAID)
    assert (proof.proved, proof.problem) == (False, True)
    assert f"platform {standin.url}: refuses this terminal's signature" in proof.sentence
    assert f"{SAID} is not the one the district holds for terminal {TERMINAL}" in proof.sentence
    assert f"Its fingerprint here is {fingerprint(WRONG)}" in proof.sentence
    assert "kiosk enrol --replace --from FILE" in proof.sentence


def test_prove_for_a_terminal_the_platform_does_not_know_names_the_setting(
    standin: StandIn,
) -> None:
    proof = prove_platform(standin.url, "XC-YT-BYG-0010", SECRET, SAID)
    assert (proof.proved, proof.problem) == (False, True)
    assert proof.sentence.startswith(
        f"platform {standin.url}: does not know terminal XC-YT-BYG-0010 (unknown_terminal: "
    )
    assert proof.sentence.endswith(
        "check station.terminal_id against the id the district issued for this terminal"
    )


def test_prove_where_nothing_listens_says_refused_with_the_address() -> None:
    url = nothing_listening()
    proof = prove_platform(url, TERMINAL, SECRET, SAID)
    assert (proof.proved, proof.problem) == (False, True)
    address = url.removeprefix("http://")
    assert proof.sentence == (
        f"platform {url}: not reachable: {address} refused the connection (nothing listens "
        "there); check the port in platform.base_url, and ask the district whether the "
        "platform is up"
    )


def test_prove_against_a_server_that_never_answers_says_timeout_within_seconds() -> None:
    with socket.create_server(("127.0.0.1", 0)) as silent:
        url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        started = time.monotonic()
        proof = prove_platform(url, TERMINAL, SECRET, SAID, timeout_s=0.5)
        took = time.monotonic() - started
    assert (proof.proved, proof.problem) == (False, True)
    assert "(timeout)" in proof.sentence
    assert f"no answer from {url.removeprefix('http://')} within 0.5 s" in proof.sentence
    assert took < 3


def test_prove_over_tls_to_a_server_without_it_says_tls(standin: StandIn) -> None:
    url = standin.url.replace("http://127.0.0.1", "https://localhost")
    proof = prove_platform(url, TERMINAL, SECRET, SAID)
    assert (proof.proved, proof.problem) == (False, True)
    assert f"platform {url}: not reachable: the secure connection (TLS) to localhost:" in (
        proof.sentence
    )


def test_prove_a_name_that_does_not_resolve_says_dns() -> None:
    proof = prove_platform("https://platform.invalid", TERMINAL, SECRET, SAID)
    assert (proof.proved, proof.problem) == (False, True)
    assert proof.sentence.startswith(
        "platform https://platform.invalid: not reachable: the name platform.invalid does not "
        "resolve (DNS)"
    )


# the commands -------------------------------------------------------------------------------


def station(folder: Path, url: str) -> tuple[Path, Path]:
    config = folder / "kiosk.toml"
    config.write_text(
        f'[station]\nterminal_id = "{TERMINAL}"\naddress = "西城区白云观社区居委会一层"\n'
        f'[platform]\nbase_url = "{url}"\n[staff]\npin_hash = "{DEMO_PIN_HASH}"\n',
        encoding="utf-8",
    )
    state = folder / "state"
    state.mkdir(mode=0o700)
    return config, state


def kiosk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*KIOSK, *args], capture_output=True, text=True, timeout=60, check=False)


def received(folder: Path, secret: bytes) -> str:
    path = folder / "from-district.txt"
    path.write_text(secret.hex() + "\n", encoding="ascii")
    return str(path)


def test_enrol_proves_the_secret_then_stores_it(standin: StandIn, tmp_path: Path) -> None:
    config, state = station(tmp_path, standin.url)
    given = received(tmp_path, SECRET)
    result = kiosk("enrol", "--from", given, "--config", str(config), "--state", str(state))
    assert result.returncode == 0, result.stderr
    assert (state / "terminal.secret").read_bytes() == SECRET
    lines = result.stdout.splitlines()
    assert lines[1].startswith(f"Proved: platform {standin.url}: reachable; it knows terminal")
    check = kiosk("config", "check", str(config), "--state", str(state))
    assert check.returncode == 0, check.stdout
    assert f"  note: platform {standin.url}: reachable; it knows terminal {TERMINAL}" in (
        check.stdout
    )


def test_enrol_with_a_secret_the_platform_refuses_stores_nothing(
    standin: StandIn, tmp_path: Path
) -> None:
    config, state = station(tmp_path, standin.url)
    given = received(tmp_path, WRONG)
    result = kiosk("enrol", "--from", given, "--config", str(config), "--state", str(state))
    assert result.returncode == 1
    assert "refuses this terminal's signature" in result.stderr
    assert f"the secret given is not the one the district holds for terminal {TERMINAL}" in (
        result.stderr
    )
    assert f"Its fingerprint here is {fingerprint(WRONG)}" in result.stderr
    assert "Nothing was changed" in result.stderr
    assert list(state.iterdir()) == []


def test_enrol_where_nothing_listens_stores_nothing_unless_offline(tmp_path: Path) -> None:
    config, state = station(tmp_path, nothing_listening())
    given = received(tmp_path, SECRET)
    refused = kiosk("enrol", "--from", given, "--config", str(config), "--state", str(state))
    assert refused.returncode == 1
    assert "refused the connection (nothing listens there)" in refused.stderr
    assert "can store the secret unproved with --offline" in refused.stderr
    assert list(state.iterdir()) == []
    offline = kiosk(
        "enrol", "--from", given, "--config", str(config), "--state", str(state), "--offline"
    )
    assert offline.returncode == 0, offline.stderr
    assert "Not proved with the platform (--offline)" in offline.stdout
    assert (state / "terminal.secret").read_bytes() == SECRET


def test_config_check_with_a_wrong_secret_is_a_problem_and_offline_skips_the_platform(
    standin: StandIn, tmp_path: Path
) -> None:
    config, state = station(tmp_path, standin.url)
    (state / "terminal.secret").write_bytes(WRONG)
    (state / "terminal.secret").chmod(0o600)
    check = kiosk("config", "check", str(config), "--state", str(state))
    assert check.returncode == 1
    assert check.stdout.splitlines()[:2] == [
        f"{config}: 1 problem to fix",
        f"  - platform {standin.url}: refuses this terminal's signature (bad_signature: "
        f"请求签名不正确，请检查终端密钥): the secret in {state / 'terminal.secret'} is not the "
        f"one the district holds for terminal {TERMINAL}. Its fingerprint here is "
        f"{fingerprint(WRONG)}: the district can compare it with theirs. Ask the district for "
        "this terminal's secret and install it: kiosk enrol --replace --from FILE",
    ]
    requests_before = len(standin.state.requests)
    offline = kiosk("config", "check", str(config), "--state", str(state), "--offline")
    assert offline.returncode == 0, offline.stdout
    assert len(standin.state.requests) == requests_before
    assert os.path.exists(state / "terminal.secret")


def test_prove_when_the_platform_says_the_clock_is_off_says_set_the_clock(
    standin: StandIn,
) -> None:
    standin.state.clock_offset_s = 400  # the platform's clock: more than 300 s ahead
    proof = prove_platform(standin.url, TERMINAL, SECRET, SAID)
    assert (proof.proved, proof.problem) == (False, True)
    assert "refuses the request because this terminal's clock is too far off its own " in (
        proof.sentence
    )
    assert "(clock_skew: " in proof.sentence
    assert proof.sentence.endswith(
        "set the clock (timedatectl set-ntp true, or timedatectl set-time)"
    )


def test_prove_with_a_clock_somewhat_off_is_proved_with_a_word_about_the_clock(
    standin: StandIn,
) -> None:
    standin.state.clock_offset_s = 120
    proof = prove_platform(standin.url, TERMINAL, SECRET, SAID)
    assert (proof.proved, proof.problem) == (True, False)
    # the platform's time comes in whole seconds: 119 to 121 s
    assert re.search(
        r"this terminal's clock is 1(19|20|21) s behind the platform's", proof.sentence
    )
