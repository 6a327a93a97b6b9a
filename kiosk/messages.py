"""Sentences for a person, as codes: the core says *what* happened, the UI says it in words.

`devices/` and `kiosk/` never compose a sentence a resident reads. They return a `Message`:
a stable dotted code ("form.too_long") and its positional arguments (the field's label,
a length). `ui/` turns it into Chinese or English through the translation files, in
`ui/qml/Kiosk/Words.qml` (`Words.say(code, args)`), where the argument order of every
code is written next to its words. A test checks that every code the core can return has
words there.

Arguments are plain strings: data (a label from the catalog, a number) shown as text.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    """What to tell the person at the screen: `code` and its arguments (%1, %2, … in the
    words). The empty code means "nothing to say"."""

    code: str
    args: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.code)


NONE = Message("")


def message(code: str, *args: object) -> Message:
    """`message("form.too_long", label, 30, 31)`: arguments become strings."""
    return Message(code, tuple(str(arg) for arg in args))
