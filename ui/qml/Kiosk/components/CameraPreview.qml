import QtQuick
import QtMultimedia
import Kiosk

// The document camera's live picture, so the resident can lay the page well before 拍摄.
// Built only when a camera is in use (not with the image-folder source).
Rectangle {
    id: preview

    required property var session  // the QMediaCaptureSession of ui/capture.py
    property bool ready: false
    // Said over the black picture while no camera is up (staff mode says it differently).
    property string missingText: qsTr("No document camera found. You can still choose to bring materials to the counter, or ask the station staff.")

    implicitHeight: Math.round(width * 0.75)
    radius: Theme.radius
    color: "#000000"

    VideoOutput {
        id: video
        objectName: "cameraVideo"
        anchors.fill: parent
        anchors.margins: Theme.borderWidth
        fillMode: VideoOutput.PreserveAspectFit
    }

    KioskText {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.spacing
        visible: !preview.ready
        text: preview.missingText
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        color: "#ffffff"
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
    }

    Component.onCompleted: if (preview.session) preview.session.videoOutput = video
    Component.onDestruction: if (preview.session) preview.session.videoOutput = null
}
