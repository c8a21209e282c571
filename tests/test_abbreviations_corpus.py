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


def test_english_acronym_links_to_its_organisation() -> None:
    """English initials: in "Phòng Thương mại và Công nghiệp Việt Nam (VCCI)" the full name gets
    the abbreviation, a later bare "VCCI" the full name as its expansion."""
    import vnextract

    got = vnextract.extract(
        "Hợp tác với Phòng Thương mại và Công nghiệp Việt Nam (VCCI). Sau đó VCCI đã họp."
    ).to_dict()["organizations"]
    full = "Phòng Thương mại và Công nghiệp Việt Nam"
    assert [(o["name"], o["abbreviation"], o["expansion"]) for o in got] == [
        (full, "VCCI", None),
        ("VCCI", None, full),
        ("VCCI", None, full),
    ]
