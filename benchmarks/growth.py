"""Time against text length: extract() on texts 10x apart, and the regex patterns that scan ahead.

    python benchmarks/growth.py                       # every case, 20,000 -> 200,000 characters
    python benchmarks/growth.py --small 100000        # 100,000 -> 1,000,000 (a few minutes)
    python benchmarks/growth.py --only parens,titles-chain

Speed is measured here, never asserted in the test suite (a busy machine made timed tests
flaky). For each case the CPU time of this process (not wall time: other programs do not count)
of ``extract()`` on ``--small`` characters and on ``--factor`` times as many, best of
``--repeat`` runs after a warm-up, the garbage collector off while timing (as in ``timeit``);
the growth factor is large / small. Linear work grows by the factor (10x), quadratic work by
its square (100x); the goal is at most 12x. Cases: the
repetitive texts of issue 17's probe ("( " x n, "1.000.000 đồng " x n, lists of persons, digits,
title chains), the recogniser stress texts and the segmentation traps formerly timed in
tests/test_robustness.py, many distinct persons (linking), many dates, then 2 MB of "A." (the
worst case for underthesea's sentence splitter) once.

The second section lists the module-level patterns of vnextract whose ``match(s, pos)`` costs
time in proportion to the text after ``pos`` (``regex`` first looks for a literal the pattern
needs in the whole rest of the string): each must be called with an end position (or only with
a bounded ``search``/``fullmatch``) where it runs once per mention. Exit status 1 if a case
misses the goal.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import pkgutil
import re
import sys
import time
from collections.abc import Callable

import regex

import vnextract

#: The growth goal of issue 17: CPU time for 10x the text at most this many times larger.
GOAL = 12.0


def repeat(unit: str) -> Callable[[int], str]:
    """A maker of texts of exactly n characters: ``unit`` repeated and cut."""
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def persons_text(n: int) -> str:
    """About n characters of "Ông <name> cho biết." ("Mr <name> said."), each a different person."""
    surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
    middles = ["Văn", "Thị", "Minh", "Quốc", "Thanh", "Hữu", "Đức", "Ngọc"]
    givens = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khoa", "Lâm", "Long", "Nam", "Phong",
              "Quang", "Sơn", "Tâm", "Thành", "Trung", "Tuấn", "Việt"]  # fmt: skip
    names = [f"{s} {m} {g}" for g in givens for m in middles for s in surnames]
    out: list[str] = []
    size = 0
    for i in range(n):
        sentence = f"Ông {names[i % len(names)]} {'cho biết' if i < len(names) else 'nói'}."
        out.append(sentence)
        size += len(sentence) + 1
        if size >= n:
            break
    return " ".join(out)


#: name -> text maker. Every text is written here, none comes from an article.
CASES: dict[str, Callable[[int], str]] = {
    # issue 17's probe
    "parens": repeat("( "),
    "money-amounts": repeat("1.000.000 đồng "),
    "persons-list": repeat("ông Nguyễn Văn An, bà Trần Thị Bình, "),
    "digit-groups": repeat("12345 "),
    "titles-chain": repeat("Phó Chủ tịch UBND tỉnh Bình Dương, Giám đốc Sở Y tế Nguyễn Văn An, "),
    # recognisers that would re-read the rest of a run at each word
    "digits-spaced": repeat("1 "),
    "numbers-and-units": repeat("hơn 1.200 triệu đồng "),
    "qualifiers": repeat("hơn khoảng gần "),
    "capitalised-words": repeat("Nguyễn Văn "),
    "capitals": repeat("A B "),
    "titles": repeat("Phó Chủ tịch UBND tỉnh "),
    "org-words": repeat("Ủy ban nhân dân "),
    "parentheses": repeat("(TTTT "),
    "dates": repeat("ngày 24/08/2015 "),
    "slashes": repeat("1/"),
    "dotted-runs": repeat("a." * 49 + "a "),
    "fines": repeat("bị phạt 5 triệu đồng tiền phạt, "),
    "ages-and-addresses": repeat("bà Lê Thị Hoa (45 tuổi, trú tại xã Tân Phú, huyện Đức Hòa), "),
    # segmentation traps (underthesea or a careless regex: quadratic on long runs without spaces)
    "dotted-letters": repeat("a."),
    "dotted-capitals": repeat("A."),
    "dotted-digits": repeat("1."),
    "at-signs": repeat("a@"),
    "open-parens-url": lambda n: "http://x" + repeat("(a")(n - 8),
    "exclamations": repeat("!"),
    "marks-on-one-letter": lambda n: "a" + "\u0301" * (n - 1),
    "entities": repeat("&amp;"),
    "one-sentence-no-punctuation": repeat("người dân "),
    # linking: every mention against every cluster was quadratic
    "many-persons": persons_text,
}

WARM_UP = "Ông Nguyễn Văn An, Chủ tịch UBND tỉnh, ngày 2/9/2020 phạt 5 triệu đồng tiền phạt."


def cpu_seconds(text: str, repeats: int) -> float:
    """Best CPU time of this process for extract(text), over ``repeats`` runs.

    As ``timeit`` does, the garbage collector is off while the clock runs: its full collections
    walk every live object (the loaded models included), which adds a share that grows with
    the heap, not with the algorithm (measured on "a@" x n: 17x for 10x the text with it on,
    10.5x with it off).
    """
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        gc.disable()
        try:
            begin = time.process_time()
            vnextract.extract(text, max_length=None)
            best = min(best, time.process_time() - begin)
        finally:
            gc.enable()
    return best


def growth_section(small: int, factor: int, repeats: int, only: set[str] | None) -> list[str]:
    """Print the growth of every case; return the names of those over the goal."""
    large = small * factor
    print(f"== extract() CPU time, {small:,} -> {large:,} characters (goal: at most {GOAL:.0f}x)")
    print(f"{'case':30s} {'small':>9s} {'large':>9s} {'growth':>8s}")
    missed = []
    for name, make in CASES.items():
        if only is not None and name not in only:
            continue
        cpu_seconds(make(max(1, small // 10)), 1)  # warm-up: lexicons, caches of this shape
        a = cpu_seconds(make(small), repeats)
        b = cpu_seconds(make(large), max(1, repeats - 1))
        growth = b / a if a > 0 else float("inf")
        verdict = "ok" if growth <= GOAL else "MISS"
        if growth > GOAL:
            missed.append(name)
        print(f"{name:30s} {a:8.3f}s {b:8.3f}s {growth:7.1f}x  {verdict}", flush=True)
    return missed


def worst_case_section() -> None:
    """2 MB of "A.A.A.…" once: underthesea's splitter alone would scan back over the run at
    each dot (about 10^12 steps); hidden from it, the whole extract takes seconds."""
    text = "A." * 1_000_000
    begin = time.process_time()
    doc = vnextract.extract(text)
    seconds = time.process_time() - begin
    print(f"\n== 2,000,000 characters of 'A.': {seconds:.1f} s CPU, {len(doc.sentences)} sentence(s)")


def scanning_patterns() -> list[str]:
    """Module-level patterns whose match(s, 5) costs grow with len(s): 10 k vs 1 M characters
    of a character no pattern names ("§"). A ratio near 100 means a scan of the whole rest."""
    small, large = "§" * 10_000, "§" * 1_000_000
    found: list[str] = []
    seen: set[int] = set()

    def cost(pattern: re.Pattern[str] | regex.Pattern[str], text: str) -> float:
        best = float("inf")
        for _ in range(5):
            begin = time.perf_counter()
            pattern.match(text, 5)
            best = min(best, time.perf_counter() - begin)
        return best

    for info in pkgutil.walk_packages(vnextract.__path__, "vnextract."):
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # an optional extra (pyspark) is missing
            continue
        for attribute, value in vars(module).items():
            if isinstance(value, (re.Pattern, regex.Pattern)) and id(value) not in seen:
                seen.add(id(value))
                a, b = cost(value, small), cost(value, large)
                if b > 20e-6 and b / a > 10:
                    found.append(f"{info.name}.{attribute}  ({a * 1e6:.0f} -> {b * 1e6:.0f} µs)")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", type=int, default=20_000, help="characters of the small text")
    parser.add_argument("--factor", type=int, default=10, help="large = small x factor (default 10)")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs (default 3)")
    parser.add_argument("--only", help="comma-separated case names")
    parser.add_argument("--skip-worst-case", action="store_true", help="skip the 2 MB 'A.' run")
    parser.add_argument("--skip-patterns", action="store_true", help="skip the list of scanning patterns")
    args = parser.parse_args(argv)
    only = {name.strip() for name in args.only.split(",")} if args.only else None
    unknown = (only or set()) - set(CASES)
    if unknown:
        parser.error(f"unknown cases {sorted(unknown)}; choose from {', '.join(CASES)}")

    one, five, _ = os.getloadavg()
    print(f"vnextract {vnextract.__version__}, Python {sys.version.split()[0]}, load {one:.2f}/{five:.2f}")
    vnextract.extract(WARM_UP)
    missed = growth_section(args.small, args.factor, args.repeat, only)
    if not args.skip_worst_case and only is None:
        worst_case_section()
    if not args.skip_patterns:
        print("\n== module patterns whose match(s, pos) scans the rest of s (call them with an end position)")
        for line in scanning_patterns():
            print(f"  {line}")
    print(f"\n{'MISS: ' + ', '.join(missed) if missed else 'every case within'} {GOAL:.0f}x")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
