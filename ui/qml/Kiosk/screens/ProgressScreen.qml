pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk

// 进度查询: scan the receipt's QR code, place the ID card, or type the receipt number.
KioskPage {
    id: screen

    required property var progress
    required property string hotline

    title: qsTr("Check progress")

    Component.onCompleted: screen.progress.setActive(true)
    Component.onDestruction: screen.progress.reset()

    BodyText {
        objectName: "progressHelp"
        width: parent.width
        text: screen.progress.available
              ? qsTr("Scan the QR code on your receipt, place your ID card on the reader, or type the receipt number below.")
              : qsTr("Progress cannot be checked on this kiosk right now. Please call %1.").arg(screen.hotline)
    }

    RowLayout {
        width: parent.width
        spacing: Theme.spacing
        visible: screen.progress.available
        KioskTextField {
            id: numberField
            objectName: "progressNumberField"
            Layout.fillWidth: true
            placeholderText: qsTr("Receipt or case number")
            inputMethodHints: Qt.ImhUppercaseOnly | Qt.ImhPreferNumbers | Qt.ImhSensitiveData
                              | Qt.ImhNoPredictiveText
            onAccepted: screen.progress.lookup(numberField.text)
        }
        KioskButton {
            objectName: "progressLookupButton"
            primary: true
            text: qsTr("Look up")
            enabled: numberField.text.trim().length > 0
            onClicked: screen.progress.lookup(numberField.text)
        }
    }

    BodyText {
        objectName: "progressStatus"
        width: parent.width
        visible: text !== ""
        color: screen.progress.message !== "" ? Theme.warning : Theme.text
        text: screen.progress.state === "searching" ? qsTr("Looking up…")
              : screen.progress.message
    }

    Repeater {
        model: screen.progress.cases
        delegate: SectionBox {
            id: caseBox
            required property var modelData
            required property int index
            objectName: "progressCase_" + index
            width: parent ? parent.width : 0
            title: modelData.itemName !== "" ? modelData.itemName : modelData.number
            BodyText {
                width: parent.width
                text: qsTr("Number: %1").arg(caseBox.modelData.number)
            }
            BodyText {
                objectName: "progressCaseStatus"
                width: parent.width
                font.bold: true
                text: caseBox.modelData.pending
                      ? qsTr("Waiting to be uploaded: the kiosk sends it as soon as the network is back.")
                      : qsTr("Status: %1").arg(caseBox.modelData.status)
            }
            Repeater {
                model: caseBox.modelData.timeline
                delegate: BodyText {
                    required property var modelData
                    width: parent ? parent.width : 0
                    color: Theme.mutedText
                    text: "● " + modelData.at + "  " + modelData.status
                          + (modelData.note !== "" ? "：" + modelData.note : "")
                }
            }
        }
    }
}
