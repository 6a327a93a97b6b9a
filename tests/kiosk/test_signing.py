"""Request signing and its verification (kiosk/district/signing.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.district.signing import SignatureError, Verifier, sign

SECRET = b"terminal-secret-for-tests"
NOW = 1_800_000_000.0


def verifier() -> Verifier:
    return Verifier({"XC-T-1": SECRET})


def headers(body: bytes = b"{}", **overrides: object) -> dict[str, str]:
    signed = sign(SECRET, "XC-T-1", "POST", "/api/v1/cases", body, now=NOW)
    signed.update({k.replace("_", "-"): str(v) for k, v in overrides.items()})
    return signed


def test_verify_good_signature_returns_terminal() -> None:
    assert verifier().verify("POST", "/api/v1/cases", headers(), b"{}", now=NOW) == "XC-T-1"


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"body": b'{"a": 1}'}, "bad_signature"),
        ({"path": "/api/v1/evaluations"}, "bad_signature"),
        ({"method": "PUT"}, "bad_signature"),
        ({"now": NOW + 301}, "clock_skew"),
        ({"now": NOW - 301}, "clock_skew"),
    ],
)
def test_verify_tampered_or_late_request_refused(change: dict[str, object], code: str) -> None:
    args: dict[str, object] = {"method": "POST", "path": "/api/v1/cases", "body": b"{}", "now": NOW}
    args.update(change)
    with pytest.raises(SignatureError) as raised:
        verifier().verify(
            str(args["method"]),
            str(args["path"]),
            headers(),
            args["body"],
            now=args["now"],  # type: ignore[arg-type]
        )
    assert raised.value.code == code


def test_verify_replayed_nonce_refused() -> None:
    check = verifier()
    signed = headers()
    check.verify("POST", "/api/v1/cases", signed, b"{}", now=NOW)
    with pytest.raises(SignatureError) as raised:
        check.verify("POST", "/api/v1/cases", signed, b"{}", now=NOW + 1)
    assert raised.value.code == "replay"


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"X-Terminal-Id": "XC-OTHER"}, "unknown_terminal"),
        ({"X-Timestamp": "yesterday"}, "bad_timestamp"),
        ({"X-Signature": ""}, "unsigned"),
    ],
)
def test_verify_bad_headers_refused(overrides: dict[str, str], code: str) -> None:
    signed = headers()
    signed.update(overrides)
    with pytest.raises(SignatureError) as raised:
        verifier().verify("POST", "/api/v1/cases", signed, b"{}", now=NOW)
    assert raised.value.code == code


@given(st.binary(max_size=200), st.text(min_size=1, max_size=30))
def test_sign_then_verify_round_trips(body: bytes, path: str) -> None:
    signed = sign(SECRET, "XC-T-1", "GET", "/" + path, body, now=NOW)
    assert verifier().verify("GET", "/" + path, signed, body, now=NOW) == "XC-T-1"
