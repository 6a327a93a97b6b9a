pragma ComponentBehavior: Bound
import QtQuick
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
    readonly property DeviceTexts texts: DeviceTexts {}
    signal closeRequested()
    signal selfCheckRequested()

    function close() {
        panel.staff.lock()
        panel.closeRequested()
    }

    Component.onCompleted: panel.staff.open()
    color: Theme.scrim
    MouseArea { anchors.fill: parent }

    Rectangle {
        objectName: "devicePanelDialog"
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 1000)
        height: (panel.staff.unlocked ? column.implicitHeight : pinPad.implicitHeight)
                + 2 * Theme.margin
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

        Column {
            id: column
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.margin
            visible: panel.staff.unlocked
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
                delegate: Row {
                    id: row
                    required property int device
                    required property string name
                    required property int health
                    required property int light
                    required property int paper
                    required property bool coverOpen
                    required property bool samOk
                    required property string detail
                    objectName: "deviceRow_" + name
                    width: column.width
                    spacing: Theme.spacing
                    Rectangle {
                        width: 32
                        height: 32
                        radius: 16
                        y: 6
                        color: Theme.lightColor(row.light)
                    }
                    Column {
                        width: parent.width - 32 - Theme.spacing
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
                }
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
                        objectName: "lastCardName"
                        text: panel.devices.lastCard.name ?? ""
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        color: Theme.text
                    }
                    KioskText {
                        objectName: "lastCardNumber"
                        text: (panel.devices.lastCard.idNumber ?? "")
                              + (panel.devices.lastCard.numberValid === false
                                 ? "  " + qsTr("(number fails its check digit)") : "")
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        color: Theme.text
                    }
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
