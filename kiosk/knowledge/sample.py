"""The sample knowledge base shipped with the kiosk (demo, tests, first start without network).

Its TOML names related items by basic code; `expand_sample` composes the full codes as the
sample catalog does (kiosk/catalog/sample.py), then the document goes through the validator.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

from kiosk.knowledge.model import KnowledgeBase
from kiosk.knowledge.parse import parse_knowledge


def sample_document() -> dict[str, Any]:
    text = resources.files("kiosk.data").joinpath("sample_knowledge.toml").read_text("utf-8")
    return expand_sample(tomllib.loads(text))


def expand_sample(source: dict[str, Any]) -> dict[str, Any]:
    defaults = source.get("defaults", {})
    suffix = f"-{defaults.get('area_code', '')}-000-{defaults.get('body_credit_code', '')}-1-00"
    entries = [
        {**raw, "items": [f"{basic}{suffix}" for basic in raw.get("items", [])]}
        for raw in source.get("entries", [])
    ]
    return {"version": source.get("version", ""), "sample": True, "entries": entries}


def load_sample() -> KnowledgeBase:
    return parse_knowledge(sample_document())
