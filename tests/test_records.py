from decimal import Decimal

import attrs
import pytest

from vnextract.kinds import DOCUMENT_KEYS
from vnextract.records import Count, Document, Fine, Money, Person, Title


def test_span_validator_refuses_empty_and_inverted_spans():
    with pytest.raises(ValueError, match="end"):
        Count(text="", start=5, end=5, value=1, unit="x")
    with pytest.raises(ValueError, match="end"):
        Count(text="ab", start=5, end=3, value=1, unit="x")


def test_text_length_must_match_span():
    with pytest.raises(ValueError, match="length"):
        Count(text="13 tập thể", start=0, end=4, value=13, unit="tập thể")


def test_records_are_frozen_and_keyword_only():
    money = Money(text="504 triệu đồng", start=0, end=14, amount=Decimal(504000000), currency="VND")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        money.amount = Decimal(1)  # type: ignore[misc]
    with pytest.raises(TypeError):
        Money("504 triệu đồng", 0, 14, Decimal(1), "VND")  # type: ignore[misc]


def test_unknown_qualifier_is_refused():
    with pytest.raises(ValueError, match="qualifier"):
        Count(text="13 tập thể", start=0, end=10, value=13, unit="tập thể", qualifier="lots")  # type: ignore[arg-type]


def test_to_dict_is_json_safe_with_contract_keys():
    import json

    money = Money(
        text="hơn 504 triệu đồng", start=10, end=28, amount=Decimal("504000000"), currency="VND",
        qualifier="more_than",
    )
    count = Count(text="144 trường hợp", start=0, end=14, value=144, unit="trường hợp")
    person = Person(
        text="Trần Thanh Liêm", start=40, end=55, name="Trần Thanh Liêm", honorific="ông",
        titles=(Title(text="Ủy viên Thường vụ Tỉnh ủy", start=57, end=82, role="Ủy viên Thường vụ",
                      organization="Tỉnh ủy"),),
        mentions=((40, 55),),
    )
    doc = Document(text="x" * 100, money=(money,), counts=(count,), persons=(person,),
                   fines=(Fine(text=money.text, start=10, end=28, money=money, violations=count),))
    data = doc.to_dict()
    assert set(DOCUMENT_KEYS) <= set(data)
    json.dumps(data)
    assert data["money"][0]["amount"] == 504000000
    assert data["money"][0]["qualifier"] == "more_than"
    assert data["fines"][0]["violations"]["value"] == 144
    assert data["persons"][0]["titles"][0]["organization"] == "Tỉnh ủy"
    assert data["persons"][0]["mentions"] == [[40, 55]]


def test_decimal_fractions_serialise_as_strings():
    from vnextract.records import Percentage

    pct = Percentage(text="12,5%", start=0, end=5, value=Decimal("12.50"))
    doc = Document(text="12,5%", percentages=(pct,))
    assert doc.to_dict()["percentages"][0]["value"] == "12.5"


def test_document_repr_is_short_counts_and_first_words(reference_article):
    import vnextract

    doc = vnextract.extract(reference_article)
    text = repr(doc)
    assert len(text) < 260  # it was 13.9 KB for this 3.6 KB article
    size = f"{len(reference_article):,} characters, {len(doc.sentences)} sentences"
    assert text.startswith(f"<Document {size}; ")
    assert f"persons={len(doc.persons)} " in text and f"money={len(doc.money)} " in text
    assert "'Ngành Thông tin và Truyền thông tỉnh BD: Tuyên dương …'>" in text
    assert repr(Document(text="")) == "<Document 0 characters, 0 sentences; no records; ''>"
    long_word = Document(text="x" * 500)
    assert repr(long_word) == f"<Document 500 characters, 0 sentences; no records; '{'x' * 59}…'>"
