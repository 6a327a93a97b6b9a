"""The staff PIN: which PINs are allowed, and the one-line hash the station file keeps.

The station file holds `scrypt$n=16384,r=8,p=1$<salt>$<hash>` (standard base64), never the
PIN. Checking a PIN costs about 50 ms of CPU by design, so callers run `verify_pin` off the
GUI thread.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import itertools
import re
import secrets

MIN_DIGITS = 6
MAX_DIGITS = 12
# The PIN `kiosk demo` and `kiosk tour` use when their built-in settings are in force
# (documented in the README and printed in the demo's terminal banner). Never on a station.
DEMO_PIN = "314159"
# DEMO_PIN's line, computed once: `kiosk demo` should not spend ~60 ms of scrypt at start.
DEMO_PIN_HASH = (
    "scrypt$n=16384,r=8,p=1$SPRA1gSrChzNK1wVxfU6iA==$REnRDbcISt+sGvgCDFKCCNgmGSC3UZu5iMUgG+t6NvU="
)

_N, _R, _P = 2**14, 8, 1
_SALT_BYTES = 16
_HASH_BYTES = 32
# What settings accept for staff.pin_hash: only the parameters this module writes or
# stronger, so a hand-edited cheap hash cannot slip in.
PIN_HASH_PATTERN = (
    r"(scrypt\$n=(16384|32768|65536),r=8,p=1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=)?"
)


class WeakPinError(ValueError):
    """A PIN refused before it is hashed; `str()` says why, for the technician."""


def check_pin_strength(pin: str) -> None:
    """Raise WeakPinError unless `pin` is 6–12 digits and not trivially guessed."""
    if not pin.isascii() or not pin.isdigit():
        raise WeakPinError("the PIN must be digits only")
    if not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        raise WeakPinError(f"the PIN must have {MIN_DIGITS} to {MAX_DIGITS} digits")
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(pin)}
    if steps in ({1}, {9}):
        raise WeakPinError("the PIN must not be a run of digits such as 123456 or 987654")
    for size in range(1, len(pin) // 2 + 1):
        if len(pin) % size == 0 and pin == pin[:size] * (len(pin) // size):
            raise WeakPinError("the PIN must not repeat a digit or a group such as 121212")


def hash_pin(pin: str) -> str:
    """The station file's line for `pin` (checked first), with a fresh random salt."""
    check_pin_strength(pin)
    salt = secrets.token_bytes(_SALT_BYTES)
    digest = _scrypt(pin, salt, _N, _R, _P)
    return f"scrypt$n={_N},r={_R},p={_P}${_b64(salt)}${_b64(digest)}"


def verify_pin(pin: str, encoded: str) -> bool:
    """Whether `pin` matches `encoded`; a malformed or foreign hash matches nothing."""
    match = re.fullmatch(
        r"scrypt\$n=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)", encoded
    )
    if match is None or not re.fullmatch(PIN_HASH_PATTERN, encoded):
        return False
    n, r, p = (int(match.group(i)) for i in (1, 2, 3))
    try:
        salt = base64.b64decode(match.group(4), validate=True)
        expected = base64.b64decode(match.group(5), validate=True)
    except binascii.Error:
        return False
    return hmac.compare_digest(_scrypt(pin, salt, n, r, p), expected)


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    # maxmem: scrypt needs 128·n·r bytes; OpenSSL refuses above 32 MB unless told.
    return hashlib.scrypt(
        pin.encode("ascii", "replace"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        maxmem=256 * n * r + 1024 * 1024,
        dklen=_HASH_BYTES,
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
