"""The shape of ``Document.to_dict()`` as Arrow, Spark and JSON Schema, derived from the records.

Nothing here is written by hand twice: :func:`document_shape` walks the attrs fields of
:class:`vnextract.document.Document` (for exactly the keys ``to_dict()`` returns) and of every
record class inside it, reading their type hints. Add a field with a default to a record and it
appears in the Arrow schema, the Spark schema and the JSON Schema alike.

How Python types become columns (record type → Arrow / Spark / ``to_dict()`` and JSON):

- ``str``, ``Literal[...]`` → ``string`` / ``StringType`` / a string (an enum in JSON Schema)
- ``int`` → ``int64`` / ``LongType`` / an integer
- ``Decimal``, ``int | Decimal`` → ``decimal128(38, 9)`` / ``DecimalType(38, 9)`` / an int when
  whole, else a plain decimal string ("12.5")
- ``date | datetime`` → ``string`` / ``StringType`` / the same ISO 8601 string
- ``date``, ``datetime`` alone → ``date32``, ``timestamp[us]`` / ``DateType``, ``TimestampNTZType``
- ``tuple[X, ...]`` → ``list<X>`` / ``ArrayType(X)`` / an array
- an attrs record → ``struct<…>`` / ``StructType`` / an object
- ``X | None`` → a nullable field / a nullable field / X or null

Decimals keep 9 digits after the point (amounts up to 10^29: money in đồng fits); a value with
more decimals is rounded half-even. Only a computed value has more: a compound duration whose
fraction repeats, "2 năm 8 tháng" = 2 + 8/12 years, is 2.666666666666666666666666667 (Python's 28
digits). A wider scale cannot be the answer: Spark's decimals stop at 38 digits, and 27 decimals
would leave 11 for the whole part, too few for "100 tỷ năm" (10^11 years) and for money; a string
or float column would differ from ``to_dict()`` for every whole value. So the column stays
``decimal(38, 9)`` and such values are to be rounded to 9 places where they are computed (the
durations recogniser), which makes Arrow, Spark and ``to_dict()`` agree.

``date | datetime`` (``published``, ``earliest``, ``latest``) stays the ISO string of
``to_dict()`` ("2015-08-24T07:38" or "2015-08-24"): one Arrow type cannot hold both a date and
a date-time without losing which one it was.

pyarrow and pyspark are imported only by the functions that need them.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Callable
from decimal import ROUND_HALF_EVEN, Decimal
from functools import cache
from typing import Any, Literal

import attrs

from vnextract.document import Document

__all__ = [
    "DECIMAL_PRECISION", "DECIMAL_SCALE", "Field", "Kind", "ListOf", "Scalar", "SchemaError", "Shape",
    "StructOf",
    "arrow_schema", "arrow_struct_type", "document_keys", "document_shape", "document_to_row",
    "documents_to_arrow", "json_schema", "spark_struct_type",
]  # fmt: skip

#: Digits of every decimal column: Arrow's and Spark's widest decimal128, 9 after the point.
DECIMAL_PRECISION = 38
DECIMAL_SCALE = 9
_QUANTUM = Decimal(1).scaleb(-DECIMAL_SCALE)

Kind = Literal["string", "int64", "decimal", "bool", "float64", "date", "datetime", "iso_date_or_datetime"]


# ----------------------------------------------------------------------------- the shape


@attrs.frozen
class Scalar:
    """A leaf value; ``choices`` are the allowed strings of a ``Literal``."""

    kind: Kind
    choices: tuple[str, ...] | None = None


@attrs.frozen
class ListOf:
    """A tuple in the record, a list in to_dict(), an Arrow list, a Spark array."""

    item: Shape
    item_nullable: bool


@attrs.frozen
class Field:
    name: str
    shape: Shape
    nullable: bool


@attrs.frozen
class StructOf:
    """An attrs record (or the Document): its fields in declaration order."""

    name: str
    fields: tuple[Field, ...]


Shape = typing.Union[Scalar, ListOf, StructOf]  # noqa: UP007 (a runtime alias under 3.10)

_SCALARS: dict[Any, Kind] = {
    str: "string",
    int: "int64",
    bool: "bool",
    float: "float64",
    Decimal: "decimal",
    dt.date: "date",
    dt.datetime: "datetime",
}


class SchemaError(TypeError):
    """A record field has a type this module cannot map (a bug to fix here when adding it)."""


def _describe(hint: Any, where: str) -> tuple[Shape, bool]:
    """(shape, nullable) of one type hint."""
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        members = [a for a in typing.get_args(hint) if a is not type(None)]
        nullable = len(members) < len(typing.get_args(hint))
        if len(members) == 1:
            return _describe(members[0], where)[0], nullable
        if set(members) == {int, Decimal}:
            return Scalar("decimal"), nullable
        if set(members) == {dt.date, dt.datetime}:
            return Scalar("iso_date_or_datetime"), nullable
        raise SchemaError(f"{where}: no column type for the union {hint}")
    if origin is Literal:
        values = typing.get_args(hint)
        nullable = None in values
        strings = tuple(v for v in values if v is not None)
        if not all(isinstance(v, str) for v in strings):
            raise SchemaError(f"{where}: only Literal strings are supported, got {hint}")
        return Scalar("string", strings), nullable
    if origin is tuple:
        args = typing.get_args(hint)
        items = args[:1] if len(args) == 2 and args[1] is Ellipsis else tuple(set(args))
        if len(items) != 1:
            raise SchemaError(f"{where}: a tuple must hold one type, got {hint}")
        shape, item_nullable = _describe(items[0], f"{where}[]")
        return ListOf(shape, item_nullable), False
    if isinstance(hint, type) and attrs.has(hint):
        return _struct(hint), False
    if hint in _SCALARS:
        return Scalar(_SCALARS[hint]), False
    raise SchemaError(f"{where}: no column type for {hint!r}")


@cache
def _struct(cls: type, only: tuple[str, ...] | None = None) -> StructOf:
    hints = typing.get_type_hints(cls)
    names = only if only is not None else tuple(f.name for f in attrs.fields(cls))
    fields = []
    for name in names:
        shape, nullable = _describe(hints[name], f"{cls.__name__}.{name}")
        fields.append(Field(name, shape, nullable))
    return StructOf(cls.__name__, tuple(fields))


@cache
def document_keys() -> tuple[str, ...]:
    """The keys ``Document.to_dict()`` returns, in its order (asked of the serialiser itself)."""
    return tuple(Document(text="").to_dict())


@cache
def document_shape() -> StructOf:
    """The shape of ``Document.to_dict()``: a struct of the Document fields it serialises.

    >>> [f.name for f in document_shape().fields][:3]
    ['persons', 'organizations', 'locations']
    """
    keys = document_keys()
    known = {f.name for f in attrs.fields(Document)}
    unknown = [k for k in keys if k not in known]
    if unknown:
        raise SchemaError(f"to_dict() returns keys that are not Document fields: {unknown}")
    return _struct(Document, keys)


# ----------------------------------------------------------------------------- values


def _compile(shape: Shape) -> Callable[[Any], Any]:
    """A function turning a record value into the Python value of its Arrow column."""
    if isinstance(shape, StructOf):
        parts = [(f.name, _compile(f.shape)) for f in shape.fields]

        def struct(value: Any) -> Any:
            if value is None:
                return None
            return {name: convert(getattr(value, name)) for name, convert in parts}

        return struct
    if isinstance(shape, ListOf):
        convert_item = _compile(shape.item)

        def listing(value: Any) -> Any:
            return None if value is None else [convert_item(v) for v in value]

        return listing
    if shape.kind == "decimal":
        return _to_decimal
    if shape.kind == "iso_date_or_datetime":
        return _to_iso
    return _identity


def _identity(value: Any) -> Any:
    return value


def _to_decimal(value: Decimal | int | None) -> Decimal | None:
    if value is None:
        return None
    number = Decimal(value)
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -DECIMAL_SCALE:
        number = number.quantize(_QUANTUM, rounding=ROUND_HALF_EVEN)
    return number


def _to_iso(value: dt.date | None) -> str | None:
    if value is None:
        return None
    from vnextract.output.serialize import converter

    text: str = converter().unstructure(value)  # exactly what to_dict() writes
    return text


@cache
def _document_converter() -> Callable[[Any], Any]:
    return _compile(document_shape())


def document_to_row(doc: Document) -> dict[str, Any]:
    """One Document as a dict of Python values fitting :func:`arrow_schema` (and Spark's).

    Same keys and nesting as ``to_dict()``; decimals stay ``Decimal``.

    >>> from vnextract import extract
    >>> row = document_to_row(extract("Phạt hơn 504 triệu đồng."))
    >>> sorted(row) == sorted(extract("Phạt.").to_dict())
    True
    """
    row: dict[str, Any] = _document_converter()(doc)
    return row


# ----------------------------------------------------------------------------- Arrow


def _arrow_type(shape: Shape) -> Any:
    import pyarrow as pa

    if isinstance(shape, StructOf):
        return pa.struct([pa.field(f.name, _arrow_type(f.shape), nullable=f.nullable) for f in shape.fields])
    if isinstance(shape, ListOf):
        return pa.list_(pa.field("element", _arrow_type(shape.item), nullable=shape.item_nullable))
    return {
        "string": pa.string(),
        "iso_date_or_datetime": pa.string(),
        "int64": pa.int64(),
        "bool": pa.bool_(),
        "float64": pa.float64(),
        "decimal": pa.decimal128(DECIMAL_PRECISION, DECIMAL_SCALE),
        "date": pa.date32(),
        "datetime": pa.timestamp("us"),
    }[shape.kind]


def arrow_struct_type() -> Any:
    """``pyarrow.struct`` of one document (the Spark column's type, as Arrow)."""
    return _arrow_type(document_shape())


def arrow_schema() -> Any:
    """``pyarrow.Schema`` with one column per ``to_dict()`` key (one row per document).

    >>> arrow_schema().field("money").type.value_type.field("amount").type
    Decimal128Type(decimal128(38, 9))
    """
    import pyarrow as pa

    return pa.schema(list(arrow_struct_type()))


def documents_to_arrow(docs: typing.Iterable[Document]) -> Any:
    """A ``pyarrow.StructArray``, one document per element, typed by :func:`arrow_struct_type`."""
    import pyarrow as pa

    return pa.array([document_to_row(doc) for doc in docs], type=arrow_struct_type())


# ----------------------------------------------------------------------------- Spark


def _spark_type(shape: Shape) -> Any:
    from pyspark.sql import types as T

    if isinstance(shape, StructOf):
        return T.StructType(
            [T.StructField(f.name, _spark_type(f.shape), nullable=f.nullable) for f in shape.fields]
        )
    if isinstance(shape, ListOf):
        return T.ArrayType(_spark_type(shape.item), containsNull=shape.item_nullable)
    return {
        "string": T.StringType(),
        "iso_date_or_datetime": T.StringType(),
        "int64": T.LongType(),
        "bool": T.BooleanType(),
        "float64": T.DoubleType(),
        "decimal": T.DecimalType(DECIMAL_PRECISION, DECIMAL_SCALE),
        "date": T.DateType(),
        "datetime": T.TimestampNTZType(),
    }[shape.kind]


def spark_struct_type() -> Any:
    """``pyspark.sql.types.StructType`` of one document: the type of Spark's output column."""
    return _spark_type(document_shape())


# ----------------------------------------------------------------------------- JSON Schema

_ISO_DATE_OR_DATETIME = r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)?)?$"


def _json(shape: Shape, defs: dict[str, Any]) -> dict[str, Any]:
    if isinstance(shape, StructOf):
        if shape.name not in defs:
            defs[shape.name] = {}  # placeholder: a record that contains itself stays finite
            defs[shape.name] = {
                "type": "object",
                "properties": {f.name: _json_field(f.shape, f.nullable, defs) for f in shape.fields},
                "required": [f.name for f in shape.fields],
                "additionalProperties": False,
            }
        return {"$ref": f"#/$defs/{shape.name}"}
    if isinstance(shape, ListOf):
        return {"type": "array", "items": _json_field(shape.item, shape.item_nullable, defs)}
    if shape.kind == "string":
        return {"type": "string", "enum": list(shape.choices)} if shape.choices else {"type": "string"}
    leaves: dict[str, dict[str, Any]] = {
        "int64": {"type": "integer"},
        "bool": {"type": "boolean"},
        "float64": {"type": "number"},
        # decimal_to_json: whole numbers as JSON integers, others as plain decimal strings.
        "decimal": {"type": ["integer", "string"], "pattern": r"^-?\d+\.\d+$"},
        "date": {"type": "string", "format": "date"},
        "datetime": {"type": "string", "pattern": _ISO_DATE_OR_DATETIME},
        "iso_date_or_datetime": {"type": "string", "pattern": _ISO_DATE_OR_DATETIME},
    }
    return leaves[shape.kind]


def _json_field(shape: Shape, nullable: bool, defs: dict[str, Any]) -> dict[str, Any]:
    schema = _json(shape, defs)
    return {"anyOf": [schema, {"type": "null"}]} if nullable else schema


def json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of ``Document.to_dict()``, one ``$defs`` entry per record.

    >>> json_schema()["$defs"]["Money"]["properties"]["currency"]
    {'type': 'string'}
    """
    defs: dict[str, Any] = {}
    document = _json(document_shape(), defs)
    top = defs.pop("Document")
    assert document == {"$ref": "#/$defs/Document"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "vnextract Document.to_dict()",
        **top,
        "$defs": defs,
    }
