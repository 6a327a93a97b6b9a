"""Fixtures that start the real kiosk window (see driver.py)."""

from tests.ui.driver import kiosk, launch

__all__ = ["kiosk", "launch"]
