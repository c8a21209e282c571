"""Recogniser: dates, date-times and date ranges, with ISO 8601 values.

Three linear steps over the atoms that :mod:`.date_grammar` finds (:mod:`.date_atoms` parses them):

1. join a time of day to the day beside it ("14h30 ngày 5/6/2021", "24/08/2015 - 07:38"),
   and a time zone to it ("(GMT+7)");
2. join two ends of a range ("giai đoạn 2011-2015" is one atom already; "từ ngày 1/6 đến
   15/6/2021", "ngày 22 và 23-9-2005", "30/4-1/5", "từ đầu năm đến nay"), the first end taking
   the month and year it lacks from the second;
3. resolve relative expressions ("hôm qua" = yesterday, "tuần trước" = last week) against the
   reference date — the caller's, else the document's dateline — and lunar dates ("mùng 3
   tháng 3 năm Tân Sửu") to the Gregorian calendar, then render ISO values.

dateparser is not used: on news phrasings it is wrong more often than right ("quý II/2024",
"14h30", "giai đoạn 2011-2015", "80%"), and every form it gets right is in the grammar already.
"""

from __future__ import annotations

import bisect
import calendar
import dataclasses
import datetime as dt
from collections.abc import Iterator, Sequence

import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.recognizers.date_atoms import clock_hour, parse_atoms
from vnextract.recognizers.date_grammar import Atom, Point, valid_day
from vnextract.recognizers.date_lunar import lunar_to_solar
from vnextract.recognizers.date_names import bulletin_hour
from vnextract.records import DateMention, Span
from vnextract.text import Text

# Between the two ends of a range: "-", "đến" (to), "đến hết" (through), "tới", "cho đến";
# "và"/"hoặc"/"hay" (and/or) make a range only after a lone day ("ngày 22 và 23-9-2005").
_RANGE_GAP = lazy_compile(
    r"[^\S\n]*(?:[-–—]|đến(?:[^\S\n]+hết)?|tới|cho[^\S\n]+(?:đến|tới))[^\S\n]*", regex.IGNORECASE
)
# grammar: the conjunctions "và" (and), "hoặc"/"hay" (or)
_AND_GAP = lazy_compile(r"[^\S\n]*(?:và|hoặc|hay|,)[^\S\n]*", regex.IGNORECASE)
# a relative day then its date: "Hôm nay, 19-1", "chiều qua (23-4)"
_APPOSITION_GAP = lazy_compile(r"[^\S\n]*[,(]?[^\S\n]*")
# time → day: "14h30 ngày 5/6", "7:30 tối 20/4/2017", "9h sáng hôm qua", "10h, 5/6"
_TIME_DAY_GAP = lazy_compile(r"[^\S\n]*,?[^\S\n]*(?:(?:vào[^\S\n]+)?(?:hôm|bữa)[^\S\n]+)?", regex.IGNORECASE)
# day → time: "24/08/2015 - 07:38", "ngày 5/6/2021 lúc 14h"
_DAY_TIME_GAP = lazy_compile(
    r"[^\S\n]*(?:[-–,|][^\S\n]*)?(?:(?:vào[^\S\n]+)?lúc[^\S\n]+)?", regex.IGNORECASE
)
# "từ" (from) opens a range and belongs to its span
_FROM = lazy_compile(r"(?<![\p{L}])từ[^\S\n]+$", regex.IGNORECASE)
# what may stand beside the date on a dateline: "Cập nhật:" (updated), "|", "(GMT+7)"
# (grammar: the labels of the datelines the corpus has)
_DATELINE_REST = lazy_compile(
    r"[\s\W]*(?:(?:cập\s+nhật|đăng\s+lúc|ngày\s+đăng|đăng\s+ngày|ngày|thời\s+gian)\s*:?)?[\s\W]*",
    regex.IGNORECASE,
)
_DATELINE_LINES = 6  # the dateline stands among the first lines …
_DATELINE_CHARS = 600  # … near the top


# ----------------------------------------------------------------------------- joining atoms


def _is_day(atom: Atom) -> bool:
    p = atom.value
    return (
        atom.kind == "point"
        and isinstance(p, Point)
        and not atom.day_only
        and p.hour is None
        and (p.day is not None or p.rel_unit == "day" or (p.rel_unit == "week" and p.weekday is not None))
    )


def _is_relative_day(atom: Atom) -> bool:
    return isinstance(atom.value, Point) and atom.value.rel_unit == "day" and atom.value.rel_offset <= 0


def _with_time(day: Point, time: Point) -> Point:
    hour = time.hour
    if time.pod is None and day.pod is not None and hour is not None:
        hour = clock_hour(hour, day.pod)  # "8 giờ tối nay": 20:00 tonight
    return dataclasses.replace(day, hour=hour, minute=time.minute)


def _from_start(text: str, start: int) -> int:
    m = _FROM.search(text, max(0, start - 8), start)
    return m.start() if m else start


def _join_times(text: str, atoms: Sequence[Atom]) -> list[Atom]:
    """Times join the day next to them; a time with no day is no date ("lúc 14h")."""
    out: list[Atom] = []
    i, n = 0, len(atoms)
    while i < n:
        a = atoms[i]
        if a.kind == "tz":
            prev = out[-1] if out else None
            if (
                prev
                and isinstance(prev.value, Point)
                and prev.value.hour is not None
                and not text[prev.end : a.start].strip()
            ):
                zone = a.value.tz if isinstance(a.value, Point) else None
                out[-1] = dataclasses.replace(prev, end=a.end, value=dataclasses.replace(prev.value, tz=zone))
            i += 1
            continue
        if a.kind != "time":
            out.append(a)
            i += 1
            continue
        assert isinstance(a.value, Point)
        if bulletin_hour(text, a.start):  # "Xem nhanh 20h ngày 22.8": the clock names the bulletin
            i += 1
            continue
        b = atoms[i + 1] if i + 1 < n else None
        c = atoms[i + 2] if i + 2 < n else None
        if (
            b is not None
            and c is not None
            and b.kind == "time"
            and _RANGE_GAP.fullmatch(text, a.end, b.start)
            and _is_day(c)
            and _TIME_DAY_GAP.fullmatch(text, b.end, c.start)
        ):  # "từ 11h00 - 11h15 ngày 13/4/2021"
            day = c.value
            assert isinstance(day, Point) and isinstance(b.value, Point)
            ends = (_with_time(day, a.value), _with_time(day, b.value))
            out.append(
                Atom(_from_start(text, a.start), c.end, "interval", ends, explicit_year=c.explicit_year)
            )
            i += 3
            continue
        if b is not None and _is_day(b) and _TIME_DAY_GAP.fullmatch(text, a.end, b.start):
            assert isinstance(b.value, Point)
            out.append(
                Atom(a.start, b.end, "point", _with_time(b.value, a.value), explicit_year=b.explicit_year)
            )
            i += 2
            continue
        prev = out[-1] if out else None
        if prev is not None and _is_day(prev) and _DAY_TIME_GAP.fullmatch(text, prev.end, a.start):
            assert isinstance(prev.value, Point)
            out[-1] = Atom(
                prev.start, a.end, "point", _with_time(prev.value, a.value), explicit_year=prev.explicit_year
            )
        i += 1
    return out


def _comparable(p: Point) -> tuple[int, ...] | None:
    if p.year is None:
        return None
    return (p.year, p.quarter or 0, p.month or 0, p.day or 0, p.hour or 0, p.minute or 0)


def _range(first: Atom, second: Atom, *, lone_day_only: bool) -> tuple[Point, Point] | None:
    """The two ends of "first – second" when they make a range, the first completed."""
    a, b = first.value, second.value
    if not (isinstance(a, Point) and isinstance(b, Point)) or second.day_only:
        return None
    if second.ancient and b.year is not None and b.year <= 0:
        # "từ năm 1270 đến 1213 trước Công nguyên": the era written once, after the second end
        if first.ancient or a.year is None or a.month is not None or a.decade is not None:
            return None
        a = dataclasses.replace(a, year=1 - a.year, part=None)
        return (a, b) if a.year is not None and a.year < b.year else None
    if lone_day_only and not first.day_only:
        return None
    a_relative = a.relative or first.kind == "now"
    b_relative = b.relative or second.kind == "now"
    if a_relative or b_relative:
        # "từ đầu năm đến nay", "từ nay đến cuối năm"; "từ năm 1999 đến nay" stays "năm 1999"
        return (a, b) if a_relative and b_relative and (first.kind == "now" or second.kind == "now") else None
    if a.lunar or b.lunar or a.decade or b.decade:
        return None
    if first.day_only:
        if b.day is None or b.month is None or (a.day is not None and a.day >= b.day):
            return None
        a = dataclasses.replace(a, month=b.month, year=b.year)
    elif a.year is None and b.year is not None and a.month is not None:
        a = dataclasses.replace(a, year=b.year)
    if a.finest() != b.finest() or (a.year is None) != (b.year is None):
        return None
    ka, kb = _comparable(a), _comparable(b)
    if ka is not None and kb is not None and not ka < kb:
        return None
    return a, b


_WORD_TO = lazy_compile(r"[^\S\n]*(?:đến|tới)[^\S\n]+", regex.IGNORECASE)


def _day_to_day(text: str, start: int, a: Atom, b: Atom, gap: regex.Match[str] | None) -> bool:
    """ "từ 30-3 đến 17-4" (from 30 March to 17 April): two bare days with "từ … đến" between
    them are a range of days, unless a unit follows ("từ 1-3 đến 5-7 người" would be numbers).
    """
    from vnextract.units import unit_after

    a_value, b_value = a.value, b.value
    return (
        gap is not None
        and _WORD_TO.fullmatch(gap.group()) is not None
        and start < a.start  # "từ" (from) opens it
        and isinstance(a_value, Point)
        and isinstance(b_value, Point)
        and None not in (a_value.day, a_value.month, b_value.day, b_value.month)
        and unit_after(text, b.end) is None
    )


def _join_ranges(text: str, atoms: Sequence[Atom]) -> list[Atom]:
    """Join two ends of a range; rescue a weak date listed after a sure one ("30/4 và 1/5")."""
    out: list[Atom] = []
    i, n = 0, len(atoms)
    while i < n:
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < n else None
        if b is not None and a.kind in ("point", "now") and b.kind in ("point", "now"):
            dash = _RANGE_GAP.fullmatch(text, a.end, b.start)
            conj = None if dash else _AND_GAP.fullmatch(text, a.end, b.start)
            ends = _range(a, b, lone_day_only=bool(conj)) if dash or conj else None
            if ends is not None:
                start = _from_start(text, a.start)
                out.append(
                    Atom(
                        start,
                        b.end,
                        "interval",
                        ends,
                        weak=a.weak and b.weak and not _day_to_day(text, start, a, b, dash),
                        explicit_year=b.explicit_year,
                    )
                )
                i += 2
                continue
            listed = conj is not None and conj.group().strip() != ","
            if b.weak and _is_relative_day(a) and _APPOSITION_GAP.fullmatch(text, a.end, b.start):
                listed = True  # "Hôm nay, 19-1, Bộ GTVT …": today, that is 19 January
            if listed and b.weak and not a.weak and not a.day_only and isinstance(a.value, Point):
                atoms_b = dataclasses.replace(b, weak=False)  # "30/4 và 1/5": both dates
                out.append(a)
                out.append(atoms_b)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _atoms(text: str) -> list[Atom]:
    """Atoms joined into whole mentions: sure points and intervals only."""
    atoms = [
        # "từ" (from) opens a written range, not a century ("có từ thế kỷ 3": dates from the 3rd)
        dataclasses.replace(a, start=_from_start(text, a.start))
        if a.kind == "interval" and not a.ancient
        else a
        for a in parse_atoms(text)
    ]
    joined = _join_ranges(text, _join_times(text, atoms))
    return [a for a in joined if a.kind in ("point", "interval") and not a.weak and not a.day_only]


# ----------------------------------------------------------------------------- resolution


def _shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def _resolve(p: Point, ref: dt.date | None, anchor: int | None) -> Point | None:
    """An absolute point (possibly yearless), or None when it cannot be placed."""
    if p.narrative:
        return None  # "hai năm sau": two years after a time the text tells, not after today
    if p.lunar:
        year = p.year
        if year is None and (p.nearest or p.rel_unit == "year"):
            if ref is None or p.day is None or p.month is None:
                return None  # "Tết Nguyên đán" with no reference date: which year's is unknown
            # "Tết năm ngoái" (last year's Tết) counts from the nearest Tết: read in December,
            # "Tết năm nay" is the coming one
            year = _nearest_lunar_year(p.day, p.month, ref) + p.rel_offset
        if year is None and p.lunar_years:
            target = ref.year if ref else anchor
            if target is None:
                return None
            year = min(p.lunar_years, key=lambda y: abs(y - target))
        if year is None or p.day is None or p.month is None:
            return None
        solar = lunar_to_solar(p.day, p.month, year)
        if solar is None:
            return None
        return Point(year=solar.year, month=solar.month, day=solar.day, hour=p.hour, minute=p.minute, tz=p.tz)
    if not p.relative:
        if p.quarter is not None and p.year is None and ref is not None:
            return dataclasses.replace(p, year=ref.year)  # "quý 3": this year's third quarter
        return p
    if ref is None:
        # "tháng 2 năm ngoái", "tháng 11 tới": the month is known, the year is not
        if p.month is not None and p.rel_unit in (None, "year"):
            return dataclasses.replace(p, rel_unit=None, rel_offset=0, rel_direction=None)
        return None
    unit, offset = p.rel_unit, p.rel_offset
    base = dataclasses.replace(p, rel_unit=None, rel_offset=0, rel_direction=None, weekday=None)
    if unit == "weekday" and p.rel_direction is None:
        return None  # "chiều Chủ nhật": last Sunday or next, the text does not say
    if unit == "weekday" and p.weekday is not None:  # "thứ ba tới" / "thứ ba vừa rồi"
        if p.rel_direction == "future":
            day = ref + dt.timedelta(days=(p.weekday - ref.weekday()) % 7 or 7)
        else:
            day = ref - dt.timedelta(days=(ref.weekday() - p.weekday) % 7 or 7)
        return dataclasses.replace(base, year=day.year, month=day.month, day=day.day)
    if p.rel_direction is not None and p.month is not None:
        if p.rel_direction == "future":
            year = ref.year if p.month >= ref.month else ref.year + 1
        else:
            year = ref.year if p.month <= ref.month else ref.year - 1
        return dataclasses.replace(base, year=year)
    if unit == "day":
        day = ref + dt.timedelta(days=offset)
        return dataclasses.replace(base, year=day.year, month=day.month, day=day.day)
    if unit == "week":
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=offset)
        if p.weekday is not None:
            day = monday + dt.timedelta(days=p.weekday)
            return dataclasses.replace(base, year=day.year, month=day.month, day=day.day)
        return dataclasses.replace(base, year=monday.year, month=monday.month, day=monday.day, week=True)
    if unit == "month":
        year, month = _shift_month(ref.year, ref.month, offset)
        return dataclasses.replace(base, year=year, month=month)
    if unit == "quarter" and p.quarter is None:
        year, month = _shift_month(ref.year, ref.month, 3 * offset)
        return dataclasses.replace(base, year=year, quarter=(month - 1) // 3 + 1)
    # "year", and a quarter/month of a relative year ("quý I năm nay", "tháng 2 năm ngoái")
    return dataclasses.replace(base, year=ref.year + offset)


def _nearest_lunar_year(day: int, month: int, ref: dt.date) -> int:
    """The lunar year whose ``day``/``month`` falls nearest ``ref`` (Tết read on 15 June 2021:
    12 February 2021, not 1 February 2022)."""

    def distance(year: int) -> int:
        solar = lunar_to_solar(day, month, year)
        return abs((solar - ref).days) if solar is not None else 1 << 30

    return min((ref.year - 1, ref.year, ref.year + 1), key=distance)


def _iso(p: Point) -> str | None:
    if p.decade is not None:  # an interval of years, as the guideline writes it: "1980/1989"
        return f"{p.decade * 10:04d}/{p.decade * 10 + 9:04d}"
    if p.week and p.year is not None and p.month and p.day:
        year, week, _ = dt.date(p.year, p.month, p.day).isocalendar()
        return f"{year}-W{week:02d}"
    if p.year is not None and p.year < 0:  # before 1 BC: "-0062" (63 BC), ISO 8601's expanded sign
        return f"-{-p.year:04d}" + (f"-{p.month:02d}" if p.month else "")
    if p.year is None:
        if p.month is None:
            # "quý 2" with no year and no reference date: the second quarter of some year
            return f"--Q{p.quarter}" if p.quarter else None
        iso = f"--{p.month:02d}" + (f"-{p.day:02d}" if p.day else "")
    else:
        iso = f"{p.year:04d}"
        if p.quarter:
            iso += f"-Q{p.quarter}"
        elif p.month:
            iso += f"-{p.month:02d}" + (f"-{p.day:02d}" if p.day else "")
    if p.hour is not None and p.day is not None:
        iso += f"T{p.hour:02d}:{p.minute or 0:02d}" + (p.tz or "")
    return iso


def _nearest_year(month: int, day: int, ref: dt.date) -> int:
    """The year placing a yearless day closest to ``ref`` ("ngày 28/12" read on 3 January)."""

    def distance(year: int) -> int:
        return abs((dt.date(year, month, min(day, calendar.monthrange(year, month)[1])) - ref).days)

    return min((ref.year - 1, ref.year, ref.year + 1), key=distance)


def _bounds(p: Point, ref: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """Earliest and latest time meant (dates, or datetimes when a time is written)."""
    year = p.year
    if year is not None and year < dt.MINYEAR:
        return None, None  # BC: Python's dates start at year 1
    if p.decade is not None:
        return dt.date(p.decade * 10, 1, 1), dt.date(p.decade * 10 + 9, 12, 31)
    if year is None:
        if ref is None or p.month is None:
            return None, None
        year = _nearest_year(p.month, p.day or 1, ref)
        if p.day is not None and not valid_day(p.day, p.month, year):
            return None, None  # "29/2" read in a year without it
    if p.week and p.month and p.day:
        monday = dt.date(year, p.month, p.day)
        return monday, monday + dt.timedelta(days=6)
    if p.day is not None and p.month is not None:
        day = dt.date(year, p.month, p.day)
        if p.hour is None:
            return day, day
        first = dt.datetime(year, p.month, p.day, p.hour, p.minute or 0)
        last = first if p.minute is not None else first.replace(minute=59)
        return first, last
    if p.month is not None:
        return dt.date(year, p.month, 1), dt.date(year, p.month, calendar.monthrange(year, p.month)[1])
    if p.quarter is not None:
        first_month = 3 * p.quarter - 2
        last_month = first_month + 2
        return dt.date(year, first_month, 1), dt.date(
            year, last_month, calendar.monthrange(year, last_month)[1]
        )
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _anchor(anchors: Sequence[tuple[int, int | None]], start: int) -> int | None:
    """The explicit year written nearest before ``start`` (else the first after it).

    ``anchors`` is in text order, so a binary search keeps the whole pass O(n log n).
    """
    if not anchors:
        return None
    index = bisect.bisect_left(anchors, start, key=lambda anchor: anchor[0])
    return anchors[index - 1][1] if index else anchors[0][1]


def _mention(text: str, atom: Atom, ref: dt.date | None, anchor: int | None) -> DateMention:
    """The mention of one atom; a day the calendar does not have ("29/2 năm nay" in 2021, or
    "ngày mai" after 31/12/9999) keeps its span with iso None instead of failing."""
    try:
        return _resolved_mention(text, atom, ref, anchor)
    except (ValueError, OverflowError):
        value = atom.value
        granularity = value.finest() if isinstance(value, Point) else value[1].finest() if value else None
        surface = text[atom.start : atom.end]
        return DateMention(text=surface, start=atom.start, end=atom.end, iso=None, granularity=granularity)


def _resolved_mention(text: str, atom: Atom, ref: dt.date | None, anchor: int | None) -> DateMention:
    surface = text[atom.start : atom.end]
    if isinstance(atom.value, Point):
        p = atom.value
        resolved = _resolve(p, ref, anchor)
        if resolved is None:
            return DateMention(
                text=surface, start=atom.start, end=atom.end, iso=None, granularity=p.finest(), part=p.part
            )
        earliest, latest = _bounds(resolved, ref)
        return DateMention(
            text=surface,
            start=atom.start,
            end=atom.end,
            iso=_iso(resolved),
            granularity=resolved.finest(),
            earliest=earliest,
            latest=latest,
            part=p.part,
        )
    assert atom.value is not None
    first, second = (_resolve(p, ref, anchor) for p in atom.value)
    granularity = atom.value[1].finest()
    if first is None or second is None:
        return DateMention(text=surface, start=atom.start, end=atom.end, iso=None, granularity=granularity)
    iso_first, iso_second = _iso(first), _iso(second)
    iso = f"{iso_first}/{iso_second}" if iso_first and iso_second else None
    return DateMention(
        text=surface,
        start=atom.start,
        end=atom.end,
        iso=iso,
        granularity=second.finest(),
        earliest=_bounds(first, ref)[0],
        latest=_bounds(second, ref)[1],
    )


def mentions(text: str, reference_date: dt.date | None = None) -> Iterator[DateMention]:
    """Every date mention of a plain string, resolved against ``reference_date``.

    >>> [(m.text, m.iso) for m in mentions("Hội nghị giai đoạn 2011-2015 diễn ra hôm qua.",
    ...                                    dt.date(2015, 8, 24))]
    [('giai đoạn 2011-2015', '2011/2015'), ('hôm qua', '2015-08-23')]
    """
    atoms = _atoms(text)
    anchors = [(a.start, a.explicit_year) for a in atoms if a.explicit_year is not None]
    for atom in atoms:
        yield _mention(text, atom, reference_date, _anchor(anchors, atom.start))


# ----------------------------------------------------------------------------- public


def _dateline(normalized: str) -> DateMention | None:
    """The date(-time) standing alone on one of the first lines, with a full date."""
    head = normalized[:_DATELINE_CHARS]
    lines = [m for m in regex.finditer(r"[^\n]+", head) if m.group().strip()][:_DATELINE_LINES]
    if not lines:
        return None
    for mention in mentions(head[: lines[-1].end()]):
        if mention.granularity not in ("day", "hour", "minute") or mention.iso is None:
            continue
        if "/" in mention.iso or mention.iso.startswith("--"):
            continue
        line = next((ln for ln in lines if ln.start() <= mention.start < ln.end()), None)
        if line is None:
            continue
        rest = head[line.start() : mention.start] + " " + head[mention.end : line.end()]
        if _DATELINE_REST.fullmatch(rest):
            return mention
    return None


def published(text: Text) -> dt.datetime | dt.date | None:
    """The dateline's date-time when the document starts with one, else None.

    >>> from vnextract.text import Text
    >>> published(Text.from_string("Tuyên dương 13 tập thể\\n\\n24/08/2015 - 07:38\\n\\nNội dung."))
    datetime.datetime(2015, 8, 24, 7, 38)
    """
    if "published" not in text.views:  # kept on the Text: the pipeline asks twice (dates, Document)
        mention = _dateline(text.normalized)
        text.views["published"] = mention.earliest if mention is not None else None
    stamp: dt.datetime | dt.date | None = text.views["published"]
    return stamp


def recognize(text: Text) -> Iterator[Span]:
    """Yield a DateMention for every date, date-time and date range of ``text.normalized``.

    Relative expressions are resolved against ``text.reference_date``, else the dateline.

    >>> from vnextract.text import Text
    >>> [(m.text, m.iso) for m in recognize(Text.from_string("Từ ngày 1/6 đến 15/6/2021, quý II/2024."))]
    [('Từ ngày 1/6 đến 15/6/2021', '2021-06-01/2021-06-15'), ('quý II/2024', '2024-Q2')]
    """
    ref = text.reference_date
    if ref is None:
        stamp = published(text)
        ref = stamp.date() if isinstance(stamp, dt.datetime) else stamp
    elif isinstance(ref, dt.datetime):
        ref = ref.date()
    yield from mentions(text.normalized, ref)
