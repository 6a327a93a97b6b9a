import QtQuick
import QtQuick.VirtualKeyboard.Styles
import Kiosk

// Every key of the kiosk's keyboard (style.qml): a rounded face in the theme's colours with
// its label in words, dimmed while pressed, faint while the key does nothing; a touch target
// named for screen readers.
KeyPanel {
    id: face

    required property string label
    property string spokenName: face.label
    // Keys that act (删除, 收起 …) are set apart from letters; the enter key is the accent.
    property bool secondary: false
    property bool accent: false
    property bool capitals: false  // letters follow the shift state; words never do
    property int labelSize: Theme.fontBody
    readonly property bool touchTarget: true

    Accessible.role: Accessible.Button
    Accessible.name: face.spokenName

    Rectangle {
        anchors.fill: parent
        anchors.margins: 3  // half the 6 px between keys (style.qml's gap)
        radius: Theme.radius / 2
        color: face.accent ? Theme.accent : face.secondary ? Theme.background : Theme.surface
        border.color: Theme.border
        border.width: Theme.borderWidth
        opacity: !face.control.enabled ? 0.4 : face.control.pressed ? 0.7 : 1.0

        Text {
            objectName: "keyLabel"
            anchors.fill: parent
            anchors.margins: 4
            text: face.label
            color: face.accent ? Theme.accentText : Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: face.labelSize
            font.capitalization: face.capitals ? Font.AllUppercase : Font.MixedCase
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: Theme.fontSmall  // never under the bar: 28 px, 36 in elder mode
            textFormat: Text.PlainText
        }
    }
}
