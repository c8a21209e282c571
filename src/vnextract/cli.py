"""The ``vnextract`` command line: extract, evaluate, info, schema.

Exit codes (also in ``vnextract --help`` and docs/cli.md):

====  =====================================================================================
0     success: every input document was processed
1     finished, but some input lines or files were bad (or failed) and were skipped
2     usage error, a missing input file, or an output file that cannot be written
3     stopped at a bad input line (``--on-error stop``); everything before it was written
4     an internal error stopped the run (a bug: please report it); output so far is kept
130   interrupted (Ctrl-C)
141   the reader of the output went away (``vnextract extract … | head``)
====  =====================================================================================
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import functools
import gzip
import importlib
import io
import json
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, NamedTuple

from vnextract import __version__

EXIT_OK = 0
EXIT_SKIPPED = 1
EXIT_USAGE = 2
EXIT_STOPPED = 3
EXIT_INTERNAL = 4
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141

EXIT_CODES_HELP = """exit codes:
  0    every input document was processed
  1    finished, but bad input lines or files were reported and skipped (--on-error skip)
  2    usage error, a missing input file, or an output file that cannot be written
  3    stopped at a bad input line (--on-error stop); all output before it was written
  4    an internal error stopped the run (a bug: please report it); output so far is kept
  130  interrupted (Ctrl-C)
  141  the reader of the output went away (e.g. | head)"""

FORMATS = ("jsonl", "csv", "table", "html")


class InputError(Exception):
    """A file that cannot be read at all (exit code 2)."""


class Item(NamedTuple):
    """One input document: where it came from, the fields to copy, its text."""

    source: str  # "article.txt" or "news.jsonl:12"
    kept: dict[str, Any]
    text: str


class Problem(NamedTuple):
    source: str
    message: str


# ----------------------------------------------------------------------------- input


@contextlib.contextmanager
def _open_text(path: str) -> Iterator[IO[str]]:
    """A UTF-8 text stream on a file, a .gz file or standard input (left open)."""
    if path == "-":
        wrapper = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline="")
        try:
            yield wrapper
        finally:
            wrapper.detach()  # do not close the process's stdin
        return
    try:
        binary: Any = gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")  # noqa: SIM115
    except OSError as err:
        raise InputError(f"cannot read {path}: {err.strerror or err}") from None
    with io.TextIOWrapper(binary, encoding="utf-8", newline="") as handle:
        yield handle


def _input_format(path: str, chosen: str | None) -> str:
    if chosen:
        return chosen
    name = path[:-3] if path.endswith(".gz") else path
    return "jsonl" if name.endswith((".jsonl", ".ndjson")) else "text"


def _display(path: str) -> str:
    return "<stdin>" if path == "-" else path


def _read_text_file(path: str, report: Callable[[Problem], bool]) -> Iterator[Item]:
    """The whole file is one document."""
    try:
        with _open_text(path) as handle:
            text = handle.read()
    except UnicodeDecodeError as err:
        report(Problem(_display(path), f"not UTF-8 ({err.reason})"))
        return
    except (OSError, EOFError) as err:  # gzip raises EOFError on a truncated file
        report(Problem(_display(path), f"cannot read ({err})"))
        return
    yield Item(_display(path), {}, text)


def _read_jsonl_file(
    path: str, text_key: str, keep: Sequence[str], report: Callable[[Problem], bool]
) -> Iterator[Item]:
    """Each line an object with a string under ``text_key``; bad lines go to ``report``.

    ``report`` returns False to stop reading (``--on-error stop``).
    """
    name = _display(path)
    with _open_text(path) as handle:
        number = 0
        while True:
            try:
                line = handle.readline()
            except UnicodeDecodeError as err:
                # The decoder cannot resynchronise inside a text stream: stop this file.
                report(
                    Problem(f"{name}:{number + 1}", f"not UTF-8 ({err.reason}); rest of the file not read")
                )
                return
            except (OSError, EOFError) as err:
                report(Problem(f"{name}:{number + 1}", f"cannot read ({err}); rest of the file not read"))
                return
            if not line:
                return
            number += 1
            if not line.strip():
                continue
            where = f"{name}:{number}"
            try:
                data = json.loads(line)
            except json.JSONDecodeError as err:
                problem = Problem(where, f"invalid JSON ({err.msg} at column {err.colno})")
            else:
                if not isinstance(data, dict):
                    problem = Problem(where, f"expected a JSON object, got {type(data).__name__}")
                elif text_key not in data:
                    problem = Problem(where, f"no {text_key!r} key (use --text-key to name the text field)")
                elif not isinstance(data[text_key], str):
                    problem = Problem(where, f"{text_key!r} is {type(data[text_key]).__name__}, not a string")
                else:
                    yield Item(where, {k: data.get(k) for k in keep}, data[text_key])
                    continue
            if not report(problem):
                return


def _count_lines(paths: Sequence[str]) -> int | None:
    """Lines in plain files (a fast byte scan); None when a path is stdin or compressed."""
    total = 0
    for path in paths:
        if path == "-" or path.endswith(".gz") or not os.path.isfile(path):
            return None
        with open(path, "rb") as handle:
            total += sum(chunk.count(b"\n") for chunk in iter(functools.partial(handle.read, 1 << 20), b""))
    return total


# ----------------------------------------------------------------------------- output


def _cell(value: Any) -> str:
    """CSV cell: exact numbers, ISO dates, JSON for lists, empty for None."""
    from vnextract.serialize import decimal_to_json

    if value is None:
        return ""
    if isinstance(value, Decimal):
        return str(decimal_to_json(value))
    if isinstance(value, dt.date):  # datetime too
        return value.isoformat(timespec="minutes") if isinstance(value, dt.datetime) else value.isoformat()
    if isinstance(value, (list, tuple, dict, bool)):  # JSON, not Python's repr ("true", not "True")
        return json.dumps(value, ensure_ascii=False)
    return str(value)


class Writer:
    """Writes documents in one output format to a binary stream."""

    def __init__(
        self, fmt: str, stream: IO[bytes], keep: Sequence[str], columns: Sequence[str] | None = None
    ) -> None:
        self.fmt = fmt
        self.stream = stream
        self.keep = list(keep)
        self.text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)
        self.csv: Any = None
        self.documents = 0
        # Coloured labels in a terminal, as https://no-color.org asks: never when NO_COLOR is set.
        self.colour = fmt == "table" and _isatty(stream) and not os.environ.get("NO_COLOR")
        if fmt == "jsonl":
            import msgspec

            self.encoder = msgspec.json.Encoder()
        elif fmt == "csv":
            from vnextract.frames import COLUMNS

            self.columns = list(columns) if columns else [*self.keep, "source", *COLUMNS]
            self.csv = csv.writer(self.text, lineterminator="\n")
            self.csv.writerow(self.columns)
        elif fmt == "html":
            self.text.write(
                '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>vnextract</title></head>'
                '<body style="margin: 1.5em 2em; background: #fff; color: #1f2328">\n'
            )

    def write(self, item: Item, doc: Any) -> None:
        self.documents += 1
        if self.fmt == "jsonl":
            # The same data as Document.to_dict() (one cattrs converter), encoded by msgspec.
            self.stream.write(self.encoder.encode({**item.kept, **doc.to_dict()}) + b"\n")
        elif self.fmt == "csv":
            from vnextract.frames import record_rows

            for row in record_rows(doc):
                full = {**{k: item.kept.get(k) for k in self.keep}, "source": item.source, **row}
                self.csv.writerow([_cell(full[c]) for c in self.columns])
        elif self.fmt == "table":
            self.text.write(_table(item, doc, colour=self.colour))
        else:
            import html

            from vnextract.render import render

            title = " · ".join([item.source, *(f"{k}={v}" for k, v in item.kept.items())])
            self.text.write(f'<h2 style="font-family: sans-serif">{html.escape(title)}</h2>\n')
            self.text.write(render(doc) + "\n")

    def close(self) -> None:
        if self.fmt == "html":
            self.text.write("</body></html>\n")
        self.text.flush()
        self.text.detach()
        self.stream.flush()


def _width(text: str) -> int:
    import unicodedata

    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text
    )


def _pad(text: str, width: int) -> str:
    if _width(text) > width:
        while _width(text) > width - 1:
            text = text[:-1]
        text += "…"
    return text + " " * (width - _width(text))


def _isatty(stream: IO[bytes]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def _coloured(label: str, hex_colour: str) -> str:
    """The label on its kind's background colour (24-bit ANSI), dark text, padded to 6."""
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"\x1b[48;2;{r};{g};{b}m\x1b[38;2;31;35;40m{label}\x1b[0m" + " " * (6 - len(label))


def _table(item: Item, doc: Any, colour: bool = False) -> str:
    """A plain aligned table for reading in a terminal: label, span, text, normalised value."""
    from vnextract.frames import kinded_records
    from vnextract.render import KINDS, describe

    published = f", published {_cell(doc.published)}" if doc.published is not None else ""
    lines = [f"== {item.source}  ({len(doc.text)} characters{published})"]
    found = kinded_records(doc)
    for kind, record, _extra in found:
        style = KINDS[kind]
        label = _coloured(style.label, style.colour) if colour else _pad(style.label, 6)
        lines.append(
            f"{label} {record.start:>6}-{record.end:<6} "
            f"{_pad(record.text.replace(chr(10), ' '), 40)} {describe(record).replace(chr(10), '; ')}"
        )
    if not found:
        lines.append("(no records)")
    return "\n".join(lines) + "\n\n"


# ----------------------------------------------------------------------------- extract


def _progress(enabled: bool | None, total: int | None) -> Any:
    """A tqdm bar on stderr; by default only on a terminal and only once a run takes > 1 s."""
    from tqdm import tqdm

    auto = enabled is None
    return tqdm(
        total=total,
        unit="doc",
        file=sys.stderr,
        disable=(not sys.stderr.isatty()) if auto else not enabled,
        delay=1.0 if auto else 0.0,
        dynamic_ncols=True,
        leave=True,
    )


def _documents(
    items: Iterator[Item], n_process: int, reference_date: dt.date | None
) -> Iterator[tuple[Item, Any, BaseException | None]]:
    """(item, document or None, error or None), in input order."""
    from vnextract import pipeline

    if n_process == 1:
        for item in items:
            try:
                yield item, pipeline.extract(item.text, reference_date=reference_date), None
            except Exception as err:  # one failing document must not end a long run
                yield item, None, err
        return
    pending: deque[Item] = deque()

    def texts() -> Iterator[str]:
        for item in items:
            pending.append(item)
            yield item.text

    pipe: Any = pipeline.pipe
    for doc in pipe(texts(), n_process=n_process, reference_date=reference_date):
        yield pending.popleft(), doc, None


#: Output file suffix → format, when --format is not given.
SUFFIX_FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".txt": "table",
}


def _output_format(args: argparse.Namespace) -> str:
    if args.format:
        chosen: str = args.format
        return chosen
    return SUFFIX_FORMATS.get(Path(args.output).suffix.lower(), "jsonl") if args.output else "jsonl"


def _columns(args: argparse.Namespace) -> list[str] | None:
    """The CSV columns asked for with --columns, checked against the known ones."""
    if args.columns is None:
        return None
    if args.format != "csv":
        raise _Usage("--columns chooses CSV columns; it needs --format csv")
    from vnextract.frames import COLUMNS

    chosen = [c.strip() for c in args.columns.split(",") if c.strip()]
    known = [*args.keep, "source", *COLUMNS]
    unknown = [c for c in chosen if c not in known]
    if unknown or not chosen:
        raise _Usage(f"unknown --columns {unknown}; choose from {', '.join(known)}")
    return chosen


def _cmd_extract(args: argparse.Namespace) -> int:
    files: list[str] = args.files or ["-"]
    args.format = _output_format(args)
    if "-" in files and sys.stdin.isatty():
        print("vnextract: reading text from standard input (Ctrl-D to end)", file=sys.stderr)
    if args.keep and args.input_format == "text":
        raise _Usage("--keep copies fields of JSONL input; it needs --input-format jsonl")
    from vnextract.records import DOCUMENT_KEYS

    clash = set(args.keep) & {*DOCUMENT_KEYS, "quantities", "published"}
    if clash:
        raise _Usage(f"--keep {sorted(clash)[0]} would overwrite an output key of the same name")

    columns = _columns(args)
    for path in files:
        if path != "-" and not os.path.isfile(path):
            raise InputError(
                f"cannot read {path}: {'is a directory' if os.path.isdir(path) else 'no such file'}"
            )

    problems: list[Problem] = []
    stopped = False

    def report(problem: Problem) -> bool:
        nonlocal stopped
        problems.append(problem)
        action = "skipped" if args.on_error == "skip" else "stopping"
        print(f"vnextract: {problem.source}: {problem.message}; {action}", file=sys.stderr)
        stopped = args.on_error == "stop"
        return not stopped

    def items() -> Iterator[Item]:
        for path in files:
            if stopped:
                return
            if _input_format(path, args.input_format) == "jsonl":
                yield from _read_jsonl_file(path, args.text_key, args.keep, report)
            else:
                yield from _read_text_file(path, report)

    total = None
    if any(_input_format(p, args.input_format) == "jsonl" for p in files):
        if all(_input_format(p, args.input_format) == "jsonl" for p in files):
            total = _count_lines(files)
    else:
        total = len(files)

    with contextlib.ExitStack() as stack:
        if args.output in (None, "-"):
            stream: IO[bytes] = sys.stdout.buffer
        else:
            try:
                stream = stack.enter_context(open(args.output, "wb"))
            except OSError as err:
                raise InputError(f"cannot write {args.output}: {err.strerror or err}") from None
        writer = Writer(args.format, stream, args.keep, columns)
        bar = stack.enter_context(_progress(args.progress, total))
        try:
            for item, doc, error in _documents(items(), args.n_process, args.reference_date):
                bar.update(1)
                if error is not None:
                    # A failure inside extract() is a bug in vnextract, not in the input.
                    if not report(
                        Problem(item.source, f"extraction failed ({type(error).__name__}: {error})")
                    ):
                        break
                    continue
                writer.write(item, doc)
        finally:
            writer.close()
    if stopped:
        return EXIT_STOPPED
    return EXIT_SKIPPED if problems else EXIT_OK


# ----------------------------------------------------------------------------- info, schema


def data_files() -> list[tuple[str, int, list[str], list[str]]]:
    """(file name, entries, header columns, distinct values of its ``source`` column) per .tsv."""
    out = []
    for path in sorted((Path(__file__).parent / "data").glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            header = next(reader, [])
            rows = [row for row in reader if row and not row[0].startswith("#")]
        sources: list[str] = []
        if "source" in header:
            column = header.index("source")
            sources = list(dict.fromkeys(row[column] for row in rows if len(row) > column and row[column]))
        out.append((path.name, len(rows), header, sources))
    return out


def _cmd_info(args: argparse.Namespace) -> int:
    import platform
    from importlib import metadata

    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "not installed"

    print(f"vnextract {__version__}")
    print(f"python {platform.python_version()} ({sys.executable})")
    for dep in (
        "underthesea",
        "underthesea_core",
        "regex",
        "attrs",
        "cattrs",
        "msgspec",
        "pandas",
        "pyarrow",
    ):
        print(f"  {dep} {version(dep)}")
    print("data files (src/vnextract/data):")
    for name, entries, header, sources in data_files():
        print(f"  {name}: {entries} entries (columns: {', '.join(header)})")
        for source in sources[:8]:
            print(f"    source: {source}")
        if len(sources) > 8:
            print(f"    … and {len(sources) - 8} more sources")
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    try:
        schema: Any = importlib.import_module("vnextract.schema")
    except ImportError:
        print("vnextract: no JSON Schema in this build (vnextract.schema is missing)", file=sys.stderr)
        return EXIT_USAGE
    json.dump(schema.json_schema(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK


# ----------------------------------------------------------------------------- parser


class _Usage(Exception):
    """A usage error found after parsing (exit code 2)."""


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
        help="jsonl: Document.to_dict() per line; csv: one row per record; table: aligned text for "
        "reading; html: highlighted text (default: from the -o file's suffix, else jsonl)",
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
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on stderr (default: on a terminal, once a run takes over a second)",
    )
    p.add_argument(
        "--on-error",
        choices=("skip", "stop"),
        default="skip",
        help="a bad JSONL line is reported with its line number and skipped (default), or stops the run",
    )
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser("info", help="version, dependencies and the data files with their sources")
    p.set_defaults(func=_cmd_info)

    p = sub.add_parser("schema", help="JSON Schema of the objects `extract --format jsonl` writes")
    p.set_defaults(func=_cmd_schema)

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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (see the module docstring).

    ``main(["extract", "bai_bao.txt", "--format", "table"])`` prints the records of bai_bao.txt
    ("bài báo" = newspaper article) as a table.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
    except _Usage as err:
        parser.error(str(err))  # exits with 2
    except InputError as err:
        print(f"vnextract: {err}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("vnextract: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # Python flushes stdout again at exit: point it at /dev/null so that is quiet too.
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except Exception as err:  # a bug: say so in one line, output so far is kept
        if os.environ.get("VNEXTRACT_DEBUG"):
            raise
        print(f"vnextract: internal error, please report it: {type(err).__name__}: {err}", file=sys.stderr)
        return EXIT_INTERNAL
    return code


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.default_int_handler)
    sys.exit(main())
