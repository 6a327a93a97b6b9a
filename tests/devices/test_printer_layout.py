"""Receipt layout: golden bytes, wrapping by display width, QR modes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devices.printer.layout import (
    PrinterProfile,
    Receipt,
    receipt_bytes,
    text_columns,
    wrap,
)

GOLDEN_58 = (
    b"\x1b@\x1c&"  # init, enter Chinese mode
    b"\x1b!\x00\x1b!\x00\x1b!0\x1bE\x01\x1ba\x01"  # double size, bold, centred
    + "回执".encode("gb18030")
    + b"\n\x1b!\x00\x1b!\x00\x1b!\x00\x1bE\x00\x1ba\x00"  # normal, left
    + b"-" * 32
    + b"\n"
    + "好".encode("gb18030")
    + b"\n"
    + b"-" * 32
    + b"\n\x1ba\x01"
    b"\x1d(k\x04\x001A2\x00\x1d(k\x03\x001C\x06\x1d(k\x03\x001E0"  # QR model 2, 6 dots, M
    b"\x1d(k\x05\x001P0Q1\x1d(k\x03\x001Q0"  # store "Q1", print
    b"\n\x1ba\x00\x1c.\x1bd\x06\x1dV\x00"  # leave Chinese mode, feed, cut
)


def test_receipt_bytes_58mm_native_qr_golden() -> None:
    receipt = Receipt(title="回执", lines=("好",), qr="Q1")
    assert receipt_bytes(receipt, PrinterProfile(paper_mm=58)) == GOLDEN_58


def test_receipt_bytes_without_chinese_mode_sends_no_fs() -> None:
    job = receipt_bytes(Receipt(title="回执"), PrinterProfile(chinese_mode=False))
    assert b"\x1c&" not in job
    assert "回执".encode("gb18030") in job


def test_receipt_bytes_utf8_profile_encodes_utf8() -> None:
    job = receipt_bytes(Receipt(title="回执"), PrinterProfile(encoding="utf-8"))
    assert "回执".encode() in job


def test_receipt_bytes_raster_qr_is_gs_v_0_and_larger() -> None:
    receipt = Receipt(title="回执", qr="https://zwfw.example/progress/XC202611260001")
    native = receipt_bytes(receipt, PrinterProfile())
    raster = receipt_bytes(receipt, PrinterProfile(native_qr=False))
    assert b"\x1dv0" in raster
    assert b"\x1d(k" not in raster
    assert len(raster) > 5 * len(native)


def test_pairs_wrap_with_hanging_indent_under_the_value() -> None:
    receipt = Receipt(title="t", pairs=(("事项", "城乡居民基本医疗保险参保登记"),))
    job = receipt_bytes(receipt, PrinterProfile(paper_mm=58, chinese_mode=False, encoding="utf-8"))
    lines = job.decode("utf-8", "replace").split("\n")
    assert lines[2].endswith("事项：城乡居民基本医疗保险参保登")  # 32 columns exactly
    assert lines[3] == "      记"


def test_wrap_counts_cjk_as_two_columns() -> None:
    assert wrap("一二三四五", 4) == ["一二", "三四", "五"]
    assert wrap("ab一二", 5) == ["ab一", "二"]


def test_wrap_keeps_latin_words_whole_and_splits_overlong_ones() -> None:
    assert wrap("hello world", 8) == ["hello", "world"]
    assert wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"]


def test_wrap_indent_must_leave_room() -> None:
    with pytest.raises(ValueError, match="indent"):
        wrap("x", 4, indent=4)


def test_profile_rejects_unknown_paper_and_encoding() -> None:
    with pytest.raises(ValueError, match="58 or 80"):
        PrinterProfile(paper_mm=76)
    with pytest.raises(ValueError, match="encoding"):
        PrinterProfile(encoding="big5")


@given(st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=80), st.integers(3, 48))
def test_wrap_never_exceeds_width_and_loses_no_characters(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(text_columns(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "").replace("\n", "")


def test_wrap_never_starts_a_line_with_closing_punctuation() -> None:
    assert wrap("一二三，四", 6) == ["一二", "三，四"]


def test_bullet_lines_hang_under_their_text() -> None:
    receipt = Receipt(title="t", lines=("□ 居民身份证原件及复印件各一份正反面",))
    job = receipt_bytes(receipt, PrinterProfile(paper_mm=58, chinese_mode=False, encoding="utf-8"))
    lines = job.decode("utf-8", "replace").split("\n")
    assert lines[2] == "□ 居民身份证原件及复印件各一份"  # 3 + 14 × 2 = 31 of 32 columns
    assert lines[3] == "   正反面"


def test_unbroken_pair_moves_a_long_number_whole_to_its_own_line() -> None:
    number = "XC-YT-BYG-0001-20261126-0007"  # label 12 + 28 columns: more than 32
    receipt = Receipt(
        title="t", pairs=(("受理回执号", number),), unbroken=frozenset({"受理回执号"})
    )
    job = receipt_bytes(receipt, PrinterProfile(paper_mm=58, chinese_mode=False, encoding="utf-8"))
    lines = job.decode("utf-8", "replace").split("\n")
    assert lines[2].endswith("受理回执号：")
    assert lines[3] == "  " + number


def test_unbroken_pair_that_fits_stays_on_one_line() -> None:
    receipt = Receipt(
        title="t", pairs=(("办件编号", "XC2026112600017"),), unbroken=frozenset({"办件编号"})
    )
    job = receipt_bytes(receipt, PrinterProfile(paper_mm=58, chinese_mode=False, encoding="utf-8"))
    assert job.decode("utf-8", "replace").split("\n")[2].endswith("办件编号：XC2026112600017")


def escpos_dummy_in_new_process(**environment: str) -> str:
    """Import python-escpos through `import_escpos` in a fresh interpreter, with
    `environment` over this one's; its Dummy printer's name, or the failure."""
    env = dict(os.environ, **environment)
    env.pop("ESCPOS_CAPABILITIES_PICKLE_DIR", None)
    code = "from devices.printer.layout import import_escpos; print(import_escpos().Dummy.__name__)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_import_escpos_keeps_its_cache_in_our_folder_not_a_new_temporary_one(
    tmp_path: Path,
) -> None:
    """python-escpos alone writes its cache into a new temporary folder at each import;
    ours puts it in the kiosk's cache folder, where the next start reads it."""
    (tmp_path / "tmp").mkdir()
    written: list[int] = []
    for _ in range(2):  # the second start reads the cache the first one wrote
        dummy = escpos_dummy_in_new_process(
            XDG_CACHE_HOME=str(tmp_path / "cache"), TMPDIR=str(tmp_path / "tmp")
        )
        assert dummy == "Dummy"
        caches = list((tmp_path / "cache" / "community-kiosk").glob("escpos-*/*.pickle"))
        assert len(caches) == 1
        written.append(caches[0].stat().st_mtime_ns)
    assert written[0] == written[1]  # read, not written again
    # python-escpos still makes an empty temporary folder at each import; none holds a cache.
    assert not list((tmp_path / "tmp").glob("*/*"))
    caches = list((tmp_path / "cache" / "community-kiosk").glob("escpos-*/*.capabilities.pickle"))
    assert len(caches) == 1
    assert caches[0].parent.stat().st_mode & 0o777 == 0o700


def test_import_escpos_without_a_writable_cache_folder_still_works(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go", encoding="utf-8")
    assert escpos_dummy_in_new_process(XDG_CACHE_HOME=str(blocked)) == "Dummy"
