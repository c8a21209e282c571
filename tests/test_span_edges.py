"""Span edges the guideline fixes (linking/span_edges.py). Examples written for these tests."""

from __future__ import annotations

import pytest

import vnextract
from vnextract.linking import span_edges
from vnextract.records import Person


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Chị A. bức xúc vì bị từ chối.", ["A."]),
        ("Nếu lấy H. hoặc C., Hải đều không hạnh phúc.", ["H.", "C.", "Hải"]),
        ("Hội nghị diễn ra vào tháng 9. M.C. (theo Reuters)", ["M.C."]),
        ("Ông Nguyễn Văn A. cho biết.", ["Nguyễn Văn A"]),  # a full name: the dot ends the sentence
    ],
)
def test_initials_keep_their_dot(text: str, names: list[str]) -> None:
    document = vnextract.extract(text)
    assert [p.text for p in document.persons] == names
    for person in document.persons:
        a, b = person.mentions[0]
        assert text[a:b] == person.text


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Cô làm vậy vì nghe theo lờiCharles Graner, bạn trai cô. Graner bị kết án.", ["Charles Graner"]),
        ("From: Kim AnhTo: tamsu@vnexpress.net Subject: Gửi chị", ["Kim Anh"]),
        ("Ông Ronald McDonald: tôi rất vui.", ["Ronald McDonald"]),  # a capital inside a name stays
    ],
)
def test_glued_words_are_left_out(text: str, names: list[str]) -> None:
    """Rule glued_edges: a word glued before a name, an e-mail header glued after it."""
    document = vnextract.extract(text)
    assert [p.name for p in document.persons] == names
    for person in document.persons:
        assert all(text[a:b] and not text[a:b][0].islower() for a, b in person.mentions)


def test_a_score_glued_before_a_name_is_left_out() -> None:
    """Rule glued_edges on a results line that lost its line break: "6-3, 7-5Maria Sharapova"."""
    s = "Elena Dementieva thua 6-3, 7-5Maria Sharapova (Nga) vào bán kết."
    start = s.index("7-5")
    glued = Person(text=s[start : start + 18], start=start, end=start + 18, name=s[start : start + 18],
                   mentions=((start, start + 18),))
    person = span_edges.without_glued_edges(s, glued)
    assert (person.name, person.text, person.mentions) == (
        "Maria Sharapova", "Maria Sharapova", ((start + 3, start + 18),)
    )
