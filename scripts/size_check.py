"""Time vnextract.extract on large and adversarial texts: is it linear in the length? (issue 9)

    python scripts/size_check.py [--sizes 50000 200000] [--big 2000000] [--only news dotted]

For each kind of text, extract at each size and print the seconds, characters per second and
the ratio of times between consecutive sizes against the ratio of sizes (linear: about equal;
quadratic: its square). ``--big`` adds one run on that many characters of real news (2 MB by
default), with the time of underthesea's word_tokenize alone on the same text for comparison.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

import vnextract

NEWS = Path(__file__).resolve().parent.parent.parent / "shared" / "news" / "articles.jsonl"


def _news() -> str:
    if not NEWS.is_file():
        sys.exit(f"{NEWS} is not there")
    with NEWS.open(encoding="utf-8") as lines:
        return "\n".join(json.loads(line)["text"] for line in lines)


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def kinds() -> dict[str, Callable[[int], str]]:
    news = _news()
    return {
        "news": _repeat(news),
        "news-nfd": lambda n: unicodedata.normalize("NFD", _repeat(news)(n)),
        "news-one-line": _repeat(news.replace("\n", " ").replace(".", ",")),
        "news-nbsp-entities": lambda n: _repeat(news)(n).replace(" ", "&nbsp;"),
        "dotted-letters": _repeat("a."),
        "dotted-letters-spaced": _repeat("a." * 49 + "a "),
        "digits-spaced": _repeat("1 "),
        "digits-dotted": _repeat("1."),
        "numbers-and-units": _repeat("hơn 1.200 triệu đồng "),
        "qualifiers": _repeat("hơn khoảng gần "),
        "capitalised-words": _repeat("Nguyễn Văn "),
        "capitals": _repeat("A B "),
        "titles": _repeat("Phó Chủ tịch UBND tỉnh "),
        "org-words": _repeat("Ủy ban nhân dân "),
        "parentheses": _repeat("(TTTT "),
        "dates": _repeat("ngày 24/08/2015 "),
        "slashes": _repeat("1/"),
        "newlines": _repeat("a\n"),
    }


def seconds(text: str) -> float:
    begin = time.perf_counter()
    vnextract.extract(text, max_length=None)
    return time.perf_counter() - begin


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[25_000, 100_000])
    parser.add_argument("--big", type=int, default=2_000_000, help="news characters, big run (0: none)")
    parser.add_argument("--only", nargs="*", help="kinds to run (default: all)")
    args = parser.parse_args()

    vnextract.extract("khởi động")
    table = kinds()
    worst = 0.0
    for name, make in table.items():
        if args.only and name not in args.only:
            continue
        times = [seconds(make(n)) for n in args.sizes]
        runs = list(zip(args.sizes, times, strict=True))
        cells = "  ".join(f"{n:>9,}: {t:6.2f} s {n / t / 1000:6.0f} kc/s" for n, t in runs)
        growth = [(t2 / max(t1, 1e-3)) / (n2 / n1) for (n1, t1), (n2, t2) in itertools.pairwise(runs)]
        worst = max([worst, *growth])
        ratios = " ".join(f"{g:.2f}" for g in growth)
        print(f"{name:24} {cells}  time growth / size growth: {ratios}", flush=True)
    if args.big:
        from vnextract.text import underthesea as _underthesea

        text = table["news"](args.big)
        took = seconds(text)
        begin = time.perf_counter()
        for line in text.splitlines():
            if line.strip():
                _underthesea.word_tokenize(line)
        alone = time.perf_counter() - begin
        print(
            f"\n{len(text):,} characters of news: extract {took:.1f} s ({len(text) / took / 1000:.0f} kc/s); "
            f"underthesea word_tokenize alone {alone:.1f} s; ratio {alone / took:.2f}x"
        )
    print(f"\nworst time growth / size growth: {worst:.2f} (1 is linear; 4x the size quadratic would be 4)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
