pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import Kiosk.Types

// Step 2: the ID card on the reader (or, where the item allows it, name and number typed);
// with 委托代办 the agent first, then the applicant's card.
Column {
    id: step

    required property ApplyViewModel apply
    required property DeviceHub devices

    spacing: Theme.spacing

    RowLayout {
        width: parent.width
        spacing: Theme.spacing
        KioskButton {
            objectName: "applyForMyself"
            Layout.fillWidth: true
            checkable: true
            checked: !step.apply.proxy
            text: qsTr("For myself")
            onClicked: step.apply.setProxy(false)
        }
        KioskButton {
            objectName: "applyForSomeoneElse"
            Layout.fillWidth: true
            checkable: true
            checked: step.apply.proxy
            text: qsTr("For someone else (proxy)")
            onClicked: step.apply.setProxy(true)
        }
    }

    BodyText {
        width: parent.width
        visible: step.apply.proxy
        color: Theme.mutedText
        text: qsTr("As a proxy you identify first, then place the applicant's ID card. A signed letter of authorisation is added to the materials.")
    }

    Repeater {
        model: step.apply.people
        delegate: SectionBox {
            id: person
            // One row of the people model (ui/applyview.py PersonRow), masked.
            required property string role
            required property string name
            required property string idNumber
            objectName: "identified_" + role
            title: role === "agent" ? qsTr("Proxy") : qsTr("Applicant")
            BodyText {
                width: parent.width
                text: qsTr("%1, ID %2").arg(person.name).arg(person.idNumber)
            }
        }
    }

    CardPrompt {
        objectName: "applyCardPrompt"
        visible: step.apply.waitingFor !== ""
        title: step.apply.waitingFor === "agent" ? qsTr("Proxy: place your ID card on the reader")
                                                 : step.apply.proxy ? qsTr("Now place the applicant's ID card on the reader")
                                                 : qsTr("Place your ID card on the reader")
        warning: !step.devices.readerReady
        text: step.devices.readerReady
              ? qsTr("Keep the card on the reader until your name appears.")
              : qsTr("The card reader is not working right now.") + (step.apply.typedAllowed ? qsTr(" You can type your name and ID number below.") : qsTr(" Please ask the station staff."))
    }

    SectionBox {
        objectName: "applyTypedIdentity"
        visible: step.apply.waitingFor !== "" && step.apply.typedAllowed
        title: qsTr("No ID card with you?")
        KioskTextField {
            id: nameField
            objectName: "typedName"
            width: parent.width
            placeholderText: qsTr("Name as on the ID card")
        }
        KioskTextField {
            id: numberField
            objectName: "typedIdNumber"
            width: parent.width
            placeholderText: qsTr("18-digit ID number")
            maximumLength: 18
            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhPreferNumbers | Qt.ImhUppercaseOnly
                              | Qt.ImhNoPredictiveText
        }
        KioskButton {
            objectName: "typedIdentityButton"
            width: parent.width
            text: qsTr("Confirm")
            enabled: nameField.text.trim() !== "" && numberField.text.trim() !== ""
            onClicked: {
                if (step.apply.identifyTyped(nameField.text, numberField.text)) {
                    nameField.clear()
                    numberField.clear()
                }
            }
        }
        BodyText {
            width: parent.width
            color: Theme.mutedText
            text: qsTr("A typed identity is checked again at the counter.")
        }
    }
}
