"""The abbreviations example corpus (fixtures/abbreviations/*.jsonl): exact records per text."""

from __future__ import annotations

from typing import Any

import pytest

from titles_corpus import load
from vnextract.recognizers import abbreviations
from vnextract.text import Text


@pytest.mark.parametrize("case", load("abbreviations"))
def test_abbreviations_corpus(case: dict[str, Any]) -> None:
    text = Text.from_string(case["text"])
    records = list(abbreviations.recognize(text))
    got = [{"short": r.short, "long": r.long, "text": r.text} for r in records]
    assert got == case["abbreviations"]
    for r in records:
        assert text.normalized[r.start : r.end] == r.text
