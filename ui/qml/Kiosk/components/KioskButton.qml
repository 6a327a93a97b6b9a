import QtQuick
import QtQuick.Controls.Basic
import Kiosk

// The one button of the kiosk: large, high-contrast, never smaller than Theme.touchMin.
Button {
    id: control

    readonly property bool touchTarget: true
    property bool primary: false
    property int fontSize: Theme.fontBody
    // Never narrower than this; a full bar may ask for less, never below Theme.touchMin.
    property int minimumWidth: Math.round(Theme.touchMin * 1.5)

    implicitHeight: Theme.touchMin
    implicitWidth: Math.max(minimumWidth, label.implicitWidth + 2 * Theme.spacing)
    focusPolicy: Qt.NoFocus
    Accessible.name: text

    contentItem: KioskText {
        id: label
        text: control.text
        font.family: Theme.fontFamily
        font.pixelSize: control.fontSize
        font.bold: control.primary
        color: !control.enabled ? Theme.disabled
               : control.primary || control.checked ? Theme.accentText : Theme.text
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }

    background: Rectangle {
        radius: Theme.radius
        color: control.primary || control.checked ? Theme.accent : Theme.surface
        border.color: control.enabled ? (control.primary ? Theme.accent : Theme.border) : Theme.disabled
        border.width: Theme.borderWidth
        opacity: control.down ? 0.7 : 1.0
    }
}
