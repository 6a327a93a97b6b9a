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

        OutOfServiceView {
            anchors.fill: parent
            reason: window.service.reason
            hotline: window.service.hotline
            stations: window.service.stations
            landscape: window.landscape
        }
}
}
