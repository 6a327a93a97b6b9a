pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import Kiosk.Types

// 政民互动: the district's opinion surveys open today, then today's announcements, newest
// first. Both come from the platform; nothing here is loaded from the network.
KioskPage {
    id: page

    required property EngagementViewModel engagement
    signal announcementChosen(string id)
    signal surveyChosen(string id)

    title: qsTr("Notices and surveys")

    Component.onCompleted: page.engagement.refresh()

    SectionBox {
        objectName: "surveysSection"
        visible: page.engagement.canAnswer && page.engagement.surveys.count > 0
        title: qsTr("Have your say (anonymous)")
        BodyText {
            width: parent.width
            color: Theme.mutedText
            text: qsTr("A few questions from the district. No ID card is needed and nothing says who answered.")
        }
        Column {
            id: surveyList
            width: parent.width
            spacing: Theme.spacing / 2
            Repeater {
                model: page.engagement.surveys
                delegate: ChoiceButton {
                    required property int index
                    required property string code
                    required property string heading
                    required property string source
                    required property string closes
                    required property bool answered
                    objectName: "survey_" + index
                    width: surveyList.width
                    strong: !answered
                    title: answered ? qsTr("%1 (answered, thank you)").arg(heading) : heading
                    detail: Words.fill(qsTr("%1 · open until %2"), [source, closes])
                    onClicked: page.surveyChosen(code)
                }
            }
        }
    }

    SectionBox {
        objectName: "announcementsSection"
        title: qsTr("Announcements")
        BodyText {
            objectName: "noAnnouncements"
            visible: page.engagement.announcements.count === 0
            width: parent.width
            color: Theme.mutedText
            text: qsTr("There are no announcements at the moment.")
        }
        Column {
            id: announcementList
            width: parent.width
            spacing: Theme.spacing / 2
            Repeater {
                model: page.engagement.announcements
                delegate: ChoiceButton {
                    required property int index
                    required property string code
                    required property string kind
                    required property string heading
                    required property string source
                    required property string published
                    objectName: "announcement_" + index
                    width: announcementList.width
                    title: heading
                    detail: Words.fill(qsTr("%1 · %2 · %3"),
                                       [Words.announcementKind(kind), source, published])
                    onClicked: page.announcementChosen(code)
                }
            }
        }
    }

    SampleNotice {
        visible: page.engagement.sample
    }
}
