"""The reference article (fixtures/reference_article.txt) through the whole pipeline: its money,
fine, counts and percentages, and nothing numeric from its dates ("giai đoạn 2011-2015",
"năm 2020", "24/08/2015 - 07:38")."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vnextract
from vnextract.recognizers import numbers
from vnextract.records import Document
from vnextract.text import Text


@pytest.fixture(scope="module")
def doc(reference_article: str) -> Document:
    return vnextract.extract(reference_article)


def test_counts(doc: Document) -> None:
    assert [(c.text, c.value, c.unit, c.qualifier) for c in doc.counts] == [
        ("13 tập thể", 13, "tập thể", None),
        ("24 cá nhân", 24, "cá nhân", None),
        ("60 cuộc", 60, "cuộc", None),
        ("144 trường hợp", 144, "trường hợp", None),
        ("12 đơn", 12, "đơn", None),
        ("13 tập thể", 13, "tập thể", None),
        ("24 cá nhân", 24, "cá nhân", None),
    ]


def test_money_and_fine(doc: Document) -> None:
    assert [(m.text, m.amount, m.currency, m.qualifier) for m in doc.money] == [
        ("hơn 504 triệu đồng", Decimal(504000000), "VND", "more_than")
    ]
    (fine,) = doc.fines
    assert fine.money == doc.money[0]
    assert (fine.start, fine.end) == (doc.money[0].start, doc.money[0].end)
    assert fine.violations is not None
    assert (fine.violations.text, fine.violations.value) == ("144 trường hợp", 144)
    assert fine.violations in doc.counts


def test_percentages(doc: Document) -> None:
    assert [(p.text, p.value, p.value_to, p.qualifier) for p in doc.percentages] == [
        ("100%", Decimal(100), None, None),
        ("100%", Decimal(100), None, None),
        ("80%", Decimal(80), None, None),
        ("100%", Decimal(100), None, None),
    ]


def test_five_years_is_a_duration(doc: Document) -> None:
    durations = [(d.text, d.value, d.unit, d.iso) for d in doc.durations]
    assert durations == [("5 năm qua", Decimal(5), "year", "P5Y")]


@pytest.mark.parametrize("surface", ["giai đoạn 2011-2015", "năm 2020", "24/08/2015 - 07:38"])
def test_dates_are_not_amounts(doc: Document, reference_article: str, surface: str) -> None:
    start = reference_article.index(surface)
    end = start + len(surface)
    numeric = [*doc.counts, *doc.money, *doc.percentages, *doc.quantities, *doc.durations]
    assert [r.text for r in numeric if r.start < end and start < r.end] == []


def test_offsets_into_the_original(doc: Document, reference_article: str) -> None:
    for record in [*doc.counts, *doc.money, *doc.percentages, *doc.durations, *doc.fines]:
        assert reference_article[record.start : record.end] == record.text


_PIECES = st.sampled_from(
    [" ", "  ", "\u00a0", ",", ".", "-", "%", "/", ":", "đồng", "triệu", "tỷ", "hơn", "khoảng", "từ", "đến",
     "người", "năm", "tháng", "Uỷ", "hoà", "hai", "mươi", "lăm", "1", "24", "1.234", "0,5", "2011", "k", "$"]
)


@settings(max_examples=40, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_records_are_exact_slices_of_the_text(raw: str) -> None:
    text = Text.from_string(raw)
    for record in numbers.recognize(text):
        assert text.normalized[record.start : record.end] == record.text
        assert record.end > record.start


def test_decomposed_input_keeps_offsets() -> None:
    # NFD letters, a no-break space and old-style tone marks are normalised for matching,
    # and the records still point into the caller's string
    import unicodedata

    original = unicodedata.normalize("NFD", "Uỷ ban xử phạt hơn\u00a0504 triệu đồng, tăng 12,5%.")
    doc = vnextract.extract(original)
    assert [(m.amount, m.qualifier) for m in doc.money] == [(Decimal(504000000), "more_than")]
    assert [p.value for p in doc.percentages] == [Decimal("12.5")]
    for record in [*doc.money, *doc.percentages, *doc.fines]:
        assert original[record.start : record.end] == record.text
    assert len(doc.fines) == 1


def test_count_range_through_extract() -> None:
    # Count.value_to: "khoảng 4-5 người" is about four to five people; to_dict keeps the range
    doc = vnextract.extract("Ban điều hành khoảng 4-5 người, mỗi tổ từ 5 đến 7 người.")
    assert [(c.text, c.value, c.value_to, c.qualifier) for c in doc.counts] == [
        ("khoảng 4-5 người", 4, 5, "about"),
        ("từ 5 đến 7 người", 5, 7, None),
    ]
    assert [(c["value"], c["value_to"]) for c in doc.to_dict()["counts"]] == [(4, 5), (5, 7)]
    single = vnextract.extract("Có 13 tập thể.").to_dict()["counts"][0]
    assert single["value_to"] is None
