"""The `kiosk` command (the script pyproject.toml installs) and `python -m kiosk`.

The start-up makes some 60,000 objects that live as long as the kiosk does; collecting
garbage while they were made cost ~13 ms before the first frame (77 collections). So
collection pauses until the command is known: `run` and `demo` resume it once the first
frame is out (ui/main.py), every other command as soon as its arguments are read
(kiosk/app/cli.py).
"""

from __future__ import annotations

import gc
import sys


def main() -> int:
    gc.disable()
    try:
        from kiosk.app.cli import main as run_command

        return run_command()
    except KeyboardInterrupt:  # Ctrl+C before a command's own handler is in place (importing)
        print("kiosk: stopped", file=sys.stderr)
        return 130
