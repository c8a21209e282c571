"""Record and compare the numbers/dates recognisers' output, and time them (issue 7).

    python scripts/compare_recognizers.py record ../shared/news/big.jsonl.gz /tmp/before.jsonl
    python scripts/compare_recognizers.py compare ../shared/news/big.jsonl.gz /tmp/before.jsonl
    python scripts/compare_recognizers.py time ../shared/news/big.jsonl.gz [--articles 100]

``record`` writes, for the first ``--articles`` (500) articles, the to_dict() of extract() for
the kinds the number and date rooms own (dates, durations, counts, percentages, money, fines,
quantities, published) and the raw output of ``numbers.recognize`` and ``dates.recognize``.
``compare`` recomputes the same and prints every article whose output changed, then the count
(a field added to a record since, left at its default None, is not counted as a change).
Kinds other rooms own are left out so their concurrent work does not show up as noise.
``time`` builds the Text objects once and times only each recogniser's ``recognize`` over them
(best of ``--repeat`` runs), in milliseconds per article.
"""

from __future__ import annotations

import argparse
import datetime as dt
import decimal
import gzip
import itertools
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

import vnextract
from vnextract.pipeline import RECOGNIZERS
from vnextract.recognizers import dates, numbers
from vnextract.text import Text

#: The Document keys that come out of the number and date rooms.
KINDS = ("dates", "durations", "counts", "percentages", "money", "fines", "quantities", "published")


def _articles(path: Path, limit: int) -> Iterator[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in itertools.islice(lines, limit):
            yield json.loads(line)["text"]


def _plain(value: Any) -> Any:
    """A record (or anything inside one) as JSON-safe plain data."""
    if attrs.has(type(value)):
        fields = attrs.asdict(value, recurse=False)
        return {"type": type(value).__name__, **{k: _plain(v) for k, v in fields.items()}}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, (decimal.Decimal, dt.date)):
        return str(value)
    return value


def _snapshot(source: str) -> dict[str, Any]:
    doc = vnextract.extract(source)
    whole = doc.to_dict()
    prepared = Text.from_string(source)
    return {
        "extract": {key: whole.get(key) for key in KINDS},
        "numbers": _plain(list(numbers.recognize(prepared))),
        "dates": _plain(list(dates.recognize(prepared))),
    }


def record(path: Path, out: Path, limit: int) -> None:
    with out.open("w", encoding="utf-8") as sink:
        for source in _articles(path, limit):
            sink.write(json.dumps(_snapshot(source), ensure_ascii=False, sort_keys=True) + "\n")


#: Fields added to a record since a snapshot may have been recorded: (record type, field).
NEW_FIELDS = (("Count", "value_to"),)


def _strip(record: Any, kind: str) -> Any:
    if not isinstance(record, dict):
        return record
    return {k: v for k, v in record.items() if v is not None or (kind, k) not in NEW_FIELDS}


def _without_new_fields(snapshot: dict[str, Any]) -> dict[str, Any]:
    """The snapshot without the NEW_FIELDS left at None: a field added with a default is no
    change in output. Raw records carry their type; in extract()'s dict, counts are "counts"
    and the "violations" of fines."""
    out = dict(snapshot)
    for part in ("numbers", "dates"):
        out[part] = [_strip(r, r.get("type", "")) for r in snapshot[part]]
    whole = dict(snapshot["extract"])
    whole["counts"] = [_strip(r, "Count") for r in whole.get("counts") or []]
    whole["fines"] = [
        {**f, "violations": _strip(f.get("violations"), "Count")} for f in whole.get("fines") or []
    ]
    out["extract"] = whole
    return out


def compare(path: Path, before: Path, limit: int) -> int:
    changed = 0
    with before.open(encoding="utf-8") as old_lines:
        for index, (source, old_line) in enumerate(zip(_articles(path, limit), old_lines, strict=False)):
            old = json.loads(old_line)
            new = json.loads(json.dumps(_snapshot(source), ensure_ascii=False, sort_keys=True))
            old, new = _without_new_fields(old), _without_new_fields(new)
            for part in ("extract", "numbers", "dates"):
                if part == "extract":
                    keys = KINDS
                    pairs = [(k, old[part].get(k), new[part].get(k)) for k in keys]
                else:
                    pairs = [(part, old[part], new[part])]
                for key, was, now in pairs:
                    if was != now:
                        changed += 1
                        print(f"article {index} {part}/{key}:")
                        was_items = was if isinstance(was, list) else [was]
                        now_items = now if isinstance(now, list) else [now]
                        for item in was_items:
                            if item not in now_items:
                                print("  - ", json.dumps(item, ensure_ascii=False))
                        for item in now_items:
                            if item not in was_items:
                                print("  + ", json.dumps(item, ensure_ascii=False))
    print(f"{changed} differences")
    return changed


def time_recognizers(path: Path, limit: int, repeat: int) -> None:
    prepared = [Text.from_string(source) for source in _articles(path, limit)]
    for name, recognize in RECOGNIZERS:
        best = float("inf")
        for _ in range(repeat):
            started = time.perf_counter()
            for item in prepared:
                for _record in recognize(item):
                    pass
            best = min(best, time.perf_counter() - started)
        print(f"{name:15s} {1000 * best / len(prepared):7.3f} ms/article")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("mode", choices=("record", "compare", "time"))
    parser.add_argument("news", type=Path, help="a .jsonl or .jsonl.gz file of {'text': ...} articles")
    parser.add_argument("snapshot", type=Path, nargs="?", help="record/compare: the saved output")
    parser.add_argument("--articles", type=int, default=None, help="how many articles (500; time: 100)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if args.mode == "time":
        time_recognizers(args.news, args.articles or 100, args.repeat)
        return 0
    if args.snapshot is None:
        parser.error("record and compare need the snapshot path")
    if args.mode == "record":
        record(args.news, args.snapshot, args.articles or 500)
        return 0
    return 1 if compare(args.news, args.snapshot, args.articles or 500) else 0


if __name__ == "__main__":
    sys.exit(main())
