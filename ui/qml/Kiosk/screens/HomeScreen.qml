pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk

// The home screen: one large tile per thing a resident came to do; guides come first.
Item {
    id: home

    required property string hotline
    signal tileChosen(string key)

    readonly property var tiles: [
        { key: "guides", title: qsTr("Service guides"), subtitle: qsTr("What to bring, where to go, how long it takes"), icon: "guides.svg" },
        { key: "apply", title: qsTr("Apply online"), subtitle: qsTr("Fill in and submit an application here"), icon: "apply.svg" },
        { key: "progress", title: qsTr("Check progress"), subtitle: qsTr("See how your application is going"), icon: "progress.svg" },
        { key: "appointment", title: qsTr("Appointments"), subtitle: qsTr("Book a time at the service window"), icon: "appointment.svg" },
        { key: "consult", title: qsTr("Ask for help"), subtitle: qsTr("Hotline %1 and station contacts").arg(home.hotline), icon: "consult.svg" }
    ]

    GridLayout {
        id: grid
        objectName: "tileGrid"
        anchors.fill: parent
        anchors.margins: Theme.margin
        columns: Theme.landscape ? 3 : 2
        rowSpacing: Theme.spacing
        columnSpacing: Theme.spacing

        Repeater {
            model: home.tiles
            Tile {
                required property var modelData
                required property int index
                readonly property bool first: index === 0
                objectName: "tile_" + modelData.key
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                Layout.preferredHeight: 1
                Layout.columnSpan: first && !Theme.landscape ? 2 : 1
                Layout.rowSpan: first && Theme.landscape ? 2 : 1
                wide: first && !Theme.landscape
                featured: first
                text: modelData.title
                subtitle: modelData.subtitle
                iconSource: Qt.resolvedUrl("../icons/" + modelData.icon)
                onClicked: home.tileChosen(modelData.key)
            }
        }
    }
}
