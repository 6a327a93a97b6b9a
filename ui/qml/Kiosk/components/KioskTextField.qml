import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import Kiosk

// The one text field of the kiosk. Residents type personal data here, so: the pinyin
// engine must not learn it (ImhSensitiveData switches off its user dictionary), there is no
// context menu, no copy/paste and no drag selection. Built on the template rather than the
// Basic style so that its placeholder is a KioskText too: a field's help comes from the
// catalog and must not be read as markup.
T.TextField {
    id: field

    readonly property bool touchTarget: true

    implicitWidth: implicitBackgroundWidth + leftInset + rightInset
                   || Math.max(contentWidth, placeholder.implicitWidth) + leftPadding + rightPadding
    implicitHeight: Theme.touchMin
    padding: 6
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody
    color: Theme.text
    selectionColor: Theme.accent
    selectedTextColor: Theme.accentText
    placeholderTextColor: Theme.mutedText
    verticalAlignment: TextInput.AlignVCenter
    inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoAutoUppercase
    selectByMouse: false
    persistentSelection: false
    ContextMenu.menu: null
    leftPadding: Theme.spacing
    rightPadding: Theme.spacing
    Accessible.name: placeholderText

    KioskText {
        id: placeholder
        x: field.leftPadding
        y: field.topPadding
        width: field.width - (field.leftPadding + field.rightPadding)
        height: field.height - (field.topPadding + field.bottomPadding)
        text: field.placeholderText
        font: field.font
        color: field.placeholderTextColor
        verticalAlignment: field.verticalAlignment
        visible: !field.length && !field.preeditText
        elide: Text.ElideRight
        renderType: field.renderType
    }

    background: Rectangle {
        radius: Theme.radius / 2
        color: Theme.surface
        border.color: field.activeFocus ? Theme.accent : Theme.border
        border.width: field.activeFocus ? Theme.borderWidth * 2 : Theme.borderWidth
    }
}
