pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import Kiosk
import Kiosk.Apply

// 在线申报: one screen whose body follows the application's step; 返回 goes one step back.
KioskPage {
    id: screen

    required property ApplyViewModel apply
    required property var devices
    required property string hotline

    readonly property int step: screen.apply.step
    // 上一步 / 下一步 belong to the steps before submitting; the step bar shows those.
    readonly property bool editing: step >= ApplyViewModel.Conditions && step <= ApplyViewModel.Consent

    function titleOf(step: int): string {
        switch (step) {
        case ApplyViewModel.Conditions: return qsTr("Before you start")
        case ApplyViewModel.Identify: return qsTr("Who is applying")
        case ApplyViewModel.Form: return qsTr("Fill in the form")
        case ApplyViewModel.Materials: return qsTr("Materials")
        case ApplyViewModel.Review: return qsTr("Check everything")
        case ApplyViewModel.Consent: return qsTr("Your personal information")
        case ApplyViewModel.Submitting: return qsTr("Submitting")
        case ApplyViewModel.Done: return qsTr("Received")
        case ApplyViewModel.Rating: return qsTr("How did it go?")
        case ApplyViewModel.Thanks: return qsTr("Thank you")
        default: return ""
        }
    }

    function bodyOf(step: int): Component {
        switch (step) {
        case ApplyViewModel.Conditions: return conditionsStep
        case ApplyViewModel.Identify: return identifyStep
        case ApplyViewModel.Form: return formStep
        case ApplyViewModel.Materials: return materialsStep
        case ApplyViewModel.Review: return reviewStep
        case ApplyViewModel.Consent: return consentStep
        case ApplyViewModel.Submitting:
        case ApplyViewModel.Done: return doneStep
        case ApplyViewModel.Rating:
        case ApplyViewModel.Thanks: return ratingStep
        default: return null
        }
    }

    title: screen.apply.itemName

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
            const first = screen.step === ApplyViewModel.Form ? (body.item as ApplyForm)?.firstProblem()
                        : screen.step === ApplyViewModel.Materials ? (body.item as ApplyMaterials)?.firstProblem()
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
