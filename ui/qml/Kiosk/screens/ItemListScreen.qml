pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import Kiosk.Types

// The items of one theme, department or level, or of what can be done here: "online"
// (在线申报) or "appointment" (预约办理, with 我的预约 above the items).
Item {
    id: screen

    required property CatalogViewModel catalog
    property string kind: ""  // "online", "appointment" or "" (a theme, department, level)
    signal itemChosen(string code)
    signal myAppointmentsChosen()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        KioskText {
            objectName: "listTitle"
            Layout.fillWidth: true
            text: screen.kind === "online" ? qsTr("Items you can apply for here")
                  : screen.kind === "appointment" ? qsTr("Items you can book a time for")
                  : Words.term(screen.catalog.listTitle)
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
        KioskButton {
            objectName: "myAppointmentsButton"
            visible: screen.kind === "appointment"
            Layout.fillWidth: true
            fontSize: Theme.fontLarge
            text: qsTr("My appointments: see or cancel")
            onClicked: screen.myAppointmentsChosen()
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
