"""Identity and speed check for the entities and titles recognisers (and the persons linker).

Usage::

    python scripts/compare_entities.py NEWS.jsonl.gz record  OUT.pkl [N]   # before a change
    python scripts/compare_entities.py NEWS.jsonl.gz compare OUT.pkl [N]   # after it
    python scripts/compare_entities.py NEWS.jsonl.gz quick   OUT.pkl [N]   # recognisers only
    python scripts/compare_entities.py NEWS.jsonl.gz time    [N]           # ms per article

``record`` builds the ``Text`` of the first N articles (default 500) once and keeps them in the
pickle, with the output of ``entities.recognize`` and ``titles.recognize`` on them and the
entity/person keys of ``extract(...).to_dict()``. ``compare`` re-runs the recognisers on the SAME
Text objects (so a change in word segmentation elsewhere cannot show up as a difference) and
``extract`` on the raw texts, and prints every difference.
"""

from __future__ import annotations

import gzip
import json
import pickle
import sys
import time
from typing import Any

from vnextract import extract
from vnextract.recognizers import entities, titles
from vnextract.text import Text

KEYS = ("persons", "organizations", "locations")  # the entity keys of to_dict()


def _articles(path: str, n: int) -> list[str]:
    opener = gzip.open if path.endswith(".gz") else open
    out = []
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            out.append(json.loads(line)["text"])
            if len(out) >= n:
                break
    return out


def _rec(records: Any) -> list[tuple[Any, ...]]:
    return [(type(r).__name__, r.start, r.end, repr(r)) for r in records]


def _outputs(texts: list[Text], raws: list[str], with_extract: bool = True) -> dict[str, list[Any]]:
    ext = []
    for raw in raws if with_extract else ():
        d = extract(raw).to_dict()
        ext.append({k: d.get(k) for k in KEYS})
    return {
        "entities": [_rec(entities.recognize(t)) for t in texts],
        "titles": [_rec(titles.recognize(t)) for t in texts],
        "extract": ext,
    }


def _time(texts: list[Text]) -> None:
    from vnextract.linking import persons
    from vnextract.mentions import Mentions
    from vnextract.pipeline import RECOGNIZERS
    from vnextract.resolve import resolve_overlaps

    for name, fn in (("entities", entities.recognize), ("titles", titles.recognize)):
        list(fn(texts[0]))
        best = float("inf")
        for _ in range(5):
            t0 = time.process_time()
            for t in texts:
                list(fn(t))
            best = min(best, time.process_time() - t0)
        print(f"{name:10s} {1000 * best / len(texts):.3f} ms/article (best of 5)")
    found = []
    for t in texts:
        spans = [r for _, fn in RECOGNIZERS for r in fn(t)]
        found.append(resolve_overlaps(t, Mentions.collect(spans)))
    best = float("inf")
    for _ in range(5):
        t0 = time.process_time()
        for t, f in zip(texts, found, strict=True):
            persons.link(t, f)
        best = min(best, time.process_time() - t0)
    print(f"{'persons':10s} {1000 * best / len(texts):.3f} ms/article (best of 5)")


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[2] not in ("record", "compare", "quick", "time") or (
        argv[2] != "time" and len(argv) < 4
    ):
        print(__doc__.split("``record``")[0].strip(), file=sys.stderr)
        return 2
    path, mode = argv[1], argv[2]
    if mode == "time":
        n = int(argv[3]) if len(argv) > 3 else 100
        texts = [Text.from_string(a) for a in _articles(path, n)]
        _time(texts)
        return 0
    out = argv[3]
    n = int(argv[4]) if len(argv) > 4 else 500
    if mode == "record":
        raws = _articles(path, n)
        texts = [Text.from_string(a) for a in raws]
        with open(out, "wb") as f:
            pickle.dump({"raws": raws, "texts": texts, "out": _outputs(texts, raws)}, f)
        print(f"recorded {len(texts)} articles to {out}")
        return 0
    with open(out, "rb") as f:
        saved = pickle.load(f)
    quick = mode == "quick"  # the recognisers only, not extract()
    now = _outputs(saved["texts"], saved["raws"], with_extract=not quick)
    diffs = 0
    for part in ("entities", "titles") if quick else ("entities", "titles", "extract"):
        for idx, (a, b) in enumerate(zip(saved["out"][part], now[part], strict=True)):
            if part == "extract":
                a, b = {k: a.get(k) for k in KEYS}, {k: b.get(k) for k in KEYS}
            if a != b:
                diffs += 1
                print(f"--- {part} article {idx}")
                if part == "extract":
                    for k in KEYS:
                        if a[k] != b[k]:
                            sa = {json.dumps(x, sort_keys=True, ensure_ascii=False) for x in a[k]}
                            sb = {json.dumps(x, sort_keys=True, ensure_ascii=False) for x in b[k]}
                            for x in sorted(sa - sb):
                                print("  -", k, x[:300])
                            for x in sorted(sb - sa):
                                print("  +", k, x[:300])
                else:
                    for x in sorted(set(a) - set(b)):
                        print("  -", x[3][:300])
                    for x in sorted(set(b) - set(a)):
                        print("  +", x[3][:300])
    print(f"{diffs} differing (part, article) pairs over {len(saved['texts'])} articles")
    return 0 if diffs == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
