"""Join the corpus annotations with their texts into a gold file for ../shared/eval/score.py.

    python scripts/corpus_gold.py ../shared/news OUT.jsonl [--folds 1,2,3,4] [--source modern2026|big]
                                                          [--batches 14-17] [--double]

Reads corpus/annotations/*.jsonl (or corpus/double/*.jsonl with --double), takes the texts from
NEWS_DIR by id, and writes one gold line per document (text included) to OUT, which stays outside
the repository. `counts` is written empty: the corpus does not annotate counts, so the scorer's
counts row means nothing on it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_annotate import documents, load_texts

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("news", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--folds", default="0,1,2,3,4", help="comma-separated folds to keep (0 is sealed)")
    ap.add_argument("--source", choices=("modern2026", "big"), help="only short 2026 items or full articles")
    ap.add_argument("--batches", help="comma-separated batches to keep, or a range such as 14-17")
    ap.add_argument("--double", action="store_true", help="the second annotations instead")
    args = ap.parse_args()
    folds = {int(f) for f in args.folds.split(",")}
    batches = None
    if args.batches:
        batches = set()
        for part in args.batches.split(","):
            low, _, high = part.partition("-")
            batches.update(range(int(low), int(high or low) + 1))
    meta = {d["id"]: d for d in documents()}
    folder = CORPUS / ("double" if args.double else "annotations")
    rows = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line))
    keep = [r for r in rows if meta[r["id"]]["fold"] in folds
            and (args.source is None or meta[r["id"]]["source"].startswith(args.source))
            and (batches is None or meta[r["id"]]["batch"] in batches)]
    texts = load_texts(args.news, {r["id"] for r in keep})
    with open(args.out, "w", encoding="utf-8") as out:
        for row in keep:
            gold = {"id": row["id"], "text": texts[row["id"]], "counts": [], **row}
            out.write(json.dumps(gold, ensure_ascii=False) + "\n")
    print(f"{len(keep)} documents -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
