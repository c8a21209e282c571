"""Initials keep their final dot (linking/span_edges.py). Examples written for these tests."""

from __future__ import annotations

import pytest

import vnextract


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
