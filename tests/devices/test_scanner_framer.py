"""Scanner framing (devices/scanner/framer.py): suffix, prefix, encoding, limits, pauses."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devices.scanner.framer import UNREADABLE, BadScan, FramerSettings, Scan, ScanFramer


def framer(**settings: object) -> ScanFramer:
    return ScanFramer(FramerSettings(**settings))  # type: ignore[arg-type]


def test_feed_code_with_cr_suffix_yields_scan() -> None:
    assert framer().feed(b"XC202611260001\r", 0.0) == [Scan("XC202611260001")]


def test_feed_two_codes_in_one_chunk_yields_both() -> None:
    assert framer(suffix="LF").feed(b"A1\nB2\n", 0.0) == [Scan("A1"), Scan("B2")]


def test_feed_crlf_split_across_chunks_is_one_code() -> None:
    scanner = framer(suffix="CRLF")
    assert scanner.feed(b"A1\r", 0.0) == []
    assert scanner.feed(b"\n", 0.01) == [Scan("A1")]


def test_feed_gb18030_chinese_code_decodes() -> None:
    data = "西城区办件".encode("gb18030") + b"\r"
    assert framer(encoding="gb18030").feed(data, 0.0) == [Scan("西城区办件")]


def test_feed_gb18030_bytes_under_utf8_setting_refused() -> None:
    (result,) = framer().feed("西城".encode("gb18030") + b"\r", 0.0)
    assert isinstance(result, BadScan)
    assert result.reason == "encoding"


def test_feed_prefix_is_stripped_and_required() -> None:
    scanner = framer(prefix="]Q")
    assert scanner.feed(b"]QABC\r", 0.0) == [Scan("ABC")]
    (result,) = scanner.feed(b"ABC\r", 0.1)
    assert isinstance(result, BadScan)
    assert result.reason == "prefix"


def test_feed_control_characters_refused() -> None:
    (result,) = framer().feed(b"AB\x1bC\r", 0.0)
    assert isinstance(result, BadScan)
    assert result.reason == "control"


def test_feed_overlong_code_refused_and_next_code_fine() -> None:
    scanner = framer(max_length=8)
    results = scanner.feed(b"X" * 100 + b"\r" + b"OK\r", 0.0)
    assert [r.reason if isinstance(r, BadScan) else r for r in results] == ["too_long", Scan("OK")]


def test_feed_pause_mid_code_drops_fragment() -> None:
    scanner = framer(inter_char_timeout_s=0.2)
    assert scanner.feed(b"XC2026", 0.0) == []
    results = scanner.feed(b"ABC\r", 0.5)
    assert isinstance(results[0], BadScan)
    assert results[0].reason == "incomplete"
    assert results[1:] == [Scan("ABC")]


def test_expire_reports_a_hanging_fragment_once() -> None:
    scanner = framer()
    scanner.feed(b"XC", 0.0)
    assert scanner.expire(0.1) == []
    assert len(scanner.expire(1.0)) == 1
    assert scanner.expire(2.0) == []


def test_bad_scan_message_says_unreadable_and_detail_has_no_code() -> None:
    (result,) = framer(max_length=3).feed(b"SECRET\r", 0.0)
    assert isinstance(result, BadScan)
    assert result.message == UNREADABLE
    assert "SECRET" not in result.detail


@pytest.mark.parametrize("setting", [{"suffix": "TAB"}, {"encoding": "latin-1"}, {"max_length": 0}])
def test_settings_reject_bad_values(setting: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="scanner"):
        FramerSettings(**setting)  # type: ignore[arg-type]


@given(st.lists(st.binary(max_size=40), max_size=10), st.sampled_from(["CR", "LF", "CRLF"]))
def test_feed_arbitrary_chunks_only_yields_scans_or_bad_scans(
    chunks: list[bytes], suffix: str
) -> None:
    scanner = framer(suffix=suffix, max_length=16, encoding="gb18030")
    for index, chunk in enumerate(chunks):
        for result in scanner.feed(chunk, index * 0.05):
            assert isinstance(result, Scan | BadScan)
            if isinstance(result, Scan):
                assert 0 < len(result.text) <= 16


@given(st.text(st.characters(exclude_categories=("Cc", "Cf", "Cs")), min_size=1, max_size=30))
def test_feed_any_printable_text_round_trips(text: str) -> None:
    assert framer(encoding="gb18030").feed(text.encode("gb18030") + b"\r", 0.0) == [Scan(text)]
