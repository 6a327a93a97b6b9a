pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Styles
import Kiosk

// The kiosk's own keyboard style (selected in Main.qml): the theme's colours and sizes, so
// the keyboard follows elder mode like every screen. Each row of keys and the bar of
// candidates is a touch target high (104 px in landscape elder mode, where the screen is
// short), letters are as large as the screens' large text, and keys that act say what they
// do in words (删除, 确定, 收起) instead of icons. Measured with the screens: ui/reach.py.
KeyboardStyle {
    id: style

    readonly property int rowHeight: Theme.landscape ? (Theme.elder ? 104 : 84) : Theme.touchMin
    readonly property int gap: 6
    readonly property bool chinese: InputContext.locale.startsWith("zh")

    // One design pixel is one pixel of the surface: the panel is 1080 wide in portrait and
    // 1500 in landscape (Main.qml), four rows of keys high.
    keyboardDesignWidth: Theme.landscape ? 1500 : 1080
    keyboardDesignHeight: 4 * style.rowHeight + 2 * style.gap
    keyboardRelativeLeftMargin: style.gap / keyboardDesignWidth
    keyboardRelativeRightMargin: style.gap / keyboardDesignWidth
    keyboardRelativeTopMargin: style.gap / keyboardDesignHeight
    keyboardRelativeBottomMargin: style.gap / keyboardDesignHeight

    // The language key asks for the language list; Main.qml's InputPanel answers instead
    // (externalLanguageSwitch), switching pinyin / English at one tap. Without it the key
    // would switch inside the keyboard, behind the back of the settings the wipe resets.
    languagePopupListEnabled: true

    keyboardBackground: Rectangle {
        color: Theme.elder ? Theme.background : Theme.border
    }

    keyPanel: KeyPanel {
        id: letter
        readonly property bool touchTarget: true
        Accessible.role: Accessible.Button
        Accessible.name: letter.control.displayText
        KeyFace {
            anchors.fill: parent
            anchors.margins: style.gap / 2
            key: letter.control
            label: letter.control.displayText
            capitals: letter.control.uppercased
        }
    }

    backspaceKeyPanel: KeyPanel {
        id: backspace
        readonly property bool touchTarget: true
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Delete the last character")
        KeyFace {
            anchors.fill: parent
            anchors.margins: style.gap / 2
            key: backspace.control
            label: qsTr("Del")
            secondary: true
            labelSize: Theme.fontBody
        }
    }

    // Names the language it switches to, short enough for one key at elder sizes: 英文
    // (EN in English), and 中文 in its own script in both languages, as the navigation
    // bar's language button names a language.
    languageKeyPanel: KeyPanel {
        id: language
        readonly property string label: style.chinese ? qsTr("EN") : "中文"
        objectName: "keyboardLanguageKey"
        readonly property bool touchTarget: true
        Accessible.role: Accessible.Button
        Accessible.name: style.chinese ? qsTr("Type in English") : qsTr("Type in Chinese (pinyin)")
        KeyFace {
            anchors.fill: parent
            anchors.margins: style.gap / 2
            key: language.control
            label: language.label
            secondary: true
            labelSize: Theme.fontBody
        }
    }

    // 确定 ends the typing; in a box of several lines (a question) it starts a new line.
    enterKeyPanel: KeyPanel {
        id: enter
        readonly property string label: (InputContext.inputMethodHints & Qt.ImhMultiLine)
                                        ? qsTr("New line") : qsTr("OK")
        readonly property bool touchTarget: true
        Accessible.role: Accessible.Button
        Accessible.name: enter.label
        KeyFace {
            anchors.fill: parent
            anchors.margins: style.gap / 2
            key: enter.control
            label: enter.label
            accent: true
            labelSize: Theme.fontBody
        }
    }

    hideKeyPanel: KeyPanel {
        id: hide
        readonly property bool touchTarget: true
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Hide the keyboard")
        KeyFace {
            anchors.fill: parent
            anchors.margins: style.gap / 2
            key: hide.control
            label: qsTr("Hide")
            secondary: true
            labelSize: Theme.fontBody
        }
    }

    shiftKeyPanel: KeyPanel {
        id: shift
        readonly property bool touchTarget: true
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Capital letters")
        KeyFace {
            anchors.fill: parent
            anchors.margins: style.gap / 2
            key: shift.control
            label: qsTr("Caps")
            secondary: !InputContext.shiftActive && !InputContext.capsLockActive
            accent: InputContext.capsLockActive
            labelSize: Theme.fontBody
        }
    }

    spaceKeyPanel: KeyPanel {
        id: space
        readonly property bool touchTarget: true
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Space")
        KeyFace {
            anchors.fill: parent
            anchors.margins: style.gap / 2
            key: space.control
            label: qsTr("Space")
            labelSize: Theme.fontBody
        }
    }

    symbolKeyPanel: KeyPanel {
        id: symbol
        readonly property bool touchTarget: true
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Numbers and symbols, or letters")
        KeyFace {
            anchors.fill: parent
            anchors.margins: style.gap / 2
            key: symbol.control
            label: symbol.control.displayText
            secondary: true
            labelSize: Theme.fontBody
        }
    }

    modeKeyPanel: KeyPanel {
        id: mode
        readonly property bool on: (mode.control as ModeKey)?.mode ?? false
        readonly property bool touchTarget: true
        Accessible.role: Accessible.Button
        Accessible.name: mode.control.displayText
        KeyFace {
            anchors.fill: parent
            anchors.margins: style.gap / 2
            key: mode.control
            label: mode.control.displayText
            secondary: !mode.on
            accent: mode.on
            labelSize: Theme.fontBody
        }
    }

    // The letter under the finger, shown large above it.
    characterPreviewMargin: 0
    characterPreviewDelegate: Item {
        id: preview
        property string text
        Rectangle {
            anchors.fill: parent
            radius: Theme.radius / 2
            color: Theme.accent
            Text {
                anchors.centerIn: parent
                text: preview.text
                color: Theme.accentText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontHuge
                textFormat: Text.PlainText
            }
        }
    }

    // Held keys offer their variants (é, ñ …) in a row as large as the keys.
    alternateKeysListItemWidth: style.rowHeight
    alternateKeysListItemHeight: style.rowHeight
    alternateKeysListTopMargin: style.gap
    alternateKeysListBottomMargin: style.gap
    alternateKeysListLeftMargin: style.gap
    alternateKeysListRightMargin: style.gap
    alternateKeysListDelegate: Item {
        id: variant
        required property string text
        width: style.alternateKeysListItemWidth
        height: style.alternateKeysListItemHeight
        Text {
            anchors.centerIn: parent
            text: variant.text
            color: variant.ListView.isCurrentItem ? Theme.accentText : Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            textFormat: Text.PlainText
        }
    }
    alternateKeysListHighlight: Rectangle {
        color: Theme.accent
        radius: Theme.radius / 2
    }
    alternateKeysListBackground: Rectangle {
        color: Theme.surface
        border.color: Theme.border
        border.width: Theme.borderWidth
        radius: Theme.radius / 2
    }

    // Pinyin's candidates: a bar above the keys, each candidate a target of its own.
    selectionListHeight: style.rowHeight
    selectionListDelegate: Candidate { }
    selectionListHighlight: Item { }
    selectionListBackground: Rectangle {
        color: Theme.surface
    }
    popupListDelegate: Candidate { height: style.rowHeight }  // the popup takes its height
    popupListHighlight: Rectangle {
        color: Theme.accent
        opacity: 0.3
    }
    popupListBackground: Rectangle {
        color: Theme.surface
        border.color: Theme.border
        border.width: Theme.borderWidth
    }

    navigationHighlight: Rectangle {
        color: "transparent"
        border.color: Theme.accent
        border.width: Theme.borderWidth * 2
    }
}
