"""An interpreter for the ESC/POS subset the kiosk sends, and a renderer to paper (PNG).

Fed a byte stream in arbitrary chunks, it answers DLE EOT status queries at once and
collects each job (ESC @ … cut) as blocks: text lines with their alignment and size, QR
codes (GS ( k) and raster images (GS v 0). `render()` draws a job as it would come out of
a 203-dpi thermal printer, so tests and staff can look at a receipt and decode its QR.
Commands outside the subset are recorded in `Job.unknown` rather than silently skipped.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from devices.printer.layout import char_columns

LINE_DOTS = 32  # 24-dot font plus spacing
FONT_DOTS = 24


@dataclass(frozen=True)
class TextLine:
    text: str
    align: int  # 0 left, 1 centre, 2 right
    bold: bool
    width: int  # 1 or 2 (double width)
    height: int


@dataclass(frozen=True)
class QrCode:
    payload: bytes
    module: int
    align: int


@dataclass(frozen=True)
class Raster:
    width_bytes: int
    height: int
    data: bytes
    align: int


@dataclass(frozen=True)
class Feed:
    dots: int


Block = TextLine | QrCode | Raster | Feed


@dataclass
class Job:
    blocks: list[Block] = field(default_factory=list)
    cut: bool = False
    unknown: list[str] = field(default_factory=list)
    size: int = 0  # bytes received for this job

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks if isinstance(b, TextLine))

    @property
    def qr_payloads(self) -> list[str]:
        return [b.payload.decode("utf-8", "replace") for b in self.blocks if isinstance(b, QrCode)]


# Bytes after the command prefix, for fixed-length commands: {prefix: {second byte: count}}.
_FIXED = {
    0x1B: {b: 1 for b in b"aE-GMt{VRd!J3U"} | {ord("@"): 0, ord("2"): 0},
    0x1D: {b: 1 for b in b"!bBhwHfa"} | {ord("L"): 2, ord("W"): 2},
    0x1C: {ord("&"): 0, ord("."): 0, ord("!"): 1, ord("C"): 1, ord("W"): 1},
}


class Interpreter:
    """Feed bytes; finished jobs accumulate in `jobs`; `feed` returns the status replies."""

    def __init__(self, encoding: str, status: Callable[[int], int]) -> None:
        self.encoding = encoding
        self.status = status
        self.jobs: list[Job] = []
        self.job = Job()
        self._buffer = bytearray()
        self._text = bytearray()
        self._reset_style()
        self._qr_module = 3
        self._qr_data = b""

    def _reset_style(self) -> None:
        self.align, self.bold, self.width, self.height = 0, False, 1, 1
        self.chinese = False

    def feed(self, data: bytes) -> bytes:
        self._buffer += data
        self.job.size += len(data)
        replies = bytearray()
        while self._buffer:
            used = self._step(replies)
            if used == 0:
                break  # an incomplete command: wait for more bytes
            del self._buffer[:used]
        return bytes(replies)

    def discard(self, data: bytes) -> None:
        """Bytes the printer swallowed without printing (paper out)."""
        self.job.size += len(data)

    def _step(self, replies: bytearray) -> int:
        """Consume one command or byte; 0 when the command is not complete yet."""
        buf = self._buffer
        first = buf[0]
        if first == 0x10:
            return self._realtime(replies)
        if first in _FIXED:
            return self._prefixed() if len(buf) >= 2 else 0
        if first == 0x0A:
            self._line()
        elif first >= 0x20:
            self._text.append(first)
        return 1

    def _realtime(self, replies: bytearray) -> int:
        buf = self._buffer
        if len(buf) < 3:
            return 0
        if buf[1] == 0x04:
            replies.append(self.status(buf[2]))
        else:
            self.job.unknown.append(bytes(buf[:3]).hex(" "))
        return 3

    def _prefixed(self) -> int:
        buf = self._buffer
        first, second = buf[0], buf[1]
        if first == 0x1D and second == ord("V"):
            return self._cut_command()
        if first == 0x1D and second == ord("("):
            return self._extended()
        if first == 0x1D and second == ord("v"):
            return self._raster()
        count = _FIXED[first].get(second)
        if count is None:
            self.job.unknown.append(bytes(buf[:2]).hex(" "))
            return 2
        if len(buf) < 2 + count:
            return 0
        self._command(first, second, bytes(buf[2 : 2 + count]))
        return 2 + count

    def _command(self, prefix: int, code: int, args: bytes) -> None:
        name = chr(code)
        value = args[0] if args else 0
        if prefix == 0x1B:
            if name == "@":
                self._flush_text()
                if self.job.blocks:
                    self._finish(cut=False)
                self._reset_style()
            elif name == "a":
                self.align = value % 48 if value >= 48 else value
            elif name == "E":
                self.bold = bool(value & 1)
            elif name == "!":
                self.bold = bool(value & 0x08)
                self.height = 2 if value & 0x10 else 1
                self.width = 2 if value & 0x20 else 1
            elif name == "d":
                self._flush_text()
                self.job.blocks.append(Feed(value * LINE_DOTS))
            elif name == "J":
                self.job.blocks.append(Feed(value))
        elif prefix == 0x1D and name == "!":
            self.width = (value >> 4) + 1
            self.height = (value & 0x0F) + 1
        elif prefix == 0x1C and name == "&":
            self.chinese = True
        elif prefix == 0x1C and name == ".":
            self.chinese = False

    def _cut_command(self) -> int:
        buf = self._buffer
        size = 4 if len(buf) > 2 and buf[2] in (65, 66) else 3  # GS V m [n]
        if len(buf) < size:
            return 0
        self._cut()
        return size

    def _extended(self) -> int:
        buf = self._buffer
        if len(buf) < 5:
            return 0
        size = 5 + buf[3] + buf[4] * 256
        if len(buf) < size:
            return 0
        if buf[2] != ord("k") or buf[5] != 0x31:
            self.job.unknown.append(bytes(buf[:3]).hex(" "))
            return size
        function, body = buf[6], bytes(buf[7:size])
        if function == 0x43:
            self._qr_module = body[0]
        elif function == 0x50:
            self._qr_data = body[1:]
        elif function == 0x51:
            self._flush_text()
            self.job.blocks.append(QrCode(self._qr_data, self._qr_module, self.align))
        return size

    def _raster(self) -> int:
        buf = self._buffer
        if len(buf) < 8:
            return 0
        width_bytes = buf[4] + buf[5] * 256
        height = buf[6] + buf[7] * 256
        size = 8 + width_bytes * height
        if len(buf) < size:
            return 0
        self._flush_text()
        self.job.blocks.append(Raster(width_bytes, height, bytes(buf[8:size]), self.align))
        return size

    def _line(self) -> None:
        text = self._decode(bytes(self._text))
        self._text.clear()
        self.job.blocks.append(TextLine(text, self.align, self.bold, self.width, self.height))

    def _flush_text(self) -> None:
        if self._text:
            self._line()

    def _decode(self, data: bytes) -> str:
        if self.chinese:
            return data.decode(self.encoding, errors="replace")
        return data.decode("cp437")  # what a printer without Chinese mode prints: mojibake

    def _cut(self) -> None:
        self._flush_text()
        self._finish(cut=True)

    def _finish(self, cut: bool) -> None:
        self.job.cut = cut
        self.jobs.append(self.job)
        self.job = Job()


def render(job: Job, dots: int) -> bytes:
    """The job as a PNG: `dots` wide (384 for 58 mm, 576 for 80 mm paper) at 203 dpi."""
    from PIL import Image, ImageDraw

    strips: list[Any] = []
    for block in job.blocks:
        if isinstance(block, TextLine):
            strips.append(_text_strip(block, dots))
        elif isinstance(block, QrCode):
            strips.append(_qr_strip(block, dots))
        elif isinstance(block, Raster):
            strips.append(_raster_strip(block, dots))
        else:
            strips.append(Image.new("L", (dots, max(1, block.dots)), 255))
    height = sum(s.height for s in strips) + 2 * LINE_DOTS
    paper = Image.new("L", (dots, height), 255)
    y = LINE_DOTS
    for strip in strips:
        paper.paste(strip, (0, y))
        y += strip.height
    if job.cut:
        ImageDraw.Draw(paper).line([(0, height - 1), (dots, height - 1)], fill=128)
    out = io.BytesIO()
    paper.save(out, format="PNG", dpi=(203, 203))
    return out.getvalue()


def _font(size: int, bold: bool) -> Any:
    import glob

    from PIL import ImageFont

    weight = "Bold" if bold else "Regular"
    for path in glob.glob(f"/usr/share/fonts/**/NotoSansCJK-{weight}.ttc", recursive=True):
        return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def _place(width: int, dots: int, align: int) -> int:
    return {1: (dots - width) // 2, 2: dots - width}.get(align, 0)


def _text_strip(line: TextLine, dots: int) -> Any:
    """Characters in fixed cells like a printer's font A: 12 dots half width, 24 full."""
    from PIL import Image, ImageDraw

    height = LINE_DOTS * line.height
    font = _font(FONT_DOTS * line.height, line.bold)
    cells = [(char, 12 * char_columns(char) * line.width) for char in line.text]
    glyphs = Image.new("L", (max(1, sum(width for _, width in cells)), height), 255)
    draw = ImageDraw.Draw(glyphs)
    x = 0
    for char, width in cells:
        if width:
            draw.text((x + width / 2, height - 4), char, font=font, fill=0, anchor="ms")
        x += width
    strip = Image.new("L", (dots, height), 255)
    strip.paste(
        glyphs.crop((0, 0, min(glyphs.width, dots), height)),
        (_place(min(glyphs.width, dots), dots, line.align), 0),
    )
    return strip


def _qr_strip(block: QrCode, dots: int) -> Any:
    import qrcode
    from PIL import Image

    code = qrcode.QRCode(border=0, box_size=max(1, block.module))
    code.add_data(block.payload)
    image = code.make_image().get_image().convert("L")
    pad = 4 * block.module
    strip = Image.new("L", (dots, image.height + 2 * pad), 255)
    strip.paste(image, (_place(image.width, dots, block.align), pad))
    return strip


def _raster_strip(block: Raster, dots: int) -> Any:
    from PIL import Image

    bitmap = Image.frombytes("1", (block.width_bytes * 8, block.height), block.data)
    bitmap = Image.eval(bitmap.convert("L"), lambda v: 255 - v)  # 1 = black dot on paper
    strip = Image.new("L", (dots, block.height), 255)
    strip.paste(bitmap, (_place(bitmap.width, dots, block.align), 0))
    return strip
