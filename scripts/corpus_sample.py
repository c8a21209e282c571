"""Choose the documents of the project's annotated corpus (deterministic; run once).

    python scripts/corpus_sample.py ../shared/news > corpus/documents.jsonl

Writes one line per document: id, source file, topic, fold (0-4, by a hash of the id), batch
(0-9). No article text is written: the loader joins texts from ../shared/news by id.

- 400 items of modern2026.jsonl (2026 headline + summary), drawn at random (seed 13).
- 300 full articles of big.jsonl.gz: 30 from each of the ten VNTC topics (world, culture,
  society, business, sport, health, computing, law, science, life), 500-3,500 characters long
  (so an article can be read whole in one sitting), drawn at random (seed 13).
- A supplement of 100 further full articles (10 per topic, same length bounds, seed 14, none
  already chosen) in batches 10-13, added when the first 700 documents held 6,009 entity
  mentions, short of the 7,000 aimed at.
- A second supplement (seed 15, none already chosen) in batches 14-17: 100 more short 2026
  items and 80 more full articles (8 per topic), added to train the learned layer on more text.
- A third supplement (seed 16, none already chosen) in batches 18-25: 200 more short 2026 items
  and 160 more full articles (16 per topic).
- A fourth supplement (seed 17, none already chosen) in batches 26-29: 200 more short 2026 items
  (50 a batch), annotated as a fresh held-out set for the session that drew them before joining
  the corpus.
- A fifth supplement (seed 18, none already chosen) in batches 30-33: 100 more short 2026 items
  and 50 more full articles (5 per topic), drawn as a fresh held-out set in the same way.
- A sixth (seed 19, batches 34-37) and a seventh (seed 20, batches 38-41) supplement of the same
  size, each drawn as the fresh held-out set of the session that drew it.
- An eighth supplement (seed 21, batches 42-44): 150 more short 2026 items and 60 full articles
  (6 per topic), drawn to train the learned layer on more text (50 short items and 20 articles a
  batch).
Fold 0 is the sealed fold: rule changes are scored on it before and after, never looked at.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import re
import sys
from pathlib import Path

TOPICS = {  # VNTC topic codes in the ids of big.jsonl.gz
    "TG": "world", "VH": "culture", "XH": "society", "KD": "business", "TT": "sport",
    "SK": "health", "VT": "computing", "PL": "law", "KH": "science", "DS": "life",
}
MODERN_ITEMS = 400
ARTICLES_PER_TOPIC = 30
BATCHES = 10
SUPPLEMENT_PER_TOPIC = 10
SUPPLEMENT_BATCHES = 4
#: Later supplements: (seed, short items, articles per topic, batches), in the order drawn.
SUPPLEMENTS = (
    (15, 100, 8, 4), (16, 200, 16, 8), (17, 200, 0, 4), (18, 100, 5, 4), (19, 100, 5, 4),
    (20, 100, 5, 4), (21, 150, 6, 3), (22, 100, 5, 4), (23, 100, 5, 4),
)


def fold_of(doc_id: str) -> int:
    return int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % 5


def _supplement(
    out: list[dict], modern: list[dict], by_topic: dict[str, list[dict]], seed: int, items: int,
    per_topic: int, first_batch: int, batches: int,
) -> list[dict]:
    """Short items and articles not already in ``out``, drawn with ``seed``, dealt round the
    batches from ``first_batch`` on (short items first)."""
    taken = {row["id"] for row in out}
    rng = random.Random(seed)
    pool_modern = sorted((r for r in modern if r["id"] not in taken), key=lambda r: r["id"])
    chosen_modern = rng.sample(pool_modern, items)
    chosen_articles: list[tuple[str, dict]] = []
    for code in sorted(TOPICS):
        pool = sorted((r for r in by_topic[code] if r["id"] not in taken), key=lambda r: r["id"])
        chosen_articles.extend((code, r) for r in rng.sample(pool, per_topic))
    rng.shuffle(chosen_articles)
    rows = []
    for i, item in enumerate(chosen_modern):
        rows.append({"id": item["id"], "source": "modern2026.jsonl", "topic": item.get("source"),
                     "fold": fold_of(item["id"]), "batch": first_batch + i % batches})
    for i, (code, row) in enumerate(chosen_articles):
        rows.append({"id": row["id"], "source": "big.jsonl.gz", "topic": TOPICS[code],
                     "fold": fold_of(row["id"]), "batch": first_batch + i % batches})
    return rows


def main(news: Path) -> None:
    rng = random.Random(13)
    lines = (news / "modern2026.jsonl").read_text(encoding="utf-8").splitlines()
    modern = [json.loads(line) for line in lines]
    chosen_modern = sorted(rng.sample(modern, MODERN_ITEMS), key=lambda r: r["id"])
    rng.shuffle(chosen_modern)

    by_topic: dict[str, list[dict]] = {code: [] for code in TOPICS}
    with gzip.open(news / "big.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            match = re.match(r"vntc-(?:train|test)-([A-Z]{2})-", row["id"])
            if match and match.group(1) in by_topic and 500 <= len(row["text"]) <= 3500:
                by_topic[match.group(1)].append({"id": row["id"], "length": len(row["text"])})
    chosen_articles: list[tuple[str, dict]] = []
    for code in sorted(TOPICS):
        pool = sorted(by_topic[code], key=lambda r: r["id"])
        chosen_articles.extend((code, r) for r in rng.sample(pool, ARTICLES_PER_TOPIC))
    rng.shuffle(chosen_articles)

    out = []
    for i, row in enumerate(chosen_modern):
        out.append({"id": row["id"], "source": "modern2026.jsonl", "topic": row.get("source"),
                    "fold": fold_of(row["id"]), "batch": i % BATCHES})
    for i, (code, row) in enumerate(chosen_articles):
        out.append({"id": row["id"], "source": "big.jsonl.gz", "topic": TOPICS[code],
                    "fold": fold_of(row["id"]), "batch": i % BATCHES})
    taken = {row["id"] for row in out}
    supplement_rng = random.Random(14)
    supplement: list[tuple[str, dict]] = []
    for code in sorted(TOPICS):
        pool = sorted((r for r in by_topic[code] if r["id"] not in taken), key=lambda r: r["id"])
        supplement.extend((code, r) for r in supplement_rng.sample(pool, SUPPLEMENT_PER_TOPIC))
    supplement_rng.shuffle(supplement)
    for i, (code, row) in enumerate(supplement):
        out.append({"id": row["id"], "source": "big.jsonl.gz", "topic": TOPICS[code],
                    "fold": fold_of(row["id"]), "batch": BATCHES + i % SUPPLEMENT_BATCHES})
    first_batch = BATCHES + SUPPLEMENT_BATCHES
    for seed, items, per_topic, batches in SUPPLEMENTS:
        out.extend(_supplement(out, modern, by_topic, seed, items, per_topic, first_batch, batches))
        first_batch += batches
    for row in out:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python scripts/corpus_sample.py NEWS_DIR")
    main(Path(sys.argv[1]))
