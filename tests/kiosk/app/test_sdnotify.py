"""sd_notify datagrams over a real AF_UNIX socket the test binds, as systemd does."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.app.sdnotify import Notifier, watchdog_interval_ms


class NotifySocket:
    """What systemd listens on: a datagram socket at a path or an abstract name."""

    def __init__(self, sock: socket.socket, address: str) -> None:
        self.sock = sock
        self.address = address
        sock.settimeout(5)

    def receive(self) -> str:
        return self.sock.recv(4096).decode("utf-8")


@pytest.fixture(params=["path", "abstract"])
def listener(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[NotifySocket]:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    if request.param == "path":
        address = str(tmp_path / "notify")
        sock.bind(address)
    else:
        name = f"kiosk-test-{os.getpid()}-{id(sock)}"
        sock.bind("\0" + name)
        address = "@" + name
    with sock:
        yield NotifySocket(sock, address)


def test_notifier_ready_with_status_arrives_as_one_datagram(listener: NotifySocket) -> None:
    notifier = Notifier(listener.address)
    notifier.ready("Serving residents")
    notifier.close()
    assert listener.receive() == "READY=1\nSTATUS=Serving residents"


def test_notifier_watchdog_status_and_stopping_arrive_in_order(listener: NotifySocket) -> None:
    notifier = Notifier.from_environment({"NOTIFY_SOCKET": listener.address})
    notifier.watchdog()
    notifier.status("Loading the catalog")
    notifier.status("Loading the catalog")  # not repeated
    notifier.status("Printer:\nout of paper")
    notifier.stopping("Stopping")
    notifier.close()
    assert [listener.receive() for _ in range(4)] == [
        "WATCHDOG=1",
        "STATUS=Loading the catalog",
        "STATUS=Printer: out of paper",
        "STOPPING=1\nSTATUS=Stopping",
    ]


def test_notifier_without_notify_socket_sends_nothing_and_does_not_fail() -> None:
    notifier = Notifier.from_environment({})
    assert not notifier.enabled
    notifier.ready("x")
    notifier.watchdog()
    notifier.stopping()
    notifier.close()


def test_notifier_listener_gone_does_not_raise(tmp_path: Path) -> None:
    notifier = Notifier(str(tmp_path / "nobody-listens"))
    assert notifier.enabled
    notifier.ready()
    notifier.watchdog()
    notifier.close()


def test_notifier_relative_address_is_refused() -> None:
    assert not Notifier("notify.sock").enabled


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"}, 15_000),
        ({"WATCHDOG_USEC": "1000"}, 1),
        ({"WATCHDOG_USEC": "0"}, None),
        ({"WATCHDOG_USEC": "soon"}, None),
        ({}, None),
    ],
)
def test_watchdog_interval_is_half_of_watchdog_usec_whatever_the_pid(
    environ: dict[str, str], expected: int | None
) -> None:
    assert watchdog_interval_ms(environ) == expected
