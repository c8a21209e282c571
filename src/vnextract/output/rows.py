"""Rows of records: one dict per record (a person's titles included), the columns derived from
the record classes, a typed pandas DataFrame of one document, and a Parquet writer of rows.

``Document.to_frame()`` and the CLI's CSV and Parquet output are built on :func:`record_rows`;
the columns of :data:`COLUMNS` are derived from the record classes of the registry
(:mod:`vnextract.kinds`) so that a field added to a record shows up as a column. Tables of many
documents (:func:`vnextract.to_frame`, :func:`vnextract.to_arrow`) are in
:mod:`vnextract.output.frames`, which is above :mod:`vnextract.document`; this module is below it (it
takes a Document and never imports that module).

pandas and pyarrow are the optional extra ``vnextract[frames]``; :func:`record_rows` needs
neither.
"""

from __future__ import annotations

import bisect
import datetime as dt
import importlib
import json
import types
import typing
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from vnextract.kinds import DRAW_ORDER, KINDS
from vnextract.records import Event, Fine, Party, Person, Span

if TYPE_CHECKING:
    from vnextract.document import Document

__all__ = ["COLUMNS", "ParquetRecordWriter", "document_to_frame", "kinded_records", "record_rows"]

#: Row kind → record class, for every kind of the registry (titles are rows too: they live in
#: their persons).
KIND_CLASSES: dict[str, type[Span]] = {kind.name: kind.record for kind in KINDS}
#: Row kind → the Document attribute holding such records, for the kinds a Document holds.
_DOCUMENT_FIELDS: dict[str, str] = {kind.name: kind.field for kind in KINDS if kind.in_document}

#: Columns every row has; a record field with one of these names gets its kind as prefix
#: (Location.kind → "location_kind").
BASE_COLUMNS: tuple[str, ...] = ("kind", "text", "start", "end", "sentence")
# Columns that flatten nested records: a title row names its person; a fine row carries its
# money's fields (amount, currency, …) and its violation count's surface and value; an event row
# its money's fields too, its target's kind, its term's and its date's ISO values.
_EXTRA_COLUMNS: dict[str, type] = {
    "person": str,
    "violations_value": int,
    "target_kind": str,
    "term_iso": str,
    "date_iso": str,
}
_FLATTENED = {(Fine, "money"), (Event, "money")}
# Ties (same span) in the order kinds are drawn: a fine before the money it is made of.
_KIND_ORDER = {kind: i for i, kind in enumerate(DRAW_ORDER)}


def _column_name(cls: type[Span], field: str) -> str:
    kind = next(k for k, c in KIND_CLASSES.items() if c is cls)
    return f"{kind}_{field}" if field in BASE_COLUMNS or field in _EXTRA_COLUMNS else field


def _record_class(hint: Any) -> Any:
    """The record class of a field's type: ``Money`` of ``Money | None`` (an event's money)."""
    members = [m for m in typing.get_args(hint) if m is not type(None)]
    return members[0] if members else hint


def _derive_columns() -> dict[str, Any]:
    """Column name → the field type it holds, from the attrs fields of every record class."""
    columns: dict[str, Any] = {"kind": str, "text": str, "start": int, "end": int, "sentence": int}
    for cls in KIND_CLASSES.values():
        hints = typing.get_type_hints(cls)
        for field in attrs.fields(cls):
            if field.name in ("text", "start", "end"):
                continue
            if (cls, field.name) in _FLATTENED:
                nested = _record_class(hints[field.name])
                for inner in attrs.fields(nested):
                    if inner.name not in ("text", "start", "end"):
                        columns.setdefault(inner.name, typing.get_type_hints(nested)[inner.name])
            columns.setdefault(_column_name(cls, field.name), hints[field.name])
    columns.update(_EXTRA_COLUMNS)
    return columns


_COLUMN_TYPES: dict[str, Any] = _derive_columns()
#: Every column of :func:`document_to_frame` and of the CLI's CSV, in order.
COLUMNS: tuple[str, ...] = tuple(_COLUMN_TYPES)


def party_label(party: Party) -> str:
    """Who a Party is, for a reader: the name of the record it is a mention of ("Trần Văn Hùng"
    for "Hùng" in the clause, the court of the case for a bare "HĐXX"), else its own words."""
    return party.name or party.text


def _flat(value: Any) -> Any:
    """A cell: nested records become their surface text (a Party its record's name: see
    :func:`party_label`), tuples of them lists of texts."""
    if isinstance(value, Party):
        return party_label(value)
    if isinstance(value, Span):
        return value.text
    if isinstance(value, tuple):
        return [_flat(v) for v in value]
    return value


def _fields(record: Span) -> dict[str, Any]:
    cls = type(record)
    row: dict[str, Any] = {}
    for field in attrs.fields(cls):
        if field.name in ("text", "start", "end"):
            continue
        value = getattr(record, field.name)
        if (cls, field.name) in _FLATTENED and value is not None:
            row.update(_fields(value))
        row[_column_name(cls, field.name)] = _flat(value)
    return row


def kinded_records(doc: Document) -> list[tuple[str, Span, dict[str, Any]]]:
    """(kind, record, extra columns) for every record, persons' titles included, in text order.

    >>> from vnextract.document import Document
    >>> from vnextract.records import Count
    >>> doc = Document(text="Tuyên dương 13 tập thể",
    ...                counts=(Count(text="13 tập thể", start=12, end=22, value=13, unit="tập thể"),))
    >>> [(kind, record.text) for kind, record, _extra in kinded_records(doc)]
    [('count', '13 tập thể')]
    """
    found: list[tuple[str, Span, dict[str, Any]]] = []
    for kind, attribute in _DOCUMENT_FIELDS.items():
        for record in getattr(doc, attribute):
            found.append((kind, record, {}))
            if isinstance(record, Person):
                found.extend(("title", title, {"person": record.name}) for title in record.titles)
    found.sort(key=lambda item: (item[1].start, -item[1].end, _KIND_ORDER[item[0]]))
    return found


def record_rows(doc: Document) -> Iterator[dict[str, Any]]:
    """One dict per record, every key of :data:`COLUMNS`, in text order; no pandas needed.

    Persons' titles get rows of their own (kind "title", column ``person``). Values keep their
    Python types (Decimal, datetime.date); ``sentence`` is the index in ``doc.sentences``.

    >>> from vnextract.document import Document
    >>> from vnextract.records import Count
    >>> doc = Document(text="Tuyên dương 13 tập thể",
    ...                counts=(Count(text="13 tập thể", start=12, end=22, value=13, unit="tập thể"),))
    >>> [(r["kind"], r["text"], r["value"], r["unit"]) for r in record_rows(doc)]
    [('count', '13 tập thể', 13, 'tập thể')]
    """
    found = kinded_records(doc)
    sentence_starts = [s.start for s in doc.sentences]
    for kind, record, extra in found:
        row = dict.fromkeys(COLUMNS)
        at = bisect.bisect_right(sentence_starts, record.start) - 1
        row.update(
            kind=kind,
            text=record.text,
            start=record.start,
            end=record.end,
            sentence=at if at >= 0 and record.start < doc.sentences[at].end else None,
        )
        row.update(_fields(record))
        if isinstance(record, Fine) and record.violations is not None:
            row["violations_value"] = record.violations.value
        if isinstance(record, Event):
            row.update(_event_columns(record))
        row.update(extra)
        yield row


def _event_columns(event: Event) -> dict[str, Any]:
    """An event row's values beyond its fields' texts: the recipients in one cell ("13 tập thể;
    24 cá nhân", each by :func:`party_label`), the target's kind, the ISO values of its term
    ("P18Y") and date."""
    return {
        "recipients": "; ".join(party_label(r) for r in event.recipients) or None,
        "target_kind": event.target.kind if event.target else None,
        "term_iso": event.term.iso if event.term else None,
        "date_iso": event.date.iso if event.date else None,
    }


# ----------------------------------------------------------------------------- pandas / Arrow


def _require(module: str) -> Any:
    """Import pandas or pyarrow, or say which extra brings it."""
    try:
        return importlib.import_module(module)
    except ImportError as err:
        raise ImportError(
            f"{module} is needed for this: install the extra vnextract[frames] (pip install -e "
            "'.[frames]' in a checkout of vnextract, which is not on PyPI), or pip install pandas pyarrow"
        ) from err


def _column_kind(tp: Any) -> str | None:
    """ "float" for Decimal-valued columns, "int" for int-valued ones, "datetime" for dates and
    date-times, else None."""
    union = isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union
    members = set(typing.get_args(tp)) if union else {tp}
    members.discard(type(None))
    if Decimal in members:
        return "float"
    if members == {int}:
        return "int"
    if members and all(isinstance(m, type) and issubclass(m, dt.date) for m in members):
        return "datetime"
    return None


_COLUMN_KINDS: dict[str, str | None] = {column: _column_kind(tp) for column, tp in _COLUMN_TYPES.items()}


def _datetime64(value: dt.date | None) -> Any:
    """A date (midnight) or a date-time as numpy datetime64 in seconds, None as NaT.

    Seconds, not pandas' usual nanoseconds: their range (years 1678-2261) would refuse the
    founding of Thăng Long ("năm 1010").
    """
    np = _require("numpy")
    if value is None:
        return np.datetime64("NaT", "s")
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return np.datetime64(value, "s")


def _frame(rows: list[dict[str, Any]], first: dict[str, list[Any]] | None = None) -> Any:
    """A DataFrame of ``rows`` (each with every key of :data:`COLUMNS`), typed column by column;
    ``first`` holds columns put before them."""
    pd = _require("pandas")
    data: dict[str, Any] = dict(first or {})
    for column in COLUMNS:  # one typed array per column: cheaper than astype() afterwards
        values = [row[column] for row in rows]
        kind = _COLUMN_KINDS[column]
        if kind == "float":
            floats = [float("nan") if v is None else float(v) for v in values]
            data[column] = pd.array(floats, dtype="float64")
        elif kind == "int":
            data[column] = pd.array(values, dtype="Int64")
        elif kind == "datetime":
            data[column] = pd.Series([_datetime64(v) for v in values], dtype="datetime64[s]")
        else:
            data[column] = values if values else pd.Series(values, dtype=object)
    return pd.DataFrame(data, columns=list(data))


def document_to_frame(doc: Document) -> Any:
    """A pandas DataFrame with one row per record (see :func:`record_rows` and :data:`COLUMNS`).

    Decimal values (``value``, ``amount`` …) become float64 (exact up to 2**53: every amount of
    đồng in the news); offsets and other whole numbers nullable Int64; ``earliest`` and
    ``latest`` datetime64 (a date at midnight); the rest stays as is.

    >>> import vnextract
    >>> df = vnextract.extract("Tuyên dương 13 tập thể và 24 cá nhân").to_frame()  # doctest: +SKIP
    >>> df[["kind", "text", "value", "unit"]]  # doctest: +SKIP
    """
    return _frame(list(record_rows(doc)))


class ParquetRecordWriter:
    """Rows of records (those of :func:`record_rows`, plus columns given before them) written to
    a Parquet file in row groups, so memory stays flat on any number of documents.

    The types are those of :meth:`Document.to_frame`: Decimal values float64, whole numbers
    int64, ``earliest``/``latest`` timestamps in seconds; every other column (and every column
    given in ``leading``, such as the CLI's ``--keep`` fields) is a string, lists and objects in
    JSON, as in the CLI's CSV. Needs pyarrow (``vnextract[frames]``).
    """

    ROWS_PER_GROUP = 50_000

    def __init__(self, sink: Any, columns: list[str], leading: list[str]) -> None:
        pa = _require("pyarrow")
        self._pq = importlib.import_module("pyarrow.parquet")
        types = {"float": pa.float64(), "int": pa.int64(), "datetime": pa.timestamp("s")}
        self.kinds = {c: (None if c in leading else _COLUMN_KINDS.get(c)) for c in columns}
        self.schema = pa.schema([(c, types.get(self.kinds[c] or "", pa.string())) for c in columns])
        self.writer = self._pq.ParquetWriter(sink, self.schema)
        self.rows: list[dict[str, Any]] = []

    def write(self, row: dict[str, Any]) -> None:
        self.rows.append({c: _parquet_cell(row.get(c), kind) for c, kind in self.kinds.items()})
        if len(self.rows) >= self.ROWS_PER_GROUP:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            pa = _require("pyarrow")
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self.flush()
        self.writer.close()


def _parquet_cell(value: Any, kind: str | None) -> Any:
    """A cell as its Arrow column takes it (see :class:`ParquetRecordWriter`)."""
    if value is None:
        return None
    if kind == "float":
        return float(value)
    if kind == "int":
        return int(value)
    if kind == "datetime":
        if not isinstance(value, dt.datetime):
            return dt.datetime(value.year, value.month, value.day)
        return value.astimezone(dt.timezone.utc).replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple, dict, bool)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)
