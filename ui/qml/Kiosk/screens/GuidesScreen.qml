pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import Kiosk.Types

// 办事指南: search, or browse the catalog by life event (一件事), theme, department or level.
Item {
    id: screen

    required property CatalogViewModel catalog
    property string kind: "theme"

    signal searchRequested()
    signal groupChosen(string kind, string name)

    readonly property CatalogRows groups: kind === "theme" ? catalog.themes
                                : kind === "department" ? catalog.departments
                                : kind === "event" ? catalog.lifeEvents
                                : catalog.levels

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        KioskText {
            Layout.fillWidth: true
            text: qsTr("Service guides")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontHuge
            font.bold: true
            color: Theme.text
        }

        KioskButton {
            objectName: "openSearchButton"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchMin
            text: qsTr("Search: type a name, pinyin or initials")
            primary: true
            onClicked: screen.searchRequested()
        }

        SampleNotice {
            Layout.fillWidth: true
            visible: screen.catalog.sample
        }

        GridLayout {
            Layout.fillWidth: true
            // Four tabs in two rows where one row would cut their words (elder, portrait).
            columns: Theme.elder && !Theme.landscape ? 2 : 4
            rowSpacing: Theme.spacing
            columnSpacing: Theme.spacing
            Repeater {
                // Keys only: the buttons are re-translated in place, not made anew.
                // 一件事 only when the catalog publishes life events.
                model: screen.catalog.lifeEvents.count > 0
                       ? ["event", "theme", "department", "level"] : ["theme", "department", "level"]
                KioskButton {
                    required property string modelData
                    objectName: "browse_" + modelData
                    Layout.fillWidth: true
                    text: modelData === "event" ? qsTr("Life events")
                        : modelData === "theme" ? qsTr("By theme")
                        : modelData === "department" ? qsTr("By department") : qsTr("By level")
                    checkable: true
                    checked: screen.kind === modelData
                    onClicked: screen.kind = modelData
                }
            }
        }

        KioskText {
            Layout.fillWidth: true
            visible: !screen.catalog.ready
            text: qsTr("Loading the catalog…")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
        }

        GridView {
            id: grid
            objectName: "groupGrid"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            readonly property int columns: Theme.landscape ? 4 : (Theme.elder ? 2 : 3)
            cellWidth: width / columns
            cellHeight: Theme.touchMin * 1.6
            // A hidden screen does not rebuild its grid when a new catalog arrives.
            model: screen.visible ? screen.groups : null
            delegate: Item {
                id: cell
                required property string name
                required property int count
                required property string key
                required property int index
                width: grid.cellWidth
                height: grid.cellHeight
                GroupButton {
                    objectName: "group_" + cell.index
                    anchors.fill: parent
                    anchors.margins: Theme.spacing / 2
                    name: Words.term(cell.name)  // a department is data: as it is
                    count: cell.count
                    showBadge: screen.kind !== "level"
                    badgeIndex: cell.index
                    onClicked: screen.groupChosen(screen.kind, cell.key)
                }
            }
        }
    }
}
