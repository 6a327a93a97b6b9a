"""Benchmark figures: printed as `name: value unit (target …)` and written to build/bench.json."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import pytest

from tests.ui.driver import catalog_store, kiosk, launch, sample_store_file

__all__ = ["catalog_store", "kiosk", "launch", "sample_store_file"]

REPO = Path(__file__).resolve().parents[2]
BENCH_JSON = REPO / "build" / "bench.json"


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    target: str
    ok: bool


_FIGURES: list[Figure] = []


@pytest.fixture
def record() -> Callable[..., Figure]:
    def add(
        name: str,
        value: float,
        unit: str,
        *,
        at_most: float | None = None,
        at_least: float | None = None,
        note: str = "",
    ) -> Figure:
        if at_most is not None:
            target, ok = f"<= {at_most:g}", value <= at_most
        elif at_least is not None:
            target, ok = f">= {at_least:g}", value >= at_least
        else:
            target, ok = "report", True
        figure = Figure(name, round(value, 3), unit, target, ok)
        _FIGURES.append(figure)
        extra = f"; {note}" if note else ""
        print(f"\n{name}: {figure.value:g} {unit} (target {target}{extra})")
        return figure

    return add


@pytest.fixture(scope="session", autouse=True)
def write_bench_json() -> Iterator[None]:
    yield
    BENCH_JSON.parent.mkdir(parents=True, exist_ok=True)
    existing: list[dict[str, object]] = []
    names = {f.name for f in _FIGURES}
    if BENCH_JSON.exists():
        # Keep figures from benchmark files not run this time.
        old = json.loads(BENCH_JSON.read_text(encoding="utf-8")).get("figures", [])
        existing = [f for f in old if f.get("name") not in names]
    figures = existing + [asdict(f) for f in _FIGURES]
    BENCH_JSON.write_text(json.dumps({"figures": figures}, indent=2, ensure_ascii=False))
