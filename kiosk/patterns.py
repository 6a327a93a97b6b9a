"""Field patterns from the catalog, run on a linear-time engine (RE2).

A pattern comes from outside (the district catalog), and a resident's answer is matched
against it on the GUI thread while they type. Python's `re` backtracks: `(\\w+\\s?)*` against
26 characters takes seconds and doubles with each one more. RE2 matches in time linear in
the answer, whatever the pattern, so a pattern can never freeze the screen (and with it the
idle wipe). The price is RE2's syntax: no backreferences or lookarounds, and `\\d`, `\\w` and
`\\s` are ASCII only (use `\\p{Han}` for Chinese characters). Answers are NFKC-normalised
before matching, so full-width digits and letters arrive as ASCII.
"""

from __future__ import annotations

import functools
from typing import Protocol, cast

import re2

MAX_PATTERN_LENGTH = 500
_MAX_MEMORY = 1 << 20  # bytes of compiled program; a pattern larger than this is refused


class PatternError(ValueError):
    """A catalog pattern RE2 cannot run; `str()` says why."""


class Pattern(Protocol):
    def fullmatch(self, text: str) -> object | None: ...


@functools.lru_cache(maxsize=256)
def compile_pattern(pattern: str) -> Pattern:
    """The compiled pattern, or PatternError for one that is too long or not RE2 syntax."""
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise PatternError(f"longer than {MAX_PATTERN_LENGTH} characters")
    options = re2.Options()
    options.max_mem = _MAX_MEMORY
    options.log_errors = False
    try:
        return cast(Pattern, re2.compile(pattern, options))
    except re2.error as error:
        reason = error.args[0] if error.args else ""
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise PatternError(f"not a pattern RE2 can run ({reason})") from None


def full_match(pattern: str, text: str) -> bool:
    """Whether the whole `text` matches `pattern` (already checked by compile_pattern)."""
    return compile_pattern(pattern).fullmatch(text) is not None
