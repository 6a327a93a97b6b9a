"""QR codes for QML: `image://qr/<percent-encoded text>`, drawn crisp at the requested size."""

from __future__ import annotations

from urllib.parse import unquote

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtQuick import QQuickImageProvider


def qr_matrix(text: str) -> list[list[bool]]:
    """Modules of the QR code for `text`, quiet zone included."""
    import qrcode  # on first use: it pulls in Pillow, which start-up does not need

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(text)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


def qr_image(text: str, side: int) -> QImage:
    matrix = qr_matrix(text)
    modules = len(matrix)
    scale = max(1, side // modules)
    image = QImage(modules * scale, modules * scale, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    black = QColor("black")
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(x * scale, y * scale, scale, scale, black)
    painter.end()
    return image


class QrImageProvider(QQuickImageProvider):
    def __init__(self) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)

    def requestImage(self, id: str, size: QSize, requested: QSize) -> QImage:
        side = max(requested.width(), requested.height(), 200)
        image = qr_image(unquote(id), side)
        size.setWidth(image.width())
        size.setHeight(image.height())
        return image
