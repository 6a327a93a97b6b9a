"""packaging/check-symlinks.sh, which build-deb.sh runs on its staging tree: a link must
point inside the package or to a file of a package in Depends (dpkg -S on this machine)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

CHECK = Path(__file__).resolve().parents[2] / "packaging" / "check-symlinks.sh"
PREFIX = "/opt/community-kiosk"

pytestmark = pytest.mark.skipif(
    shutil.which("dpkg") is None or not Path("/usr/bin/python3.11").is_file(),
    reason="needs dpkg and Debian's python3.11",
)


def _stage(tmp_path: Path, links: dict[str, str]) -> Path:
    stage = tmp_path / "root dir"  # a space, as in a checkout path with spaces
    bin_dir = stage / PREFIX.lstrip("/") / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "kiosk").write_text("#!/opt/community-kiosk/bin/python\n", encoding="utf-8")
    (stage / "usr" / "bin").mkdir(parents=True)
    for link, target in links.items():
        (stage / link.lstrip("/")).symlink_to(target)
    return stage


def _check(tmp_path: Path, stage: Path, depends: list[str]) -> subprocess.CompletedProcess[str]:
    listing = tmp_path / "depends.txt"
    listing.write_text("".join(f"{name}\n" for name in depends), encoding="utf-8")
    return subprocess.run(
        [str(CHECK), str(stage), PREFIX, str(listing)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_check_symlinks_venv_on_python311_and_inside_links_pass(tmp_path: Path) -> None:
    stage = _stage(
        tmp_path,
        {
            f"{PREFIX}/bin/python3.11": "/usr/bin/python3.11",
            f"{PREFIX}/bin/python3": "python3.11",
            f"{PREFIX}/bin/python": "python3.11",
            f"{PREFIX}/lib64": "lib",
            "/usr/bin/kiosk": f"{PREFIX}/bin/kiosk",
        },
    )
    (stage / PREFIX.lstrip("/") / "lib").mkdir()
    result = _check(tmp_path, stage, ["cage", "python3.11-minimal"])
    assert result.returncode == 0, result.stderr


def test_check_symlinks_python3_link_outside_depends_fails(tmp_path: Path) -> None:
    # /usr/bin/python3 belongs to python3-minimal, which Depends does not name.
    stage = _stage(tmp_path, {f"{PREFIX}/bin/python3": "/usr/bin/python3"})
    result = _check(tmp_path, stage, ["python3.11", "python3.11-minimal"])
    assert result.returncode == 1
    assert f"{PREFIX}/bin/python3 -> /usr/bin/python3, of package 'python3-minimal'" in (
        result.stderr
    )


def test_check_symlinks_dangling_link_inside_the_package_fails(tmp_path: Path) -> None:
    stage = _stage(tmp_path, {"/usr/bin/kiosk": f"{PREFIX}/bin/kiosk-gone"})
    result = _check(tmp_path, stage, ["python3.11-minimal"])
    assert result.returncode == 1
    assert "/usr/bin/kiosk -> /opt/community-kiosk/bin/kiosk-gone, which the package" in (
        result.stderr
    )


def test_check_symlinks_link_to_a_file_of_no_package_fails(tmp_path: Path) -> None:
    stage = _stage(tmp_path, {f"{PREFIX}/bin/tool": "/nonexistent/tool"})
    result = _check(tmp_path, stage, ["python3.11-minimal"])
    assert result.returncode == 1
    assert "of package 'none', not in Depends" in result.stderr
