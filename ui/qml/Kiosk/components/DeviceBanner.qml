pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import Kiosk.Types

// A strip under the header telling residents, in their words, about a device that is down
// (or submissions that cannot go out) and what happens instead. Empty (height 0) while
// everything works.
Rectangle {
    id: banner

    required property DeviceRows rows  // the hub's troubledRows: devices residents must know about
    property list<string> notices: []  // other sentences for residents, e.g. about submissions
    readonly property DeviceTexts texts: DeviceTexts {}

    visible: deviceProblems.count + banner.notices.length > 0
    implicitHeight: visible ? column.implicitHeight + Theme.spacing : 0
    color: Theme.bannerBackground

    component Problem: KioskText {
        objectName: "deviceProblem"
        width: column.width
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        color: Theme.bannerText
        wrapMode: Text.WordWrap
    }

    Column {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        Repeater {
            id: deviceProblems
            model: banner.rows
            delegate: Problem {
                required property int device
                required property int paper
                text: banner.texts.residentProblem(device, paper)
            }
        }
        Repeater {
            model: banner.notices
            delegate: Problem {
                required property string modelData
                text: modelData
            }
        }
    }
}
