"""The process set-up of ui/environment.py that is not about the keyboard."""

from __future__ import annotations

import linecache
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import ui  # noqa: F401  (installs the fix under test, as any import of the UI does)


@pytest.fixture
def module_dir(tmp_path: Path) -> Iterator[Path]:
    sys.path.insert(0, str(tmp_path))
    try:
        yield tmp_path
    finally:
        sys.path.remove(str(tmp_path))
        for name in ("plain_helper_module", "other_plain_helper_module", "qt_helper_module"):
            sys.modules.pop(name, None)


def test_import_after_pyside_source_not_kept_in_linecache(module_dir: Path) -> None:
    path = module_dir / "plain_helper_module.py"
    path.write_text("VALUE = 1\n" + "# padding line\n" * 1000, encoding="utf-8")

    import plain_helper_module  # type: ignore[import-not-found]  # noqa: F401

    assert str(path) not in linecache.cache


def test_import_after_pyside_modules_still_sorted_by_pyside_use(module_dir: Path) -> None:
    """shiboken still learns which modules use PySide6 (0) and which it may ignore (-1)."""
    (module_dir / "other_plain_helper_module.py").write_text("VALUE = 1\n", encoding="utf-8")
    (module_dir / "qt_helper_module.py").write_text(
        "from PySide6.QtCore import QObject\n", encoding="utf-8"
    )

    import other_plain_helper_module  # type: ignore[import-not-found]  # noqa: F401
    import qt_helper_module  # type: ignore[import-not-found]  # noqa: F401

    selection = sys.modules["shibokensupport.feature"].pyside_feature_dict
    assert selection["other_plain_helper_module"] == -1
    assert selection["qt_helper_module"] == 0
