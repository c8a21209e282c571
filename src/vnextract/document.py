"""The Document: every record found in one text (the public contract: docs/records.md).

It sits above the record classes and the registry of kinds (:mod:`vnextract.kinds`) and below
nothing else: its ``to_dict()``, ``_repr_html_()`` and ``to_frame()`` call the output modules
that take a Document without importing this module (serialize, render, rows), so no import
cycle runs through it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from vnextract.kinds import DOCUMENT_FIELDS
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
    Sentence,
    Span,
)

__all__ = ["Document"]

#: How much of the text a Document's repr shows.
_REPR_WORDS = 10
_REPR_CHARACTERS = 60


@attrs.frozen(kw_only=True, repr=False)
class Document:
    """Everything found in one text; each tuple is in text order.

    Its repr is short (sizes, records per kind, the first words), as spaCy's Doc is: the
    records themselves are in the fields, or all at once in ``to_dict()``.
    """

    text: str
    sentences: tuple[Sentence, ...] = ()
    published: dt.datetime | dt.date | None = None
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
    events: tuple[Event, ...] = ()

    def __repr__(self) -> str:
        """``<Document 3,612 characters, 9 sentences; persons=4 dates=2 money=3; 'Phát biểu …'>``"""
        found = " ".join(
            f"{key}={len(getattr(self, key))}" for key in DOCUMENT_FIELDS if getattr(self, key)
        )
        words = " ".join(self.text.split()[:_REPR_WORDS])
        if len(words) > _REPR_CHARACTERS:
            words = words[: _REPR_CHARACTERS - 1] + "…"
        elif len(self.text.split()) > _REPR_WORDS:
            words += " …"
        sentences = f"{len(self.sentences):,} sentence{'s' if len(self.sentences) != 1 else ''}"
        return (
            f"<Document {len(self.text):,} characters, {sentences}; {found or 'no records'}; {words!r}>"
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe dict: the contract keys plus ``quantities`` and ``published``.

        Decimals become int when whole and str otherwise; dates become ISO strings.
        """
        from vnextract.output.serialize import document_to_dict

        return document_to_dict(self)

    def _repr_html_(self) -> str:
        """Notebooks show the text with every record highlighted (see :func:`vnextract.render`)."""
        from vnextract.output.render import render

        return str(render(self))

    def to_frame(self) -> Any:
        """A pandas DataFrame, one row per record (needs the extra ``vnextract[frames]``)."""
        from vnextract.output.rows import document_to_frame

        return document_to_frame(self)

    def records(self) -> list[Span]:
        """Every top-level span record, in text order (persons, dates, money, …).

        Events are not among them: an event is a clause made of these records (its money, term,
        target …), read from ``events``.
        """
        out: list[Span] = []
        for key in DOCUMENT_FIELDS:
            if key == "events":
                continue
            out.extend(getattr(self, key))
        return sorted(out, key=lambda r: (r.start, r.end))

