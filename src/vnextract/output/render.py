"""HTML rendering of a Document: the text with every record highlighted inline.

In the spirit of spaCy's displaCy: one colour per kind of record, a small label after each
highlighted span, a legend, and the normalised value on hover ("504.000.000 VND (hơn)",
"2015-08-24T07:38", a person's titles). A notebook shows it through ``Document._repr_html_``;
:func:`render` returns the same HTML as a string.

The input text is escaped (it may contain ``<script>``); styles are inline, with no ``<style>``
block, so the HTML is self-contained wherever a notebook front end puts it (a viewer that
strips styles still shows plain ``<mark>`` highlights and the labels). Nested records
("UBND tỉnh" inside a person's title, a money amount inside a fine) become nested marks;
records that cross without nesting are cut into fragments at the crossing, each fragment
carrying the whole record's tooltip and the label shown once, after the last fragment.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from vnextract.kinds import DOCUMENT_FIELDS, DRAW_ORDER, RecordKind, kind_of
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
    Party,
    Percentage,
    Person,
    Quantity,
    Span,
    Title,
)

if TYPE_CHECKING:
    from vnextract.document import Document

__all__ = ["HTML", "KINDS", "describe", "render"]


#: Every kind the renderer draws (the registry's kinds with their label, names and colour), in
#: legend order; the order also breaks ties between records with the same span (the earlier
#: kind is drawn outside: a fine around its money).
KINDS: dict[str, RecordKind] = {name: kind_of(name) for name in DRAW_ORDER}
_KIND_ORDER = {kind: i for i, kind in enumerate(KINDS)}

# Vietnamese for each qualifier, as a reader would say it before the number.
_QUALIFIER_WORDS = {
    "more_than": "hơn",  # more than
    "less_than": "dưới",  # less than
    "about": "khoảng",  # about
    "nearly": "gần",  # nearly
    "at_least": "ít nhất",  # at least
    "at_most": "tối đa",  # at most
}


# ----------------------------------------------------------------------------- values


def vietnamese_number(value: int | Decimal) -> str:
    """A number as Vietnamese writes it: "." groups thousands, "," marks decimals.

    >>> vietnamese_number(Decimal("504000000")), vietnamese_number(Decimal("1.5"))
    ('504.000.000', '1,5')
    """
    if isinstance(value, Decimal) and value != value.to_integral_value():
        digits = format(value.normalize(), "f")
        sign = "-" if digits.startswith("-") else ""
        whole, fraction = digits.lstrip("-").split(".")
        return f"{sign}{int(whole):,}".replace(",", ".") + "," + fraction
    return f"{int(value):,}".replace(",", ".")


def _qualified(summary: str, qualifier: str | None) -> str:
    return f"{summary} ({_QUALIFIER_WORDS.get(qualifier, qualifier)})" if qualifier else summary


def _range(low: int | Decimal, high: int | Decimal | None) -> str:
    return vietnamese_number(low) if high is None else f"{vietnamese_number(low)}–{vietnamese_number(high)}"


def _describe_title(title: Title) -> str:
    line = title.text
    if title.organization_expansion:
        line += f" ({title.organization_expansion})"
    if title.modifier:
        line += f" [{title.modifier}]"
    return line


def _part_text(part: Span) -> str:
    """A part of an event as a reader wants it: a Party by the name of the record it names, its
    mention after it when the words differ ("Trần Văn Hùng («Hùng»)"); other parts their text."""
    name = part.name if isinstance(part, Party) else None
    if name is None or name == part.text:
        return part.text
    return f"{name} («{part.text}»)"


def _describe_event(event: Event) -> str:
    """ "prison · imposed", then each field found, a label in Vietnamese and English per line."""
    lines = [f"{event.kind} · {event.status}"]
    parts = (
        ("đối tượng (target)", event.target),  # đối tượng = the one concerned
        ("cơ quan (authority)", event.authority),
        ("lý do (reason)", event.reason),
        ("danh hiệu (award)", event.award),
    )
    lines += [f"{label}: {_part_text(part)}" for label, part in parts if part is not None]
    if event.recipients:
        lines.append("nhận (recipients): " + "; ".join(_part_text(r) for r in event.recipients))
    if event.money is not None:
        lines.append(f"tiền (money): {describe(event.money)}")
    if event.term is not None:
        lines.append(f"thời hạn (term): {describe(event.term)}")
    if event.date is not None:
        lines.append(f"ngày (date): {event.date.iso or event.date.text}")
    return "\n".join(lines)


def describe(record: Span) -> str:
    """The normalised value of a record in one short text: what the renderer shows on hover.

    >>> from decimal import Decimal
    >>> describe(Money(text="hơn 504 triệu đồng", start=0, end=18, amount=Decimal(504000000),
    ...                currency="VND", qualifier="more_than"))
    '504.000.000 VND (hơn)'
    """
    if isinstance(record, Money):
        return _qualified(f"{_range(record.amount, record.amount_to)} {record.currency}", record.qualifier)
    if isinstance(record, Event):
        return _describe_event(record)
    if isinstance(record, Fine):
        lines = [f"phạt {describe(record.money)}"]  # phạt = fine
        if record.violations is not None:
            lines.append(f"vi phạm: {describe(record.violations)}")  # vi phạm = violations
        return "\n".join(lines)
    if isinstance(record, Count):
        return _qualified(f"{vietnamese_number(record.value)} {record.unit}", record.qualifier)
    if isinstance(record, Percentage):
        unit = "%" if record.unit == "%" else " điểm %"  # điểm phần trăm = percentage point
        return _qualified(f"{_range(record.value, record.value_to)}{unit}", record.qualifier)
    if isinstance(record, Quantity):
        return _qualified(f"{_range(record.value, record.value_to)} {record.unit}", record.qualifier)
    if isinstance(record, Duration):
        summary = f"{vietnamese_number(record.value)} {record.unit}"
        if record.iso:
            summary = f"{record.iso} · {summary}"
        return _qualified(summary, record.qualifier)
    if isinstance(record, DateMention):
        lines = [record.iso or "(tương đối: relative, no reference date)"]
        if record.earliest is not None and record.latest is not None and record.earliest != record.latest:
            lines.append(f"{record.earliest.isoformat()} … {record.latest.isoformat()}")
        if record.part:
            lines.append(f"part: {record.part}")
        return "\n".join(lines)
    if isinstance(record, Person):
        name = f"{record.honorific} {record.name}" if record.honorific else record.name
        lines = [name, *(f"• {_describe_title(t)}" for t in record.titles)]
        facts = [
            f"{label}: {value}"
            for label, value in (
                ("tuổi (age)", record.age),
                ("sinh năm (born)", record.birth_year),
                ("ngụ (lives in)", record.residence),
                ("gender", record.gender),
            )
            if value is not None
        ]
        lines.extend(facts)
        if len(record.mentions) > 1:
            lines.append(f"{len(record.mentions)} mentions")
        return "\n".join(lines)
    if isinstance(record, Title):
        lines = [f"role: {record.role}"]
        if record.organization:
            lines.append(f"organization: {record.organization}")
        if record.organization_expansion:
            lines.append(f"= {record.organization_expansion}")
        if record.modifier:
            lines.append(f"modifier: {record.modifier}")
        return "\n".join(lines)
    if isinstance(record, Organization):
        line = record.name
        if record.expansion:
            line += f" = {record.expansion}"
        elif record.abbreviation:
            line += f" ({record.abbreviation})"
        return line
    if isinstance(record, Location):
        return f"{record.name} ({record.kind})" if record.kind else record.name
    if isinstance(record, Abbreviation):
        return f"{record.short} = {record.long}"
    return record.text


# ----------------------------------------------------------------------------- marks


class Mark(NamedTuple):
    """One highlighted span: a record (or one mention of a person) placed on the text."""

    kind: str
    start: int
    end: int
    tooltip: str
    record: int = 0  # which record (its id()): the mentions of one person share it


def _record_marks(doc: Document) -> Iterator[Mark]:
    for person in doc.persons:
        tooltip = describe(person)
        for start, end in person.mentions or ((person.start, person.end),):
            yield Mark("person", start, end, tooltip, id(person))
        for title in person.titles:
            yield Mark("title", title.start, title.end, f"{describe(title)}\n→ {person.name}", id(title))
    for event in doc.events:  # on its trigger word: the clause would wrap every other mark
        yield Mark("event", event.trigger.start, event.trigger.end, describe(event), id(event))
    fine_spans = {(fine.start, fine.end) for fine in doc.fines}
    for fine in doc.fines:
        yield Mark("fine", fine.start, fine.end, describe(fine), id(fine))
    for money in doc.money:
        # A fine drawn on exactly the money's span already says the amount: one mark, not two.
        if (money.start, money.end) not in fine_spans:
            yield Mark("money", money.start, money.end, describe(money), id(money))
    simple: Sequence[tuple[str, Iterable[Span]]] = (
        ("organization", doc.organizations),
        ("location", doc.locations),
        ("date", doc.dates),
        ("duration", doc.durations),
        ("percentage", doc.percentages),
        ("count", doc.counts),
        ("quantity", doc.quantities),
        ("abbreviation", doc.abbreviations),
    )
    for kind, records in simple:
        for record in records:
            yield Mark(kind, record.start, record.end, describe(record), id(record))


def marks(doc: Document, kinds: Iterable[str] | None = None) -> list[Mark]:
    """Every mark to draw, outer before inner: sorted by start, longest first, then kind order.

    Duplicates (same kind and span) are dropped; spans outside the text are ignored.

    >>> from vnextract.document import Document
    >>> from vnextract.records import Count
    >>> doc = Document(text="Tuyên dương 13 tập thể",
    ...                counts=(Count(text="13 tập thể", start=12, end=22, value=13, unit="tập thể"),))
    >>> [(m.kind, m.start, m.end, m.tooltip) for m in marks(doc)]
    [('count', 12, 22, '13 tập thể')]
    """
    wanted = set(KINDS) if kinds is None else set(kinds)
    unknown = wanted - set(KINDS)
    if unknown:
        raise ValueError(f"unknown kinds {sorted(unknown)}; choose from {list(KINDS)}")
    seen: set[tuple[str, int, int]] = set()
    out: list[Mark] = []
    for mark in _record_marks(doc):
        key = (mark.kind, mark.start, mark.end)
        if mark.kind in wanted and key not in seen and 0 <= mark.start < mark.end <= len(doc.text):
            seen.add(key)
            out.append(mark)
    out.sort(key=lambda m: (m.start, -m.end, _KIND_ORDER[m.kind]))
    return out


# ----------------------------------------------------------------------------- HTML

_FONT = "font-family: -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif"
_CONTAINER_STYLE = (
    f"{_FONT}; font-size: 15px; line-height: 2.3; white-space: pre-wrap; overflow-wrap: anywhere; "
    "padding: 0.5em 0; max-width: 60em"
)
_MARK_STYLE = (
    "background: {colour}; color: #1f2328; padding: 0.2em 0.35em; margin: 0 0.1em; "
    "border-radius: 0.35em; line-height: 1; box-decoration-break: clone; "
    "-webkit-box-decoration-break: clone; cursor: help"
)
_LABEL_STYLE = (
    "font-size: 0.62em; font-weight: 700; letter-spacing: 0.03em; margin-left: 0.35em; "
    "vertical-align: middle; opacity: 0.75"
)
_LEGEND_STYLE = f"{_FONT}; font-size: 13px; line-height: 2; margin-bottom: 0.4em"
_CHIP_STYLE = (
    "display: inline-block; background: {colour}; color: #1f2328; padding: 0 0.5em; "
    "border-radius: 0.35em; margin-right: 0.5em; font-weight: 600"
)


def _open(mark: Mark) -> str:
    style = KINDS[mark.kind]
    return (
        f'<mark class="vnx vnx-{mark.kind}" data-kind="{mark.kind}" data-start="{mark.start}" '
        f'data-end="{mark.end}" title="{html.escape(mark.tooltip)}" '
        f'style="{_MARK_STYLE.format(colour=style.colour)}">'
    )


def _close(mark: Mark, at: int, labels: bool) -> str:
    if labels and at == mark.end:  # the label goes after the record's last fragment only
        return f'<span class="vnx-label" style="{_LABEL_STYLE}">{KINDS[mark.kind].label}</span></mark>'
    return "</mark>"


def _highlight(text: str, drawn: Sequence[Mark], labels: bool) -> str:
    """The text with nested ``<mark>`` elements; a sweep over the span boundaries."""
    boundaries = sorted({0, len(text), *(m.start for m in drawn), *(m.end for m in drawn)})
    rank = {id(m): i for i, m in enumerate(drawn)}  # drawn is sorted outer-first
    starting: dict[int, list[Mark]] = {}
    for mark in drawn:
        starting.setdefault(mark.start, []).append(mark)
    active: list[Mark] = []
    stack: list[Mark] = []
    parts: list[str] = []
    for a, b in itertools.pairwise(boundaries):
        active = [m for m in active if m.end > a] + starting.get(a, [])
        wanted = sorted(active, key=lambda m: rank[id(m)])
        keep = 0
        while keep < len(stack) and keep < len(wanted) and stack[keep] is wanted[keep]:
            keep += 1
        while len(stack) > keep:
            parts.append(_close(stack.pop(), a, labels))
        for mark in wanted[keep:]:
            parts.append(_open(mark))
            stack.append(mark)
        parts.append(html.escape(text[a:b], quote=False))
    while stack:
        parts.append(_close(stack.pop(), len(text), labels))
    return "".join(parts)


def _legend(drawn: Sequence[Mark]) -> str:
    # records, not marks: a person mentioned three times counts once
    records: dict[str, set[int]] = {}
    for mark in drawn:
        records.setdefault(mark.kind, set()).add(mark.record)
    counts = {kind: len(found) for kind, found in records.items()}
    items = []
    for kind, style in KINDS.items():
        if kind in counts:
            items.append(
                f'<span class="vnx-legend-item" data-kind="{kind}" style="white-space: nowrap; '
                f'margin-right: 1em"><span style="{_CHIP_STYLE.format(colour=style.colour)}">'
                f"{style.label}</span>{style.vietnamese} · {style.english} × {counts[kind]}</span>"
            )
    if not items:
        empty = "(không có bản ghi · no records)"
        items.append(f'<span class="vnx-legend-item" style="opacity: 0.7">{empty}</span>')
    return f'<div class="vnx-legend" style="{_LEGEND_STYLE}">{"".join(items)}</div>'


class HTML(str):
    """The rendered HTML: a plain ``str`` that a notebook also shows as HTML.

    ``vnextract.render(doc, kinds=["person"])`` as the last expression of a cell is drawn, not
    printed as markup; everywhere else it is the string (write it to a file, embed it).
    """

    __slots__ = ()

    def _repr_html_(self) -> str:
        return str(self)


def render(
    doc: Document,
    *,
    kinds: Iterable[str] | None = None,
    labels: bool = True,
    legend: bool = True,
    page: bool = False,
) -> HTML:
    """HTML of the document's text with its records highlighted; safe for any input text.

    ``kinds`` limits the kinds drawn (names from :data:`KINDS`: "person", "money", …);
    ``labels`` and ``legend`` switch the label chips and the legend; ``page=True`` returns a
    whole HTML page (to save as a file) instead of a fragment (for a notebook).

    >>> from decimal import Decimal
    >>> from vnextract.document import Document
    >>> from vnextract.records import Count
    >>> doc = Document(text="Tuyên dương 13 tập thể",
    ...                counts=(Count(text="13 tập thể", start=12, end=22, value=13, unit="tập thể"),))
    >>> '<mark class="vnx vnx-count"' in render(doc)
    True
    """
    if isinstance(doc, (str, bytes)) or not all(hasattr(doc, f) for f in ("text", *DOCUMENT_FIELDS)):
        # a Document's fields, not its class: this module is below vnextract.document, which
        # imports it for Document._repr_html_
        raise TypeError(f"render() takes a Document (from vnextract.extract), got {type(doc).__name__}")
    drawn = marks(doc, kinds)
    body = _highlight(doc.text, drawn, labels)
    fragment = (
        '<div class="vnx-document">'
        + (_legend(drawn) if legend else "")
        + f'<div class="vnx-text" style="{_CONTAINER_STYLE}">{body}</div></div>'
    )
    if not page:
        return HTML(fragment)
    return HTML(
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
        "<title>vnextract</title></head>"
        f'<body style="margin: 1.5em 2em; background: #fff; color: #1f2328">{fragment}</body></html>\n'
    )
