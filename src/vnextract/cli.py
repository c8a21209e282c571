"""The ``vnextract`` command line: extract, evaluate, info, schema.

Exit codes (also in ``vnextract --help`` and docs/cli.md):

====  =====================================================================================
0     success: every input document was processed
1     finished, but some input lines or files were bad (or failed) and were skipped
2     usage error, a missing or unreadable input file, or an output that cannot be written
3     stopped at a bad input line (``--on-error stop``); everything before it was written
4     an internal error stopped the run (a bug: please report it), or a worker process died;
      output so far is kept
130   interrupted (Ctrl-C); output so far is kept
141   the reader of the output went away (``vnextract extract … | head``)
143   terminated (SIGTERM); output so far is kept
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
import re
import signal
import sys
import threading
import typing
from collections import deque
from collections.abc import Generator, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, NamedTuple

from vnextract import __version__
from vnextract.text import MAX_LENGTH

EXIT_OK = 0
EXIT_SKIPPED = 1
EXIT_USAGE = 2
EXIT_STOPPED = 3
EXIT_INTERNAL = 4
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141
EXIT_TERMINATED = 143  # 128 + SIGTERM, as a shell reports a process SIGTERM killed

EXIT_CODES_HELP = """exit codes:
  0    every input document was processed
  1    finished, but bad input lines or files were reported and skipped (--on-error skip)
  2    usage error, a missing or unreadable input file, or an output that cannot be written
  3    stopped at a bad input line (--on-error stop); all output before it was written
  4    an internal error stopped the run (a bug: please report it), or a worker process died;
       output so far is kept
  130  interrupted (Ctrl-C); output so far is kept
  141  the reader of the output went away (e.g. | head)
  143  terminated (SIGTERM, as from kill or a job scheduler); output so far is kept"""

FORMATS = ("jsonl", "csv", "table", "html", "parquet")


class InputError(Exception):
    """A file that cannot be read at all, or an output that cannot be opened (exit code 2)."""


class OutputError(InputError):
    """Writing the output failed during the run (exit code 2); what was written is kept."""

    def __init__(self, message: str, to_stdout: bool) -> None:
        super().__init__(message)
        self.to_stdout = to_stdout


def _close_quietly(stream: IO[bytes]) -> None:
    with contextlib.suppress(OSError):
        stream.close()


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so Python's own flush at exit fails no more."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


class Item(NamedTuple):
    """One input document: where it came from, the fields to copy, its text."""

    source: str  # "article.txt" or "news.jsonl:12"
    kept: dict[str, Any]
    text: str
    reference_date: dt.date | None = None  # the line's own date (--date-key), else --reference-date


class Problem(NamedTuple):
    """A bad input: where ("news.jsonl:3"), what is wrong, and its --keep fields when known.

    ``repeat`` names problems that come once per line when an option is wrong (``"no 'body'
    key"``): only the first is printed in full, the rest are counted.
    """

    source: str
    message: str
    kept: dict[str, Any] | None = None
    repeat: str | None = None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(value: Any) -> Any:
    """``value`` (a JSON value) with lone surrogates replaced by U+FFFD: --keep fields must be
    writable as UTF-8 whatever the input held."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    return value


# ----------------------------------------------------------------------------- input


def _open_binary(path: str) -> IO[bytes]:
    """The bytes of a file, of a .gz file (decompressed) or of standard input (OSError if not)."""
    if path == "-":
        return sys.stdin.buffer
    handle: Any = gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")  # noqa: SIM115
    return typing.cast("IO[bytes]", handle)


def _os_reason(err: OSError) -> str:
    """The OS's words for ``err`` in lower case: "no such file", "permission denied", …"""
    reason = err.strerror or str(err)
    return reason[:1].lower() + reason[1:]


@contextlib.contextmanager
def _reading(path: str) -> Iterator[IO[bytes]]:
    """:func:`_open_binary`, closed afterwards (standard input is left open)."""
    handle = _open_binary(path)
    try:
        yield handle
    finally:
        if path != "-":
            handle.close()


def _not_utf8(data: bytes, err: UnicodeDecodeError, offset: int = 0) -> str:
    """'not UTF-8: byte 0xea at offset 2 (invalid continuation byte)' for a decoding error."""
    return (
        f"not UTF-8: byte {data[err.start]:#04x} at offset {offset + err.start} ({err.reason}); "
        "convert it first, e.g. iconv -f cp1258 -t utf-8"
    )


def _input_format(path: str, chosen: str | None) -> str:
    if chosen:
        return chosen
    name = path[:-3] if path.endswith(".gz") else path
    return "jsonl" if name.endswith((".jsonl", ".ndjson")) else "text"


def _display(path: str) -> str:
    return "<stdin>" if path == "-" else path


def _read_text_file(path: str, data: bytes | None = None) -> Iterator[Item | Problem]:
    """The whole file is one document; an unreadable, non-UTF-8 or empty file is a Problem.
    ``data``: the bytes already read (standard input)."""
    name = _display(path)
    if data is None:
        try:
            with _reading(path) as handle:
                data = handle.read()
        except (OSError, EOFError) as err:  # gzip raises EOFError on a truncated file
            yield Problem(name, f"cannot read: {_os_reason(err) if isinstance(err, OSError) else err}")
            return
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        yield Problem(name, _not_utf8(data, err))
        return
    if not text.strip():
        what = "only whitespace" if text else "empty input" if path == "-" else "empty file"
        yield Problem(name, f"{what}: no text to extract")
        return
    yield Item(name, {}, text)


def _read_stdin(
    text_key: str, keep: Sequence[str], notes: list[str], date_key: str | None = None
) -> Iterator[Item | Problem]:
    """Standard input without --input-format: JSONL if every non-blank line is a JSON object
    (said once on stderr), refused if only the first lines are, else one text document.

    JSON piped in as text used to be extracted from its raw JSON, silently.
    """
    try:
        data = sys.stdin.buffer.read()
    except OSError as err:
        yield Problem("<stdin>", f"cannot read: {_os_reason(err)}")
        return
    jsonl = _looks_like_jsonl(data)
    if jsonl:
        notes.append("standard input is JSONL (every line a JSON object): reading it as --input-format jsonl")
        yield from _read_jsonl_file("-", text_key, keep, data, date_key)
    elif jsonl is None:
        yield Problem(
            "<stdin>",
            "starts with JSON objects but not every line is one: choose --input-format jsonl "
            "(bad lines are reported and skipped) or --input-format text (one document)",
        )
    else:
        yield from _read_text_file("-", data)


def _read_jsonl_file(
    path: str, text_key: str, keep: Sequence[str], data: bytes | None = None, date_key: str | None = None
) -> Iterator[Item | Problem]:
    """Each line an object with a string under ``text_key``: an Item, or a Problem naming the line.
    ``date_key``: the field holding the line's reference date (missing or null: none).

    Lines are split on "\\n" only and decoded one by one, so a line that is not UTF-8 is
    reported and the lines after it are still read. ``data``: the bytes already read (standard
    input found to be JSONL).
    """
    name = _display(path)
    try:
        handle = io.BytesIO(data) if data is not None else _open_binary(path)
    except OSError as err:  # checked before the run: only if it changed since
        yield Problem(name, f"cannot read: {_os_reason(err)}")
        return
    with handle if path != "-" or data is not None else contextlib.nullcontext(handle):
        number = 0
        offset = 0
        documents = 0
        while True:
            try:
                raw = handle.readline()
            except (OSError, EOFError) as err:  # a truncated or damaged .gz file
                reason = _os_reason(err) if isinstance(err, OSError) else str(err)
                yield Problem(f"{name}:{number + 1}", f"cannot read: {reason}; rest of the file not read")
                return
            if not raw:
                break
            number += 1
            where = f"{name}:{number}"
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                yield Problem(where, _not_utf8(raw, err, offset))
                offset += len(raw)
                continue
            offset += len(raw)
            if number == 1:
                line = line.removeprefix("\ufeff")  # a byte order mark, as Windows editors write
            if not line.strip():
                continue
            documents += 1
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                # json's own words may end in "at" ("Unterminated string starting at")
                yield Problem(where, f"invalid JSON ({err.msg.removesuffix(' at')} at column {err.colno})")
                continue
            if not isinstance(obj, dict):
                yield Problem(where, f"expected a JSON object, got {_json_type(obj)}")
                continue
            kept = {k: _without_surrogates(obj.get(k)) for k in keep}
            if text_key not in obj:
                keys = ", ".join(map(str, _without_surrogates(list(obj)[:8]))) or "none"
                missing = f"no {text_key!r} key"
                yield Problem(
                    where, f"{missing} (keys: {keys}; use --text-key to name the text field)", kept, missing
                )
            elif not isinstance(obj[text_key], str):
                yield Problem(where, f"{text_key!r} is {_json_type(obj[text_key])}, not a string", kept)
            elif (surrogate := _SURROGATE.search(obj[text_key])) is not None:
                yield Problem(where, _surrogate_message(text_key, obj[text_key], surrogate.start()), kept)
            elif date_key is not None and obj.get(date_key) is not None:
                date = _line_date(obj[date_key])
                if date is None:
                    value = _without_surrogates(obj[date_key])
                    reason = f"{date_key!r} is not a date (YYYY-MM-DD, or an ISO date-time): {value!r}"
                    yield Problem(where, reason, kept)
                else:
                    yield Item(where, kept, obj[text_key], date)
            else:
                yield Item(where, kept, obj[text_key])
    if documents == 0:
        what = "empty input" if path == "-" else "empty file"
        yield Problem(name, f"{what}: no JSON lines" if number == 0 else "no JSON lines, only blank ones")


_LINE_DATE = re.compile(r"(\d{4}-\d\d-\d\d)(?:[T ]\S.*)?")


def _line_date(value: Any) -> dt.date | None:
    """The date of a JSONL date field: "2026-08-20", or the day of "2026-08-20T07:30:00+07:00"."""
    match = _LINE_DATE.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:  # "2026-02-30"
        return None


def _surrogate_message(text_key: str, text: str, at: int) -> str:
    """What to say about a text holding a lone surrogate (from an escape such as "\\ud800")."""
    return (
        f"{text_key!r} holds a lone surrogate U+{ord(text[at]):04X} at character {at} (a JSON escape "
        "\"\\ud800\" without its pair), which UTF-8 cannot hold; fix the source, or replace them "
        "with vnextract.replace_surrogates()"
    )


def _looks_like_jsonl(data: bytes) -> bool | None:
    """True if every non-blank line of ``data`` is a JSON object; None if the first one is and
    a later one is not (mixed: ask the user); False otherwise."""
    lines = [line for line in data.splitlines() if line.strip()]
    if not lines or not lines[0].lstrip().lstrip(b"\xef\xbb\xbf").startswith(b"{"):
        return False
    for number, line in enumerate(lines):
        try:
            if isinstance(json.loads(line.decode("utf-8").removeprefix("\ufeff")), dict):
                continue
        except (UnicodeDecodeError, json.JSONDecodeError):
            pass
        return None if number else False
    return True


def _json_type(value: Any) -> str:
    """The JSON name of a parsed value's type: object, array, string, number, true/false, null."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    names = {dict: "an object", list: "an array", str: "a string", int: "a number", float: "a number"}
    return names.get(type(value), type(value).__name__)


def _count_lines(paths: Sequence[str]) -> int | None:
    """Lines in plain files (a fast byte scan); None when a path is stdin or compressed."""
    total = 0
    for path in paths:
        if path == "-" or path.endswith(".gz") or not os.path.isfile(path):
            return None
        last = b"\n"
        with open(path, "rb") as handle:
            for chunk in iter(functools.partial(handle.read, 1 << 20), b""):
                total += chunk.count(b"\n")
                last = chunk[-1:]
        total += last != b"\n"  # a last line without its newline
    return total


# ----------------------------------------------------------------------------- output


def _cell(value: Any) -> str:
    """CSV cell: exact numbers, ISO dates, JSON for lists, empty for None."""
    from vnextract.output.serialize import decimal_to_json

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
        elif fmt in ("csv", "parquet"):
            from vnextract.output.rows import COLUMNS, ParquetRecordWriter

            self.columns = list(columns) if columns else [*self.keep, "source", *COLUMNS]
            if fmt == "csv":
                self.csv = csv.writer(self.text, lineterminator="\n")
                self.csv.writerow(self.columns)
            else:
                self.parquet = ParquetRecordWriter(stream, self.columns, leading=[*self.keep, "source"])
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
        elif self.fmt in ("csv", "parquet"):
            from vnextract.output.rows import record_rows

            for row in record_rows(doc):
                full = {**{k: item.kept.get(k) for k in self.keep}, "source": item.source, **row}
                if self.csv is not None:
                    self.csv.writerow([_cell(full[c]) for c in self.columns])
                else:
                    self.parquet.write(self._typed(full))
        elif self.fmt == "table":
            self.text.write(_table(item, doc, colour=self.colour))
        else:
            import html

            from vnextract.output.render import render

            title = " · ".join([item.source, *(f"{k}={v}" for k, v in item.kept.items())])
            self.text.write(f'<h2 style="font-family: sans-serif">{html.escape(title)}</h2>\n')
            self.text.write(render(doc) + "\n")

    def _typed(self, row: dict[str, Any]) -> dict[str, Any]:
        """A Parquet row: record values as they are (typed by the writer), --keep fields as text."""
        return {c: _kept_cell(row.get(c)) if c in self.keep else row.get(c) for c in self.columns}

    def write_error(self, problem: Problem) -> None:
        """A bad input in its place in the output (``--on-error record``)."""
        kept = problem.kept or {}
        if self.fmt == "jsonl":
            record = {**kept, "source": problem.source, "error": problem.message}
            self.stream.write(self.encoder.encode(record) + b"\n")
        elif self.fmt in ("csv", "parquet"):
            full = {**{k: kept.get(k) for k in self.keep}, "source": problem.source}
            row = {**full, "kind": "error", "text": problem.message}
            if self.csv is not None:
                self.csv.writerow([_cell(row.get(c)) for c in self.columns])
            else:
                self.parquet.write(self._typed(row))
        elif self.fmt == "table":
            self.text.write(f"== {problem.source}\nERROR  {problem.message}\n\n")
        else:
            import html

            title = " · ".join([problem.source, *(f"{k}={v}" for k, v in kept.items())])
            self.text.write(f'<h2 style="font-family: sans-serif">{html.escape(title)}</h2>\n')
            message = html.escape(problem.message)
            self.text.write(f'<p style="font-family: sans-serif; color: #b42318">error: {message}</p>\n')

    def close(self) -> None:
        """Finish the output and flush it; the stream itself stays open (it may be stdout)."""
        try:
            if self.fmt == "html":
                self.text.write("</body></html>\n")
            if self.fmt == "parquet":
                self.parquet.close()  # the footer: a Parquet file is unreadable without it
            self.text.flush()
        finally:
            if not self.text.closed:
                with contextlib.suppress(ValueError):
                    self.text.detach()  # else the wrapper would close the stream when collected
        self.stream.flush()


def _kept_cell(value: Any) -> str | None:
    """A --keep field in a Parquet string column: as the CSV has it (numbers as text, lists JSON)."""
    return None if value is None else _cell(value)


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
    from vnextract.kinds import kind_of
    from vnextract.output.render import describe
    from vnextract.output.rows import kinded_records

    published = f", published {_cell(doc.published)}" if doc.published is not None else ""
    lines = [f"== {item.source}  ({len(doc.text)} characters{published})"]
    found = kinded_records(doc)
    for kind, record, _extra in found:
        style = kind_of(kind)
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


def _results(
    entries: Iterator[Item | Problem],
    *,
    n_process: int,
    reference_date: dt.date | None,
    max_length: int | None,
    stop_at_problem: bool,
    learned: bool = True,
) -> Generator[tuple[Item | Problem, Any], None, None]:
    """(item, Document or PipeError) and (problem, None), in input order, for any n_process.

    One process or several, the documents come from the same engine (the one behind
    ``vnextract.pipe``) with ``return_exceptions=True``: a text that fails comes back in its
    place, so ``--on-error`` acts on it the same way whatever ``--n-process`` is. Problems met
    while reading (a bad JSONL line) wait in ``order`` until the documents read before them are
    out. With ``stop_at_problem`` nothing after the first problem is read.
    """
    from vnextract import parallel
    from vnextract.pipeline import pipe

    order: deque[Item | Problem] = deque()
    sent: dict[int, Item] = {}  # the engine's index of each text in flight → its item
    # Each text's reference date: the engine reads it right after the text (in step), so the
    # one date texts() has just put here is the one it takes.
    pending: deque[dt.date | None] = deque()

    def texts() -> Iterator[tuple[str, Item]]:
        for entry in entries:
            order.append(entry)
            if isinstance(entry, Problem):
                if stop_at_problem:
                    return
                continue
            sent[len(sent) + done] = entry
            pending.append(entry.reference_date or reference_date)
            yield entry.text, entry

    def dates() -> Iterator[dt.date | None]:
        while pending:
            yield pending.popleft()

    done = 0

    engine: Iterator[tuple[Any, Item]] = pipe(
        texts(),
        n_process=n_process,
        as_tuples=True,
        reference_dates=dates(),
        return_exceptions=True,
        max_length=max_length,
        learned=learned,
    )
    try:
        for doc, item in engine:
            while order[0] is not item:  # problems read before this document
                yield order.popleft(), None
            order.popleft()
            del sent[done]
            done += 1
            yield item, doc
        while order:
            yield order.popleft(), None
    except parallel.PipeError as err:  # a worker died: name the document, not the engine's index
        on = sent.get(err.index) if err.index is not None else None
        raise WorkerDied(_worker_death(str(err), on)) from err
    finally:
        close = getattr(engine, "close", None)
        if close is not None:
            close()  # stops the worker processes when the caller stops early


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived: unwound like Ctrl-C (workers stopped, output flushed), exit code 143."""


def _terminate(signum: int, frame: Any) -> None:
    raise Terminated


class WorkerDied(Exception):
    """A worker process of --n-process died (exit code 4)."""


def _worker_death(message: str, item: Item | None) -> str:
    """The engine's message about a dead worker, with the document's source for its index."""
    import re

    message = re.sub(r" \(texts #\d+–#\d+ were in its batch\)", "", message)
    if item is not None:
        message = re.sub(r"text #\d+", item.source, message)
    if "(exit code -9)" in message:
        message = message.replace("(exit code -9)", "(exit code -9: killed, perhaps for lack of memory)")
    return f"{message}; output so far is kept"


def _failure(error: Any) -> str:
    """What to say about a document extract() refused or failed on."""
    from vnextract.errors import InputError as TextInputError
    from vnextract.errors import TextTooLongError

    cause = error.__cause__
    if isinstance(cause, TextTooLongError):
        return f"text too long ({cause.length:,} characters, more than --max-length {cause.max_length:,})"
    if isinstance(cause, TextInputError):  # the text's fault (a lone surrogate, bytes not UTF-8)
        return str(cause)
    # Anything else inside extract() is a bug in vnextract, not in the input.
    return f"extraction failed ({error.reason})"


def _check_paths(files: Sequence[str], output: str | None) -> None:
    """Every input readable (a file, or a pipe such as <(zcat …)), the output not one of them.

    Raises InputError (exit 2) before anything is written.
    """
    for path in files:
        if path == "-":
            continue
        if os.path.isdir(path):
            raise InputError(f"cannot read {path}: is a directory (name the files in it, e.g. {path}/*.txt)")
        if not os.path.exists(path):
            raise InputError(f"cannot read {path}: no such file")
        if not os.access(path, os.R_OK):
            raise InputError(f"cannot read {path}: permission denied")
    if output not in (None, "-") and os.path.exists(output):
        for path in files:
            if path != "-" and os.path.samefile(path, output):
                raise InputError(f"-o {output} is also an input file: writing it would destroy the input")


#: Output file suffix → format, when --format is not given.
SUFFIX_FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".txt": "table",
    ".parquet": "parquet",
}


def _output_format(args: argparse.Namespace) -> str:
    """--format, else the format the -o file's suffix names (none: JSONL); an unknown suffix is
    refused rather than written as JSONL under a misleading name."""
    if args.format:
        chosen: str = args.format
        return chosen
    if args.output in (None, "-"):
        return "jsonl"
    suffix = Path(args.output).suffix.lower()
    if not suffix:
        return "jsonl"
    if suffix not in SUFFIX_FORMATS:
        known = ", ".join(SUFFIX_FORMATS)
        raise _Usage(f"-o {args.output}: no output format for {suffix!r} (known: {known}); or use --format")
    return SUFFIX_FORMATS[suffix]


def _columns(args: argparse.Namespace) -> list[str] | None:
    """The CSV columns asked for with --columns, checked against the known ones."""
    if args.columns is None:
        return None
    if args.format not in ("csv", "parquet"):
        raise _Usage("--columns chooses CSV or Parquet columns; it needs --format csv or parquet")
    from vnextract.output.rows import COLUMNS

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
    if args.format == "parquet" and args.output in (None, "-"):
        raise _Usage("Parquet is written to a file: give -o FILE.parquet")
    from vnextract.kinds import DOCUMENT_FIELDS

    output_keys = {*DOCUMENT_FIELDS, "published"}
    if args.on_error == "record":
        output_keys |= {"source", "error"}
    clash = set(args.keep) & output_keys
    if clash:
        raise _Usage(f"--keep {sorted(clash)[0]} would overwrite an output key of the same name")

    columns = _columns(args)
    _check_paths(files, args.output)

    stop = args.on_error == "stop"
    shown = 0
    problems = 0
    repeated: dict[str, int] = {}  # Problem.repeat -> how many were not printed

    bar_shown = False

    def say(message: str) -> None:
        if bar_shown:  # above the progress bar, which is drawn again below it
            from tqdm import tqdm

            tqdm.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)

    def report(problem: Problem) -> None:
        nonlocal shown, problems
        problems += 1
        if problem.repeat is not None and problem.repeat in repeated:
            repeated[problem.repeat] += 1  # said once already, with the keys seen
            return
        if problem.repeat is not None:
            repeated[problem.repeat] = 0
        if shown < args.max_errors or stop:
            shown += 1
            action = {"stop": "stopping", "skip": "skipped", "record": "recorded"}[args.on_error]
            say(f"vnextract: {problem.source}: {problem.message}; {action}")

    notes: list[str] = []  # said once on stderr, as soon as they are known
    warned_keep = False

    def entries() -> Iterator[Item | Problem]:
        nonlocal warned_keep
        for path in files:
            kind = _input_format(path, args.input_format)
            if path == "-" and args.input_format is None:
                source = _read_stdin(args.text_key, args.keep, notes, args.date_key)
            elif kind == "jsonl":
                source = _read_jsonl_file(path, args.text_key, args.keep, date_key=args.date_key)
            else:
                source = _read_text_file(path)
            for entry in source:
                while notes:
                    say(f"vnextract: {notes.pop(0)}")
                if args.keep and not warned_keep and isinstance(entry, Item) and not entry.kept:
                    warned_keep = True  # plain text has no fields: say so once, not per file
                    fields = ", ".join(args.keep)
                    say(
                        f"vnextract: warning: --keep {fields}: {_display(path)} is plain text, which has "
                        "no fields; the column stays empty (JSON lines need --input-format jsonl)"
                    )
                yield entry

    total = None
    if any(_input_format(p, args.input_format) == "jsonl" for p in files):
        if all(_input_format(p, args.input_format) == "jsonl" for p in files):
            total = _count_lines(files)
    else:
        total = len(files)

    to_stdout = args.output in (None, "-")
    where = "standard output" if to_stdout else args.output
    with contextlib.ExitStack() as stack:
        if to_stdout:
            stream: IO[bytes] = sys.stdout.buffer
        else:
            try:
                stream = open(args.output, "wb")  # noqa: SIM115 (closed by the stack)
            except OSError as err:
                raise InputError(f"cannot write {args.output}: {_os_reason(err)}") from None
            # Quietly: after a failed write (a full disk) closing fails the same way, and that
            # was reported already; after a good run Writer.close() has flushed everything.
            stack.callback(_close_quietly, stream)
        bar = stack.enter_context(_progress(args.progress, total))
        bar_shown = not bar.disable
        results = _results(
            entries(),
            n_process=args.n_process,
            reference_date=args.reference_date,
            max_length=args.max_length or None,
            stop_at_problem=stop,
            learned=args.learned,
        )
        stack.callback(results.close)  # stops the workers however the loop ends
        try:
            writer = Writer(args.format, stream, args.keep, columns)
            try:
                for entry, doc in results:
                    bar.update(1)
                    if isinstance(entry, Problem):
                        problem = entry
                    elif not isinstance(doc, Exception):
                        writer.write(entry, doc)
                        continue
                    else:
                        problem = Problem(entry.source, _failure(doc), entry.kept)
                    report(problem)
                    if stop:
                        break
                    if args.on_error == "record":
                        writer.write_error(problem)
            except BaseException:
                with contextlib.suppress(OSError, ValueError):
                    writer.close()  # keep what was written; the first error is the one to tell
                raise
            writer.close()
            if bar.total is not None and bar.n < bar.total and not (stop and problems):
                bar.total = bar.n  # blank lines were counted as lines: end the bar at 100 %
                bar.refresh()
        except BrokenPipeError:
            raise
        except OSError as err:  # a full disk, a quota, a network file system gone
            raise OutputError(f"cannot write {where}: {_os_reason(err)}", to_stdout) from None
    for repeat, more in repeated.items():
        if more:
            print(f"vnextract: {more:,} more inputs with {repeat} (not shown)", file=sys.stderr)
    hidden = problems - shown - sum(repeated.values())
    if hidden > 0:
        print(
            f"vnextract: {problems:,} inputs skipped in all ({hidden:,} not shown; see --max-errors)",
            file=sys.stderr,
        )
    if problems and stop:
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


def _segmentation() -> str:
    """Which word segmentation runs: underthesea's model computed by vnextract, or, for a model
    vnextract does not reproduce, underthesea's own tagger (same words, about 3x slower)."""
    from vnextract import _underthesea, word_segmenter

    _underthesea._warm()
    model = word_segmenter.MODEL_DIR.name
    if _underthesea._segmenter is not None:
        return f"underthesea's CRF model {model}, tags computed by vnextract.word_segmenter"
    return f"underthesea's own word_tokenize (its model is not {model} with the known features)"


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
    print(f"word segmentation: {_segmentation()}")
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
        schema: Any = importlib.import_module("vnextract.output.schema")
    except ImportError:
        print("vnextract: no JSON Schema in this build (vnextract.output.schema is missing)", file=sys.stderr)
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
    p.set_defaults(func=_cmd_extract, subparser=p)

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
    # SIGTERM's default ends the process at once: output still in a buffer would be lost and
    # worker processes left to notice alone. As an exception it unwinds like Ctrl-C does.
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        code: int = args.func(args)
    except _Usage as err:
        # The usage line of the subcommand (vnextract extract …), then the error; exits with 2.
        getattr(args, "subparser", parser).error(str(err))
    except InputError as err:
        if isinstance(err, OutputError) and err.to_stdout:
            _silence_stdout()
        print(f"vnextract: {err}", file=sys.stderr)
        return EXIT_USAGE
    except WorkerDied as err:
        print(f"vnextract: {err}", file=sys.stderr)
        return EXIT_INTERNAL
    except Terminated:
        print("vnextract: terminated (SIGTERM); output so far is kept", file=sys.stderr)
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        print("vnextract: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # Python flushes stdout again at exit: point it at /dev/null so that is quiet too.
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except Exception as err:  # a bug: say so in one line, output so far is kept
        if os.environ.get("VNEXTRACT_DEBUG"):
            raise
        print(f"vnextract: internal error, please report it: {type(err).__name__}: {err}", file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return code


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.default_int_handler)
    sys.exit(main())
