pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import Kiosk.Types

// 为您推荐: after an ID card nobody waited for, the items the catalog's published rules offer
// a resident of that age, under each rule's title. Only the age is used, for this visit.
KioskPage {
    id: page

    required property CatalogViewModel catalog
    signal itemChosen(string code)

    title: qsTr("Suggested for you")

    BodyText {
        objectName: "suggestionsNote"
        width: parent.width
        text: qsTr("By the age on your ID card, these may be useful to you. Your age is used only now: it is not kept or sent anywhere.")
        color: Theme.mutedText
    }

    SampleNotice {
        width: parent.width
        visible: page.catalog.sample
    }

    Column {
        id: suggestionList
        width: parent.width
        spacing: Theme.spacing / 2
        Repeater {
            model: page.catalog.suggestions
            delegate: Column {
                id: suggestion
                required property int index
                required property string title
                required property bool first
                required property string code
                required property string name
                required property string department
                required property int visits
                required property bool canApply
                width: suggestionList.width
                spacing: Theme.spacing / 2
                KioskText {
                    visible: suggestion.first
                    width: parent.width
                    topPadding: suggestion.index > 0 ? Theme.spacing : 0
                    text: suggestion.title
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                ItemRow {
                    objectName: "suggestion_" + suggestion.index
                    width: parent.width
                    code: suggestion.code
                    name: suggestion.name
                    department: suggestion.department
                    visits: suggestion.visits
                    canApply: suggestion.canApply
                    onClicked: page.itemChosen(suggestion.code)
                }
            }
        }
    }
}
