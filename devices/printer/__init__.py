"""Receipt printer: ESC/POS through python-escpos transports, our own status and layout."""
