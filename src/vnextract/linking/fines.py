"""Linking step: fines (first stub; see its issue)."""

from __future__ import annotations

from vnextract.mentions import Mentions
from vnextract.text import Text


def link(text: Text, found: Mentions) -> Mentions:
    """Return ``found`` with fines linked."""
    return found
