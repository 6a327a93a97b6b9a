"""Layering, QML lint and translations: checks on the source tree itself."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent


def qml_files(repo: Path) -> list[Path]:
    return sorted((repo / "ui" / "qml").rglob("*.qml"))


def test_import_layers_hold(repo: Path) -> None:
    result = subprocess.run(
        [str(BIN / "lint-imports")], cwd=repo, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


@pytest.fixture(scope="module")
def qml_types(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Type information for the QML types registered from Python (ui/qmltypes.py), fresh."""
    from ui.qmltypes import generate

    out = tmp_path_factory.mktemp("qml")
    assert generate(out), "no Python module registers QML types"
    return out


def qmllint(repo: Path, qml_types: Path, files: list[Path]) -> str:
    result = subprocess.run(
        [
            str(BIN / "pyside6-qmllint"),
            "-I",
            str(repo / "ui" / "qml"),
            "-I",
            str(qml_types),
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    return (result.stdout + result.stderr).strip()


def test_qmllint_is_clean(repo: Path, qml_types: Path) -> None:
    output = qmllint(repo, qml_types, qml_files(repo))
    assert not output, output


def test_qmllint_typed_view_model_misspelt_member_is_an_error(
    repo: Path, qml_types: Path, tmp_path: Path
) -> None:
    """With the generated types, qmllint knows a registered view model's properties and
    enums: a misspelt property or enum value is reported, not left to fail at run time."""
    screen = tmp_path / "Misspelt.qml"
    screen.write_text(
        "import QtQuick\n"
        "import Kiosk.Types\n"
        "Item {\n"
        "    id: root\n"
        "    required property DeviceHub devices\n"
        "    visible: root.devices.printerRedy\n"
        "    enabled: root.devices.printState === PrintState.Printed\n"
        "}\n",
        encoding="utf-8",
    )
    output = qmllint(repo, qml_types, [screen])
    assert 'Member "printerRedy" not found on type "DeviceHub"' in output, output
    assert 'Member "Printed" not found on type "PrintState"' in output, output


def test_qmltypes_element_of_unknown_base_fails_generation(tmp_path: Path) -> None:
    """An element qmllint could not resolve (its base is no known QObject) stops the build
    instead of weakening the lint."""
    from ui.qmltypes import QmlTypesError, generate

    source = tmp_path / "strays.py"
    source.write_text(
        'QML_IMPORT_NAME = "Kiosk.Strays"\n'
        "QML_IMPORT_MAJOR_VERSION = 1\n"
        "@QmlElement\n"
        "class Stray(NotAQtClass):\n"
        "    pass\n",
        encoding="utf-8",
    )
    with pytest.raises(QmlTypesError, match=r"strays\.py.*QML\.Element"):
        generate(tmp_path / "out", [source])


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_translations_are_complete(repo: Path, language: str) -> None:
    tree = ET.parse(repo / "ui" / "i18n" / f"kiosk_{language}.ts")
    unfinished = [
        message.findtext("source")
        for message in tree.iter("message")
        if message.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
    ]
    assert unfinished == []


def test_translation_sources_are_up_to_date(repo: Path, tmp_path: Path) -> None:
    """Every qsTr string in the QML is in the .ts file (run `make i18n` when this fails)."""
    ts = tmp_path / "check.ts"
    shutil.copy(repo / "ui" / "i18n" / "kiosk_zh_CN.ts", ts)
    result = subprocess.run(
        [str(BIN / "pyside6-lupdate"), *map(str, qml_files(repo)), "-ts", str(ts)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    found = re.search(r"Found (\d+) source text\(s\) \((\d+) new", result.stdout + result.stderr)
    assert found is not None, result.stdout
    assert found.group(2) == "0", "new strings: run `make i18n` and translate them"


def test_every_visible_qml_string_is_translatable(repo: Path) -> None:
    """`text:` bindings hold qsTr(), a property or an expression, never a bare literal."""
    allowed_literals = {'"中文"', '"English"'}  # the language switch names each language
    offenders = []
    for path in qml_files(repo):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = re.search(r"\b(text|title|placeholderText):\s*(\"[^\"]*\")\s*$", line)
            if match and match.group(2) not in allowed_literals:
                offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert offenders == []
