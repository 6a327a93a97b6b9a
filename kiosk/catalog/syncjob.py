"""Running a catalog sync as a child process, and what it reports back.

Kept apart from sync.py so that the kiosk itself never imports `requests` and the HTTP
stack: the child does the network and data work.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.district.signing import Credentials


@dataclass(frozen=True)
class SyncOutcome:
    status: str  # updated | unchanged | refused | unreachable | failed
    detail: str  # for staff and the log; no personal data ever flows here
    version: str = ""
    problems: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return self.status == "updated"


def sync_in_subprocess(
    store_path: Path,
    base_url: str,
    *,
    max_bytes: int,
    deadline_s: float = 600.0,
    credentials: Credentials | None = None,
    feed: str = "catalog",
) -> SyncOutcome:
    """Run `sync_feed` of `feed` ("catalog", "knowledge") in a child process and return its
    outcome.

    Decoding, validating and indexing thousands of items hold Python's GIL for long
    stretches (one json.loads of a 15 MB catalog is ~200 ms); in a child process none of it
    can stall the kiosk's GUI thread. A crash there cannot take the kiosk down either.
    No preexec_fn here: without one Python starts the child with vfork; a full fork() of
    the kiosk's large address space pauses its other threads for tens of milliseconds.
    """
    command = [
        sys.executable, "-m", "kiosk.catalog.sync", "--feed", feed,
        "--store", str(store_path), "--url", base_url, "--max-bytes", str(max_bytes),
    ]  # fmt: skip
    if credentials is not None:  # the secret's path, never the secret, on the command line
        command += [
            "--terminal-id", credentials.terminal_id, "--secret-file", str(credentials.secret_file)
        ]  # fmt: skip
    try:
        result = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=deadline_s,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return SyncOutcome("failed", f"{feed} sync took longer than {deadline_s:.0f} s")
    except (OSError, ValueError, subprocess.SubprocessError) as error:
        return SyncOutcome("failed", f"{feed} sync could not start: {error}")
    lines = result.stdout.strip().splitlines()
    if result.returncode != 0 or not lines:
        last = (result.stderr.strip().splitlines() or ["no output"])[-1]
        return SyncOutcome("failed", f"{feed} sync process failed: {last[:200]}")
    try:
        data = json.loads(lines[-1])
    except json.JSONDecodeError:
        return SyncOutcome("failed", f"{feed} sync process gave no readable outcome")
    return SyncOutcome(
        data["status"], data["detail"], data.get("version", ""), tuple(data.get("problems", ()))
    )
