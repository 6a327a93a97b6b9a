import QtQuick
import Kiosk

// The ID card step of a flow: what to do, the card drawn, and a line below it (a warning
// when the reader does not work).
SectionBox {
    id: prompt

    property string text
    property bool warning: false

    title: qsTr("Place your ID card on the reader")

    Image {
        source: "../icons/idcard.svg"
        width: Math.min(parent.width, 360)
        height: width * 0.63
        sourceSize.width: width
        sourceSize.height: height
        anchors.horizontalCenter: parent.horizontalCenter
    }
    BodyText {
        width: parent.width
        color: prompt.warning ? Theme.warning : Theme.text
        text: prompt.text
    }
}
