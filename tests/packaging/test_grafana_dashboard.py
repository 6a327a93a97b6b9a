"""packaging/grafana/kiosk-fleet.json: the dashboard a district imports. Checked as JSON
(structure, datasource input, the map's coordinates), its PromQL parsed by promtool (as
recording rules: promtool 2.42 has no command for a bare expression), and the terminal
state it shows unit-tested with `promtool test rules` on series shaped like a kiosk's.
That every metric it names is one a running kiosk serves is tested against a scrape in
tests/ui/test_metrics.py."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

DASHBOARD = Path(__file__).resolve().parents[2] / "packaging" / "grafana" / "kiosk-fleet.json"
DATASOURCE = {"type": "prometheus", "uid": "${DS_PROMETHEUS}"}
# Grafana's variables, as Prometheus would see them once Grafana filled them in.
VARIABLES = {"$street": ".*", "$__rate_interval": "5m", "$__interval": "1m"}
PROMQL_WORDS = {
    "and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right",
    "offset", "bool", "inf", "nan",
    # aggregations, which may take their `by (...)` before their parentheses
    "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values",
    "bottomk", "topk", "quantile",
}  # fmt: skip
# Series Prometheus itself makes for every target; the kiosk does not serve them.
PROMETHEUS_OWN = {"up"}


def dashboard() -> dict[str, Any]:
    return dict(json.loads(DASHBOARD.read_text(encoding="utf-8")))


def exprs() -> list[str]:
    return [target["expr"] for panel in dashboard()["panels"] for target in panel["targets"]]


def metric_names(expr: str) -> set[str]:
    """The metric names a PromQL expression selects (not functions, keywords, labels)."""
    text = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)  # label values and strings
    text = re.sub(r"\$\w+", "", text)  # Grafana variables
    text = re.sub(r"\{[^}]*\}", " ", text)  # label matchers
    text = re.sub(r"\[[^\]]*\]", " ", text)  # ranges
    text = re.sub(
        r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", r"\1 ", text
    )  # label lists
    names = re.findall(r"(?<![\w.:])([A-Za-z_:][\w:]*)(?![\w:])(?!\s*\()", text)
    return {name for name in names if name.lower() not in PROMQL_WORDS}


def filled(expr: str) -> str:
    for variable, value in VARIABLES.items():
        expr = expr.replace(variable, value)
    return expr


@pytest.fixture
def promtool() -> str:
    found = shutil.which("promtool")
    if found is None:
        pytest.skip("promtool is missing: `make deps` installs it (packaging/dev-packages.txt)")
    return found


def test_metric_names_finds_selectors_not_functions_labels_or_keywords() -> None:
    expr = (
        'sum by (street) (increase(kiosk_sessions_total{job="kiosk"}[1d])\n'
        "* on (instance) group_left (street) kiosk_station_info) or vector(0) "
        'or 3 * (1 - up{job="kiosk", x=~"a|b"}) > 2 * 86400'
    )
    assert metric_names(expr) == {"kiosk_sessions_total", "kiosk_station_info", "up"}


def test_dashboard_is_importable_json_with_a_prometheus_input() -> None:
    board = dashboard()
    assert board["__inputs"] == [
        {
            "name": "DS_PROMETHEUS",
            "label": "Prometheus",
            "description": board["__inputs"][0]["description"],
            "type": "datasource",
            "pluginId": "prometheus",
            "pluginName": "Prometheus",
        }
    ]
    assert board["uid"] == "community-kiosk-fleet"
    assert board["timezone"] == "Asia/Shanghai"
    ids = [panel["id"] for panel in board["panels"]]
    assert len(ids) == len(set(ids))
    required = {entry["id"] for entry in board["__requires"] if entry["type"] == "panel"}
    for panel in board["panels"]:
        assert panel["datasource"] == DATASOURCE, panel["title"]
        assert panel["type"] in required, panel["title"]
        assert set(panel["gridPos"]) == {"x", "y", "w", "h"}
        assert panel["gridPos"]["x"] + panel["gridPos"]["w"] <= 24
        assert panel["targets"], panel["title"]
        for target in panel["targets"]:
            assert target["datasource"] == DATASOURCE
            assert target["expr"].strip()
    (street,) = board["templating"]["list"]
    assert street["datasource"] == DATASOURCE
    selector = re.fullmatch(r"label_values\((.*), street\)", street["definition"])
    assert selector is not None
    assert metric_names(selector[1]) == {"kiosk_station_info"}


def test_dashboard_map_places_terminals_by_their_coordinates_the_rest_by_street() -> None:
    panels = {panel["type"]: panel for panel in dashboard()["panels"]}
    geomap = panels["geomap"]
    (layer,) = geomap["options"]["layers"]
    assert layer["location"] == {"mode": "coords", "latitude": "latitude", "longitude": "longitude"}
    (query,) = geomap["targets"]
    assert query["format"] == "table"
    assert query["instant"] is True
    assert 'latitude!=""' in query["expr"]  # only terminals whose station file places them
    converted = geomap["transformations"][0]["options"]["conversions"]
    assert {c["targetField"]: c["destinationType"] for c in converted} == {
        "latitude": "number",
        "longitude": "number",
    }
    table = next(p for p in dashboard()["panels"] if p["title"].startswith("Terminals by street"))
    assert 'latitude!=""' not in table["targets"][0]["expr"]  # every terminal
    assert "{{street}}" in panels["state-timeline"]["targets"][0]["legendFormat"]


def test_dashboard_exprs_parse_as_promql(promtool: str, tmp_path: Path) -> None:
    rules = {
        "groups": [
            {
                "name": "dashboard",
                "rules": [
                    {"record": f"dashboard:expr_{n}", "expr": filled(expr)}
                    for n, expr in enumerate(exprs())
                ],
            }
        ]
    }
    path = tmp_path / "dashboard-rules.yml"
    path.write_text(yaml.safe_dump(rules, allow_unicode=True), encoding="utf-8")
    checked = subprocess.run(
        [promtool, "check", "rules", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert f"SUCCESS: {len(exprs())} rules found" in checked.stdout


def test_dashboard_terminal_state_ok_low_fault_and_not_scraped(
    promtool: str, tmp_path: Path
) -> None:
    """The state the map and the table colour: 0 OK, 1 paper low, 2 a fault or out of
    service, 3 not scraped (the terminal stays on the map with its last place)."""
    table = next(p for p in dashboard()["panels"] if p["title"].startswith("Terminals by street"))
    rules = {
        "groups": [
            {"name": "state", "rules": [{"record": "terminal:state", "expr": filled(
                table["targets"][0]["expr"])}]}
        ]
    }  # fmt: skip
    (tmp_path / "state.yml").write_text(yaml.safe_dump(rules), encoding="utf-8")

    def kiosk(
        instance: str, *, up: str, paper: str, state: str, service: str
    ) -> list[dict[str, str]]:
        where = f'instance="{instance}", job="kiosk"'
        place = 'district="西城区", street="月坛街道", community="白云观社区"'
        place += f', terminal_id="{instance}", latitude="", longitude=""'
        printer = f'{where}, device="printer"'
        return [
            {"series": f"up{{{where}}}", "values": up},
            {
                "series": f"kiosk_station_info{{{where}, {place}}}",
                "values": "1x3",
            },
            {
                "series": f'kiosk_device_paper{{{printer}, kiosk_device_paper="low"}}',
                "values": paper,
            },
            {
                "series": f'kiosk_device_state{{{printer}, kiosk_device_state="hardware_error"}}',
                "values": state,
            },
            {
                "series": f'kiosk_service_state{{{where}, kiosk_service_state="in_service"}}',
                "values": service,
            },
        ]

    series = [
        *kiosk("ok", up="1x10", paper="0x10", state="0x10", service="1x10"),
        *kiosk("low", up="1x10", paper="1x10", state="0x10", service="1x10"),
        *kiosk("fault", up="1x10", paper="0x10", state="1x10", service="1x10"),
        *kiosk("outofservice", up="1x10", paper="0x10", state="0x10", service="0x10"),
        *kiosk("gone", up="1 1 1 1 0x6", paper="0 0 0 0", state="0 0 0 0", service="1 1 1 1"),
    ]

    def expected(instance: str, value: int) -> dict[str, Any]:
        return {
            "labels": (
                f'terminal:state{{instance="{instance}", terminal_id="{instance}", '
                f'district="西城区", street="月坛街道", community="白云观社区"}}'
            ),
            "value": value,
        }

    tests = {
        "rule_files": ["state.yml"],
        "evaluation_interval": "1m",
        "tests": [
            {
                "interval": "1m",
                "input_series": series,
                "promql_expr_test": [
                    {
                        "expr": "terminal:state",
                        "eval_time": "8m",
                        "exp_samples": [
                            expected("ok", 0),
                            expected("low", 1),
                            expected("fault", 2),
                            expected("outofservice", 2),
                            expected("gone", 3),
                        ],
                    }
                ],
            }
        ],
    }
    (tmp_path / "state.test.yml").write_text(
        yaml.safe_dump(tests, allow_unicode=True), encoding="utf-8"
    )
    tested = subprocess.run(
        [promtool, "test", "rules", "state.test.yml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert tested.returncode == 0, tested.stdout + tested.stderr
