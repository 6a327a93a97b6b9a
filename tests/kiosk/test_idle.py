"""The idle policy as arithmetic."""

from __future__ import annotations

from kiosk.idle import IdlePhase, idle_state, idle_timeout_s
from kiosk.settings import SessionSettings

SETTINGS = SessionSettings(idle_timeout_s=90, warning_s=20, elder_factor=2.0)


def test_active_until_warning_window() -> None:
    state = idle_state(SETTINGS, False, 10)
    assert state.phase is IdlePhase.ACTIVE
    assert state.seconds_left == 80


def test_warning_in_last_seconds_counts_down_rounding_up() -> None:
    state = idle_state(SETTINGS, False, 85.5)
    assert state.phase is IdlePhase.WARNING
    assert state.seconds_left == 5


def test_expired_at_timeout() -> None:
    assert idle_state(SETTINGS, False, 90).phase is IdlePhase.EXPIRED


def test_elder_mode_doubles_the_timeout() -> None:
    assert idle_timeout_s(SETTINGS, True) == 180
    assert idle_state(SETTINGS, True, 120).phase is IdlePhase.ACTIVE
    assert idle_state(SETTINGS, True, 170).phase is IdlePhase.WARNING
