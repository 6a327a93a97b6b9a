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
        return fill(_words(code), args)
    }

    // `words` with %1, %2, … filled from `args` in one pass: an argument that itself holds
    // "%2" (a name from the catalog or the platform) stays as it is, where chained .arg()
    // calls would fill it in.
    function fill(words: string, args: list<string>): string {
        return words.replace(/%([1-9])/g, (marker, n) => n <= args.length ? args[n - 1] : marker)
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

    // A day of a booking: `date` as 2026-12-02, `weekday` 1 (Monday) to 7 (Sunday).
    function day(date: string, weekday: int): string {
        const parts = date.split("-")
        if (parts.length !== 3)
            return date
        const months = [qsTr("Jan"), qsTr("Feb"), qsTr("Mar"), qsTr("Apr"), qsTr("May"),
                        qsTr("Jun"), qsTr("Jul"), qsTr("Aug"), qsTr("Sep"), qsTr("Oct"),
                        qsTr("Nov"), qsTr("Dec")]
        const days = [qsTr("Mon"), qsTr("Tue"), qsTr("Wed"), qsTr("Thu"), qsTr("Fri"),
                      qsTr("Sat"), qsTr("Sun")]
        //: A booking day: %1 the month's name, %2 the day of the month, %3 the weekday
        return qsTr("%3 %2 %1").arg(months[Number(parts[1]) - 1] ?? parts[1])
                               .arg(Number(parts[2])).arg(days[weekday - 1] ?? "")
    }

    // 政民互动: an announcement's kind (kiosk/engagement/model.py KINDS).
    function announcementKind(kind: string): string {
        switch (kind) {
        case "policy": return qsTr("Policy release")
        case "notice": return qsTr("Station notice")
        default: return ""
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

    // -- service: why the terminal is out of service (kiosk/health.py OUT_OF_SERVICE_REASONS),
    // shown by the window of `kiosk out-of-service`; one case per reason code.
    function serviceReason(reason: string): string {
        switch (reason) {
        case "crash-loop":
            return qsTr("It stopped working several times in a row. The district has been told, and a technician will check it.")
        case "no-catalog":
            return qsTr("It has no service guides to show yet. It will serve again as soon as the district platform sends them.")
        case "maintenance":
            return qsTr("The station staff are servicing it.")
        case "device-fault":
            return qsTr("One of its devices is faulty and is being repaired.")
        case "staff-absent":
            return qsTr("No staff are on duty to help at the moment.")
        case "other":
            return qsTr("The station staff have taken it out of service for now.")
        default:
            return qsTr("It has been switched off for now.")
        }
    }

    // The catalog's closed vocabularies (kiosk/catalog/model.py ITEM_TYPES, LEVELS,
    // SERVICE_OBJECTS, CASE_TYPES, MATERIAL_FORMS; kiosk/catalog/library.py THEME_ORDER):
    // the parser admits only these words, so they are the kiosk's own and shown in the UI
    // language. A value not listed (a theme the platform added later) is data: shown as it is.
    function term(value: string): string {
        switch (value) {
        // Item types (kiosk/catalog/model.py ITEM_TYPES)
        case "行政许可": return qsTr("Administrative licensing", "catalog item type")
        case "行政处罚": return qsTr("Administrative penalty", "catalog item type")
        case "行政强制": return qsTr("Administrative enforcement", "catalog item type")
        case "行政征收": return qsTr("Administrative levy", "catalog item type")
        case "行政给付": return qsTr("Administrative payment", "catalog item type")
        case "行政检查": return qsTr("Administrative inspection", "catalog item type")
        case "行政确认": return qsTr("Administrative confirmation", "catalog item type")
        case "行政奖励": return qsTr("Administrative reward", "catalog item type")
        case "行政裁决": return qsTr("Administrative adjudication", "catalog item type")
        case "其他行政权力": return qsTr("Other administrative power", "catalog item type")
        case "公共服务": return qsTr("Public service", "catalog item type")
        // 证照寄送, the questions the kiosk itself adds (kiosk/apply/posting.py)
        case "领取方式": return qsTr("How to get the result", "result posting")
        case "窗口领取": return qsTr("Collect it at the window", "result posting")
        case "邮寄到家": return qsTr("Post it to me", "result posting")
        case "邮寄地址": return qsTr("Postal address", "result posting")
        case "办好后到窗口领取，或邮寄到家": return qsTr("Collect it at the window when it is ready, or have it posted", "result posting")
        case "请写到门牌号，例如：西城区月坛北街××号院×号楼×单元×号": return qsTr("Down to the door number, e.g. Xicheng, Yuetan North St., No. ×× compound, building ×, unit ×, flat ×", "result posting")
        // Levels (LEVELS)
        case "区": return qsTr("District", "catalog level")
        case "街道": return qsTr("Subdistrict", "catalog level")
        case "社区": return qsTr("Community", "catalog level")
        // Service objects (SERVICE_OBJECTS)
        case "个人": return qsTr("Individuals", "catalog service object")
        case "法人": return qsTr("Organisations", "catalog service object")
        // Case types (CASE_TYPES)
        case "即办件": return qsTr("Handled on the spot", "catalog case type")
        case "承诺件": return qsTr("Handled within a promised time", "catalog case type")
        // Material forms (MATERIAL_FORMS)
        case "原件": return qsTr("Original", "catalog material form")
        case "复印件": return qsTr("Copy", "catalog material form")
        case "原件及复印件": return qsTr("Original and copy", "catalog material form")
        case "电子材料": return qsTr("Electronic", "catalog material form")
        // Themes (kiosk/catalog/library.py THEME_ORDER)
        case "生育收养": return qsTr("Birth and adoption", "catalog theme")
        case "户籍办理": return qsTr("Household registration", "catalog theme")
        case "民族宗教": return qsTr("Ethnic and religious affairs", "catalog theme")
        case "教育科研": return qsTr("Education and research", "catalog theme")
        case "入伍服兵役": return qsTr("Military service", "catalog theme")
        case "就业创业": return qsTr("Jobs and start-ups", "catalog theme")
        case "设立变更": return qsTr("Setting up and changes", "catalog theme")
        case "准营准办": return qsTr("Business permits", "catalog theme")
        case "抵押质押": return qsTr("Mortgages and pledges", "catalog theme")
        case "职业资格": return qsTr("Professional qualifications", "catalog theme")
        case "行政缴费": return qsTr("Administrative fees", "catalog theme")
        case "婚姻登记": return qsTr("Marriage registration", "catalog theme")
        case "优待抚恤": return qsTr("Veterans' benefits", "catalog theme")
        case "规划建设": return qsTr("Planning and building", "catalog theme")
        case "住房保障": return qsTr("Housing support", "catalog theme")
        case "社会保障": return qsTr("Social security", "catalog theme")
        case "证件办理": return qsTr("Certificates and IDs", "catalog theme")
        case "交通出行": return qsTr("Transport", "catalog theme")
        case "旅游观光": return qsTr("Tourism", "catalog theme")
        case "出境入境": return qsTr("Exit and entry", "catalog theme")
        case "消费维权": return qsTr("Consumer rights", "catalog theme")
        case "公共安全": return qsTr("Public safety", "catalog theme")
        case "司法公证": return qsTr("Legal and notary", "catalog theme")
        case "知识产权": return qsTr("Intellectual property", "catalog theme")
        case "环境气象": return qsTr("Environment and weather", "catalog theme")
        case "文体教育": return qsTr("Culture and sports", "catalog theme")
        case "医疗卫生": return qsTr("Health care", "catalog theme")
        case "离职退休": return qsTr("Retirement", "catalog theme")
        case "死亡殡葬": return qsTr("Death and funerals", "catalog theme")
        case "其他": return qsTr("Other", "catalog theme")
        // Case statuses (kiosk/district/openapi.yaml CaseStatus)
        case "已接件": return qsTr("Received", "case status")
        case "已受理": return qsTr("Accepted", "case status")
        case "待补正": return qsTr("Documents needed", "case status")
        case "审核通过": return qsTr("Approved", "case status")
        case "审核不通过": return qsTr("Not approved", "case status")
        case "正常办结": return qsTr("Completed", "case status")
        case "不予受理": return qsTr("Not accepted", "case status")
        case "撤销申请": return qsTr("Withdrawn", "case status")
        case "异常终止": return qsTr("Stopped", "case status")
        case "已答复": return qsTr("Answered", "case status")
        case "已电话联系": return qsTr("Called to agree the visit", "case status")
        case "已上门办理": return qsTr("Visited and handled", "case status")
        default: return value
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
        //: %1 the field's label
        case "form.choose":
            return qsTr("Please choose %1")
        //: %1 the field's label
        case "form.date":
            return qsTr("%1: please write the date as year-month-day, for example 2026-01-31")
        //: %1 the field's label
        case "form.digits_only":
            return qsTr("%1: please enter digits only")
        //: %1 the field's label
        case "form.id_number_checksum":
            return qsTr("%1 does not pass the check. Please compare it digit by digit (the last character may be X)")
        //: %1 the field's label, %2 how many characters it has
        case "form.id_number_length":
            return qsTr("%1 must have 18 characters; it has %2")
        //: %1 the field's label
        case "form.not_a_choice":
            return qsTr("Please choose %1 from the options given")
        //: %1 the field's label
        case "form.one_line":
            return qsTr("%1: please write it on one line")
        //: %1 the field's label, %2 the lowest, %3 the highest number allowed
        case "form.out_of_range":
            return qsTr("%1 must be between %2 and %3")
        //: %1 the field's label
        case "form.pattern":
            return qsTr("%1 is not in the right format. Please check it")
        //: %1 the field's label, %2 the catalog's help text for it
        case "form.pattern_hint":
            return qsTr("%1 is not in the right format: %2")
        //: %1 the field's label
        case "form.phone":
            return qsTr("%1: please enter an 11-digit mobile number (for example 13800000000) or a landline number with its area code")
        //: %1 the field's label
        case "form.required":
            return qsTr("Please fill in %1")
        //: %1 the field's label, %2 the highest number allowed
        case "form.too_large":
            return qsTr("%1 cannot be more than %2")
        //: %1 the field's label, %2 the most characters allowed, %3 how many it has
        case "form.too_long":
            return qsTr("%1 can have at most %2 characters; it has %3. Please shorten it")
        //: %1 the field's label, %2 the lowest number allowed
        case "form.too_small":
            return qsTr("%1 cannot be less than %2")
        //: %1 the field's label
        case "form.unreadable_characters":
            return qsTr("%1 contains characters that cannot be recognised. Please delete them and type it again")

        // -- devices: reader, printer, scanner, camera (devices/, ui/capture.py) -------
        case "devices.camera_missing":
            return qsTr("No document camera was found. Please choose another way to provide the material, or ask the staff")
        case "devices.camera_unavailable":
            return qsTr("The document camera cannot be used right now. Please ask the staff")
        case "devices.camera_unavailable_elsewhere":
            return qsTr("The document camera cannot be used right now. Please choose to hand in the material at the counter, or ask the staff")
        case "devices.card_kind_unreadable":
            return qsTr("This card (the 2023 foreign permanent residence card) cannot be read here yet. Please use another way shown on the screen, or go to the service counter.")
        case "devices.card_unreadable":
            return qsTr("The ID card could not be read. Please lay it flat on the reader and try again in a moment.")
        case "devices.cover_open":
            return qsTr("The printer cover is open, so nothing can be printed right now. Please tell the staff.")
        case "devices.image_unreadable":
            return qsTr("This image cannot be read (the file is damaged or too large). Please take it again")
        case "devices.nothing_to_reprint":
            return qsTr("There is no receipt to print again.")
        case "devices.page_too_dense":
            return qsTr("This page holds too much to stay legible once compressed. Please photograph it in several parts")
        case "devices.page_unclear":
            return qsTr("No clear image was taken. Please lay the material flat and take it again")
        case "devices.paper_out":
            return qsTr("The printer is out of paper, so the receipt cannot be printed now. Please photograph the number and the QR code on the screen, and tell the staff.")
        case "devices.print_incomplete":
            return qsTr("The receipt was not printed completely. Please ask the staff to print it again.")
        case "devices.printer_missing":
            return qsTr("The printer is not connected. Please ask the staff.")
        case "devices.reader_sam_failed":
            return qsTr("The ID card reader has a fault and cannot read cards right now. Please ask the staff, or type your details instead.")
        case "devices.reader_silent":
            return qsTr("The card reader does not respond. Please ask the staff to check its connection.")
        case "devices.scan_unreadable":
            return qsTr("This code was not recognised. Please scan it again; if that does not help, ask the staff.")
        case "devices.shot_failed":
            return qsTr("The document camera did not take the picture. Please check that the material is in place and take it again")
        case "devices.shot_refused":
            return qsTr("The document camera did not take the picture. Please press the button again in a moment")
        case "devices.unplugged":
            return qsTr("The device is not connected. Please ask the staff to check the cable.")

        // -- appointment: 预约办理 and 我的预约 (kiosk/appointments/) -----------------------
        // %1: the platform's own sentence (it says when, for a booking held or a pause).
        case "appointment.already_booked":
            return qsTr("You already have an appointment for this item (%1). To choose another time, cancel it under My appointments first.")
        case "appointment.cancel_refused":
            return qsTr("The appointment could not be cancelled (%1). Please call the hotline.")
        case "appointment.cancel_unconfirmed":
            return qsTr("The platform did not confirm the cancellation in time. It may have been cancelled: the list below shows how things stand now.")
        case "appointment.cancelled":
            return qsTr("The appointment is cancelled.")
        case "appointment.day_full":
            return qsTr("This day is fully booked. Please go back and choose another day.")
        case "appointment.list_failed":
            return qsTr("Your appointments cannot be looked up right now: the district's government service platform does not answer. Please try again, or call the hotline.")
        case "appointment.no_free_days":
            return qsTr("There are no free times here in the next two weeks. Please choose another place, or call the hotline.")
        case "appointment.no_places":
            return qsTr("This item cannot be booked here. Please call the hotline to ask where to go.")
        case "appointment.offline":
            return qsTr("The district's government service platform cannot be reached right now, so nothing was booked. Please try again later, or call the hotline.")
        case "appointment.phone_invalid":
            return qsTr("This is not a mobile phone number. Please type the 11 digits again.")
        case "appointment.refused":
            return qsTr("The platform did not accept the booking (%1). Please call the hotline.")
        case "appointment.restricted":
            return qsTr("Booking ahead is paused for you (%1). You can still go to the window in person.")
        case "appointment.slot_full":
            return qsTr("Someone has just booked this time. Please choose another one.")
        case "appointment.slot_gone":
            return qsTr("This time can no longer be booked. Please choose another one.")
        case "appointment.too_late":
            return qsTr("This appointment has already begun and can no longer be cancelled here.")
        case "appointment.unconfirmed":
            return qsTr("The platform did not confirm the booking in time. It may have been made: in a few minutes, place your ID card under My appointments to check, or call the hotline.")

        // -- progress: 进度查询 (kiosk/progress.py) --------------------------------------
        case "progress.bad_number":
            return qsTr("This is not a number from a receipt. Please check it and try again.")
        case "progress.none_on_platform":
            return qsTr("None of your applications were found on the platform.")
        case "progress.not_a_receipt":
            return qsTr("This is not the QR code of a receipt. Please scan the QR code on your receipt, or type the number on it.")
        case "progress.not_found":
            return qsTr("No application matches this number and these last 4 characters of the ID number. Please check the number on the receipt and the last 4 characters of the applicant's ID number and try again, or call the hotline.")
        case "progress.offline":
            return qsTr("The district's government service platform cannot be reached right now. Please try again later, or call the hotline.")
        case "progress.old_receipt":
            return qsTr("The QR code of this receipt cannot be looked up directly. Please type the number on the receipt and the last 4 characters of the applicant's ID number below.")
        case "progress.receipt_not_found":
            return qsTr("No application was found for this receipt. Please call the hotline.")
        case "progress.tail_needed":
            return qsTr("Please type the last 4 characters of the applicant's ID number (4 digits; the last may be X).")
        case "progress.too_many_tails":
            return qsTr("The last 4 characters of the ID number were typed wrong too many times for this number, so looking it up by number is paused. Please scan the QR code on the receipt or place the ID card on the reader, or call the hotline.")
        case "progress.unreadable":
            return qsTr("The district's government service platform sent an answer that cannot be read. Please try again later, or call the hotline.")

        // -- question: 留言咨询 (kiosk/questions/) -------------------------------------
        // %1: the fewest characters a question may have.
        case "question.too_short":
            return qsTr("Please write your question in a few more words (at least %1 characters), so that the hotline can answer it.")
        // %1: the most characters a question may have; %2: how many it has.
        case "question.too_long":
            return qsTr("The question is too long: at most %1 characters, it has %2. Please shorten it.")
        case "question.phone_invalid":
            return qsTr("This is not a mobile phone number. Please type the 11 digits again.")

        // -- home_visit: 上门办理 (kiosk/homevisits/) ----------------------------------
        // %1: the most characters an address may have; %2: how many it has.
        case "home_visit.address_long":
            return qsTr("The address is too long: at most %1 characters, it has %2. Please shorten it.")
        // %1: the fewest characters an address may have.
        case "home_visit.address_short":
            return qsTr("Please write the full address (at least %1 characters): district, street, building and door number.")
        case "home_visit.phone_invalid":
            return qsTr("This is not a mobile phone number. Please type the 11 digits again.")

        // -- outbox and platform (kiosk/district/, ui/outboxworker.py) ----------------
        case "outbox.not_stored":
            return qsTr("The submission could not be saved. Please ask the staff; what you filled in is still on the screen")
        case "outbox.unavailable":
            return qsTr("Submitting is not possible right now. Please ask the staff")

        default:
            return qsTr("Something went wrong. Please ask the station staff for help.")
        }
    }
}
