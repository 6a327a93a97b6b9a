pragma Singleton
import QtQml

// The words for message codes from the core (kiosk/messages.py): the only place where a
// sentence the core reports becomes Chinese or English. `say(code, args)` fills %1, %2, …
// from `args` (plain strings, shown as text). Calling it inside a binding re-translates
// the binding when the language switches (qsTr() runs within it).
//
// Each area has its own section; keep codes in their section, sorted, one per case.
QtObject {
    function say(code: string, args: list<string>): string {
        const words = _words(code)
        if (words === "")
            return ""
        let text = words
        for (let i = 0; i < args.length; ++i)
            text = text.arg(args[i])
        return text
    }

    function _words(code: string): string {
        switch (code) {
        case "":
            return ""

        // -- apply: the online application (kiosk/apply/) ----------------------------


        // -- form: answers to an item's form (kiosk/forms.py) -------------------------


        // -- devices: reader, printer, scanner, camera (devices/, ui/capture.py) -------


        // -- progress: 进度查询 (kiosk/progress.py) --------------------------------------


        // -- outbox and platform (kiosk/district/, ui/outboxworker.py) ----------------


        default:
            return qsTr("Something went wrong. Please ask the station staff for help.")
        }
    }
}
