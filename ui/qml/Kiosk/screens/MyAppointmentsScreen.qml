pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk
import Kiosk.Types

// 我的预约: the ID card on the reader, the upcoming appointments, cancelling one (asked
// once more before it is done).
KioskPage {
    id: screen

    required property MyAppointmentsViewModel appointments
    required property DeviceHub devices
    required property string hotline

    readonly property int step: screen.appointments.step

    title: qsTr("My appointments")

    Component.onCompleted: screen.appointments.begin()
    StackView.onRemoved: screen.appointments.reset()

    CardPrompt {
        objectName: "mineCardPrompt"
        visible: screen.step === MineStep.Identify
        warning: !screen.appointments.available || !screen.devices.readerReady
        text: !screen.appointments.available
              ? qsTr("Appointments cannot be looked up on this kiosk right now. Please call %1.").arg(screen.hotline)
              : screen.devices.readerReady
              ? qsTr("Your upcoming appointments are shown, and you can cancel one.")
              : qsTr("The card reader is not working right now. Please ask the station staff, or call %1.").arg(screen.hotline)
    }

    BodyText {
        objectName: "mineLoading"
        visible: screen.step === MineStep.Loading || screen.step === MineStep.Cancelling
        font.pixelSize: Theme.fontLarge
        text: screen.step === MineStep.Cancelling ? qsTr("Cancelling…") : qsTr("Looking up…")
    }

    BodyText {
        objectName: "mineNote"
        visible: text !== "" && screen.step === MineStep.List
        font.pixelSize: Theme.fontLarge
        font.bold: true
        color: Theme.accent
        text: Words.say(screen.appointments.noteCode, screen.appointments.noteArgs)
    }

    BodyText {
        objectName: "mineProblem"
        visible: text !== ""
        color: Theme.warning
        text: Words.say(screen.appointments.messageCode, screen.appointments.messageArgs)
    }

    KioskButton {
        objectName: "mineRetry"
        visible: screen.step === MineStep.List && screen.appointments.messageCode !== ""
        width: parent.width
        text: qsTr("Try again")
        onClicked: screen.appointments.retry()
    }

    BodyText {
        objectName: "mineNone"
        visible: screen.step === MineStep.List && screen.appointments.messageCode === ""
                 && screen.appointments.appointments.count === 0
        font.pixelSize: Theme.fontLarge
        text: qsTr("You have no upcoming appointments.")
    }

    BodyText {
        objectName: "mineConfirmQuestion"
        visible: screen.step === MineStep.Confirm
        font.pixelSize: Theme.fontLarge
        font.bold: true
        color: Theme.warning
        text: qsTr("Cancel this appointment? The time is then free for someone else.")
    }

    Repeater {
        model: screen.appointments.appointments
        delegate: SectionBox {
            id: row
            required property string number
            required property string itemName
            required property string placeName
            required property string placeAddress
            required property string date
            required property int weekday
            required property string start
            required property string end
            required property int index
            readonly property bool chosen: screen.appointments.chosen === number
            objectName: "mineAppointment_" + index
            visible: screen.step === MineStep.List || (screen.step === MineStep.Confirm && chosen)
            title: itemName
            BodyText {
                font.bold: true
                //: An appointment's time: %1 the day, %2 and %3 the start and end
                text: qsTr("%1, %2–%3").arg(Words.day(row.date, row.weekday)).arg(row.start).arg(row.end)
            }
            BodyText { text: Words.fill(qsTr("%1 · %2"), [row.placeName, row.placeAddress]) }
            BodyText {
                color: Theme.mutedText
                text: qsTr("Appointment number: %1").arg(row.number)
            }
            KioskButton {
                objectName: "mineCancel_" + row.index
                visible: screen.step === MineStep.List
                width: parent.width
                text: qsTr("Cancel this appointment")
                onClicked: screen.appointments.choose(row.number)
            }
            RowLayout {
                visible: screen.step === MineStep.Confirm
                width: parent.width
                spacing: Theme.spacing
                KioskButton {
                    objectName: "mineKeep"
                    Layout.fillWidth: true
                    text: qsTr("No, keep it")
                    onClicked: screen.appointments.keep()
                }
                KioskButton {
                    objectName: "mineConfirmCancel"
                    Layout.fillWidth: true
                    primary: true
                    text: qsTr("Yes, cancel it")
                    onClicked: screen.appointments.cancel()
                }
            }
        }
    }
}
