"""When an unattended session ends: the idle policy, as pure arithmetic."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from kiosk.settings import SessionSettings


class IdlePhase(enum.Enum):
    ACTIVE = "active"
    WARNING = "warning"
    EXPIRED = "expired"


@dataclass(frozen=True)
class IdleState:
    """Where the idle countdown stands: its phase and the seconds left in it."""

    phase: IdlePhase
    seconds_left: int


def idle_timeout_s(settings: SessionSettings, elder_mode: bool) -> float:
    """Seconds without a touch before the session is wiped; longer in elder mode."""
    return settings.idle_timeout_s * (settings.elder_factor if elder_mode else 1.0)


def idle_state(settings: SessionSettings, elder_mode: bool, idle_for_s: float) -> IdleState:
    """Where a session stands after `idle_for_s` seconds without a touch."""
    timeout = idle_timeout_s(settings, elder_mode)
    left = timeout - idle_for_s
    if left <= 0:
        return IdleState(IdlePhase.EXPIRED, 0)
    # Round up so the countdown shows 1 during the last second, never 0 before expiry.
    seconds_left = int(-(-left // 1))
    if left <= settings.warning_s:
        return IdleState(IdlePhase.WARNING, seconds_left)
    return IdleState(IdlePhase.ACTIVE, seconds_left)
