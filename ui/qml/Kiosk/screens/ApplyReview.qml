pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// Step 5: everything on one page, personal data masked; press and hold a line to see it.
Column {
    id: step

    required property var apply

    spacing: Theme.spacing

    BodyText {
        width: parent.width
        color: Theme.mutedText
        text: qsTr("Personal details are hidden. Press and hold a line to see it in full.")
    }

    SectionBox {
        objectName: "applyReview"
        title: qsTr("Your application")
        Repeater {
            model: step.apply.review
            delegate: Item {
                id: row
                required property var modelData
                required property int index
                objectName: "reviewRow_" + index
                readonly property bool touchTarget: true
                width: parent ? parent.width : 0
                height: Math.max(Theme.touchMin * 0.8, valueText.implicitHeight + Theme.spacing / 2)
                Accessible.role: Accessible.StaticText
                Accessible.name: modelData.label
                KioskText {
                    id: labelText
                    width: parent.width * 0.4
                    anchors.verticalCenter: parent.verticalCenter
                    text: row.modelData.label
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    color: Theme.mutedText
                    wrapMode: Text.Wrap
                }
                KioskText {
                    id: valueText
                    objectName: "reviewValue"
                    x: parent.width * 0.42
                    width: parent.width * 0.58
                    anchors.verticalCenter: parent.verticalCenter
                    text: reveal.pressed ? row.modelData.full : row.modelData.masked
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                MouseArea { id: reveal; objectName: "reveal_" + row.index; anchors.fill: parent }
            }
        }
    }
}
