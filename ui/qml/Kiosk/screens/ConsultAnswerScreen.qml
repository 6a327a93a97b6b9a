pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import Kiosk.Types

// One answer of the hotline knowledge base, with the guides it is about.
KioskPage {
    id: page

    required property ConsultViewModel consult
    required property string hotline
    signal guideChosen(string code)
    signal askChosen(string draft)

    title: page.consult.answerQuestion

    KioskText {
        objectName: "answerMeta"
        width: parent.width
        text: qsTr("%1 · checked by the hotline on %2").arg(Words.term(page.consult.answerTheme))
                                                        .arg(page.consult.answerUpdated)
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        color: Theme.mutedText
        wrapMode: Text.Wrap
    }

    SectionBox {
        title: qsTr("The hotline's answer")
        BodyText {
            objectName: "answerText"
            width: parent.width
            text: page.consult.answerText
        }
    }

    KioskText {
        visible: page.consult.related.count > 0
        width: parent.width
        text: qsTr("Guides for this")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontLarge
        font.bold: true
        color: Theme.text
    }
    Column {
        id: relatedList
        width: parent.width
        spacing: Theme.spacing / 2
        Repeater {
            model: page.consult.related
            delegate: ChoiceButton {
                required property int index
                required property string code
                required property string name
                objectName: "relatedGuide_" + index
                width: relatedList.width
                title: name
                detail: qsTr("Open the guide")
                onClicked: page.guideChosen(code)
            }
        }
    }

    BodyText {
        objectName: "answerHelp"
        width: parent.width
        text: qsTr("Not what you need? Call %1 or ask the staff at this station.").arg(page.hotline)
        color: Theme.mutedText
    }

    ChoiceButton {
        objectName: "answerAsk"
        width: parent.width
        title: qsTr("Leave a question for the hotline")
        detail: qsTr("Write it here; the answer comes later, under Check progress with your receipt.")
        onClicked: page.askChosen("")
    }

    SampleNotice {
        visible: page.consult.sample
    }
}
