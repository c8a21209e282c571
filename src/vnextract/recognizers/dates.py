"""Recogniser: dates (first stub; see its issue)."""

from __future__ import annotations

from collections.abc import Iterator

from vnextract.records import Span
from vnextract.text import Text


def recognize(text: Text) -> Iterator[Span]:
    """Yield dates records found in ``text.normalized`` (normalised offsets)."""
    return iter(())


def published(text: Text) -> None:
    """The dateline's date-time when the document starts with one (stub)."""
    return None
