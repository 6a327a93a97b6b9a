import QtQuick
import Kiosk

// Shown wherever sample catalog data is on screen.
Rectangle {
    width: parent ? parent.width : 0
    height: notice.implicitHeight + Theme.spacing
    radius: Theme.radius / 2
    color: "transparent"
    border.color: Theme.warning
    border.width: Theme.borderWidth

    KioskText {
        id: notice
        objectName: "sampleNotice"
        anchors.centerIn: parent
        width: parent.width - Theme.spacing
        text: qsTr("Sample data — the district platform's published guide prevails")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        color: Theme.warning
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
    }
}
