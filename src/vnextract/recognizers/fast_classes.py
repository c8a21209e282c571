"""Moved to :mod:`vnextract.text.fast_classes`; re-exported for the modules that still import it
(recognizers/titles.py)."""

from vnextract.text.fast_classes import FAST_RANGES, fast_chars, only_fast_chars, spelled

__all__ = ["FAST_RANGES", "fast_chars", "only_fast_chars", "spelled"]
