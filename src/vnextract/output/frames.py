"""Tables of many documents: a pandas DataFrame with a row per record, an Arrow table with a row
per document.

:func:`to_frame` gives the rows of ``Document.to_frame()`` (:mod:`vnextract.output.rows`) for many
documents in one table, with a first column ``doc_id``. :func:`to_arrow` gives one row per
document with nested lists of structs, with the explicit schema of :mod:`vnextract.output.schema`
(shared with the Spark integration). ``COLUMNS``, ``record_rows`` and ``document_to_frame`` are
defined in :mod:`vnextract.output.rows` and importable from here as before.

pandas and pyarrow are the optional extra ``vnextract[frames]``.
"""

from __future__ import annotations

import importlib
import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from vnextract.document import Document
from vnextract.output.rows import (
    COLUMNS,
    KIND_CLASSES,
    ParquetRecordWriter,
    _frame,
    _require,
    document_to_frame,
    kinded_records,
    record_rows,
)

__all__ = [
    "COLUMNS", "KIND_CLASSES", "ParquetRecordWriter", "document_to_frame", "kinded_records", "record_rows",
    "to_arrow", "to_frame",
]  # fmt: skip


def to_frame(docs: Iterable[Document] | Document, *, ids: Iterable[Any] | None = None) -> Any:
    """One pandas DataFrame for many documents: a row per record, the document's id first.

    The columns are ``doc_id`` then those of :meth:`Document.to_frame` (:data:`COLUMNS`), with
    the same types. ``ids`` gives each document's id, in order (a list, a range, the ids
    column of your own table); by default a document's position (0, 1, …). ``docs`` may be a
    generator, such as :func:`vnextract.pipe`'s, and is read once.

    >>> import vnextract
    >>> texts = ["Tuyên dương 13 tập thể.", "Vốn khoảng 2 triệu USD."]
    >>> frame = vnextract.to_frame(vnextract.pipe(texts), ids=["a", "b"])  # doctest: +SKIP
    >>> frame[["doc_id", "kind", "text"]].values.tolist()  # doctest: +SKIP
    [['a', 'count', '13 tập thể'], ['b', 'money', 'khoảng 2 triệu USD']]
    """
    _require("pandas")
    documents: Iterable[Any] = [docs] if isinstance(docs, Document) else _documents(docs, "to_frame")
    names: Iterator[Any] = itertools.count() if ids is None else iter(ids)
    rows: list[dict[str, Any]] = []
    doc_ids: list[Any] = []
    for position, doc in enumerate(documents):
        try:
            doc_id = next(names)
        except StopIteration:
            raise ValueError(f"to_frame(): ids has fewer items than docs ({position})") from None
        for row in record_rows(doc):
            rows.append(row)
            doc_ids.append(doc_id)
    if ids is not None and next(names, _END) is not _END:
        raise ValueError("to_frame(): ids has more items than docs")
    return _frame(rows, {"doc_id": doc_ids})


_END = object()


def _documents(docs: Any, caller: str) -> Iterator[Document]:
    """The Documents of ``docs``, each checked: a TypeError naming what was expected otherwise."""
    if isinstance(docs, (str, bytes)):
        raise TypeError(
            f"{caller}() expects Documents (from vnextract.extract or vnextract.pipe), got a "
            f"{type(docs).__name__}; extract the text first: {caller}([vnextract.extract(text)])"
        )
    try:
        items = iter(docs)
    except TypeError:
        raise TypeError(
            f"{caller}() expects a Document or an iterable of Documents, got {type(docs).__name__}"
        ) from None
    for index, doc in enumerate(items):
        if not isinstance(doc, Document):
            hint = "; extract the texts first: vnextract.pipe(texts)" if isinstance(doc, str) else ""
            raise TypeError(
                f"{caller}() expects Documents (from vnextract.extract or vnextract.pipe), "
                f"got {type(doc).__name__} at index {index}{hint}"
            )
        yield doc


def to_arrow(docs: Iterable[Document] | Document, *, include_text: bool = False) -> Any:
    """A pyarrow Table with one row per document and a list of structs per kind of record.

    The columns are the keys of ``to_dict()`` with the schema of
    :func:`vnextract.output.schema.arrow_schema` (the one Spark uses too): decimals as
    ``decimal128(38, 9)``, ``published``/``earliest``/``latest`` as ISO strings.
    ``include_text=True`` adds the document text as a first column ``text``. A single Document
    gives a table of one row.

    >>> import vnextract
    >>> table = vnextract.to_arrow(vnextract.pipe(["Tuyên dương 13 tập thể."]))  # doctest: +SKIP
    >>> table.column("counts")[0][0]["unit"].as_py()  # doctest: +SKIP
    'tập thể'
    """
    pa = _require("pyarrow")
    schema: Any = importlib.import_module("vnextract.output.schema")
    documents = [docs] if isinstance(docs, Document) else list(_documents(docs, "to_arrow"))
    table = pa.Table.from_pylist(
        [schema.document_to_row(doc) for doc in documents], schema=schema.arrow_schema()
    )
    if include_text:
        table = table.add_column(
            0,
            pa.field("text", pa.string(), nullable=False),
            pa.array([doc.text for doc in documents], pa.string()),
        )
    return table
