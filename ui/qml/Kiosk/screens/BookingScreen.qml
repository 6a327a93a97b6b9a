pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk
import Kiosk.Types

// 预约办理: where, which day, what time, the ID card, a phone number, check, booked; 返回 goes
// one step back. The slip prints at the end; without paper the number and its QR code are
// shown large to photograph.
KioskPage {
    id: screen

    required property BookingViewModel booking
    required property DeviceHub devices
    required property string hotline
    signal finished()

    readonly property int step: screen.booking.step
    readonly property bool printFailed: screen.devices.printState === PrintState.Failed
    readonly property bool printDone: screen.devices.printState === PrintState.Done
    // A list that could not be loaded can be asked for again.
    readonly property bool canRetry: screen.booking.messageCode === "appointment.offline"
                                     && screen.step >= BookingStep.Place
                                     && screen.step <= BookingStep.Slot

    function titleOf(step: int): string {
        switch (step) {
        case BookingStep.Place: return qsTr("Where would you like to go?")
        case BookingStep.Day: return qsTr("Which day?")
        case BookingStep.Slot: return qsTr("What time?")
        case BookingStep.Identify: return qsTr("Who is coming")
        case BookingStep.Phone: return qsTr("Your mobile phone number")
        case BookingStep.Review: return qsTr("Check your appointment")
        case BookingStep.Booking: return qsTr("Booking…")
        case BookingStep.Done: return screen.booking.unconfirmed ? qsTr("Not confirmed yet")
                                                                 : qsTr("Your appointment is booked")
        default: return ""
        }
    }

    // The chosen (or booked) time: "Wed 2 Dec, 09:30–10:00".
    function when(): string {
        //: A booked time: %1 the day, %2 and %3 the start and end (e.g. 09:30–10:00)
        return qsTr("%1, %2–%3").arg(Words.day(screen.booking.date, screen.booking.weekday))
                                .arg(screen.booking.startTime).arg(screen.booking.endTime)
    }

    function bodyOf(step: int): Component {
        switch (step) {
        case BookingStep.Place: return placeStep
        case BookingStep.Day: return dayStep
        case BookingStep.Slot: return slotStep
        case BookingStep.Identify: return identifyStep
        case BookingStep.Phone: return phoneStep
        case BookingStep.Review: return reviewStep
        case BookingStep.Done: return doneStep
        default: return null
        }
    }

    title: screen.booking.itemName

    // Leaving the screen (首页, or 返回 from the first step) drops the booking.
    StackView.onRemoved: screen.booking.reset()

    KioskText {
        objectName: "bookingStepTitle"
        width: parent.width
        text: screen.titleOf(screen.step)
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontTitle
        font.bold: true
        color: Theme.accent
        wrapMode: Text.Wrap
    }

    BodyText {
        objectName: "bookingStepCount"
        visible: screen.step >= BookingStep.Place && screen.step <= BookingStep.Review
        color: Theme.mutedText
        //: Where the resident is in the booking: step %1 of %2
        text: qsTr("Step %1 of %2").arg(screen.step).arg(BookingStep.Review)
    }

    BodyText {
        objectName: "bookingLoading"
        visible: screen.booking.loading || screen.step === BookingStep.Booking
        font.pixelSize: Theme.fontLarge
        text: screen.step === BookingStep.Booking ? qsTr("Booking your time with the district platform…")
                                                  : qsTr("Looking up free times…")
    }

    BodyText {
        objectName: "bookingProblem"
        visible: text !== ""
        color: Theme.warning
        font.pixelSize: Theme.fontLarge
        text: Words.say(screen.booking.messageCode, screen.booking.messageArgs)
    }

    KioskButton {
        objectName: "bookingRetry"
        visible: screen.canRetry && !screen.booking.loading
        width: parent.width
        text: qsTr("Try again")
        onClicked: screen.booking.retry()
    }

    BodyText {
        objectName: "bookingUnavailable"
        visible: !screen.booking.available
        text: qsTr("Appointments cannot be booked on this kiosk right now. Please call %1.").arg(screen.hotline)
    }

    Loader {
        id: body
        objectName: "bookingBody"
        width: parent.width
        height: (item as Item)?.implicitHeight ?? 0
        sourceComponent: screen.bodyOf(screen.step)
    }

    Component {
        id: placeStep
        Column {
            spacing: Theme.spacing
            Repeater {
                model: screen.booking.places
                delegate: ChoiceButton {
                    required property string placeId
                    required property string name
                    required property string address
                    required property bool near
                    required property int index
                    objectName: "bookingPlace_" + index
                    width: parent ? parent.width : 0
                    strong: near
                    title: name
                    detail: near ? Words.fill(qsTr("Nearest to you · %1"), [address]) : address
                    onClicked: screen.booking.choosePlace(placeId)
                }
            }
        }
    }

    Component {
        id: dayStep
        Column {
            spacing: Theme.spacing
            BodyText {
                color: Theme.mutedText
                text: Words.fill(qsTr("%1 · %2"), [screen.booking.placeName, screen.booking.placeAddress])
            }
            GridLayout {
                width: parent.width
                // A day and its weekday on one line, in elder mode's larger type too.
                columns: Theme.landscape ? (Theme.elder ? 4 : 5) : (Theme.elder ? 2 : 3)
                columnSpacing: Theme.spacing / 2
                rowSpacing: Theme.spacing / 2
                Repeater {
                    model: screen.booking.days
                    delegate: ChoiceButton {
                        required property string date
                        required property int weekday
                        required property int free
                        required property int index
                        objectName: "bookingDay_" + index
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        enabled: free > 0
                        title: Words.day(date, weekday)
                        detail: free > 0 ? qsTr("%n free", "", free) : qsTr("Full")
                        onClicked: screen.booking.chooseDay(date)
                    }
                }
            }
        }
    }

    Component {
        id: slotStep
        Column {
            spacing: Theme.spacing
            BodyText {
                color: Theme.mutedText
                text: Words.fill(qsTr("%1 · %2"), [screen.booking.placeName,
                                                   Words.day(screen.booking.date, screen.booking.weekday)])
            }
            GridLayout {
                width: parent.width
                columns: Theme.landscape ? 4 : 2
                columnSpacing: Theme.spacing / 2
                rowSpacing: Theme.spacing / 2
                Repeater {
                    model: screen.booking.slots
                    delegate: ChoiceButton {
                        required property string slotId
                        required property string start
                        required property string end
                        required property int remaining
                        required property int index
                        objectName: "bookingSlot_" + index
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        enabled: remaining > 0
                        title: start + "–" + end
                        detail: remaining > 0 ? qsTr("%n left", "", remaining) : qsTr("Full")
                        onClicked: screen.booking.chooseSlot(slotId)
                    }
                }
            }
        }
    }

    Component {
        id: identifyStep
        Column {
            spacing: Theme.spacing
            CardPrompt {
                objectName: "bookingCardPrompt"
                width: parent.width
                warning: !screen.devices.readerReady
                text: screen.devices.readerReady
                      ? qsTr("The appointment is made in the name on the card. Please bring the same card to the window.")
                      : screen.booking.typedAllowed
                      ? qsTr("The card reader is not working right now. You can type your name and ID number below.")
                      : qsTr("The card reader is not working right now. Please ask the station staff, or call %1.").arg(screen.hotline)
            }
            TypedIdentity {
                objectName: "bookingTypedIdentity"
                width: parent.width
                visible: screen.booking.typedAllowed
                // Taken: the step moves on and its fields go with it.
                onConfirmed: (name, idNumber) => screen.booking.identifyTyped(name, idNumber)
            }
        }
    }

    Component {
        id: phoneStep
        Column {
            spacing: Theme.spacing
            BodyText {
                text: qsTr("The window may call you about the appointment. The number is only used for this.")
            }
            KioskTextField {
                id: phoneField
                objectName: "bookingPhoneField"
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
                objectName: "bookingPhoneNext"
                width: parent.width
                primary: true
                fontSize: Theme.fontLarge
                enabled: phoneField.text.replace(/ /g, "").length === 11
                text: qsTr("Next")
                onClicked: {
                    if (screen.booking.enterPhone(phoneField.text))
                        phoneField.clear()  // personal: it does not stay in the field
                }
            }
        }
    }

    Component {
        id: reviewStep
        Column {
            spacing: Theme.spacing
            SectionBox {
                objectName: "bookingReview"
                title: screen.booking.itemName
                //: A label and its value on a review screen
                BodyText { text: qsTr("%1: %2").arg(qsTr("Place")).arg(screen.booking.placeName) }
                BodyText { text: qsTr("%1: %2").arg(qsTr("Address")).arg(screen.booking.placeAddress) }
                BodyText {
                    text: qsTr("%1: %2").arg(qsTr("Time")).arg(screen.when())
                }
                BodyText { text: qsTr("%1: %2").arg(qsTr("Name")).arg(screen.booking.applicantName) }
                BodyText { text: qsTr("%1: %2").arg(qsTr("ID number")).arg(screen.booking.applicantId) }
                BodyText { text: qsTr("%1: %2").arg(qsTr("Mobile")).arg(screen.booking.phone) }
            }
            KioskButton {
                objectName: "bookingConfirm"
                width: parent.width
                primary: true
                fontSize: Theme.fontLarge
                text: qsTr("Confirm the appointment")
                onClicked: screen.booking.confirm()
            }
        }
    }

    Component {
        id: doneStep
        Column {
            spacing: Theme.spacing
            SectionBox {
                objectName: "bookingDone"
                visible: !screen.booking.unconfirmed
                title: screen.when()
                BodyText {
                    text: Words.fill(qsTr("%1 · %2"), [screen.booking.placeName, screen.booking.placeAddress])
                }
                BodyText {
                    objectName: "bookingNumber"
                    font.bold: true
                    text: qsTr("Appointment number: %1").arg(screen.booking.number)
                }
                BodyText {
                    objectName: "bookingPrintStatus"
                    text: screen.devices.printState === PrintState.Printing ? qsTr("Printing your appointment slip…")
                          : screen.printDone ? qsTr("Please take your slip: it lists what to bring. Come with the same ID card a little before the time.")
                          : screen.devices.printCode === "paper_out" ? qsTr("The printer is out of paper. Please photograph the QR code and the number below with your phone. Staff have been told.")
                          : screen.printFailed ? qsTr("The slip could not be printed. Please photograph the QR code and the number below with your phone. Staff have been told.")
                          : ""
                }
            }
            CodeToKeep {
                objectName: "bookingQr"
                visible: !screen.booking.unconfirmed && screen.booking.number !== ""
                width: parent.width
                qr: screen.booking.number
                number: screen.booking.number
                large: screen.printFailed
                caption: qsTr("To cancel, choose My appointments here, or call %1.").arg(screen.hotline)
            }
            KioskButton {
                objectName: "bookingFinish"
                width: parent.width
                primary: true
                fontSize: Theme.fontLarge
                text: screen.printFailed ? qsTr("I have taken a photo, finish") : qsTr("Finish")
                onClicked: screen.finished()
            }
        }
    }
}
