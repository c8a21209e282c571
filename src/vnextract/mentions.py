"""What recognisers found in one text, before linking: records bucketed by kind.

Offsets here are into ``Text.normalized``; the pipeline maps them to the caller's string last.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from vnextract.kinds import KINDS
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

#: record class → Mentions field it goes to (every kind of the registry, titles included).
BUCKETS: dict[type[Span], str] = {kind.record: kind.field for kind in KINDS}


@attrs.frozen(kw_only=True)
class Mentions:
    """Immutable bag of records; linkers return a new one with ``attrs.evolve``."""

    persons: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    locations: tuple[Location, ...] = ()
    dates: tuple[DateMention, ...] = ()
    durations: tuple[Duration, ...] = ()
    counts: tuple[Count, ...] = ()
    percentages: tuple[Percentage, ...] = ()
    money: tuple[Money, ...] = ()
    fines: tuple[Fine, ...] = ()
    abbreviations: tuple[Abbreviation, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    #: titles not yet attached to a person (the titles linker moves them into Person.titles).
    titles: tuple[Title, ...] = ()
    #: sanctions and awards (the events linker builds them from everything above).
    events: tuple[Event, ...] = ()

    @classmethod
    def collect(cls, records: Iterable[Span]) -> Mentions:
        """Bucket records by their class, each bucket in text order."""
        buckets: dict[str, list[Span]] = {name: [] for name in BUCKETS.values()}
        for record in records:
            try:
                buckets[BUCKETS[type(record)]].append(record)
            except KeyError:
                raise TypeError(f"a recogniser returned {type(record).__name__}, not a record") from None
        ordered: dict[str, Any] = {name: tuple(sorted(items, key=_order)) for name, items in buckets.items()}
        return cls(**ordered)


def _order(record: Span) -> tuple[int, int]:
    return (record.start, record.end)
