import QtQuick
import QtQuick.VirtualKeyboard.Styles
import Kiosk

// One candidate of pinyin input (or of a word list): at least a touch target wide, its words
// as large as the keys' letters, the first one (what 空格 would choose) in the accent colour.
SelectionListItem {
    id: candidate

    required property int index
    required property string display
    readonly property bool touchTarget: true

    width: Math.max(label.implicitWidth + 2 * Theme.spacing, ListView.view ? ListView.view.height : 0)
    Accessible.role: Accessible.Button
    Accessible.name: candidate.display

    Text {
        id: label
        anchors.centerIn: parent
        text: candidate.display
        color: candidate.ListView.isCurrentItem ? Theme.accent : Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontLarge
        font.bold: candidate.ListView.isCurrentItem
        textFormat: Text.PlainText
    }

    Rectangle {  // a thin line between candidates
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        width: Theme.borderWidth
        height: parent.height / 2
        color: Theme.border
    }
}
