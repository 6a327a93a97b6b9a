"""Captured pages for QML's `image://pages/<material>/<page>/<serial>` URLs, from memory only.

The image provider runs on QML's image-loader thread while the GUI thread changes and wipes
the pages: it reads only `PageShelf.pages`, an immutable snapshot the application's view
model replaces as a whole.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QSize, Qt
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtQuick import QQuickImageProvider

Pages = tuple[tuple[str, tuple[bytes, ...]], ...]


class PageShelf:
    """The captured pages as the image provider sees them: one immutable snapshot,
    replaced as a whole on the GUI thread and read as a whole on QML's image-loader thread
    (one attribute read: no lock, no half-wiped state)."""

    def __init__(self) -> None:
        self.pages: Pages = ()

    def jpeg(self, material_index: int, page_index: int) -> bytes:
        """JPEG of a page (b"" when there is none, or no more)."""
        pages = self.pages  # one read: the snapshot cannot change under us
        if 0 <= material_index < len(pages):
            jpegs = pages[material_index][1]
            if 0 <= page_index < len(jpegs):
                return jpegs[page_index]
        return b""


class PageImageProvider(QQuickImageProvider):
    """`image://pages/<material>/<page>/<serial>`: captured pages, from memory only.

    Runs on QML's image-loader thread: it reads only the shelf's immutable snapshot."""

    def __init__(self, shelf: PageShelf) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)
        self._shelf = shelf

    def requestImage(self, id: str, size: QSize, requested: QSize) -> QImage:
        """Decoded straight at the thumbnail's size (JPEG scales while decoding), on QML's
        image loader thread: the Image asks asynchronously."""
        parts = id.split("/")
        jpeg = b""
        if len(parts) >= 2 and parts[0].isdigit() and parts[1].isdigit():
            jpeg = self._shelf.jpeg(int(parts[0]), int(parts[1]))
        image = _decoded(jpeg, requested) if jpeg else QImage()
        if image.isNull():  # gone (wiped, removed) or unreadable
            image = QImage(4, 4, QImage.Format.Format_RGB32)
            image.fill(0xFFFFFF)
        size.setWidth(image.width())
        size.setHeight(image.height())
        return image


def _decoded(jpeg: bytes, requested: QSize) -> QImage:
    buffer = QBuffer()
    buffer.setData(QByteArray(jpeg))
    reader = QImageReader(buffer, b"JPEG")
    full = reader.size()
    if full.isValid() and (requested.width() > 0 or requested.height() > 0):
        reader.setScaledSize(
            full.scaled(
                requested.width() or full.width(),
                requested.height() or full.height(),
                Qt.AspectRatioMode.KeepAspectRatio,
            )
        )
    return reader.read()
