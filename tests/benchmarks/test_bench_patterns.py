"""Catalog field patterns: an adversarial pattern costs what a plain one does (issue 10)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from kiosk.catalog.model import FormField
from kiosk.forms import check_field

ANSWER = "a" * 200 + "!"  # 201 characters, the worst case for (\w+\s?)* on a backtracker


def _median_ms(field: FormField, rounds: int = 200) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        check_field(field, ANSWER)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def test_evil_pattern_check_ms(record: Callable[..., object]) -> None:
    evil = FormField("f", "text", "备注", pattern=r"(\w+\s?)*")
    plain = FormField("f", "text", "备注", pattern=r"[a-z]{1,10}")
    for field in (evil, plain):
        check_field(field, ANSWER)  # compile once
    evil_ms, plain_ms = _median_ms(evil), _median_ms(plain)
    record("evil_pattern_check_ms", evil_ms, "ms", at_most=5, note="(\\w+\\s?)* vs 201 chars")
    record(
        "evil_pattern_ratio",
        evil_ms / plain_ms,
        "x",
        at_most=10,
        note=f"vs [a-z]{{1,10}} on the same answer, {plain_ms:.3f} ms, same run",
    )
