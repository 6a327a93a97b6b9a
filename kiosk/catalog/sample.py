"""The sample catalog shipped with the kiosk (demo, tests, first start without network).

The TOML file uses a few authoring shorthands (see its header); `expand_sample` turns it into
the same document the district platform sends, which then goes through the normal validator.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

from kiosk.catalog.model import Catalog
from kiosk.catalog.parse import parse_catalog

SAMPLE_NOTICE = "示例数据，以区政务服务平台发布为准"

_MATERIAL_DEFAULTS = {"copies": 1, "required": True, "deferrable": False, "e_licence": False}
_AUTHORING_ONLY = ("area_code", "body_credit_code")


def sample_document() -> dict[str, Any]:
    """The sample as a platform-shaped catalog document (plain data)."""
    text = resources.files("kiosk.data").joinpath("sample_catalog.toml").read_text("utf-8")
    return expand_sample(tomllib.loads(text))


def expand_sample(source: dict[str, Any]) -> dict[str, Any]:
    defaults = dict(source.get("defaults", {}))
    area = defaults.pop("area_code", "")
    body = defaults.pop("body_credit_code", "")
    items = []
    for raw in source.get("items", []):
        item = {**defaults, **raw}
        for key in _AUTHORING_ONLY:
            item.pop(key, None)
        if "code" not in item and "basic_code" in item:
            item["code"] = f"{item['basic_code']}-{area}-000-{body}-1-00"
        item["steps"] = [_step(step) for step in item.get("steps", [])]
        item["materials"] = [{**_MATERIAL_DEFAULTS, **m} for m in item.get("materials", [])]
        items.append(item)
    code_of = {item["basic_code"]: item["code"] for item in items if "basic_code" in item}
    document: dict[str, Any] = {"version": source.get("version", ""), "sample": True}
    document["items"] = items
    for key in ("life_events", "age_rules"):  # their items are written as basic codes
        if key in source:
            document[key] = [
                {**entry, "items": [code_of.get(c, c) for c in entry.get("items", [])]}
                for entry in source[key]
            ]
    for key in ("synonyms", "work_calendar"):
        if key in source:
            document[key] = source[key]
    return document


def _step(step: object) -> object:
    if isinstance(step, str) and "：" in step:
        title, detail = step.split("：", 1)
        return {"title": title, "detail": detail}
    return step


def load_sample() -> Catalog:
    return parse_catalog(sample_document())
