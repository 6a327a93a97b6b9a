"""The `kiosk` command's entry point (also `python -m kiosk`).

Start-up allocates a great deal and frees almost nothing — modules, classes, settings, the
screens — so collecting reference cycles meanwhile only costs time (16 ms and more of a
start, measured with gc.callbacks). Collection is off until the command is under way:
`cli.main` turns it back on for every command without a window, and `kiosk run` and
`kiosk demo` once their first frame is on screen (ui/servicewatch.py), freezing what
start-up built out of later collections.
"""

from __future__ import annotations

import gc


def main() -> int:
    gc.disable()
    from kiosk.app.cli import main as run_command

    return run_command()
