"""The catalog validator: every rule, every problem listed by item code and field."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from kiosk.catalog.parse import CatalogError, parse_catalog, parse_item
from kiosk.catalog.sample import sample_document


@pytest.fixture(scope="module")
def good() -> dict[str, Any]:
    return sample_document()


def broken(good: dict[str, Any], change: Any) -> list[str]:
    document = copy.deepcopy(good)
    change(document)
    with pytest.raises(CatalogError) as caught:
        parse_catalog(document)
    return caught.value.problems


def first(document: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = document["items"][0]
    return item


def test_sample_passes(good: dict[str, Any]) -> None:
    assert len(parse_catalog(good).items) >= 40


def test_missing_field_is_named_with_the_item_code(good: dict[str, Any]) -> None:
    code = first(good)["code"]
    problems = broken(good, lambda d: first(d).pop("fee_standard"))
    assert problems == [f"{code}: fee_standard: missing"]


def test_every_problem_is_listed_not_just_the_first(good: dict[str, Any]) -> None:
    def change(d: dict[str, Any]) -> None:
        first(d)["item_type"] = "行政审批"
        first(d)["visits"] = 9
        d["items"][1]["materials"][0]["form"] = "传真"

    problems = broken(good, change)
    assert len(problems) == 3
    assert any("item_type: must be one of" in p for p in problems)
    assert any("visits: must be between 0 and 5" in p for p in problems)
    assert any("materials[1]: form: must be one of" in p for p in problems)


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("name", "", "must not be empty"),
        ("name", 7, "must be text"),
        ("level", "市", "must be one of"),
        ("case_type", "即时件", "must be one of"),
        ("service_object", ["游客"], "is not one of"),
        ("modes", ["fax"], "is not one of"),
        ("legal_basis", [], "must not be empty"),
        ("themes", "社会保障", "must be a list of texts"),
        ("promised_days", -1, "must be between"),
        ("popularity", "high", "whole number"),
        ("materials", [], "must not be empty"),
        ("steps", [{"title": "申请"}], "detail: missing"),
        ("colour", "red", "unknown field"),
    ],
)
def test_field_rules(good: dict[str, Any], field: str, value: Any, reason: str) -> None:
    problems = broken(good, lambda d: first(d).__setitem__(field, value))
    assert any(reason in p for p in problems), problems


def test_code_must_carry_basic_code_and_area(good: dict[str, Any]) -> None:
    problems = broken(good, lambda d: first(d).__setitem__("code", "X-1-2"))
    assert any("6 dash-separated parts" in p for p in problems)
    problems = broken(
        good,
        lambda d: first(d).__setitem__(
            "code", "00000000000000-110102000000-000-11110102MB0000000X-1-00"
        ),
    )
    assert any("must start with the basic code" in p for p in problems)


def test_codes_are_unique(good: dict[str, Any]) -> None:
    problems = broken(good, lambda d: d["items"][1].__setitem__("code", first(d)["code"]))
    assert any("used by more than one item" in p for p in problems)


def test_same_basic_item_has_same_name_type_and_basis_at_every_level(
    good: dict[str, Any],
) -> None:
    def change(d: dict[str, Any]) -> None:
        copy_ = copy.deepcopy(first(d))
        copy_["code"] = copy_["code"].replace("-1-00", "-2-00")
        copy_["level"] = "社区"
        copy_["name"] = "生育登记"
        d["items"].append(copy_)

    problems = broken(good, change)
    assert any("name: differs from" in p for p in problems)


def test_form_rules(good: dict[str, Any]) -> None:
    def change(d: dict[str, Any]) -> None:
        form = first(d)["form"]
        form.append(dict(form[0]))
        form[1]["type"] = "choice"
        form[1].pop("choices", None)
        form[2]["pattern"] = "[unclosed"

    problems = broken(good, change)
    assert any("is used twice" in p for p in problems)
    assert any("choices: missing" in p for p in problems)
    assert any("not a pattern RE2 can run" in p for p in problems)


@pytest.mark.parametrize("document", [{}, {"version": "v", "items": "x"}, {"items": []}])
def test_structurally_wrong_documents_are_refused(document: dict[str, Any]) -> None:
    with pytest.raises(CatalogError):
        parse_catalog(document)


def test_item_round_trips_through_its_document(good: dict[str, Any]) -> None:
    from kiosk.catalog.parse import item_to_document

    for item in parse_catalog(good).items:
        assert parse_item(item_to_document(item)) == item
