pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import Kiosk.Types

// The daily self-check (staff mode): the checklist with each step's state, what to do now,
// Retry and Skip when a step waits or failed, and the result kept at the end. When opened it
// shows the last result. Closing it drops a check under way and returns to the staff panel.
Rectangle {
    id: panel

    required property SelfCheckViewModel selfCheck
    readonly property SelfCheckTexts texts: SelfCheckTexts {}
    // Lists from Python reach typed functions only through typed properties.
    readonly property list<string> currentArgs: panel.selfCheck.currentArgs
    readonly property list<int> lastFailedSteps: panel.selfCheck.lastFailedSteps
    signal closeRequested()

    function close() {
        panel.selfCheck.cancel()
        panel.closeRequested()
    }

    function stateColor(state: int): color {
        return state === SelfCheckState.Passed ? Theme.lightGreen
             : state === SelfCheckState.Failed ? Theme.lightRed
             : state === SelfCheckState.Checking ? Theme.lightAmber : Theme.lightNone
    }

    function stateText(state: int): string {
        return state === SelfCheckState.Passed ? qsTr("Passed")
             : state === SelfCheckState.Failed ? qsTr("Not passed")
             : state === SelfCheckState.Skipped ? qsTr("Not checked")
             : state === SelfCheckState.Checking ? qsTr("Checking…") : qsTr("Waiting")
    }

    function failedNames(steps: list<int>): string {
        return steps.map(step => panel.texts.stepName(step)).join(qsTr(", "))
    }

    Component.onCompleted: panel.selfCheck.start()
    color: Theme.scrim
    MouseArea {  // keeps touches from what lies beneath; nothing to say or to press
        objectName: "touchBlocker"
        anchors.fill: parent
        Accessible.ignored: true
    }

    Rectangle {
        objectName: "selfCheckDialog"
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 1000)
        height: Math.min(column.implicitHeight + 2 * Theme.margin, parent.height - 2 * Theme.margin)
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
        border.width: Theme.borderWidth

        Flickable {
            id: flick
            anchors.fill: parent
            anchors.margins: Theme.margin
            contentHeight: column.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds

            // What to do now and the buttons are at the end: keep them in sight when the
            // checklist is taller than the screen (landscape, elder mode).
            function showEnd() {
                flick.contentY = Math.max(0, flick.contentHeight - flick.height)
            }
            onContentHeightChanged: flick.showEnd()
            Connections {
                target: panel.selfCheck
                function onChanged() { flick.showEnd() }
            }

            Column {
                id: column
                width: parent.width
                spacing: Theme.spacing

                KioskText {
                    width: parent.width
                    text: qsTr("Daily self-check")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    color: Theme.text
                }

                KioskText {
                    objectName: "selfCheckLast"
                    width: parent.width
                    visible: !panel.selfCheck.running && panel.selfCheck.phase !== "done"
                    text: !panel.selfCheck.hasLast
                          ? qsTr("No self-check has been done on this terminal yet.")
                          : panel.selfCheck.lastPassed
                            ? qsTr("Last self-check %1: everything passed.").arg(panel.selfCheck.lastAt)
                            : qsTr("Last self-check %1: not passed: %2.").arg(panel.selfCheck.lastAt)
                              .arg(panel.failedNames(panel.lastFailedSteps))
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    color: panel.selfCheck.hasLast && !panel.selfCheck.lastPassed ? Theme.warning : Theme.text
                    wrapMode: Text.WordWrap
                }

                Repeater {
                    model: panel.selfCheck.rows
                    delegate: Row {
                        id: row
                        required property int step
                        required property int status
                        required property string reason
                        required property list<string> args
                        objectName: "selfCheckRow_" + step
                        width: column.width
                        spacing: Theme.spacing
                        Rectangle {
                            width: 32
                            height: 32
                            radius: 16
                            y: 6
                            color: panel.stateColor(row.status)
                            Accessible.name: panel.stateText(row.status)
                        }
                        Column {
                            width: parent.width - 32 - Theme.spacing
                            KioskText {
                                objectName: "selfCheckStepName"
                                width: parent.width
                                text: qsTr("%1: %2").arg(panel.texts.stepName(row.step)).arg(panel.stateText(row.status))
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontBody
                                font.bold: row.status === SelfCheckState.Checking
                                color: Theme.text
                                wrapMode: Text.WordWrap
                            }
                            KioskText {
                                objectName: "selfCheckFound"
                                width: parent.width
                                visible: text !== ""
                                text: row.reason !== "" ? panel.texts.found(row.reason, row.args) : ""
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontSmall
                                color: row.status === SelfCheckState.Failed ? Theme.warning : Theme.mutedText
                                wrapMode: Text.WrapAnywhere
                            }
                        }
                    }
                }

                KioskText {
                    objectName: "selfCheckInstruction"
                    width: parent.width
                    visible: text !== ""
                    text: panel.selfCheck.phase === "checking"
                          ? panel.texts.instruction(panel.selfCheck.waitingFor) : ""
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    color: Theme.accent
                    wrapMode: Text.WordWrap
                }

                KioskText {
                    objectName: "selfCheckProblem"
                    width: parent.width
                    visible: panel.selfCheck.phase === "stopped"
                    text: visible
                          ? qsTr("%1: %2").arg(panel.texts.stepName(panel.selfCheck.currentStep))
                            .arg(panel.texts.found(panel.selfCheck.currentReason, panel.currentArgs))
                            + "\n" + panel.texts.advice(panel.selfCheck.currentReason, panel.currentArgs)
                            + "\n" + qsTr("Press Retry to check it again, or Skip to go on without it.")
                          : ""
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    color: Theme.warning
                    wrapMode: Text.WordWrap
                }

                KioskText {
                    objectName: "selfCheckSummary"
                    width: parent.width
                    visible: panel.selfCheck.phase === "done"
                    text: panel.selfCheck.saveFailed
                          ? qsTr("The self-check is finished but its result could not be saved. Call the district's technicians.")
                          : !panel.selfCheck.saved ? ""
                          : panel.selfCheck.lastPassed
                            ? qsTr("Self-check finished and saved: everything passed.")
                            : qsTr("Self-check finished and saved. Not passed: %1.")
                              .arg(panel.failedNames(panel.lastFailedSteps))
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    color: panel.selfCheck.lastPassed && !panel.selfCheck.saveFailed ? Theme.text : Theme.warning
                    wrapMode: Text.WordWrap
                }

                Flow {
                    width: parent.width
                    spacing: Theme.spacing
                    KioskButton {
                        objectName: "selfCheckStart"
                        visible: !panel.selfCheck.running
                        primary: true
                        text: panel.selfCheck.phase === "done" || panel.selfCheck.hasLast
                              ? qsTr("Run the self-check again") : qsTr("Start the self-check")
                        onClicked: panel.selfCheck.begin()
                    }
                    KioskButton {
                        objectName: "selfCheckRetry"
                        visible: panel.selfCheck.canRetry
                        primary: true
                        text: qsTr("Retry")
                        onClicked: panel.selfCheck.retry()
                    }
                    KioskButton {
                        objectName: "selfCheckSkip"
                        visible: panel.selfCheck.canSkip
                        text: qsTr("Skip")
                        onClicked: panel.selfCheck.skip()
                    }
                    KioskButton {
                        objectName: "selfCheckClose"
                        text: qsTr("Back to the staff panel")
                        onClicked: panel.close()
                    }
                }
            }
        }
    }
}
