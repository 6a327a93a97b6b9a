import QtQuick
import Kiosk
import Kiosk.Types

// 咨询: whom to ask — the government hotline and this station's own contacts.
KioskPage {
    id: consult

    required property ShellModel shell

    title: qsTr("Ask for help")

    component InfoBlock: Rectangle {
        id: block
        property string label
        property string value
        property int valueSize: Theme.fontLarge
        width: parent ? parent.width : 0
        height: blockColumn.implicitHeight + 2 * Theme.spacing
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
        border.width: Theme.borderWidth
        Column {
            id: blockColumn
            x: Theme.spacing
            y: Theme.spacing
            width: parent.width - 2 * Theme.spacing
            spacing: Theme.spacing / 2
            KioskText {
                width: parent.width
                text: block.label
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                color: Theme.mutedText
                wrapMode: Text.WordWrap
            }
            KioskText {
                width: parent.width
                text: block.value
                font.family: Theme.fontFamily
                font.pixelSize: block.valueSize
                font.bold: true
                color: Theme.text
                wrapMode: Text.WordWrap
            }
        }
    }

    InfoBlock {
        objectName: "hotlineBlock"
        label: qsTr("Government service hotline, every day, around the clock")
        value: consult.shell.hotline
        valueSize: Theme.fontHuge
    }
    InfoBlock {
        label: qsTr("Staff at this station can help you in person")
        value: consult.shell.stationName
    }
    InfoBlock {
        label: qsTr("Opening hours")
        value: consult.shell.openingHours
    }
    InfoBlock {
        label: qsTr("Address")
        value: consult.shell.stationAddress
    }
    InfoBlock {
        label: qsTr("Station telephone")
        value: consult.shell.stationPhone
    }
}
