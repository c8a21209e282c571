"""The typed records vnextract returns (the public contract: docs/records.md).

Every span record carries ``text``, ``start`` and ``end`` with ``original[start:end] == text``
for the string the caller passed to :func:`vnextract.extract`. Records are frozen, slotted,
keyword-only attrs classes: immutable, hashable and cheap. Serialisation lives outside the
classes (:mod:`vnextract.output.serialize`, cattrs). The Document holding them is in
:mod:`vnextract.document`; the list of kinds in :mod:`vnextract.kinds`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

import attrs

#: How a number is hedged; the hedge word ("hơn" = more than) is inside the span.
Qualifier = Literal["more_than", "less_than", "about", "nearly", "at_least", "at_most"]
QUALIFIERS: frozenset[str] = frozenset(
    {"more_than", "less_than", "about", "nearly", "at_least", "at_most"}
)


def _check_span(instance: Any, attribute: attrs.Attribute, value: int) -> None:
    """Refuse empty or inverted spans (``end <= start``) and negative offsets."""
    if instance.start < 0:
        raise ValueError(f"{type(instance).__name__}: start must be >= 0, got {instance.start}")
    if value <= instance.start:
        raise ValueError(
            f"{type(instance).__name__}: end ({value}) must be greater than start ({instance.start})"
        )


def _check_text_length(instance: Any) -> None:
    # text is the exact surface; a span of another length can only be a bug upstream.
    if len(instance.text) != instance.end - instance.start:
        raise ValueError(
            f"{type(instance).__name__}: text {instance.text!r} has length {len(instance.text)} "
            f"but the span [{instance.start}, {instance.end}) has length {instance.end - instance.start}"
        )


def _check_qualifier(instance: Any, attribute: attrs.Attribute, value: str | None) -> None:
    if value is not None and value not in QUALIFIERS:
        raise ValueError(f"{type(instance).__name__}: unknown qualifier {value!r}")


# ----------------------------------------------------------------------------- spans


@attrs.frozen(kw_only=True)
class Span:
    """Base of every record with a place in the text."""

    text: str
    start: int
    end: int = attrs.field(validator=_check_span)

    def __attrs_post_init__(self) -> None:
        _check_text_length(self)


@attrs.frozen(kw_only=True)
class Sentence(Span):
    """A sentence, cut on whole syllables inside a line (``vnextract.text.syllables.sentences``):
    the sentences every rule reads."""


@attrs.frozen(kw_only=True)
class Title(Span):
    """A position, rank, profession or role in a case: "Phó Chủ tịch Thường trực UBND tỉnh".

    ``role`` is the position ("Phó Chủ tịch Thường trực"), ``organization`` the organisation as
    written next to it ("UBND tỉnh"), or, for a bare title, the unit written right after the
    holder's name ("Bác sĩ X, Khoa Hồi sức …": outside the span), ``organization_expansion``
    its expansion when abbreviated ("Ủy ban nhân dân tỉnh"), ``modifier`` one of "former"
    (nguyên), "acting" (quyền), "new" (tân), "late" (cố: the holder has died) or None.
    """

    role: str
    organization: str | None = None
    organization_expansion: str | None = None
    modifier: Literal["former", "acting", "new", "late"] | None = None


@attrs.frozen(kw_only=True)
class Person(Span):
    """A person: the span is the first full mention of the name (honorific excluded).

    ``mentions`` holds the (start, end) of every mention, the first included: "Trần Thanh Liêm"
    and later "ông Liêm" (span "Liêm") are one Person.
    """

    name: str
    honorific: str | None = None
    titles: tuple[Title, ...] = ()
    mentions: tuple[tuple[int, int], ...] = ()
    age: int | None = None
    birth_year: int | None = None
    residence: str | None = None
    gender: Literal["male", "female"] | None = None


@attrs.frozen(kw_only=True)
class Organization(Span):
    """A named organisation: "UBND tỉnh Bình Dương", "Sở TTTT", "Bộ Y tế"."""

    name: str
    abbreviation: str | None = None
    expansion: str | None = None


@attrs.frozen(kw_only=True)
class Location(Span):
    """A place: "Bình Dương" (kind "tỉnh"), "Trung Quốc" (kind "quốc gia").

    A Vietnamese administrative unit is resolved (:mod:`vnextract.linking.places`) to one unit of
    one era: ``era`` "legacy" (the 63 provinces, their districts and communes, until 30 June
    2025) or "2025" (34 provinces and their communes, no districts); ``level``, ``code`` (the
    national statistics office's code, unique within an era), ``official_name`` ("Xã Hóc Môn"),
    ``province``/``province_code`` of that era and ``province_2025``, the 2025 province it lies
    in whatever the era (group by it across eras). ``successors`` are the codes of the 2025 units
    a legacy unit became; ``predecessors`` the legacy codes a 2025 unit was merged from. A unit
    abolished before 2025 that the data has no code for ("tỉnh Hà Tây", "quận 9") keeps ``era``
    and ``code`` None but gets its ``level``, ``official_name``, ``province`` and
    ``province_2025``. A country, or a city that is an ISO 3166-2 subdivision, gets ``iso3166``
    ("JP", "CN-BJ").
    Every one of these stays None (or empty) when the name is not known or is ambiguous.
    """

    name: str
    kind: str | None = None
    level: Literal["province", "district", "commune"] | None = None
    era: Literal["legacy", "2025"] | None = None
    code: str | None = None
    official_name: str | None = None
    province: str | None = None
    province_code: str | None = None
    province_2025: str | None = None
    successors: tuple[str, ...] = ()
    predecessors: tuple[str, ...] = ()
    iso3166: str | None = None


@attrs.frozen(kw_only=True)
class DateMention(Span):
    """A calendar time: "24/08/2015 - 07:38" → iso "2015-08-24T07:38".

    ``iso`` is ISO 8601 ("2020", "2019-10", "2024-Q2", "--09-02", intervals "2011/2015") or None
    for a relative expression with no reference date. ``earliest``/``latest`` bound the time
    meant; ``part`` says "start", "middle" or "end" for "đầu/giữa/cuối năm 2020".
    """

    iso: str | None
    granularity: str | None = None
    earliest: dt.date | dt.datetime | None = None
    latest: dt.date | dt.datetime | None = None
    part: Literal["start", "middle", "end"] | None = None


@attrs.frozen(kw_only=True)
class Duration(Span):
    """A length of time: "15 năm tù" → value 15, unit "year", iso "P15Y".

    A range "3-5 năm" has ``value_to`` 5 and no ``iso`` (ISO 8601 has no duration ranges).
    """

    value: Decimal
    unit: str
    iso: str | None = None
    qualifier: Qualifier | None = attrs.field(default=None, validator=_check_qualifier)
    value_to: Decimal | None = None


@attrs.frozen(kw_only=True)
class Count(Span):
    """A number of counted things: "hơn 1.200 hộ dân" → 1200, unit "hộ dân", more_than.

    A range "từ 5 đến 7 người" has ``value`` 5 and ``value_to`` 7.
    """

    value: int | Decimal
    unit: str
    qualifier: Qualifier | None = attrs.field(default=None, validator=_check_qualifier)
    value_to: int | None = None


@attrs.frozen(kw_only=True)
class Quantity(Span):
    """A measurement: "3,5 ha" → value 3.5, unit "ha". Not a count."""

    value: Decimal
    unit: str
    value_to: Decimal | None = None
    qualifier: Qualifier | None = attrs.field(default=None, validator=_check_qualifier)


@attrs.frozen(kw_only=True)
class Percentage(Span):
    """A percentage: "gần 50 phần trăm" → 50, "%", nearly; "0,5 điểm phần trăm" → percentage_point."""

    value: Decimal
    value_to: Decimal | None = None
    unit: Literal["%", "percentage_point"] = "%"
    qualifier: Qualifier | None = attrs.field(default=None, validator=_check_qualifier)


@attrs.frozen(kw_only=True)
class Money(Span):
    """An amount of money: "hơn 504 triệu đồng" → 504000000 VND, more_than."""

    amount: Decimal
    currency: str
    amount_to: Decimal | None = None
    qualifier: Qualifier | None = attrs.field(default=None, validator=_check_qualifier)


@attrs.frozen(kw_only=True)
class Fine(Span):
    """Money in a penalty context (phạt = fine), with the violations counted beside it."""

    money: Money
    violations: Count | None = None


@attrs.frozen(kw_only=True)
class Abbreviation(Span):
    """An abbreviation and its expansion: "TTTT" → "Thông tin và Truyền thông"."""

    short: str
    long: str


@attrs.frozen(kw_only=True)
class Phrase(Span):
    """A piece of an event's clause with no typed value: its trigger, reason or award."""


@attrs.frozen(kw_only=True)
class Party(Span):
    """Who an event concerns: a target, an authority or one of an award's recipients.

    ``kind`` is "person" or "organization" when the span is a Person's or an Organization's
    mention (``name`` is then that record's name), "count" for a counted group of recipients
    ("13 tập thể": ``count`` is the Count), "group" for any other noun phrase ("tài xế" = driver).
    """

    kind: Literal["person", "organization", "count", "group"]
    name: str | None = None
    count: Count | None = None


EventKind = Literal[
    "fine", "prison", "life_prison", "death", "suspended_prison",
    "licence_revoked", "suspension", "ban", "expulsion", "award",
]  # fmt: skip


@attrs.frozen(kw_only=True)
class Event(Span):
    """A sanction or an award stated in one clause: who gets it, from whom, how much, for what.

    "Công ty X bị Ủy ban Cạnh tranh quốc gia xử phạt 350 triệu đồng do có hành vi gây nhầm lẫn"
    → kind "fine", trigger "xử phạt", target "Công ty X", authority "Ủy ban Cạnh tranh quốc gia",
    money "350 triệu đồng", reason "do có hành vi gây nhầm lẫn", status "imposed". ``status`` is
    "possible" for a legal maximum or a threat ("có thể bị phạt tới 26 triệu đồng"). The span
    runs from the first to the last of its parts. See docs/events.md.
    """

    kind: EventKind
    trigger: Phrase
    status: Literal["imposed", "possible"] = "imposed"
    target: Party | None = None
    recipients: tuple[Party, ...] = ()
    authority: Party | None = None
    reason: Phrase | None = None
    money: Money | None = None
    term: Duration | None = None
    award: Phrase | None = None
    date: DateMention | None = None


def __getattr__(name: str) -> Any:
    """``vnextract.records.Document``, where the Document class was defined before it moved to
    :mod:`vnextract.document` (which imports this module: imported on first use, not here)."""
    if name == "Document":
        from vnextract.document import Document

        return Document
    raise AttributeError(f"module 'vnextract.records' has no attribute {name!r}")
