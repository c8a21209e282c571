"""Shared runner for the titles / persons-linking corpora (fixtures/titles/*.jsonl).

Each corpus line: ``text``, ``mentions`` (the person names as the entities recogniser writes
them, in text order: one Person per mention), optional ``organizations`` (Organization surfaces,
in text order) and ``persons``: the exact expected persons (name, titles as written, honorific,
and where given age, birth_year, residence, gender, mentions count). ``xfail`` marks a known gap.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from vnextract.linking import abbreviations as link_abbreviations
from vnextract.linking import persons as link_persons
from vnextract.linking import role_names
from vnextract.mentions import Mentions
from vnextract.recognizers import abbreviations, titles
from vnextract.records import Organization, Person, Span
from vnextract.text import Text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _spans(s: str, surfaces: list[str]) -> list[tuple[int, int]]:
    """Place surfaces in text order (each after the previous one)."""
    out: list[tuple[int, int]] = []
    cursor = 0
    for surface in surfaces:
        at = s.find(surface, cursor)
        assert at >= 0, f"{surface!r} not in text after {cursor}"
        out.append((at, at + len(surface)))
        cursor = at + len(surface)
    return out


def link_case(case: dict[str, Any]) -> tuple[Text, Mentions]:
    """Run titles + abbreviations + both linkers on a case's text with its given mentions."""
    text = Text.from_string(case["text"])
    s = text.normalized
    records: list[Span] = [
        Person(text=s[a:b], start=a, end=b, name=s[a:b], mentions=((a, b),))
        for a, b in _spans(s, case["mentions"])
    ]
    records += [
        Organization(text=s[a:b], start=a, end=b, name=s[a:b])
        for a, b in _spans(s, case.get("organizations", []))
    ]
    records += list(titles.recognize(text))
    records += list(abbreviations.recognize(text))
    found = Mentions.collect(records)
    found = link_abbreviations.link(text, found)
    found = role_names.find_names(text, found)
    found = link_persons.link(text, found)
    return text, found


def person_view(person: Person, keys: set[str]) -> dict[str, Any]:
    view: dict[str, Any] = {
        "name": person.name,
        "titles": [t.text for t in person.titles],
        "honorific": person.honorific,
    }
    for key in ("age", "birth_year", "residence", "gender"):
        if key in keys:
            view[key] = getattr(person, key)
    if "mentions" in keys:
        view["mentions"] = len(person.mentions)
    return view


def load(name: str) -> list[Any]:
    cases = []
    for path in sorted((FIXTURES / name).glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            case = json.loads(line)
            marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
            cases.append(pytest.param(case, id=f"{path.stem}:{case['id']}", marks=marks))
    return cases
