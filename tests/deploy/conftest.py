"""One package build for the deploy tests of a session (`make deb-test`): test_package.py
installs it on this machine, test_systemd.py in a container booted with systemd."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.deploy import station


@pytest.fixture(scope="session")
def clean_clone() -> Iterator[Path]:
    """A clean clone of HEAD (what is committed, nothing else)."""
    # Not under pytest's 0700 temporary folder: the kiosk user reaches its runtime folders.
    work = Path(tempfile.mkdtemp(prefix="kiosk-clone-"))
    work.chmod(0o755)
    yield station.clone_head(work)
    shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="session")
def first_deb(clean_clone: Path) -> Path:
    """`make deb` in the clean clone: build/community-kiosk_<version>_amd64.deb."""
    return station.build(clean_clone)
