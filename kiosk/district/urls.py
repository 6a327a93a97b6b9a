"""Which platform addresses the kiosk may talk to."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit


class PlatformAddressError(ValueError):
    pass


def check_platform_url(url: str) -> str:
    """HTTPS anywhere; plain HTTP only to this machine (the stand-in). Returns the URL."""
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return url
    if parts.scheme == "http" and parts.hostname:
        host = parts.hostname
        if host == "localhost":
            return url
        try:
            if ipaddress.ip_address(host).is_loopback:
                return url
        except ValueError:
            pass
        raise PlatformAddressError(
            f"plain http is only allowed to this machine, not to {host}: use https"
        )
    raise PlatformAddressError(f"not a platform address: {url!r}")
