pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import Kiosk.Types

// The items of one theme, department or level.
Item {
    id: screen

    required property CatalogViewModel catalog
    signal itemChosen(string code)

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        KioskText {
            objectName: "listTitle"
            Layout.fillWidth: true
            text: Words.term(screen.catalog.listTitle)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontHuge
            font.bold: true
            color: Theme.text
            wrapMode: Text.Wrap
        }
        KioskText {
            objectName: "listCount"
            Layout.fillWidth: true
            text: qsTr("%n item(s)", "", list.count)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
        }
        ListView {
            id: list
            objectName: "itemList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spacing / 2
            boundsBehavior: Flickable.StopAtBounds
            model: screen.catalog.listModel
            delegate: ItemRow {
                required property int index
                objectName: "itemRow_" + index
                width: ListView.view.width
                onClicked: screen.itemChosen(code)
            }
        }
    }
}
