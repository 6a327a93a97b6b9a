pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import Kiosk.Types

// Step 1: who may apply and what to have ready, before anything personal is asked.
Column {
    id: step

    required property ApplyViewModel apply

    spacing: Theme.spacing

    // What an item says ({item, text}), with the item's name first in a bundle.
    function byItem(row: var): string {
        return row.item !== "" ? row.item + qsTr(": ", "between an item's name and what it says") + row.text
                               : row.text
    }

    SectionBox {
        objectName: "applyTogether"
        visible: step.apply.eventName !== ""
        title: qsTr("Applied for together")
        BodyText {
            width: parent.width
            text: qsTr("One form, one photo of each material and one consent for all of them. Each item becomes its own case, handled by its own department.")
        }
        Repeater {
            model: step.apply.itemNames
            delegate: BodyText {
                required property string modelData
                required property int index
                width: parent ? parent.width : 0
                font.bold: true
                text: (index + 1) + ". " + modelData
            }
        }
    }

    SectionBox {
        objectName: "applyConditions"
        title: qsTr("Who can apply")
        Repeater {
            model: step.apply.conditions
            delegate: BodyText {
                required property var modelData
                width: parent ? parent.width : 0
                text: "• " + step.byItem(modelData)
            }
        }
    }

    SectionBox {
        objectName: "applyMaterialList"
        title: qsTr("What you need")
        Repeater {
            model: step.apply.materials
            delegate: BodyText {
                // One row of the materials model (ui/applyview.py MaterialRow).
                required property string name
                required property string form
                required property int copies
                required property bool needed
                required property bool eLicence
                required property bool atCounter
                width: parent ? parent.width : 0
                // One .arg() only: a name from the catalog may itself hold "%2".
                text: "□ " + name + qsTr(" (%1)", "a material's form, after its name")
                                        .arg(Words.term(form) + (copies > 1 ? qsTr(", %1 copies").arg(copies) : ""))
                      + (needed ? "" : qsTr(" — if applicable"))
                      + (atCounter ? qsTr(" — may be brought to the counter later") : "")
                      + (eLicence ? qsTr(" — e-licence accepted") : "")
            }
        }
        BodyText {
            width: parent.width
            color: Theme.mutedText
            text: qsTr("You will photograph each material on the document camera. Have your ID card ready.")
        }
    }

    SectionBox {
        title: qsTr("Time limit")
        Repeater {
            model: step.apply.promised
            delegate: BodyText {
                required property var modelData
                width: parent ? parent.width : 0
                text: step.byItem(modelData)
            }
        }
        BodyText {
            width: parent.width
            visible: step.apply.deferralPolicy !== ""
            color: Theme.mutedText
            text: qsTr("Missing materials: %1").arg(step.apply.deferralPolicy)
        }
    }
}
