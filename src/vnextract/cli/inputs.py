"""Reading the inputs: text files, JSONL lines (plain or .gz) and standard input.

Each document read is an :class:`Item` (where it came from, its --keep fields, its text); each
bad input a :class:`Problem` naming the file and line, reported and skipped (or recorded)
instead of ending the run.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gzip
import io
import json
import os
import re
import sys
import typing
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any, NamedTuple

from vnextract.cli.errors import InputError


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


def _open_binary(path: str) -> IO[bytes]:
    """The bytes of a file, of a .gz file (decompressed) or of standard input (OSError if not)."""
    if path == "-":
        return sys.stdin.buffer
    handle: Any = gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")  # noqa: SIM115
    return typing.cast("IO[bytes]", handle)


def os_reason(err: OSError) -> str:
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


def input_format(path: str, chosen: str | None) -> str:
    if chosen:
        return chosen
    name = path[:-3] if path.endswith(".gz") else path
    return "jsonl" if name.endswith((".jsonl", ".ndjson")) else "text"


def display_name(path: str) -> str:
    return "<stdin>" if path == "-" else path


def read_text_file(path: str, data: bytes | None = None) -> Iterator[Item | Problem]:
    """The whole file is one document; an unreadable, non-UTF-8 or empty file is a Problem.
    ``data``: the bytes already read (standard input)."""
    name = display_name(path)
    if data is None:
        try:
            with _reading(path) as handle:
                data = handle.read()
        except (OSError, EOFError) as err:  # gzip raises EOFError on a truncated file
            yield Problem(name, f"cannot read: {os_reason(err) if isinstance(err, OSError) else err}")
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


def read_stdin(
    text_key: str, keep: Sequence[str], notes: list[str], date_key: str | None = None
) -> Iterator[Item | Problem]:
    """Standard input without --input-format: JSONL if every non-blank line is a JSON object
    (said once on stderr), refused if only the first lines are, else one text document.

    JSON piped in as text used to be extracted from its raw JSON, silently.
    """
    try:
        data = sys.stdin.buffer.read()
    except OSError as err:
        yield Problem("<stdin>", f"cannot read: {os_reason(err)}")
        return
    jsonl = _looks_like_jsonl(data)
    if jsonl:
        notes.append("standard input is JSONL (every line a JSON object): reading it as --input-format jsonl")
        yield from read_jsonl_file("-", text_key, keep, data, date_key)
    elif jsonl is None:
        yield Problem(
            "<stdin>",
            "starts with JSON objects but not every line is one: choose --input-format jsonl "
            "(bad lines are reported and skipped) or --input-format text (one document)",
        )
    else:
        yield from read_text_file("-", data)


def read_jsonl_file(
    path: str, text_key: str, keep: Sequence[str], data: bytes | None = None, date_key: str | None = None
) -> Iterator[Item | Problem]:
    """Each line an object with a string under ``text_key``: an Item, or a Problem naming the line.
    ``date_key``: the field holding the line's reference date (missing or null: none).

    Lines are split on "\\n" only and decoded one by one, so a line that is not UTF-8 is
    reported and the lines after it are still read. ``data``: the bytes already read (standard
    input found to be JSONL).
    """
    name = display_name(path)
    try:
        handle = io.BytesIO(data) if data is not None else _open_binary(path)
    except OSError as err:  # checked before the run: only if it changed since
        yield Problem(name, f"cannot read: {os_reason(err)}")
        return
    with handle if path != "-" or data is not None else contextlib.nullcontext(handle):
        number = 0
        offset = 0
        documents = 0
        while True:
            try:
                raw = handle.readline()
            except (OSError, EOFError) as err:  # a truncated or damaged .gz file
                reason = os_reason(err) if isinstance(err, OSError) else str(err)
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


def count_lines(paths: Sequence[str]) -> int | None:
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


def check_paths(files: Sequence[str], output: str | None) -> None:
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


def read_inputs(
    files: Sequence[str],
    *,
    chosen_format: str | None,
    text_key: str,
    keep: Sequence[str],
    date_key: str | None,
    say: Callable[[str], None],
) -> Iterator[Item | Problem]:
    """Every document and problem of ``files`` in order; notes (standard input read as JSONL, a
    --keep field that plain text cannot have) are said once, as soon as they are known."""
    notes: list[str] = []
    warned_keep = False
    for path in files:
        kind = input_format(path, chosen_format)
        if path == "-" and chosen_format is None:
            source = read_stdin(text_key, keep, notes, date_key)
        elif kind == "jsonl":
            source = read_jsonl_file(path, text_key, keep, date_key=date_key)
        else:
            source = read_text_file(path)
        for entry in source:
            while notes:
                say(f"vnextract: {notes.pop(0)}")
            if keep and not warned_keep and isinstance(entry, Item) and not entry.kept:
                warned_keep = True  # plain text has no fields: say so once, not per file
                fields = ", ".join(keep)
                say(
                    f"vnextract: warning: --keep {fields}: {display_name(path)} is plain text, which has "
                    "no fields; the column stays empty (JSON lines need --input-format jsonl)"
                )
            yield entry


def expected_documents(files: Sequence[str], chosen_format: str | None) -> int | None:
    """How many documents the progress bar expects: the files, or the lines of JSONL files (None
    when that cannot be told cheaply)."""
    kinds = [input_format(p, chosen_format) for p in files]
    if "jsonl" not in kinds:
        return len(files)
    if all(kind == "jsonl" for kind in kinds):
        return count_lines(files)
    return None
