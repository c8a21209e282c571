"""Write src/vnextract/data/given_names.tsv: Vietnamese given-name syllables counted in news.

    python scripts/build_given_names.py ../shared/news/big.jsonl.gz [--min-count 5]

A given-name syllable is one that follows a known surname (data/surnames.tsv) inside a
capitalised run of three or four syllables ("Nguyễn Văn An": "Văn", "An"), the shape of a full
Vietnamese name. Counted over every article of the file; syllables seen at least --min-count
times are kept. The learned entity layer reads membership as a feature ("Xuân Son" without a
surname still looks like a name). Deterministic: the same file gives the same table.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import sys
import unicodedata
from pathlib import Path

import regex

from vnextract import lexicon
from vnextract.text import canonical_tones

OUT = Path(__file__).resolve().parent.parent / "src" / "vnextract" / "data" / "given_names.tsv"
#: Three or four capitalised syllables, not glued to a letter or digit on either side.
RUN = regex.compile(r"(?<![\p{L}\d])\p{Lu}\p{Ll}+(?:[ ]\p{Lu}\p{Ll}+){2,3}(?![\p{L}\d])")


def count(path: Path) -> collections.Counter[str]:
    surnames = set(lexicon.surnames())
    counts: collections.Counter[str] = collections.Counter()
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            text = canonical_tones(unicodedata.normalize("NFC", json.loads(line)["text"]))
            for run in RUN.finditer(text):
                first, *rest = run.group().split(" ")
                if first in surnames:
                    counts.update(rest)
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("news", type=Path, help="JSON Lines (optionally .gz) with a 'text' field")
    ap.add_argument("--min-count", type=int, default=5)
    args = ap.parse_args(argv)
    if not args.news.is_file():
        ap.error(f"{args.news}: no such file")
    counts = count(args.news)
    kept = sorted((name, n) for name, n in counts.items() if n >= args.min_count)
    source = f"after a surname in a full name, {args.news.name}"
    with OUT.open("w", encoding="utf-8") as out:
        out.write("name\tcount\tsource\n")
        for name, n in kept:
            out.write(f"{name}\t{n}\t{source}\n")
    print(f"{len(kept)} given-name syllables (of {len(counts)} seen) -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
