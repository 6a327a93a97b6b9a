pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// One form field, with the widget its type asks for: choices as big buttons, dates on
// wheels, numbers and phone numbers on the keyboard's number pad. Says what to fix.
Column {
    id: editor

    // One row of the application's fields model (ui/applyview.py FieldRow).
    required property string key
    required property string kind  // text, number, phone, id_number, date, choice
    required property string label
    required property string help
    required property bool needed
    required property list<string> choices
    property string value
    property string problem
    signal edited(string key, string value)

    spacing: Theme.spacing / 3

    KioskText {
        width: parent.width
        text: Words.term(editor.label) + (editor.needed ? "" : qsTr(" (optional)"))
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        font.bold: true
        color: Theme.text
        wrapMode: Text.Wrap
    }

    // A choice has no box to hold its help: it is said under the label (who pays a
    // posting, for one).
    KioskText {
        objectName: "help_" + editor.key
        visible: editor.kind === "choice" && editor.help !== ""
        width: parent.width
        text: Words.term(editor.help)
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        color: Theme.mutedText
        wrapMode: Text.Wrap
    }

    KioskTextField {
        id: textField
        objectName: "field_" + editor.key
        visible: editor.kind !== "choice" && editor.kind !== "date"
        width: parent.width
        text: editor.value
        placeholderText: Words.term(editor.help)
        Accessible.name: editor.label  // the field's own label, placeholder or not
        inputMethodHints: editor.kind === "number" ? (Qt.ImhSensitiveData | Qt.ImhFormattedNumbersOnly)
                          : editor.kind === "phone" ? (Qt.ImhSensitiveData | Qt.ImhDialableCharactersOnly)
                          : editor.kind === "id_number" ? (Qt.ImhSensitiveData | Qt.ImhPreferNumbers | Qt.ImhUppercaseOnly | Qt.ImhNoPredictiveText)
                          : Qt.ImhSensitiveData | Qt.ImhNoAutoUppercase
        onEditingFinished: editor.edited(editor.key, textField.text)
    }

    Flow {
        objectName: "choices_" + editor.key
        visible: editor.kind === "choice"
        width: parent.width
        spacing: Theme.spacing / 2
        Repeater {
            model: editor.choices
            delegate: KioskButton {
                required property string modelData
                objectName: "choice_" + modelData
                checkable: true
                checked: editor.value === modelData
                text: Words.term(modelData)  // the kiosk's own choices in the UI language
                onClicked: editor.edited(editor.key, modelData)
            }
        }
    }

    Loader {
        objectName: "date_" + editor.key
        active: editor.kind === "date"
        visible: active
        width: parent.width
        height: (item as Item)?.implicitHeight ?? 0
        sourceComponent: DatePicker {
            value: editor.value
            onPicked: (value) => editor.edited(editor.key, value)
        }
    }

    BodyText {
        objectName: "problem_" + editor.key
        width: parent.width
        visible: text !== ""
        text: editor.problem
        color: Theme.warning
        font.bold: true
    }
}
