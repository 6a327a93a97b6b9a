"""Receipt printer: ESC/POS commands from python-escpos; our own transports, status and layout."""
