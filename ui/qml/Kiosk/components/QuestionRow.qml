import QtQuick
import QtQuick.Controls.Basic
import Kiosk

// One question of the hotline knowledge base in a list: the question, and its theme.
AbstractButton {
    id: row

    readonly property bool touchTarget: true
    required property string question
    required property string theme

    implicitHeight: Math.max(Theme.touchMin, column.implicitHeight + Theme.spacing)
    focusPolicy: Qt.NoFocus
    Accessible.role: Accessible.Button
    Accessible.name: question

    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
        border.width: Theme.borderWidth
        opacity: row.down ? 0.7 : 1.0
    }

    contentItem: Item {
        Column {
            id: column
            anchors.verticalCenter: parent.verticalCenter
            x: Theme.spacing
            width: parent.width - 2 * Theme.spacing
            spacing: 4
            KioskText {
                width: parent.width
                text: row.question
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: Theme.text
                wrapMode: Text.Wrap
            }
            KioskText {
                width: parent.width
                text: Words.term(row.theme)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                color: Theme.mutedText
            }
        }
    }
}
