pragma Singleton
import QtQuick
import Kiosk.Types

// Every size and colour the screens use. Sizes are in design pixels of a 1080×1920 portrait
// or 1920×1080 landscape panel; the window scales the whole surface to fit.
QtObject {
    id: theme

    // Set by Main.qml from the shell view model.
    property bool elder: false
    property bool landscape: false

    readonly property real scale: elder ? 1.3 : 1.0

    readonly property string fontFamily: "Noto Sans CJK SC"

    // Text (body text never below 28 px; elder mode ×1.3).
    readonly property int fontSmall: Math.round(28 * scale)
    readonly property int fontBody: Math.round(32 * scale)
    readonly property int fontLarge: Math.round(40 * scale)
    readonly property int fontTitle: Math.round(48 * scale)
    // 63, not 64: Qt's raster engine (the software scene graph) caches glyphs below 64 px
    // and draws larger ones from their outlines in every frame (the slowest frame of the
    // screen walk: 45 ms at 64 px, 20 ms at 63).
    readonly property int fontHuge: Math.round(63 * scale)

    // Touch targets: at least 80 px on the short side at 1080-wide portrait.
    readonly property int touchMin: Math.round(96 * scale)
    readonly property int spacing: 24
    readonly property int margin: 40
    readonly property int radius: 20

    readonly property int headerHeight: Math.round((landscape ? 150 : 200) * (elder ? 1.15 : 1.0))
    readonly property int navBarHeight: touchMin + 2 * spacing

    // Palette: calm government blue; elder mode is high-contrast black, white and yellow.
    readonly property color background: elder ? "#000000" : "#eef3f8"
    readonly property color surface: elder ? "#111111" : "#ffffff"
    readonly property color headerBackground: elder ? "#000000" : "#0b4ea2"
    readonly property color headerText: elder ? "#ffeb3b" : "#ffffff"
    readonly property color text: elder ? "#ffffff" : "#1a2433"
    readonly property color mutedText: elder ? "#f0f0f0" : "#4a5568"
    readonly property color accent: elder ? "#ffeb3b" : "#0b4ea2"
    readonly property color accentText: elder ? "#000000" : "#ffffff"
    readonly property color border: elder ? "#ffffff" : "#c8d3e0"
    readonly property color disabled: elder ? "#5c5c5c" : "#a0aec0"
    readonly property color warning: elder ? "#ffeb3b" : "#b7410e"
    readonly property color scrim: "#b3000000"
    // Device lights for staff (same in elder mode: they are not for residents).
    readonly property color lightGreen: "#2e7d32"
    readonly property color lightAmber: "#f9a825"
    readonly property color lightRed: "#c62828"
    readonly property color lightNone: "#a0aec0"
    readonly property color bannerBackground: elder ? "#ffeb3b" : "#fff4e5"
    readonly property color bannerText: elder ? "#000000" : "#7a2e0b"

    function lightColor(light: int): color {
        return light === DeviceLight.Green ? lightGreen : light === DeviceLight.Amber ? lightAmber
             : light === DeviceLight.Red ? lightRed : lightNone
    }
    readonly property int borderWidth: elder ? 4 : 2

    // Outside the opening hours (ClosedScreen.qml): dimmed, and black overnight. The content
    // moves by up to closedDrift px every closedDriftMs against burn-in.
    readonly property color closedBackground: "#0a0d12"
    readonly property color closedText: elder ? "#d8d8d8" : "#9aa6b6"
    readonly property color closedMutedText: elder ? "#b0b0b0" : "#6f7b8c"
    readonly property color nightBlack: "#000000"
    readonly property int closedDrift: 30
    readonly property int closedDriftMs: 180000
}
