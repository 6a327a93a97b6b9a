import QtQuick
import Kiosk
import Kiosk.Apply

// Step 6: what happens with the personal information, said plainly, before it leaves.
Column {
    id: step

    required property ApplyViewModel apply

    spacing: Theme.spacing

    SectionBox {
        objectName: "applyConsent"
        title: qsTr("Before you submit")
        BodyText { width: parent.width; text: qsTr("Purpose: %1").arg(step.apply.consentText.purpose) }
        BodyText { width: parent.width; text: qsTr("Sent to: %1").arg(step.apply.consentText.recipient) }
        BodyText { width: parent.width; text: qsTr("Kept: %1").arg(step.apply.consentText.retention) }
        BodyText {
            width: parent.width
            color: Theme.mutedText
            text: qsTr("Nothing you entered stays on this kiosk after you finish: the screen is cleared and the stored copy is deleted as soon as the district platform confirms it.")
        }
    }
}
