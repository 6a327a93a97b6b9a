"""Every message code the application can say has words in Words.qml's "apply" section."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CODE = re.compile(r'message\(\s*"(apply\.[a-z_]+)"')
CHOSEN = re.compile(r'"(apply\.[a-z_]+)" if .+ else "(apply\.[a-z_]+)"')


def _codes() -> set[str]:
    codes: set[str] = set()
    for path in (ROOT / "kiosk" / "apply").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        codes.update(CODE.findall(text))
        for pair in CHOSEN.findall(text):
            codes.update(pair)
    return codes


def test_words_every_apply_code_has_its_words() -> None:
    words = (ROOT / "ui" / "qml" / "Kiosk" / "Words.qml").read_text(encoding="utf-8")
    codes = _codes()
    assert {"apply.material_missing", "apply.place_agent_card"} <= codes  # the scan works
    missing = sorted(code for code in codes if f'case "{code}":' not in words)
    assert missing == []
