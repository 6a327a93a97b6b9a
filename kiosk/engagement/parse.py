"""Turning an engagement document (JSON from the platform, or the TOML sample) into an
Engagement: refused whole, with every problem listed by record and field, like a catalog."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping
from typing import Any, TypeVar
from urllib.parse import urlsplit

from kiosk.catalog.parse import CatalogError, FieldReader
from kiosk.engagement.model import (
    KINDS,
    MAX_ANNOUNCEMENTS,
    MAX_BODY,
    MAX_INTRO,
    MAX_LINK,
    MAX_OPTION,
    MAX_OPTIONS,
    MAX_QUESTION,
    MAX_QUESTIONS,
    MAX_SOURCE,
    MAX_SURVEYS,
    MAX_TITLE,
    MAX_VERSION,
    QUESTION_KINDS,
    TEXT,
    Announcement,
    Engagement,
    Survey,
    SurveyQuestion,
)

_ID = re.compile(r"[0-9A-Za-z_-]{1,40}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LINK = re.compile(r"https://[!-~]+")  # printable ASCII, no spaces
_MAX_PROBLEMS = 200
_T = TypeVar("_T")


class EngagementError(CatalogError):
    """The document cannot be used; `problems` lists each one as "id: field: reason"."""

    WHAT = "announcements and surveys"


def _date(r: FieldReader, key: str) -> datetime.date:
    value = r.text(key)
    try:
        if not _DATE.fullmatch(value):
            raise ValueError(value)
        return datetime.date.fromisoformat(value)
    except ValueError:
        r.fail(key, f"must be a date YYYY-MM-DD (got {value[:20]!r})")
        return datetime.date.min


def _span(r: FieldReader, start: str, end: str) -> tuple[datetime.date, datetime.date]:
    first, last = _date(r, start), _date(r, end)
    if last < first:
        r.fail(end, f"is before {start}")
    return first, last


def _id(r: FieldReader) -> str:
    value = r.text("id")
    if value and not _ID.fullmatch(value):
        r.fail("id", "must be 1 to 40 letters, digits, '-' or '_'")
    return value


def _link(r: FieldReader) -> str:
    link = r.text("link", required=False)
    if link:
        try:
            parts = urlsplit(link) if _LINK.fullmatch(link) else None
            host = parts.hostname if parts else None
        except ValueError:  # e.g. "https://[::1": not an address at all
            parts, host = None, None
        if len(link) > MAX_LINK or parts is None or not host or "@" in parts.netloc:
            r.fail("link", f"must be an https:// address of at most {MAX_LINK} characters")
    return link


def _announcement(r: FieldReader) -> Announcement:
    announcement_id = _id(r)
    published, expires = _span(r, "published", "expires")
    return Announcement(
        id=announcement_id,
        kind=r.text("kind", choices=KINDS),
        title=r.bounded("title", r.text("title"), MAX_TITLE, lines=False),
        body=r.bounded("body", r.text("body"), MAX_BODY),
        source=r.bounded("source", r.text("source"), MAX_SOURCE, lines=False),
        published=published,
        expires=expires,
        link=_link(r),
    )


def _question(r: FieldReader) -> SurveyQuestion:
    kind = r.text("kind", choices=QUESTION_KINDS)
    options = r.texts("options", required=kind not in ("", TEXT))
    if kind == TEXT and options:
        r.fail("options", "a short-text question has none")
    elif options and not 2 <= len(options) <= MAX_OPTIONS:
        r.fail("options", f"must be 2 to {MAX_OPTIONS}")
    if len(set(options)) != len(options):
        r.fail("options", "the same option twice")
    for option in options:
        r.bounded("options", option, MAX_OPTION, lines=False)
        if not option.strip():
            r.fail("options", "an empty option")
    required = r.flag("required", required=False) if "required" in r.data else True
    return SurveyQuestion(
        id=_id(r),
        kind=kind,
        text=r.bounded("text", r.text("text"), MAX_QUESTION, lines=False),
        options=options,
        required=required,
    )


def _survey(r: FieldReader) -> Survey:
    survey_id = _id(r)
    opens, closes = _span(r, "opens", "closes")
    questions = _each(r, "questions", _question, MAX_QUESTIONS)
    if len({q.id for q in questions}) != len(questions):
        r.fail("questions", "the same question id twice")
    return Survey(
        id=survey_id,
        title=r.bounded("title", r.text("title"), MAX_TITLE, lines=False),
        intro=r.bounded("intro", r.text("intro"), MAX_INTRO),
        source=r.bounded("source", r.text("source"), MAX_SOURCE, lines=False),
        opens=opens,
        closes=closes,
        questions=questions,
    )


def _each(
    parent: FieldReader,
    key: str,
    build: Callable[[FieldReader], _T],
    limit: int,
    *,
    required: bool = True,
) -> tuple[_T, ...]:
    """Each record of `key` (at most `limit`), named by its id in problems."""
    records = parent.records(key, required)
    if len(records) > limit:
        parent.fail(key, f"more than {limit}")
        records = records[:limit]
    built = []
    for index, record in enumerate(records, 1):
        record_id = record.get("id")
        named = record_id if isinstance(record_id, str) and _ID.fullmatch(record_id) else ""
        where = f"{parent.where}: {key}[{named or index}]"
        reader = FieldReader(where, record, parent.problems)
        built.append(build(reader))
        reader.finish()
    return tuple(built)


def parse_engagement(document: Mapping[str, Any]) -> Engagement:
    """Validate and build. Raises EngagementError listing every problem found."""
    problems: list[str] = []
    top = FieldReader("engagement", document, problems)
    version = top.text("version")
    if len(version) > MAX_VERSION or not version.isprintable():
        top.fail("version", f"must be at most {MAX_VERSION} printable characters")
    sample = top.flag("sample", required=False)
    announcements = _each(top, "announcements", _announcement, MAX_ANNOUNCEMENTS, required=False)
    surveys = _each(top, "surveys", _survey, MAX_SURVEYS, required=False)
    for key, records in (("announcements", announcements), ("surveys", surveys)):
        ids = [record.id for record in records]
        if len(set(ids)) != len(ids):
            top.fail(key, "the same id twice")
    top.finish()
    if problems:
        raise EngagementError(problems[:_MAX_PROBLEMS])
    return Engagement(version, announcements, surveys, sample)
