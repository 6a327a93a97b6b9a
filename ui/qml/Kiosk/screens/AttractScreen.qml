import QtQuick
import Kiosk

// Shown between residents: nothing of the last session, an invitation to touch.
Rectangle {
    id: attract

    required property string stationName
    signal touched()

    color: Theme.headerBackground

    Column {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
        spacing: Theme.spacing * 2

        KioskText {
            width: parent.width
            text: attract.stationName
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.headerText
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        KioskText {
            objectName: "attractPrompt"
            width: parent.width
            text: qsTr("Touch the screen to start")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontHuge
            color: Theme.headerText
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        KioskText {
            width: parent.width
            text: qsTr("Guides, online applications, progress and appointments")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.headerText
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
    }

    MouseArea {
        objectName: "attractArea"
        anchors.fill: parent
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Touch the screen to start")
        onClicked: attract.touched()
    }
}
