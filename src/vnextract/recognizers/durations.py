"""Durations: "15 năm tù" (P15Y), "2 giờ 30 phút" (PT2H30M), "5 năm qua", "một tuần rưỡi".

Called by the numbers recogniser once it has a number followed by a time unit; this module
decides whether it really is a length of time (not "5 tháng 9", a date, nor "2 giờ chiều", a
clock time) and builds the ISO 8601 duration.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon import load_tsv
from vnextract.records import Duration

__all__ = ["half_durations", "iso_duration", "make_duration"]

_NINE_DECIMALS = Decimal("1e-9")

# unit → (ISO designator, multiplier, is a time-of-day part)
_ISO: dict[str, tuple[str, int, bool]] = {
    "year": ("Y", 1, False),
    "decade": ("Y", 10, False),
    "century": ("Y", 100, False),
    "month": ("M", 1, False),
    "week": ("W", 1, False),
    "day": ("D", 1, False),
    "hour": ("H", 1, True),
    "minute": ("M", 1, True),
    "second": ("S", 1, True),
}
# the next smaller unit that may follow in a compound: "3 năm 6 tháng", "2 giờ 30 phút"
_NEXT_UNIT = {"year": "month", "month": "day", "hour": "minute", "minute": "second"}
_UNIT_WORDS = {row["surface"]: row["unit"] for row in load_tsv("time_units.tsv")}

# "5 tháng 9", "3 năm 2020", "20 ngày 10/5": the unit word starts a date, not a duration.
_DATE_AFTER_RE = lazy_compile(r"\ *(?:\d|/)")
# "2 giờ chiều", "7 giờ sáng": a clock time (grammar: the parts of a day)
_CLOCK_AFTER_RE = lazy_compile(
    r"\ +(?:sáng|trưa|chiều|tối|đêm|khuya|ngày|hôm)(?![\p{L}])", flags=regex.IGNORECASE
)
_MINUTES_AFTER_RE = lazy_compile(r"\ *\d")
_HOUR_BEFORE_RE = lazy_compile(r"\d\ *(?:giờ|h)\ +\Z", flags=regex.IGNORECASE)
# "lúc 17 giờ", "hồi 15 giờ", "đúng 7 giờ", "đến 8 giờ", "từ 22 giờ": a clock time (grammar: the
# prepositions of a point in time)
_CLOCK_BEFORE_RE = lazy_compile(r"(?<![\p{L}])(?:lúc|hồi|đúng|đến|tới|vào|từ)\ +\Z", flags=regex.IGNORECASE)
# "2 năm 8 tháng", "3 giờ 15 phút": a smaller unit after a larger one (grammar: the units a
# compound goes on with)
_COMPOUND_RE = lazy_compile(
    r"\ +(?:và\ +)?(?P<n>\d{1,2})\ +(?P<u>tháng|ngày|phút|giây)(?![\p{L}])", flags=regex.IGNORECASE
)
# what may close the span: "rưỡi" (and a half), "tù" (prison), "qua"/"nay"/"trước"/"tới" (past/coming)
# (grammar: the closed set of words a duration ends with)
_TAIL_RE = lazy_compile(
    r"\ +(?P<t>rưỡi|tù\ +giam|tù\ +treo|tù|qua|nay|liền|liên\ tục)(?![\p{L}])", flags=regex.IGNORECASE
)
_UNIT_ALT = "|".join(
    r"\ +".join(map(regex.escape, w.split())) for w in sorted(_UNIT_WORDS, key=len, reverse=True)
)
_HALF_RE = lazy_compile(
    rf"(?<![\p{{L}}])(?P<q>gần\ +|hơn\ +)?nửa\ +(?P<u>{_UNIT_ALT})(?![\p{{L}}])",
    flags=regex.IGNORECASE,
)


def iso_duration(value: Decimal, unit: str) -> str | None:
    """ISO 8601 duration of a value in one unit.

    >>> iso_duration(Decimal(15), "year"), iso_duration(Decimal("1.5"), "week")
    ('P15Y', 'P1.5W')
    >>> iso_duration(Decimal(30), "minute")
    'PT30M'
    """
    if unit not in _ISO:
        return None
    designator, multiplier, clock = _ISO[unit]
    number = value * multiplier
    text = format(number.normalize(), "f") if number != number.to_integral_value() else str(int(number))
    return f"PT{text}{designator}" if clock else f"P{text}{designator}"


def make_duration(
    norm: str,
    start: int,
    end: int,
    value: Decimal,
    unit: str,
    qualifier: str | None,
    value_to: Decimal | None = None,
) -> Duration | None:
    """A Duration for a number + time unit at ``start:end``, or None when it is a date/clock time.

    >>> make_duration("15 năm tù", 0, 6, Decimal(15), "year", None).iso
    'P15Y'
    >>> make_duration("ngày 5 tháng 9", 5, 12, Decimal(5), "month", None) is None
    True
    """
    compound = _COMPOUND_RE.match(norm, end)
    if compound is not None and _UNIT_WORDS.get(compound.group("u").casefold()) != _NEXT_UNIT.get(unit):
        compound = None
    if compound is None and unit == "month" and _DATE_AFTER_RE.match(norm, end):
        return None  # "5 tháng 9" is the fifth of September
    if unit == "minute" and _HOUR_BEFORE_RE.search(norm, max(0, start - 10), start):
        return None  # "21 giờ 45 phút": the minutes of a clock time (or of a compound read already)
    if unit == "hour" and (
        _CLOCK_AFTER_RE.match(norm, compound.end() if compound else end)
        or (compound is None and _MINUTES_AFTER_RE.match(norm, end))  # "14 giờ 10": ten past two
        or _CLOCK_BEFORE_RE.search(norm, max(0, start - 8), start)
    ):
        return None
    iso = iso_duration(value, unit)
    if compound is not None:
        smaller = _UNIT_WORDS[compound.group("u").casefold()]
        part = Decimal(compound.group("n"))
        rest = iso_duration(part, smaller) or ""
        if iso is not None:
            iso = iso + (rest[2:] if rest.startswith("PT") and "T" in iso else rest[1:])
        ratio = _ratio(unit, smaller)
        if ratio:
            # At most 9 decimals ("2 năm 8 tháng" = 2.666666667 years): what Arrow/Spark's
            # decimal(38, 9) column holds, so every output gives the same value.
            value = value + (part / ratio).quantize(_NINE_DECIMALS).normalize()
        end = compound.end()
    tail = _TAIL_RE.match(norm, end)
    if tail is not None:
        if tail.group("t").casefold() == "rưỡi":  # "một tuần rưỡi" = 1.5 weeks
            value += Decimal("0.5")
            iso = iso_duration(value, unit)
        end = tail.end()
    return Duration(
        text=norm[start:end],
        start=start,
        end=end,
        value=value,
        unit=unit,
        iso=iso if value_to is None else None,
        qualifier=qualifier,  # type: ignore[arg-type]
        value_to=value_to,
    )


_RATIOS = {("year", "month"): 12, ("month", "day"): 30, ("hour", "minute"): 60, ("minute", "second"): 60}


def _ratio(unit: str, smaller: str) -> int | None:
    return _RATIOS.get((unit, smaller))


def half_durations(norm: str) -> Iterator[Duration]:
    """"nửa tháng" (half a month) → value 0.5, unit month, P0.5M.

    >>> [d.iso for d in half_durations("nghỉ nửa tháng")]
    ['P0.5M']
    """
    for match in _HALF_RE.finditer(norm):
        unit = _UNIT_WORDS[" ".join(match.group("u").casefold().split())]
        qualifier = {"gần": "nearly", "hơn": "more_than"}.get((match.group("q") or "").strip().casefold())
        yield Duration(
            text=match.group(),
            start=match.start(),
            end=match.end(),
            value=Decimal("0.5"),
            unit=unit,
            iso=iso_duration(Decimal("0.5"), unit),
            qualifier=qualifier,  # type: ignore[arg-type]
        )
