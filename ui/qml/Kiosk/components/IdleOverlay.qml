import QtQuick
import Kiosk

// "Still there?" — shown near the end of the idle timeout, with one large 继续 button.
Rectangle {
    id: overlay

    property int secondsLeft: 0
    signal continueRequested()

    color: Theme.scrim
    // Swallow touches so nothing behind the dialog reacts.
    MouseArea {  // keeps touches from what lies beneath; nothing to say or to press
        objectName: "touchBlocker"
        anchors.fill: parent
        Accessible.ignored: true
    }

    Rectangle {
        objectName: "idleDialog"
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 900)
        height: column.implicitHeight + 2 * Theme.margin
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.accent
        border.width: Theme.borderWidth

        Column {
            id: column
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.margin
            spacing: Theme.spacing * 1.5

            KioskText {
                width: parent.width
                text: qsTr("Do you need more time?")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            KioskText {
                objectName: "idleCountdown"
                width: parent.width
                text: qsTr("In %n second(s) the kiosk returns to the start and clears what you entered.", "", overlay.secondsLeft)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                color: Theme.mutedText
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            KioskButton {
                objectName: "continueButton"
                anchors.horizontalCenter: parent.horizontalCenter
                width: Math.min(parent.width, 600)
                height: Theme.touchMin * 1.4
                primary: true
                fontSize: Theme.fontTitle
                text: qsTr("Continue")
                onClicked: overlay.continueRequested()
            }
        }
    }
}
