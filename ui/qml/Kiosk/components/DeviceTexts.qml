import QtQml
import Kiosk.Types

// Words for device states, composed from the hub's typed rows so that all of them are
// translatable. Staff read `stateText`; residents read `residentProblem`.
QtObject {
    function deviceName(device: int): string {
        return device === DeviceKind.IdReader ? qsTr("ID card reader")
             : device === DeviceKind.Printer ? qsTr("Receipt printer")
             : qsTr("Code scanner")
    }

    function stateText(health: int, paper: int, coverOpen: bool, samOk: bool): string {
        if (health === DeviceHealth.NotConfigured)
            return qsTr("Not configured")
        if (health === DeviceHealth.Online) {
            if (paper === DevicePaper.NearEnd)
                return qsTr("Ready, paper running low")
            if (paper === DevicePaper.Unknown)
                return qsTr("Ready (this connection cannot report paper)")
            return qsTr("Ready")
        }
        if (health === DeviceHealth.Busy)
            return qsTr("Connecting…")
        if (health === DeviceHealth.NoDevice)
            return qsTr("Not found: check the cable and the port in the settings")
        if (health === DeviceHealth.Offline)
            return qsTr("Not responding: check the cable and the power")
        if (paper === DevicePaper.Out)
            return qsTr("Out of paper: load a new roll")
        if (coverOpen)
            return qsTr("Cover open: close the printer cover")
        if (!samOk)
            return qsTr("Security module (SAM) failed: restart the reader")
        return qsTr("Hardware fault")
    }

    // What a resident needs to know about a device in the hub's `troubledRows`.
    function residentProblem(device: int, paper: int): string {
        if (device === DeviceKind.IdReader)
            return qsTr("The ID card reader is not working right now. Please ask the station staff for help.")
        if (paper === DevicePaper.Out)
            return qsTr("The receipt printer is out of paper. Your receipt number and QR code will be shown on the screen instead.")
        return qsTr("The receipt printer is not working right now. Your receipt number and QR code will be shown on the screen instead.")
    }
}
