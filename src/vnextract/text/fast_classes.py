"""Unicode property classes spelled out for the stdlib ``re``, on the characters news is made of.

The stdlib ``re`` runs simple patterns about twice as fast as ``regex`` but has no Unicode
property classes (``\\p{L}`` …). On text made only of the characters of FAST_RANGES (ASCII,
Latin with the Vietnamese letters, combining marks, general punctuation, currency signs) a
class can be spelled out one character at a time, each character classified by ``regex``
itself, so a pattern built from such classes cuts that text exactly as its ``regex`` original.
A caller checks a text with :func:`only_fast_chars` first and uses ``regex`` for anything else.
"""

from __future__ import annotations

import functools
import re

import regex

FAST_RANGES = (
    (0x20, 0x7E),  # ASCII
    (0xA0, 0x24F),  # Latin-1 and Latin Extended-A/B
    (0x300, 0x36F),  # combining marks
    (0x1E00, 0x1EFF),  # Latin Extended Additional: the Vietnamese letters with tone marks
    (0x2000, 0x206F),  # general punctuation
    (0x20A0, 0x20CF),  # currency signs
)


@functools.cache
def fast_chars() -> tuple[str, ...]:
    """Every character of FAST_RANGES."""
    return tuple(chr(c) for a, b in FAST_RANGES for c in range(a, b + 1))


def spelled(cls: str, *, negate: bool = False) -> str:
    """The characters of FAST_RANGES in the ``regex`` class ``cls`` (or not in it, with
    ``negate``), escaped for use inside a ``re`` character class: spelled(r"\\p{Lu}")."""
    pattern = regex.compile(cls)
    return "".join(re.escape(c) for c in fast_chars() if (pattern.fullmatch(c) is None) is negate)


@functools.cache
def only_fast_chars(extra: str = "") -> re.Pattern[str]:
    """A pattern whose ``fullmatch`` says a text is made only of FAST_RANGES (and ``extra``)."""
    return re.compile("[" + "".join(re.escape(c) for c in fast_chars()) + re.escape(extra) + "]*+")
