import QtQuick
import QtQuick.Controls.Basic
import Kiosk

// One service item in a list: name, department and what it takes.
AbstractButton {
    id: row

    readonly property bool touchTarget: true
    required property string code
    required property string name
    required property string department
    required property int visits
    required property bool canApply

    implicitHeight: Math.max(Theme.touchMin, column.implicitHeight + Theme.spacing * 1.5)
    focusPolicy: Qt.NoFocus
    Accessible.role: Accessible.Button
    Accessible.name: name

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
            spacing: Theme.spacing / 3
            KioskText {
                width: parent.width
                text: row.name
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: Theme.text
                wrapMode: Text.Wrap
            }
            Flow {
                width: parent.width
                spacing: Theme.spacing / 2
                KioskText {
                    text: row.department
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    color: Theme.mutedText
                }
                Badge {
                    text: row.visits === 0 ? qsTr("No visit needed")
                                           : qsTr("At most %n visit(s)", "", row.visits)
                }
                Badge {
                    visible: row.canApply
                    strong: true
                    text: qsTr("Apply here")
                }
            }
        }
    }
}
