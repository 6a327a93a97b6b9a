"""The sync worker drains the outbox to the platform while the kiosk runs."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from kiosk.district.standin import StandIn
from kiosk.keyfiles import load_key
from kiosk.outbox import Outbox
from kiosk.settings import Settings
from tests.kiosk.district.test_standin import case_body
from tests.ui.driver import Driver


def station_settings(tmp_path: Path, url: str) -> Settings:
    secret, key = tmp_path / "terminal.secret", tmp_path / "outbox.key"
    load_key(secret, create=True)
    load_key(key, create=True)
    base = Settings()
    return dataclasses.replace(
        base,
        platform=dataclasses.replace(base.platform, base_url=url),
        security=dataclasses.replace(
            base.security, terminal_secret_file=str(secret), outbox_key_file=str(key)
        ),
    )


def test_queued_submissions_reach_the_platform_and_the_heartbeat_reports(
    launch: Callable[..., Driver], tmp_path: Path
) -> None:
    settings = station_settings(tmp_path, "http://127.0.0.1:1")  # replaced below
    secret = load_key(Path(settings.security.terminal_secret_file), create=False)
    with StandIn(terminals={settings.station.terminal_id: secret}) as standin:
        settings = dataclasses.replace(
            settings, platform=dataclasses.replace(settings.platform, base_url=standin.url)
        )
        outbox_path = tmp_path / "outbox.db"
        outbox = Outbox(
            outbox_path, load_key(Path(settings.security.outbox_key_file), create=False)
        )
        numbers = [f"XCU{n:06d}" for n in range(5)]
        for number in numbers:
            body = case_body(number) | {"terminalId": settings.station.terminal_id}
            outbox.enqueue("case", body, apply_no=number)
        outbox.close()
        kiosk = launch(settings, outbox_path=outbox_path)
        assert kiosk.ui.outbox is not None
        depths: list[int] = []
        kiosk.ui.outbox.depthChanged.connect(depths.append)
        kiosk.wait_until(lambda: depths[-1:] == [0], timeout_ms=20_000)
        assert standin.store.apply_numbers() == numbers
        kiosk.ui.outbox.heartbeat({"devices": [], "catalogVersion": "sample-2026.11"})
        kiosk.wait_until(
            lambda: standin.store.last_heartbeat(settings.station.terminal_id) is not None
        )
        beat = standin.store.last_heartbeat(settings.station.terminal_id)
        assert beat is not None
        assert beat["outboxDepth"] == 0
