"""Resolve an events draft (surface strings) into offsets: how corpus/events/ was written.
Does not use vnextract (annotation is made from the text only).

    python3 scripts/corpus_events_resolve.py ../shared/news DRAFT.jsonl OUT.jsonl

Draft line: {"id": ..., "events": [{"clause": "...", "clause_n": 1, "kind": ..., "status": ...,
"trigger": "...", "target": "..."|null, "authority": ..., "reason": ..., "money": ..., "term": ...,
"award": ..., "recipients": ["...", ...], "date": ...}]}
Each field surface is looked up inside the clause first (first occurrence), then the last
occurrence before the clause, then the first after it. A field may instead be written as
[surface, n] to take the n-th occurrence (1-based) in the whole text.
"""

import gzip
import hashlib
import json
import sys
from pathlib import Path

SPAN_FIELDS = ("trigger", "target", "authority", "reason", "money", "term", "award", "date")
KINDS = {"fine", "prison", "life_prison", "death", "suspended_prison", "licence_revoked",
         "suspension", "ban", "expulsion", "award"}


def texts(news, wanted):
    out = {}
    for line in (news / "modern2026.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r["id"] in wanted:
            out[r["id"]] = r["text"]
    with gzip.open(news / "big.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["id"] in wanted:
                out[r["id"]] = r["text"]
    return out


def nth(text, surface, n):
    pos = -1
    for _ in range(n):
        pos = text.find(surface, pos + 1)
        if pos < 0:
            return -1
    return pos


def locate(text, value, clause):
    if isinstance(value, list):
        surface, n = value
        pos = nth(text, surface, n)
        if pos < 0:
            raise ValueError(f"{surface!r}: occurrence {n} not found")
        return pos, surface
    surface = value
    cs, ce = clause
    pos = text.find(surface, cs)
    if pos >= 0 and pos + len(surface) <= ce:
        return pos, surface
    pos = text.rfind(surface, 0, cs)
    if pos < 0:
        pos = text.find(surface, ce)
    if pos < 0:
        raise ValueError(f"{surface!r} not found in the text")
    return pos, surface


def span(text, value, clause):
    pos, surface = locate(text, value, clause)
    assert text[pos:pos + len(surface)] == surface
    return {"text": surface, "start": pos, "end": pos + len(surface)}


def main(news, draft_path, out_path):
    lines = Path(draft_path).read_text(encoding="utf-8").splitlines()
    drafts = [json.loads(line) for line in lines if line.strip()]
    all_texts = texts(news, {d["id"] for d in drafts})
    errors = 0
    out = []
    seen = set()
    for d in drafts:
        if d["id"] in seen:
            print(f"ERROR {d['id']}: listed twice")
            errors += 1
        seen.add(d["id"])
        text = all_texts.get(d["id"])
        if text is None:
            print(f"ERROR {d['id']}: unknown id")
            errors += 1
            continue
        events = []
        for i, e in enumerate(d.get("events", [])):
            where = f"{d['id']} event {i + 1}"
            try:
                if e.get("kind") not in KINDS:
                    raise ValueError(f"kind {e.get('kind')!r} is not one of {sorted(KINDS)}")
                if e.get("status") not in ("imposed", "possible"):
                    raise ValueError(f"status {e.get('status')!r}")
                cpos = nth(text, e["clause"], e.get("clause_n", 1))
                if cpos < 0:
                    raise ValueError(f"clause {e['clause'][:50]!r} not found")
                clause = (cpos, cpos + len(e["clause"]))
                row = {"kind": e["kind"], "status": e["status"],
                       "clause": {"text": e["clause"], "start": clause[0], "end": clause[1]}}
                for field in SPAN_FIELDS:
                    value = e.get(field)
                    row[field] = None if value in (None, "") else span(text, value, clause)
                if row["trigger"] is None:
                    raise ValueError("trigger is required")
                row["amount"] = e.get("amount")
                row["recipients"] = [span(text, r, clause) for r in e.get("recipients", [])]
                events.append(row)
            except (ValueError, KeyError, TypeError) as exc:
                print(f"ERROR {where}: {exc}")
                errors += 1
        fold = int(hashlib.sha1(d["id"].encode()).hexdigest(), 16) % 5
        out.append({"id": d["id"], "fold": fold, "events": events})
    with open(out_path, "w", encoding="utf-8") as f:
        for row in out:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(out)} documents, {sum(len(r['events']) for r in out)} events, {errors} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: python3 scripts/corpus_events_resolve.py NEWS_DIR DRAFT.jsonl OUT.jsonl")
    sys.exit(main(Path(sys.argv[1]), sys.argv[2], sys.argv[3]))
