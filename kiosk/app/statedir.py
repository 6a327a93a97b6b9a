"""Where a station keeps its state (outbox, catalog, keys, device choices, the log)."""

from __future__ import annotations

import os
from pathlib import Path

DEPLOYED_STATE_DIR = Path("/var/lib/kiosk")


def station_state_dir() -> Path:
    """The station's state folder: the one systemd made for the unit (StateDirectory= sets
    $STATE_DIRECTORY), else /var/lib/kiosk."""
    given = os.environ.get("STATE_DIRECTORY", "").split(":")[0]
    return Path(given) if given else DEPLOYED_STATE_DIR
