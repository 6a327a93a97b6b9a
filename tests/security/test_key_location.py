"""Issue 10, item 4: keys kept outside the state folder, in a credentials folder the
service manager provides (systemd's LoadCredential= sets $CREDENTIALS_DIRECTORY).

A key missing there must stop the kiosk with the fix, never be created somewhere else.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kiosk.keyfiles import load_key

WAIT_S = 60.0


def test_demo_outbox_key_missing_from_credentials_folder_stops_and_creates_none(
    tmp_path: Path,
) -> None:
    credentials, state_home = tmp_path / "credentials", tmp_path / "state"
    load_key(credentials / "terminal.secret", create=True)  # outbox.key is not there
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # should it get past the keys, it stops at the display
    env.update(CREDENTIALS_DIRECTORY=str(credentials), XDG_STATE_HOME=str(state_home))
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "demo"],
        capture_output=True, text=True, env=env, timeout=WAIT_S, check=False,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert f"{credentials / 'outbox.key'}: key file missing" in result.stderr
    assert "LoadCredential=outbox.key:" in result.stderr
    assert sorted(p.name for p in tmp_path.rglob("*.key")) == []
