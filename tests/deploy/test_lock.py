"""packaging/requirements.lock pins what pyproject.toml asks for (checked without network)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parents[2]
LOCK = REPO / "packaging" / "requirements.lock"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)")


def read_lock(text: str) -> dict[str, tuple[Version, int]]:
    """Each pinned distribution: its version and how many hashes it carries."""
    pins: dict[str, tuple[Version, int]] = {}
    current = ""
    for line in text.splitlines():
        match = PIN.match(line)
        if match:
            current = canonicalize_name(match[1])
            assert current not in pins, f"{current} pinned twice"
            pins[current] = (Version(match[2].rstrip(" \\")), 0)
        elif line.strip().startswith("--hash=sha256:") and current:
            version, hashes = pins[current]
            pins[current] = (version, hashes + 1)
    return pins


def runtime_requirements() -> list[Requirement]:
    with (REPO / "pyproject.toml").open("rb") as file:
        project = tomllib.load(file)["project"]
    return [Requirement(line) for line in project["dependencies"]]


def test_lock_pins_every_runtime_dependency_within_its_range() -> None:
    pins = read_lock(LOCK.read_text(encoding="utf-8"))
    for requirement in runtime_requirements():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} is in pyproject.toml but not in the lock: run make lock"
        version, _ = pins[name]
        assert requirement.specifier.contains(version, prereleases=True), (
            f"{name}=={version} does not satisfy pyproject's {requirement}: run make lock"
        )


def test_lock_every_pin_carries_a_hash_and_no_dev_tool() -> None:
    pins = read_lock(LOCK.read_text(encoding="utf-8"))
    assert all(hashes for _, hashes in pins.values()), "pins without --hash: run make lock"
    with (REPO / "pyproject.toml").open("rb") as file:
        dev = tomllib.load(file)["project"]["optional-dependencies"]["dev"]
    for tool in ("pytest", "ruff", "mypy", "uv"):
        assert tool in {canonicalize_name(Requirement(line).name) for line in dev}
        assert tool not in pins, f"{tool} (a dev tool) is in the station's lock"
    assert "pyside6" not in pins, "the PySide6 meta package drags WebEngine in"


def test_lock_reader_missing_or_out_of_range_pin_is_reported() -> None:
    lock = "requests==2.0.0 \\\n    --hash=sha256:00\n"
    pins = read_lock(lock)
    assert pins == {"requests": (Version("2.0.0"), 1)}
    assert not Requirement("requests>=2.31").specifier.contains(pins["requests"][0])
    assert "platformdirs" not in pins
