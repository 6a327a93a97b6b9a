import QtQuick
import Kiosk

// 咨询: whom to ask — the government hotline and this station's own contacts.
KioskPage {
    id: consult

    required property string hotline
    required property string stationName
    required property string stationPhone
    required property string stationAddress
    required property string openingHours

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
            Text {
                width: parent.width
                text: block.label
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                color: Theme.mutedText
                wrapMode: Text.WordWrap
            }
            Text {
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
        value: consult.hotline
        valueSize: Theme.fontHuge
    }
    InfoBlock {
        label: qsTr("Staff at this station can help you in person")
        value: consult.stationName
    }
    InfoBlock {
        label: qsTr("Opening hours")
        value: consult.openingHours
    }
    InfoBlock {
        label: qsTr("Address")
        value: consult.stationAddress
    }
    InfoBlock {
        label: qsTr("Station telephone")
        value: consult.stationPhone
    }
}
