import QtQuick
import QtQuick.Layouts
import Kiosk

// Captions of voice guidance, above the navigation bar: what the kiosk says or has just
// said on this screen, marked while it is said, for residents who do not hear well (when
// the sound could not be played, the words are all there is).
Rectangle {
    id: captionBar

    required property string caption
    required property bool speaking

    visible: captionBar.caption !== ""
    color: Theme.surface
    implicitHeight: row.implicitHeight + 2 * Theme.spacing
    border.color: Theme.accent
    border.width: Theme.borderWidth

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: Theme.spacing
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        spacing: Theme.spacing

        KioskText {
            objectName: "speakingMark"
            visible: captionBar.speaking
            text: qsTr("Speaking:")
            color: Theme.accent
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            font.bold: true
            Layout.alignment: Qt.AlignTop
        }
        KioskText {
            objectName: "captionText"
            text: captionBar.caption
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
        }
    }
}
