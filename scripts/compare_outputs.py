"""Check that a change leaves extract()'s output identical on real news (issue 17).

    python scripts/compare_outputs.py write BASELINE.jsonl.gz [--big 2000]
    python scripts/compare_outputs.py compare BASELINE.jsonl.gz [--big 2000]

``write`` runs ``extract(text).to_dict()`` over every article of ../shared/news/articles.jsonl
and the first ``--big`` items of ../shared/news/big.jsonl.gz and stores one JSON line per
document (its id and output). ``compare`` runs the same texts again and reports every document
whose output differs from the stored one (the first differing key of each), the number of
documents compared and the time taken; exit status 1 if any differ. Make the baseline at the
start of a branch, compare after each change meant to keep the output as it was (such as
bounding a regex's look-ahead window).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import vnextract

NEWS = Path(__file__).resolve().parent.parent.parent / "shared" / "news"


def news_items(big: int) -> Iterator[tuple[str, str]]:
    """(id, text) of every article of articles.jsonl, then the first ``big`` of big.jsonl.gz."""
    with (NEWS / "articles.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            yield f"articles/{row['id']}", row["text"]
    with gzip.open(NEWS / "big.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in itertools.islice(handle, big):
            row = json.loads(line)
            yield f"big/{row['id']}", row["text"]


def outputs(big: int) -> Iterator[tuple[str, dict[str, Any]]]:
    """(id, to_dict() made JSON-plain) for every news item, in order."""
    for doc_id, text in news_items(big):
        # a JSON round trip, so tuples and lists compare equal with the stored lines
        yield doc_id, json.loads(json.dumps(vnextract.extract(text).to_dict(), ensure_ascii=False))


def first_difference(old: dict[str, Any], new: dict[str, Any]) -> str:
    """The first top-level key whose value differs, with both values shortened."""
    for key in sorted(set(old) | set(new)):
        if old.get(key) != new.get(key):
            return f"{key}: {json.dumps(old.get(key), ensure_ascii=False)[:200]} -> " + json.dumps(
                new.get(key), ensure_ascii=False
            )[:200]
    return "(no difference)"


def write(path: Path, big: int) -> int:
    count = 0
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for doc_id, output in outputs(big):
            out.write(json.dumps({"id": doc_id, "output": output}, ensure_ascii=False) + "\n")
            count += 1
    print(f"wrote {count} documents to {path}")
    return 0


def compare(path: Path, big: int) -> int:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        baseline = {row["id"]: row["output"] for row in map(json.loads, handle)}
    compared = differing = 0
    for doc_id, output in outputs(big):
        compared += 1
        if doc_id not in baseline:
            print(f"{doc_id}: not in the baseline")
            differing += 1
        elif baseline[doc_id] != output:
            print(f"{doc_id}: {first_difference(baseline[doc_id], output)}")
            differing += 1
    print(f"compared {compared} documents with {path}: {differing} differ")
    return 1 if differing or compared != len(baseline) else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("action", choices=("write", "compare"))
    parser.add_argument("baseline", type=Path)
    parser.add_argument("--big", type=int, default=2000, help="items of big.jsonl.gz (default 2000)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    status = (write if args.action == "write" else compare)(args.baseline, args.big)
    print(f"{time.perf_counter() - started:.0f} s")
    return status


if __name__ == "__main__":
    sys.exit(main())
