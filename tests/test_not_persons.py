"""Names read as persons that are not persons: works, named things, addresses
(linking/not_persons.py; streets in a list: tests/test_street_lists.py), and a surname that
stands for a longer name (linking/surname_first.py). The cases are sentences written for them,
in fixtures/persons/*.jsonl (each names the rules it exercises: tests/test_named_rules.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import vnextract
from vnextract.linking.not_persons import work_context

CASES = Path(__file__).resolve().parent.parent / "fixtures" / "persons"


def _cases() -> list[dict[str, Any]]:
    return [
        json.loads(line)
        for path in sorted(CASES.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


@pytest.mark.parametrize("case", _cases(), ids=lambda case: case["id"])
def test_case_persons_and_streets(case: dict[str, Any]) -> None:
    doc = vnextract.extract(case["text"])
    assert [p.name for p in doc.persons] == case["persons"]
    places = [loc.text for loc in doc.locations]
    assert [name for name in case["locations"] if name not in places] == []


def test_street_list_records_are_streets_with_the_first_ones_kind() -> None:
    doc = vnextract.extract("Giá thuê trên các tuyến đường Lê Lợi, Nguyễn Huệ và Đồng Khởi tăng mạnh.")
    assert [(loc.text, loc.kind) for loc in doc.locations] == [
        ("Lê Lợi", "đường"),
        ("Nguyễn Huệ", "đường"),
        ("Đồng Khởi", "đường"),
    ]
    assert doc.persons == ()


@pytest.mark.parametrize(
    ("text", "name", "rule"),
    [
        ("Ông Kubba ca ngợi chiến dịch Tia Chớp của quân đội.", "Tia Chớp", "work_name"),
        ("Phim nhận giải thưởng Hồ Chí Minh năm nay.", "Hồ Chí Minh", "work_name"),
        ("Anh xem lại tuồng “Tây Thi” trên mạng.", "Tây Thi", "work_name"),
        ("Nhóm ra mắt series mang tên Gió Mùa.", "Gió Mùa", "named_thing"),
        ("Bé gái có tên Lê Thị Hoa được đưa đi cấp cứu.", "Lê Thị Hoa", None),  # a girl called …
        ("Nhân vật có tên Tiểu Long Nữ xuất hiện ở tập 2.", "Tiểu Long Nữ", None),  # a character is PER
        ("Ông Nguyễn Văn An đóng vai Tiểu Long Nữ.", "Tiểu Long Nữ", None),  # "vai" (role): PER
    ],
)
def test_work_context(text: str, name: str, rule: str | None) -> None:
    assert work_context(text, text.index(name)) == rule


def test_surname_first_joins_the_headline_and_keeps_one_title() -> None:
    text = "HLV Kim họp báo sau trận thắng\nHLV Kim Sang-sik chuẩn bị đưa ra những đánh giá."
    (person,) = vnextract.extract(text).persons
    assert person.name == "Kim Sang-sik"
    assert [text[a:b] for a, b in person.mentions] == ["Kim", "Kim Sang-sik"]
    assert [t.text for t in person.titles] == ["HLV"]  # one title per position


def test_surname_first_needs_agreeing_honorifics() -> None:
    names = [p.name for p in vnextract.extract("Bà Lý kể lại. Ông Lý Quang Diệu từng nói vậy.").persons]
    assert names == ["Lý", "Lý Quang Diệu"]
