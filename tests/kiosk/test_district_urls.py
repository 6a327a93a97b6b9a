"""Plain http only to loopback; https anywhere."""

from __future__ import annotations

import pytest

from kiosk.district.urls import PlatformAddressError, check_platform_url


@pytest.mark.parametrize(
    "url",
    ["https://platform.example", "http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:9"],
)
def test_allowed(url: str) -> None:
    assert check_platform_url(url) == url


@pytest.mark.parametrize(
    "url", ["http://platform.example", "http://10.0.0.5", "ftp://x", "nonsense"]
)
def test_refused(url: str) -> None:
    with pytest.raises(PlatformAddressError):
        check_platform_url(url)
