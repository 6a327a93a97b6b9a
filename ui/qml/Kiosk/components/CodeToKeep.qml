import QtQuick
import Kiosk

// A code the resident takes away: its QR code and its number, drawn large when the paper
// did not come out, so that they can photograph them; a caption says what it is for.
Column {
    id: code

    property string qr  // what the QR code holds
    property string number
    property bool large: false
    property string caption

    spacing: Theme.spacing / 2

    Image {
        objectName: code.objectName + "Image"
        anchors.horizontalCenter: parent.horizontalCenter
        width: code.large ? 420 : 240
        height: width
        source: code.qr !== "" ? "image://qr/" + encodeURIComponent(code.qr) : ""
        sourceSize.width: width
        sourceSize.height: height
        smooth: false
        cache: false  // a receipt's token: not kept in QML's image cache after the visit
        asynchronous: true  // drawn off the GUI thread (qrcode, the first time)
    }
    BodyText {
        width: parent.width
        horizontalAlignment: Text.AlignHCenter
        font.pixelSize: code.large ? Theme.fontTitle : Theme.fontBody
        font.bold: true
        text: code.number
    }
    BodyText {
        width: parent.width
        horizontalAlignment: Text.AlignHCenter
        color: Theme.mutedText
        text: code.caption
    }
}
