"""What follows a number: currencies, "%", time units, measures and counted nouns, from data files.

All unit words are compiled into one alternation, longest first, so that "đồng nghiệp"
(colleague, a counted noun) wins over "đồng" (the currency) and "m2" over "m". A match is
then looked up in a dictionary to learn its kind.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import Any, Literal, NamedTuple

import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon import load_tsv

__all__ = ["UNIT_RE", "Unit", "currency_prefix", "unit_after", "units"]  # noqa: F822 - UNIT_RE: __getattr__

Kind = Literal["percent", "percentage_point", "currency", "time", "measure", "count", "none"]


class Unit(NamedTuple):
    """A unit word as found after a number."""

    kind: Kind
    #: ISO 4217 code, time unit name, measure symbol or the counted noun as written
    canonical: str
    #: "after", "before" or "both" for currencies (where the symbol may stand); "after_large":
    #: after the number, and a currency only for an amount of a thousand or more ("bảng")
    position: str = "after"


_PERCENT: tuple[tuple[str, Unit], ...] = (
    ("%", Unit("percent", "%")),
    ("phần trăm", Unit("percent", "%")),  # per cent
    ("điểm phần trăm", Unit("percentage_point", "percentage_point")),  # percentage point
    ("điểm %", Unit("percentage_point", "percentage_point")),
)


@cache
def units() -> Mapping[str, Unit]:
    """Every unit surface → its Unit; earlier kinds win when a surface is listed twice.

    >>> units()["đồng"].canonical, units()["đồng nghiệp"].kind, units()["phần trăm"].kind
    ('VND', 'count', 'percent')
    """
    table: dict[str, Unit] = {}

    def add(surface: str, unit: Unit) -> None:
        table.setdefault(surface, unit)

    for surface, unit in _PERCENT:
        add(surface, unit)
    for row in load_tsv("currencies.tsv"):
        add(row["surface"], Unit("currency", row["currency"], row["position"]))
    for row in load_tsv("time_units.tsv"):
        add(row["surface"], Unit("time", row["unit"]))
    for row in load_tsv("measure_units.tsv"):
        add(row["surface"], Unit("measure", row["unit"]))
    for row in load_tsv("count_units.tsv"):
        add(row["noun"], Unit("count", row["noun"]))
    # words that start like a unit but are not one: "đồng thời" (at the same time), "yên tâm"
    for row in load_tsv("unit_exceptions.tsv"):
        add(row["surface"], Unit("none", row["surface"]))
    return MappingProxyType(table)


def _alternative(surface: str) -> str:
    body = r"\ +".join(regex.escape(part) for part in surface.split(" "))
    # a unit that ends in a letter or digit must end a word: "m" is not the start of "mẹ"
    return body + (r"(?![\p{L}\p{N}])" if surface[-1].isalnum() else "")


_ORDERED = sorted(units(), key=len, reverse=True)


@cache
def _unit_re() -> regex.Pattern[str]:
    """UNIT_RE, compiled on first use: a few hundred alternatives take a noticeable part of the
    first call to compile, and only the tests read it (unit_after uses the patterns below)."""
    alternation = "|".join(_alternative(s) for s in _ORDERED)
    return regex.compile(rf"\ *+(?P<unit>{alternation})", flags=regex.V0)


def __getattr__(name: str) -> Any:
    if name == "UNIT_RE":  # a unit right after a number: no space ("500đ", "5%") or spaces
        return _unit_re()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _alternatives_by_first_character() -> Mapping[str, str]:
    """UNIT_RE's alternatives cut by the first character of the unit (the pattern is
    case-sensitive), in UNIT_RE's order.

    Trying a few hundred alternatives at every number is most of unit_after's cost; only those
    starting with the character after the spaces can match, and keeping their order (longest
    first) keeps the match UNIT_RE would find.
    """
    groups: dict[str, list[str]] = {}
    for surface in _ORDERED:
        groups.setdefault(surface[0], []).append(_alternative(surface))
    return MappingProxyType({first: "|".join(alternatives) for first, alternatives in groups.items()})


_ALTERNATIVES_BY_FIRST = _alternatives_by_first_character()


@cache
def _unit_pattern(first: str) -> regex.Pattern[str] | None:
    """The units starting with ``first`` after optional spaces (compiled when first needed)."""
    alternatives = _ALTERNATIVES_BY_FIRST.get(first)
    if alternatives is None:
        return None
    return regex.compile(rf"\ *+(?P<unit>{alternatives})", flags=regex.V0)


_BEFORE = [s for s, u in units().items() if u.kind == "currency" and u.position in ("before", "both")]
#: A currency symbol or code written before the number: "$10", "US$ 5", "USD1,23", "€20".
_BEFORE_ALT = "|".join(regex.escape(s) for s in sorted(_BEFORE, key=len, reverse=True))
_PREFIX_RE = lazy_compile(rf"(?:(?<![\p{{L}}\p{{N}}])|(?<=\$))(?P<unit>{_BEFORE_ALT})\ ?\Z")


def unit_after(text: str, pos: int) -> tuple[Unit, int, int] | None:
    """The unit starting at ``pos`` (after optional spaces): (unit, start, end), or None.

    >>> unit_after("504 triệu đồng;", 10)[0]
    Unit(kind='currency', canonical='VND', position='after')
    """
    at = pos
    while text[at : at + 1] == " ":
        at += 1
    pattern = _unit_pattern(text[at : at + 1])
    match = pattern.match(text, pos) if pattern is not None else None
    if match is None:
        return None
    surface = " ".join(match.group("unit").split())
    unit = units().get(surface)
    if unit is None:  # pragma: no cover - every alternative comes from the table
        return None
    return unit, match.start("unit"), match.end("unit")


def currency_prefix(text: str, pos: int) -> tuple[str, int] | None:
    """A currency symbol/code written just before ``pos``: (ISO code, its start), or None.

    >>> currency_prefix("giá $10", 5)
    ('USD', 4)
    """
    window = text[max(0, pos - 6) : pos]
    match = _PREFIX_RE.search(window)
    if match is None:
        return None
    unit = units()[match.group("unit")]
    return unit.canonical, pos - len(window) + match.start("unit")
