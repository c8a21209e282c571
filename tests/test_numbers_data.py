"""The numbers lexicons: UTF-8 NFC, a header row, a gloss column, no duplicate keys, and every
entry spelt the way the normaliser writes text (canonical tone marks), or it could never match."""

from __future__ import annotations

import unicodedata
from importlib import resources

import pytest

from vnextract.text import canonical_tones

FILES = [
    "numbers_words.tsv",
    "qualifiers.tsv",
    "currencies.tsv",
    "time_units.tsv",
    "measure_units.tsv",
    "count_units.tsv",
    "number_labels.tsv",
    "count_stopwords.tsv",
    "fine_triggers.tsv",
    "violation_units.tsv",
    "unit_exceptions.tsv",
]


@pytest.mark.parametrize("name", FILES)
def test_lexicon_is_clean(name: str) -> None:
    text = resources.files("vnextract.data").joinpath(name).read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)
    header, *rows = [line.split("\t") for line in text.splitlines()]
    assert "gloss" in header
    assert rows
    keys = [row[0] for row in rows]
    assert all(len(row) == len(header) for row in rows)
    assert len(keys) == len(set(keys)), [k for k in keys if keys.count(k) > 1]
    assert [k for k in keys if canonical_tones(k) != k] == []
