"""List the persons and PER mentions where vnextract and a gold file disagree, with context.

Usage::

    python scripts/person_errors.py GOLD.jsonl [--dump OUT.jsonl | --load OUT.jsonl] [--per]

Persons are matched as ``../shared/eval/score.py`` matches them (same name, or one is the
other's last word(s)). For each predicted person the gold does not have, and each gold person
missed, it prints the name, the document and the text around its first mention, grouped by the
word written before the name (the cue a rule would key on: "đường", "phim", "hãng" …), largest
group first. ``--per`` lists PER entity spans (exact match) instead. ``--dump`` keeps the
predictions so that a second look (``--load``) needs no extraction.

Use it on the folds you may look at (folds 1-3); never on the sealed or set-aside folds.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import defaultdict
from typing import Any


def norm(s: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", s or "").casefold().split())


def same_person(a: str, b: str) -> bool:
    a, b = norm(a), norm(b)
    return bool(a and b) and (a == b or a.endswith(" " + b) or b.endswith(" " + a))


def context(text: str, start: int, end: int, width: int = 50) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ¶ ")
    right = text[end : end + width].replace("\n", " ¶ ")
    return f"{left}[[{text[start:end]}]]{right}"


def cue(text: str, start: int) -> str:
    """The word before the name (lowercase), or a mark for a sentence start or punctuation."""
    before = text[max(0, start - 30) : start].rstrip()
    if not before:
        return "<start>"
    if not before[-1].isalnum():
        return f"<{before[-1]}>"
    return before.split()[-1].lower()


def _predictions(golds: list[dict[str, Any]], args: argparse.Namespace) -> list[dict[str, Any]]:
    if args.load:
        with open(args.load, encoding="utf-8") as f:
            return [json.loads(line) for line in f]
    from vnextract import extract

    out = [extract(g["text"]).to_dict() for g in golds]
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            for d in out:
                kept = {k: d[k] for k in ("persons", "organizations", "locations")}
                f.write(json.dumps(kept, ensure_ascii=False) + "\n")
    return out


def _person_errors(golds: list[dict[str, Any]], preds: list[dict[str, Any]]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for g, d in zip(golds, preds, strict=True):
        text, persons = g["text"], d["persons"]
        used: set[int] = set()
        for gp in g["persons"]:
            free = (j for j, p in enumerate(persons) if j not in used and same_person(gp["name"], p["name"]))
            j = next(free, None)
            if j is None:
                at = text.find(gp["name"])
                where = context(text, at, at + len(gp["name"])) if at >= 0 else gp["name"]
                groups["MISSED"].append(f"{g['id']}: {gp['name']} | {where}")
            else:
                used.add(j)
        for j, p in enumerate(persons):
            if j not in used:
                where = context(text, p["start"], p["end"])
                groups[f"extra/{cue(text, p['start'])}"].append(f"{g['id']}: {p['name']} | {where}")
    return groups


def _per_errors(golds: list[dict[str, Any]], preds: list[dict[str, Any]]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for g, d in zip(golds, preds, strict=True):
        text = g["text"]
        gold = {(e["start"], e["end"]) for e in g["entities"] if e["type"] == "PER"}
        other = {(e["start"], e["end"]): e["type"] for e in g["entities"] if e["type"] != "PER"}
        pred = {tuple(m) for p in d["persons"] for m in (p["mentions"] or [(p["start"], p["end"])])}
        for s, e in sorted(pred - gold):
            label = other.get((s, e), "-")
            groups[f"fp/{label}/{cue(text, s)}"].append(f"{g['id']}: {context(text, s, e)}")
        for s, e in sorted(gold - pred):
            groups[f"fn/{cue(text, s)}"].append(f"{g['id']}: {context(text, s, e)}")
    return groups


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("--dump")
    ap.add_argument("--load")
    ap.add_argument("--per", action="store_true", help="PER entity spans instead of persons")
    args = ap.parse_args()
    with open(args.gold, encoding="utf-8") as f:
        golds = [json.loads(line) for line in f if line.strip()]
    preds = _predictions(golds, args)
    groups = (_per_errors if args.per else _person_errors)(golds, preds)
    total = sum(len(v) for v in groups.values())
    print(f"{total} disagreements in {len(golds)} documents")
    for key, lines in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        print(f"\n## {key} ({len(lines)})")
        for line in lines:
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
