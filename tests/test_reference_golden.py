"""Golden test: the reference article (Bình Dương TTTT, dev gold line 1) end to end.

The expected output in fixtures/reference_article.expected.json was written by the pipeline and
checked by hand against ../shared/gold/dev.jsonl and issue 2; the explicit assertions below
restate what issue 2 requires, so a change to the golden file cannot hide a regression there.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

import vnextract

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
EXPECTED = json.loads((FIXTURES / "reference_article.expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def result(reference_article: str) -> dict:
    return vnextract.extract(reference_article).to_dict()


def test_full_output_matches_the_golden_file(result: dict) -> None:
    assert result == EXPECTED


def test_persons_and_titles(result: dict) -> None:
    persons = {p["name"]: p for p in result["persons"]}
    assert set(persons) == {"Lai Xuân Thành", "Trần Thanh Liêm", "Nguyễn Thảo", "Hồ Chí Minh"}
    assert [t["text"] for t in persons["Lai Xuân Thành"]["titles"]] == ["Giám đốc Sở TTTT"]
    assert persons["Lai Xuân Thành"]["honorific"] is None
    liem = persons["Trần Thanh Liêm"]
    assert liem["honorific"] == "ông"
    assert [t["text"] for t in liem["titles"]] == [
        "Ủy viên Thường vụ Tỉnh ủy",
        "Phó Chủ tịch Thường trực UBND tỉnh",
    ]
    assert persons["Nguyễn Thảo"]["titles"] == []


def test_counts_money_fine_percentages(result: dict) -> None:
    assert [(c["value"], c["unit"]) for c in result["counts"]] == [
        (13, "tập thể"), (24, "cá nhân"), (60, "cuộc"), (144, "trường hợp"), (12, "đơn"),
        (13, "tập thể"), (24, "cá nhân"),
    ]
    (money,) = result["money"]
    assert (money["text"], money["amount"], money["currency"], money["qualifier"]) == (
        "hơn 504 triệu đồng", 504_000_000, "VND", "more_than",
    )
    (fine,) = result["fines"]
    assert fine["money"] == money and fine["violations"]["text"] == "144 trường hợp"
    assert [p["value"] for p in result["percentages"]] == [100, 100, 80, 100]


def test_dates_and_not_dates(result: dict) -> None:
    assert [(d["text"], d["iso"]) for d in result["dates"]] == [
        ("24/08/2015 - 07:38", "2015-08-24T07:38"),
        ("giai đoạn 2011-2015", "2011/2015"),
        ("năm 2020", "2020"),
        ("giai đoạn 2011-2015", "2011/2015"),
    ]
    assert result["published"] == "2015-08-24T07:38"
    assert [d["text"] for d in result["durations"]] == ["5 năm qua"]


def test_abbreviations(result: dict) -> None:
    pairs = {(a["short"], a["long"]) for a in result["abbreviations"]}
    assert {("TTTT", "Thông tin và Truyền thông"), ("UBND", "Ủy ban nhân dân")} <= pairs


def _values(data: object) -> object:
    """The output without offsets and surface text: what must not depend on the input's form."""
    if isinstance(data, dict):
        return {k: _values(v) for k, v in data.items() if k not in ("text", "start", "end", "mentions")}
    if isinstance(data, list):
        return [_values(v) for v in data]
    return data


@pytest.mark.parametrize("form", ["NFD", "old-style tone marks"])
def test_other_spellings_give_the_same_values_and_exact_offsets(reference_article: str, form: str) -> None:
    if form == "NFD":
        variant = unicodedata.normalize("NFD", reference_article)
    else:
        variant = reference_article.replace("Ủy", "Uỷ").replace("hóa", "hoá")
        assert variant != reference_article
    doc = vnextract.extract(variant)
    for record in doc.records():
        assert variant[record.start : record.end] == record.text
    assert _values(doc.to_dict()) == _values(EXPECTED)
