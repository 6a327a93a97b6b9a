pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import Kiosk
import Kiosk.Types

// 留言咨询: the question in the resident's words, a phone number, the ID card if they wish,
// a check, sent; the receipt prints with the number that finds the answer in 进度查询.
// 返回 goes one step back.
KioskPage {
    id: screen

    required property QuestionViewModel question
    required property DeviceHub devices
    required property string hotline
    signal finished()

    readonly property int step: screen.question.step
    readonly property bool printFailed: screen.devices.printState === PrintState.Failed
    readonly property bool printDone: screen.devices.printState === PrintState.Done

    function titleOf(step: int): string {
        switch (step) {
        case QuestionStep.Write: return qsTr("Your question")
        case QuestionStep.Phone: return qsTr("Your mobile phone number")
        case QuestionStep.Identify: return qsTr("Your ID card (optional)")
        case QuestionStep.Review: return qsTr("Check and send")
        case QuestionStep.Submitting: return qsTr("Sending…")
        case QuestionStep.Done: return qsTr("Your question has been received")
        default: return ""
        }
    }

    function bodyOf(step: int): Component {
        switch (step) {
        case QuestionStep.Write: return writeStep
        case QuestionStep.Phone: return phoneStep
        case QuestionStep.Identify: return identifyStep
        case QuestionStep.Review: return reviewStep
        case QuestionStep.Done: return doneStep
        default: return null
        }
    }

    title: qsTr("Leave a question")

    // Leaving the screen (首页, or 返回 from the first step) forgets the question.
    StackView.onRemoved: screen.question.reset()

    KioskText {
        objectName: "questionStepTitle"
        width: parent.width
        text: screen.titleOf(screen.step)
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontTitle
        font.bold: true
        color: Theme.accent
        wrapMode: Text.Wrap
    }

    BodyText {
        objectName: "questionStepCount"
        visible: screen.step >= QuestionStep.Write && screen.step <= QuestionStep.Review
        color: Theme.mutedText
        text: qsTr("Step %1 of %2").arg(screen.step).arg(QuestionStep.Review)
    }

    BodyText {
        objectName: "questionProblem"
        visible: text !== ""
        color: Theme.warning
        font.pixelSize: Theme.fontLarge
        text: Words.say(screen.question.messageCode, screen.question.messageArgs)
    }

    Loader {
        objectName: "questionBody"
        width: parent.width
        height: (item as Item)?.implicitHeight ?? 0
        sourceComponent: screen.bodyOf(screen.step)
    }

    Component {
        id: writeStep
        Column {
            spacing: Theme.spacing
            BodyText {
                text: qsTr("Write what you would like to know. The hotline %1 or the department in charge answers, and may call you. You will find the answer under Check progress with your receipt.").arg(screen.hotline)
            }
            KioskTextArea {
                id: questionArea
                objectName: "questionText"
                width: parent.width
                text: screen.question.text
                placeholderText: qsTr("e.g. My father cannot walk well. Can I renew his card for him?")
                Component.onCompleted: {
                    questionArea.cursorPosition = questionArea.length
                    questionArea.forceActiveFocus()
                }
            }
            BodyText {
                objectName: "questionLength"
                color: questionArea.length > screen.question.maxLength ? Theme.warning : Theme.mutedText
                //: How many characters the question has, of the most it may have
                text: qsTr("%1 of %2 characters").arg(questionArea.length).arg(screen.question.maxLength)
            }
            KioskButton {
                objectName: "questionNext"
                width: parent.width
                primary: true
                fontSize: Theme.fontLarge
                enabled: questionArea.text.trim().length > 0
                text: qsTr("Next")
                onClicked: screen.question.write(questionArea.text)
            }
        }
    }

    Component {
        id: phoneStep
        Column {
            spacing: Theme.spacing
            BodyText {
                text: qsTr("The hotline may call you about your question. The number is only used for this.")
            }
            KioskTextField {
                id: phoneField
                objectName: "questionPhoneField"
                width: parent.width
                placeholderText: qsTr("11-digit mobile number")
                maximumLength: 13
                inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                validator: RegularExpressionValidator { regularExpression: /[0-9 ]{0,13}/ }
                Component.onCompleted: phoneField.forceActiveFocus()
                onAccepted: phoneNext.clicked()
            }
            KioskButton {
                id: phoneNext
                objectName: "questionPhoneNext"
                width: parent.width
                primary: true
                fontSize: Theme.fontLarge
                enabled: phoneField.text.replace(/ /g, "").length === 11
                text: qsTr("Next")
                onClicked: {
                    if (screen.question.enterPhone(phoneField.text))
                        phoneField.clear()  // personal: it does not stay in the field
                }
            }
        }
    }

    Component {
        id: identifyStep
        Column {
            spacing: Theme.spacing
            CardPrompt {
                objectName: "questionCardPrompt"
                width: parent.width
                warning: !screen.devices.readerReady
                text: screen.devices.readerReady
                      ? qsTr("With your name the department can answer you better, and you can look the answer up with your ID card. You may also go on without it.")
                      : qsTr("The card reader is not working right now. You can go on without the ID card.")
            }
            KioskButton {
                objectName: "questionSkipCard"
                width: parent.width
                fontSize: Theme.fontLarge
                text: qsTr("Go on without the ID card")
                onClicked: screen.question.skipCard()
            }
        }
    }

    Component {
        id: reviewStep
        Column {
            spacing: Theme.spacing
            SectionBox {
                objectName: "questionReview"
                title: qsTr("Your question")
                BodyText {
                    objectName: "questionReviewText"
                    width: parent.width
                    text: screen.question.text
                }
                BodyText { text: qsTr("%1: %2").arg(qsTr("Mobile")).arg(screen.question.phone) }
                BodyText {
                    visible: screen.question.identified
                    text: qsTr("%1: %2").arg(qsTr("Name")).arg(screen.question.askerName)
                }
                BodyText {
                    visible: screen.question.identified
                    text: qsTr("%1: %2").arg(qsTr("ID number")).arg(screen.question.askerId)
                }
                BodyText {
                    visible: !screen.question.identified
                    color: Theme.mutedText
                    text: qsTr("Sent without your name: only the QR code on your receipt finds the answer, so keep the receipt (or a photo of it).")
                }
            }
            KioskButton {
                objectName: "questionForgetCard"
                visible: screen.question.identified
                width: parent.width
                text: qsTr("Send it without my name")
                onClicked: screen.question.forgetCard()
            }
            BodyText {
                objectName: "questionConsent"
                color: Theme.mutedText
                text: qsTr("By sending, you agree that your question and contact details go to the Xicheng 12345 hotline and the department in charge, only to answer you. They are kept under the hotline's rules; this kiosk deletes them once they have been delivered.")
            }
            KioskButton {
                objectName: "questionSubmit"
                width: parent.width
                primary: true
                fontSize: Theme.fontLarge
                text: qsTr("Agree and send")
                onClicked: screen.question.submit()
            }
        }
    }

    Component {
        id: doneStep
        Column {
            spacing: Theme.spacing
            SectionBox {
                objectName: "questionDone"
                title: qsTr("Number: %1").arg(screen.question.number)
                BodyText {
                    objectName: "questionPrintStatus"
                    text: !screen.question.settled ? qsTr("Sending it to the district platform…")
                          : screen.devices.printState === PrintState.Printing ? qsTr("Printing your receipt…")
                          : screen.printDone ? qsTr("Please take your receipt. When the answer is ready, scan its QR code under Check progress.")
                          : screen.devices.printCode === "paper_out" ? qsTr("The printer is out of paper. Please photograph the QR code and the number below with your phone. Staff have been told.")
                          : screen.printFailed ? qsTr("The receipt could not be printed. Please photograph the QR code and the number below with your phone. Staff have been told.")
                          : ""
                }
                BodyText {
                    visible: screen.question.settled && !screen.question.uploaded
                    color: Theme.mutedText
                    text: qsTr("The network is slow: the kiosk sends your question as soon as it can. Nothing is lost.")
                }
            }
            CodeToKeep {
                objectName: "questionQr"
                visible: screen.question.settled
                width: parent.width
                qr: screen.question.receiptQr
                number: screen.question.number
                large: screen.printFailed
                caption: screen.question.identified
                         ? qsTr("Scan under Check progress, or type the number and the last 4 characters of your ID number.")
                         : qsTr("Scan this QR code under Check progress: it is the only way to find the answer.")
            }
            KioskButton {
                objectName: "questionFinish"
                visible: screen.question.settled  // not before the receipt is out
                width: parent.width
                primary: true
                fontSize: Theme.fontLarge
                text: screen.printFailed ? qsTr("I have taken a photo, finish") : qsTr("Finish")
                onClicked: screen.finished()
            }
        }
    }

    BodyText {
        objectName: "questionUnavailable"
        visible: !screen.question.available
        text: qsTr("Questions cannot be left on this kiosk right now. Please call %1.").arg(screen.hotline)
    }
}
