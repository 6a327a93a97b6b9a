import QtQuick
import Kiosk
import Kiosk.Types

// Top band: the station's full name, today's date and the time.
Rectangle {
    id: header

    required property string stationName
    required property string language
    required property DeviceRows deviceRows
    signal devicePanelRequested()

    property date now: new Date()

    color: Theme.headerBackground
    implicitHeight: Theme.headerHeight


    // The name fills the band above the clock: it shrinks (to one line first, then within
    // two lines) rather than pushing the clock out of the header.
    KioskText {
        objectName: "stationName"
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: clock.top
        anchors.topMargin: Theme.spacing / 2
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        text: header.stationName
        font.family: Theme.fontFamily
        font.pixelSize: header.language === "en" ? Theme.fontBody : Theme.fontTitle
        font.bold: true
        color: Theme.headerText
        wrapMode: Text.WordWrap
        maximumLineCount: 2
        fontSizeMode: Text.Fit
        minimumPixelSize: Theme.fontSmall
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    KioskText {
        id: clock
        objectName: "clock"
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        anchors.leftMargin: Theme.margin
        anchors.bottomMargin: Theme.spacing / 2
        width: parent.width - 2 * Theme.margin - indicator.lightsWidth - Theme.spacing
        text: header.language === "en"
              ? Qt.locale("en_US").toString(header.now, "dddd, d MMMM yyyy  HH:mm")
              : Qt.locale("zh_CN").toString(header.now, "yyyy年M月d日 dddd  HH:mm")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        color: Theme.headerText
        elide: Text.ElideRight
    }

    DeviceIndicator {
        id: indicator
        objectName: "deviceIndicator"
        anchors.verticalCenter: clock.verticalCenter
        anchors.right: parent.right
        anchors.rightMargin: Theme.margin
        rows: header.deviceRows
        onPanelRequested: header.devicePanelRequested()
    }

    Timer {
        interval: 1000
        running: true
        repeat: true
        onTriggered: header.now = new Date()
    }
}
