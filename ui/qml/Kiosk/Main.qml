pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings
import Kiosk
import Kiosk.Types

// The kiosk window: header, a stack of screens, the navigation bar, overlays and the
// on-screen keyboard, drawn on a surface of the design size and scaled to the window.
Window {
    id: window

    required property ShellModel shell
    required property IdleWatcher idle
    required property CatalogViewModel catalog
    required property DeviceHub devices
    required property StaffGate staff
    required property DeviceSetupModel deviceSetup
    required property ServiceState service
    required property ProgressViewModel progress
    required property ApplyViewModel apply
    required property BookingViewModel booking
    required property MyAppointmentsViewModel appointments
    required property ConsultViewModel consult
    required property QuestionViewModel question
    required property HomeVisitViewModel homeVisit
    required property EngagementViewModel engagement
    required property HoursWatch hours
    required property SelfCheckViewModel selfCheck
    required property VoiceViewModel voice
    property OutboxService outbox: null  // without a platform ui/app.py leaves it null
    required property bool lockdown
    property bool allowClose: !lockdown
    property bool attractShowing: false
    // Out of service, a resident chose to read the guides anyway (until the session ends).
    property bool guidesWhileOut: false
    readonly property bool outOfService: window.service.reason !== ""

    // Voice guidance: the screen and step the resident sees, and what they say aloud (in
    // elder mode as each opens; in any mode on 读给我听, which repeats it).
    readonly property string screenName: window.attractShowing
        ? "attractScreen" : (stack.currentItem?.objectName ?? "")
    readonly property int screenStep: {
        switch (window.screenName) {
        case "applyScreen": return window.apply.step
        case "bookingScreen": return window.booking.step
        case "questionScreen": return window.question.step
        case "homeVisitScreen": return window.homeVisit.step
        }
        return 0
    }
    readonly property string voicePrompt: prompts.prompt(window.screenName, window.screenStep)
    // Each new screen or step speaks, even when its words are those of the last one.
    readonly property string voiceKey: window.screenName + "/" + window.screenStep + "/"
                                       + window.voicePrompt
    onVoiceKeyChanged: window.speakPrompt(false)

    readonly property bool landscape: window.shell.orientation === "landscape"
        || (window.shell.orientation === "auto" && window.width > window.height)

    visible: true
    title: qsTr("Community self-service kiosk")
    color: Theme.background

    onClosing: (close) => { close.accepted = window.allowClose }

    Binding { target: Theme; property: "elder"; value: window.shell.elderMode }
    Binding { target: Theme; property: "landscape"; value: window.landscape }
    Component.onCompleted: {
        VirtualKeyboardSettings.activeLocales = ["zh_CN", "en_US"]
        VirtualKeyboardSettings.locale = "zh_CN"
    }

    // On the software scene graph (a station without a GPU, the tests, the tour) a slide
    // repaints the whole surface in each of its frames, 15-25 ms of the GUI thread apiece:
    // screens change at once there. With a GPU they slide.
    function slides(): bool {
        return stack.GraphicsInfo.api !== GraphicsInfo.Software
    }

    function speakPrompt(asked: bool) {
        if (window.voicePrompt !== "" && (asked || window.shell.elderMode))
            window.voice.say(window.voicePrompt)
        else
            window.voice.stop()
    }

    VoicePrompts { id: prompts }

    Connections {
        target: window.shell
        function onElderModeChanged() { window.speakPrompt(false) }
    }

    // Screens other than home are compiled when first opened, not at start-up, and built in
    // the background (ScreenBuilder); `ready` gets the screen once it is shown.
    readonly property bool building: builder.building
    function push(file: string, properties: var, ready: var) {
        builder.open(file, properties, ready)
    }

    ScreenBuilder {
        id: builder
        objectName: "screenBuilder"
        stack: stack
        staging: staging
        slides: window.slides()
    }

    // Screens by name, for navigation from tiles (and for the tour).
    function showScreen(key: string) {
        window.attractShowing = false
        if (key === "home") {
            builder.drop()
            stack.pop(null, window.slides() ? StackView.PopTransition : StackView.Immediate)
        } else if (key === "consult") {
            window.push("ConsultScreen.qml", {
                objectName: "consultScreen", shell: window.shell, consult: window.consult
            }, consult => {
                consult.answerChosen.connect(window.openAnswer)
                consult.askChosen.connect(window.openQuestion)
            })
        } else if (key === "guides") {
            window.push("GuidesScreen.qml", {
                objectName: "guidesScreen", catalog: window.catalog
            }, guides => {
                guides.searchRequested.connect(window.openSearch)
                guides.groupChosen.connect(window.openList)
            })
        } else if (key === "progress") {
            window.push("ProgressScreen.qml", {
                objectName: "progressScreen", progress: window.progress,
                hotline: window.shell.hotline
            })
        } else if (key === "apply") {
            window.openList("online", "")
        } else if (key === "appointment") {
            if (!window.booking.available) {
                window.cannotBook()
                return
            }
            window.catalog.showList("appointment", "")
            window.push("ItemListScreen.qml", {
                objectName: "bookableListScreen", catalog: window.catalog, kind: "appointment"
            }, list => {
                list.itemChosen.connect(window.openBooking)
                list.myAppointmentsChosen.connect(window.openMyAppointments)
            })
        } else if (key === "engagement") {
            window.push("EngagementScreen.qml", {
                objectName: "engagementScreen", engagement: window.engagement
            }, engagement => {
                engagement.announcementChosen.connect(window.openAnnouncement)
                engagement.surveyChosen.connect(window.openSurvey)
            })
        } else if (key === "attract") {
            window.attractShowing = true
        }
    }

    // One answer of the hotline knowledge base (from 咨询).
    function openAnswer(id: string) {
        if (!window.consult.open(id)) {
            notice.show(qsTr("This answer cannot be shown"),
                        qsTr("The answer could not be read just now. Please choose another question, call %1 or ask the station staff.").arg(window.shell.hotline))
            return
        }
        window.push("ConsultAnswerScreen.qml", {
            objectName: "consultAnswerScreen", consult: window.consult,
            hotline: window.shell.hotline
        }, answer => {
            answer.guideChosen.connect(window.openGuide)
            answer.askChosen.connect(window.openQuestion)
        })
    }

    // 政民互动: one announcement's page.
    function openAnnouncement(id: string) {
        window.attractShowing = false
        if (!window.engagement.open(id)) {
            notice.show(qsTr("This announcement is no longer shown"),
                        qsTr("It has expired or been withdrawn. Please choose another one."))
            return
        }
        window.push("AnnouncementScreen.qml", {
            objectName: "announcementScreen", engagement: window.engagement
        })
    }

    // 意见征集: one survey, answered anonymously.
    function openSurvey(id: string) {
        if (window.outOfService || !window.engagement.openSurvey(id)) {
            notice.show(qsTr("This survey takes no answers now"),
                        qsTr("It has closed, or answers cannot be sent from this kiosk right now. Thank you all the same."))
            return
        }
        window.push("SurveyScreen.qml", {
            objectName: "surveyScreen", engagement: window.engagement
        }, survey => {
            survey.done.connect(window.goBack)
        })
    }

    // 留言咨询: a question for the hotline, `draft` (what was searched for) to start from.
    function openQuestion(draft: string) {
        if (window.outOfService || !window.question.available) {
            notice.show(qsTr("Cannot leave a question here right now"),
                        qsTr("Questions cannot be left on this kiosk right now. Please call %1 or ask the station staff.").arg(window.shell.hotline))
            return
        }
        window.question.begin(draft)
        window.push("QuestionScreen.qml", {
            objectName: "questionScreen", question: window.question, devices: window.devices,
            hotline: window.shell.hotline
        }, question => {
            question.finished.connect(window.shell.endSession)
        })
    }

    function openSearch() {
        window.push("SearchScreen.qml", {
            objectName: "searchScreen", catalog: window.catalog, hotline: window.shell.hotline
        }, search => {
            search.itemChosen.connect(window.openGuide)
            search.resultChosen.connect(window.openFoundGuide)
            search.lifeEventChosen.connect(window.openLifeEvent)
        })
    }

    function openList(kind: string, name: string) {
        if (kind === "event") {
            window.openLifeEvent(name)
            return
        }
        window.catalog.showList(kind, name)
        window.push("ItemListScreen.qml", {
            objectName: "itemListScreen", catalog: window.catalog, kind: kind
        }, list => {
            list.itemChosen.connect(window.openGuide)
        })
    }

    // 一件事: a life event's items in order and their materials, each once (`code`: its code).
    function openLifeEvent(code: string) {
        if (!window.catalog.showEvent(code))
            return
        window.push("LifeEventScreen.qml", {
            objectName: "lifeEventScreen", catalog: window.catalog
        }, event => {
            event.itemChosen.connect(window.openGuide)
            event.applyRequested.connect(window.openBundle)
        })
    }

    function openGuide(code: string) {
        window.showGuide(window.catalog.openGuide(code))
    }

    // A guide opened from a search result (counted as searched for the district's figures).
    function openFoundGuide(code: string) {
        window.showGuide(window.catalog.openFoundGuide(code))
    }

    function showGuide(opened: bool) {
        if (!opened)
            return
        window.push("GuideScreen.qml", {
            objectName: "guideScreen", catalog: window.catalog, devices: window.devices,
            stationName: window.shell.stationName, voice: window.voice
        }, guide => {
            guide.applyRequested.connect(window.openApply)
            guide.bookRequested.connect(window.openBooking)
            guide.homeVisitRequested.connect(window.openHomeVisit)
        })
    }

    // 上门办理 for one item (from its guide).
    function openHomeVisit(code: string) {
        if (window.outOfService || !window.homeVisit.begin(code)) {
            notice.show(qsTr("Cannot ask for a home visit here right now"),
                        qsTr("A home visit cannot be asked for from this kiosk right now. Please call %1 or ask the station staff.").arg(window.shell.hotline))
            return
        }
        window.push("HomeVisitScreen.qml", {
            objectName: "homeVisitScreen", homeVisit: window.homeVisit, devices: window.devices,
            hotline: window.shell.hotline
        }, visit => {
            visit.finished.connect(window.shell.endSession)
        })
    }

    // 预约办理 for one item (from the appointment list or from its guide).
    function openBooking(code: string) {
        if (window.outOfService || !window.booking.begin(code)) {
            window.cannotBook()
            return
        }
        window.push("BookingScreen.qml", {
            objectName: "bookingScreen", booking: window.booking, devices: window.devices,
            hotline: window.shell.hotline
        }, booking => {
            booking.finished.connect(window.shell.endSession)
        })
    }

    function cannotBook() {
        notice.show(qsTr("Cannot book here right now"),
                    qsTr("Appointments cannot be booked from this kiosk right now. Please call %1 or ask the station staff.").arg(window.shell.hotline))
    }

    function openMyAppointments() {
        window.push("MyAppointmentsScreen.qml", {
            objectName: "myAppointmentsScreen", appointments: window.appointments,
            devices: window.devices, hotline: window.shell.hotline
        })
    }

    function openApply(code: string) {
        window.startApply(() => window.apply.begin(code))
    }

    // 一件事: the life event's items that can be applied for here, in one application.
    function openBundle(code: string) {
        window.startApply(() => window.apply.beginEvent(code))
    }

    function startApply(begin: var) {
        if (window.outOfService) {
            notice.show(qsTr("Cannot apply here right now"),
                        qsTr("This kiosk is out of service: applications cannot be made here now. Please apply at a staffed station or call %1.").arg(window.shell.hotline))
            return
        }
        if (!begin()) {
            notice.show(qsTr("Cannot apply here right now"),
                        qsTr("Online applications cannot be submitted from this kiosk right now. Please apply at the counter or call %1.").arg(window.shell.hotline))
            return
        }
        window.push("ApplyScreen.qml", {
            objectName: "applyScreen", apply: window.apply, devices: window.devices,
            hotline: window.shell.hotline
        })
    }

    // 返回: the application and the booking go back one of their own steps first.
    function goBack() {
        if (builder.building) {
            builder.drop()  // the screen being opened is not opened after all
            return
        }
        const current = stack.currentItem ? stack.currentItem.objectName : ""
        if (current === "applyScreen" && window.apply.back())
            return
        if (current === "bookingScreen"
                && (window.booking.step === BookingStep.Booking || window.booking.back()))
            return  // while booking, the answer is awaited: 返回 waits too
        if (current === "surveyScreen" && window.engagement.surveyStep === SurveyStep.Sending)
            return  // until the answer is on disk
        if (current === "questionScreen"
                && (window.question.step === QuestionStep.Submitting
                    || (window.question.step === QuestionStep.Done && !window.question.settled)
                    || window.question.back()))
            return  // while sending and until the receipt is out, 返回 waits
        if (current === "homeVisitScreen"
                && (window.homeVisit.step === HomeVisitStep.Submitting
                    || (window.homeVisit.step === HomeVisitStep.Done && !window.homeVisit.settled)
                    || window.homeVisit.back()))
            return  // while sending and until the slip is out, 返回 waits
        if (current === "myAppointmentsScreen") {
            const step = window.appointments.step
            if (step === MineStep.Loading || step === MineStep.Cancelling)
                return
            if (step === MineStep.Confirm) {
                window.appointments.keep()  // 返回 from "cancel this one?" is 不取消
                return
            }
        }
        stack.popCurrentItem(window.slides() ? StackView.PopTransition : StackView.Immediate)
    }

    function openDevicePanel() {
        // Between residents (out of service, the closed screen) staff mode still ends by
        // itself: the idle timeout runs as in a session and its end locks staff mode.
        if (!window.idle.running)
            window.idle.start()
        devicePanel.active = true
    }
    // As the panel's own close button: staff mode ends with it (a card read reaches residents).
    function closeDevicePanel() { (devicePanel.item as DevicePanel)?.close() }

    function wipeScreens() {
        notice.visible = false
        selfCheckPanel.active = false
        devicePanel.active = false
        VirtualKeyboardSettings.locale = "zh_CN"
        // Everything above the home screen is destroyed with what it held.
        builder.drop()
        stack.pop(null, StackView.Immediate)
        window.guidesWhileOut = false
        window.attractShowing = true
    }

    Connections {
        target: window.shell
        function onSessionEnded() { window.wipeScreens() }
    }

    // 为您推荐: a card read that no screen waited for offers items by the holder's age.
    Connections {
        target: window.catalog
        // Only where the resident is looking for something: a card during an application, a
        // booking or after one (still on the reader) is not a request for suggestions.
        function onSuggestionsReady() {
            const here = stack.currentItem?.objectName ?? ""
            const browsing = stack.depth === 1
                || ["guidesScreen", "searchScreen", "itemListScreen", "lifeEventScreen"].includes(here)
            // Nor while a screen is being opened: the tap that opens it came first.
            if (window.outOfService || !browsing || builder.building)
                return
            window.attractShowing = false
            window.push("SuggestionsScreen.qml", {
                objectName: "suggestionsScreen", catalog: window.catalog
            }, suggestions => {
                suggestions.itemChosen.connect(window.openGuide)
            })
        }
    }

    // Out of service now: whatever a resident left on the screens goes at once, staff mode
    // with it (the lights open it again).
    Connections {
        target: window.service
        function onChanged() {
            if (window.outOfService)
                window.shell.endSession()
        }
    }

    Connections {
        target: window.staff
        function onUnlockedChanged(on: bool) {
            if (!on)
                selfCheckPanel.active = false
        }
    }

    Component {
        id: homeScreen
        HomeScreen {
            objectName: "homeScreen"
            hotline: window.shell.hotline
            engagement: window.engagement
            onTileChosen: (key) => window.showScreen(key)
            onAnnouncementChosen: (id) => window.openAnnouncement(id)
        }
    }

    Item {
        id: surface
        objectName: "surface"
        width: window.landscape ? 1920 : 1080
        height: window.landscape ? 1080 : 1920
        anchors.centerIn: parent
        // Never 0, not even before the window has its size: Qt Virtual Keyboard lays its keys
        // out once at the first scale it sees, and a zero scale breaks its rows for good.
        scale: window.width > 0 && window.height > 0
               ? Math.min(window.width / width, window.height / height) : 1
        clip: true

        Header {
            id: header
            objectName: "header"
            anchors.top: parent.top
            anchors.left: parent.left
            anchors.right: parent.right
            stationName: window.shell.stationName
            language: window.shell.language
            deviceRows: window.devices.rows
            onDevicePanelRequested: window.openDevicePanel()
        }

        DeviceBanner {
            id: deviceBanner
            objectName: "deviceBanner"
            anchors.top: header.bottom
            anchors.left: parent.left
            anchors.right: parent.right
            height: implicitHeight
            rows: window.devices.troubledRows
            notices: window.outbox && window.outbox.problem !== ""
                     ? [qsTr("Applications cannot be sent from this kiosk right now. Please ask the station staff for help, or apply at the counter.")]
                     : []
        }

        // Where screens are built before they are shown (ScreenBuilder), at the stack's size.
        Item {
            id: staging
            visible: false
            x: stack.x
            y: stack.y
            width: stack.width
            height: stack.height
        }

        StackView {
            id: stack
            objectName: "stack"
            anchors.top: deviceBanner.bottom
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: keyboard.open ? keyboard.top
                            : captionBar.visible ? captionBar.top : navBar.top
            initialItem: homeScreen
            // A new screen starts without a focused field and without the keyboard.
            onCurrentItemChanged: {
                stack.forceActiveFocus()
                window.shell.hideKeyboard()
            }
        }

        // While a screen is built, touches do not reach the screen being left (one tap opens
        // one screen); 返回 and 首页 still answer.
        MouseArea {
            objectName: "buildingBlocker"
            anchors.fill: stack
            visible: builder.building
        }

        CaptionBar {
            id: captionBar
            objectName: "captionBar"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: navBar.top
            caption: window.landscape ? "" : window.voice.caption  // landscape: in the bar
            speaking: window.voice.speaking
        }

        NavBar {
            id: navBar
            objectName: "navBar"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            canGoBack: stack.depth > 1
            atHome: stack.depth <= 1
            language: window.shell.language
            elderMode: window.shell.elderMode
            canReadAloud: window.voice.available && window.voicePrompt !== ""
            caption: window.landscape ? window.voice.caption : ""
            speaking: window.voice.speaking
            onReadAloudRequested: window.speakPrompt(true)
            onBackRequested: window.goBack()
            onHomeRequested: window.showScreen("home")
            onLanguageRequested: (language) => window.shell.setLanguage(language)
            onElderModeRequested: (enabled) => window.shell.setElderMode(enabled)
        }

        NoticeOverlay {
            id: notice
            objectName: "notice"
            anchors.fill: parent
            z: 10
        }

        // Out of service: residents are told so under the header (whose lights still open
        // the staff panel); the guides stay readable when there are any.
        Loader {
            id: outOfServiceScreen
            objectName: "outOfServiceLoader"
            anchors.top: header.bottom
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            z: 12
            active: window.outOfService && !window.guidesWhileOut
            sourceComponent: OutOfServiceView {
                objectName: "outOfServiceScreen"
                reason: window.service.reason
                hotline: window.shell.hotline
                stations: window.service.stations
                landscape: window.landscape
                KioskButton {
                    objectName: "outOfServiceGuidesButton"
                    anchors.horizontalCenter: parent ? parent.horizontalCenter : undefined
                    visible: window.catalog.ready
                    text: qsTr("Read the service guides")
                    onClicked: {
                        window.guidesWhileOut = true
                        window.shell.startSession()
                        window.showScreen("home")  // nothing of an earlier visit beneath
                        window.showScreen("guides")
                    }
                }
            }
        }

        // Staff only: built when opened, so start-up does not pay for it.
        Loader {
            id: devicePanel
            objectName: "devicePanelLoader"
            anchors.fill: parent
            z: 15
            active: false
            sourceComponent: DevicePanel {
                objectName: "devicePanel"
                devices: window.devices
                staff: window.staff
                catalog: window.catalog
                outbox: window.outbox
                setup: window.deviceSetup
                service: window.service
                onCloseRequested: devicePanel.active = false
                onSelfCheckRequested: selfCheckPanel.active = true
            }
        }

        // The daily self-check, over the staff panel (staff mode stays open while it runs);
        // closing it returns to the staff panel.
        Loader {
            id: selfCheckPanel
            objectName: "selfCheckPanelLoader"
            anchors.fill: parent
            z: 16
            active: false
            sourceComponent: SelfCheckPanel {
                objectName: "selfCheckPanel"
                selfCheck: window.selfCheck
                onCloseRequested: selfCheckPanel.active = false
            }
        }

        IdleOverlay {
            objectName: "idleOverlay"
            anchors.fill: parent
            z: 20
            visible: window.idle.warning && !window.attractShowing
            secondsLeft: window.idle.secondsLeft
            onContinueRequested: window.idle.poke()
        }

        AttractScreen {
            objectName: "attractScreen"
            anchors.fill: parent
            z: 30
            visible: window.attractShowing && !window.outOfService
            stationName: window.shell.stationName
            announcements: window.engagement.announcements
            onTouched: {
                window.attractShowing = false
                window.shell.startSession()
            }
        }

        // In landscape the keyboard is narrower than the screen: the band it sits in is the
        // keyboard's colour from edge to edge, not the screen's list running on beside it.
        Rectangle {
            objectName: "keyboardBackdrop"
            visible: keyboard.open
            z: 39
            x: 0
            y: keyboard.y
            width: parent.width
            height: keyboard.height
            color: Theme.elder ? Theme.background : Theme.border
        }

        // The on-screen keyboard is built just after the first frame: no screen shows it
        // at start, and building Qt Virtual Keyboard's panel (its layouts and style) would
        // hold the first frame back by some 50 ms. Nobody can reach a text field sooner.
        Loader {
            id: keyboard
            objectName: "keyboardLoader"
            readonly property bool open: (keyboard.item as InputPanel)?.active ?? false
            z: 40
            asynchronous: true
            width: window.landscape ? Math.min(parent.width, 1500) : parent.width
            x: (parent.width - width) / 2
            // Above the navigation bar, so 返回 and 首页 stay reachable while typing.
            y: keyboard.open ? navBar.y - height : parent.height
            sourceComponent: InputPanel {
                objectName: "inputPanel"
                width: keyboard.width
                // The globe key toggles Chinese pinyin / English at one tap, instead of Qt's
                // small pop-up list that is hard to hit for older residents.
                externalLanguageSwitchEnabled: true
                onExternalLanguageSwitch: {
                    VirtualKeyboardSettings.locale = VirtualKeyboardSettings.locale === "zh_CN"
                                                     ? "en_US" : "zh_CN"
                }
            }
        }
    }

    // Outside the station's hours, between residents: dimmed, black overnight (the whole
    // window, around the surface too). A resident at the screen is never interrupted.
    // Built only while closed, so start-up in opening hours does not pay for it.
    Loader {
        objectName: "closedScreenLoader"
        anchors.fill: parent
        active: window.attractShowing && window.hours.phase !== HoursPhase.Open
        sourceComponent: ClosedScreen {
            objectName: "closedScreen"
            hours: window.hours
            showing: window.attractShowing
            stationName: window.shell.stationName
            hotline: window.shell.hotline
            surface: surface
            onTouched: {
                window.attractShowing = false
                window.shell.startSession()
            }
        }
    }
}
