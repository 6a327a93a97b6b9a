"""Type information for qmllint about the QML types the kiosk registers from Python.

Build-time only: the kiosk never imports this module (it registers its types when it imports
the view models; see docs/qml-types.md). `make qmltypes` and tests/test_architecture.py run

    python -m ui.qmltypes build/qml

which reads every ui/ module that sets `QML_IMPORT_NAME`, describes its `@QmlElement` classes
with PySide6's metaobjectdump (moc for Python), and runs qmltyperegistrar to write, per QML
module, `<module path>/kiosk.qmltypes` and a `qmldir`. qmllint given `-I build/qml` then
knows every property, signal, slot and enum of those types.

metaobjectdump copies Python type names as they are; the few that are not C++ names are
mapped to the names qmllint knows (`list` → QVariantList, …).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from PySide6.scripts import metaobjectdump

UI = Path(__file__).resolve().parent
METATYPES = Path(sys.modules["PySide6"].__file__ or "").parent / "Qt" / "metatypes"
REGISTRAR = Path(sys.executable).parent / "pyside6-qmltyperegistrar"
FOREIGN = ("qt6core_metatypes.json", "qt6qml_metatypes.json")
PYTHON_TO_CPP = {
    "list": "QVariantList",
    "dict": "QVariantMap",
    "object": "QVariant",
    "float": "double",
}


def _property_keywords(keywords: list[ast.keyword], prop: dict[str, Any]) -> None:
    """metaobjectdump's reading of Property(…, notify=…), plus constant=True, which it drops
    (qmllint then warns that a binding to the property never updates)."""
    _notify_only(keywords, prop)
    for keyword in keywords:
        if keyword.arg == "constant" and isinstance(keyword.value, ast.Constant):
            prop["constant"] = bool(keyword.value.value)


_notify_only = metaobjectdump._parse_property_kwargs
metaobjectdump._parse_property_kwargs = _property_keywords

_class_variable = metaobjectdump.MetaObjectDumpVisitor._parse_class_variable


def _named(arg: ast.expr) -> ast.expr:
    if isinstance(arg, ast.Lambda):
        return ast.Name(id="lambda")
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return ast.Name(id=arg.value)
    return arg


def _class_variable_lambdas_named(self: Any, node: ast.Assign) -> None:
    """metaobjectdump reads a Property's type, getter and setter as names: it fails on a
    lambda getter (`Property(str, lambda self: …)`; qmllint needs no getter name, so the
    lambda gets one) and on a type given by its Qt name (`Property("QStringList", …)`)."""
    if isinstance(node.value, ast.Call):
        node.value.args = [_named(arg) for arg in node.value.args]
    _class_variable(self, node)


metaobjectdump.MetaObjectDumpVisitor._parse_class_variable = _class_variable_lambdas_named  # type: ignore[method-assign]


class QmlTypesError(RuntimeError):
    """qmltyperegistrar failed or warned (an unknown base or property type, …)."""


def sources() -> list[Path]:
    """ui/ modules that register QML types (they set QML_IMPORT_NAME)."""
    return sorted(
        path
        for path in UI.rglob("*.py")
        if path.name != "qmltypes.py" and "\nQML_IMPORT_NAME = " in path.read_text("utf-8")
    )


def _describe(paths: list[Path]) -> dict[str, list[dict[str, Any]]]:
    """metaobjectdump's description of each file, grouped by QML module."""
    # Shared: a subclass of a QObject subclass defined in another file is a QObject too.
    # A first pass learns every file's classes, so the order of the files does not matter.
    context = metaobjectdump.VisitorContext()  # type: ignore[no-untyped-call]
    for path in paths:
        metaobjectdump.parse_file(path, context)
    modules: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for path in paths:
        data = metaobjectdump.parse_file(path, context)
        if data is None:
            continue
        for cls in data["classes"]:
            for prop in cls.get("properties", []):
                prop["type"] = PYTHON_TO_CPP.get(prop["type"], prop["type"])
            for method in cls.get("slots", []) + cls.get("signals", []):
                for argument in method.get("arguments", []):
                    argument["type"] = PYTHON_TO_CPP.get(argument["type"], argument["type"])
                method["returnType"] = PYTHON_TO_CPP.get(method["returnType"], method["returnType"])
        modules[data["QML_IMPORT_NAME"]].append(data)
    return modules


def generate(out: Path, paths: list[Path] | None = None) -> list[Path]:
    """Write qmldir and kiosk.qmltypes for each module under `out`; returns the qmldir files.

    Raises QmlTypesError with qmltyperegistrar's messages when it fails or warns.
    """
    written = []
    for name, described in _describe(sources() if paths is None else paths).items():
        major = {data.get("QML_IMPORT_MAJOR_VERSION", 1) for data in described}
        if len(major) != 1:
            raise QmlTypesError(f"{name}: modules disagree on QML_IMPORT_MAJOR_VERSION")
        folder = out.joinpath(*name.split("."))
        folder.mkdir(parents=True, exist_ok=True)
        metatypes = folder / "kiosk_metatypes.json"
        metatypes.write_text(json.dumps(described, indent=1), encoding="utf-8")
        foreign = ",".join(str(METATYPES / file) for file in FOREIGN)
        result = subprocess.run(
            [
                str(REGISTRAR),
                "--generate-qmltypes",
                str(folder / "kiosk.qmltypes"),
                "-o",
                str(folder / "kiosk_qmltyperegistrations.cpp"),
                "--import-name",
                name,
                "--major-version",
                str(major.pop()),
                "--minor-version",
                "0",
                f"--foreign-types={foreign}",
                str(metatypes),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        messages = (result.stdout + result.stderr).strip()
        if result.returncode != 0 or messages:
            raise QmlTypesError(f"{name}: {messages}")
        qmldir = folder / "qmldir"
        qmldir.write_text(f"module {name}\ntypeinfo kiosk.qmltypes\ndepends QtQml\n", "utf-8")
        written.append(qmldir)
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m ui.qmltypes OUT_DIR", file=sys.stderr)
        return 2
    try:
        for qmldir in generate(Path(argv[1])):
            print(qmldir)
    except QmlTypesError as error:
        print(f"qmltypes: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
