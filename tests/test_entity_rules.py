"""The entity scan's named rules and the fixture cases that name them.

Each case of fixtures/entities/*.jsonl names, in ``rules``, the rules its text exercises
(scripts/name_entity_rules.py writes the field): the scan's rules (entities.scan_rules.RULES), the
byline rule and the organisation body's rules ("body:" + entities.body_rules.BODY_RULES). A
case whose named rules stop applying to its text fails here, and so does a rule that no case
names: a rule without an example is either dead or untested.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from vnextract.recognizers.entities.body_rules import BODY_RULES
from vnextract.recognizers.entities.document import rules_fired
from vnextract.recognizers.entities.scan_rules import RULES
from vnextract.text import Text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "entities"
#: Rules applied outside the scan's list (entities.document.scan_sentences).
DOCUMENT_RULES = ("byline",)


def _cases() -> list[dict[str, Any]]:
    return [
        json.loads(line)
        for path in sorted(FIXTURES.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def test_rule_names_are_unique() -> None:
    for rules in (RULES, BODY_RULES):
        names = [r.name for r in rules]
        assert len(names) == len(set(names))


@pytest.mark.parametrize("case", _cases(), ids=lambda case: case["id"])
def test_case_exercises_the_rules_it_names(case: dict[str, Any]) -> None:
    fired = set(rules_fired(Text.from_string(case["text"])))
    assert case["rules"], "a case names at least one rule (a negative case: the rule that skips)"
    assert [name for name in case["rules"] if name not in fired] == []


def test_every_rule_is_named_by_a_case() -> None:
    named = {name for case in _cases() for name in case["rules"]}
    known = {r.name for r in RULES} | set(DOCUMENT_RULES) | {"body:" + r.name for r in BODY_RULES}
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
