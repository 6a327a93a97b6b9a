"""Fixtures that start the real kiosk window (see tests/ui/driver.py)."""

from tests.ui.driver import catalog_store, kiosk, launch, sample_store_file

__all__ = ["catalog_store", "kiosk", "launch", "sample_store_file"]
