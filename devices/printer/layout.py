"""A receipt as data, and the pure function that turns it into ESC/POS bytes.

Commands come from python-escpos's `Dummy` printer (alignment, emphasis, QR, raster
images, cut); the text itself is encoded here, because python-escpos 3.1 neither sends
`FS &` nor knows a Chinese code page (docs/domain.md §6). Text wraps by display width: on a
Chinese printer every character that takes more than one byte prints two columns wide.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

ENTER_CHINESE = b"\x1c\x26"  # FS &
LEAVE_CHINESE = b"\x1c\x2e"  # FS .
ENCODINGS = ("gb18030", "gbk", "utf-8")
NO_LINE_START = frozenset("，。、；：？！）】」』》〉”’,.;:?!)]}…")
BULLETS = ("□ ", "· ", "- ")
FONT_A = b"\x1bM\x00"  # ESC M 0: 12 × 24 dots
FONT_B = b"\x1bM\x01"  # ESC M 1: 9 × 17 dots, for a number too long for font A


@dataclass(frozen=True)
class PrinterProfile:
    """What the printer takes: paper width, text encoding, and whether it draws QR codes itself."""

    paper_mm: int = 80
    encoding: str = "gb18030"
    chinese_mode: bool = True  # send FS & before text
    native_qr: bool = True  # GS ( k; otherwise a raster image (GS v 0)

    def __post_init__(self) -> None:
        if self.paper_mm not in (58, 80):
            raise ValueError(f"paper width must be 58 or 80 mm, not {self.paper_mm}")
        if self.encoding not in ENCODINGS:
            raise ValueError(f"encoding must be one of {', '.join(ENCODINGS)}")

    @property
    def dots(self) -> int:
        """Printable width in dots at 203 dpi."""
        return 384 if self.paper_mm == 58 else 576

    @property
    def columns(self) -> int:
        """Half-width characters per line in font A (12 × 24 dots)."""
        return self.dots // 12

    @property
    def narrow_columns(self) -> int:
        """Half-width characters per line in font B (9 × 17 dots)."""
        return self.dots // 9


@dataclass(frozen=True)
class Receipt:
    """What a receipt says, before it is laid out for a printer's paper width."""

    title: str
    lines: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    qr: str = field(default="", repr=False)  # QR payload, "" for none (may hold a token)
    qr_caption: str = ""
    footer: tuple[str, ...] = field(default=())
    # Keys of pairs whose value never breaks over two lines: numbers a resident reads out
    # or types (a receipt number broken in two is read as two numbers).
    unbroken: frozenset[str] = frozenset()


def char_columns(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    if ord(char) < 0x80:
        return 1
    if unicodedata.east_asian_width(char) == "H":  # half-width katakana and the like
        return 1
    return 2


def text_columns(text: str) -> int:
    return sum(char_columns(c) for c in text)


def wrap(text: str, width: int, indent: int = 0) -> list[str]:
    """Break `text` into lines of at most `width` columns; continuation lines get `indent`.

    Latin words are kept whole where they fit; CJK text breaks between any two characters,
    except that closing punctuation never starts a line (the previous character moves down
    with it, as Chinese typesetting does). Explicit newlines are kept.
    """
    if width <= indent:
        raise ValueError("wrap width must exceed the indent")
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in _tokens(paragraph):
            for piece in _pieces(word, width - indent):
                if text_columns(line + piece) > width and line.strip(" "):
                    carry = ""
                    room = width - indent - text_columns(piece)
                    if (
                        piece in NO_LINE_START
                        and len(line.strip(" ")) > 1
                        and text_columns(line[-1]) <= room
                    ):
                        line, carry = line[:-1], line[-1]
                    lines.append(line.rstrip(" "))
                    line = " " * indent + carry
                    if piece == " ":
                        continue
                line += piece
        lines.append(line.rstrip(" "))
    return lines


def _pieces(word: str, room: int) -> list[str]:
    """A word longer than a whole line, cut into line-sized pieces."""
    pieces, piece = [], ""
    for char in word:
        if piece and text_columns(piece + char) > room:
            pieces.append(piece)
            piece = ""
        piece += char
    return [*pieces, piece] if piece else pieces


def _tokens(text: str) -> Iterator[str]:
    """Latin words, single spaces and single wide characters."""
    word = ""
    for char in text:
        if char_columns(char) == 1 and char != " ":
            word += char
            continue
        if word:
            yield word
            word = ""
        yield char
    if word:
        yield word


def encode_text(text: str, profile: PrinterProfile) -> bytes:
    """Text as the printer's bytes; characters the code page lacks become '?'."""
    return text.encode(profile.encoding, errors="replace")


def import_escpos() -> ModuleType:
    """python-escpos's printer module, imported with its capabilities cache in a folder of
    ours. Left to itself, each import writes the cache into a new temporary folder (one
    more in /tmp at every kiosk start, never read again) after parsing the capabilities
    file anew (~150 ms). The folder is named after the library's version, so an upgrade
    never reads an old cache. (python-escpos 3.1 still makes an empty temporary folder at
    each import: its default is evaluated even when the setting is given.)
    Lazy: python-escpos imports PIL, YAML and more."""
    from importlib.metadata import version

    import platformdirs

    if "ESCPOS_CAPABILITIES_PICKLE_DIR" not in os.environ:
        cache = Path(platformdirs.user_cache_dir("community-kiosk"))
        folder = cache / f"escpos-{version('python-escpos')}"
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError:
            pass  # no cache of ours (a read-only home): the library's own way, printing works
        else:
            os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"] = str(folder)
    import escpos.printer  # noqa: F401

    return sys.modules["escpos.printer"]


def receipt_bytes(receipt: Receipt, profile: PrinterProfile) -> bytes:
    """The whole job: init, Chinese mode, title, body, QR, footer, feed and cut."""
    out = import_escpos().Dummy()
    out.profile.profile_data["media"]["width"]["pixels"] = profile.dots  # bounds images
    columns = profile.columns

    def text(lines: list[str]) -> None:
        for line in lines:
            out._raw(encode_text(line + "\n", profile))

    out._raw(b"\x1b@")
    if profile.chinese_mode:
        out._raw(ENTER_CHINESE)
    out.set(align="center", bold=True, double_height=True, double_width=True)
    text(wrap(receipt.title, columns // 2))
    out.set(align="left", bold=False, normal_textsize=True)
    text(["-" * columns])
    for line in receipt.lines:
        bullet = line.startswith(BULLETS)  # continuation lines align under the text
        text(wrap(line, columns, indent=text_columns(line[:2]) if bullet else 0))
    for key, value in receipt.pairs:
        if key in receipt.unbroken:
            _unbroken_pair(out._raw, key, value, profile)
        else:
            text(_pair(key, value, columns))
    if receipt.qr:
        text(["-" * columns])
        out.set(align="center")
        if profile.native_qr:
            out.qr(receipt.qr, native=True, size=6)
        else:
            out.image(_qr_image(receipt.qr), impl="bitImageRaster")
        text(wrap(receipt.qr_caption, columns))
        out.set(align="left")
    if receipt.footer:
        text(["-" * columns])
        for line in receipt.footer:
            text(wrap(line, columns))
    if profile.chinese_mode:
        out._raw(LEAVE_CHINESE)
    out.cut()
    return bytes(out.output)


def _pair(key: str, value: str, columns: int) -> list[str]:
    """ "key：value", the value's continuation lines aligned under its first character."""
    label = f"{key}："
    if text_columns(label) > columns // 2:  # a long label gets a line of its own
        return [*wrap(label, columns), *wrap("  " + value, columns, indent=2)]
    return wrap(label + value, columns, indent=text_columns(label))


def _unbroken_pair(
    raw: Callable[[bytes], None], key: str, value: str, profile: PrinterProfile
) -> None:
    """ "key：value" on one line if it fits; else the value whole on the next line, in the
    narrow font if even a line of its own is too short for it."""
    columns, label = profile.columns, f"{key}："
    if text_columns(label + value) <= columns:
        raw(encode_text(label + value + "\n", profile))
        return
    for line in wrap(label, columns):
        raw(encode_text(line + "\n", profile))
    if text_columns(value) <= columns:
        indent = " " * min(2, columns - text_columns(value))
        raw(encode_text(indent + value + "\n", profile))
        return
    raw(FONT_B + encode_text(value + "\n", profile) + FONT_A)


def test_page(profile: PrinterProfile) -> Receipt:
    """What `kiosk devices print-test` and the staff panel print: Chinese, wrapping, a QR."""
    return Receipt(
        title="打印测试 Print test",
        lines=(
            "中文打印正常。这一行很长，用来检查是否按显示宽度自动换行，中文占两格，ASCII 占一格。",
        ),
        pairs=(
            ("纸宽", f"{profile.paper_mm} mm / {profile.columns} 列"),
            ("编码", profile.encoding),
            ("二维码", "打印机指令" if profile.native_qr else "图像"),
        ),
        qr="https://zwfw.example/print-test",
        qr_caption="扫码检查二维码",
        footer=("示例 Sample",),
    )


def _qr_image(payload: str) -> object:
    """The raster fallback: 6 dots a module, like the native size we ask for."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=6, border=2)
    code.add_data(payload)
    return code.make_image().get_image()
