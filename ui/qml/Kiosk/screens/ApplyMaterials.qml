pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import Kiosk.Types

// Step 4: each material photographed page by page on the document camera, or brought to
// the counter later where 容缺受理 allows it, or taken from the e-licence library.
Column {
    id: step

    required property ApplyViewModel apply

    spacing: Theme.spacing

    BodyText {
        width: parent.width
        color: Theme.mutedText
        text: step.apply.cameraMode === "camera"
              ? qsTr("Lay the page face up under the document camera, then press Photograph. Photograph each page of a material.")
              : qsTr("Demo: pages are taken from sample images instead of the document camera.")
    }

    Loader {
        objectName: "cameraPreview"
        active: step.apply.cameraMode === "camera"
        visible: active
        width: parent.width
        height: (item as Item)?.implicitHeight ?? 0
        sourceComponent: CameraPreview {
            session: step.apply.cameraSession
            ready: step.apply.cameraReady
        }
    }

    function firstProblem(): Item {
        return step.apply.firstMissing >= 0 ? boxes.itemAt(step.apply.firstMissing) : null
    }

    Repeater {
        id: boxes
        model: step.apply.materials
        delegate: SectionBox {
            id: box
            // One row of the materials model (ui/applyview.py MaterialRow).
            required property string name
            required property string form
            required property string note
            required property bool needed
            required property bool eLicence
            required property bool atCounter
            required property int index
            objectName: "material_" + index
            readonly property string provision: step.apply.provisions[box.name] ?? ""
            readonly property list<string> pages: step.apply.pages[box.name] ?? []
            title: box.name + (box.needed ? "" : qsTr(" (if applicable)"))

            BodyText {
                width: parent.width
                color: Theme.mutedText
                visible: text !== ""
                text: Words.term(box.form) + (box.note !== "" ? " · " + box.note : "")
            }

            Flow {
                width: parent.width
                spacing: Theme.spacing / 2
                visible: box.pages.length > 0
                Repeater {
                    model: box.pages
                    delegate: Column {
                        id: pageItem
                        required property string modelData
                        required property int index
                        // Grows in elder mode, so that its two buttons stay touch targets.
                        readonly property int thumbWidth: Theme.elder ? 270 : 180
                        spacing: 4
                        Image {
                            objectName: "pageThumb_" + box.index + "_" + pageItem.index
                            width: pageItem.thumbWidth
                            height: Math.round(pageItem.thumbWidth * 4 / 3)
                            fillMode: Image.PreserveAspectFit
                            source: pageItem.modelData
                            sourceSize.width: width
                            sourceSize.height: height
                            cache: false
                            asynchronous: true  // decoded off the GUI thread
                            Rectangle { anchors.fill: parent; color: "transparent"; border.color: Theme.border; border.width: 2 }
                        }
                        Row {
                            spacing: 4
                            KioskButton {
                                objectName: "retake_" + box.index + "_" + pageItem.index
                                width: (pageItem.thumbWidth - 4) / 2
                                fontSize: Theme.fontSmall
                                text: qsTr("Retake")
                                enabled: step.apply.capturing === ""
                                onClicked: step.apply.retake(box.name, pageItem.index)
                            }
                            KioskButton {
                                objectName: "removePage_" + box.index + "_" + pageItem.index
                                width: (pageItem.thumbWidth - 4) / 2
                                fontSize: Theme.fontSmall
                                text: qsTr("Delete")
                                onClicked: step.apply.removePage(box.name, pageItem.index)
                            }
                        }
                    }
                }
            }

            RowLayout {
                width: parent.width
                spacing: Theme.spacing / 2
                KioskButton {
                    objectName: "capture_" + box.index
                    Layout.fillWidth: true
                    primary: box.provision === ""
                    enabled: step.apply.capturing === ""
                    text: step.apply.capturing === box.name ? qsTr("Photographing…")
                          : box.pages.length > 0 ? qsTr("Add a page") : qsTr("Photograph")
                    onClicked: step.apply.capture(box.name)
                }
                KioskButton {
                    objectName: "eLicence_" + box.index
                    visible: box.eLicence
                    Layout.fillWidth: true
                    checkable: true
                    checked: box.provision === "e_licence"
                    text: qsTr("Use e-licence")
                    onClicked: step.apply.choose(box.name, checked ? "e_licence" : "")
                }
                KioskButton {
                    objectName: "atCounter_" + box.index
                    visible: box.atCounter
                    Layout.fillWidth: true
                    checkable: true
                    checked: box.provision === "at_counter"
                    text: qsTr("Bring to counter later")
                    onClicked: step.apply.choose(box.name, checked ? "at_counter" : "")
                }
            }

            BodyText {
                objectName: "materialState_" + box.index
                width: parent.width
                font.bold: true
                color: box.provision !== "" ? Theme.accent : box.needed ? Theme.warning : Theme.mutedText
                text: box.provision === "captured" ? qsTr("%n page(s) photographed", "", box.pages.length)
                      : box.provision !== "" ? Words.provision(box.provision, 0)
                      : box.needed ? qsTr("Still needed") : qsTr("Not needed if it does not apply to you")
            }
        }
    }
}
