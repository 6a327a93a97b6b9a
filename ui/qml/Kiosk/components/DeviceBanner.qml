pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// A strip under the header telling residents, in their words, about a device that is down
// (or submissions that cannot go out) and what happens instead. Empty (height 0) while
// everything works.
Rectangle {
    id: banner

    required property var rows
    property var notices: []  // other sentences for residents, e.g. about submissions
    readonly property var texts: DeviceTexts {}
    readonly property var problems: banner.rows.map(row => banner.texts.residentProblem(row))
                                               .filter(text => text !== "")
                                               .concat(banner.notices)

    visible: problems.length > 0
    implicitHeight: visible ? column.implicitHeight + Theme.spacing : 0
    color: Theme.bannerBackground

    Column {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        Repeater {
            model: banner.problems
            delegate: KioskText {
                required property string modelData
                objectName: "deviceProblem"
                width: column.width
                text: modelData
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                color: Theme.bannerText
                wrapMode: Text.WordWrap
            }
        }
    }
}
