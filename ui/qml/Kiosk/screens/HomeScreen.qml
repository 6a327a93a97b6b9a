pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import Kiosk.Types

// The home screen: one large tile per thing a resident came to do; guides come first.
Item {
    id: home

    required property string hotline
    required property EngagementViewModel engagement
    signal tileChosen(string key)
    signal announcementChosen(string id)

    // Keys only; each tile binds its own words. A language switch then re-translates the
    // tiles in place: an array of translated texts would be built anew and make the Repeater
    // destroy and create every tile again.
    readonly property list<string> tileKeys: ["guides", "apply", "progress", "appointment", "consult"]

    function title(key: string): string {
        switch (key) {
        case "guides": return qsTr("Service guides")
        case "apply": return qsTr("Apply online")
        case "progress": return qsTr("Check progress")
        case "appointment": return qsTr("Appointments")
        default: return qsTr("Ask for help")
        }
    }

    function subtitle(key: string): string {
        switch (key) {
        case "guides": return qsTr("What to bring, where to go, how long it takes")
        case "apply": return qsTr("Fill in and submit an application here")
        case "progress": return qsTr("See how your application is going")
        case "appointment": return qsTr("Book a time at the service window")
        default: return qsTr("Hotline %1 and station contacts").arg(home.hotline)
        }
    }

    GridLayout {
        id: grid
        objectName: "tileGrid"
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: news.top
        anchors.margins: Theme.margin
        columns: Theme.landscape ? 3 : 2
        rowSpacing: Theme.spacing
        columnSpacing: Theme.spacing

        Repeater {
            model: home.tileKeys
            Tile {
                required property string modelData
                required property int index
                readonly property bool first: index === 0
                objectName: "tile_" + modelData
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                Layout.preferredHeight: 1
                Layout.columnSpan: first && !Theme.landscape ? 2 : 1
                Layout.rowSpan: first && Theme.landscape ? 2 : 1
                wide: first && !Theme.landscape
                featured: first
                text: home.title(modelData)
                subtitle: home.subtitle(modelData)
                iconSource: Qt.resolvedUrl("../icons/" + modelData + ".svg")
                onClicked: home.tileChosen(modelData)
            }
        }
    }

    // Always there, so the tiles never move under a finger when the announcements arrive;
    // before any has arrived, it is the way to the (empty) list.
    NewsStrip {
        id: news
        objectName: "newsStrip"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.margin
        newestTitle: home.engagement.newestTitle
        newestPublished: home.engagement.newestPublished
        surveysOpen: home.engagement.canAnswer && home.engagement.surveys.count > 0
        onNewestChosen: home.announcementChosen(home.engagement.newestId)
        onAllChosen: home.tileChosen("engagement")
    }
}
