import QtQuick
import Kiosk

// Plain body text that wraps to its column.
KioskText {
    width: parent ? parent.width : 0
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody
    color: Theme.text
    wrapMode: Text.Wrap
    lineHeight: 1.15
}
