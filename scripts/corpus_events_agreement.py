"""Agreement of two event annotations of the same documents.

    python3 scripts/corpus_events_agreement.py corpus/events/batch-E2.jsonl \
        corpus/events/double/batch-E2.jsonl

An event of one annotation is found in the other when the kind is the same, their trigger, money
or term spans overlap and their targets agree (overlap or same text, or either has none);
matching is one-to-one, in text order. For matched events: how often target, authority and
reason agree (counted where either annotation filled the field) and status is the same.
Reads no article text.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

Span = dict[str, Any]


def _rows(path: str) -> dict[str, dict[str, Any]]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return {row["id"]: row for row in map(json.loads, lines) if row}


def _overlap(x: Span | None, y: Span | None) -> bool:
    return bool(x and y and x["start"] < y["end"] and y["start"] < x["end"])


def _agree(x: Span | None, y: Span | None) -> bool:
    return bool(x and y and (_overlap(x, y) or x["text"] == y["text"]))


def _anchors(event: dict[str, Any]) -> list[Span]:
    return [event[k] for k in ("trigger", "money", "term") if event.get(k)]


def _same_event(x: dict[str, Any], y: dict[str, Any]) -> bool:
    if x["kind"] != y["kind"]:
        return False
    if not any(_overlap(s, t) for s in _anchors(x) for t in _anchors(y)):
        return False
    return not x.get("target") or not y.get("target") or _agree(x["target"], y["target"])


def main(first_path: str, second_path: str) -> int:
    first, second = _rows(first_path), _rows(second_path)
    ids = sorted(set(first) & set(second))
    matched = count_first = count_second = 0
    agreed: Counter[str] = Counter()
    filled: Counter[str] = Counter()
    for doc_id in ids:
        ours, theirs = first[doc_id]["events"], second[doc_id]["events"]
        count_first += len(ours)
        count_second += len(theirs)
        used: set[int] = set()
        for x in ours:
            j = next((j for j, y in enumerate(theirs) if j not in used and _same_event(x, y)), None)
            if j is None:
                continue
            used.add(j)
            matched += 1
            y = theirs[j]
            for field in ("target", "authority", "reason"):
                if x.get(field) or y.get(field):
                    filled[field] += 1
                    agreed[field] += _agree(x.get(field), y.get(field))
            filled["status"] += 1
            agreed["status"] += x["status"] == y["status"]
    precision = matched / count_second if count_second else 0.0
    recall = matched / count_first if count_first else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"{len(ids)} documents: {count_first} and {count_second} events, {matched} matched, "
          f"F1 {100 * f1:.1f}")
    for field in ("target", "authority", "reason", "status"):
        if filled[field]:
            print(f"  {field:10s} {100 * agreed[field] / filled[field]:5.1f} % of {filled[field]}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python3 scripts/corpus_events_agreement.py FIRST.jsonl SECOND.jsonl")
    sys.exit(main(sys.argv[1], sys.argv[2]))
