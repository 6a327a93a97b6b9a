pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// Step 1: who may apply and what to have ready, before anything personal is asked.
Column {
    id: step

    required property var apply

    spacing: Theme.spacing

    SectionBox {
        objectName: "applyConditions"
        title: qsTr("Who can apply")
        Repeater {
            model: step.apply.item.conditions ?? []
            delegate: BodyText {
                required property string modelData
                width: parent ? parent.width : 0
                text: "• " + modelData
            }
        }
    }

    SectionBox {
        objectName: "applyMaterialList"
        title: qsTr("What you need")
        Repeater {
            model: step.apply.materials
            delegate: BodyText {
                required property var modelData
                width: parent ? parent.width : 0
                text: "□ " + modelData.name + "（" + modelData.form
                      + (modelData.copies > 1 ? qsTr(", %1 copies").arg(modelData.copies) : "") + "）"
                      + (modelData.required ? "" : qsTr(" — if applicable"))
                      + (modelData.ways.indexOf("at_counter") >= 0 ? qsTr(" — may be brought to the counter later") : "")
                      + (modelData.ways.indexOf("e_licence") >= 0 ? qsTr(" — e-licence accepted") : "")
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
        BodyText { width: parent.width; text: step.apply.item.promised ?? "" }
        BodyText {
            width: parent.width
            visible: (step.apply.item.deferralPolicy ?? "") !== ""
            color: Theme.mutedText
            text: qsTr("Missing materials: %1").arg(step.apply.item.deferralPolicy ?? "")
        }
    }
}
