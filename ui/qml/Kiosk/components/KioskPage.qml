import QtQuick
import QtQuick.Controls.Basic
import Kiosk

// A scrolling screen with a title. Keeps the focused text field in view when the on-screen
// keyboard takes the bottom of the screen.
Item {
    id: page

    property string title
    default property alias content: column.data
    readonly property Item focusedItem: Window.activeFocusItem

    function contains(item: Item): bool {
        for (let p = item; p; p = p.parent) {
            if (p === column)
                return true
        }
        return false
    }

    function reveal() {
        const item = page.focusedItem
        if (!item || !page.contains(item))
            return
        const pos = item.mapToItem(column, 0, 0)
        const top = column.y + pos.y - Theme.spacing
        const bottom = column.y + pos.y + item.height + Theme.spacing
        if (top < flick.contentY)
            flick.contentY = Math.max(0, top)
        else if (bottom > flick.contentY + flick.height)
            flick.contentY = bottom - flick.height
    }

    // Bring `item` (inside the page) near the top of the view, e.g. the first thing to fix.
    function scrollTo(item: Item) {
        if (!item || !page.contains(item))
            return
        const top = item.mapToItem(column, 0, 0).y + column.y - Theme.spacing
        flick.contentY = Math.max(0, Math.min(top, flick.contentHeight - flick.height))
    }

    onFocusedItemChanged: Qt.callLater(page.reveal)
    onHeightChanged: Qt.callLater(page.reveal)

    KioskText {
        id: titleText
        objectName: "pageTitle"
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.margins: Theme.margin
        text: page.title
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontHuge
        font.bold: true
        color: Theme.text
        wrapMode: Text.WordWrap
    }

    Flickable {
        id: flick
        objectName: "pageFlickable"
        anchors.top: titleText.bottom
        anchors.topMargin: Theme.spacing
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        clip: true
        contentWidth: width
        contentHeight: column.implicitHeight + 2 * Theme.spacing
        flickableDirection: Flickable.VerticalFlick
        boundsBehavior: Flickable.StopAtBounds
        ScrollIndicator.vertical: ScrollIndicator {}

        Column {
            id: column
            x: Theme.margin
            y: Theme.spacing
            width: flick.width - 2 * Theme.margin
            spacing: Theme.spacing
        }
    }
}
