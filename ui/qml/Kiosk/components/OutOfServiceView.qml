pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import Kiosk.Types

// What residents see when the terminal does not serve: that it is out of service, why, the
// hotline and the nearest staffed stations. In the out-of-service window (`kiosk
// out-of-service`) and over the kiosk's screens when staff or the kiosk itself took it out
// of service (ui/servicestate.py); there, the guides may stay readable (`extra`).
Rectangle {
    id: view

    required property string reason
    required property string hotline
    required property NearbyStationRows stations
    property bool landscape: false
    // Shown under the title, e.g. a button to the guides that stay readable.
    default property alias extra: extraArea.data

    color: Theme.headerBackground

    Column {
        id: content
        anchors.verticalCenter: parent.verticalCenter
        x: Theme.margin * 2
        width: parent.width - 4 * Theme.margin
        spacing: Theme.spacing * 2

        KioskText {
            objectName: "outOfServiceTitle"
            width: parent.width
            text: qsTr("This terminal is out of service")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontHuge
            font.bold: true
            color: Theme.headerText
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            Accessible.name: text
        }
        KioskText {
            objectName: "outOfServiceReason"
            width: parent.width
            text: Words.serviceReason(view.reason)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.headerText
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            Accessible.name: text
        }
        KioskText {
            width: parent.width
            text: qsTr("Government service hotline, every day, around the clock")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.headerText
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        KioskText {
            objectName: "outOfServiceHotline"
            width: parent.width
            text: view.hotline
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontHuge
            font.bold: true
            color: Theme.headerText
            horizontalAlignment: Text.AlignHCenter
            Accessible.name: qsTr("Hotline %1").arg(view.hotline)
        }
        Column {
            id: extraArea
            width: parent.width
            spacing: Theme.spacing
        }
        KioskText {
            width: parent.width
            visible: view.stations.count > 0
            text: qsTr("Or go to a staffed station nearby:")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.headerText
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Grid {
            id: stations
            width: parent.width
            columns: view.landscape ? 2 : 1
            spacing: Theme.spacing
            Repeater {
                model: view.stations
                delegate: Rectangle {
                    id: station
                    objectName: "nearbyStation"
                    required property string name
                    required property string address
                    required property string hours
                    required property string phone
                    width: (stations.width - (stations.columns - 1) * stations.spacing)
                           / stations.columns
                    height: details.implicitHeight + 2 * Theme.spacing
                    radius: Theme.radius
                    color: Theme.surface
                    Accessible.name: station.name
                    Column {
                        id: details
                        x: Theme.spacing
                        y: Theme.spacing
                        width: parent.width - 2 * Theme.spacing
                        spacing: Theme.spacing / 3
                        KioskText {
                            objectName: "nearbyStationName"
                            width: parent.width
                            text: station.name
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontLarge
                            font.bold: true
                            color: Theme.text
                            wrapMode: Text.WordWrap
                        }
                        KioskText {
                            objectName: "nearbyStationAddress"
                            width: parent.width
                            text: station.address
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontSmall
                            color: Theme.mutedText
                            wrapMode: Text.WordWrap
                        }
                        KioskText {
                            objectName: "nearbyStationHours"
                            width: parent.width
                            text: station.hours
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontSmall
                            color: Theme.mutedText
                            wrapMode: Text.WordWrap
                        }
                        KioskText {
                            objectName: "nearbyStationPhone"
                            width: parent.width
                            text: qsTr("Telephone %1").arg(station.phone)
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontSmall
                            color: Theme.text
                        }
                    }
                }
            }
        }
        KioskText {
            width: parent.width
            text: qsTr("We are sorry for the inconvenience.")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.headerText
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
    }
}
