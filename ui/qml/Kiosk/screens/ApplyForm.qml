pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import Kiosk.Types

// Step 3: the item's form, prefilled from the ID card where the card knows the answer.
Column {
    id: step

    required property ApplyViewModel apply

    spacing: Theme.spacing * 1.5

    BodyText {
        width: parent.width
        color: Theme.mutedText
        text: qsTr("Fields filled from your ID card can be changed. Tap a field to type; numbers open the number pad.")
    }

    function firstProblem(): Item {
        for (let i = 0; i < fields.count; ++i) {
            const editor = fields.itemAt(i) as FieldEditor
            if (editor && editor.visible && editor.problem !== "")
                return editor
        }
        return null
    }

    Repeater {
        id: fields
        model: step.apply.fields
        delegate: FieldEditor {
            id: editor
            width: parent ? parent.width : 0
            visible: !step.apply.hiddenFields.includes(editor.key)  // FormField.only_when
            value: step.apply.answers[editor.key] ?? ""
            problem: Words.say(step.apply.problemCodes[editor.key] ?? "", step.apply.problemArgs[editor.key] ?? [])
            onEdited: (key, value) => step.apply.answer(key, value)
        }
    }
}
