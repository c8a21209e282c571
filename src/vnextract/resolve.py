"""Overlap resolution between kinds of number-like mentions (one swappable function)."""

from __future__ import annotations

from typing import Any

import attrs

from vnextract.mentions import Mentions
from vnextract.records import Span
from vnextract.text import Text

# When spans of these kinds overlap, the earlier kind in this order wins: "năm 2020" is a date,
# not a count; "504 triệu đồng" is money, not a count.
NUMERIC_PRIORITY: tuple[str, ...] = ("dates", "money", "percentages", "durations", "quantities", "counts")


def resolve_overlaps(text: Text, found: Mentions) -> Mentions:
    """Drop a numeric mention that overlaps one of a kind with higher priority.

    Coverage is a byte per character, so the pass is linear in the text and the spans.
    """
    covered = bytearray(len(text.normalized) + 1)
    kept: dict[str, Any] = {}
    for kind in NUMERIC_PRIORITY:
        records: tuple[Span, ...] = getattr(found, kind)
        survivors = tuple(r for r in records if not any(covered[r.start : r.end]))
        for r in survivors:
            covered[r.start : r.end] = b"\x01" * (r.end - r.start)
        kept[kind] = survivors
    return attrs.evolve(found, **kept)
