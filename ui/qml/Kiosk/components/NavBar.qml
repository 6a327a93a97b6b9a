import QtQuick
import QtQuick.Layouts
import Kiosk

// Bottom band, on every screen: 返回 and 首页, 读给我听 (voice guidance), the language
// switch and elder mode.
Rectangle {
    id: bar

    property bool canGoBack: false
    property bool atHome: true
    required property string language
    required property bool elderMode
    property bool canReadAloud: false
    // Landscape: the captions of voice guidance, in the bar's free middle (portrait has no
    // room there: Main.qml puts them in a band above the bar).
    property string caption: ""
    property bool speaking: false

    signal backRequested()
    signal homeRequested()
    signal languageRequested(string language)
    signal elderModeRequested(bool enabled)
    signal readAloudRequested()

    color: Theme.surface
    implicitHeight: Theme.navBarHeight
    border.color: Theme.border
    border.width: 1

    // Five buttons at elder sizes fill a portrait bar: there they are as narrow as a touch
    // target allows, closer together, and their words at the elder text size (36 px).
    readonly property bool compact: Theme.elder && !Theme.landscape
    readonly property int buttonWidth: compact ? Theme.touchMin : Math.round(Theme.touchMin * 1.5)
    readonly property int buttonFont: compact ? Theme.fontSmall : Theme.fontBody

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: bar.compact ? Theme.spacing : Theme.margin
        anchors.rightMargin: bar.compact ? Theme.spacing : Theme.margin
        spacing: bar.compact ? Theme.spacing * 2 / 3 : Theme.spacing

        KioskButton {
            minimumWidth: bar.buttonWidth
            fontSize: bar.buttonFont
            objectName: "backButton"
            text: qsTr("Back")
            enabled: bar.canGoBack
            onClicked: bar.backRequested()
        }
        KioskButton {
            minimumWidth: bar.buttonWidth
            fontSize: bar.buttonFont
            objectName: "homeButton"
            text: qsTr("Home")
            enabled: !bar.atHome
            onClicked: bar.homeRequested()
        }
        KioskText {
            objectName: "barCaption"
            Layout.fillWidth: true
            // Room around a caption only when there is one: an English portrait bar with
            // 读给我听 has none to spare.
            Layout.leftMargin: bar.caption !== "" ? Theme.spacing : 0
            Layout.rightMargin: bar.caption !== "" ? Theme.spacing : 0
            text: bar.caption
            color: bar.speaking ? Theme.accent : Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            font.bold: bar.speaking
            wrapMode: Text.Wrap
            maximumLineCount: 3
            elide: Text.ElideRight
            verticalAlignment: Text.AlignVCenter
        }
        KioskButton {
            minimumWidth: bar.buttonWidth
            fontSize: bar.buttonFont
            objectName: "readAloudButton"
            text: qsTr("Read aloud")
            visible: bar.canReadAloud
            onClicked: bar.readAloudRequested()
        }
        KioskButton {
            minimumWidth: bar.buttonWidth
            fontSize: bar.buttonFont
            objectName: "languageButton"
            // Always written in the language it switches to, so either reader finds it.
            text: bar.language === "en" ? "中文" : "English"
            Accessible.name: bar.language === "en" ? "切换到中文" : "Switch to English"
            onClicked: bar.languageRequested(bar.language === "en" ? "zh_CN" : "en")
        }
        KioskButton {
            minimumWidth: bar.buttonWidth
            fontSize: bar.buttonFont
            objectName: "elderButton"
            text: qsTr("Elder mode")
            checkable: true
            checked: bar.elderMode
            onClicked: bar.elderModeRequested(checked)
        }
    }
}
