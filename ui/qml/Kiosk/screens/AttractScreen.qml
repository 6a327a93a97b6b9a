pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import Kiosk.Types

// Shown between residents: nothing of the last session, an invitation to touch, and the
// district's announcements of the day in turn.
Rectangle {
    id: attract

    required property string stationName
    property EngagementRows announcements: null
    property int shown: 0  // which announcement is on screen
    signal touched()

    // One announcement after another, each for a few seconds; none while hidden. A switch,
    // not a slide: on a kiosk without a GPU each frame of a slide repaints the whole screen.
    Timer {
        objectName: "attractRotation"
        interval: 8000
        repeat: true
        running: attract.visible && attract.announcements !== null
                 && attract.announcements.count > 1
        onTriggered: attract.shown = (attract.shown + 1) % attract.announcements.count
    }

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

    ListView {
        id: news
        objectName: "attractNews"
        visible: count > 0
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.margin
        height: currentItem ? currentItem.height : 0
        orientation: ListView.Horizontal
        interactive: false
        clip: true
        model: attract.announcements
        currentIndex: count > 0 ? attract.shown % count : -1
        highlightMoveDuration: 0
        highlightRangeMode: ListView.StrictlyEnforceRange
        delegate: Rectangle {
            id: card
            required property int index
            required property string heading
            required property string kind
            required property string source
            required property string published
            width: news.width
            height: lines.implicitHeight + 2 * Theme.spacing
            radius: Theme.radius
            color: Theme.surface
            Column {
                id: lines
                x: Theme.spacing
                y: Theme.spacing
                width: parent.width - 2 * Theme.spacing
                spacing: Theme.spacing / 2
                KioskText {
                    width: parent.width
                    //: Above an announcement on the screen between residents: its kind, and
                    //: which of how many announcements it is
                    text: qsTr("Announcement · %1 · %2 of %3").arg(Words.announcementKind(card.kind))
                                                            .arg(card.index + 1).arg(news.count)
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    color: Theme.accent
                }
                KioskText {
                    width: parent.width
                    text: card.heading
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.Wrap
                    maximumLineCount: 3
                    elide: Text.ElideRight
                }
                KioskText {
                    width: parent.width
                    text: Words.fill(qsTr("%1 · %2"), [card.source, card.published])
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    color: Theme.mutedText
                }
            }
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
