"""vnextract on Apache Spark: one struct column of records per text, for jobs over millions of texts.

Needs the optional extra ``vnextract[spark]`` (pyspark and pyarrow). Each Spark Python worker
imports vnextract, loads the models on its first batch and keeps them for the next batches
(Spark reuses its Python workers by default). Data moves as Arrow record batches
(``DataFrame.mapInArrow``): no pandas, no row-by-row pickling.

The column's type is :func:`vnextract.output.schema.spark_struct_type`, derived from the records:
its fields are the keys of ``Document.to_dict()``, lists of records are arrays of structs,
amounts are ``decimal(38, 9)``, ``published``/``earliest``/``latest`` ISO strings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, Literal

from vnextract.errors import PipeError

__all__ = ["extract_records"]


class _ExtractBatches:
    """The function Spark runs on each partition: Arrow batches in, the same plus one column out.

    A module-level class rather than a closure, so Spark pickles it by reference and each
    worker imports vnextract normally.
    """

    def __init__(
        self,
        text_col: str,
        out_col: str,
        reference_date: dt.date | None,
        on_error: str,
        date_col: str | None = None,
        learned: bool = True,
    ) -> None:
        self.text_col = text_col
        self.out_col = out_col
        self.reference_date = reference_date
        self.on_error = on_error
        self.date_col = date_col
        self.learned = learned

    def _row(self, text: str | None, date: dt.date | None) -> dict[str, Any] | None:
        from vnextract.output.schema import document_to_row
        from vnextract.pipeline import extract

        if text is None:
            return None
        try:
            return document_to_row(
                extract(text, reference_date=date or self.reference_date, learned=self.learned)
            )
        except Exception as err:
            if self.on_error == "null":
                return None
            preview = text[:60] + ("…" if len(text) > 60 else "")
            raise PipeError(f"extract_records: text {preview!r} failed: {type(err).__name__}: {err}",
                            index=None) from err

    def __call__(self, batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa

        from vnextract.output.schema import arrow_struct_type

        struct_type = arrow_struct_type()
        for batch in batches:
            texts = batch.column(self.text_col).to_pylist()
            # each row's own date (a date or a timestamp column; null: the common reference_date)
            dates = batch.column(self.date_col).to_pylist() if self.date_col else [None] * len(texts)
            rows = [self._row(text, date) for text, date in zip(texts, dates, strict=True)]
            column = pa.array(rows, type=struct_type)
            yield pa.RecordBatch.from_arrays(
                [*batch.columns, column], names=[*batch.schema.names, self.out_col]
            )


def extract_records(
    df: Any,
    text_col: str = "text",
    out_col: str = "extraction",
    *,
    reference_date: dt.date | None = None,
    on_error: Literal["raise", "null"] = "raise",
    date_col: str | None = None,
    learned: bool = True,
) -> Any:
    """``df`` with a struct column ``out_col`` holding ``extract(text).to_dict()`` for each row.

    Other columns pass through unchanged; a null text gives a null struct. ``date_col`` names a
    date or timestamp column holding each row's own reference date (its published date); where
    it is null, ``reference_date`` holds. ``learned=False`` runs the rules alone (faster; see
    :func:`vnextract.extract`). A text extract()
    refuses (e.g. longer than ``vnextract.text.MAX_LENGTH``) fails the Spark task with a
    :class:`~vnextract.errors.PipeError` quoting its beginning, or, with ``on_error="null"``,
    gets a null struct. Lazy, like every Spark transformation: nothing runs before an action
    (``write``, ``count``, …).

    >>> texts = spark.createDataFrame([("a1", "Phạt hơn 504 triệu đồng.")], ["id", "text"])  # doctest: +SKIP
    >>> out = extract_records(texts)  # doctest: +SKIP
    >>> out.select("id", "extraction.money").first()  # doctest: +SKIP
    Row(id='a1', money=[Row(text='hơn 504 triệu đồng', start=5, end=23, amount=Decimal('504000000.000000000'),
        currency='VND', amount_to=None, qualifier='more_than')])
    """
    from pyspark.sql import types as T

    from vnextract.output.schema import spark_struct_type

    if on_error not in ("raise", "null"):
        raise ValueError(f"on_error must be 'raise' or 'null', got {on_error!r}")
    if not isinstance(learned, bool):
        raise TypeError(f"learned must be True or False, got {type(learned).__name__}")
    if reference_date is not None and not isinstance(reference_date, dt.date):
        raise TypeError(f"reference_date must be a datetime.date, got {type(reference_date).__name__}")
    fields = {f.name: f for f in df.schema.fields}
    if text_col not in fields:
        raise ValueError(f"no column {text_col!r} in the DataFrame (columns: {', '.join(fields)})")
    if not isinstance(fields[text_col].dataType, T.StringType):
        found = fields[text_col].dataType.simpleString()
        raise TypeError(f"column {text_col!r} must be a string column, got {found}")
    if out_col in fields:
        raise ValueError(f"the DataFrame already has a column {out_col!r}: pick another out_col")
    if date_col is not None:
        if date_col not in fields:
            raise ValueError(f"no column {date_col!r} in the DataFrame (columns: {', '.join(fields)})")
        dated = (T.DateType, T.TimestampType, getattr(T, "TimestampNTZType", T.TimestampType))  # NTZ: 3.4+
        if not isinstance(fields[date_col].dataType, dated):
            found = fields[date_col].dataType.simpleString()
            raise TypeError(
                f"column {date_col!r} must be a date or timestamp column, got {found} "
                "(a string column: F.to_date(...) first)"
            )
    out_schema = T.StructType([*df.schema.fields, T.StructField(out_col, spark_struct_type(), nullable=True)])
    batches = _ExtractBatches(text_col, out_col, reference_date, on_error, date_col, learned)
    return df.mapInArrow(batches, out_schema)
