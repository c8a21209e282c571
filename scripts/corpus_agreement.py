"""Agreement between the two independent annotations of the doubly annotated corpus documents.

    python scripts/corpus_agreement.py [--list]

Compares corpus/double/*.jsonl (second annotations) with corpus/annotations/*.jsonl (first) on
the documents both hold: exact micro-F1 of entities (same type, start, end) per type, lenient
(overlapping, same type), and exact-span F1 of dates and money. With --list, prints every
disagreement for adjudication. Reads no article text.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _rows(folder: Path) -> dict[str, dict]:
    out = {}
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out[row["id"]] = row
    return out


def f1(a: set, b: set) -> tuple[float, int, int, int]:
    both = len(a & b)
    p = both / len(b) if b else 1.0
    r = both / len(a) if a else 1.0
    return (2 * p * r / (p + r) if p + r else 0.0), both, len(a), len(b)


def main(argv: list[str]) -> int:
    first, second = _rows(CORPUS / "annotations"), _rows(CORPUS / "double")
    ids = sorted(set(first) & set(second))
    if not ids:
        print("no document is annotated twice yet", file=sys.stderr)
        return 2
    sets: dict[str, tuple[set, set]] = {}
    for doc_id in ids:
        a, b = first[doc_id], second[doc_id]
        for typ in ("PER", "ORG", "LOC"):
            ga = {(doc_id, e["start"], e["end"]) for e in a["entities"] if e["type"] == typ}
            gb = {(doc_id, e["start"], e["end"]) for e in b["entities"] if e["type"] == typ}
            sa, sb = sets.setdefault(typ, (set(), set()))
            sa |= ga
            sb |= gb
        for key in ("dates", "money", "percentages"):
            sa, sb = sets.setdefault(key, (set(), set()))
            sa |= {(doc_id, x["start"], x["end"]) for x in a[key]}
            sb |= {(doc_id, x["start"], x["end"]) for x in b[key]}
        sa, sb = sets.setdefault("persons", (set(), set()))
        sa |= {(doc_id, p["name"].split()[-1].lower()) for p in a["persons"]}
        sb |= {(doc_id, p["name"].split()[-1].lower()) for p in b["persons"]}
    micro_a = set().union(*(sets[t][0] for t in ("PER", "ORG", "LOC")))
    micro_b = set().union(*(sets[t][1] for t in ("PER", "ORG", "LOC")))
    lenient = _lenient(first, second, ids)
    print(f"{len(ids)} documents annotated twice")
    print(f"{'measure':24s} {'F1':>6s} {'both':>6s} {'first':>6s} {'second':>6s}")
    for name, (a, b) in [("entity.micro (exact)", (micro_a, micro_b)), *sets.items()]:
        value, both, na, nb = f1(a, b)
        print(f"{name:24s} {100 * value:6.1f} {both:6d} {na:6d} {nb:6d}")
    print(f"{'entity.micro (lenient)':24s} {100 * lenient:6.1f}")
    if "--list" in argv:
        kinds: Counter[str] = Counter()
        for doc_id in ids:
            a = {(e["start"], e["end"], e["type"]): e["text"] for e in first[doc_id]["entities"]}
            b = {(e["start"], e["end"], e["type"]): e["text"] for e in second[doc_id]["entities"]}
            for key in sorted(a.keys() ^ b.keys()):
                side = "first only " if key in a else "second only"
                kinds[side] += 1
                print(f"{doc_id} {side} {key[2]} {key[0]}-{key[1]} {(a.get(key) or b.get(key))!r}")
        print(dict(kinds))
    return 0


def _meet(x: dict, y: dict) -> bool:
    return bool(x["type"] == y["type"] and x["start"] < y["end"] and y["start"] < x["end"])


def _lenient(first: dict, second: dict, ids: list[str]) -> float:
    hit_a = hit_b = n_a = n_b = 0
    for doc_id in ids:
        ea, eb = first[doc_id]["entities"], second[doc_id]["entities"]
        n_a += len(ea)
        n_b += len(eb)
        hit_a += sum(any(_meet(x, y) for y in eb) for x in ea)
        hit_b += sum(any(_meet(x, y) for x in ea) for y in eb)
    p = hit_b / n_b if n_b else 1.0
    r = hit_a / n_a if n_a else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
