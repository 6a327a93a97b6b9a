pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import Kiosk.Types

// The staff PIN pad in front of the staff panel. The digits stay in the staff model
// (ui/staffgate.py): this pad shows one dot per digit, never a digit.
Column {
    id: pad

    required property StaffGate staff
    signal cancelRequested()

    spacing: Theme.spacing

    KioskText {
        width: parent.width
        text: qsTr("Staff PIN")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontTitle
        font.bold: true
        color: Theme.text
    }

    KioskText {
        objectName: "staffPinMessage"
        width: parent.width
        text: {
            const staff = pad.staff
            if (!staff.configured)
                return qsTr("No staff PIN is set. Set one with: kiosk staff set-pin")
            if (staff.lockedSeconds >= 60)
                return qsTr("Too many wrong PINs. Please try again in %n minute(s).", "",
                            Math.ceil(staff.lockedSeconds / 60))
            if (staff.lockedSeconds > 0)
                return qsTr("Too many wrong PINs. Please try again in %n second(s).", "",
                            staff.lockedSeconds)
            if (staff.checkFailed)
                return qsTr("The PIN could not be checked. Please try again, or restart the kiosk.")
            if (staff.wrongPin)
                return qsTr("Wrong PIN. %n more wrong attempt(s) lock the pad.", "",
                            staff.triesLeft)
            if (staff.checking)
                return qsTr("Checking…")
            return qsTr("Enter the staff PIN, then press OK.")
        }
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        color: pad.staff.wrongPin || pad.staff.lockedSeconds > 0 || !pad.staff.configured
               ? Theme.warning : Theme.text
        wrapMode: Text.WordWrap
    }

    // One dot per digit typed (the model gives only the count, never the digits).
    KioskText {
        objectName: "staffPinDots"
        width: parent.width
        height: Theme.fontHuge
        visible: pad.staff.configured
        text: "●".repeat(pad.staff.entryLength)
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontHuge
        font.letterSpacing: Theme.spacing / 2
        color: Theme.text
        Accessible.role: Accessible.StaticText
        Accessible.name: qsTr("%n digit(s) entered", "", pad.staff.entryLength)
    }

    // Nine digits, then 删除 · 0 · 确定: the layout of a telephone pad.
    Grid {
        objectName: "staffPinKeys"
        visible: pad.staff.configured
        columns: 3
        spacing: Theme.spacing / 2
        Repeater {
            model: ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
            delegate: pinKey
        }
        KioskButton {
            objectName: "staffPinErase"
            width: Theme.touchMin * 2
            text: qsTr("Delete")
            enabled: pad.staff.entryLength > 0
            onClicked: pad.staff.erase()
        }
        Repeater {
            model: ["0"]
            delegate: pinKey
        }
        KioskButton {
            objectName: "staffPinOk"
            width: Theme.touchMin * 2
            primary: true
            text: qsTr("OK")
            enabled: pad.staff.canSubmit
            onClicked: pad.staff.submit()
        }
    }

    Component {
        id: pinKey
        KioskButton {
            id: key
            required property string modelData
            objectName: "staffPinKey_" + key.modelData
            width: Theme.touchMin * 2
            fontSize: Theme.fontTitle
            text: key.modelData
            Accessible.name: qsTr("Digit %1").arg(key.modelData)
            enabled: pad.staff.acceptsKeys
            onClicked: pad.staff.press(key.modelData)
        }
    }

    KioskButton {
        objectName: "staffPinCancel"
        text: qsTr("Close")
        onClicked: pad.cancelRequested()
    }
}
