import QtQuick
import Kiosk

// "No ID card with you?": name and ID number typed, where the station allows it (an
// application, a booking). `confirmed` hands them over. They are personal and do not stay:
// the fields are cleared when the person awaited changes (`awaiting`: the agent, then the
// applicant) and go with the step when it moves on; refused, they stay to be corrected.
SectionBox {
    id: typed

    property string awaiting
    signal confirmed(string name, string idNumber)

    onAwaitingChanged: {
        nameField.clear()
        numberField.clear()
    }

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
        onClicked: typed.confirmed(nameField.text, numberField.text)
    }
    BodyText {
        width: parent.width
        color: Theme.mutedText
        text: qsTr("A typed identity is checked again at the counter.")
    }
}
