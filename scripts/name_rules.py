"""Write into each fixture case the named rules its text exercises.

    python scripts/name_rules.py [--check]

Three families of rules are named this way, each with its fixtures:

- fixtures/entities/*.jsonl: the entity scan's rules (``entities.scan_rules.RULES``), "byline"
  and the organisation body's ("body:<name>"), as ``entities.document.rules_fired`` lists them;
- fixtures/titles/*.jsonl: the title rules (``titles.rules.TITLE_RULES``) and the organisation
  reader's ("org:<name>"), as ``titles.rules_fired`` lists them;
- fixtures/persons/*.jsonl: the rules of the persons linker's whole-person steps
  (``linking.persons.RULES``: linking/not_persons.py's and linking/surname_first.py's) that
  apply to what it found.

The ``rules`` field of a case lists, in the order they first apply, the rules that apply to its
text. Run it after adding cases; tests/test_named_rules.py then fails if a case names a rule
that no longer applies to its text, or if a rule is named by no case. ``--check`` only reports
the cases whose field would change.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from vnextract import pipeline
from vnextract.linking import persons
from vnextract.recognizers import titles
from vnextract.recognizers.entities.document import rules_fired as entity_rules_fired
from vnextract.text import Text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

#: fixture folder → what lists the rules that apply to a text
FAMILIES: dict[str, Callable[[Text], list[str]]] = {
    "entities": entity_rules_fired,
    "titles": titles.rules_fired,
    "persons": lambda text: persons.rules_fired(text, pipeline.found_before(text, "persons")),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="report changes, write nothing")
    args = parser.parse_args(argv)
    changed = 0
    for folder, rules_fired in FAMILIES.items():
        for path in sorted((FIXTURES / folder).glob("*.jsonl")):
            lines = []
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                case = json.loads(line)
                rules = list(dict.fromkeys(rules_fired(Text.from_string(case["text"]))))
                if case.get("rules") != rules:
                    changed += 1
                    print(f"{folder}/{path.name}:{case['id']}: {case.get('rules')} -> {rules}")
                case["rules"] = rules
                lines.append(json.dumps(case, ensure_ascii=False))
            if not args.check:
                path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{changed} cases changed")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
