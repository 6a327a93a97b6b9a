import QtQuick
import Kiosk

// A small coloured label: "可在线办理", "不用跑" …
Rectangle {
    id: badge

    property alias text: label.text
    property bool strong: false

    implicitWidth: label.implicitWidth + Theme.spacing
    implicitHeight: label.implicitHeight + Theme.spacing / 3
    radius: height / 2
    color: strong ? Theme.accent : "transparent"
    border.color: Theme.accent
    border.width: Theme.borderWidth

    KioskText {
        id: label
        anchors.centerIn: parent
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        color: badge.strong ? Theme.accentText : Theme.accent
    }
}
