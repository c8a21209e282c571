"""The output formats of ``vnextract extract``: JSONL, CSV, Parquet, a table for the terminal
and an HTML page, written one document (or one bad input) at a time."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import os
from collections.abc import Sequence
from decimal import Decimal
from typing import IO, Any

from vnextract.cli.inputs import Item, Problem

FORMATS = ("jsonl", "csv", "table", "html", "parquet")

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


def cell(value: Any) -> str:
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
                    self.csv.writerow([cell(full[c]) for c in self.columns])
                else:
                    self.parquet.write(self._typed(full))
        elif self.fmt == "table":
            self.text.write(table_text(item, doc, colour=self.colour))
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
                self.csv.writerow([cell(row.get(c)) for c in self.columns])
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
    return None if value is None else cell(value)


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


def table_text(item: Item, doc: Any, colour: bool = False) -> str:
    """A plain aligned table for reading in a terminal: label, span, text, normalised value."""
    from vnextract.kinds import kind_of
    from vnextract.output.render import describe
    from vnextract.output.rows import kinded_records

    published = f", published {cell(doc.published)}" if doc.published is not None else ""
    lines = [f"== {item.source}  ({len(doc.text)} characters{published})"]
    found = kinded_records(doc)
    # A fine on exactly its money's span already gives the amount ("phạt 504.000.000 VND"): one
    # line, not a FINE and a MONEY line for the same words (the renderer draws one mark too).
    fine_spans = {(fine.start, fine.end) for fine in doc.fines}
    found = [f for f in found if not (f[0] == "money" and (f[1].start, f[1].end) in fine_spans)]
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
