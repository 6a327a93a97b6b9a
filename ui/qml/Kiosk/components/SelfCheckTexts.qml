import QtQml
import Kiosk.Types

// Words of the daily self-check (ui/selfcheckview.py, kiosk/selfcheck.py): each step's name,
// what staff do while it waits, what was found (a Reason code and its parameters) and, when
// it failed, what to do. One case per code; tests/ui/test_selfcheck.py checks each has words.
QtObject {
    function stepName(step: int): string {
        switch (step) {
        case SelfCheckStep.Print: return qsTr("Test slip printed and its QR code read back")
        case SelfCheckStep.Card: return qsTr("ID card reader")
        case SelfCheckStep.Camera: return qsTr("Document camera")
        case SelfCheckStep.Platform: return qsTr("District platform reachable")
        case SelfCheckStep.Catalog: return qsTr("Service catalog up to date")
        case SelfCheckStep.Disk: return qsTr("Free disk space")
        case SelfCheckStep.Clock: return qsTr("Clock")
        default: return ""
        }
    }

    // What staff do (or wait for) now.
    function instruction(waiting: int): string {
        switch (waiting) {
        case SelfCheckWait.Printing: return qsTr("Printing the self-check slip…")
        case SelfCheckWait.Scan: return qsTr("Take the self-check slip that was just printed and hold its QR code under the scanner.")
        case SelfCheckWait.Card: return qsTr("Place any ID card on the card reader. If a card is already on it, lift it off and place it again.")
        case SelfCheckWait.Camera: return qsTr("Taking a picture with the document camera…")
        case SelfCheckWait.Platform: return qsTr("Contacting the district platform…")
        case SelfCheckWait.Disk: return qsTr("Measuring the free disk space…")
        default: return ""
        }
    }

    function printerProblem(code: string): string {
        switch (code) {
        case "paper_out": return qsTr("the printer is out of paper")
        case "cover_open": return qsTr("the printer cover is open")
        case "offline":
        case "no_device":
        case "timeout": return qsTr("the printer does not respond")
        default: return qsTr("the printer reported a fault (%1)").arg(code)
        }
    }

    // What was found; `args` as kiosk/selfcheck.py Reason notes.
    function found(reason: string, args: list<string>): string {
        switch (reason) {
        case "read_back": return qsTr("Printed and read back after %1 s").arg(args[0])
        case "printed_no_scanner": return qsTr("Printed (no scanner at this station to read it back)")
        case "card_read": return qsTr("A card was read")
        case "frame_ok": return qsTr("Picture taken (%1 × %2)").arg(args[0]).arg(args[1])
        case "reachable": return qsTr("Answered in %1 ms; this terminal's key was accepted").arg(args[0])
        case "catalog_fresh": return qsTr("Version %1, checked %2 hour(s) ago").arg(args[0]).arg(args[1])
        case "disk_ok": return qsTr("%1 MB free").arg(args[0])
        case "clock_ok": return qsTr("%1 s off the platform's clock").arg(args[0])
        case "print_failed": return qsTr("Not printed: %1").arg(printerProblem(args[0]))
        case "wrong_code": return qsTr("That is not the self-check slip just printed")
        case "not_read_back": return qsTr("The slip's QR code was not read within %1 s").arg(args[0])
        case "no_card": return qsTr("No card was read within %1 s").arg(args[0])
        case "frame_failed": return qsTr("No picture was taken")
        case "frame_black": return qsTr("The picture is all black")
        case "platform_offline": return qsTr("No answer from the platform (%1)").arg(args[0])
        case "platform_refused": return qsTr("The platform refused this terminal (%1 %2)").arg(args[0]).arg(args[1])
        case "platform_busy": return qsTr("The platform is busy")
        case "no_catalog": return qsTr("No service catalog")
        case "catalog_stale": return qsTr("Version %1, not checked with the platform for %2 day(s)").arg(args[0]).arg(args[1])
        case "calendar_unknown": return qsTr("The public holidays of %1 are not known: promised dates in it count weekends only").arg(args[0])
        case "disk_low": return qsTr("Only %1 MB free (%2 MB needed)").arg(args[0]).arg(args[1])
        case "disk_unreadable": return qsTr("The free space could not be read")
        case "clock_off": return qsTr("%1 s off the platform's clock").arg(args[0])
        case "skipped_by_staff": return qsTr("Skipped: not checked")
        case "not_configured": return qsTr("Not at this station")
        case "no_platform": return qsTr("No district platform to compare with")
        case "no_platform_clock": return qsTr("The platform did not answer, so the clock could not be compared")
        default: return ""
        }
    }

    // What to do about a failure.
    function advice(reason: string, args: list<string>): string {
        switch (reason) {
        case "print_failed":
            if (args[0] === "paper_out")
                return qsTr("Load a new paper roll, close the cover, then press Retry.")
            if (args[0] === "cover_open")
                return qsTr("Close the printer cover, then press Retry.")
            return qsTr("Check the printer's cable and power, then press Retry.")
        case "wrong_code": return qsTr("Scan the QR code of the slip that was just printed. Press Retry to print a new slip.")
        case "not_read_back": return qsTr("If the slip is blank or faint, load new paper. If the scanner does not beep, check its cable. Then press Retry.")
        case "no_card": return qsTr("Place an ID card flat on the reader and press Retry. If nothing happens, check the reader's cable.")
        case "frame_failed": return qsTr("Check the document camera's cable, then press Retry.")
        case "frame_black": return qsTr("Remove anything covering the camera and turn on its light, then press Retry.")
        case "platform_offline": return qsTr("Check the network cable and the station's internet connection, then press Retry. If it still fails, call the district's technicians.")
        case "platform_refused": return qsTr("The terminal's key or clock is not accepted. Call the district's technicians.")
        case "platform_busy": return qsTr("Press Retry in a few minutes.")
        case "no_catalog":
        case "catalog_stale": return qsTr("Check the network connection. If the catalog still does not update, call the district's technicians.")
        case "calendar_unknown": return qsTr("Ask the district's technicians to publish the year's holidays with the catalog. Receipts say meanwhile that holidays are not counted.")
        case "disk_low":
        case "disk_unreadable": return qsTr("Call the district's technicians: the terminal needs maintenance.")
        case "clock_off": return qsTr("The terminal's clock is wrong. Call the district's technicians to set it.")
        case "skipped_by_staff": return qsTr("Run the self-check again when you can check this step.")
        default: return ""
        }
    }
}
