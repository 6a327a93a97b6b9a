pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Styles
import Kiosk

// The kiosk's own keyboard style (selected by QT_VIRTUALKEYBOARD_STYLE, ui/environment.py):
// the theme's colours and sizes, so the keyboard follows elder mode like every screen. Each
// row of keys and the bar of candidates is a touch target high (104 px in landscape elder
// mode, where the screen is short), letters are as large as the screens' large text, and
// keys that act say what they do in words (删除, 确定, 收起) instead of icons (KeyFace.qml).
// Measured with the screens: ui/reach.py.
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

    keyPanel: KeyFace {
        id: letter
        label: letter.control.displayText
        capitals: letter.control.uppercased
        labelSize: Theme.fontLarge
    }

    backspaceKeyPanel: KeyFace {
        label: qsTr("Del")
        spokenName: qsTr("Delete the last character")
        secondary: true
    }

    // Names the language it switches to, short enough for one key at elder sizes: 英文
    // (EN in English), and 中文 in its own script in both languages, as the navigation
    // bar's language button names a language.
    languageKeyPanel: KeyFace {
        objectName: "keyboardLanguageKey"
        label: style.chinese ? qsTr("EN") : "中文"
        spokenName: style.chinese ? qsTr("Type in English") : qsTr("Type in Chinese (pinyin)")
        secondary: true
    }

    // 确定 ends the typing; in a box of several lines (a question) it starts a new line.
    enterKeyPanel: KeyFace {
        label: (InputContext.inputMethodHints & Qt.ImhMultiLine) ? qsTr("New line") : qsTr("OK")
        accent: true
    }

    hideKeyPanel: KeyFace {
        label: qsTr("Hide")
        spokenName: qsTr("Hide the keyboard")
        secondary: true
    }

    shiftKeyPanel: KeyFace {
        label: qsTr("Caps")
        spokenName: qsTr("Capital letters")
        secondary: !InputContext.shiftActive && !InputContext.capsLockActive
        accent: InputContext.capsLockActive
    }

    spaceKeyPanel: KeyFace {
        label: qsTr("Space")
    }

    symbolKeyPanel: KeyFace {
        id: symbol
        label: symbol.control.displayText
        spokenName: qsTr("Numbers and symbols, or letters")
        secondary: true
    }

    modeKeyPanel: KeyFace {
        id: mode
        readonly property bool on: (mode.control as ModeKey)?.mode ?? false
        label: mode.control.displayText
        secondary: !mode.on
        accent: mode.on
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
