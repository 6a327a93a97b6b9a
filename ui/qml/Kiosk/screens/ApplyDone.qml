pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import Kiosk.Types

// After 提交: received (on disk), then the case number or the 待上传 receipt number, and the
// receipt coming out of the printer; without paper, the QR code and number to photograph.
Column {
    id: step

    required property ApplyViewModel apply
    required property DeviceHub devices
    required property string hotline

    readonly property bool printFailed: step.devices.printState === PrintState.Failed
    readonly property bool printDone: step.devices.printState === PrintState.Done
    readonly property string number: step.apply.caseNo !== "" ? step.apply.caseNo : step.apply.applyNo

    spacing: Theme.spacing

    BodyText {
        objectName: "applySubmitting"
        visible: step.apply.step === ApplyStep.Submitting
        width: parent.width
        font.pixelSize: Theme.fontLarge
        text: qsTr("Saving your application…")
    }

    SectionBox {
        objectName: "applyReceived"
        visible: step.apply.step === ApplyStep.Done
        title: qsTr("Your application has been received")
        BodyText {
            objectName: "applyNumber"
            // A bundle's numbers are listed one per case below, once known.
            visible: !(step.apply.answered && step.apply.eventName !== "")
            width: parent.width
            font.pixelSize: Theme.fontLarge
            font.bold: true
            text: !step.apply.answered ? qsTr("Receipt number %1. Sending it to the district platform…").arg(step.apply.applyNo)
                  : step.apply.caseNo !== "" ? qsTr("Case number: %1").arg(step.apply.caseNo)
                  : qsTr("Receipt number: %1").arg(step.apply.applyNo)
        }
        Repeater {
            // 一件事: each case with its own number (one receipt lists them all).
            model: step.apply.eventName !== "" ? step.apply.cases : []
            delegate: BodyText {
                required property var modelData
                required property int index
                objectName: "applyCase_" + index
                width: parent ? parent.width : 0
                // The name on its own line: a number is never broken across two.
                text: modelData.name + "\n"
                      + (modelData.uploaded ? qsTr("Case number: %1") : qsTr("Receipt number: %1"))
                        .arg(modelData.number)
            }
        }
        BodyText {
            objectName: "applyPending"
            width: parent.width
            visible: step.apply.answered
                     && (step.apply.eventName !== "" ? step.apply.cases.some(c => !c.uploaded)
                                                     : step.apply.caseNo === "")
            color: Theme.warning
            text: qsTr("Waiting to be uploaded: the network is slow, so the kiosk keeps your application safely and sends it by itself. Use the receipt number to check progress.")
        }
        BodyText {
            objectName: "applyPrintStatus"
            width: parent.width
            visible: step.apply.answered
            text: step.devices.printState === PrintState.Printing ? qsTr("Printing your receipt…")
                  : step.printDone ? qsTr("Please take your receipt.")
                  : step.devices.printCode === "paper_out" ? qsTr("The printer is out of paper. Please photograph the QR code and the number below with your phone. Staff have been told.")
                  : step.printFailed ? qsTr("The receipt could not be printed. Please photograph the QR code and the number below with your phone. Staff have been told.")
                  : ""
        }
    }

    CodeToKeep {
        objectName: "applyReceiptQr"
        visible: step.apply.answered && (step.printFailed || step.printDone)
        width: parent.width
        qr: step.apply.receiptQr
        number: step.number
        large: step.printFailed
        caption: qsTr("Scan to check progress, or call %1.").arg(step.hotline)
    }

    KioskButton {
        objectName: "toRatingButton"
        visible: step.apply.answered
        width: parent.width
        primary: true
        fontSize: Theme.fontLarge
        text: step.printFailed ? qsTr("I have taken a photo, continue") : qsTr("Continue")
        onClicked: step.apply.toRating()
    }
}
