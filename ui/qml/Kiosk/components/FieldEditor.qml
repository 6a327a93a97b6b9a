pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// One form field, with the widget its type asks for: choices as big buttons, dates on
// wheels, numbers and phone numbers on the keyboard's number pad. Says what to fix.
Column {
    id: editor

    required property var field
    property string value
    property string problem
    signal edited(string key, string value)

    spacing: Theme.spacing / 3

    KioskText {
        width: parent.width
        text: editor.field.label + (editor.field.required ? "" : qsTr(" (optional)"))
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        font.bold: true
        color: Theme.text
        wrapMode: Text.Wrap
    }

    KioskTextField {
        id: textField
        objectName: "field_" + editor.field.key
        visible: editor.field.type !== "choice" && editor.field.type !== "date"
        width: parent.width
        text: editor.value
        placeholderText: editor.field.help
        inputMethodHints: editor.field.type === "number" ? (Qt.ImhSensitiveData | Qt.ImhFormattedNumbersOnly)
                          : editor.field.type === "phone" ? (Qt.ImhSensitiveData | Qt.ImhDialableCharactersOnly)
                          : editor.field.type === "id_number" ? (Qt.ImhSensitiveData | Qt.ImhPreferNumbers | Qt.ImhUppercaseOnly | Qt.ImhNoPredictiveText)
                          : Qt.ImhSensitiveData | Qt.ImhNoAutoUppercase
        onEditingFinished: editor.edited(editor.field.key, textField.text)
    }

    Flow {
        objectName: "choices_" + editor.field.key
        visible: editor.field.type === "choice"
        width: parent.width
        spacing: Theme.spacing / 2
        Repeater {
            model: editor.field.choices
            delegate: KioskButton {
                required property string modelData
                objectName: "choice_" + modelData
                checkable: true
                checked: editor.value === modelData
                text: modelData
                onClicked: editor.edited(editor.field.key, modelData)
            }
        }
    }

    Loader {
        objectName: "date_" + editor.field.key
        active: editor.field.type === "date"
        visible: active
        width: parent.width
        height: (item as Item)?.implicitHeight ?? 0
        sourceComponent: DatePicker {
            value: editor.value
            onPicked: (value) => editor.edited(editor.field.key, value)
        }
    }

    BodyText {
        objectName: "problem_" + editor.field.key
        width: parent.width
        visible: text !== ""
        text: editor.problem
        color: Theme.warning
        font.bold: true
    }
}
