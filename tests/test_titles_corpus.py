"""The titles / persons-linking example corpus (fixtures/titles/*.jsonl), one test per case.

Persons come from the corpus (as the entities recogniser will yield them: one per mention);
titles, abbreviations and both linkers are ours.
"""

from __future__ import annotations

from typing import Any

import pytest

from titles_corpus import link_case, load, person_view


@pytest.mark.parametrize("case", load("titles"))
def test_titles_corpus(case: dict[str, Any]) -> None:
    text, found = link_case(case)
    expected: list[dict[str, Any]] = case["persons"]
    assert [p.name for p in found.persons] == [p["name"] for p in expected]
    for person, want in zip(found.persons, expected, strict=True):
        assert person_view(person, set(want)) == want
        for title in person.titles:
            assert text.normalized[title.start : title.end] == title.text
