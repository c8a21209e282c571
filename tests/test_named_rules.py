"""The named rules of the entity scan and of the titles, and the fixture cases that name them.

Each case of fixtures/entities/*.jsonl and fixtures/titles/*.jsonl names, in ``rules``, the
rules its text exercises (scripts/name_rules.py writes the field):

- entities: the scan's rules (entities.scan_rules.RULES), the byline rule and the organisation
  body's rules ("body:" + entities.body_rules.BODY_RULES);
- titles: the grammar's "role", the title rules (titles.rules.TITLE_RULES) and the organisation
  reader's ("org:" + titles.reader.OPENING_RULES and READER_RULES);
- persons: the rules the persons linker applies to whole persons (linking.persons.RULES: those of
  linking/not_persons.py and linking/surname_first.py) that apply to what it found (a case where
  no rule may apply names none).

A case whose named rules stop applying to its text fails here, and so does a rule that no case
names: a rule without an example is either dead or untested.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from vnextract import pipeline
from vnextract.linking import persons
from vnextract.recognizers import titles
from vnextract.recognizers.entities.body_rules import BODY_RULES
from vnextract.recognizers.entities.document import rules_fired
from vnextract.recognizers.entities.scan_rules import RULES
from vnextract.recognizers.titles.reader import OPENING_RULES, READER_RULES
from vnextract.recognizers.titles.rules import TITLE_RULES
from vnextract.text import Text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
#: Rules applied outside the scan's list (entities.document.scan_sentences; club_by_city and
#: province_club and standings_row are entities.clubs.clubs_by_city, a pass after the scan).
DOCUMENT_RULES = ("byline", "club_by_city", "province_club", "standings_row")

#: family → (every rule's name, what lists the rules that apply to a text)
FAMILIES: dict[str, tuple[set[str], Callable[[Text], list[str]]]] = {
    "entities": (
        {r.name for r in RULES} | set(DOCUMENT_RULES) | {"body:" + r.name for r in BODY_RULES},
        rules_fired,
    ),
    "titles": (
        {titles.ROLE}
        | {r.name for r in TITLE_RULES}
        | {"org:" + r.name for r in (*OPENING_RULES, *READER_RULES)},
        titles.rules_fired,
    ),
    "persons": (
        {name for name, _example, _produces in persons.RULES},
        lambda text: _person_rules_fired(text),
    ),
}


def _person_rules_fired(text: Text) -> list[str]:
    """The rules of the persons linker's whole-person steps that apply to ``text``."""
    return persons.rules_fired(text, pipeline.found_before(text, "persons"))


def _cases(family: str) -> list[dict[str, Any]]:
    return [
        json.loads(line)
        for path in sorted((FIXTURES / family).glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


@pytest.mark.parametrize("case", _cases("persons"), ids=lambda case: case["id"])
def test_person_case_exercises_the_rules_it_names(case: dict[str, Any]) -> None:
    fired = _person_rules_fired(Text.from_string(case["text"]))
    assert [name for name in case["rules"] if name not in fired] == []


def test_rule_names_are_unique() -> None:
    for rules in (RULES, BODY_RULES, TITLE_RULES, OPENING_RULES + READER_RULES):
        names = [r.name for r in rules]
        assert len(names) == len(set(names))


@pytest.mark.parametrize("case", _cases("entities"), ids=lambda case: case["id"])
def test_entity_case_exercises_the_rules_it_names(case: dict[str, Any]) -> None:
    fired = set(rules_fired(Text.from_string(case["text"])))
    assert case["rules"], "a case names at least one rule (a negative case: the rule that skips)"
    assert [name for name in case["rules"] if name not in fired] == []


@pytest.mark.parametrize("case", _cases("titles"), ids=lambda case: case["id"])
def test_title_case_exercises_the_rules_it_names(case: dict[str, Any]) -> None:
    fired = set(titles.rules_fired(Text.from_string(case["text"])))
    if not case["rules"]:
        # only a case of the persons linker where no title is expected exercises no title rule
        assert all(person["titles"] == [] for person in case["persons"])
    assert [name for name in case["rules"] if name not in fired] == []


@pytest.mark.parametrize("family", list(FAMILIES))
def test_every_rule_is_named_by_a_case(family: str) -> None:
    known, _ = FAMILIES[family]
    named = {name for case in _cases(family) for name in case["rules"]}
    assert named - known == set(), "cases name rules that do not exist"
    assert known - named == set(), "rules no fixture case exercises"


def test_rules_fired_on_a_worked_example() -> None:
    text = Text.from_string("Theo ông Liêm, Giám đốc Sở TTTT tỉnh Bình Dương, các Sở đã họp.")
    assert rules_fired(text) == [
        "sentence_starter",
        "honorific",
        "capitalised_run",
        "title_cue",
        "body:capitalised_word",  # "TTTT" names the body of "Sở"
        "body:admin_unit",  # "tỉnh Bình Dương" goes on it
        "organization_head",
        "plural_head",
    ]
    assert titles.rules_fired(text) == [
        "role",  # "Giám đốc"
        "org:head_with_description",  # "Sở" opens the organisation
        "org:name_word",  # "TTTT"
        "org:admin_unit_with_place",  # "tỉnh Bình Dương" goes on it
        "org:name_word",  # "Bình", then "Dương"
        "org:name_word",
        "organization_after",  # the organisation read right after the role
    ]


def test_a_title_rule_drops_the_boss_but_keeps_the_owner_of_a_business() -> None:
    boss = Text.from_string("Ông chủ Nguyễn Văn An nói.")
    assert [t.text for t in titles.recognize(boss)] == []
    assert "boss" in titles.rules_fired(boss)
    owner = Text.from_string("Bà Lê Thị Hoa, chủ Công ty Hoa Mai, nói.")
    assert [(t.role, t.organization) for t in titles.recognize(owner)] == [("chủ", "Công ty Hoa Mai")]
    assert "owner_of_named_business" not in titles.rules_fired(owner)
