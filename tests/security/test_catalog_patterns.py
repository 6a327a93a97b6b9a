"""A catalog pattern cannot freeze the terminal (issue 10, item 2).

Field patterns come from the district catalog and run on the GUI thread while a resident
types. On a backtracking engine `(\\w+\\s?)*` takes seconds at 26 characters and doubles per
character; the idle wipe cannot fire meanwhile.
"""

from __future__ import annotations

import copy
import subprocess
import sys
import textwrap
from typing import Any

import pytest

from kiosk.catalog.model import FormField
from kiosk.catalog.parse import CatalogError, parse_catalog
from kiosk.catalog.sample import sample_document
from kiosk.forms import check_field
from kiosk.messages import NONE, message
from kiosk.patterns import PatternError, compile_pattern

EVIL = r"(\w+\s?)*"


def test_check_field_evil_pattern_200_characters_returns() -> None:
    # In a child process, so that a backtracking engine hangs the child, not the suite:
    # 200 characters would take longer than the universe has existed.
    child = textwrap.dedent(
        f"""
        from kiosk.catalog.model import FormField
        from kiosk.forms import check_field
        field = FormField("f", "text", "备注", pattern={EVIL!r})
        print(check_field(field, "a" * 200 + "!")[1].code)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", child], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "form.pattern"  # 备注的格式不对，请核对


def test_check_field_evil_pattern_matching_answer_is_accepted() -> None:
    field = FormField("f", "text", "备注", pattern=EVIL)
    assert check_field(field, "ab  cd" * 40) == ("", message("form.pattern", "备注"))
    assert check_field(field, "ab cd " * 40) == (("ab cd " * 40).strip(), NONE)


def test_check_field_catalog_patterns_of_the_sample_still_work() -> None:
    card = FormField("c", "number", "卡号", pattern=r"\d{19}")
    assert check_field(card, "１２３４５６７８９０１２３４５６７８９")[1] == NONE  # full-width
    assert check_field(card, "123")[1] == message("form.pattern", "卡号")


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        (r"(a)\1", "invalid escape sequence"),  # backreference
        (r"(?=a)a", "invalid perl operator"),  # lookahead
        (r"(?<!a)b", "invalid perl operator"),  # lookbehind
        ("[unclosed", "missing ]"),
        ("a" * 501, "longer than 500 characters"),
        (r"((a{100}){100}){100}", "invalid repetition size"),
    ],
)
def test_compile_pattern_unsafe_or_unsupported_is_refused(pattern: str, reason: str) -> None:
    with pytest.raises(PatternError, match=reason.replace("]", r"\]")):
        compile_pattern(pattern)


def test_parse_catalog_pattern_re2_cannot_run_is_refused_with_item_and_field() -> None:
    document: dict[str, Any] = copy.deepcopy(sample_document())
    item = next(i for i in document["items"] if i.get("form"))
    item["form"][0]["pattern"] = r"(\d)\1{5}"
    with pytest.raises(CatalogError) as caught:
        parse_catalog(document)
    (problem,) = caught.value.problems
    assert problem.startswith(f"{item['code']}: ")
    assert "pattern: not a pattern RE2 can run" in problem
