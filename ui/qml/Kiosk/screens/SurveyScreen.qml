pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import Kiosk
import Kiosk.Types

// 意见征集: one survey's questions (single choice, multiple choice, short text), answered
// anonymously and sent through the outbox; a session answers each survey once.
KioskPage {
    id: screen

    required property EngagementViewModel engagement
    signal done()

    readonly property int step: screen.engagement.surveyStep
    readonly property bool answering: step === SurveyStep.Answering || step === SurveyStep.Sending

    title: screen.engagement.surveyTitle

    // Leaving the screen (返回, 首页) forgets what was chosen and typed.
    StackView.onRemoved: screen.engagement.closeSurvey()

    KioskText {
        objectName: "surveyMeta"
        width: parent.width
        text: Words.fill(qsTr("%1 · open until %2"),
                         [screen.engagement.surveySource, screen.engagement.surveyCloses])
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        color: Theme.mutedText
        wrapMode: Text.Wrap
    }

    BodyText {
        objectName: "surveyIntro"
        visible: screen.answering
        width: parent.width
        text: screen.engagement.surveyIntro
    }

    Rectangle {
        objectName: "surveyAnonymous"
        visible: screen.answering
        width: parent.width
        height: anonymous.implicitHeight + Theme.spacing
        radius: Theme.radius / 2
        color: "transparent"
        border.color: Theme.accent
        border.width: Theme.borderWidth
        BodyText {
            id: anonymous
            anchors.centerIn: parent
            width: parent.width - Theme.spacing
            text: qsTr("Anonymous: no ID card and no phone number are asked for. Please do not write your name or numbers in your answers; numbers that identify someone are hidden before sending.")
        }
    }

    Column {
        id: questionList
        objectName: "surveyQuestions"
        visible: screen.answering
        width: parent.width
        spacing: Theme.spacing
        Repeater {
            id: questionRepeater
            model: screen.engagement.questions
            delegate: SectionBox {
                id: box
                required property int number
                required property string code
                required property string kind
                required property string question
                required property bool optional
                required property list<string> options
                required property list<string> chosen
                required property string written
                readonly property bool missing: screen.engagement.unanswered === box.number
                objectName: "surveyQuestion_" + number
                width: questionList.width
                border.color: box.missing ? Theme.warning : Theme.border
                border.width: box.missing ? 2 * Theme.borderWidth : Theme.borderWidth
                BodyText {
                    objectName: "surveyMissing_" + box.number
                    visible: box.missing
                    width: parent.width
                    color: Theme.warning
                    font.bold: true
                    text: qsTr("Please answer this question.")
                }
                title: box.optional ? qsTr("%1. %2 (optional)").arg(box.number).arg(box.question)
                                    : qsTr("%1. %2").arg(box.number).arg(box.question)
                BodyText {
                    visible: box.kind === "multiple"
                    width: parent.width
                    color: Theme.mutedText
                    text: qsTr("Choose all that apply.")
                }
                Flow {
                    visible: box.kind !== "text"
                    width: parent.width
                    spacing: Theme.spacing / 2
                    Repeater {
                        model: box.options
                        delegate: KioskButton {
                            required property string modelData
                            required property int index
                            objectName: "surveyOption_" + box.number + "_" + index
                            checkable: true
                            checked: box.chosen.indexOf(modelData) >= 0
                            enabled: screen.step === SurveyStep.Answering
                            text: modelData
                            onClicked: screen.engagement.choose(box.code, modelData)
                        }
                    }
                }
                KioskTextField {
                    id: written
                    objectName: "surveyText_" + box.number
                    visible: box.kind === "text"
                    width: parent.width
                    maximumLength: 200
                    enabled: screen.step === SurveyStep.Answering
                    placeholderText: qsTr("Type here (at most 200 characters)")
                    Component.onCompleted: written.text = box.written
                    onTextChanged: screen.engagement.write(box.code, written.text)
                    // Sent (or left): what was typed goes from the field too.
                    readonly property bool answering: screen.answering
                    onAnsweringChanged: if (!answering) written.clear()
                }
            }
        }
    }

    BodyText {
        objectName: "surveyProblem"
        visible: text !== ""
        width: parent.width
        color: Theme.warning
        font.pixelSize: Theme.fontLarge
        text: screen.engagement.unanswered > 0
              ? qsTr("Please answer question %1 first.").arg(screen.engagement.unanswered)
              : Words.say(screen.engagement.messageCode, screen.engagement.messageArgs)
    }

    KioskButton {
        objectName: "surveySubmit"
        visible: screen.answering
        width: parent.width
        primary: true
        fontSize: Theme.fontLarge
        enabled: screen.step === SurveyStep.Answering
        text: screen.step === SurveyStep.Sending ? qsTr("Sending…") : qsTr("Send my answers")
        onClicked: {
            screen.engagement.submit()
            const missing = screen.engagement.unanswered
            if (missing > 0)  // the question to answer, in view
                screen.scrollTo(questionRepeater.itemAt(missing - 1) as Item)
        }
    }

    onStepChanged: {
        if (!screen.answering)
            Qt.callLater(() => screen.scrollTo(thanks))
    }

    Column {
        id: thanks
        objectName: "surveyThanks"
        visible: !screen.answering
        width: parent.width
        spacing: Theme.spacing
        KioskText {
            width: parent.width
            text: screen.step === SurveyStep.Thanks ? qsTr("Thank you for your views")
                                                    : qsTr("You have answered this survey")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.accent
            wrapMode: Text.Wrap
        }
        BodyText {
            width: parent.width
            text: screen.step === SurveyStep.Thanks
                  ? qsTr("Your answers were received without your name and go to the district within the hour. The district publishes what it learns from them.")
                  : qsTr("Each survey takes one answer per visit. Thank you for taking part.")
        }
        KioskButton {
            objectName: "surveyDone"
            width: parent.width
            primary: true
            fontSize: Theme.fontLarge
            text: qsTr("Done")
            onClicked: screen.done()
        }
    }
}
