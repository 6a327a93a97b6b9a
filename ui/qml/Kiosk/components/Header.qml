import QtQuick
import Kiosk

// Top band: the station's full name, today's date and the time.
Rectangle {
    id: header

    required property string stationName
    required property string language
    required property var deviceRows
    signal devicePanelRequested()

    property date now: new Date()

    color: Theme.headerBackground
    implicitHeight: Theme.headerHeight


    Column {
        anchors.fill: parent
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        anchors.topMargin: Theme.spacing
        spacing: Theme.spacing / 3

        Text {
            objectName: "stationName"
            width: parent.width
            text: header.stationName
            font.family: Theme.fontFamily
            font.pixelSize: header.language === "en" ? Theme.fontBody : Theme.fontTitle
            font.bold: true
            color: Theme.headerText
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            // Long names shrink to one line before they wrap.
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: Theme.fontBody
            elide: Text.ElideRight
        }
        Text {
            objectName: "clock"
            width: parent.width - indicator.lightsWidth - Theme.spacing
            text: header.language === "en"
                  ? Qt.locale("en_US").toString(header.now, "dddd, d MMMM yyyy  HH:mm")
                  : Qt.locale("zh_CN").toString(header.now, "yyyy年M月d日 dddd  HH:mm")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: Theme.headerText
            elide: Text.ElideRight
        }
    }

    DeviceIndicator {
        id: indicator
        objectName: "deviceIndicator"
        anchors.bottom: parent.bottom
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
