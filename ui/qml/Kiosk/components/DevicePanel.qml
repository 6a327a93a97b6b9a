pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import Kiosk
import Kiosk.Types

// Staff panel: each device's state in plain words with the technical detail, a test print,
// a reprint of a failed receipt, and the last card read (masked) to test the reader.
// Behind the staff PIN: until it is entered only the PIN pad shows.
Rectangle {
    id: panel

    required property DeviceHub devices
    required property StaffGate staff
    required property CatalogViewModel catalog
    required property OutboxService outbox  // null without a platform
    required property DeviceSetupModel setup
    required property ServiceState service
    readonly property DeviceTexts texts: DeviceTexts {}
    signal closeRequested()
    signal selfCheckRequested()

    function close() {
        panel.staff.lock()
        panel.closeRequested()
    }

    // The short label of a reason staff take the terminal out of service for.
    function reasonLabel(code: string): string {
        return code === "maintenance" ? qsTr("Maintenance")
             : code === "device-fault" ? qsTr("A device is faulty")
             : code === "staff-absent" ? qsTr("No staff on duty")
             : qsTr("Other reason")
    }

    Component.onCompleted: panel.staff.open()
    color: Theme.scrim
    MouseArea {  // keeps touches from what lies beneath; nothing to say or to press
        objectName: "touchBlocker"
        anchors.fill: parent
        Accessible.ignored: true
    }

    Rectangle {
        objectName: "devicePanelDialog"
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 1000)
        // As tall as its content, at most the screen: then it scrolls.
        height: Math.min(parent.height - 2 * Theme.margin,
                         (panel.staff.unlocked ? column.implicitHeight : pinPad.implicitHeight)
                         + 2 * Theme.margin)
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
        border.width: Theme.borderWidth

        // Gone once the PIN is accepted: nothing of the pad stays behind the panel.
        Loader {
            id: pinPad
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.margin
            active: !panel.staff.unlocked
            sourceComponent: StaffPinPad {
                objectName: "staffPinPad"
                staff: panel.staff
                onCancelRequested: panel.close()
            }
        }

        Flickable {
            objectName: "devicePanelScroll"
            anchors.fill: parent
            anchors.margins: Theme.margin
            visible: panel.staff.unlocked
            contentHeight: column.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollIndicator.vertical: ScrollIndicator { active: true }

            Column {
                id: column
                width: parent.width
                spacing: Theme.spacing

                KioskText {
                    width: parent.width
                    text: qsTr("Terminal status")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    color: Theme.text
                }

                Repeater {
                    model: panel.devices.rows
                    delegate: Column {
                        id: row
                        required property int device
                        required property string name
                        required property int health
                        required property int light
                        required property int paper
                        required property bool coverOpen
                        required property bool samOk
                        required property string detail
                        readonly property bool choosing: panel.setup.device === row.name
                        readonly property bool camera: row.device === DeviceKind.Camera
                        objectName: "deviceRow_" + name
                        width: column.width
                        spacing: Theme.spacing / 2

                        Row {
                            width: parent.width
                            spacing: Theme.spacing
                            Rectangle {
                                width: 32
                                height: 32
                                radius: 16
                                y: 6
                                color: Theme.lightColor(row.light)
                            }
                            Column {
                                width: parent.width - 32 - changeButton.width - previewButton.width
                                       - 3 * Theme.spacing
                                KioskText {
                                    objectName: "deviceState"
                                    width: parent.width
                                    text: panel.texts.deviceName(row.device) + ": "
                                          + panel.texts.stateText(row.health, row.paper, row.coverOpen,
                                                                  row.samOk)
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.fontBody
                                    color: Theme.text
                                    wrapMode: Text.WordWrap
                                }
                                KioskText {
                                    width: parent.width
                                    visible: text !== ""
                                    text: row.detail
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.fontSmall
                                    color: Theme.mutedText
                                    wrapMode: Text.WrapAnywhere
                                }
                            }
                            // The camera's live picture: is it plugged in, sharp, lit?
                            KioskButton {
                                id: previewButton
                                objectName: "cameraPreviewButton"
                                visible: row.camera && panel.setup.cameraMode === "camera"
                                width: visible ? implicitWidth : 0
                                text: panel.setup.previewing ? qsTr("End preview") : qsTr("Preview")
                                onClicked: panel.setup.previewing ? panel.setup.closePreview()
                                                                  : panel.setup.openPreview()
                            }
                            KioskButton {
                                id: changeButton
                                objectName: "changeDevice_" + row.name
                                // In the demo the pages come from a folder: no camera to choose.
                                visible: panel.setup.available
                                         && !(row.camera && panel.setup.cameraMode === "folder")
                                width: visible ? implicitWidth : 0
                                text: row.choosing ? qsTr("Done")
                                      : row.camera ? qsTr("Change camera") : qsTr("Change port")
                                onClicked: row.choosing ? panel.setup.close()
                                                        : panel.setup.openChooser(row.name)
                            }
                        }

                        KioskText {
                            objectName: "cameraFolderNote"
                            width: parent.width
                            visible: row.camera && panel.setup.cameraMode === "folder"
                            text: qsTr("Pages come from the image folder set in camera.image_folder (the demo's sample pages), not from a camera: there is nothing to preview or choose.")
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontSmall
                            color: Theme.mutedText
                            wrapMode: Text.WordWrap
                        }

                        Loader {
                            objectName: "staffCameraPreview"
                            active: row.camera && panel.setup.previewing
                            visible: active
                            width: Math.min(parent.width, 720)
                            height: (item as Item)?.implicitHeight ?? 0
                            sourceComponent: CameraPreview {
                                session: panel.setup.cameraSession
                                ready: panel.setup.cameraReady
                                missingText: qsTr("The camera does not show a picture. Check its USB cable and that it is switched on, or choose another with Change camera.")
                            }
                        }

                        // Where this device may be: what the terminal finds now; tap to use it.
                        Column {
                            objectName: "deviceChooser_" + row.name
                            visible: row.choosing
                            width: parent.width
                            spacing: Theme.spacing / 2
                            KioskText {
                                width: parent.width
                                text: panel.setup.busy ? qsTr("Looking…")
                                      : panel.setup.candidates.count === 0
                                        ? (row.camera
                                           ? qsTr("No camera found. Check its USB cable, then tap Change camera again.")
                                           : qsTr("Nothing found. Check that the device is plugged in and switched on, then tap Change port again."))
                                        : row.camera ? qsTr("Tap the camera to use:")
                                        : qsTr("Tap where the device is connected:")
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontSmall
                                color: Theme.mutedText
                                wrapMode: Text.WordWrap
                            }
                            Repeater {
                                model: row.choosing ? panel.setup.candidates : null
                                delegate: KioskButton {
                                    id: candidate
                                    required property int index
                                    required property string value
                                    required property string kind
                                    required property string detail
                                    required property bool current
                                    objectName: "deviceCandidate_" + index
                                    width: parent ? parent.width : 0
                                    implicitHeight: Math.max(Theme.touchMin,
                                                             candidateText.implicitHeight + Theme.spacing)
                                    checked: candidate.current
                                    enabled: !panel.setup.busy
                                    text: candidate.value
                                    Accessible.name: candidate.value + ", "
                                                     + panel.texts.candidateKind(candidate.kind, candidate.detail)
                                    onClicked: panel.setup.choose(candidate.value)
                                    contentItem: KioskText {
                                        id: candidateText
                                        text: candidate.value + (candidate.current ? "  ✓" : "") + "\n"
                                              + panel.texts.candidateKind(candidate.kind, candidate.detail)
                                        font.family: Theme.fontFamily
                                        font.pixelSize: Theme.fontSmall
                                        color: candidate.checked ? Theme.accentText : Theme.text
                                        wrapMode: Text.WrapAnywhere
                                        verticalAlignment: Text.AlignVCenter
                                    }
                                }
                            }
                            KioskText {
                                objectName: "deviceChoiceOutcome"
                                width: parent.width
                                visible: text !== ""
                                text: panel.texts.setupOutcome(panel.setup.outcome, panel.setup.savedTo)
                                      + (panel.setup.outcomeDetail !== "" ? "\n" + panel.setup.outcomeDetail : "")
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontSmall
                                color: panel.setup.outcome === "saved" || panel.setup.outcome === "applied"
                                       ? Theme.text : Theme.warning
                                wrapMode: Text.WrapAnywhere
                            }
                        }
                    }
                }

                KioskText {
                    objectName: "lastScan"
                    width: parent.width
                    visible: panel.devices.lastScan.length !== undefined
                    text: qsTr("Last code scanned: %1… (%n character(s))", "", panel.devices.lastScan.length ?? 0)
                          .arg(panel.devices.lastScan.start ?? "")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    color: Theme.text
                    wrapMode: Text.WrapAnywhere
                }

                Column {
                    objectName: "catalogStatus"
                    width: parent.width
                    readonly property string sync: panel.catalog.syncState
                    readonly property bool refused: sync === "refused" || sync === "failed"
                    KioskText {
                        objectName: "catalogVersion"
                        width: parent.width
                        text: qsTr("Service catalog: version %1, %n item(s)", "", panel.catalog.itemCount)
                              .arg(panel.catalog.version || "—")
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        color: Theme.text
                        wrapMode: Text.WordWrap
                    }
                    KioskText {
                        objectName: "catalogSync"
                        width: parent.width
                        visible: parent.sync !== ""
                        text: {
                            const sync = parent.sync
                            const when = panel.catalog.syncAt
                            if (sync === "updated")
                                return qsTr("Last update %1: new catalog taken into use").arg(when)
                            if (sync === "unchanged")
                                return qsTr("Last check %1: the catalog is up to date").arg(when)
                            if (sync === "unreachable")
                                return qsTr("Last check %1: platform not reachable; the stored catalog stays in use").arg(when)
                            return qsTr("Last update %1: the new catalog was refused; the previous one stays in use").arg(when)
                        }
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                        color: parent.refused ? Theme.warning : Theme.mutedText
                        wrapMode: Text.WordWrap
                    }
                    KioskText {
                        objectName: "catalogProblems"
                        width: parent.width
                        visible: parent.refused
                        text: [panel.catalog.syncDetail].concat(panel.catalog.syncProblems).join("\n")
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                        color: Theme.mutedText
                        wrapMode: Text.WrapAnywhere
                    }
                }

                Column {
                    objectName: "outboxStatus"
                    visible: panel.outbox !== null
                    width: parent.width
                    KioskText {
                        objectName: "outboxDepth"
                        width: parent.width
                        text: panel.outbox ? qsTr("Submissions waiting to be uploaded: %1").arg(panel.outbox.depth) : ""
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        color: Theme.text
                        wrapMode: Text.WordWrap
                    }
                    KioskText {
                        objectName: "outboxProblem"
                        width: parent.width
                        visible: text !== ""
                        text: panel.outbox && panel.outbox.problem !== ""
                              ? qsTr("Submissions cannot be sent to the platform: %1. Check the settings and key files, then restart the kiosk.").arg(panel.outbox.problem)
                              : ""
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                        color: Theme.warning
                        wrapMode: Text.WrapAnywhere
                    }
                    Repeater {
                        model: panel.outbox ? panel.outbox.refusedRows : null
                        delegate: KioskText {
                            required property string applyNo
                            required property string reason
                            width: parent ? parent.width : 0
                            text: qsTr("Refused by the platform, kept here: %1 (%2). Please report it to the district platform.")
                                  .arg(applyNo).arg(reason)
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontSmall
                            color: Theme.warning
                            wrapMode: Text.WrapAnywhere
                        }
                    }
                }

                Row {
                    objectName: "lastCard"
                    visible: panel.devices.lastCard.name !== undefined
                    spacing: Theme.spacing
                    Image {
                        width: 102
                        height: 126
                        source: "../icons/silhouette.svg"
                        sourceSize: Qt.size(102, 126)
                        Accessible.name: qsTr("Photo not shown")
                    }
                    Column {
                        anchors.verticalCenter: parent.verticalCenter
                        KioskText {
                            text: qsTr("Last card read (masked)")
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontSmall
                            color: Theme.mutedText
                        }
                        KioskText {
                            objectName: "lastCardUndecoded"
                            visible: panel.devices.lastCard.decoded === false
                            width: column.width - 102 - Theme.spacing
                            text: qsTr("2023 foreign permanent residence card: the reader works, but the kiosk cannot read this card's fields yet. Holders type their details where the item allows it, or are served at the counter.")
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            color: Theme.text
                            wrapMode: Text.WordWrap
                        }
                        KioskText {
                            objectName: "lastCardName"
                            visible: panel.devices.lastCard.decoded !== false
                            text: panel.devices.lastCard.name ?? ""
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            color: Theme.text
                        }
                        KioskText {
                            objectName: "lastCardNumber"
                            visible: panel.devices.lastCard.decoded !== false
                            text: (panel.devices.lastCard.idNumber ?? "")
                                  + (panel.devices.lastCard.numberValid === false
                                     ? "  " + qsTr("(number fails its check digit)") : "")
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            color: Theme.text
                        }
                    }
                }

                // In service or not: staff take the terminal out of service with a reason, and
                // back; the kiosk's own reason (no catalog) clears by itself.
                Column {
                    objectName: "serviceSection"
                    width: parent.width
                    spacing: Theme.spacing / 2
                    KioskText {
                        objectName: "serviceStatus"
                        width: parent.width
                        text: panel.service.reason === ""
                              ? qsTr("Serving residents.")
                              : qsTr("Out of service: %1").arg(Words.serviceReason(panel.service.reason))
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        color: panel.service.reason === "" ? Theme.text : Theme.warning
                        wrapMode: Text.WordWrap
                    }
                    KioskText {
                        width: parent.width
                        visible: panel.service.reason === "" && panel.staff.configured
                        text: qsTr("Take the terminal out of service because:")
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                        color: Theme.mutedText
                        wrapMode: Text.WordWrap
                    }
                    Flow {
                        width: parent.width
                        spacing: Theme.spacing
                        visible: panel.service.reason === ""
                        Repeater {
                            // kiosk/health.py STAFF_REASONS
                            model: ["maintenance", "device-fault", "staff-absent", "other"]
                            delegate: KioskButton {
                                required property string modelData
                                objectName: "outOfService_" + modelData
                                text: panel.reasonLabel(modelData)
                                onClicked: panel.staff.takeOutOfService(modelData)
                            }
                        }
                    }
                    KioskButton {
                        objectName: "backInServiceButton"
                        visible: panel.service.byStaff
                        primary: true
                        text: qsTr("Back in service")
                        onClicked: panel.staff.returnToService()
                    }
                }

                KioskText {
                    objectName: "failedReceipt"
                    width: parent.width
                    visible: panel.devices.failedJob !== ""
                    text: qsTr("A receipt did not print. Reprint it for the resident who is waiting, or discard it; it is discarded by itself soon.")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    color: Theme.warning
                    wrapMode: Text.WordWrap
                }

                Flow {
                    width: parent.width
                    spacing: Theme.spacing
                    KioskButton {
                        objectName: "printTestButton"
                        text: qsTr("Print test page")
                        enabled: panel.devices.printerReady
                        onClicked: panel.devices.printTest()
                    }
                    KioskButton {
                        objectName: "reprintButton"
                        text: qsTr("Reprint failed receipt")
                        visible: panel.devices.failedJob !== ""
                        enabled: panel.devices.printerReady
                        onClicked: panel.devices.reprint()
                    }
                    KioskButton {
                        objectName: "discardReceiptButton"
                        text: qsTr("Discard failed receipt")
                        visible: panel.devices.failedJob !== ""
                        onClicked: panel.devices.discardFailedJob()
                    }
                    KioskButton {
                        objectName: "selfCheckButton"
                        text: qsTr("Daily self-check")
                        onClicked: panel.selfCheckRequested()
                    }
                    KioskButton {
                        objectName: "devicePanelClose"
                        primary: true
                        text: qsTr("Close")
                        onClicked: panel.close()
                    }
                }
            }
        }
    }
}
