"""Barcode / QR scanner on a serial or USB-CDC port (DOMAIN.md §7)."""
