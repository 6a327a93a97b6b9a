"""Letting go of a large snapshot (a catalog, a knowledge base) without holding Python's
interpreter lock for long.

When the last reference to a snapshot goes, CPython frees its objects (some 220,000 in
40,000 containers for 5,000 catalog items) in one cascade of C calls that runs no
bytecode, so no other thread gets the GIL until it ends: 11-17 ms in which the kiosk's GUI
thread cannot run a line of Python, whichever thread let go. `release` first walks the
snapshot (most of its cost: some 40 ms of interpreter time for that catalog, shared with
other threads at every switch interval), then frees it one container at a time from a
Python loop, so the interpreter may hand the GIL over between any two.
"""

from __future__ import annotations

import gc
from itertools import filterfalse
from types import ModuleType

_BATCH = 64  # containers whose references are read in one call (_add_reachable)


def release(pending: list[object]) -> int:
    """Free what `pending` holds, one container at a time, emptying it; returns how many
    containers it let go of.

    Hand over the only references: whatever else still holds an object keeps it alive, as
    always (then it is simply not freed here). Callables (classes, functions, methods,
    partials) and modules are not followed: they belong to the program, not to the data;
    what a callable held by the snapshot holds is freed with it, in one go.
    """
    freed = 0
    while pending:
        # The snapshot goes straight from `pending` into `held`: no other name holds it.
        held = [pending.pop()]
        _add_reachable(held)
        freed += len(held)
        # In reach order: each container freed here drops only its own leaves (strings,
        # numbers) and callables; the containers below it are still in `held` and wait
        # for their turn.
        for index in range(len(held)):
            held[index] = None
    return freed


def _add_reachable(held: list[object]) -> None:
    """Append to `held` every container reachable from what it holds, each once.

    `_BATCH` containers' references at a time, filtered by built-in calls: a Python loop over
    each container would take twice as long (larger batches hold the GIL longer).
    """
    seen = {id(obj) for obj in held}
    start = 0
    while start < len(held):
        batch = held[start : start + _BATCH]
        start += len(batch)
        children = filterfalse(_is_code, filter(gc.is_tracked, gc.get_referents(*batch)))
        for child in children:
            if id(child) not in seen:
                seen.add(id(child))
                held.append(child)


def _is_code(obj: object) -> bool:
    """Anything callable (classes, functions, methods, partials) and modules: the program's,
    not the snapshot's data."""
    return callable(obj) or isinstance(obj, ModuleType)
