pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk
import Kiosk.Types

// 上门办理: who asks and why, the ID card of the person to be visited, the address, a phone
// number and a preferred half-day, a check, sent; a slip prints with the number that follows
// the request in 进度查询. 返回 goes one step back.
KioskPage {
    id: screen

    required property HomeVisitViewModel homeVisit
    required property DeviceHub devices
    required property string hotline
    signal finished()

    readonly property int step: screen.homeVisit.step
    readonly property bool printFailed: screen.devices.printState === PrintState.Failed
    readonly property bool printDone: screen.devices.printState === PrintState.Done

    // kiosk/homevisits/request.py RELATIONS, REASONS and HALF_DAYS, in the UI language.
    function relationWords(code: string): string {
        switch (code) {
        case "self": return qsTr("Myself")
        case "spouse": return qsTr("Husband or wife")
        case "child": return qsTr("Son or daughter")
        case "relative": return qsTr("Another relative")
        case "other": return qsTr("Someone else who helps")
        default: return ""
        }
    }

    function reasonWords(code: string): string {
        switch (code) {
        case "elderly": return qsTr("Old age, cannot walk far")
        case "disabled": return qsTr("Disability")
        case "ill": return qsTr("Serious illness or bedridden")
        case "other": return qsTr("Another reason")
        default: return ""
        }
    }

    function halfWords(code: string): string {
        return code === "am" ? qsTr("Morning (9:00–12:00)") : code === "pm" ? qsTr("Afternoon (13:30–17:00)") : ""
    }

    function titleOf(step: int): string {
        switch (step) {
        case HomeVisitStep.Situation: return qsTr("Who is the visit for?")
        case HomeVisitStep.Identify: return qsTr("ID card of the person to be visited")
        case HomeVisitStep.Address: return qsTr("Where should staff come?")
        case HomeVisitStep.Phone: return qsTr("Whom should staff call?")
        case HomeVisitStep.When: return qsTr("When would suit best?")
        case HomeVisitStep.Review: return qsTr("Check and send")
        case HomeVisitStep.Submitting: return qsTr("Sending…")
        case HomeVisitStep.Done: return qsTr("Your request has been received")
        default: return ""
        }
    }

    function bodyOf(step: int): Component {
        switch (step) {
        case HomeVisitStep.Situation: return situationStep
        case HomeVisitStep.Identify: return identifyStep
        case HomeVisitStep.Address: return addressStep
        case HomeVisitStep.Phone: return phoneStep
        case HomeVisitStep.When: return whenStep
        case HomeVisitStep.Review: return reviewStep
        case HomeVisitStep.Done: return doneStep
        default: return null
        }
    }

    title: qsTr("Ask for a home visit")

    // Leaving the screen (首页, or 返回 from the first step) forgets the request.
    StackView.onRemoved: screen.homeVisit.reset()

    KioskText {
        objectName: "homeVisitStepTitle"
        width: parent.width
        text: screen.titleOf(screen.step)
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontTitle
        font.bold: true
        color: Theme.accent
        wrapMode: Text.Wrap
    }

    BodyText {
        objectName: "homeVisitStepCount"
        visible: screen.step >= HomeVisitStep.Situation && screen.step <= HomeVisitStep.Review
        color: Theme.mutedText
        text: Words.fill(qsTr("Step %1 of %2 · %3"),
                         [String(screen.step), String(HomeVisitStep.Review), screen.homeVisit.itemName])
    }

    BodyText {
        objectName: "homeVisitProblem"
        visible: text !== ""
        color: Theme.warning
        font.pixelSize: Theme.fontLarge
        text: Words.say(screen.homeVisit.messageCode, screen.homeVisit.messageArgs)
    }

    Loader {
        objectName: "homeVisitBody"
        width: parent.width
        height: (item as Item)?.implicitHeight ?? 0
        sourceComponent: screen.bodyOf(screen.step)
    }

    Component {
        id: situationStep
        Column {
            id: situation
            spacing: Theme.spacing
            property string relation: screen.homeVisit.relation
            property string reason: screen.homeVisit.reason
            BodyText {
                text: qsTr("Staff of the street come to the home of a resident who cannot come because of age, disability or illness. You may ask for yourself or for a family member.")
            }
            BodyText { text: qsTr("Who is asking?"); font.bold: true }
            GridLayout {
                width: parent.width
                columns: Theme.landscape ? 5 : 2
                columnSpacing: Theme.spacing / 2
                rowSpacing: Theme.spacing / 2
                Repeater {
                    model: ["self", "spouse", "child", "relative", "other"]
                    delegate: ChoiceButton {
                        required property string modelData
                        objectName: "homeVisitRelation_" + modelData
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        strong: situation.relation === modelData
                        title: screen.relationWords(modelData)
                        onClicked: situation.relation = modelData
                    }
                }
            }
            BodyText { text: qsTr("Why can the person not come?"); font.bold: true }
            GridLayout {
                width: parent.width
                columns: Theme.landscape ? 4 : 2
                columnSpacing: Theme.spacing / 2
                rowSpacing: Theme.spacing / 2
                Repeater {
                    model: ["elderly", "disabled", "ill", "other"]
                    delegate: ChoiceButton {
                        required property string modelData
                        objectName: "homeVisitReason_" + modelData
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        strong: situation.reason === modelData
                        title: screen.reasonWords(modelData)
                        onClicked: situation.reason = modelData
                    }
                }
            }
            KioskButton {
                objectName: "homeVisitSituationNext"
                width: parent.width
                primary: true
                fontSize: Theme.fontLarge
                enabled: situation.relation !== "" && situation.reason !== ""
                text: qsTr("Next")
                onClicked: screen.homeVisit.describe(situation.relation, situation.reason)
            }
        }
    }

    Component {
        id: identifyStep
        Column {
            spacing: Theme.spacing
            CardPrompt {
                objectName: "homeVisitCardPrompt"
                width: parent.width
                warning: !screen.devices.readerReady
                text: screen.devices.readerReady
                      ? qsTr("Please place the ID card of the person to be visited on the reader. If you ask for a family member, use their card, not yours.")
                      : qsTr("The card reader is not working right now. Please ask the station staff, or call %1.").arg(screen.hotline)
            }
        }
    }

    Component {
        id: addressStep
        Column {
            spacing: Theme.spacing
            BodyText {
                text: qsTr("This is the address on the ID card. If the person lives somewhere else now, please change it: district, street, building and door number.")
            }
            KioskTextField {
                id: addressField
                objectName: "homeVisitAddressField"
                width: parent.width
                text: screen.homeVisit.address
                maximumLength: 200
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                Accessible.name: qsTr("Address for the visit")
                onAccepted: addressNext.clicked()
            }
            KioskButton {
                id: addressNext
                objectName: "homeVisitAddressNext"
                width: parent.width
                primary: true
                fontSize: Theme.fontLarge
                enabled: addressField.text.trim().length > 0
                text: qsTr("Next")
                onClicked: screen.homeVisit.enterAddress(addressField.text)
            }
        }
    }

    Component {
        id: phoneStep
        Column {
            spacing: Theme.spacing
            BodyText {
                text: qsTr("Staff call this number to agree the time of the visit and what to have ready. It is only used for this.")
            }
            KioskTextField {
                id: phoneField
                objectName: "homeVisitPhoneField"
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
                objectName: "homeVisitPhoneNext"
                width: parent.width
                primary: true
                fontSize: Theme.fontLarge
                enabled: phoneField.text.replace(/ /g, "").length === 11
                text: qsTr("Next")
                onClicked: {
                    if (screen.homeVisit.enterPhone(phoneField.text))
                        phoneField.clear()  // personal: it does not stay in the field
                }
            }
        }
    }

    Component {
        id: whenStep
        Column {
            id: when
            spacing: Theme.spacing
            property string half: screen.homeVisit.preferredHalf !== "" ? screen.homeVisit.preferredHalf : "am"
            BodyText {
                text: qsTr("Choose a morning or an afternoon, then a day. It is a wish: staff call you to agree the time.")
            }
            RowLayout {
                width: parent.width
                spacing: Theme.spacing / 2
                Repeater {
                    model: ["am", "pm"]
                    delegate: ChoiceButton {
                        required property string modelData
                        objectName: "homeVisitHalf_" + modelData
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        strong: when.half === modelData
                        title: modelData === "am" ? qsTr("Morning") : qsTr("Afternoon")
                        detail: modelData === "am" ? "9:00–12:00" : "13:30–17:00"
                        onClicked: when.half = modelData
                    }
                }
            }
            GridLayout {
                width: parent.width
                // A day and its weekday on one line, in elder mode's larger type too.
                columns: Theme.landscape ? (Theme.elder ? 4 : 5) : (Theme.elder ? 2 : 3)
                columnSpacing: Theme.spacing / 2
                rowSpacing: Theme.spacing / 2
                Repeater {
                    model: screen.homeVisit.days
                    delegate: ChoiceButton {
                        required property string date
                        required property int weekday
                        required property int index
                        objectName: "homeVisitDay_" + index
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        strong: screen.homeVisit.preferredDate === date && screen.homeVisit.preferredHalf === when.half
                        title: Words.day(date, weekday)
                        onClicked: screen.homeVisit.chooseTime(date, when.half)
                    }
                }
            }
        }
    }

    Component {
        id: reviewStep
        Column {
            spacing: Theme.spacing
            SectionBox {
                objectName: "homeVisitReview"
                title: screen.homeVisit.itemName
                BodyText { text: qsTr("%1: %2").arg(qsTr("Person to be visited")).arg(screen.homeVisit.personName) }
                BodyText { text: qsTr("%1: %2").arg(qsTr("ID number")).arg(screen.homeVisit.personId) }
                BodyText { text: qsTr("%1: %2").arg(qsTr("Asked by")).arg(screen.relationWords(screen.homeVisit.relation)) }
                BodyText { text: qsTr("%1: %2").arg(qsTr("Reason")).arg(screen.reasonWords(screen.homeVisit.reason)) }
                BodyText { text: qsTr("%1: %2").arg(qsTr("Address")).arg(screen.homeVisit.maskedAddress) }
                BodyText { text: qsTr("%1: %2").arg(qsTr("Mobile")).arg(screen.homeVisit.phone) }
                BodyText {
                    objectName: "homeVisitReviewTime"
                    text: qsTr("%1: %2").arg(qsTr("Preferred time"))
                          .arg(Words.fill(qsTr("%1, %2"), [Words.day(screen.homeVisit.preferredDate, screen.homeVisit.preferredWeekday),
                                                           screen.halfWords(screen.homeVisit.preferredHalf)]))
                }
            }
            BodyText {
                objectName: "homeVisitConsent"
                color: Theme.mutedText
                text: qsTr("By sending, you agree that these details go to the Xicheng government service centre and the street's service centre, only to arrange the visit. They are kept under the rules for government service cases; this kiosk deletes them once they have been delivered.")
            }
            KioskButton {
                objectName: "homeVisitSubmit"
                width: parent.width
                primary: true
                fontSize: Theme.fontLarge
                text: qsTr("Agree and send")
                onClicked: screen.homeVisit.submit()
            }
        }
    }

    Component {
        id: doneStep
        Column {
            spacing: Theme.spacing
            SectionBox {
                objectName: "homeVisitDone"
                title: qsTr("Number: %1").arg(screen.homeVisit.number)
                BodyText {
                    objectName: "homeVisitPrintStatus"
                    text: !screen.homeVisit.settled ? qsTr("Sending it to the district platform…")
                          : screen.devices.printState === PrintState.Printing ? qsTr("Printing your slip…")
                          : screen.printDone ? qsTr("Please take your slip. Staff will call you to agree the time; you can follow the request under Check progress.")
                          : screen.devices.printCode === "paper_out" ? qsTr("The printer is out of paper. Please photograph the QR code and the number below with your phone. Staff have been told.")
                          : screen.printFailed ? qsTr("The slip could not be printed. Please photograph the QR code and the number below with your phone. Staff have been told.")
                          : ""
                }
                BodyText {
                    visible: screen.homeVisit.settled && !screen.homeVisit.uploaded
                    color: Theme.mutedText
                    text: qsTr("The network is slow: the kiosk sends your request as soon as it can. Nothing is lost.")
                }
            }
            CodeToKeep {
                objectName: "homeVisitQr"
                visible: screen.homeVisit.settled
                width: parent.width
                qr: screen.homeVisit.receiptQr
                number: screen.homeVisit.number
                large: screen.printFailed
                caption: qsTr("Scan under Check progress, or type the number and the last 4 characters of the visited person's ID number.")
            }
            KioskButton {
                objectName: "homeVisitFinish"
                visible: screen.homeVisit.settled  // not before the slip is out
                width: parent.width
                primary: true
                fontSize: Theme.fontLarge
                text: screen.printFailed ? qsTr("I have taken a photo, finish") : qsTr("Finish")
                onClicked: screen.finished()
            }
        }
    }
}
