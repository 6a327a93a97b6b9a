"""The sample announcements and surveys shipped with the kiosk (demo, tests, first start
without network).

Its TOML dates everything relative to the day it is loaded (`age_days`, `days_left`), so
the demo always has current announcements and an open survey; `expand_sample` turns them
into the published form, which then goes through the validator like the platform's.
"""

from __future__ import annotations

import datetime
import tomllib
from importlib import resources
from typing import Any

from kiosk.engagement.model import Engagement
from kiosk.engagement.parse import parse_engagement


def sample_document(today: datetime.date | None = None) -> dict[str, Any]:
    text = resources.files("kiosk.data").joinpath("sample_engagement.toml").read_text("utf-8")
    return expand_sample(tomllib.loads(text), today or datetime.date.today())


def expand_sample(source: dict[str, Any], today: datetime.date) -> dict[str, Any]:
    def dated(raw: dict[str, Any], start: str, end: str) -> dict[str, Any]:
        record = {k: v for k, v in raw.items() if k not in ("age_days", "days_left")}
        record[start] = (today - datetime.timedelta(days=raw["age_days"])).isoformat()
        record[end] = (today + datetime.timedelta(days=raw["days_left"])).isoformat()
        return record

    return {
        # A new version each day: the dates in it change with the day it was loaded.
        "version": f"{source['version']}-{today.isoformat()}",
        "sample": True,
        "announcements": [
            dated(a, "published", "expires") for a in source.get("announcements", [])
        ],
        "surveys": [dated(s, "opens", "closes") for s in source.get("surveys", [])],
    }


def load_sample(today: datetime.date | None = None) -> Engagement:
    return parse_engagement(sample_document(today))
