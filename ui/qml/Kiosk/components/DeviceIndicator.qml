pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import Kiosk.Types

// For staff: one light per device in the header's corner. Press and hold for three seconds
// to open the device panel, which asks for the staff PIN first (a short touch does nothing,
// so residents are not led there). Its area grows with elder mode like every target.
Item {
    id: indicator

    required property DeviceRows rows
    readonly property real lightsWidth: lights.implicitWidth
    signal panelRequested()

    implicitWidth: 120
    implicitHeight: Theme.touchMin
    Accessible.role: Accessible.Indicator
    Accessible.name: qsTr("Device status (staff: press and hold)")

    Row {
        id: lights
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        spacing: 8
        Repeater {
            model: indicator.rows
            delegate: Rectangle {
                required property string name
                required property int health
                required property int light
                objectName: "deviceLight_" + name
                visible: health !== DeviceHealth.NotConfigured
                width: 22
                height: 22
                radius: 11
                color: Theme.lightColor(light)
                border.color: "#ffffff"
                border.width: 2
            }
        }
    }

    MouseArea {
        objectName: "deviceIndicatorArea"
        anchors.fill: parent
        pressAndHoldInterval: 3000
        onPressAndHold: indicator.panelRequested()
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Device status (staff: hold for 3 seconds)")
    }
}
