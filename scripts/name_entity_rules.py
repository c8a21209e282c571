"""Write into each case of fixtures/entities/*.jsonl the scan rules its text exercises.

    python scripts/name_entity_rules.py [--check]

The ``rules`` field of a case lists, in the order they first apply, the named rules of
``vnextract.recognizers.entities.scan_rules`` (and "byline") that apply to its text
(``entities.document.rules_fired``). Run it after adding cases; tests/test_entity_rules.py then
fails if a case names a rule that no longer applies to its text, or if a rule is named by no
case. ``--check`` only reports the cases whose field would change.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from vnextract.recognizers.entities.document import rules_fired
from vnextract.text import Text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "entities"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="report changes, write nothing")
    args = parser.parse_args(argv)
    changed = 0
    for path in sorted(FIXTURES.glob("*.jsonl")):
        lines = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            case = json.loads(line)
            rules = list(dict.fromkeys(rules_fired(Text.from_string(case["text"]))))
            if case.get("rules") != rules:
                changed += 1
                print(f"{path.name}:{case['id']}: {case.get('rules')} -> {rules}")
            case["rules"] = rules
            lines.append(json.dumps(case, ensure_ascii=False))
        if not args.check:
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{changed} cases changed")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
