"""Barcode / QR scanner on a serial or USB-CDC port (docs/domain.md §7)."""
