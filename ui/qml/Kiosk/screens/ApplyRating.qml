pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import Kiosk.Types

// 好差评: five levels; the bottom two ask why. One rating per case; anonymous to staff.
Column {
    id: step

    required property ApplyViewModel apply

    property int level: 0
    property list<string> reasons: []

    spacing: Theme.spacing

    function toggle(reason: string) {
        const chosen = step.reasons.slice()
        const at = chosen.indexOf(reason)
        if (at >= 0) chosen.splice(at, 1); else chosen.push(reason)
        step.reasons = chosen
    }

    BodyText {
        objectName: "ratingPrompt"
        visible: step.apply.step === ApplyStep.Rating
        width: parent.width
        text: qsTr("Please rate this service. Your rating goes to the district with the case number, not your name.")
    }

    Column {
        visible: step.apply.step === ApplyStep.Rating
        width: parent.width
        spacing: Theme.spacing / 2
        Repeater {
            model: step.apply.ratingLevels
            delegate: KioskButton {
                // One row of the rating levels model (ui/applyview.py RatingRow).
                required property int level
                objectName: "rate_" + level
                width: parent ? parent.width : 0
                checkable: true
                checked: step.level === level
                fontSize: Theme.fontLarge
                text: "★".repeat(level) + "  " + Words.ratingLevel(level)
                onClicked: step.level = level
            }
        }
    }

    SectionBox {
        objectName: "ratingReasons"
        visible: step.apply.step === ApplyStep.Rating && step.level > 0 && step.level <= 2
        title: qsTr("What went wrong? (choose any)")
        Flow {
            width: parent.width
            spacing: Theme.spacing / 2
            Repeater {
                model: step.apply.badReasons
                delegate: KioskButton {
                    required property string modelData
                    objectName: "reason_" + modelData
                    checkable: true
                    checked: step.reasons.indexOf(modelData) >= 0
                    text: Words.ratingReason(modelData)
                    onClicked: step.toggle(modelData)
                }
            }
        }
        KioskTextField {
            id: comment
            objectName: "ratingComment"
            width: parent.width
            maximumLength: 500
            placeholderText: qsTr("Anything else you want to tell us (optional)")
        }
    }

    BodyText {
        objectName: "ratingMessage"
        width: parent.width
        visible: text !== "" && step.apply.step === ApplyStep.Rating
        color: Theme.warning
        text: Words.say(step.apply.messageCode, step.apply.messageArgs)
    }

    RowLayout {
        visible: step.apply.step === ApplyStep.Rating
        width: parent.width
        spacing: Theme.spacing
        KioskButton {
            objectName: "skipRating"
            Layout.preferredWidth: parent.width / 3
            text: qsTr("Skip")
            onClicked: step.apply.finish()
        }
        KioskButton {
            objectName: "sendRating"
            Layout.fillWidth: true
            primary: true
            enabled: step.level > 0
            text: qsTr("Send rating")
            onClicked: step.apply.rate(step.level, step.reasons, comment.text)
        }
    }

    SectionBox {
        objectName: "ratingThanks"
        visible: step.apply.step === ApplyStep.Thanks
        title: qsTr("Thank you for your rating")
        BodyText {
            width: parent.width
            text: qsTr("Everything you entered has been cleared from this kiosk. Please take your ID card and receipt.")
        }
        KioskButton {
            objectName: "finishButton"
            width: parent.width
            primary: true
            text: qsTr("Finish")
            onClicked: step.apply.finish()
        }
    }
}
