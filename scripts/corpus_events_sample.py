"""Draw an events batch: law articles of big.jsonl.gz with sentencing words, and 2026 items with
a sanction or award word, none already in the corpus (entity annotations or earlier event batches).

    python3 scripts/corpus_events_sample.py ../shared/news OUT_DIR [--seed 19] [--name E3]

Writes OUT_DIR/ids-NAME.json (the ids, in order) and OUT_DIR/batch-NAME.txt (the texts, for the
annotator). Batch E3 was drawn with seed 19 when the corpus held batches 0-25 and events E1-E2
(26 articles, 5 short items; the annotators split it in two halves, E3a and E3b, of 13 + 3 and
13 + 2 documents). Uses no vnextract.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
#: At least two of these in a law article: it reports sentences, not only arrests.
SENTENCING = re.compile(r"tuyên phạt|năm tù|tháng tù|xử phạt|án treo|tù chung thân|tử hình|phạt tiền|"
                        r"tước giấy phép|khai trừ|cách chức|đình chỉ|treo giò|cấm thi đấu")
#: One of these in a 2026 item.
SANCTION_OR_AWARD = re.compile(r"xử phạt|phạt tiền|năm tù|tháng tù|tuyên phạt|án treo|treo giò|đình chỉ|"
                               r"khai trừ|cách chức|Bằng khen|Huân chương|tước giấy phép|cấm thi đấu|tử hình|"
                               r"chung thân")


def used_ids() -> set[str]:
    paths = [*CORPUS.glob("annotations/*.jsonl"), *CORPUS.glob("events/*.jsonl")]
    return {json.loads(line)["id"] for path in paths for line in path.open(encoding="utf-8")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("news", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--name", default="E3")
    ap.add_argument("--articles", type=int, default=26)
    ap.add_argument("--items", type=int, default=5)
    ap.add_argument("--max-chars", type=int, default=2500,
                    help="longest law article drawn (E10 used 4000: few shorter ones were left)")
    args = ap.parse_args()
    used = used_ids()
    law = []
    with gzip.open(args.news / "big.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            text = row["text"]
            if ("-PL-" in row["id"] and row["id"] not in used and 500 <= len(text) <= args.max_chars
                    and len(SENTENCING.findall(text)) >= 2):
                law.append(row)
    with (args.news / "modern2026.jsonl").open(encoding="utf-8") as lines:
        short = [row for row in map(json.loads, lines)
                 if row["id"] not in used and SANCTION_OR_AWARD.search(row["text"])]
    rng = random.Random(args.seed)
    rng.shuffle(law)
    rng.shuffle(short)
    docs = law[: args.articles] + short[: args.items]
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"ids-{args.name}.json").write_text(json.dumps([d["id"] for d in docs]), encoding="utf-8")
    with (args.out / f"batch-{args.name}.txt").open("w", encoding="utf-8") as out:
        for d in docs:
            out.write(f"=== {d['id']} ({len(d['text'])} chars)\n{d['text']}\n\n")
    print(f"{len(docs)} documents ({len(law)} law articles and {len(short)} items to draw from)")


if __name__ == "__main__":
    main()
