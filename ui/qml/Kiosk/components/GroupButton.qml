import QtQuick
import QtQuick.Controls.Basic
import Kiosk

// One theme, department or level to browse: a round badge, the name and how many items.
AbstractButton {
    id: group

    readonly property bool touchTarget: true
    property string name
    property int count
    property int badgeIndex: 0
    property bool showBadge: true
    // The round badge shows the name's first character: telling for a Chinese name (户,
    // 婚), not for an English one, which gets the badge's width for its words instead.
    readonly property bool badgeShown: showBadge && /^[\u3400-\u9fff]/.test(name)

    // Distinct, calm colours for theme badges; elder mode keeps its high-contrast palette.
    readonly property list<color> badgePalette: ["#0b4ea2", "#1e7f4f", "#b7410e", "#6a3d9a", "#00707a",
                                    "#a4284a", "#5b6b00", "#8a5a00"]

    focusPolicy: Qt.NoFocus
    Accessible.role: Accessible.Button
    Accessible.name: qsTr("%1 (%2)").arg(name).arg(count)

    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
        border.width: Theme.borderWidth
        opacity: group.down ? 0.7 : 1.0
    }

    contentItem: Item {
        Rectangle {
            id: badge
            visible: group.badgeShown
            width: group.badgeShown ? Math.round(Math.min(group.height * 0.55, 84)) : 0
            height: width
            radius: width / 2
            x: Theme.spacing / 2
            anchors.verticalCenter: parent.verticalCenter
            color: Theme.elder ? Theme.accent : group.badgePalette[group.badgeIndex % group.badgePalette.length]
            KioskText {
                anchors.centerIn: parent
                text: group.name.length > 0 ? group.name.charAt(0) : ""
                font.family: Theme.fontFamily
                font.pixelSize: Math.round(badge.width * 0.5)
                font.bold: true
                color: Theme.elder ? Theme.accentText : "#ffffff"
            }
        }
        Column {
            anchors.left: badge.right
            anchors.leftMargin: Theme.spacing / 2
            anchors.right: parent.right
            anchors.rightMargin: Theme.spacing / 2
            anchors.verticalCenter: parent.verticalCenter
            KioskText {
                // A long name (English) takes two lines and shrinks to what the button holds
                // above the count; a short one (Chinese) stays one line at full size.
                width: parent.width
                height: Math.min(implicitHeight, group.availableHeight - countText.height)
                text: group.name
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: Theme.text
                wrapMode: Text.Wrap
                maximumLineCount: 2
                fontSizeMode: Text.Fit
                minimumPixelSize: Theme.fontSmall
                elide: Text.ElideRight
                verticalAlignment: Text.AlignVCenter
            }
            KioskText {
                id: countText
                width: parent.width
                text: qsTr("%n item(s)", "", group.count)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                color: Theme.mutedText
            }
        }
    }
}
