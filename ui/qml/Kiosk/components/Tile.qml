import QtQuick
import QtQuick.Controls.Basic
import Kiosk

// A home-screen tile: icon, title and one line saying what it is for. A `wide` tile puts
// the icon beside the text. A tile too low for all three (landscape in elder mode) drops
// the icon first, then the line; the line stays its accessible description.
AbstractButton {
    id: tile

    readonly property bool touchTarget: true
    property string subtitle
    property url iconSource
    property bool wide: false
    property bool featured: false

    focusPolicy: Qt.NoFocus
    Accessible.role: Accessible.Button
    Accessible.name: text
    Accessible.description: subtitle

    background: Rectangle {
        radius: Theme.radius
        color: tile.featured ? Theme.accent : Theme.surface
        border.color: tile.featured ? Theme.accent : Theme.border
        border.width: Theme.borderWidth
        opacity: tile.down ? 0.75 : 1.0
    }

    contentItem: Item {
        id: content

        // Heights without the icon: the title, and the title with its line under it.
        readonly property real titleOnly: titleText.implicitHeight
        readonly property real withLine: titleText.implicitHeight + textColumn.spacing
                                         + lineText.implicitHeight
        readonly property bool showLine: withLine <= height
        readonly property bool showIcon: tile.wide
            || iconImage.width + grid.spacing + (showLine ? withLine : titleOnly) <= height

        Grid {
            id: grid
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.spacing
            columns: tile.wide ? 2 : 1
            spacing: Theme.spacing
            horizontalItemAlignment: tile.wide ? Grid.AlignLeft : Grid.AlignHCenter
            verticalItemAlignment: Grid.AlignVCenter

            Image {
                id: iconImage
                visible: content.showIcon
                width: Math.round(Math.min(tile.height * (Theme.elder ? 0.26 : 0.32), 180))
                height: width
                sourceSize.width: width
                sourceSize.height: height
                source: tile.iconSource
                fillMode: Image.PreserveAspectFit
                asynchronous: true
            }
            Column {
                id: textColumn
                width: tile.wide ? parent.width - iconImage.width - parent.spacing : parent.width
                spacing: Theme.spacing / 3
                KioskText {
                    id: titleText
                    width: parent.width
                    text: tile.text
                    font.family: Theme.fontFamily
                    font.pixelSize: tile.featured ? Theme.fontHuge : Theme.fontTitle
                    font.bold: true
                    color: tile.featured ? Theme.accentText : Theme.accent
                    horizontalAlignment: tile.wide ? Text.AlignLeft : Text.AlignHCenter
                    fontSizeMode: Text.HorizontalFit
                    minimumPixelSize: Theme.fontBody
                    elide: Text.ElideRight
                }
                KioskText {
                    id: lineText
                    visible: content.showLine
                    width: parent.width
                    text: tile.subtitle
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    color: tile.featured ? Theme.accentText : Theme.mutedText
                    horizontalAlignment: tile.wide ? Text.AlignLeft : Text.AlignHCenter
                    wrapMode: Text.WordWrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                }
            }
        }
    }
}
