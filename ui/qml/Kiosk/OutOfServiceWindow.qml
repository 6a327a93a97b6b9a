pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import Kiosk.Types

// Shown instead of the kiosk when it cannot serve (`kiosk out-of-service`): the terminal is
// out of service, why, the hotline and the nearest staffed stations. Nothing to touch.
Window {
    id: window

    required property OutOfServiceModel service
    required property bool lockdown
    property bool allowClose: !lockdown

    readonly property bool landscape: window.width > window.height

    visible: true
    title: qsTr("Out of service")
    color: Theme.headerBackground

    onClosing: (close) => { close.accepted = window.allowClose }

    Binding { target: Theme; property: "landscape"; value: window.landscape }

    Item {
        id: surface
        objectName: "surface"
        width: window.landscape ? 1920 : 1080
        height: window.landscape ? 1080 : 1920
        anchors.centerIn: parent
        scale: window.width > 0 && window.height > 0
               ? Math.min(window.width / width, window.height / height) : 1

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
                text: Words.serviceReason(window.service.reason)
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
                text: window.service.hotline
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontHuge
                font.bold: true
                color: Theme.headerText
                horizontalAlignment: Text.AlignHCenter
                Accessible.name: qsTr("Hotline %1").arg(window.service.hotline)
            }
            KioskText {
                width: parent.width
                visible: window.service.stations.count > 0
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
                columns: window.landscape ? 2 : 1
                spacing: Theme.spacing
                Repeater {
                    model: window.service.stations
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
}
