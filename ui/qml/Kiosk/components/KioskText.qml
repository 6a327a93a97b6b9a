import QtQuick

// Every text on the kiosk. What it shows may come from residents, ID cards, scanners or the
// platform, so it is never read as markup: "<img src=…>" shows as typed and loads nothing.
Text {
    textFormat: Text.PlainText
}
