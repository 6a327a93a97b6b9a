import QtQuick
import Kiosk

// A plain notice over the current screen, e.g. "not yet available" with the hotline.
Rectangle {
    id: overlay

    property string title
    property string message

    function show(title: string, message: string) {
        overlay.title = title
        overlay.message = message
        overlay.visible = true
    }

    visible: false
    color: Theme.scrim
    MouseArea {  // keeps touches from what lies beneath; nothing to say or to press
        objectName: "touchBlocker"
        anchors.fill: parent
        Accessible.ignored: true
    }

    Rectangle {
        objectName: "noticeDialog"
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 900)
        height: column.implicitHeight + 2 * Theme.margin
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
        border.width: Theme.borderWidth

        Column {
            id: column
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.margin
            spacing: Theme.spacing * 1.5

            KioskText {
                objectName: "noticeTitle"
                width: parent.width
                text: overlay.title
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            KioskText {
                objectName: "noticeMessage"
                width: parent.width
                text: overlay.message
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                color: Theme.mutedText
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            KioskButton {
                objectName: "noticeOkButton"
                anchors.horizontalCenter: parent.horizontalCenter
                width: Math.min(parent.width, 600)
                primary: true
                text: qsTr("OK")
                onClicked: overlay.visible = false
            }
        }
    }
}
