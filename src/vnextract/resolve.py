"""Overlap resolution between kinds of number-like mentions (one swappable function)."""

from __future__ import annotations

import attrs

from vnextract.mentions import Mentions
from vnextract.records import Span
from vnextract.text import Text

# When spans of these kinds overlap, the earlier kind in this order wins: "năm 2020" is a date,
# not a count; "504 triệu đồng" is money, not a count.
NUMERIC_PRIORITY: tuple[str, ...] = ("dates", "money", "percentages", "durations", "quantities", "counts")


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def resolve_overlaps(text: Text, found: Mentions) -> Mentions:
    """Drop a numeric mention that overlaps one of a kind with higher priority."""
    kept: dict[str, tuple[Span, ...]] = {}
    taken: list[Span] = []
    for kind in NUMERIC_PRIORITY:
        survivors = tuple(r for r in getattr(found, kind) if not any(_overlaps(r, t) for t in taken))
        kept[kind] = survivors
        taken.extend(survivors)
    return attrs.evolve(found, **kept)
