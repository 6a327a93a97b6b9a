"""Letting go of a large snapshot (a catalog, a knowledge base) without holding Python's
interpreter lock for long.

When the last reference to a snapshot goes, CPython frees its ~100,000 objects in one
cascade of C calls that runs no bytecode, so no other thread gets the GIL until it ends:
13-16 ms in which the kiosk's GUI thread cannot run a line of Python, whichever thread let
go. `release` frees the same objects one container at a time, from a Python loop: the
interpreter hands the GIL over between any two of them.
"""

from __future__ import annotations

import gc
from types import ModuleType


def release(pending: list[object]) -> int:
    """Free what `pending` holds, one container at a time, emptying it; returns how many
    containers it let go of.

    Hand over the only references: whatever else still holds an object keeps it alive, as
    always (then it is simply not freed here). Objects that are code rather than data
    (classes, modules, functions, methods) are never followed.
    """
    freed = 0
    while pending:
        # The snapshot goes straight from `pending` into `held`: no other name holds it.
        held = [pending.pop()]
        _add_reachable(held)
        freed += len(held)
        # In reach order: each container freed here drops only its own leaves (strings,
        # numbers); the containers below it are still in `held` and wait for their turn.
        for index in range(len(held)):
            held[index] = None
    return freed


def _add_reachable(held: list[object]) -> None:
    """Append to `held` every container reachable from what it holds, each once."""
    seen = {id(obj) for obj in held}
    index = 0
    while index < len(held):
        for child in gc.get_referents(held[index]):
            if id(child) in seen or not gc.is_tracked(child) or _is_code(child):
                continue
            seen.add(id(child))
            held.append(child)
        index += 1


def _is_code(obj: object) -> bool:
    """Classes, modules, functions and methods: shared with the whole program, not data."""
    return callable(obj) or isinstance(obj, ModuleType)
