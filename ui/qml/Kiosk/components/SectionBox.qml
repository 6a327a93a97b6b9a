import QtQuick
import Kiosk

// A titled white box on a guide or info screen; children stack inside. Without a title,
// the children start at the top.
Rectangle {
    id: box

    property string title
    default property alias content: inner.data

    width: parent ? parent.width : 0
    height: inner.implicitHeight + titleText.height + inner.anchors.topMargin + 2.5 * Theme.spacing
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border
    border.width: Theme.borderWidth

    KioskText {
        id: titleText
        x: Theme.spacing
        y: Theme.spacing
        width: parent.width - 2 * Theme.spacing
        height: box.title !== "" ? implicitHeight : 0
        visible: box.title !== ""
        text: box.title
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontLarge
        font.bold: true
        color: Theme.accent
        wrapMode: Text.WordWrap
    }
    Column {
        id: inner
        x: Theme.spacing
        anchors.top: titleText.bottom
        anchors.topMargin: box.title !== "" ? Theme.spacing / 2 : 0
        width: parent.width - 2 * Theme.spacing
        spacing: Theme.spacing / 2
    }
}
