pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import Kiosk
import Kiosk.Types

// 在线申报: one screen whose body follows the application's step; 返回 goes one step back.
KioskPage {
    id: screen

    required property ApplyViewModel apply
    required property DeviceHub devices
    required property string hotline

    readonly property int step: screen.apply.step
    // 上一步 / 下一步 belong to the steps before submitting; the step bar shows those.
    readonly property bool editing: step >= ApplyStep.Conditions && step <= ApplyStep.Consent

    function titleOf(step: int): string {
        switch (step) {
        case ApplyStep.Conditions: return qsTr("Before you start")
        case ApplyStep.Identify: return qsTr("Who is applying")
        case ApplyStep.Form: return qsTr("Fill in the form")
        case ApplyStep.Materials: return qsTr("Materials")
        case ApplyStep.Review: return qsTr("Check everything")
        case ApplyStep.Consent: return qsTr("Your personal information")
        case ApplyStep.Submitting: return qsTr("Submitting")
        case ApplyStep.Done: return qsTr("Received")
        case ApplyStep.Rating: return qsTr("How did it go?")
        case ApplyStep.Thanks: return qsTr("Thank you")
        default: return ""
        }
    }

    function bodyOf(step: int): Component {
        switch (step) {
        case ApplyStep.Conditions: return conditionsStep
        case ApplyStep.Identify: return identifyStep
        case ApplyStep.Form: return formStep
        case ApplyStep.Materials: return materialsStep
        case ApplyStep.Review: return reviewStep
        case ApplyStep.Consent: return consentStep
        case ApplyStep.Submitting:
        case ApplyStep.Done: return doneStep
        case ApplyStep.Rating:
        case ApplyStep.Thanks: return ratingStep
        default: return null
        }
    }

    title: screen.apply.eventName !== ""
           ? qsTr("%1: %2 items together").arg(screen.apply.eventName).arg(screen.apply.itemNames.length)
           : screen.apply.itemName

    // Leaving the screen (首页, or 返回 from the first step) drops the application; done when
    // the screen leaves the stack, not while it is being destroyed.
    StackView.onRemoved: screen.apply.reset()

    StepBar {
        objectName: "applySteps"
        width: parent.width
        current: screen.step
        visible: screen.editing
    }

    KioskText {
        objectName: "applyStepTitle"
        // Landscape is short: the step bar already names the step there.
        visible: !Theme.landscape || !screen.editing
        width: parent.width
        text: screen.titleOf(screen.step)
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontTitle
        font.bold: true
        color: Theme.accent
        wrapMode: Text.Wrap
    }

    Loader {
        id: body
        objectName: "applyBody"
        width: parent.width
        height: (item as Item)?.implicitHeight ?? 0
        sourceComponent: screen.bodyOf(screen.step)
    }

    StepFooter {
        objectName: "applyFooter"
        width: parent.width
        apply: screen.apply
        visible: screen.editing
        // 下一步 refused: show the first thing to fix (the footer already says what).
        onRefused: {
            const first = screen.step === ApplyStep.Form ? (body.item as ApplyForm)?.firstProblem()
                        : screen.step === ApplyStep.Materials ? (body.item as ApplyMaterials)?.firstProblem()
                        : null
            if (first)
                screen.scrollTo(first)
        }
    }

    Component { id: conditionsStep; ApplyConditions { apply: screen.apply } }
    Component { id: identifyStep; ApplyIdentify { apply: screen.apply; devices: screen.devices } }
    Component { id: formStep; ApplyForm { apply: screen.apply } }
    Component { id: materialsStep; ApplyMaterials { apply: screen.apply } }
    Component { id: reviewStep; ApplyReview { apply: screen.apply } }
    Component { id: consentStep; ApplyConsent { apply: screen.apply } }
    Component { id: doneStep; ApplyDone { apply: screen.apply; devices: screen.devices; hotline: screen.hotline } }
    Component { id: ratingStep; ApplyRating { apply: screen.apply } }
}
