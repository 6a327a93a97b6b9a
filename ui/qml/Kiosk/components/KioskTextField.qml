import QtQuick
import QtQuick.Controls.Basic
import Kiosk

// The one text field of the kiosk. Residents type personal data here, so: the pinyin
// engine must not learn it (ImhSensitiveData switches off its user dictionary), there is no
// context menu, no copy/paste and no drag selection.
TextField {
    id: field

    readonly property bool touchTarget: true

    implicitHeight: Theme.touchMin
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody
    color: Theme.text
    placeholderTextColor: Theme.mutedText
    inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoAutoUppercase
    selectByMouse: false
    persistentSelection: false
    ContextMenu.menu: null
    leftPadding: Theme.spacing
    rightPadding: Theme.spacing
    Accessible.name: placeholderText

    background: Rectangle {
        radius: Theme.radius / 2
        color: Theme.surface
        border.color: field.activeFocus ? Theme.accent : Theme.border
        border.width: field.activeFocus ? Theme.borderWidth * 2 : Theme.borderWidth
    }
}
