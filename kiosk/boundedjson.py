"""Reading JSON from outside (the platform) with a bound on how deeply it nests.

Python's decoder recurses once per level: a few thousand `[` raise RecursionError, which
is no ValueError, and a few hundred pass but make every later walk over the document slow
and deep. Everything that decodes the platform's answers goes through here.
"""

from __future__ import annotations

import json
from typing import Any


class TooDeep(ValueError):  # noqa: N818 - reads as "the document is too deep"
    pass


def nesting_depth(document: object, limit: int) -> int:
    """How deeply lists and objects nest, counted up to `limit` + 1 (iteratively, so a
    deep document cannot exhaust the stack here either)."""
    deepest = 0
    pending: list[tuple[object, int]] = [(document, 1)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, dict):
            children = list(value.values())
        elif isinstance(value, list):
            children = value
        else:
            continue
        deepest = max(deepest, depth)
        if depth <= limit:
            pending.extend((child, depth + 1) for child in children)
    return deepest


def loads(body: bytes, max_depth: int) -> Any:
    """The decoded document; ValueError (TooDeep included) for anything that is not JSON
    nesting at most `max_depth` levels."""
    try:
        document = json.loads(body)
    except RecursionError:  # deeper than the decoder itself goes
        raise TooDeep(f"nests deeper than {max_depth} levels") from None
    if nesting_depth(document, max_depth) > max_depth:
        raise TooDeep(f"nests deeper than {max_depth} levels")
    return document
