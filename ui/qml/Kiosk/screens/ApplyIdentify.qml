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

    TypedIdentity {
        objectName: "applyTypedIdentity"
        visible: step.apply.waitingFor !== "" && step.apply.typedAllowed
        awaiting: step.apply.waitingFor
        onConfirmed: (name, idNumber) => step.apply.identifyTyped(name, idNumber)
    }
}
