pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import Kiosk.Types

// Step 5: everything on one page, personal data masked; press and hold a line to see it.
Column {
    id: step

    required property ApplyViewModel apply

    spacing: Theme.spacing

    BodyText {
        width: parent.width
        color: Theme.mutedText
        text: qsTr("Personal details are hidden. Press and hold a line to see it in full.")
    }

    SectionBox {
        objectName: "applyReview"
        title: qsTr("Your application")
        Repeater {
            model: step.apply.review
            delegate: Item {
                id: row
                // One row of the review model (kiosk/apply/rules.py ReviewRow).
                required property string kind  // name, id_number, answer, material
                required property string role  // agent or applicant (name, id_number)
                required property string label  // the field's label or the material's name
                required property string masked
                required property string full
                required property string provision
                required property int pages
                required property int index
                readonly property string title: row.kind === "name" ? (row.role === "agent" ? qsTr("Proxy's name") : qsTr("Applicant's name"))
                                              : row.kind === "id_number" ? (row.role === "agent" ? qsTr("Proxy's ID number") : qsTr("Applicant's ID number"))
                                              : Words.term(row.label)
                readonly property string shown: row.kind === "material" ? Words.provision(row.provision, row.pages) : Words.term(row.masked)
                objectName: "reviewRow_" + index
                readonly property bool touchTarget: true
                width: parent ? parent.width : 0
                // A row is held to reveal its value: a full touch target (it was 77 px, under 80).
                height: Math.max(Theme.touchMin, valueText.implicitHeight + Theme.spacing / 2)
                Accessible.role: Accessible.StaticText
                Accessible.name: row.title
                KioskText {
                    id: labelText
                    width: parent.width * 0.4
                    anchors.verticalCenter: parent.verticalCenter
                    text: row.title
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    color: Theme.mutedText
                    wrapMode: Text.Wrap
                }
                KioskText {
                    id: valueText
                    objectName: "reviewValue"
                    x: parent.width * 0.42
                    width: parent.width * 0.58
                    anchors.verticalCenter: parent.verticalCenter
                    text: reveal.pressed && row.full !== "" ? row.full : row.shown
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                MouseArea {
                    id: reveal
                    objectName: "reveal_" + row.index
                    anchors.fill: parent
                    Accessible.role: Accessible.Button
                    // The label only: the value is personal, and masked until held.
                    Accessible.name: qsTr("Hold to see %1 in full").arg(row.title)
                }
            }
        }
    }
}
