"""The one registry of record kinds: each kind's class, field, label and colour, in one table.

Every module that lists the kinds of records reads them here: the recognisers' bucketing
(:mod:`vnextract.mentions`), the Document built by the pipeline and its ``to_dict()`` keys
(:mod:`vnextract.document`, :mod:`vnextract.output.serialize`), the table rows and columns
(:mod:`vnextract.output.rows`), the HTML renderer and the CLI's table (labels and colours).
Adding a kind of record is one record class in :mod:`vnextract.records`, one field on
``Mentions`` and ``Document``, and one line in :data:`KINDS` (and one name in
:data:`DRAW_ORDER`).

This module imports only the record classes: it sits below the document and the output
formats, so none of them has to import another to learn the kinds.
"""

from __future__ import annotations

import attrs

from vnextract.records import (
    Abbreviation,
    Count,
    DateMention,
    Duration,
    Event,
    Fine,
    Location,
    Money,
    Organization,
    Percentage,
    Person,
    Quantity,
    Span,
    Title,
)

__all__ = ["DOCUMENT_FIELDS", "DOCUMENT_KEYS", "DRAW_ORDER", "KINDS", "RecordKind", "kind_of"]


@attrs.frozen
class RecordKind:
    """One kind of record.

    ``name`` is the kind as rows, marks and ``--format table`` call it ("person");
    ``field`` the attribute holding such records on ``Mentions`` (and on ``Document`` when
    ``in_document``: a title lives inside its person on the Document, not beside it);
    ``contract`` says the field is one of the ``to_dict()`` keys of the public contract
    (docs/records.md; ``quantities`` is serialised after them). ``label`` is the short chip of
    the renderer and the CLI table, with the kind's Vietnamese and English names and its
    background colour.
    """

    name: str
    record: type[Span]
    field: str
    label: str
    vietnamese: str
    english: str
    colour: str
    in_document: bool = True
    contract: bool = True


#: Every kind, in document order: the order of the Document's fields, of the ``to_dict()`` keys,
#: of the table columns derived from the record classes (a field's column comes at its first
#: kind) and of a person's titles right after the person.
KINDS: tuple[RecordKind, ...] = (
    RecordKind("person", Person, "persons", "PER", "người", "person", "#c4b5fd"),
    RecordKind("title", Title, "titles", "TITLE", "chức danh", "title", "#fbcfe8", in_document=False),
    RecordKind("organization", Organization, "organizations", "ORG", "tổ chức", "organisation", "#7aecec"),
    RecordKind("location", Location, "locations", "LOC", "địa danh", "place", "#fdba74"),
    RecordKind("date", DateMention, "dates", "DATE", "thời điểm", "date", "#bfe1d9"),
    RecordKind("duration", Duration, "durations", "DUR", "khoảng thời gian", "duration", "#d9f99d"),
    RecordKind("count", Count, "counts", "COUNT", "số lượng", "count", "#fde68a"),
    RecordKind("quantity", Quantity, "quantities", "QTY", "đo lường", "measurement", "#e5e7eb",
               contract=False),
    RecordKind("percentage", Percentage, "percentages", "PCT", "tỷ lệ", "percentage", "#a5f3fc"),
    RecordKind("money", Money, "money", "MONEY", "tiền", "money", "#86efac"),
    RecordKind("fine", Fine, "fines", "FINE", "tiền phạt", "fine", "#fca5a5"),
    RecordKind("abbreviation", Abbreviation, "abbreviations", "ABBR", "viết tắt", "abbreviation", "#f5d0fe"),
    RecordKind("event", Event, "events", "EVENT", "chế tài, khen thưởng", "sanction or award", "#93c5fd"),
)  # fmt: skip

#: The order kinds are drawn in (the renderer's legend), which also breaks ties between records
#: with the same span: the earlier kind is drawn outside (a fine around its money) and comes
#: first in the rows of ``record_rows`` and the CLI table.
DRAW_ORDER: tuple[str, ...] = (
    "event", "person", "title", "organization", "location", "date", "duration", "fine", "money",
    "percentage", "count", "quantity", "abbreviation",
)  # fmt: skip

#: The list keys of ``Document.to_dict()`` in the public contract, in its order.
DOCUMENT_KEYS: tuple[str, ...] = tuple(k.field for k in KINDS if k.in_document and k.contract)

#: Every tuple-of-records field of a Document: the contract keys, then the others (quantities).
DOCUMENT_FIELDS: tuple[str, ...] = DOCUMENT_KEYS + tuple(
    k.field for k in KINDS if k.in_document and not k.contract
)

_BY_NAME = {k.name: k for k in KINDS}
_BY_CLASS = {k.record: k for k in KINDS}


def kind_of(name_or_class: str | type[Span]) -> RecordKind:
    """The kind named "person", or the kind of the record class ``Person``.

    >>> kind_of("money").label, kind_of(Fine).field
    ('MONEY', 'fines')
    """
    if isinstance(name_or_class, str):
        return _BY_NAME[name_or_class]
    return _BY_CLASS[name_or_class]


if set(DRAW_ORDER) != set(_BY_NAME) or len(DRAW_ORDER) != len(KINDS):  # a kind added to one only
    raise RuntimeError("kinds.DRAW_ORDER must name every kind of KINDS once")
