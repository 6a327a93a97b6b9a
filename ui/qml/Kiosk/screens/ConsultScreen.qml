pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import Kiosk.Types

// 咨询: the hotline's answers to common questions — typed or browsed by theme — and below
// them whom to ask when none answers: the government hotline and this station's contacts.
KioskPage {
    id: page

    required property ShellModel shell
    required property ConsultViewModel consult
    signal answerChosen(string id)
    signal askChosen(string draft)

    readonly property string typed: field.text + field.preeditText
    readonly property bool hasQuery: typed.trim().length > 0
    readonly property bool nothingFound: hasQuery && page.consult.questions.count === 0

    title: qsTr("Ask for help")
    onTypedChanged: page.consult.search(page.typed)
    Component.onCompleted: page.consult.begin()

    component InfoBlock: Rectangle {
        id: block
        property string label
        property string value
        property int valueSize: Theme.fontLarge
        width: parent ? parent.width : 0
        height: blockColumn.implicitHeight + 2 * Theme.spacing
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
        border.width: Theme.borderWidth
        Column {
            id: blockColumn
            x: Theme.spacing
            y: Theme.spacing
            width: parent.width - 2 * Theme.spacing
            spacing: Theme.spacing / 2
            KioskText {
                width: parent.width
                text: block.label
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                color: Theme.mutedText
                wrapMode: Text.WordWrap
            }
            KioskText {
                width: parent.width
                text: block.value
                font.family: Theme.fontFamily
                font.pixelSize: block.valueSize
                font.bold: true
                color: Theme.text
                wrapMode: Text.WordWrap
            }
        }
    }

    component Heading: KioskText {
        width: parent ? parent.width : 0
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontLarge
        font.bold: true
        color: Theme.text
        wrapMode: Text.Wrap
    }

    KioskTextField {
        id: field
        objectName: "consultSearchField"
        visible: page.consult.ready
        width: parent.width
        placeholderText: qsTr("Your question, e.g. 身份证丢了 / sfz")
    }

    Flow {
        id: themeFlow
        objectName: "consultThemes"
        visible: page.consult.ready && !page.hasQuery
        width: parent.width
        spacing: Theme.spacing / 2
        readonly property real cell: Math.floor((width - 2 * spacing) / 3)
        ChoiceButton {
            objectName: "consultTheme_all"
            width: themeFlow.cell
            title: qsTr("Most asked")
            strong: page.consult.theme === ""
            onClicked: page.consult.chooseTheme("")
        }
        Repeater {
            model: page.consult.themes
            delegate: ChoiceButton {
                required property int index
                required property string name
                objectName: "consultTheme_" + index
                width: themeFlow.cell
                title: Words.term(name)
                strong: page.consult.theme === name
                onClicked: page.consult.chooseTheme(name)
            }
        }
    }

    Heading {
        objectName: "consultListTitle"
        visible: page.consult.ready
        text: page.nothingFound ? qsTr("No answer found for “%1”").arg(page.typed.trim())
              : page.hasQuery ? qsTr("%n answer(s) found", "", page.consult.questions.count)
              : page.consult.theme !== "" ? Words.term(page.consult.theme)
              : qsTr("Most asked questions")
    }

    BodyText {
        objectName: "consultNothingFound"
        visible: page.nothingFound
        width: parent.width
        text: qsTr("Try fewer words or another way of putting it. The hotline %1 and the staff at this station answer every question.").arg(page.shell.hotline)
        color: Theme.mutedText
    }

    Column {
        id: questionList
        objectName: "questionList"
        width: parent.width
        spacing: Theme.spacing / 2
        Repeater {
            model: page.consult.questions
            delegate: QuestionRow {
                required property int index
                required property string id
                objectName: "questionRow_" + index
                width: questionList.width
                onClicked: page.answerChosen(id)
            }
        }
    }

    // 留言咨询: when nothing here answers, the hotline answers later.
    ChoiceButton {
        objectName: "consultAsk"
        width: parent.width
        strong: page.nothingFound
        title: qsTr("Leave a question for the hotline")
        detail: qsTr("Write it here; the answer comes later, under Check progress with your receipt.")
        onClicked: page.askChosen(page.typed.trim())
    }

    SampleNotice {
        visible: page.consult.ready && page.consult.sample
    }

    // Without a knowledge base these come first, as the whole screen.
    Heading {
        visible: page.consult.ready
        text: qsTr("Ask by phone or in person")
    }
    InfoBlock {
        objectName: "hotlineBlock"
        label: qsTr("Government service hotline, every day, around the clock")
        value: page.shell.hotline
        valueSize: Theme.fontHuge
    }
    InfoBlock {
        label: qsTr("Staff at this station can help you in person")
        value: page.shell.stationName
    }
    InfoBlock {
        label: qsTr("Opening hours")
        value: page.shell.openingHours
    }
    InfoBlock {
        label: qsTr("Address")
        value: page.shell.stationAddress
    }
    InfoBlock {
        label: qsTr("Station telephone")
        value: page.shell.stationPhone
    }
}
