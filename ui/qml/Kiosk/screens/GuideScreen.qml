pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import Kiosk.Types

// One item's complete guide (办事指南): every element, in the order a resident needs it.
KioskPage {
    id: page

    required property CatalogViewModel catalog
    required property DeviceHub devices
    required property string stationName
    property VoiceViewModel voice: null  // sections read aloud (朗读) when given
    readonly property GuideView guide: catalog.guide
    signal applyRequested(string code)
    signal bookRequested(string code)
    signal homeVisitRequested(string code)

    title: page.guide.name
    Component.onCompleted: page.devices.forgetPrintStatus()

    component Fact: Column {
        id: fact
        property string label
        property string value
        width: parent ? (parent.width - Theme.spacing) / 2 : 0
        spacing: 2
        KioskText {
            width: parent.width
            text: fact.label
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: Theme.mutedText
            wrapMode: Text.Wrap
        }
        KioskText {
            width: parent.width
            text: fact.value
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            font.bold: true
            color: Theme.text
            wrapMode: Text.Wrap
        }
    }

    component LabelledText: BodyText {
        property string label
        property string value
        visible: value.length > 0
        //: Between a label and its value
        text: label + qsTr(": ") + value
    }

    SampleNotice { visible: page.guide.sample }

    BodyText {
        objectName: "shortGuide"
        visible: text.length > 0
        text: page.guide.shortGuide
        font.pixelSize: Theme.fontLarge
    }

    Flow {
        width: parent.width
        spacing: Theme.spacing / 2
        Badge { text: Words.term(page.guide.itemType) }
        Badge { text: Words.term(page.guide.caseType) }
        Badge { text: qsTr("%1 level").arg(Words.term(page.guide.level)) }
        Badge { visible: page.guide.canApply; strong: true; text: qsTr("Apply here") }
        Badge { visible: page.guide.canBook; strong: true; text: qsTr("Book a time here") }
    }

    SectionBox {
        objectName: "factsSection"
        voice: page.voice
        title: qsTr("At a glance")
        Flow {
            width: parent.width
            spacing: Theme.spacing
            Fact {
                label: qsTr("Visits needed")
                value: page.guide.visits === 0 ? qsTr("None — all online")
                                               : qsTr("%n visit(s) at most", "", page.guide.visits)
            }
            Fact { label: qsTr("Promised time"); value: page.guide.promisedTimeLimit }
            Fact { label: qsTr("Fees"); value: page.guide.feeStandard }
            Fact { label: qsTr("Statutory time"); value: page.guide.legalTimeLimit }
        }
    }

    SectionBox {
        voice: page.voice
        title: qsTr("Who can apply")
        Repeater {
            model: page.guide.conditions
            BodyText {
                required property string modelData
                text: "• " + modelData
            }
        }
        LabelledText { label: qsTr("Service recipients"); value: page.guide.serviceObject.map(value => Words.term(value)).join(qsTr(", ", "between the items of a list")) }
    }

    SectionBox {
        objectName: "materialsSection"
        voice: page.voice
        title: qsTr("What to bring (%n item(s))", "", page.guide.materials.count)
        Repeater {
            model: page.guide.materials
            Rectangle {
                id: material
                required property string name
                required property string form
                required property int copies
                required property bool required
                required property bool deferrable
                required property bool eLicence
                required property string note
                required property string sample
                required property int index
                width: parent.width
                height: materialColumn.implicitHeight + Theme.spacing
                radius: Theme.radius / 2
                color: "transparent"
                border.color: Theme.border
                border.width: 1
                Column {
                    id: materialColumn
                    x: Theme.spacing / 2
                    y: Theme.spacing / 2
                    width: parent.width - Theme.spacing
                    spacing: 4
                    BodyText {
                        text: "☐ " + (material.index + 1) + ". " + material.name
                        font.bold: true
                    }
                    BodyText {
                        font.pixelSize: Theme.fontSmall
                        color: Theme.mutedText
                        text: [
                            qsTr("%1 × %2").arg(Words.term(material.form)).arg(material.copies),
                            material.required ? qsTr("required") : qsTr("if applicable"),
                            material.deferrable ? qsTr("may be handed in later") : "",
                            material.eLicence ? qsTr("e-licence accepted") : ""
                        ].filter(part => part.length > 0).join(" · ")
                    }
                    BodyText {
                        visible: text.length > 0
                        font.pixelSize: Theme.fontSmall
                        color: Theme.mutedText
                        text: [material.note, material.sample]
                              .filter(part => part.length > 0).join(qsTr("; "))
                    }
                }
            }
        }
        LabelledText { label: qsTr("Handing in later"); value: page.guide.deferralPolicy }
    }

    SectionBox {
        objectName: "stepsSection"
        voice: page.voice
        title: qsTr("Steps")
        Repeater {
            model: page.guide.steps
            BodyText {
                required property string title
                required property string detail
                required property int index
                text: (index + 1) + ". " + title + qsTr(": ") + detail
            }
        }
        LabelledText { label: qsTr("Special steps"); value: page.guide.specialSteps }
    }

    SectionBox {
        voice: page.voice
        title: qsTr("Where and when")
        Repeater {
            model: page.guide.locations
            BodyText {
                required property string modelData
                text: "• " + modelData
            }
        }
        LabelledText { label: qsTr("Hours"); value: page.guide.hours }
        LabelledText { label: qsTr("Appointments"); value: page.guide.appointment }
        LabelledText { label: qsTr("Ways to apply"); value: page.guide.handlingForms.join(qsTr(", ", "between the items of a list")) }
        LabelledText { label: qsTr("Where it can be handled"); value: page.guide.handlingScope }
    }

    SectionBox {
        voice: page.voice
        title: qsTr("Questions and complaints")
        LabelledText { label: qsTr("Ask"); value: page.guide.consultation }
        LabelledText { label: qsTr("Complain"); value: page.guide.complaint }
    }

    SectionBox {
        voice: page.voice
        visible: page.guide.faq.count > 0
        title: qsTr("Frequently asked")
        Repeater {
            model: page.guide.faq
            Column {
                id: faq
                required property string question
                required property string answer
                width: parent.width
                spacing: 4
                BodyText { text: qsTr("Q: %1").arg(faq.question); font.bold: true }
                BodyText { text: qsTr("A: %1").arg(faq.answer) }
            }
        }
    }

    SectionBox {
        voice: page.voice
        objectName: "moreSection"
        title: qsTr("More about this item")
        LabelledText { label: qsTr("Item code"); value: page.guide.code }
        LabelledText { label: qsTr("Department"); value: page.guide.department }
        LabelledText { label: qsTr("Implementing body"); value: page.guide.implementingBody }
        LabelledText { label: qsTr("Legal basis"); value: page.guide.legalBasis.join(qsTr("; ")) }
        LabelledText { label: qsTr("Result"); value: page.guide.resultName }
        LabelledText { label: qsTr("Result sample"); value: page.guide.resultSample }
        LabelledText { label: qsTr("Review standard"); value: page.guide.reviewStandard }
        LabelledText { label: qsTr("Fee basis"); value: page.guide.feeBasis }
        LabelledText { label: qsTr("Online payment"); value: page.guide.onlinePayment }
        LabelledText { label: qsTr("Delivery"); value: page.guide.delivery }
    }

    SectionBox {
        voice: page.voice
        objectName: "qrSection"
        title: qsTr("Take this guide with you")
        RowLayout {
            width: parent.width
            spacing: Theme.spacing
            Image {
                objectName: "guideQr"
                Layout.preferredWidth: 280
                Layout.preferredHeight: 280
                sourceSize.width: 280
                sourceSize.height: 280
                source: page.catalog.guideUrl.length > 0
                        ? "image://qr/" + encodeURIComponent(page.catalog.guideUrl) : ""
                smooth: false
                fillMode: Image.PreserveAspectFit
            }
            BodyText {
                Layout.fillWidth: true
                text: qsTr("Scan with your phone to open this guide.")
            }
        }
        KioskButton {
            objectName: "printGuideButton"
            visible: page.devices.printerConfigured
            width: parent.width
            text: qsTr("Print a short guide")
            enabled: page.devices.printerReady && page.devices.printState !== PrintState.Printing
            onClicked: page.catalog.printGuide(
                page.stationName, Qt.locale("zh_CN").toString(new Date(), "yyyy-MM-dd HH:mm"))
        }
        BodyText {
            objectName: "printStatus"
            width: parent.width
            visible: page.devices.printerConfigured && text !== ""
            color: page.devices.printState === PrintState.Failed || !page.devices.printerReady
                   ? Theme.warning : Theme.text
            text: {
                const state = page.devices.printState
                if (state === PrintState.Printing)
                    return qsTr("Printing, please wait…")
                if (state === PrintState.Done)
                    return qsTr("Printed. Please take the paper from the printer slot.")
                if (state === PrintState.Failed && page.devices.printCode === "paper_out")
                    return qsTr("The printer is out of paper. Please scan the QR code above instead.")
                if (state === PrintState.Failed)
                    return qsTr("The guide could not be printed. Please scan the QR code above instead.")
                if (!page.devices.printerReady)
                    return qsTr("The printer is not available right now. Please scan the QR code above.")
                return ""
            }
        }
    }

    KioskButton {
        objectName: "applyButton"
        visible: page.guide.canApply
        width: parent.width
        primary: true
        fontSize: Theme.fontLarge
        text: qsTr("Apply online")
        onClicked: page.applyRequested(page.guide.code)
    }

    KioskButton {
        objectName: "bookButton"
        visible: page.guide.canBook
        width: parent.width
        primary: !page.guide.canApply
        fontSize: Theme.fontLarge
        text: qsTr("Book a time at the window")
        onClicked: page.bookRequested(page.guide.code)
    }

    KioskButton {
        objectName: "homeVisitButton"
        visible: page.guide.canVisitHome
        width: parent.width
        primary: !page.guide.canApply && !page.guide.canBook
        fontSize: Theme.fontLarge
        text: qsTr("Ask for a home visit")
        onClicked: page.homeVisitRequested(page.guide.code)
    }

    BodyText {
        visible: page.guide.canVisitHome
        width: parent.width
        color: Theme.mutedText
        text: qsTr("For residents who cannot come because of age, disability or illness: staff come to the home. A family member may ask.")
    }
}
