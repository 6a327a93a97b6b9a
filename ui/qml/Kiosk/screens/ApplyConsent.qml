import QtQuick
import Kiosk
import Kiosk.Types

// Step 6: what happens with the personal information, said plainly, before it leaves.
Column {
    id: step

    required property ApplyViewModel apply

    spacing: Theme.spacing

    SectionBox {
        objectName: "applyConsent"
        title: qsTr("Before you submit")
        // The words of what kiosk/apply/rules.py CONSENT records with the application.
        BodyText { width: parent.width; text: qsTr("Purpose: to handle the service you are applying for.") }
        BodyText { width: parent.width; text: qsTr("Sent to: the Xicheng District government service platform and the departments handling your application.") }
        BodyText { width: parent.width; text: qsTr("Kept: as the rules for government service records require; this kiosk deletes it as soon as the submission has gone through.") }
        BodyText {
            width: parent.width
            color: Theme.mutedText
            text: qsTr("Nothing you entered stays on this kiosk after you finish: the screen is cleared and the stored copy is deleted as soon as the district platform confirms it.")
        }
    }
}
