"""Recogniser: numbers (first stub; see its issue)."""

from __future__ import annotations

from collections.abc import Iterator

from vnextract.records import Span
from vnextract.text import Text


def recognize(text: Text) -> Iterator[Span]:
    """Yield numbers records found in ``text.normalized`` (normalised offsets)."""
    return iter(())
