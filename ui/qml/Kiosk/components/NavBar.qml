import QtQuick
import QtQuick.Layouts
import Kiosk

// Bottom band, on every screen: 返回 and 首页, the language switch and elder mode.
Rectangle {
    id: bar

    property bool canGoBack: false
    property bool atHome: true
    required property string language
    required property bool elderMode

    signal backRequested()
    signal homeRequested()
    signal languageRequested(string language)
    signal elderModeRequested(bool enabled)

    color: Theme.surface
    implicitHeight: Theme.navBarHeight
    border.color: Theme.border
    border.width: 1

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        spacing: Theme.spacing

        KioskButton {
            objectName: "backButton"
            text: qsTr("Back")
            enabled: bar.canGoBack
            onClicked: bar.backRequested()
        }
        KioskButton {
            objectName: "homeButton"
            text: qsTr("Home")
            enabled: !bar.atHome
            onClicked: bar.homeRequested()
        }
        Item { Layout.fillWidth: true }
        KioskButton {
            objectName: "languageButton"
            // Always written in the language it switches to, so either reader finds it.
            text: bar.language === "en" ? "中文" : "English"
            Accessible.name: bar.language === "en" ? "切换到中文" : "Switch to English"
            onClicked: bar.languageRequested(bar.language === "en" ? "zh_CN" : "en")
        }
        KioskButton {
            objectName: "elderButton"
            text: qsTr("Elder mode")
            checkable: true
            checked: bar.elderMode
            onClicked: bar.elderModeRequested(checked)
        }
    }
}
