"""The argparse parser of ``vnextract`` and its subcommands, with the option value types."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
from typing import Any

from vnextract import __version__
from vnextract.cli.errors import EXIT_CODES_HELP
from vnextract.cli.extract import run_extract
from vnextract.cli.info import run_info, run_schema
from vnextract.cli.writers import FORMATS
from vnextract.text import MAX_LENGTH


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {value!r}") from None


def _processes(value: str) -> int:
    """--n-process: a whole number >= 1, or -1 for one process per CPU (as pipe() takes it)."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1 and number != -1:
        raise argparse.ArgumentTypeError(f"must be a whole number >= 1, or -1 for one per CPU: {value!r}")
    return number


def _count(value: str) -> int:
    """A whole number >= 0 (thousands may be written 10_000 or 10,000)."""
    try:
        number = int(value.replace(",", ""))
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be a whole number >= 0: {value!r}")
    return number


def build_parser() -> argparse.ArgumentParser:
    """The argparse parser of ``vnextract`` and its subcommands."""
    parser = argparse.ArgumentParser(
        prog="vnextract",
        description="Typed records from Vietnamese text: persons, organisations, places, dates, money, …",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"vnextract {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser(
        "extract",
        help="extract records from text files or JSONL",
        description="Extract records from each input document and write one result per document.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="input files (- or nothing: standard input); .gz files are read compressed",
    )
    p.add_argument(
        "--input-format",
        choices=("text", "jsonl"),
        default=None,
        help="text: each file is one document; jsonl: one JSON object per line "
        "(default: jsonl for *.jsonl / *.ndjson, text otherwise)",
    )
    p.add_argument(
        "--text-key", default="text", metavar="KEY", help="JSONL field holding the text (default: text)"
    )
    p.add_argument(
        "--keep",
        action="append",
        default=[],
        metavar="FIELD",
        help="copy this JSONL input field (e.g. id) into each output object / row; repeatable",
    )
    p.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="jsonl: Document.to_dict() per line; csv: one row per record; parquet: the csv rows "
        "typed (needs pyarrow, vnextract[frames]); table: aligned text for reading; html: highlighted "
        "text (default: from the -o file's suffix: .jsonl .csv .parquet .txt .html; no suffix: jsonl; "
        "another suffix is refused)",
    )
    p.add_argument(
        "--columns",
        metavar="LIST",
        help="CSV columns to write, comma-separated (default: the --keep fields, source, then every "
        "record column: kind,text,start,end,sentence,name,…,value,unit,…)",
    )
    p.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")
    p.add_argument(
        "--n-process",
        type=_processes,
        default=1,
        metavar="N",
        help="worker processes, -1 for one per CPU (default: 1)",
    )
    p.add_argument(
        "--reference-date",
        type=_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="date that relative expressions (hôm qua, tuần trước) count from",
    )
    p.add_argument(
        "--date-key",
        default=None,
        metavar="KEY",
        help="JSONL field holding each document's own reference date (YYYY-MM-DD or an ISO "
        "date-time, e.g. the published date); lines without it use --reference-date",
    )
    p.add_argument(
        "--learned",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="run the learned entity layer after the rules (default); --no-learned: the rules "
        "alone, about 1.7 times faster, a few points less accurate on unseen text",
    )
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on stderr (default: on a terminal, once a run takes over a second)",
    )
    p.add_argument(
        "--on-error",
        choices=("skip", "stop", "record"),
        default="skip",
        help="a bad input (JSONL line that is not an object with a text, file that is empty or not "
        "UTF-8, text over --max-length) is reported on stderr with its line number and skipped "
        "(default), stops the run, or is also recorded in its place in the output "
        '({"source": …, "error": …} in JSONL, a row of kind "error" in CSV); the same with any '
        "--n-process",
    )
    p.add_argument(
        "--max-length",
        type=_count,
        default=MAX_LENGTH,
        metavar="N",
        help=f"a document longer than N characters is a bad input (default {MAX_LENGTH:,}; 0: no limit)",
    )
    p.add_argument(
        "--max-errors",
        type=_count,
        default=100,
        metavar="N",
        help="print at most N bad-input messages, then only their number at the end (default 100)",
    )
    p.set_defaults(func=run_extract, subparser=p)

    p = sub.add_parser("info", help="version, dependencies and the data files with their sources")
    p.set_defaults(func=run_info)

    p = sub.add_parser("schema", help="JSON Schema of the objects `extract --format jsonl` writes")
    p.set_defaults(func=run_schema)

    _add_evaluate(sub)
    return parser


def _add_evaluate(sub: Any) -> None:
    """``vnextract evaluate``: the options and the run of :mod:`vnextract.evaluate`."""
    try:
        evaluate: Any = importlib.import_module("vnextract.evaluate")
    except ImportError:
        return
    p = sub.add_parser(
        "evaluate",
        help="entity precision / recall / F1 against gold JSONL or CoNLL/BIO files",
        description="Entity precision, recall and F1 (exact and overlap, per type) of vnextract on an "
        "annotated file: our gold JSONL, or CoNLL/BIO columns (VLSP 2016, PhoNER_COVID19).",
    )
    evaluate.build_parser(p)
    p.set_defaults(func=evaluate.run)
