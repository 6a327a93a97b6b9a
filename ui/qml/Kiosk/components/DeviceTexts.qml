import QtQml
import Kiosk.Types

// Words for device states, composed from the hub's typed rows so that all of them are
// translatable. Staff read `stateText`; residents read `residentProblem`.
QtObject {
    function deviceName(device: int): string {
        return device === DeviceKind.IdReader ? qsTr("ID card reader")
             : device === DeviceKind.Printer ? qsTr("Receipt printer")
             : device === DeviceKind.Camera ? qsTr("Document camera")
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

    // What a port or printer offered in the device chooser probably is (kiosk/devicechoices.py).
    function candidateKind(kind: string, detail: string): string {
        if (kind === "acm")
            return qsTr("USB device with its own serial port: most often a scanner")
        if (kind === "usb-serial")
            return qsTr("%1 USB-serial adapter: a card reader or a scanner").arg(detail)
        if (kind === "usb-other")
            return qsTr("USB serial device of unknown kind")
        if (kind === "built-in")
            return qsTr("Built-in serial port (RS-232)")
        if (kind === "usb-printer")
            return qsTr("USB printer")
        if (kind === "simulator")
            return qsTr("Simulated device (demo)")
        if (kind === "camera")
            return qsTr("Camera on %1").arg(detail)
        return qsTr("As set in the station file")
    }

    // The outcome of a choice in the device chooser (ui/devicesetupview.py).
    function setupOutcome(outcome: string, savedTo: string): string {
        if (outcome === "saved")
            return qsTr("Saved in %1 and in use now. The station file is unchanged; delete that file to go back to it.").arg(savedTo)
        if (outcome === "applied")
            return qsTr("In use now, until the kiosk stops (the demo keeps no device choices).")
        if (outcome === "invalid")
            return qsTr("Not saved: the setting would not be valid.")
        if (outcome === "not_saved")
            return qsTr("Not saved: the choices file cannot be written. Nothing was changed.")
        if (outcome === "not_local")
            return qsTr("Not saved: only a device plugged into this terminal can be chosen here.")
        if (outcome === "printing")
            return qsTr("A receipt is printing: try again in a moment.")
        if (outcome === "list_failed")
            return qsTr("The ports of this terminal cannot be listed.")
        if (outcome === "build_failed")
            return qsTr("Not changed: the device cannot be set up with this setting.")
        return ""
    }
}
