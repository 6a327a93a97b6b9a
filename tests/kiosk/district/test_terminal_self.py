"""GET /terminals/self: the signed request that changes nothing, through the client against
the stand-in over real HTTP, every exchange checked against the contract; and what the
client says when no answer comes, by the way it failed."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest

from kiosk.district.client import Offline, PlatformClient, Rejected, TerminalSelf
from kiosk.standin.server import StandIn
from tests.kiosk.district.conftest import SECRET, TERMINAL, ContractCheck


@pytest.fixture
def named_standin() -> Iterator[StandIn]:
    names = {TERMINAL: "白云观社区政务服务站"}
    with StandIn(terminals={TERMINAL: SECRET}, station_names=names) as server:
        yield server  # type: ignore[misc]


def checked_client(
    standin: StandIn, check: ContractCheck, terminal: str = TERMINAL, secret: bytes = SECRET
) -> PlatformClient:
    client = PlatformClient(standin.url, terminal, secret, read_timeout_s=5)
    client._session.hooks["response"].append(check)
    return client


def test_terminal_self_with_the_right_secret_names_terminal_station_and_time(
    named_standin: StandIn, contract_check: ContractCheck
) -> None:
    client = checked_client(named_standin, contract_check)
    try:
        known = client.terminal_self()
    finally:
        client.close()
    assert isinstance(known, TerminalSelf)
    assert (known.terminal_id, known.station_name) == (TERMINAL, "白云观社区政务服务站")
    assert known.server_time is not None
    assert abs(known.server_time - time.time()) < 5
    assert contract_check.checked == 1
    assert named_standin.state.requests == ["GET /api/v1/terminals/self"]


def test_terminal_self_without_a_station_name_leaves_it_empty(
    standin: StandIn, client: PlatformClient
) -> None:
    known = client.terminal_self()
    assert isinstance(known, TerminalSelf)
    assert known.station_name == ""


def test_terminal_self_with_a_wrong_secret_is_refused_as_a_bad_signature(
    standin: StandIn, contract_check: ContractCheck
) -> None:
    client = checked_client(standin, contract_check, secret=bytes(32))
    try:
        refused = client.terminal_self()
    finally:
        client.close()
    assert isinstance(refused, Rejected)
    assert (refused.status, refused.code) == (401, "bad_signature")


def test_terminal_self_of_an_unknown_terminal_is_refused_as_unknown(
    standin: StandIn, contract_check: ContractCheck
) -> None:
    client = checked_client(standin, contract_check, terminal="XC-YT-BYG-9999")
    try:
        refused = client.terminal_self()
    finally:
        client.close()
    assert isinstance(refused, Rejected)
    assert (refused.status, refused.code) == (401, "unknown_terminal")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_terminal_self_where_nothing_listens_is_offline_refused() -> None:
    client = PlatformClient(f"http://127.0.0.1:{free_port()}", TERMINAL, SECRET)
    try:
        result = client.terminal_self()
    finally:
        client.close()
    assert isinstance(result, Offline)
    assert result.cause == "refused"


def test_terminal_self_over_tls_to_a_plain_http_server_is_offline_tls(standin: StandIn) -> None:
    url = standin.url.replace("http://127.0.0.1", "https://localhost")
    client = PlatformClient(url, TERMINAL, SECRET, read_timeout_s=5)
    try:
        result = client.terminal_self()
    finally:
        client.close()
    assert isinstance(result, Offline)
    assert result.cause == "tls"


def test_terminal_self_from_a_server_that_never_answers_is_offline_timeout() -> None:
    with socket.create_server(("127.0.0.1", 0)) as silent:  # accepts, never answers
        url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        client = PlatformClient(url, TERMINAL, SECRET, connect_timeout_s=0.5, read_timeout_s=0.5)
        started = time.monotonic()
        try:
            result = client.terminal_self()
        finally:
            client.close()
    assert isinstance(result, Offline)
    assert result.cause == "timeout"
    assert time.monotonic() - started < 5


def test_terminal_self_against_a_platform_written_from_the_contract_alone() -> None:
    from kiosk.catalog.sample import sample_document
    from tests.kiosk.district.conformance_server import ConformancePlatform, ConformanceServer

    platform = ConformancePlatform({TERMINAL: SECRET}, sample_document())
    with ConformanceServer(platform) as server:
        client = PlatformClient(server.url + "/api/v1", TERMINAL, SECRET, read_timeout_s=5)
        try:
            known = client.terminal_self()
        finally:
            client.close()
    assert isinstance(known, TerminalSelf)
    assert (known.terminal_id, known.station_name) == (TERMINAL, "")
    assert platform.log == [("GET", "/api/v1/terminals/self", 200)]
    assert not platform.problems + platform.own_problems
