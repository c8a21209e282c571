"""Print how the pipeline resolves the annotated LOC mentions of the corpus, for checking by hand.

    python scripts/places_sample.py ../shared/news OUT.tsv [--folds 1,2,3,4] [--n 200] [--seed 0]

Takes the LOC entities of corpus/annotations (development folds only: fold 0 is sealed and
refused), runs vnextract.extract on each document (reference_date: the item's published date
when the news file has one, else the dateline), keeps the predicted Locations whose span equals
an annotated LOC span, and writes a random sample of them as TSV: document, date, mention with
its context, and the resolved unit (or ISO 3166 code). The verdict column is left empty for the
checker: "ok" (right unit of the right era), "wrong", "ok-none" (rightly unresolved: not an
administrative unit, or ambiguous in the text), "missed" (an administrative unit the text
determines, left unresolved).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_annotate import documents, load_texts

import vnextract

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def published_dates(news: Path) -> dict[str, dt.date]:
    """Document id → its published date, where the news file gives one."""
    dates: dict[str, dt.date] = {}
    for path in sorted(news.glob("*.jsonl*")):
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                if row.get("published"):
                    dates[row["id"]] = dt.date.fromisoformat(row["published"][:10])
    return dates


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("news", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--folds", default="1,2,3,4")
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    folds = {int(f) for f in args.folds.split(",")}
    if 0 in folds:
        ap.error("fold 0 is sealed: score it with ../shared/eval/score.py, do not read its documents")
    meta = {d["id"]: d for d in documents()}
    rows = []
    for path in sorted((CORPUS / "annotations").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and meta[(r := json.loads(line))["id"]]["fold"] in folds:
                rows.append(r)
    texts = load_texts(args.news, {r["id"] for r in rows})
    dates = published_dates(args.news)
    found = []
    for row in rows:
        text = texts[row["id"]]
        gold = {(e["start"], e["end"]) for e in row["entities"] if e["type"] == "LOC"}
        doc = vnextract.extract(text, reference_date=dates.get(row["id"]))
        date = dates.get(row["id"]) or doc.published
        for loc in doc.locations:
            if (loc.start, loc.end) in gold:
                context = text[max(0, loc.start - 40) : loc.end + 40].replace("\n", " ").replace("\t", " ")
                found.append((row["id"], str(date), loc, context))
    random.Random(args.seed).shuffle(found)
    with args.out.open("w", encoding="utf-8") as out:
        out.write("verdict\tid\tdate\tmention\tcontext\tkind\tlevel\tera\tcode\tofficial_name\tprovince_2025\tiso3166\n")
        for doc_id, date, loc, context in found[: args.n]:
            cells = (loc.kind, loc.level, loc.era, loc.code, loc.official_name, loc.province_2025)
            cells += (loc.iso3166,)
            out.write("\t".join(["", doc_id, date, loc.text, context, *(c or "" for c in cells)]) + "\n")
    kept = min(args.n, len(found))
    print(f"{len(found)} annotated LOC mentions found by the pipeline; {kept} -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
