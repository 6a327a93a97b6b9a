"""Fixtures that start the real kiosk window (see driver.py)."""

from tests.ui.driver import (
    catalog_store,
    kiosk,
    launch,
    printer_sim,
    reader_sim,
    sample_store_file,
)

__all__ = [
    "catalog_store",
    "kiosk",
    "launch",
    "printer_sim",
    "reader_sim",
    "sample_store_file",
]
