import QtQuick
import Kiosk
import Kiosk.Types

// A titled white box on a guide or info screen; children stack inside. Without a title,
// the children start at the top. Given the voice, a 朗读 button beside the title reads the
// box aloud: its title and the texts shown in it, as shown (masked where the screen masks);
// the caption is the title (the words are on the screen already).
Rectangle {
    id: box

    property string title
    property VoiceViewModel voice: null
    default property alias content: inner.data

    // What the box says: the visible texts inside it, in order, after the title.
    function spokenText(): string {
        const parts = [box.title]
        const walk = (item) => {
            for (const child of item.children) {
                if (!child.visible)
                    continue
                if (child instanceof Text && child.text !== "")
                    parts.push(child.text)
                walk(child)
            }
        }
        walk(inner)
        //: Between the sentences of a section read aloud
        return parts.join(qsTr(". "))
    }

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
        width: parent.width - 2 * Theme.spacing - (readButton.visible ? readButton.width + Theme.spacing : 0)
        height: box.title !== "" ? Math.max(implicitHeight, readButton.visible ? readButton.height : 0) : 0
        visible: box.title !== ""
        text: box.title
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontLarge
        font.bold: true
        color: Theme.accent
        wrapMode: Text.WordWrap
    }
    KioskButton {
        id: readButton
        objectName: box.objectName !== "" ? box.objectName + "Read" : ""
        anchors.right: parent.right
        anchors.rightMargin: Theme.spacing
        y: Theme.spacing
        visible: box.voice !== null && box.voice.available && box.title !== ""
        text: qsTr("Read aloud")
        Accessible.name: qsTr("Read aloud: %1").arg(box.title)
        onClicked: box.voice?.read(box.spokenText(), box.title)
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
