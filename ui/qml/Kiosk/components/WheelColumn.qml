pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import Kiosk

// One wheel of the date picker.
Tumbler {
    id: wheel

    property int size: 1
    property int offset: 0
    // The index to show; applied once the wheel has its items (an index set earlier is lost).
    property int wanted: -1
    property string suffix
    signal moved()

    readonly property bool touchTarget: true
    Accessible.role: Accessible.List
    //: A wheel of the date picker: which part of the date it sets (年, 月, 日) and its value
    Accessible.name: qsTr("%1: %2").arg(wheel.suffix).arg(wheel.offset + wheel.currentIndex)
    implicitHeight: Theme.touchMin * 3
    visibleItemCount: 3
    model: size
    onMovingChanged: if (!moving) wheel.moved()

    function showWanted() {
        if (wheel.wanted >= 0 && wheel.count > wheel.wanted) {
            wheel.positionViewAtIndex(wheel.wanted, Tumbler.Center)  // at once, no spinning
            wheel.currentIndex = wheel.wanted
        }
    }
    onCountChanged: wheel.showWanted()
    onWantedChanged: wheel.showWanted()
    Component.onCompleted: wheel.showWanted()

    delegate: KioskText {
        id: cell
        required property int index
        text: (wheel.offset + cell.index) + wheel.suffix
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontLarge
        font.bold: cell.index === wheel.currentIndex
        color: cell.index === wheel.currentIndex ? Theme.accent : Theme.mutedText
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        // Built in the background (ScreenBuilder), a cell may exist before the Tumbler takes
        // it; its attached displacement is only there once it has.
        opacity: cell.parent ? 1.0 - Math.abs(cell.Tumbler.displacement) / (wheel.visibleItemCount / 2)
                             : 1.0
    }

    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
        border.width: Theme.borderWidth
    }
}
