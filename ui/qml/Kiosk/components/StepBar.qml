pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// Where the resident is in the application: six numbered steps, the current one filled.
Row {
    id: bar

    property string current
    readonly property var steps: [
        { key: "conditions", label: qsTr("Start") },
        { key: "identify", label: qsTr("Identity") },
        { key: "form", label: qsTr("Form") },
        { key: "materials", label: qsTr("Materials") },
        { key: "review", label: qsTr("Check") },
        { key: "consent", label: qsTr("Submit") }
    ]
    readonly property int currentIndex: steps.findIndex(s => s.key === current)

    spacing: Theme.spacing / 2

    Repeater {
        model: bar.steps
        delegate: Column {
            id: stepItem
            required property var modelData
            required property int index
            width: (bar.width - (bar.steps.length - 1) * bar.spacing) / bar.steps.length
            spacing: 4
            Rectangle {
                width: parent.width
                height: 12
                radius: 6
                color: stepItem.index <= bar.currentIndex ? Theme.accent : Theme.border
            }
            KioskText {
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                text: (stepItem.index + 1) + " " + stepItem.modelData.label
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                font.bold: stepItem.index === bar.currentIndex
                color: stepItem.index === bar.currentIndex ? Theme.accent : Theme.mutedText
                elide: Text.ElideRight
            }
        }
    }
}
