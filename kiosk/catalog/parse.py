"""Turning a catalog document (JSON from the platform, or the TOML sample) into a Catalog.

A malformed catalog is refused whole, with every problem listed by item code and field, so
the district can fix its data and staff can see why the old catalog is still in use.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any

from kiosk.catalog.model import (
    CASE_TYPES,
    FIELD_TYPES,
    ITEM_TYPES,
    LEVELS,
    MATERIAL_FORMS,
    MAX_AGE_RULES,
    MAX_CALENDAR_YEARS,
    MAX_EVENT_ITEMS,
    MAX_LIFE_EVENTS,
    MAX_MEANS,
    MAX_SYNONYMS,
    MAX_WORD,
    MODES,
    POSTING_KEYS,
    PREFILL_SOURCES,
    SERVICE_OBJECTS,
    AgeRule,
    Catalog,
    FormField,
    LifeEvent,
    Material,
    Question,
    ServiceItem,
    Step,
    Synonym,
)
from kiosk.patterns import PatternError, compile_pattern
from kiosk.workdays import MAX_DAYS_PER_YEAR, YearPlan

_CODE_PART = re.compile(r"[0-9A-Z]+")
_AREA_CODE = re.compile(r"\d{12}")
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # YYYY-MM-DD only, no week dates
_EVENT_CODE = re.compile(r"[0-9A-Za-z_-]{1,40}")


class CatalogError(ValueError):
    """The catalog cannot be used. `problems` lists each one as "code: field: reason"."""

    WHAT = "catalog"

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = "; ".join(problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        super().__init__(f"{self.WHAT} refused, {len(problems)} problem(s): {shown}{more}")


class FieldReader:
    """Reads one mapping field by field, collecting problems instead of stopping."""

    def __init__(self, where: str, data: Mapping[str, Any], problems: list[str]) -> None:
        self.where = where
        self.data = data
        self.problems = problems
        self.used: set[str] = set()

    def fail(self, key: str, reason: str) -> None:
        self.problems.append(f"{self.where}: {key}: {reason}")

    def _get(self, key: str, required: bool) -> Any:
        self.used.add(key)
        if key not in self.data:
            if required:
                self.fail(key, "missing")
            return None
        return self.data[key]

    def text(self, key: str, required: bool = True, choices: tuple[str, ...] = ()) -> str:
        value = self._get(key, required)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.fail(key, f"must be text, got {type(value).__name__}")
            return ""
        if required and not value.strip():
            self.fail(key, "must not be empty")
        if choices and value not in choices:
            self.fail(key, f"must be one of {', '.join(choices)} (got {value!r})")
        return value

    def texts(
        self, key: str, required: bool = True, choices: tuple[str, ...] = ()
    ) -> tuple[str, ...]:
        value = self._get(key, required)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(key, "must be a list of texts")
            return ()
        if required and not value:
            self.fail(key, "must not be empty")
        for entry in value:
            if choices and entry not in choices:
                self.fail(key, f"{entry!r} is not one of {', '.join(choices)}")
        return tuple(value)

    def integer(self, key: str, low: int, high: int, required: bool = True) -> int:
        value = self._get(key, required)
        if value is None:
            return 0
        if not isinstance(value, int) or isinstance(value, bool):
            self.fail(key, "must be a whole number")
            return 0
        if not low <= value <= high:
            self.fail(key, f"must be between {low} and {high} (got {value})")
        return value

    def number(self, key: str) -> float | None:
        value = self._get(key, False)
        if value is None:
            return None
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            self.fail(key, "must be a number")
            return None
        return float(value)

    def flag(self, key: str, required: bool = True) -> bool:
        value = self._get(key, required)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.fail(key, "must be true or false")
            return False
        return value

    def records(self, key: str, required: bool = True) -> list[Mapping[str, Any]]:
        value = self._get(key, required)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
            self.fail(key, "must be a list of tables")
            return []
        if required and not value:
            self.fail(key, "must not be empty")
        return value

    def bounded(self, key: str, text: str, limit: int, *, lines: bool = True) -> str:
        """`text` as plain text of at most `limit` characters: no control or format characters
        (an escape sequence, a right-to-left override), no lone surrogate (it cannot even be
        stored) nor private-use character; line breaks and tabs only if `lines`."""
        if len(text) > limit:
            self.fail(key, f"longer than {limit} characters ({len(text)})")
        allowed = "\n\t" if lines else ""
        refused = ("Cc", "Cf", "Cs", "Co")
        if any(unicodedata.category(c) in refused and c not in allowed for c in text):
            self.fail(key, "contains control or format characters")
        return text

    def finish(self) -> None:
        for key in self.data:
            if key not in self.used:
                self.fail(str(key), "unknown field")


def _nested(
    parent: FieldReader,
    key: str,
    build: Callable[[FieldReader], Any],
    required: bool = True,
) -> tuple[Any, ...]:
    built = []
    for index, record in enumerate(parent.records(key, required), 1):
        reader = FieldReader(f"{parent.where}: {key}[{index}]", record, parent.problems)
        built.append(build(reader))
        reader.finish()
    return tuple(built)


def _material(r: FieldReader) -> Material:
    return Material(
        name=r.text("name"),
        form=r.text("form", choices=MATERIAL_FORMS),
        copies=r.integer("copies", 1, 20),
        required=r.flag("required"),
        deferrable=r.flag("deferrable"),
        e_licence=r.flag("e_licence"),
        note=r.text("note", required=False),
        sample=r.text("sample", required=False),
    )


def _step(r: FieldReader) -> Step:
    return Step(title=r.text("title"), detail=r.text("detail"))


def _question(r: FieldReader) -> Question:
    return Question(question=r.text("question"), answer=r.text("answer"))


def _form_field(r: FieldReader) -> FormField:
    field_type = r.text("type", choices=FIELD_TYPES)
    pattern = r.text("pattern", required=False)
    if pattern:
        try:
            compile_pattern(pattern)
        except PatternError as error:
            r.fail("pattern", str(error))
    choices = r.texts("choices", required=field_type == "choice")
    max_length = r.integer("max_length", 0, 2000, required=False)
    only_when = r.texts("only_when", required=False)
    if len(only_when) not in (0, 2):
        r.fail("only_when", "must be [the key of a choice field, one of its choices]")
        only_when = ()
    return FormField(
        key=r.text("key"),
        type=field_type,
        label=r.text("label"),
        help=r.text("help", required=False),
        required=r.flag("required", required=False) if "required" in r.data else True,
        pattern=pattern,
        min_value=r.number("min_value"),
        max_value=r.number("max_value"),
        max_length=max_length,
        choices=choices,
        prefill=r.text("prefill", required=False, choices=PREFILL_SOURCES),
        only_when=(only_when[0], only_when[1]) if only_when else (),
    )


def _check_code(r: FieldReader, code: str, basic_code: str) -> None:
    parts = code.split("-")
    if len(parts) != 6 or not all(_CODE_PART.fullmatch(part) for part in parts):
        r.fail("code", "implementation code must have 6 dash-separated parts of digits/capitals")
        return
    if parts[0] != basic_code:
        r.fail("code", f"must start with the basic code {basic_code!r}")
    if not _AREA_CODE.fullmatch(parts[1]):
        r.fail("code", "second part must be the 12-digit area code")


def _item(r: FieldReader) -> ServiceItem:
    basic_code = r.text("basic_code")
    code = r.text("code")
    if code and basic_code:
        _check_code(r, code, basic_code)
    item = ServiceItem(
        name=r.text("name"),
        code=code,
        item_type=r.text("item_type", choices=ITEM_TYPES),
        legal_basis=r.texts("legal_basis"),
        implementing_body=r.text("implementing_body"),
        acceptance_conditions=r.texts("acceptance_conditions"),
        service_object=r.texts("service_object", choices=SERVICE_OBJECTS),
        legal_time_limit=r.text("legal_time_limit"),
        promised_time_limit=r.text("promised_time_limit"),
        result_name=r.text("result_name"),
        result_sample=r.text("result_sample"),
        fee_standard=r.text("fee_standard"),
        fee_basis=r.text("fee_basis"),
        materials=_nested(r, "materials", _material),
        deferral_policy=r.text("deferral_policy"),
        steps=_nested(r, "steps", _step),
        handling_forms=r.texts("handling_forms"),
        review_standard=r.text("review_standard"),
        handling_scope=r.text("handling_scope"),
        appointment=r.text("appointment"),
        online_payment=r.text("online_payment"),
        delivery=r.text("delivery"),
        locations=r.texts("locations"),
        hours=r.text("hours"),
        consultation=r.text("consultation"),
        complaint=r.text("complaint"),
        basic_code=basic_code,
        level=r.text("level", choices=LEVELS),
        themes=r.texts("themes"),
        department=r.text("department"),
        case_type=r.text("case_type", choices=CASE_TYPES),
        promised_days=r.integer("promised_days", 0, 365),
        visits=r.integer("visits", 0, 5),
        modes=r.texts("modes", choices=MODES),
        aliases=r.texts("aliases", required=False),
        short_guide=r.text("short_guide", required=False),
        faq=_nested(r, "faq", _question, required=False),
        special_steps=r.text("special_steps", required=False),
        popularity=r.integer("popularity", 0, 1_000_000, required=False),
        form=_nested(r, "form", _form_field, required=False),
    )
    keys = [f.key for f in item.form]
    for key in {k for k in keys if keys.count(k) > 1}:
        r.fail("form", f"field key {key!r} is used twice")
    for key in set(keys) & set(POSTING_KEYS):
        r.fail("form", f"field key {key!r} is the kiosk's own (证照寄送: the mode mail)")
    # only_when names a choice of a choice field that is always asked: no chains, no loops.
    choices = {f.key: f.choices for f in item.form if f.type == "choice" and not f.only_when}
    for f in item.form:
        if f.only_when and f.only_when[1] not in choices.get(f.only_when[0], ()):
            r.fail("form", f"field {f.key!r}: only_when names no choice of an always-asked field")
    return item


def _check_consistency(items: list[ServiceItem], problems: list[str]) -> None:
    """Codes are unique; one basic item has one name, type and basis at every level."""
    seen: set[str] = set()
    by_basic: dict[str, ServiceItem] = {}
    for item in items:
        if item.code in seen:
            problems.append(f"{item.code}: code: used by more than one item")
        seen.add(item.code)
        first = by_basic.setdefault(item.basic_code, item)
        for attribute, label in (
            ("name", "name"),
            ("item_type", "item_type"),
            ("legal_basis", "legal_basis"),
        ):
            if getattr(item, attribute) != getattr(first, attribute):
                problems.append(
                    f"{item.code}: {label}: differs from {first.code} with the same basic code"
                )


def _shorts(r: FieldReader, key: str, limit: int, most: int, required: bool) -> tuple[str, ...]:
    texts = r.texts(key, required=required)
    if len(texts) > most:
        r.fail(key, f"more than {most} entries ({len(texts)})")
    return tuple(r.bounded(key, text, limit, lines=False) for text in texts[:most])


def _life_event(r: FieldReader) -> LifeEvent:
    code = r.text("code")
    if code and not _EVENT_CODE.fullmatch(code):
        r.fail("code", "must be 1 to 40 letters, digits, '-' or '_'")
    return LifeEvent(
        code=code,
        name=r.bounded("name", r.text("name"), 20, lines=False),
        aliases=_shorts(r, "aliases", 20, 20, required=False),
        summary=r.bounded("summary", r.text("summary"), 300, lines=False),
        items=_shorts(r, "items", 80, MAX_EVENT_ITEMS, required=True),
    )


def _synonym(r: FieldReader) -> Synonym:
    return Synonym(
        word=r.bounded("word", r.text("word"), MAX_WORD, lines=False),
        means=_shorts(r, "means", MAX_WORD, MAX_MEANS, required=True),
    )


def _age_rule(r: FieldReader) -> AgeRule:
    rule = AgeRule(
        title=r.bounded("title", r.text("title"), 30, lines=False),
        min_age=r.integer("min_age", 0, 150),
        max_age=r.integer("max_age", 0, 150),
        items=_shorts(r, "items", 80, 12, required=True),
    )
    if rule.min_age > rule.max_age:
        r.fail("max_age", "must not be below min_age")
    return rule


def _year_plan(r: FieldReader) -> YearPlan:
    """One year of `work_calendar`: its weekdays off and its weekend days worked."""
    year = r.integer("year", 2000, 2100)
    source = r.bounded("source", r.text("source"), 60, lines=False)

    def days(key: str) -> frozenset[datetime.date]:
        found: set[datetime.date] = set()
        texts = r.texts(key, required=False)
        if len(texts) > MAX_DAYS_PER_YEAR:
            r.fail(key, f"more than {MAX_DAYS_PER_YEAR} days ({len(texts)})")
            return frozenset()
        for text in texts:
            try:
                day = datetime.date.fromisoformat(text) if _ISO_DAY.fullmatch(text) else None
            except ValueError:
                day = None
            if day is None or day.year != year:
                r.fail(key, f"{text[:20]!r} is not a day of {year} (YYYY-MM-DD)")
            else:
                found.add(day)
        return frozenset(found)

    holidays, workdays = days("holidays"), days("workdays")
    if year and not holidays:
        r.fail("holidays", "a year has public holidays")
    for day in sorted(holidays & workdays):
        r.fail("workdays", f"{day} is a holiday too")
    for day in sorted(d for d in workdays if d.weekday() < 5):
        r.fail("workdays", f"{day} is a weekday: only weekend days are worked instead")
    return YearPlan(year, holidays, workdays, source)


def _bounded_records(
    top: FieldReader, key: str, build: Callable[[FieldReader], Any], most: int
) -> tuple[Any, ...]:
    if isinstance(top.data.get(key), list) and len(top.data[key]) > most:
        top.fail(key, f"more than {most} entries ({len(top.data[key])})")
        return ()
    return _nested(top, key, build, required=False)


def _check_guidance(catalog: Catalog, problems: list[str]) -> None:
    """Life events and age rules name items of this catalog; codes and words are unique."""
    codes = {item.code for item in catalog.items}
    seen: set[str] = set()
    for event in catalog.life_events:
        if event.code in seen:
            problems.append(f"life event {event.code}: code: used twice")
        seen.add(event.code)
        for code in event.items:
            if code not in codes:
                problems.append(f"life event {event.code}: items: {code} is not in the catalog")
        if len(set(event.items)) != len(event.items):
            problems.append(f"life event {event.code}: items: an item is listed twice")
    years = [plan.year for plan in catalog.work_calendar]
    for year in sorted({y for y in years if years.count(y) > 1}):
        problems.append(f"work_calendar: {year}: given twice")
    words = [synonym.word for synonym in catalog.synonyms]
    for word in sorted({w for w in words if words.count(w) > 1}):
        problems.append(f"synonym {word}: word: listed twice")
    for rule in catalog.age_rules:
        for code in rule.items:
            if code not in codes:
                problems.append(f"age rule {rule.title}: items: {code} is not in the catalog")


def parse_catalog(document: Mapping[str, Any]) -> Catalog:
    """Validate and build. Raises CatalogError listing every problem found."""
    problems: list[str] = []
    top = FieldReader("catalog", document, problems)
    version = top.text("version")
    sample = top.flag("sample", required=False)
    items: list[ServiceItem] = []
    for index, record in enumerate(top.records("items"), 1):
        code = record.get("code") if isinstance(record.get("code"), str) else None
        reader = FieldReader(code or f"item #{index}", record, problems)
        items.append(_item(reader))
        reader.finish()
    catalog = Catalog(
        version=version,
        items=tuple(items),
        sample=sample,
        life_events=_bounded_records(top, "life_events", _life_event, MAX_LIFE_EVENTS),
        synonyms=_bounded_records(top, "synonyms", _synonym, MAX_SYNONYMS),
        age_rules=_bounded_records(top, "age_rules", _age_rule, MAX_AGE_RULES),
        work_calendar=_bounded_records(top, "work_calendar", _year_plan, MAX_CALENDAR_YEARS),
    )
    top.finish()
    _check_consistency(items, problems)
    _check_guidance(catalog, problems)
    if problems:
        raise CatalogError(problems)
    return catalog


def parse_item(document: Mapping[str, Any]) -> ServiceItem:
    """One item (e.g. from the store); raises CatalogError on any problem."""
    problems: list[str] = []
    code = document.get("code")
    reader = FieldReader(code if isinstance(code, str) else "item", document, problems)
    item = _item(reader)
    reader.finish()
    if problems:
        raise CatalogError(problems)
    return item


def item_to_document(item: ServiceItem) -> dict[str, Any]:
    """The inverse of parsing one item: plain data for JSON."""
    document = dataclasses.asdict(item)
    return {key: _plain(value) for key, value in document.items()}


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v is not None}
    return value
