pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import Kiosk

// 在线申报: one screen whose body follows the application's step; 返回 goes one step back.
KioskPage {
    id: screen

    required property var apply
    required property var devices
    required property string hotline

    readonly property string step: screen.apply.step
    readonly property var stepTitles: ({
        conditions: qsTr("Before you start"),
        identify: qsTr("Who is applying"),
        form: qsTr("Fill in the form"),
        materials: qsTr("Materials"),
        review: qsTr("Check everything"),
        consent: qsTr("Your personal information"),
        submitting: qsTr("Submitting"),
        done: qsTr("Received"),
        rating: qsTr("How did it go?"),
        thanks: qsTr("Thank you")
    })

    title: screen.apply.item.name ?? ""

    // Leaving the screen (首页, or 返回 from the first step) drops the application; done when
    // the screen leaves the stack, not while it is being destroyed.
    StackView.onRemoved: screen.apply.reset()

    StepBar {
        objectName: "applySteps"
        width: parent.width
        current: screen.step
        visible: ["submitting", "done", "rating", "thanks"].indexOf(screen.step) < 0
    }

    KioskText {
        objectName: "applyStepTitle"
        // Landscape is short: the step bar already names the step there.
        visible: !Theme.landscape || ["done", "rating", "thanks", "submitting"].indexOf(screen.step) >= 0
        width: parent.width
        text: screen.stepTitles[screen.step] ?? ""
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
        sourceComponent: ({
            conditions: conditionsStep, identify: identifyStep, form: formStep,
            materials: materialsStep, review: reviewStep, consent: consentStep,
            submitting: doneStep, done: doneStep, rating: ratingStep, thanks: ratingStep
        })[screen.step] ?? null
    }

    StepFooter {
        objectName: "applyFooter"
        width: parent.width
        apply: screen.apply
        visible: ["conditions", "identify", "form", "materials", "review", "consent"].indexOf(screen.step) >= 0
        // 下一步 refused: show the first thing to fix (the footer already says what).
        onRefused: {
            const first = screen.step === "form" ? (body.item as ApplyForm)?.firstProblem()
                        : screen.step === "materials" ? (body.item as ApplyMaterials)?.firstProblem()
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
