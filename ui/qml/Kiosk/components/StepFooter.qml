import QtQuick
import QtQuick.Layouts
import Kiosk
import Kiosk.Types

// The bottom of every application step: what is still wrong, then 上一步 and 下一步.
Column {
    id: footer

    required property ApplyViewModel apply
    signal refused()

    spacing: Theme.spacing

    BodyText {
        objectName: "applyMessage"
        width: parent.width
        visible: text !== ""
        text: Words.say(footer.apply.messageCode, footer.apply.messageArgs)
        color: Theme.warning
        font.bold: true
    }

    RowLayout {
        width: parent.width
        spacing: Theme.spacing
        KioskButton {
            objectName: "applyBackButton"
            Layout.preferredWidth: parent.width / 3
            text: qsTr("Previous")
            visible: footer.apply.step !== ApplyStep.Conditions
            onClicked: footer.apply.back()
        }
        KioskButton {
            objectName: "applyNextButton"
            Layout.fillWidth: true
            primary: true
            fontSize: Theme.fontLarge
            text: footer.apply.step === ApplyStep.Conditions ? qsTr("Start applying")
                  : footer.apply.step === ApplyStep.Review ? qsTr("Everything is correct")
                  : footer.apply.step === ApplyStep.Consent ? qsTr("I agree, submit")
                  : qsTr("Next")
            visible: footer.apply.step !== ApplyStep.Identify || footer.apply.waitingFor === ""
            onClicked: if (!footer.apply.next()) footer.refused()
        }
    }
}
