"""vnextract speed and memory against underthesea, in one run, on real news.

    python benchmarks/bench.py ../shared/news/big.jsonl.gz              # everything (~10 min)
    python benchmarks/bench.py ../shared/news/big.jsonl.gz --limit 50 --rss-large 2000   # quick

Prints, on the same articles and in the same process: vnextract ``extract()`` chars/s,
underthesea ``ner()`` (per sentence, as the scorer's baseline runs it) and ``word_tokenize()``
(per article) chars/s and the ratios; where extract() spends its time (segmentation, each
recogniser, each linker); ``pipe()`` with n_process 1 and 2; peak RSS after 1,000 and after
20,000 articles (a fresh subprocess each, streaming the file); import time and first-call
latency (a fresh subprocess, three times). Ends with the targets of issue 7, met or not.

The input is JSON Lines (optionally gzip-compressed) with a "text" field per line. The machine
is shared: the load average is printed next to every timing.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

#: First-call text ("Mr Nguyễn Văn An, chairman of the provincial People's Committee, …").
FIRST_CALL_TEXT = "Ông Nguyễn Văn An, Chủ tịch UBND tỉnh Bình Dương, ngày 2/9/2020 phạt hơn 5 triệu đồng."


# ----------------------------------------------------------------------------- input


def read_texts(path: str, limit: int | None = None) -> Iterator[str]:
    """Texts of a JSONL file (gzip or not), lazily: memory stays flat on a big file."""
    opener: Callable[..., Any] = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in itertools.islice(handle, limit):
            if line.strip():
                yield json.loads(line)["text"]


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.2f}/{five:.2f}"


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{model}, {cores} cores usable, Python {platform.python_version()}, {platform.system()}"


class Clock:
    """Wall time, this process's CPU time and its reaped children's CPU time, from creation."""

    def __init__(self) -> None:
        self.wall0, self.cpu0, self.children0 = time.perf_counter(), time.process_time(), _children_cpu()

    def wall(self) -> float:
        return time.perf_counter() - self.wall0

    def cpu(self) -> float:
        return time.process_time() - self.cpu0

    def children(self) -> float:
        return _children_cpu() - self.children0


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(function: Callable[[], Any]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) of one call."""
    clock = Clock()
    function()
    return clock.wall(), clock.cpu()


# ----------------------------------------------------------------------------- subprocess modes


def _memory_mb(field: str) -> float:
    """VmHWM (peak resident set) or VmRSS (current) of this process, in MB."""
    status = Path("/proc/self/status").read_text()
    return int(next(line for line in status.splitlines() if line.startswith(field)).split()[1]) / 1024


def peak_rss_mode(path: str, count: int) -> None:
    """Child process: stream ``count`` articles through pipe(), print JSON with the peak RSS.

    VmHWM is this process's own peak resident set (``ru_maxrss`` may carry the parent's across
    exec). After the first document (models loaded) the peak is also reset where Linux allows
    it (``/proc/self/clear_refs``), so a slow leak cannot hide below the loading peak.
    """
    import vnextract
    from vnextract.parallel import PipeError

    chars = 0
    failed: list[str] = []
    loaded_mb = steady_from = None
    start = time.perf_counter()
    # As an ingestion job would: a text that fails is logged and the run goes on.
    for doc in vnextract.pipe(read_texts(path, count), return_exceptions=True):
        if isinstance(doc, PipeError):
            failed.append(str(doc))
            continue
        chars += len(doc.text)
        doc.to_dict()  # what an ingestion job does with each result
        if loaded_mb is None:
            loaded_mb = _memory_mb("VmRSS")
            try:
                Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM to the current RSS
                steady_from = loaded_mb
            except OSError:
                pass
    seconds = time.perf_counter() - start
    result = {
        "articles": count,
        "chars": chars,
        "seconds": seconds,
        "peak_rss_mb": _memory_mb("VmHWM"),
        "loaded_rss_mb": loaded_mb,
        "final_rss_mb": _memory_mb("VmRSS"),
        "peak_reset": steady_from is not None,
        "failed": failed,
    }
    print(json.dumps(result))


def first_call_mode() -> None:
    """Child process: time ``import vnextract`` and the first extract() (model loading)."""
    start, start_cpu = time.perf_counter(), time.process_time()
    import vnextract

    imported, imported_cpu = time.perf_counter(), time.process_time()
    vnextract.extract(FIRST_CALL_TEXT)
    first, first_cpu = time.perf_counter(), time.process_time()
    vnextract.extract(FIRST_CALL_TEXT)
    second = time.perf_counter()
    times = {
        "import": imported - start,
        "first_call": first - imported,
        "second_call": second - first,
        "import_cpu": imported_cpu - start_cpu,
        "first_call_cpu": first_cpu - imported_cpu,
    }
    print(json.dumps(times))


def run_child(*args: str) -> dict[str, Any]:
    return wait_child(start_child(*args))


def start_child(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True)


def wait_child(child: subprocess.Popen[str]) -> dict[str, Any]:
    out, _ = child.communicate()
    if child.returncode != 0:
        raise RuntimeError(f"{child.args!r} exited with {child.returncode}")
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


# ----------------------------------------------------------------------------- measurements


def _extract_or_log(extract: Callable[[str], Any], text: str, index: int, failures: list[str]) -> Any:
    """extract(text), or None with the error noted: one bad article must not stop a benchmark."""
    try:
        return extract(text)
    except Exception as err:
        failures.append(f"article #{index}: {type(err).__name__}: {err}")
        return None


def _rules_only(text: str) -> Any:
    import vnextract

    return vnextract.extract(text, learned=False)


def stage_breakdown(articles: list[str]) -> list[tuple[str, float]]:
    """CPU seconds per stage of extract(), in one pass: segmentation, each recogniser and linker.

    CPU time of this process, not wall time: other programs on a shared machine do not count.
    """
    from vnextract import pipeline
    from vnextract.text import Text

    spent: dict[str, float] = {}

    def clock(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            result = function(*args, **kwargs)
            if name.startswith("recogniser"):
                result = list(result)  # recognisers may be generators: run them here
            spent[name] = spent.get(name, 0.0) + time.process_time() - start
            return result

        return wrapper

    saved = pipeline.RECOGNIZERS, pipeline.LINKERS, Text.__dict__["from_string"]
    try:
        segment = clock("segmentation (normalise, sent_tokenize, word_tokenize, align)",
                        saved[2].__get__(None, Text))
        timed_segment = classmethod(lambda cls, *a, **k: segment(*a, **k))
        Text.from_string = timed_segment  # type: ignore[method-assign,assignment]
        pipeline.RECOGNIZERS = tuple((n, clock(f"recogniser {n}", f)) for n, f in saved[0])
        pipeline.LINKERS = tuple((n, clock(f"linker {n}", f)) for n, f in saved[1])
        ignored: list[str] = []  # already reported by the throughput pass
        _, total = timed(lambda: [_extract_or_log(pipeline.extract, a, i, ignored)
                                  for i, a in enumerate(articles)])
    finally:
        pipeline.RECOGNIZERS, pipeline.LINKERS = saved[:2]
        Text.from_string = saved[2]  # type: ignore[method-assign]
    rest = total - sum(spent.values())
    rest_name = "the rest (checks, remap offsets, build Document)"
    return [*spent.items(), (rest_name, max(rest, 0.0)), ("total", total)]


SECTIONS = ("startup", "throughput", "pipe", "rss")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="JSONL(.gz) with a 'text' field, e.g. ../shared/news/big.jsonl.gz")
    parser.add_argument("--limit", type=int, default=100,
                        help="articles for the extract/ner/word_tokenize comparison (default 100)")
    parser.add_argument("--pipe-limit", type=int, default=1000, help="articles for pipe() n_process 1 vs 2")
    parser.add_argument("--rss-small", type=int, default=1000, help="articles of the first RSS measurement")
    parser.add_argument("--rss-large", type=int, default=20000, help="articles of the second RSS measurement")
    parser.add_argument("--skip-rss", action="store_true", help="skip the two RSS subprocesses")
    parser.add_argument("--only", default=",".join(SECTIONS),
                        help=f"comma-separated sections to run (default all: {','.join(SECTIONS)})")
    parser.add_argument("--_child", choices=("rss", "first-call"), help=argparse.SUPPRESS)
    parser.add_argument("--_count", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args._child == "rss":
        peak_rss_mode(args.path, args._count)
        return 0
    if args._child == "first-call":
        first_call_mode()
        return 0

    import underthesea

    import vnextract

    print(f"machine: {machine()}")
    print(f"vnextract {vnextract.__version__}, underthesea {underthesea.__version__}; {load()} at start")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=Path(__file__).parent).stdout.strip()
    print(f"commit {commit or '?'}, input {args.path}")
    results: dict[str, float] = {}
    sections = {name.strip() for name in args.only.split(",")} - ({"rss"} if args.skip_rss else set())
    unknown = sections - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections {sorted(unknown)}; choose from {', '.join(SECTIONS)}")
    if "startup" in sections:
        startup_section(args, results)
    if "throughput" in sections:
        throughput_section(args, results)
    if "pipe" in sections:
        pipe_section(args, results)
    if "rss" in sections:
        rss_section(args, results)
    targets(results)
    return 0


def startup_section(args: argparse.Namespace, results: dict[str, float]) -> None:
    """Import and first call, in fresh processes (the first run may meet a cold file cache)."""
    runs = [run_child(args.path, "--_child", "first-call") for _ in range(3)]
    for key in ("import", "first_call", "second_call", "import_cpu", "first_call_cpu"):
        results[key] = statistics.median(r[key] for r in runs)
    print("\n== import and first call (fresh process, median of 3; wall, and CPU of that process)")
    each = ", ".join(f"{r['import']:.3f}" for r in runs)
    print(f"import vnextract        {results['import']:.3f} s wall  {results['import_cpu']:.3f} s CPU   "
          f"(wall runs: {each})")
    first_call, first_call_cpu = results["first_call"], results["first_call_cpu"]
    print(f"first extract() call    {first_call:.3f} s wall  {first_call_cpu:.3f} s CPU   "
          "(loads the models and lexicons)")
    print(f"second extract() call   {results['second_call'] * 1000:.1f} ms")
    results["startup"] = results["import"] + results["first_call"]
    results["startup_cpu"] = results["import_cpu"] + results["first_call_cpu"]
    print(f"import + first call     {results['startup']:.3f} s wall  {results['startup_cpu']:.3f} s CPU")


def throughput_section(args: argparse.Namespace, results: dict[str, float]) -> None:
    """extract(), word_tokenize() and ner() on the same articles, then extract()'s stages."""
    import underthesea

    import vnextract

    articles = list(read_texts(args.path, args.limit))
    chars = sum(map(len, articles))
    sentences = [s for a in articles for line in a.split("\n") if line.strip()
                 for s in underthesea.sent_tokenize(line)]
    vnextract.extract(FIRST_CALL_TEXT)
    underthesea.word_tokenize(FIRST_CALL_TEXT)
    underthesea.ner(FIRST_CALL_TEXT)
    print(f"\n== throughput: first {len(articles)} articles, {chars:,} characters, "
          f"{len(sentences):,} sentences")
    print(f"{'':32s} {'wall':>16s} {'CPU':>16s}")
    cpu_speed: dict[str, float] = {}
    failures: list[str] = []
    for name, function in [
        ("vnextract extract()", lambda: [_extract_or_log(vnextract.extract, a, i, failures)
                                         for i, a in enumerate(articles)]),
        ("extract(learned=False)", lambda: [_extract_or_log(_rules_only, a, i, failures)
                                            for i, a in enumerate(articles)]),
        ("underthesea word_tokenize()", lambda: [underthesea.word_tokenize(a) for a in articles]),
        ("underthesea ner() per sentence", lambda: [underthesea.ner(s) for s in sentences]),
    ]:
        wall, cpu = timed(function)
        results[name] = chars / wall
        cpu_speed[name] = chars / cpu
        print(f"{name:32s} {chars / wall:>8,.0f} chars/s {chars / cpu:>8,.0f} chars/s  "
              f"{wall:6.2f} s wall  {load()}")
    for failure in failures:
        print(f"   failed (timed all the same): {failure[:150]}")
    baselines = {
        "vs_ner": "underthesea ner() per sentence",
        "vs_word_tokenize": "underthesea word_tokenize()",
    }
    for key, other in baselines.items():
        results[key] = cpu_speed["vnextract extract()"] / cpu_speed[other]
        results[key + "_wall"] = results["vnextract extract()"] / results[other]
    print(f"extract() / ner()            {results['vs_ner']:6.2f}x CPU  {results['vs_ner_wall']:6.2f}x wall"
          "   (target >= 10x)")
    print(f"extract() / word_tokenize()  {results['vs_word_tokenize']:6.2f}x CPU  "
          f"{results['vs_word_tokenize_wall']:6.2f}x wall   (target >= 0.5x)")
    rules_only = cpu_speed["extract(learned=False)"] / cpu_speed["underthesea ner() per sentence"]
    print(f"extract(learned=False) / ner() {rules_only:4.2f}x CPU   (rules only: no learned layer)")

    print("\n== where extract() spends its CPU time (same articles, one more pass)")
    try:
        stages = stage_breakdown(articles)
        total = stages[-1][1]
        for name, seconds in stages:
            per_article = 1000 * seconds / len(articles)
            share = 100 * seconds / total
            print(f"{name:62s} {seconds:7.2f} s  {share:5.1f} %  {per_article:7.2f} ms/article")
    except Exception as err:  # the pipeline's internals changed: the headline numbers still stand
        print(f"(breakdown unavailable: {type(err).__name__}: {err})")


def pipe_section(args: argparse.Namespace, results: dict[str, float]) -> None:
    """pipe() with one and two processes, worker start-up included (as a user sees it)."""
    import vnextract

    vnextract.extract(FIRST_CALL_TEXT)  # models loaded before the clock starts, for both runs
    piped = list(read_texts(args.path, args.pipe_limit))
    piped_chars = sum(map(len, piped))
    print(f"\n== pipe(): first {len(piped)} articles, {piped_chars:,} characters (worker start-up included)")
    for n in (1, 2):
        clock = Clock()
        for _ in vnextract.pipe(piped, n_process=n):
            pass
        seconds = clock.wall()
        results[f"pipe{n}"] = piped_chars / seconds
        # CPU the run got from the machine (this process + its workers) per wall second: on a
        # shared machine, n_process=2 cannot go faster than the cores it is given.
        cpu = clock.cpu() + clock.children()
        label = f"pipe(n_process={n})"
        print(f"{label:32s} {piped_chars / seconds:>10,.0f} chars/s  {seconds:7.2f} s   "
              f"{cpu / seconds:.2f} cores busy, {piped_chars / cpu:>8,.0f} chars per CPU-second   {load()}")
    results["speedup"] = results["pipe2"] / results["pipe1"]
    print(f"speed-up n_process 2 vs 1  {results['speedup']:.2f}x   (target >= 1.6x on 2 cores)")


def rss_section(args: argparse.Namespace, results: dict[str, float]) -> None:
    """Peak memory, a fresh subprocess per measurement, streaming the file."""
    print("\n== peak RSS of a process streaming articles through pipe() (fresh subprocess each,")
    print("   both at once: memory does not depend on speed, and the big one takes long)")
    children = {
        count: start_child(args.path, "--_child", "rss", "--_count", str(count))
        for count in (args.rss_small, args.rss_large)
    }
    for count, child in children.items():
        r = wait_child(child)
        results[f"rss{count}"] = r["peak_rss_mb"]
        speed = r["chars"] / r["seconds"]
        peak = "peak since" if r["peak_reset"] else "peak (whole run)"
        print(f"{r['articles']:>6,} articles ({r['chars']:>11,} chars): RSS {r['loaded_rss_mb']:6.1f} MB "
              f"after the 1st, {peak} {r['peak_rss_mb']:6.1f} MB, end {r['final_rss_mb']:6.1f} MB  "
              f"{speed:>7,.0f} chars/s  {load()}")
        for failure in r["failed"][:5]:
            print(f"       failed (logged, run went on): {failure[:150]}")
        if len(r["failed"]) > 5:
            print(f"       … {len(r['failed']) - 5} more failures")
    growth = results[f"rss{args.rss_large}"] / results[f"rss{args.rss_small}"] - 1
    results["rss_growth"] = growth
    span = f"{args.rss_small:,} → {args.rss_large:,} articles"
    print(f"growth {span}: {100 * growth:+.1f} %   (target within 10 %)")


def targets(results: dict[str, float]) -> None:
    """The targets of issue 7, for the sections that ran."""
    print(f"\n== targets ({load()} at end)")
    checks = []
    if "vs_ner" in results:
        checks += [
            ("extract() >= 10x ner() (CPU time)", results["vs_ner"] >= 10, f"{results['vs_ner']:.2f}x"),
            ("extract() >= 0.5x word_tokenize() (CPU time)", results["vs_word_tokenize"] >= 0.5,
             f"{results['vs_word_tokenize']:.2f}x"),
        ]
    if "speedup" in results:
        checks.append(("pipe(n_process=2) >= 1.6x n_process=1", results["speedup"] >= 1.6,
                       f"{results['speedup']:.2f}x"))
    if "startup_cpu" in results:
        checks.append(("import + first call < 1.5 s (CPU time)", results["startup_cpu"] < 1.5,
                       f"{results['startup_cpu']:.2f} s CPU, {results['startup']:.2f} s wall"))
    if "rss_growth" in results:
        checks.append(("peak RSS flat (within 10 %)", abs(results["rss_growth"]) <= 0.10,
                       f"{100 * results['rss_growth']:+.1f} %"))
    for name, ok, value in checks:
        print(f"{'PASS' if ok else 'MISS'}  {name:46s} {value}")


if __name__ == "__main__":
    sys.exit(main())
