"""Persons, organisations and locations: example corpora in fixtures/entities/ and the
reference article.

Each corpus line is {"id", "text", "entities": [{"type", "text", ["honorific"], ["kind"]}],
["xfail": reason]}: the recogniser must yield exactly these entities, in text order.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnextract.recognizers import entities
from vnextract.records import Location, Organization, Person, Span
from vnextract.text import Text
from vnextract.text.syllables import SYLLABLE, syllables

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TYPES = {Person: "PER", Organization: "ORG", Location: "LOC"}


def _recognize(text: str) -> list[Span]:
    t = Text.from_string(text)
    found = sorted(entities.recognize(t), key=lambda r: (r.start, r.end))
    for r in found:
        assert t.normalized[r.start : r.end] == r.text
    return found


def _cases(name: str) -> list[Any]:
    out = []
    for line in (FIXTURES / "entities" / name).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
        out.append(pytest.param(case, id=case["id"], marks=marks))
    return out


def _check(case: dict[str, Any]) -> None:
    found = _recognize(case["text"])
    got = [{"type": TYPES[type(r)], "text": r.text} for r in found]
    assert got == [{"type": e["type"], "text": e["text"]} for e in case["entities"]]
    for r, e in zip(found, case["entities"], strict=True):
        if "honorific" in e:
            assert isinstance(r, Person) and r.honorific == e["honorific"]
        if "kind" in e:
            assert isinstance(r, Location) and r.kind == e["kind"]


@pytest.mark.parametrize("case", _cases("written.jsonl"))
def test_written_examples(case: dict[str, Any]) -> None:
    _check(case)


@pytest.mark.parametrize("case", _cases("news_phrasings.jsonl"))
def test_news_phrasings(case: dict[str, Any]) -> None:
    _check(case)


@pytest.mark.parametrize("case", _cases("negatives.jsonl"))
def test_negative_examples_yield_nothing(case: dict[str, Any]) -> None:
    assert case["entities"] == []
    assert [(TYPES[type(r)], r.text) for r in _recognize(case["text"])] == []


def test_reference_article() -> None:
    """The Bình Dương TTTT article: every PER and ORG the gold expects, in order, nothing else."""
    text = (FIXTURES / "reference_article.txt").read_text(encoding="utf-8")
    got = [(TYPES[type(r)], r.text) for r in _recognize(text)]
    assert got == [
        ("ORG", "Ngành Thông tin và Truyền thông tỉnh BD"),
        ("ORG", "Sở TTTT"),
        ("PER", "Lai Xuân Thành"),
        ("ORG", "Ngành Thông tin và Truyền thông (TTTT) tỉnh Bình Dương"),
        ("ORG", "ngành TTTT"),
        ("ORG", "ngành TTTT"),
        ("PER", "Hồ Chí Minh"),
        ("ORG", "ngành TTTT"),
        ("PER", "Hồ Chí Minh"),
        ("PER", "Trần Thanh Liêm"),
        ("ORG", "Tỉnh ủy"),
        ("ORG", "UBND tỉnh"),
        ("ORG", "ngành TTTT"),
        ("ORG", "UBND tỉnh"),
        ("ORG", "Sở TTTT"),
        ("PER", "Nguyễn Thảo"),
    ]


def test_person_record_contract() -> None:
    """One Person per mention, name as written, honorific lowercased, its own span as mention."""
    text = "Ông Trần Thanh Liêm phát biểu. Sau đó, ông Liêm trao bằng khen."
    people = [r for r in _recognize(text) if isinstance(r, Person)]
    assert [(p.name, p.honorific) for p in people] == [("Trần Thanh Liêm", "ông"), ("Liêm", "ông")]
    for p in people:
        assert p.mentions == ((p.start, p.end),)
        assert text[p.start : p.end] == p.name


def test_location_kinds() -> None:
    """Kinds come from the prefix word or the gazetteer."""
    found = _recognize("Ông sống ở huyện Củ Chi, gần Trung Quốc và Đồng Tháp.")
    assert [(r.text, getattr(r, "kind", None)) for r in found] == [
        ("Củ Chi", "huyện"),
        ("Trung Quốc", "quốc gia"),
        ("Đồng Tháp", "tỉnh"),
    ]


def test_offsets_follow_the_caller_string_with_old_style_tones() -> None:
    """Old tone placement ("Uỷ", "Hoà") is normalised; records still match the input span."""
    from vnextract import extract

    src = "Uỷ ban nhân dân tỉnh Khánh Hoà họp với bà Nguyễn Thị Hoà."
    doc = extract(src)
    assert [o.text for o in doc.organizations] == ["Uỷ ban nhân dân tỉnh Khánh Hoà"]
    assert [p.text for p in doc.persons] == ["Nguyễn Thị Hoà"]
    for r in (*doc.organizations, *doc.persons, *doc.locations):
        assert src[r.start : r.end] == r.text


_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYÁÀẢÃẠáàảãạ .,;:-()\"'/0123456789\n&"
_PIECES = [
    "Ông ", "bà ", "UBND ", "tỉnh ", "TP.", "HCM", "Nguyễn ", "Văn ", "Sở ", "Bộ ", "Y tế", "xã ", "Q.", "P.",
    "quận 1", "V.P.H.N", "(", ")", " - ", "Công ty ", "và ", ". ", "\n", "Hà Nội", "Trường", "Hội",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(alphabet=_ALPHABET, max_size=6)), max_size=25))
def test_any_text_gives_non_empty_records_on_their_own_surface(parts: list[str]) -> None:
    """Whatever the input, every record is a non-empty span whose text is its surface."""
    text = "".join(parts)
    t = Text.from_string(text)
    for r in entities.recognize(t):
        assert r.end > r.start
        assert t.normalized[r.start : r.end] == r.text


# The syllable cutter's fast path (stdlib ``re`` on Latin/Vietnamese text) must cut exactly as
# the ``regex`` pattern it stands in for; text with other characters takes the ``regex`` path.
_CUTTER_ALPHABET = st.sampled_from(
    [
        *"aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯTPQ0189 .,-&'’()\"“”:;!?…/%",
        *["ệ", "ỹ", "Ở", "à"],
        *["\u0301", "_", "\t", "ß", "Ж", "中", "٣", "😀", "\u00a0", "\u2009"],  # marks, other scripts, spaces
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_CUTTER_ALPHABET, max_size=40).map("".join))
def test_syllable_fast_path_cuts_as_the_regex_pattern(s: str) -> None:
    got = [t.text for t in syllables(s, 0, len(s), {})]
    assert got == SYLLABLE.findall(s)


def test_syllable_fast_path_examples() -> None:
    s = "UBND TP.HCM, P.10, Q.Phú Nhuận: GD&ĐT, Covid-19 (H.T.P) “Tuổi Trẻ”…"
    assert [t.text for t in syllables(s, 0, len(s), {})] == [
        "UBND", "TP.", "HCM", ",", "P.", "10", ",", "Q.", "Phú", "Nhuận", ":", "GD&ĐT", ",", "Covid-19",
        "(", "H.T.P", ")", "“", "Tuổi", "Trẻ", "”", "…",
    ]  # fmt: skip
