pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk
import Kiosk.Types

// Search as the resident types: Chinese, pinyin (while composing) or initials.
Item {
    id: screen

    required property CatalogViewModel catalog
    required property string hotline
    signal itemChosen(string code)
    signal resultChosen(string code)  // a row of the search's results, not a most-asked one
    signal lifeEventChosen(string code)  // 一件事 named by what was typed

    readonly property string typed: field.text + field.preeditText
    readonly property bool hasQuery: typed.trim().length > 0
    readonly property bool nothingFound: hasQuery && screen.catalog.resultModel.count === 0

    onTypedChanged: screen.catalog.search(screen.typed)
    // After the stack's own change is done: it takes the focus back and hides the keyboard
    // when its current screen changes, which comes after this when there is no slide.
    StackView.onActivated: Qt.callLater(field.forceActiveFocus)
    StackView.onRemoved: screen.catalog.finishSearch()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        KioskTextField {
            id: field
            objectName: "searchField"
            Layout.fillWidth: true
            placeholderText: qsTr("Item name, pinyin or initials, e.g. 居住证 / juzhuzheng / jzz")
        }

        KioskText {
            objectName: "resultSummary"
            Layout.fillWidth: true
            text: !screen.hasQuery ? qsTr("Most asked")
                  : screen.nothingFound ? qsTr("Nothing found for “%1”").arg(screen.typed.trim())
                  : qsTr("%n item(s) found", "", screen.catalog.resultModel.count)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            font.bold: true
            color: Theme.text
            wrapMode: Text.Wrap
        }

        // The life events what was typed names (生孩子, 退休 …): all their items on one page.
        Flow {
            objectName: "foundEvents"
            Layout.fillWidth: true
            visible: screen.hasQuery && screen.catalog.foundEvents.count > 0
            spacing: Theme.spacing / 2
            Repeater {
                model: screen.catalog.foundEvents
                KioskButton {
                    required property string name
                    required property int count
                    required property string key
                    required property int index
                    objectName: "foundEvent_" + index
                    primary: true
                    fontSize: Theme.fontLarge
                    text: qsTr("Life event: %1 (%n item(s))", "", count).arg(name)
                    onClicked: screen.lifeEventChosen(key)
                }
            }
        }

        BodyText {
            objectName: "noResultHelp"
            Layout.fillWidth: true
            visible: screen.nothingFound
            text: qsTr("Try fewer words or another name. Call %1 or ask the station staff — or pick one of the most asked items below.").arg(screen.hotline)
            color: Theme.mutedText
        }

        // Two lists with fixed models: swapping one list's model while it is still
        // creating rows makes Qt drop half-made delegates.
        ListView {
            objectName: "resultList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: screen.hasQuery && !screen.nothingFound
            clip: true
            spacing: Theme.spacing / 2
            boundsBehavior: Flickable.StopAtBounds
            model: screen.catalog.resultModel
            // No rows made ahead in the background: the model changes on every keystroke.
            cacheBuffer: 0
            delegate: ItemRow {
                required property int index
                objectName: "resultRow_" + index
                width: ListView.view.width
                onClicked: screen.resultChosen(code)
            }
        }
        ListView {
            objectName: "mostAskedList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: !screen.hasQuery || screen.nothingFound
            clip: true
            spacing: Theme.spacing / 2
            boundsBehavior: Flickable.StopAtBounds
            model: screen.catalog.mostAsked
            delegate: ItemRow {
                required property int index
                objectName: "mostAskedRow_" + index
                width: ListView.view.width
                onClicked: screen.itemChosen(code)
            }
        }
    }
}
