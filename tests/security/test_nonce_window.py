"""Item 8: a nonce is remembered for as long as its timestamp would still be accepted."""

from __future__ import annotations

import pytest

from kiosk.district.signing import MAX_SKEW_S, SignatureError, Verifier, sign

TERMINAL = "XC-YT-BYG-0001"
SECRET = b"0123456789abcdef0123456789abcdef"


def test_verifier_replay_of_future_stamped_request_after_arrival_window_refused() -> None:
    # given a request stamped as far in the future as the platform accepts
    verifier = Verifier({TERMINAL: SECRET})
    arrival = 1_000_000.0
    headers = sign(SECRET, TERMINAL, "POST", "/api/v1/cases", b"{}", now=arrival + MAX_SKEW_S)
    assert verifier.verify("POST", "/api/v1/cases", headers, b"{}", now=arrival) == TERMINAL
    # when it is replayed after arrival + skew, while its timestamp is still acceptable
    later = arrival + MAX_SKEW_S + 50
    # then the nonce is still remembered
    with pytest.raises(SignatureError) as refused:
        verifier.verify("POST", "/api/v1/cases", headers, b"{}", now=later)
    assert refused.value.code == "replay"


def test_verifier_nonce_forgotten_once_its_timestamp_expires_memory_bounded() -> None:
    verifier = Verifier({TERMINAL: SECRET})
    old = sign(SECRET, TERMINAL, "GET", "/api/v1/catalog", b"", now=1_000_000.0)
    verifier.verify("GET", "/api/v1/catalog", old, b"", now=1_000_000.0)
    fresh = sign(SECRET, TERMINAL, "GET", "/api/v1/catalog", b"", now=1_000_000.0 + 2 * MAX_SKEW_S)
    verifier.verify("GET", "/api/v1/catalog", fresh, b"", now=1_000_000.0 + 2 * MAX_SKEW_S)
    assert list(verifier._seen) == [(TERMINAL, fresh["X-Nonce"])]
