"""Where extract() spends its time, by module and by function (cProfile, no extra dependency).

    python benchmarks/profile_extract.py ../shared/news/big.jsonl.gz --limit 50
    python benchmarks/profile_extract.py ../shared/news/big.jsonl.gz --top 40 --module vnextract.recognizers

The models are loaded before profiling starts, so only steady-state work is counted. Own time
("tottime") is summed per module: the first table says which module to look at, the second
which functions in it. cProfile slows pure-Python code more than native code; for wall-clock
shares, use benchmarks/bench.py's stage breakdown or a sampling profiler (py-spy, pyinstrument).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import FIRST_CALL_TEXT, read_texts


def module_of(filename: str) -> str:
    """A dotted module name for a profiled file ("vnextract.recognizers.entities", "re", …)."""
    if filename.startswith("<") or filename == "~":
        return "(built-in)"
    path = Path(filename)
    parts = list(path.with_suffix("").parts)
    for anchor in ("site-packages", "src", "lib"):
        if anchor in parts:
            parts = parts[len(parts) - parts[::-1].index(anchor) :]
            break
    if parts and parts[0].startswith("python3"):
        parts = parts[1:]
    return ".".join(p for p in parts if p != "__init__") or filename


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="JSONL(.gz) with a 'text' field, e.g. ../shared/news/big.jsonl.gz")
    parser.add_argument("--limit", type=int, default=50, help="articles to profile (default 50)")
    parser.add_argument("--top", type=int, default=25, help="rows per table (default 25)")
    parser.add_argument("--module", default="", help="only functions of modules starting with this")
    args = parser.parse_args(argv)

    import vnextract

    articles = list(read_texts(args.path, args.limit))
    vnextract.extract(FIRST_CALL_TEXT)  # models and lexicons loaded outside the profile
    profiler = cProfile.Profile()
    profiler.enable()
    for article in articles:
        vnextract.extract(article)
    profiler.disable()

    stats = pstats.Stats(profiler)
    raw = stats.stats  # type: ignore[attr-defined]  # {(file, line, name): (cc, nc, tt, ct, callers)}
    total = sum(entry[2] for entry in raw.values())
    per_module: dict[str, float] = defaultdict(float)
    for (filename, _line, _name), (_cc, _nc, tottime, _ct, _callers) in raw.items():
        per_module[module_of(filename)] += tottime
    print(f"{len(articles)} articles, {sum(map(len, articles)):,} characters, {total:.2f} s profiled")
    print(f"\n{'own time by module':60s} {'s':>7s} {'%':>6s}")
    for module, seconds in sorted(per_module.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"{module:60s} {seconds:7.2f} {100 * seconds / total:6.1f}")

    rows = [
        (tottime, cumtime, calls, f"{module_of(filename)}:{line} {name}")
        for (filename, line, name), (_cc, calls, tottime, cumtime, _callers) in raw.items()
        if module_of(filename).startswith(args.module)
    ]
    print(f"\n{'own time by function':80s} {'own s':>7s} {'cum s':>7s} {'calls':>9s}")
    for tottime, cumtime, calls, where in sorted(rows, reverse=True)[: args.top]:
        print(f"{where[:80]:80s} {tottime:7.2f} {cumtime:7.2f} {calls:9,d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
