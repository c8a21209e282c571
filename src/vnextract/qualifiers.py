"""Hedge words before a number ("hơn 504 triệu đồng" → more_than), from data/qualifiers.tsv.

The qualifier word belongs to the span (GUIDELINE.md). A comparative is not a hedge:
"cao hơn 1,5 triệu đồng" is "higher BY 1.5 million", so "hơn" after an adjective is left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon import load_tsv, word_class

__all__ = ["qualifier_after", "qualifier_before", "qualifiers"]


@cache
def qualifiers() -> Mapping[str, str]:
    """Hedge phrase (lower case) → qualifier name.

    >>> qualifiers()["hơn"], qualifiers()["xấp xỉ"], qualifiers()["không quá"]
    ('more_than', 'about', 'at_most')
    """
    return MappingProxyType({row["phrase"]: row["qualifier"] for row in load_tsv("qualifiers.tsv")})


_PHRASES = "|".join(
    r"\ +".join(regex.escape(w) for w in p.split()) for p in sorted(qualifiers(), key=len, reverse=True)
)
# The phrase must end right before the number (one or more spaces between).
# Searched backwards ("(?r)"): one attempt at the end instead of one per character of the
# window; the phrases are longest first, so the match is the one a forward search finds.
_BEFORE_RE = lazy_compile(rf"(?r)(?<![\p{{L}}\p{{N}}])(?P<q>{_PHRASES})\ +\Z", flags=regex.IGNORECASE)

# Adjectives that make "hơn" a comparative ("cao hơn" = higher than/by): no qualifier then.
_COMPARATIVES = word_class("comparative_adjective")
# Verbs of motion that make "vượt" a verb of its own ("nhảy vượt ba lớp" = skipped three grades,
# "bơi vượt 2 km" = swam across 2 km): the number is exact, no "more than".
_CROSSING_VERBS = word_class("crossing_verb")
_WORD_BEFORE_RE = lazy_compile(r"(?r)(?P<w>\p{L}+)\ +\Z")

# "từ 18 tuổi trở lên" (18 and above), "từ 7.000 đồng trở xuống" (7,000 and below)
_AFTER_RE = lazy_compile(r"\ +(?P<q>trở\ +lên|trở\ +xuống)(?![\p{L}\p{N}])", flags=regex.IGNORECASE)


def qualifier_before(text: str, start: int, *, comparatives: bool = True) -> tuple[str, int] | None:
    """The hedge right before ``start``: (qualifier, start of the hedge word), or None.

    With ``comparatives=False`` an adjective before "hơn" does not cancel it: a measurement
    "dài hơn 73 km" (longer than 73 km) is more than 73 km, while a price "cao hơn 1,5 triệu
    đồng" is higher BY 1.5 million.

    >>> qualifier_before("số tiền phạt hơn 504 triệu đồng", 17)
    ('more_than', 13)
    >>> qualifier_before("cao hơn 1,5 triệu đồng", 8) is None
    True
    >>> qualifier_before("nhảy vượt ba lớp", 11) is None
    True
    """
    window = text[max(0, start - 24) : start]
    match = _BEFORE_RE.search(window)
    if match is None:
        return None
    phrase = " ".join(match.group("q").casefold().split())
    at = start - len(window) + match.start("q")
    if phrase == "hơn" and comparatives:
        before = _WORD_BEFORE_RE.search(text[max(0, at - 12) : at])
        if before is not None and before.group("w").casefold() in _COMPARATIVES:
            return None
    if phrase == "cỡ":  # "kích cỡ 32 inch" (size 32 inch): a noun, not "about"
        before = _WORD_BEFORE_RE.search(text[max(0, at - 12) : at])
        if before is not None and before.group("w").casefold() in ("kích", "khổ"):
            return None
    if phrase == "vượt":
        before = _WORD_BEFORE_RE.search(text[max(0, at - 12) : at])
        if before is not None and before.group("w").casefold() in _CROSSING_VERBS:
            return None
    return qualifiers()[phrase], at


def qualifier_after(text: str, end: int) -> tuple[str, int] | None:
    """"trở lên" / "trở xuống" right after ``end``: (at_least | at_most, end of the phrase).

    >>> qualifier_after("từ 18 tuổi trở lên", 10)
    ('at_least', 18)
    """
    match = _AFTER_RE.match(text, end)
    if match is None:
        return None
    kind = "at_least" if "lên" in match.group("q").casefold() else "at_most"
    return kind, match.end()
