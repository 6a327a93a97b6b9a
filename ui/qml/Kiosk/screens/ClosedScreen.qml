import QtQuick
import Kiosk
import Kiosk.Types

// The attract screen outside the station's hours (ui/hoursview.py), between residents only:
// dimmed, saying the station is closed, its hours, the next opening and the hotline; a touch
// still lets a resident in. In the overnight window the whole window is black (nothing drawn
// that could burn in); a touch then shows the closed screen for a minute.
Item {
    id: closed

    required property HoursWatch hours
    required property bool showing  // the attract screen is up: no resident at the screen
    required property string stationName
    required property string hotline
    // The design surface of Main.qml, so the content scales like every other screen.
    required property Item surface
    signal touched()

    readonly property bool night: closed.hours.phase === HoursPhase.Night
    // Burn-in: the content moves a little every few minutes.
    property int driftStep: 0

    visible: closed.showing && closed.hours.phase !== HoursPhase.Open

    Rectangle {
        objectName: "closedBackground"
        anchors.fill: parent
        color: closed.night ? Theme.nightBlack : Theme.closedBackground
    }

    Item {
        objectName: "closedAttract"
        width: closed.surface.width
        height: closed.surface.height
        anchors.centerIn: parent
        scale: closed.surface.scale
        visible: !closed.night

        Column {
            id: content
            objectName: "closedContent"
            width: parent.width - 2 * Theme.margin - 2 * Theme.closedDrift
            x: Theme.margin + Theme.closedDrift + Theme.closedDrift * Math.sin(closed.driftStep * 2.4)
            // Centred at first; then up and down as far as the room above and below allows
            // (at most 3 × closedDrift).
            readonly property real room: Math.max(0, (parent.height - height) / 2)
            y: content.room + Math.min(content.room, 3 * Theme.closedDrift) * Math.sin(closed.driftStep * 1.7)
            spacing: Theme.spacing * 2

            KioskText {
                width: parent.width
                text: closed.stationName
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                color: Theme.closedMutedText
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            KioskText {
                objectName: "closedTitle"
                width: parent.width
                text: qsTr("Closed now")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontHuge
                font.bold: true
                color: Theme.closedText
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            KioskText {
                objectName: "closedHours"
                width: parent.width
                visible: closed.hours.hoursText !== ""
                text: qsTr("Opening hours: %1").arg(closed.hours.hoursText)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                color: Theme.closedText
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            KioskText {
                objectName: "closedNextOpening"
                width: parent.width
                visible: closed.hours.nextOpening !== ""
                text: qsTr("Opens again %1").arg(closed.hours.nextOpening)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                color: Theme.closedText
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            KioskText {
                objectName: "closedHotline"
                width: parent.width
                text: qsTr("Questions? Call the government hotline %1").arg(closed.hotline)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                color: Theme.closedText
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            Item { width: 1; height: Theme.spacing }
            Column {
                width: parent.width
                spacing: Theme.spacing / 2
                KioskText {
                    objectName: "closedStillOpen"
                    width: parent.width
                    text: qsTr("You can still touch the screen to read guides or apply.")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    color: Theme.closedMutedText
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                }
                KioskText {
                    objectName: "closedNextWorkingDay"
                    width: parent.width
                    text: qsTr("Applications submitted now are handled on the next working day.")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    color: Theme.closedMutedText
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                }
            }
        }
    }

    MouseArea {
        objectName: "closedArea"
        anchors.fill: parent
        Accessible.role: Accessible.Button
        Accessible.name: closed.night ? qsTr("Touch the screen to show the opening hours")
                                      : qsTr("Touch the screen to start")
        onClicked: closed.night ? closed.hours.wake() : closed.touched()
    }

    Timer {
        interval: Theme.closedDriftMs
        repeat: true
        running: closed.visible && !closed.night
        onTriggered: closed.driftStep = (closed.driftStep + 1) % 60
    }
}
