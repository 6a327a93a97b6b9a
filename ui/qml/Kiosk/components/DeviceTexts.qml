import QtQml

// Words for device states, composed from the hub's plain fields so that all of them are
// translatable. Staff read `stateText`; residents read `residentProblem`.
QtObject {
    function deviceName(device: string): string {
        return device === "id_reader" ? qsTr("ID card reader")
             : device === "printer" ? qsTr("Receipt printer")
             : qsTr("Code scanner")
    }

    function stateText(row: var): string {
        if (!row.configured)
            return qsTr("Not configured")
        if (row.health === "online") {
            if (row.paper === "near_end")
                return qsTr("Ready, paper running low")
            if (row.paper === "unknown")
                return qsTr("Ready (this connection cannot report paper)")
            return qsTr("Ready")
        }
        if (row.health === "busy")
            return qsTr("Connecting…")
        if (row.health === "no_device")
            return qsTr("Not found: check the cable and the port in the settings")
        if (row.health === "offline")
            return qsTr("Not responding: check the cable and the power")
        if (row.paper === "out")
            return qsTr("Out of paper: load a new roll")
        if (row.coverOpen)
            return qsTr("Cover open: close the printer cover")
        if (!row.samOk)
            return qsTr("Security module (SAM) failed: restart the reader")
        return qsTr("Hardware fault")
    }

    // What a resident needs to know, or "" when nothing concerns them.
    function residentProblem(row: var): string {
        if (!row.configured || row.light !== "red")
            return ""
        if (row.device === "id_reader")
            return qsTr("The ID card reader is not working right now. Please ask the station staff for help.")
        if (row.device === "printer" && row.paper === "out")
            return qsTr("The receipt printer is out of paper. Your receipt number and QR code will be shown on the screen instead.")
        if (row.device === "printer")
            return qsTr("The receipt printer is not working right now. Your receipt number and QR code will be shown on the screen instead.")
        return ""
    }
}
