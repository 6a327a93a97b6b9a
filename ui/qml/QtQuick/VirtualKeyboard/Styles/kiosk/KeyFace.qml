import QtQuick
import QtQuick.VirtualKeyboard
import Kiosk

// What every key of the kiosk's keyboard looks like: a rounded face in the theme's colours
// with its label in words, dimmed while pressed, faint while the key does nothing.
Rectangle {
    id: face

    required property BaseKey key
    required property string label
    // Keys that act (删除, 收起 …) are set apart from letters; the enter key is the accent.
    property bool secondary: false
    property bool accent: false
    property bool capitals: false  // letters follow the shift state; words never do
    property int labelSize: Theme.fontLarge

    radius: Theme.radius / 2
    color: face.accent ? Theme.accent : face.secondary ? Theme.background : Theme.surface
    border.color: Theme.border
    border.width: Theme.borderWidth
    opacity: !face.key.enabled ? 0.4 : face.key.pressed ? 0.7 : 1.0

    Text {
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
        minimumPixelSize: Theme.elder ? 36 : 28
        textFormat: Text.PlainText
        elide: Text.ElideNone
    }
}
