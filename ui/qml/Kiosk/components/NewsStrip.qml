import QtQuick
import QtQuick.Controls.Basic
import Kiosk

// Under the home tiles: the newest announcement (a tap opens it) and the way to all of
// them and to the district's surveys.
Row {
    id: strip

    property string newestTitle
    property string newestPublished
    property bool surveysOpen: false
    signal newestChosen()
    signal allChosen()

    spacing: Theme.spacing
    // Lower on a landscape screen, where the tiles above have less height to spare.
    height: Theme.touchMin * (Theme.landscape ? 1.15 : (Theme.elder ? 1.6 : 1.4))

    AbstractButton {
        id: newest
        objectName: "newsNewest"
        readonly property bool touchTarget: true
        visible: strip.newestTitle !== ""
        width: strip.width - all.width - strip.spacing
        height: strip.height
        focusPolicy: Qt.NoFocus
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Latest announcement: %1").arg(strip.newestTitle)
        onClicked: strip.newestChosen()
        background: Rectangle {
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border
            border.width: Theme.borderWidth
            opacity: newest.down ? 0.75 : 1.0
        }
        contentItem: Item {
            Badge {
                id: badge
                anchors.left: parent.left
                anchors.leftMargin: Theme.spacing / 2
                anchors.verticalCenter: parent.verticalCenter
                strong: true
                text: qsTr("Latest")
            }
            KioskText {
                anchors.left: badge.right
                anchors.leftMargin: Theme.spacing / 2
                anchors.right: parent.right
                anchors.rightMargin: Theme.spacing / 2
                anchors.verticalCenter: parent.verticalCenter
                text: Words.fill(qsTr("%1 (%2)"), [strip.newestTitle, strip.newestPublished])
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                color: Theme.text
                elide: Text.ElideRight
                maximumLineCount: 2
                wrapMode: Text.Wrap
            }
        }
    }

    KioskButton {
        id: all
        objectName: "newsAll"
        width: strip.newestTitle !== "" ? Math.max(implicitWidth, strip.width * 0.3) : strip.width
        height: strip.height
        text: strip.surveysOpen ? qsTr("Notices and surveys") : qsTr("All notices")
        onClicked: strip.allChosen()
    }
}
