import QtQuick
import QtQuick.Controls.Basic
import Kiosk

// A large choice with a title and a line below it (a place and its address, a day and how
// many times are free); a choice that cannot be taken is greyed and says why.
AbstractButton {
    id: choice

    readonly property bool touchTarget: true
    property string title
    property string detail
    property bool strong: false  // the recommended choice (this terminal's own street)

    implicitHeight: Math.max(Theme.touchMin, column.implicitHeight + Theme.spacing)
    focusPolicy: Qt.NoFocus
    Accessible.role: Accessible.Button
    Accessible.name: detail !== "" ? title + ", " + detail : title

    background: Rectangle {
        radius: Theme.radius
        color: choice.enabled ? Theme.surface : Theme.background
        border.color: !choice.enabled ? Theme.disabled : choice.strong ? Theme.accent : Theme.border
        border.width: choice.strong ? 2 * Theme.borderWidth : Theme.borderWidth
        opacity: choice.down ? 0.7 : 1.0
    }

    contentItem: Item {
        Column {
            id: column
            anchors.verticalCenter: parent.verticalCenter
            x: Theme.spacing / 2
            width: parent.width - Theme.spacing
            spacing: 4
            KioskText {
                width: parent.width
                text: choice.title
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: choice.enabled ? Theme.text : Theme.disabled
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
            }
            KioskText {
                width: parent.width
                visible: choice.detail !== ""
                text: choice.detail
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                color: choice.enabled ? Theme.mutedText : Theme.disabled
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
            }
        }
    }
}
