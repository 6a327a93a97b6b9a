"""Items 5 and 10: platform addresses are parsed, not matched as text; settings, receipt
numbering and the contract agree; the contract's server URL works as configured."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from kiosk.district.client import Ok, PlatformClient
from kiosk.district.urls import PlatformAddressError, check_platform_url
from kiosk.keyfiles import load_key
from kiosk.outbox import Outbox
from kiosk.settings import SettingsError, parse_settings
from tests.security.loopback import Seen, serve

REPO = Path(__file__).resolve().parents[2]
SECRET = b"0123456789abcdef0123456789abcdef"

UNSAFE = [
    "http://localhost@203.0.113.9/",
    "http://127.0.0.1@203.0.113.9",
    "http://127.0.0.1:8421@203.0.113.9/",
    "https://user:secret@zwfw.example/",
    "http://127.0.0.1\\@203.0.113.9/",
    "http://127.0.0.1/ x",
    "http://127.0.0.1:notaport/",
    "https://zwfw.example/?next=http://evil.example",
    "https://zwfw.example/#x",
    "http://203.0.113.9/",
    "http://localhost.evil.example/",
]


def contract() -> dict[str, Any]:
    text = (REPO / "kiosk" / "district" / "openapi.yaml").read_text(encoding="utf-8")
    document: dict[str, Any] = yaml.safe_load(text)
    return document


@pytest.mark.parametrize("url", UNSAFE)
def test_check_platform_url_userinfo_or_unparsable_forms_refused(url: str) -> None:
    with pytest.raises(PlatformAddressError):
        check_platform_url(url)


@pytest.mark.parametrize("url", UNSAFE)
def test_settings_base_url_unsafe_form_refused_naming_the_key(url: str) -> None:
    with pytest.raises(SettingsError) as refused:
        parse_settings({"platform": {"base_url": url}}, "kiosk.toml")
    assert refused.value.key == "platform.base_url"


@pytest.mark.parametrize(
    ("url", "root"),
    [
        ("https://zwfw.example", "https://zwfw.example"),
        ("https://zwfw.example/", "https://zwfw.example"),
        ("https://zwfw.example/api/v1", "https://zwfw.example"),
        ("https://zwfw.example/api/v1/", "https://zwfw.example"),
        ("https://zwfw.example/gateway/api/v1", "https://zwfw.example/gateway"),
        ("http://[::1]:8421/api/v1", "http://[::1]:8421"),
    ],
)
def test_platform_root_both_documented_forms_same_root(url: str, root: str) -> None:
    from kiosk.district.urls import platform_root  # new with the fix

    assert platform_root(url) == root
    assert parse_settings({"platform": {"base_url": url}}, "kiosk.toml").platform.base_url == url


def test_client_configured_with_contract_server_url_requests_api_path_once() -> None:
    def answer(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        if seen.path == "/api/v1/catalog":
            return 200, {"Content-Type": "application/json"}, b'{"version": "1", "items": []}'
        return 404, {"Content-Type": "application/json"}, b'{"error": "x", "message": "x"}'

    with serve(answer) as server:
        client = PlatformClient(server.url + "/api/v1", "XC-YT-BYG-0001", SECRET)
        try:
            result = client.get("/catalog")
        finally:
            client.close()
        assert [seen.path for seen in server.seen] == ["/api/v1/catalog"]
    assert isinstance(result, Ok)


def test_settings_terminal_id_that_overflows_apply_no_refused() -> None:
    with pytest.raises(SettingsError) as refused:
        parse_settings({"station": {"terminal_id": "X" * 27}}, "kiosk.toml")
    assert refused.value.key == "station.terminal_id"


def test_outbox_apply_no_for_longest_terminal_id_fits_contract(tmp_path: Path) -> None:
    longest = "x" * 26
    settings = parse_settings({"station": {"terminal_id": longest}}, "kiosk.toml")
    outbox = Outbox(tmp_path / "outbox.db", load_key(tmp_path / "k", create=True))
    try:
        apply_no = outbox.next_apply_no(settings.station.terminal_id, datetime.date(2026, 11, 29))
    finally:
        outbox.close()
    schema = contract()["components"]["schemas"]["ApplyNo"]
    assert re.fullmatch(schema["pattern"].strip("^$"), apply_no)
    assert len(apply_no) <= schema.get("maxLength", 40)
