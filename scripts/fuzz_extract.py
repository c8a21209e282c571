"""Fuzz vnextract.extract with hypothesis: many inputs, every offset checked (issue 9).

    python scripts/fuzz_extract.py --inputs 100000 [--round 2000] [--seed 1]

Five sources of input, in turn: calendar words and edge days glued at random; arbitrary
Unicode; fragments of Vietnamese news text glued at random (numbers, units, titles, dates,
entities, invisible characters); real articles from ../shared/news cut anywhere with such
fragments pushed in; arbitrary bytes. Each input goes
through ``extract`` (with no reference date or a random one in 1900-2100) and ``to_dict()``
into JSON; a failure is an exception (other than InvalidUTF8Error for bytes that are not
UTF-8), a record whose ``text`` is not ``original[start:end]`` (nested records included), or
an alignment warning logged. Runs go in rounds; a failing round is shrunk by hypothesis to a
minimal input, printed, and the run goes on. Prints the number of inputs run and the failures
(grouped by where they were raised); exit status 1 if there was any.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
import time
import traceback
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

import vnextract
from test_robustness_support import (
    ARTICLES,
    FRAGMENTS,
    WarningCollector,
    check_offsets,
    fragment_texts,
    news_cuts,
)
from vnextract.errors import InvalidUTF8Error

WARNINGS = WarningCollector()
logging.getLogger("vnextract").addHandler(WARNINGS)
logging.getLogger("vnextract").propagate = False


@st.composite
def noisy_news(draw: st.DrawFn) -> str:
    """A cut of a real article with up to 6 fragments pushed in anywhere."""
    cut = draw(news_cuts(max_length=1_500))
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(cut)))
        cut = cut[:at] + draw(st.sampled_from(FRAGMENTS)) + cut[at:]
    return cut


# Calendar edges and relative words, glued with the shared fragments: a relative year with a
# day that year may not have ("29/2 năm nay" in 2021) is how the dates recogniser was found to
# raise (tests/test_robustness.py::test_29_february_of_a_relative_year_that_is_not_leap).
CALENDAR = [
    "ngày ", " tháng ", "29/2", "30/2", "31/4", "31/12", "1/1", "29 tháng 2", "năm nay", "năm sau",
    "năm ngoái", "năm tới", "tuần sau", "tuần trước", "tháng tới", "tháng trước", "hôm nay", "ngày mai",
    "thứ hai", "chủ nhật", "mùng 1 Tết", "rằm tháng Giêng", "quý IV", "quý I", "cuối năm", "đầu tháng",
    "23h59", "24h", "0h", " - ", "/", "2020", "2021", "2100", "1900", "9999", "10000",
]  # fmt: skip
RELATIVE = ["", " năm nay", " năm sau", " năm ngoái", " năm tới", " tới", " vừa qua", " tuần sau", "/2021"]


@st.composite
def calendar_day(draw: st.DrawFn) -> str:
    """ "ngày D/M" + a relative or explicit year, "lúc H giờ M" at times: edge days included."""
    # edge values, not uniform integers: hypothesis rarely draws 29 and 2 together otherwise
    day = draw(st.sampled_from([0, 1, 9, 15, 28, 29, 30, 31, 32]))
    month = draw(st.sampled_from([0, 1, 2, 4, 6, 9, 11, 12, 13]))
    text = f"{draw(st.sampled_from(['ngày ', '', 'mùng ', 'sáng ']))}{day}/{month}"
    text += draw(st.sampled_from(RELATIVE))
    if draw(st.booleans()):
        text += f" lúc {draw(st.integers(0, 25))} giờ {draw(st.integers(0, 61))}"
    return text


calendar_pieces = st.one_of(
    calendar_day(), st.sampled_from(CALENDAR), st.sampled_from(FRAGMENTS), st.just(" ")
)
calendar_texts = st.lists(calendar_pieces, max_size=20).map("".join)

SOURCES: dict[str, st.SearchStrategy[Any]] = {
    "calendar": calendar_texts,
    "unicode": st.text(max_size=300),
    "fragments": fragment_texts,
    "news": noisy_news() if ARTICLES is not None else fragment_texts,
    "bytes": st.binary(max_size=300),
}


# No reference date, or one a news article could have (dates resolve relative expressions
# against it; reference dates at the ends of datetime's range are a known failure of the dates
# recogniser, kept out of the run and tested in tests/test_robustness.py).
REFERENCE_DATES = st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))


def check(value: str | bytes, reference_date: dt.date | None) -> None:
    """One input: extract, check every offset, to_dict() as JSON, no alignment warning."""
    WARNINGS.messages.clear()
    try:
        doc = vnextract.extract(value, reference_date=reference_date)
    except InvalidUTF8Error:
        assert isinstance(value, bytes)
        return
    original = value.decode("utf-8") if isinstance(value, bytes) else value
    check_offsets(doc, original)
    json.dumps(doc.to_dict())
    assert not WARNINGS.messages, WARNINGS.messages


def run_round(source: st.SearchStrategy[Any], examples: int, round_seed: int) -> tuple[int, Any, str | None]:
    """``examples`` inputs from ``source``: (inputs run, minimal failing input, its traceback)."""
    count = 0
    last: list[Any] = [None]

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=False,
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=False,
        print_blob=False,
    )
    @given(source, REFERENCE_DATES)
    def body(value: Any, reference_date: dt.date | None) -> None:
        nonlocal count
        count += 1
        last[0] = (value, reference_date)
        check(value, reference_date)

    try:
        seed(round_seed)(body)()
    except Exception:  # the minimal example is the last one hypothesis ran
        return count, last[0], traceback.format_exc(limit=-4)
    return count, None, None


def where(trace: str) -> str:
    """The innermost vnextract frame of a traceback: what groups failures."""
    frames = [line.strip() for line in trace.splitlines() if line.strip().startswith('File "')]
    inside = [f for f in frames if "/vnextract/" in f] or frames
    return inside[-1] if inside else trace.splitlines()[-1]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--inputs", type=int, default=100_000, help="inputs to run in all (default 100000)")
    parser.add_argument("--round", type=int, default=2_000, help="inputs per hypothesis round")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sources", nargs="*", choices=list(SOURCES), help="sources to use (default: all)")
    args = parser.parse_args()

    vnextract.extract("khởi động")  # load the models before timing
    total, rounds, begin = 0, 0, time.perf_counter()
    sources = {name: SOURCES[name] for name in (args.sources or SOURCES)}
    per_source = dict.fromkeys(sources, 0)
    failures: dict[str, tuple[str, Any, str]] = {}
    while total < args.inputs:
        for name, source in sources.items():
            count, failing, trace = run_round(source, args.round, args.seed * 1_000 + rounds)
            rounds += 1
            total += count
            per_source[name] += count
            if trace is not None:
                key = where(trace)
                if key not in failures or len(repr(failing)) < len(repr(failures[key][1])):
                    failures[key] = (name, failing, trace)
                print(f"round {rounds} ({name}): FAILED at {key}: {failing!r}"[:400], flush=True)
            if total >= args.inputs:
                break
        elapsed = time.perf_counter() - begin
        print(f"{total:,} inputs, {len(failures)} distinct failures, {elapsed:.0f} s", flush=True)

    elapsed = time.perf_counter() - begin
    print(f"\nRESULT: {total:,} inputs in {elapsed:.0f} s ({total / elapsed:.0f}/s); by source: {per_source}")
    if not failures:
        print("RESULT: no exception, no wrong offset, no alignment warning")
        return 0
    print(f"RESULT: {len(failures)} distinct failures")
    for key, (name, failing, trace) in failures.items():
        print(f"\n--- {key}\nsource: {name}\nminimal input: {failing!r}\n{trace}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
