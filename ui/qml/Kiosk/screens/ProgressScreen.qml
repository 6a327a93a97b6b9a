pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import Kiosk.Types

// 进度查询: scan the receipt's QR code, place the ID card, or type the receipt number.
KioskPage {
    id: screen

    required property ProgressViewModel progress
    required property string hotline

    title: qsTr("Check progress")

    Component.onCompleted: screen.progress.setActive(true)
    Component.onDestruction: screen.progress.reset()

    function lookUp() {
        if (!screen.progress.tailValid(tailField.text))
            return
        screen.progress.lookup(numberField.text, tailField.text)
        tailField.clear()  // a tail is personal: it does not stay on screen
    }

    BodyText {
        objectName: "progressHelp"
        width: parent.width
        text: screen.progress.available
              ? qsTr("Scan the QR code on your receipt, place your ID card on the reader, or type the number on the receipt below together with the last 4 characters of the applicant's ID number. The answers to questions left for the hotline are here too.")
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
            onAccepted: tailField.forceActiveFocus()
        }
    }

    // A number alone is not enough (numbers run in sequence): the applicant's ID number's
    // last 4 characters go with it. On the number pad; X only as the last character.
    BodyText {
        width: parent.width
        visible: tailRow.visible
        text: qsTr("Last 4 characters of the applicant's ID number:")
    }

    RowLayout {
        id: tailRow
        width: parent.width
        spacing: Theme.spacing
        visible: screen.progress.available && numberField.text.trim().length > 0
        KioskTextField {
            id: tailField
            objectName: "progressTailField"
            Layout.fillWidth: true
            placeholderText: qsTr("e.g. 002X")
            maximumLength: 4
            inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
            validator: RegularExpressionValidator { regularExpression: /[0-9]{0,3}|[0-9]{3}[0-9Xx]/ }
            onAccepted: screen.lookUp()
        }
        KioskButton {
            objectName: "progressTailX"
            //: The letter X that ends some ID numbers: keep it "X"
            text: qsTr("X")
            Accessible.name: qsTr("Type X")
            enabled: tailField.text.length === 3
            onClicked: tailField.insert(tailField.length, "X")
        }
        KioskButton {
            objectName: "progressLookupButton"
            primary: true
            text: qsTr("Look up")
            enabled: screen.progress.tailValid(tailField.text)
            onClicked: screen.lookUp()
        }
    }

    BodyText {
        objectName: "progressStatus"
        width: parent.width
        visible: text !== ""
        color: screen.progress.messageCode !== "" ? Theme.warning : Theme.text
        text: screen.progress.state === "searching" ? qsTr("Looking up…")
              : Words.say(screen.progress.messageCode, screen.progress.messageArgs)
    }

    Repeater {
        model: screen.progress.cases
        delegate: SectionBox {
            id: caseBox
            required property string number
            required property string itemName
            required property string status
            required property bool pending
            required property TimelineRows timeline
            required property bool question
            required property string reply
            required property string replyBy
            required property string replyAt
            required property int index
            objectName: "progressCase_" + index
            width: parent ? parent.width : 0
            // A question's title is the kiosk's own word for it, not the platform's.
            title: caseBox.question ? qsTr("Question for the hotline") : itemName !== "" ? itemName : number
            BodyText {
                width: parent.width
                text: qsTr("Number: %1").arg(caseBox.number)
            }
            BodyText {
                objectName: "progressCaseStatus"
                width: parent.width
                font.bold: true
                text: caseBox.pending
                      ? qsTr("Waiting to be uploaded: the kiosk sends it as soon as the network is back.")
                      : qsTr("Status: %1").arg(Words.term(caseBox.status))
            }
            Repeater {
                model: caseBox.timeline
                delegate: BodyText {
                    required property string status
                    required property string at
                    required property string note
                    width: parent ? parent.width : 0
                    color: Theme.mutedText
                    text: "● " + at + "  " + Words.term(status)
                          //: Between a status and its note
                          + (note !== "" ? qsTr(": ") + note : "")
                }
            }
            BodyText {
                objectName: "progressReplyTitle"
                visible: caseBox.reply !== ""
                width: parent.width
                font.bold: true
                //: The answer to a question: %1 who answered, %2 when
                text: Words.fill(qsTr("Answer from %1 (%2):"), [caseBox.replyBy !== "" ? caseBox.replyBy : qsTr("the hotline"), caseBox.replyAt])
            }
            BodyText {
                objectName: "progressReply"
                visible: caseBox.reply !== ""
                width: parent.width
                text: caseBox.reply
            }
            BodyText {
                visible: caseBox.question && caseBox.reply === ""
                width: parent.width
                color: Theme.mutedText
                text: qsTr("Not answered yet. The hotline may also call you.")
            }
        }
    }
}
