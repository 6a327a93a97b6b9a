"""Which platform addresses the kiosk may talk to, and the one form the client uses.

A station file may give the platform as its root (`https://zwfw.example`) or as the
contract's server URL (`https://zwfw.example/api/v1`); both mean the same platform.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

API_PREFIX = "/api/v1"


class PlatformAddressError(ValueError):
    pass


def check_platform_url(url: str) -> str:
    """HTTPS anywhere; plain HTTP only to this machine (the stand-in). Returns the URL.

    The URL is parsed, never matched as text: no user or password part (in
    `http://localhost@203.0.113.9/` the host is 203.0.113.9), no query or fragment, no
    spaces or backslashes that parsers read differently, and the host is judged as parsed.
    """
    if any(ch.isspace() or ch == "\\" or not ch.isprintable() for ch in url):
        raise PlatformAddressError(f"not a platform address: {url!r}")
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.netloc:
        raise PlatformAddressError(f"not a platform address: {url!r}")
    if "@" in parts.netloc:
        raise PlatformAddressError(f"a platform address has no user or password part: {url!r}")
    if parts.query or parts.fragment or "?" in url or "#" in url:
        raise PlatformAddressError(f"a platform address has no query or fragment: {url!r}")
    try:
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        raise PlatformAddressError(f"bad port in platform address: {url!r}") from None
    host = parts.hostname or ""
    if not host:
        raise PlatformAddressError(f"not a platform address: {url!r}")
    if parts.scheme == "https" or _is_loopback(host):
        return url
    raise PlatformAddressError(
        f"plain http is only allowed to this machine, not to {host}: use https"
    )


def platform_root(url: str) -> str:
    """The checked address without a trailing slash or `/api/v1` (the client adds it)."""
    root = check_platform_url(url).rstrip("/")
    if root.endswith(API_PREFIX):
        root = root[: -len(API_PREFIX)].rstrip("/")
    return root


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
