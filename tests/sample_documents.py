"""Hand-built Documents with every kind of record, for the renderer, frame and CLI tests.

They are built from the records in records.py with offsets found in the text, so these tests do
not depend on the state of the recognisers.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, TypeVar

from vnextract.records import (
    Abbreviation,
    Count,
    DateMention,
    Document,
    Duration,
    Event,
    Fine,
    Location,
    Money,
    Organization,
    Party,
    Percentage,
    Person,
    Phrase,
    Quantity,
    Sentence,
    Span,
    Title,
)

S = TypeVar("S", bound=Span)

SAMPLE_TEXT = (
    "24/08/2015 - 07:38\n"
    "Phát biểu tại Hội nghị, ông Trần Thanh Liêm, Phó Chủ tịch Thường trực UBND tỉnh Bình Dương, "
    "cho biết ngành TTTT đã xử lý 144 trường hợp vi phạm, với số tiền phạt hơn 504 triệu đồng. "
    "Trong 5 năm qua, 80% các đơn vị đã có 3,5 ha đất; giai đoạn 2011-2015 ông Liêm chỉ đạo."
)


def find(text: str, surface: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of ``surface`` in ``text``."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(surface, at + 1)
    return at, at + len(surface)


def span(cls: type[S], text: str, surface: str, nth: int = 0, **fields: Any) -> S:
    start, end = find(text, surface, nth)
    return cls(text=surface, start=start, end=end, **fields)


def sample_document() -> Document:
    """One document with a record of every kind, nesting (title ⊃ organisation, fine ⊃ money)."""
    t = SAMPLE_TEXT
    money = span(
        Money, t, "hơn 504 triệu đồng", amount=Decimal(504000000), currency="VND", qualifier="more_than"
    )
    violations = span(Count, t, "144 trường hợp", value=144, unit="trường hợp")
    title = span(
        Title,
        t,
        "Phó Chủ tịch Thường trực UBND tỉnh Bình Dương",
        role="Phó Chủ tịch Thường trực",
        organization="UBND tỉnh Bình Dương",
        organization_expansion="Ủy ban nhân dân tỉnh Bình Dương",
    )
    person = span(
        Person,
        t,
        "Trần Thanh Liêm",
        name="Trần Thanh Liêm",
        honorific="ông",
        titles=(title,),
        mentions=(find(t, "Trần Thanh Liêm"), find(t, "Liêm", 1)),
    )
    first_line = find(t, "24/08/2015 - 07:38")
    second = (first_line[1] + 1, t.index(". ") + 1)
    third = (second[1] + 1, len(t))
    return Document(
        text=t,
        sentences=tuple(Sentence(text=t[a:b], start=a, end=b) for a, b in (first_line, second, third)),
        published=dt.datetime(2015, 8, 24, 7, 38),
        persons=(person,),
        organizations=(span(Organization, t, "UBND tỉnh Bình Dương", name="UBND tỉnh Bình Dương"),),
        locations=(),
        dates=(
            span(DateMention, t, "24/08/2015 - 07:38", iso="2015-08-24T07:38", granularity="minute"),
            span(
                DateMention,
                t,
                "giai đoạn 2011-2015",
                iso="2011/2015",
                granularity="year",
                earliest=dt.date(2011, 1, 1),
                latest=dt.date(2015, 12, 31),
            ),
        ),
        durations=(span(Duration, t, "5 năm", value=Decimal(5), unit="year", iso="P5Y"),),
        counts=(violations,),
        percentages=(span(Percentage, t, "80%", value=Decimal(80)),),
        money=(money,),
        fines=(span(Fine, t, "tiền phạt hơn 504 triệu đồng", money=money, violations=violations),),
        abbreviations=(span(Abbreviation, t, "TTTT", short="TTTT", long="Thông tin và Truyền thông"),),
        quantities=(span(Quantity, t, "3,5 ha", value=Decimal("3.5"), unit="ha"),),
    )


def with_event(doc: Document) -> Document:
    """The sample with its fine as an event: the 144 cases counted were fined, the money their
    fine (offsets found in the text, as for every record here)."""
    import attrs

    t = doc.text
    fine = doc.fines[0]
    cases = doc.counts[0]
    target = span(Party, t, "144 trường hợp", kind="count", count=cases)
    trigger = span(Phrase, t, "tiền phạt")
    event = Event(
        text=t[target.start : fine.end], start=target.start, end=fine.end, kind="fine",
        trigger=trigger, target=target, money=fine.money,
    )  # fmt: skip
    return attrs.evolve(doc, events=(event,))


def with_location(doc: Document) -> Document:
    """The sample with "Bình Dương" also tagged as a place inside the title's organisation."""
    import attrs

    return attrs.evolve(
        doc, locations=(span(Location, doc.text, "Bình Dương", name="Bình Dương", kind="tỉnh"),)
    )
