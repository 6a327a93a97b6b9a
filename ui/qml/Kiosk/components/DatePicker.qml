pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk

// A date on three big wheels (year, month, day): no typing, no impossible dates.
RowLayout {
    id: picker

    property string value  // YYYY-MM-DD, or "" for none yet
    signal picked(string value)

    readonly property int firstYear: new Date().getFullYear() - 110
    readonly property int yearCount: 121

    function pad(n: int): string { return n < 10 ? "0" + n : "" + n }
    function daysIn(year: int, month: int): int { return new Date(year, month, 0).getDate() }
    function emit() {
        const year = picker.firstYear + years.currentIndex
        const month = months.currentIndex + 1
        const day = Math.min(days.currentIndex + 1, picker.daysIn(year, month))
        picker.picked(year + "-" + picker.pad(month) + "-" + picker.pad(day))
    }
    function show(text: string) {
        const parts = text.split("-")
        const today = new Date()
        const year = parts.length === 3 ? parseInt(parts[0]) : today.getFullYear()
        years.wanted = Math.max(0, Math.min(picker.yearCount - 1, year - picker.firstYear))
        months.wanted = (parts.length === 3 ? parseInt(parts[1]) : today.getMonth() + 1) - 1
        days.wanted = (parts.length === 3 ? parseInt(parts[2]) : today.getDate()) - 1
    }

    spacing: Theme.spacing
    Component.onCompleted: picker.show(picker.value)

    WheelColumn { id: years; size: picker.yearCount; offset: picker.firstYear; suffix: qsTr("year"); Layout.fillWidth: true; onMoved: picker.emit() }
    WheelColumn { id: months; size: 12; offset: 1; suffix: qsTr("month"); Layout.fillWidth: true; onMoved: picker.emit() }
    WheelColumn { id: days; size: 31; offset: 1; suffix: qsTr("day"); Layout.fillWidth: true; onMoved: picker.emit() }
    KioskButton {
        objectName: "dateConfirm"
        text: picker.value === "" ? qsTr("Choose") : qsTr("Chosen")
        primary: picker.value === ""
        onClicked: picker.emit()
    }
}
