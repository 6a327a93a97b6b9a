pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import Kiosk.Types

// 一件事: one life event (生孩子, 退休 …): its items in the order they are done, what each
// takes and whether it can be applied for here, and the materials of all of them, each once.
KioskPage {
    id: page

    required property CatalogViewModel catalog
    signal itemChosen(string code)
    signal applyRequested(string code)  // the items that can be applied for here, at once

    title: qsTr("Life event: %1").arg(page.catalog.eventName)

    BodyText {
        objectName: "eventSummary"
        width: parent.width
        text: page.catalog.eventSummary
    }

    SampleNotice {
        width: parent.width
        visible: page.catalog.sample
    }

    KioskText {
        width: parent.width
        text: qsTr("The items, in the order they are done")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontLarge
        font.bold: true
        color: Theme.text
        wrapMode: Text.Wrap
    }
    Column {
        id: itemList
        width: parent.width
        spacing: Theme.spacing / 2
        Repeater {
            model: page.catalog.eventItems
            delegate: Row {
                id: step
                required property int index
                required property string code
                required property string name
                required property string department
                required property int visits
                required property bool canApply
                width: itemList.width
                spacing: Theme.spacing / 2
                KioskText {
                    id: number
                    anchors.verticalCenter: parent.verticalCenter
                    width: Theme.fontHuge * 1.2
                    horizontalAlignment: Text.AlignHCenter
                    text: String(step.index + 1)
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontHuge
                    font.bold: true
                    color: Theme.accent
                    Accessible.ignored: true
                }
                ItemRow {
                    objectName: "eventItem_" + step.index
                    width: itemList.width - number.width - parent.spacing
                    code: step.code
                    name: step.name
                    department: step.department
                    visits: step.visits
                    canApply: step.canApply
                    onClicked: page.itemChosen(step.code)
                }
            }
        }
    }

    KioskButton {
        objectName: "eventApply"
        visible: page.catalog.eventOnline >= 2
        width: parent.width
        primary: true
        fontSize: Theme.fontLarge
        text: qsTr("Apply for the %1 items marked “Apply here” together").arg(page.catalog.eventOnline)
        onClicked: page.applyRequested(page.catalog.eventCode)
    }
    BodyText {
        visible: page.catalog.eventOnline >= 2
        width: parent.width
        color: Theme.mutedText
        text: qsTr("Your ID card once, one form, each material photographed once.")
    }

    SectionBox {
        objectName: "eventMaterials"
        title: qsTr("Materials for all of them: prepare each once")
        Column {
            id: materialList
            width: parent.width
            spacing: Theme.spacing
            Repeater {
                model: page.catalog.eventMaterials
                delegate: Column {
                    id: material
                    required property int index
                    required property string name
                    required property string form
                    required property int copies
                    required property string forItems
                    objectName: "eventMaterial_" + index
                    width: materialList.width
                    spacing: Theme.spacing / 4
                    KioskText {
                        width: parent.width
                        text: qsTr("%1 · %2 × %3").arg(material.name)
                                                   .arg(Words.term(material.form))
                                                   .arg(material.copies)
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
                    KioskText {
                        width: parent.width
                        // One .arg(): the names are data (the list's separator is the UI's).
                        text: qsTr("For: %1").arg(material.forItems.split("\n")
                                                  .join(qsTr(", ", "between item names in a list")))
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                        color: Theme.mutedText
                        wrapMode: Text.Wrap
                    }
                }
            }
        }
    }

    BodyText {
        width: parent.width
        text: qsTr("Open an item for its full guide: where, when, fees and time limits. Items marked “Apply here” can be applied for on this kiosk.")
        color: Theme.mutedText
    }
}
