import QtQuick
import Kiosk

// "No ID card with you?": name and ID number typed, where the station allows it (an
// application, a booking). `confirmed` hands them over; the flow says whether they do, and
// the fields are cleared once it takes them (they are personal: they do not stay).
SectionBox {
    id: typed

    signal confirmed(string name, string idNumber)

    function clear() {
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
