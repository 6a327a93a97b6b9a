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

    // How a material is provided (kiosk/apply/rules.py provisions), for the materials and
    // review steps; `pages`: how many were photographed.
    function provision(provision: string, pages: int): string {
        switch (provision) {
        case "captured":
            return qsTr("%n page(s) photographed", "", pages)
        case "at_counter":
            return qsTr("Brought to the counter later (accepted with materials missing)")
        case "e_licence":
            return qsTr("Taken from the e-licence library")
        default:
            return qsTr("Not provided")
        }
    }

    // 好差评: the five levels (kiosk/submission.py RATING_LEVELS), 5 the best.
    function ratingLevel(level: int): string {
        switch (level) {
        case 5: return qsTr("Very satisfied")
        case 4: return qsTr("Satisfied")
        case 3: return qsTr("Fairly satisfied")
        case 2: return qsTr("Dissatisfied")
        case 1: return qsTr("Very dissatisfied")
        default: return ""
        }
    }

    // The reasons of a bad rating (kiosk/submission.py BAD_RATING_REASONS): the platform's
    // own words, sent as they are; shown in the UI language.
    function ratingReason(reason: string): string {
        switch (reason) {
        case "办事指南看不懂": return qsTr("The guide was hard to understand")
        case "材料要求太多": return qsTr("Too many materials were asked for")
        case "操作步骤复杂": return qsTr("The steps were complicated")
        case "等待时间太长": return qsTr("The wait was too long")
        case "设备出了问题": return qsTr("A device did not work")
        case "工作人员帮助不够": return qsTr("Staff did not help enough")
        default: return reason
        }
    }

    function _words(code: string): string {
        switch (code) {
        case "":
            return ""

        // -- apply: the online application (kiosk/apply/) ----------------------------
        case "apply.agent_card_again":
            return qsTr("This is the proxy's ID card. Please place the applicant's ID card.")
        case "apply.already_identified":
            return qsTr("The identity is already confirmed. To change the applicant, go back and start again.")
        case "apply.as_said":  // %1: a sentence from a part that does not speak in codes yet
            return "%1"
        case "apply.card_required":
            return qsTr("This item needs the ID card itself. Please place it on the card reader.")
        case "apply.consent_missing":
            return qsTr("Before you submit, please read and agree to how your personal information is used.")
        case "apply.form_needs_fixing":
            return qsTr("Some answers need changing: see the notes in red.")
        case "apply.id_checksum":
            return qsTr("The ID number does not add up. Please check it digit by digit (the last one may be X).")
        case "apply.id_length":  // %1: how many characters were typed
            return qsTr("An ID number has 18 characters; this one has %1.")
        case "apply.identify_first":
            return qsTr("Please confirm the applicant's identity first.")
        case "apply.material_missing":  // %1: the material's name
            return qsTr("“%1” is still missing. Please photograph it, or choose another way to provide it.")
        case "apply.name_missing":
            return qsTr("Please enter the name (as on the ID card).")
        case "apply.name_too_long":  // %1: the most characters a name may have
            return qsTr("A name has at most %1 characters. Please check it.")
        case "apply.not_online":
            return qsTr("This item cannot be applied for at this kiosk. Please go to the counter.")
        case "apply.place_agent_card":
            return qsTr("Proxy: please place your ID card first.")
        case "apply.place_card":
            return qsTr("Please place the ID card first.")
        case "apply.rating_reason_needed":
            return qsTr("Please choose what went wrong, or write what you want to tell us.")
        case "apply.too_many_pages":  // %1: the most pages a material may have
            return qsTr("A material has at most %1 pages. Please delete the extra ones.")
        case "apply.way_refused":  // %1: the material's name
            return qsTr("“%1” cannot be provided this way. Please photograph it.")


        // -- form: answers to an item's form (kiosk/forms.py) -------------------------


        // -- devices: reader, printer, scanner, camera (devices/, ui/capture.py) -------


        // -- progress: 进度查询 (kiosk/progress.py) --------------------------------------


        // -- outbox and platform (kiosk/district/, ui/outboxworker.py) ----------------


        default:
            return qsTr("Something went wrong. Please ask the station staff for help.")
        }
    }
}
