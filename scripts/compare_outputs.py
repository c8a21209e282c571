"""Prove a refactoring changes no output: dump extract().to_dict() over fixed news, compare dumps.

    python scripts/compare_outputs.py dump /tmp/before.jsonl [--news ../shared/news] [--n-process 2]
    python scripts/compare_outputs.py compare /tmp/before.jsonl /tmp/after.jsonl [--show 5]

``dump`` writes one JSON line per document, ``{"id", "doc", "sentences"}``: the id, the
Document's ``to_dict()`` and its sentence offsets, for every article of ``articles.jsonl`` (336)
the first ``--big`` (2,000) of ``big.jsonl.gz`` and the first ``--modern`` (1,000) short items of
``modern2026.jsonl``, in that order. ``compare`` prints how many
documents differ and, for the first ``--show`` of them, the first record keys that differ; it
exits 1 when any document differs (the "0 differences, or the commit does not go in" check of
issue 14).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec

import vnextract


def _items(news: Path, big: int, modern: int) -> Iterator[tuple[str, str]]:
    """(id, text) of every article of articles.jsonl, the first ``big`` of big.jsonl.gz, then the
    first ``modern`` short items (headline + summary) of modern2026.jsonl."""
    with open(news / "articles.jsonl", encoding="utf-8") as lines:
        for line in lines:
            item = json.loads(line)
            yield str(item["id"]), item["text"]
    with gzip.open(news / "big.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in itertools.islice(lines, big):
            item = json.loads(line)
            yield str(item["id"]), item["text"]
    with open(news / "modern2026.jsonl", encoding="utf-8") as lines:
        for line in itertools.islice(lines, modern):
            item = json.loads(line)
            yield str(item["id"]), item["text"]


def dump(news: Path, out: Path, *, big: int, modern: int, n_process: int) -> int:
    encoder = msgspec.json.Encoder()
    items = list(_items(news, big, modern))
    docs = vnextract.pipe(((text, ident) for ident, text in items), n_process=n_process, as_tuples=True)
    with open(out, "wb") as sink:
        for count, (doc, ident) in enumerate(docs, 1):
            sentences = [[s.start, s.end] for s in doc.sentences]
            sink.write(encoder.encode({"id": ident, "doc": doc.to_dict(), "sentences": sentences}) + b"\n")
            if count % 250 == 0:
                print(f"{count}/{len(items)}", file=sys.stderr)
    return len(items)


def _load(path: Path) -> dict[str, Any]:
    decoder = msgspec.json.Decoder()
    with open(path, "rb") as lines:
        return {row["id"]: row for row in map(decoder.decode, lines)}


def _first_differences(before: dict[str, Any], after: dict[str, Any], limit: int = 3) -> list[str]:
    """Readable lines for the first differing keys of two dumped documents."""
    lines: list[str] = []
    for key in sorted(set(before["doc"]) | set(after["doc"])):
        old, new = before["doc"].get(key), after["doc"].get(key)
        if old == new:
            continue
        if isinstance(old, list) and isinstance(new, list):
            gone = [r for r in old if r not in new]
            added = [r for r in new if r not in old]
            lines.append(f"  {key}: -{json.dumps(gone[:2], ensure_ascii=False)[:400]}")
            lines.append(f"  {key}: +{json.dumps(added[:2], ensure_ascii=False)[:400]}")
        else:
            lines.append(f"  {key}: {old!r} -> {new!r}")
        if len(lines) >= 2 * limit:
            break
    if before["sentences"] != after["sentences"]:
        lines.append("  sentences: offsets differ")
    return lines


def compare(before_path: Path, after_path: Path, *, show: int) -> int:
    before, after = _load(before_path), _load(after_path)
    missing = sorted(set(before) ^ set(after))
    differing = [key for key in before if key in after and before[key] != after[key]]
    for key in differing[:show]:
        print(f"{key}:")
        print("\n".join(_first_differences(before[key], after[key])))
    if missing:
        print(f"{len(missing)} documents in only one dump, e.g. {missing[:3]}")
    print(f"{len(differing)} differing documents of {len(before)}")
    return 1 if differing or missing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    dumping = commands.add_parser("dump", help="write the outputs over the fixed news")
    dumping.add_argument("out", type=Path)
    default_news = Path(__file__).resolve().parents[1] / ".." / "shared" / "news"
    dumping.add_argument("--news", type=Path, default=default_news)
    dumping.add_argument("--big", type=int, default=2000, help="how many of big.jsonl.gz (2000)")
    dumping.add_argument("--modern", type=int, default=1000, help="how many of modern2026.jsonl (1000)")
    dumping.add_argument("--n-process", type=int, default=2)
    comparing = commands.add_parser("compare", help="count the documents whose output differs")
    comparing.add_argument("before", type=Path)
    comparing.add_argument("after", type=Path)
    comparing.add_argument("--show", type=int, default=5, help="documents to show (5)")
    args = parser.parse_args(argv)
    if args.command == "dump":
        count = dump(args.news, args.out, big=args.big, modern=args.modern, n_process=args.n_process)
        print(f"{count} documents -> {args.out}")
        return 0
    return compare(args.before, args.after, show=args.show)


if __name__ == "__main__":
    sys.exit(main())
