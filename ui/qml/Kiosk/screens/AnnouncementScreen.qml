import QtQuick
import Kiosk
import Kiosk.Types

// One announcement: who published it and when, how long it stands, its text, and a QR code
// that opens the full text on a phone (the kiosk itself never loads it).
KioskPage {
    id: page

    required property EngagementViewModel engagement

    title: page.engagement.title

    KioskText {
        objectName: "announcementMeta"
        width: parent.width
        // In one pass: the platform's text is never read for %-markers (Words.fill).
        text: Words.fill(qsTr("%1 · %2 · published %3, valid until %4"),
                         [Words.announcementKind(page.engagement.kind), page.engagement.source,
                          page.engagement.published, page.engagement.expires])
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        color: Theme.mutedText
        wrapMode: Text.Wrap
    }

    SectionBox {
        BodyText {
            objectName: "announcementBody"
            width: parent.width
            text: page.engagement.body
        }
    }

    SectionBox {
        objectName: "announcementLink"
        visible: page.engagement.link !== ""
        title: qsTr("Read it on your phone")
        Row {
            width: parent.width
            spacing: Theme.spacing
            Image {
                id: qr
                objectName: "announcementQr"
                width: Theme.elder ? 300 : 240
                height: width
                sourceSize.width: width
                sourceSize.height: height
                source: page.engagement.link !== ""
                        ? "image://qr/" + encodeURIComponent(page.engagement.link) : ""
                smooth: false
                Accessible.role: Accessible.Graphic
                Accessible.name: qsTr("QR code of the full text")
            }
            BodyText {
                width: parent.width - qr.width - parent.spacing
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("Scan the code with your phone's camera to open the full text on the district's website.")
            }
        }
    }

    SampleNotice {
        visible: page.engagement.sample
    }
}
