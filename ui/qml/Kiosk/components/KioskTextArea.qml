import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import Kiosk

// The kiosk's field for a few sentences (a question for the hotline), with the same care as
// KioskTextField: the pinyin engine does not learn what is typed (ImhSensitiveData), no
// context menu, no copy/paste, no drag selection, and a placeholder that is plain text.
T.TextArea {
    id: area

    readonly property bool touchTarget: true

    implicitWidth: Math.max(contentWidth + leftPadding + rightPadding, implicitBackgroundWidth)
    implicitHeight: Math.max(contentHeight + topPadding + bottomPadding, 4 * Theme.touchMin)
    padding: Theme.spacing
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody
    color: Theme.text
    selectionColor: Theme.accent
    selectedTextColor: Theme.accentText
    placeholderTextColor: Theme.mutedText
    wrapMode: TextEdit.Wrap
    textFormat: TextEdit.PlainText
    inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoAutoUppercase
    selectByMouse: false
    persistentSelection: false
    ContextMenu.menu: null
    Accessible.name: placeholderText

    KioskText {
        x: area.leftPadding
        y: area.topPadding
        width: area.width - (area.leftPadding + area.rightPadding)
        text: area.placeholderText
        font: area.font
        color: area.placeholderTextColor
        wrapMode: Text.Wrap
        visible: !area.length && !area.preeditText
    }

    background: Rectangle {
        radius: Theme.radius / 2
        color: Theme.surface
        border.color: area.activeFocus ? Theme.accent : Theme.border
        border.width: area.activeFocus ? Theme.borderWidth * 2 : Theme.borderWidth
    }
}
