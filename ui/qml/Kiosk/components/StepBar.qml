pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import Kiosk.Types

// Where the resident is in the application: six numbered steps, the current one filled.
Row {
    id: bar

    property int current: ApplyStep.NoStep
    // The steps with a place on the bar, in order: Conditions (1) to Consent (6).
    readonly property list<string> labels: [
        qsTr("Start"), qsTr("Identity"), qsTr("Form"), qsTr("Materials"), qsTr("Check"), qsTr("Submit")
    ]
    readonly property int currentIndex: current >= ApplyStep.Conditions && current <= ApplyStep.Consent
                                        ? current - ApplyStep.Conditions : -1

    spacing: Theme.spacing / 2

    Repeater {
        model: bar.labels
        delegate: Column {
            id: stepItem
            required property string modelData
            required property int index
            width: (bar.width - (bar.labels.length - 1) * bar.spacing) / bar.labels.length
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
                text: (stepItem.index + 1) + " " + stepItem.modelData
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                font.bold: stepItem.index === bar.currentIndex
                color: stepItem.index === bar.currentIndex ? Theme.accent : Theme.mutedText
                elide: Text.ElideRight
            }
        }
    }
}
