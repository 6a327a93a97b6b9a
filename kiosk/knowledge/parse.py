"""Turning a knowledge-base document (JSON from the platform, or the TOML sample) into a
KnowledgeBase: refused whole, with every problem listed by entry and field, like a catalog."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from typing import Any

from kiosk.catalog.library import THEME_ORDER
from kiosk.catalog.parse import CatalogError, FieldReader
from kiosk.knowledge.model import (
    MAX_ANSWER,
    MAX_ENTRIES,
    MAX_ITEMS,
    MAX_KEYWORD,
    MAX_KEYWORDS,
    MAX_KEYWORDS_TOTAL,
    MAX_QUESTION,
    MAX_VERSION,
    Entry,
    KnowledgeBase,
)

_ID = re.compile(r"[0-9A-Za-z_-]{1,40}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# An item's implementation code (kiosk/catalog/parse.py checks it in full for the catalog).
_ITEM_CODE = re.compile(r"[0-9A-Z]+(-[0-9A-Z]+){5}")
_MAX_PROBLEMS = 200


class KnowledgeError(CatalogError):
    """The knowledge base cannot be used; `problems` lists each one as "id: field: reason"."""

    WHAT = "knowledge base"


def _entry(r: FieldReader) -> Entry:
    entry_id = r.text("id")
    if entry_id and not _ID.fullmatch(entry_id):
        r.fail("id", "must be 1 to 40 letters, digits, '-' or '_'")
    updated = r.text("updated")
    try:
        if not _DATE.fullmatch(updated):
            raise ValueError(updated)
        datetime.date.fromisoformat(updated)
    except ValueError:
        r.fail("updated", f"must be a date YYYY-MM-DD (got {updated[:20]!r})")
    keywords = r.texts("keywords", required=False)
    if len(keywords) > MAX_KEYWORDS:
        r.fail("keywords", f"more than {MAX_KEYWORDS}")
    for keyword in keywords:
        r.bounded("keywords", keyword, MAX_KEYWORD)
    items = r.texts("items", required=False)
    if len(items) > MAX_ITEMS:
        r.fail("items", f"more than {MAX_ITEMS}")
    if not all(len(code) <= 120 and _ITEM_CODE.fullmatch(code) for code in items):
        r.fail("items", "must be item implementation codes")
    return Entry(
        id=entry_id,
        theme=r.text("theme", choices=THEME_ORDER),
        question=r.bounded("question", r.text("question"), MAX_QUESTION),
        answer=r.bounded("answer", r.text("answer"), MAX_ANSWER),
        items=items,
        keywords=keywords,
        updated=updated,
        popularity=r.integer("popularity", 0, 1_000_000, required=False),
    )


def parse_knowledge(document: Mapping[str, Any]) -> KnowledgeBase:
    """Validate and build. Raises KnowledgeError listing every problem found."""
    problems: list[str] = []
    top = FieldReader("knowledge", document, problems)
    version = top.text("version")
    if len(version) > MAX_VERSION or not version.isprintable():
        top.fail("version", f"must be at most {MAX_VERSION} printable characters")
    sample = top.flag("sample", required=False)
    records = top.records("entries")
    if len(records) > MAX_ENTRIES:
        top.fail("entries", f"more than {MAX_ENTRIES}")
        records = records[:MAX_ENTRIES]
    entries: list[Entry] = []
    seen: set[str] = set()
    for index, record in enumerate(records, 1):
        entry_id = record.get("id")
        named = entry_id if isinstance(entry_id, str) and _ID.fullmatch(entry_id) else ""
        reader = FieldReader(named or f"entry #{index}", record, problems)
        entry = _entry(reader)
        reader.finish()
        if entry.id in seen:
            problems.append(f"{entry.id}: id: used by more than one entry")
        seen.add(entry.id)
        entries.append(entry)
    if sum(len(e.keywords) for e in entries) > MAX_KEYWORDS_TOTAL:
        top.fail("entries", f"more than {MAX_KEYWORDS_TOTAL} keywords in all")
    top.finish()
    if problems:
        raise KnowledgeError(problems[:_MAX_PROBLEMS])
    return KnowledgeBase(version=version, entries=tuple(entries), sample=sample)
