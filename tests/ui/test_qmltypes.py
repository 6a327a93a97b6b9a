"""qmllint checks the application screens against the view model's real type: the type
information in the tree must be the one the class has now."""

from __future__ import annotations

from ui.qmltypes import TARGETS, expected


def test_qmltypes_in_the_tree_match_the_registered_classes() -> None:
    stale = [
        str(path)
        for path, text in expected().items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]
    assert stale == [], "run `python -m ui.qmltypes`"


def test_qmltypes_every_module_has_its_qmldir() -> None:
    for path, (module, *_rest) in TARGETS.items():
        qmldir = (path.parent / "qmldir").read_text(encoding="utf-8").splitlines()
        assert f"module {module}" in qmldir
        assert f"typeinfo {path.name}" in qmldir
