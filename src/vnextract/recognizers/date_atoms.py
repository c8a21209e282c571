"""Date atoms: each match of the date grammar's regex (:mod:`.date_grammar`) parsed into an
:class:`~vnextract.recognizers.date_grammar.Atom` with its value ("ngày 24/8/2015" → a day,
"quý II/2024" → a quarter, "hôm qua" → one day before the reference date, "thế kỷ 18" → its
years), or dropped when its context says it is no date (a weak bare number without a cue, a year
inside an event's name).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from types import MappingProxyType
from typing import Literal

import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon.loader import load_tsv as load_table

# The grammar's word lists, regex and context checks; the underscored helpers are the grammar
# module's own, shared with this half of it (one grammar in two files).
from vnextract.recognizers.date_grammar import (
    _PARTS,
    AFTER_YEAR_WORDS,
    DAY_CUE_WORDS,
    ENGLISH_MONTHS,
    ERAS,
    LUNAR_MONTH_WORDS,
    NUMBER_WORDS,
    PARTS_OF_DAY,
    QUANTIFIERS,
    RELATIVE,
    WEEKDAYS,
    Atom,
    Point,
    _after_quantifier,
    _canchi_years,
    _dotted_day,
    _month,
    _named_day,
    _next_word,
    _number,
    _previous_word,
    _roman,
    _two_digit_year,
    _unit_follows,
    atom_matches,
    blocked,
    has_cue,
    valid_day,
)
from vnextract.recognizers.date_names import bulletin_day, edition_before, year_in_name


def _time_atom(m: regex.Match[str]) -> Atom | None:
    hour = int(m["t_h"])
    minute_text = m["t_m1"] or m["t_m2"]
    minute = int(minute_text) if minute_text else None  # "14h": granularity hour
    if m["t_half"]:  # "3 giờ rưỡi": half past three
        minute = 30
    elif m["t_to"]:  # "11 giờ kém 15": a quarter to eleven
        if not 0 < int(m["t_to"]) < 60 or hour == 0:
            return None
        hour, minute = hour - 1, 60 - int(m["t_to"])
    if m["t_ampm"]:  # "9:17 PM": 21:17, "12:05 AM": 00:05
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m["t_ampm"] == "PM" else 0)
    if hour > 24 or (minute or 0) > 59:
        return None
    pod = PARTS_OF_DAY.get(" ".join(m["t_pod"].lower().split())) if m["t_pod"] else None
    return Atom(m.start(), m.end(), "time", Point(hour=clock_hour(hour, pod), minute=minute, pod=pod))


def clock_hour(hour: int, pod: str | None) -> int:
    """The 24-hour clock hour of "7 giờ tối" (7 in the evening → 19)."""
    if (
        (pod in ("afternoon", "evening") and hour < 12)
        or (pod == "night" and 6 <= hour < 12)
        or (pod == "noon" and hour < 5)
    ):
        hour += 12
    return hour % 24


def _with_relative_year(point: Point, m: regex.Match[str]) -> Point:
    """ "10/9 năm ngoái": 10 September of last year."""
    if not m["d_rel"] or point.year is not None or point.lunar:
        return point
    return dataclasses.replace(point, rel_unit="year", rel_offset=_REL_WORD_YEAR[m["d_rel"].lower()])


def _date_atom(text: str, m: regex.Match[str]) -> Atom | None:
    weekday = WEEKDAYS.get(" ".join(m["wd"].lower().split())) if m["wd"] else None
    prefixed = bool(m["dpre"]) or weekday is not None
    start, end = m.start(), m.end()
    lunar = bool(m["w_lunar"])
    if m["r_d1"]:  # "25-27/12/2020", "10 - 11/4/2021": two days of one month
        d1, d2, month = int(m["r_d1"]), int(m["r_d2"]), int(m["r_m"])
        year = int(m["r_y"]) if m["r_y"] else None
        if not (valid_day(d1, month, year) and valid_day(d2, month, year) and d1 < d2):
            return None
        if m["r_s"] == "." and year is None and not (prefixed or _dotted_day(text, start, end)):
            return None  # "22 - 23.8" is a range of days only after "ngày" or a cue word
        weak = not prefixed and year is None and not has_cue(text, start, end)
        if not prefixed and blocked(text, start):
            return None
        ends = (Point(year=year, month=month, day=d1), Point(year=year, month=month, day=d2))
        return Atom(start, end, "interval", ends, weak=weak, explicit_year=year)
    if m["n_d"]:  # "24/08/2015", "31-3", "5.6.2021", "24/8/15"
        day, month = int(m["n_d"]), int(m["n_m"])
        year = None
        if m["n_y"]:
            if len(m["n_y"]) == 2:
                if m["n_s2"] != m["n_s1"]:
                    return None
                year = _two_digit_year(m["n_y"])
            else:
                year = int(m["n_y"])
        if not valid_day(day, month, year):
            return None
        if m["n_s1"] == "." and year is not None and m["n_s2"] != ".":
            return None
        if not prefixed and blocked(text, start):
            return None
        if m["n_s1"] == "." and year is None and not prefixed:
            # "5.6" may be a decimal number, but news since 2025 writes days with a dot:
            # "tối 22.8 tại …", "Quốc khánh 2.9", "(18.8)", "từ 29.8 - 2.9"
            if _unit_follows(text, end):
                return None  # "jack 3.5 mm", "7.8 điểm"
            sure_dot = _dotted_day(text, start, end) or bulletin_day(text, start, end)
            return Atom(
                start,
                end,
                "point",
                _with_relative_year(Point(month=month, day=day, weekday=weekday), m),
                weak=not sure_dot,  # a bare "2.9" counts only beside a sure date ("29.8 - 2.9")
            )
        sure = (
            prefixed or (year is not None and len(m["n_y"]) == 4) or (year is not None and m["n_s1"] == "/")
        )
        if m["n_s1"] in "-–" and year is None and _next_word(text, end).casefold() == "lần":
            return None  # "ngày 3-4 lần" (three or four times a day): a frequency, not 3 April
        if m["n_s1"] in "-–." and not sure:
            # "chiều 21-4" is a date, "từ 1-3 lần" (one to three times) a range of numbers
            in_brackets = text[start - 1 : start] == "(" and text[end : end + 1] == ")"
            weak = (
                _previous_word(text, start) not in DAY_CUE_WORDS
                and not in_brackets
                and not bulletin_day(text, start, end)  # "Đọc nhanh 18-8: …"
                and _IN_FORCE_FROM.search(text, max(0, start - 40), start) is None
            )
        else:
            weak = not sure and not has_cue(text, start, end) and not _named_day(text, start, end, day, month)
        return Atom(
            start,
            end,
            "point",
            _with_relative_year(Point(year=year, month=month, day=day, weekday=weekday), m),
            weak=weak,
            explicit_year=year,
        )
    if m["w_d"]:  # "ngày 2 tháng 9 năm 1945", "mùng 3 tháng 3 năm Tân Sửu"
        if not m["w_d"].isdigit() and not m["dpre"]:
            return None  # "hai tháng sáu ngày" is a duration
        day, month = _number(m["w_d"]), _month(m["w_m"])
        year = int(m["w_y"]) if m["w_y"] else None
        lunar = lunar or bool(m["w_cc"]) or m["w_m"].lower() in LUNAR_MONTH_WORDS
        if not valid_day(day, month, None if lunar else year) or (lunar and day > 30):
            return None
        if not prefixed and year is None and not m["w_m"].isdigit() and not m["w_m"][0].isupper():
            return None
        # "2 tháng 9" is 2 September after a cue ("sáng 2 tháng 9"), but "(18 tháng 2 năm)" is a
        # length of time: without "ngày", weekday, year or cue it only counts beside a sure date
        weak = not prefixed and year is None and not lunar and not has_cue(text, start, end)
        years = _canchi_years(m["w_cc"]) if m["w_cc"] else ()
        return Atom(
            start,
            end,
            "point",
            _with_relative_year(
                Point(year=year, month=month, day=day, weekday=weekday, lunar=lunar, lunar_years=years), m
            ),
            weak=weak,
            explicit_year=None if lunar else year,
        )
    if m["o_d"] and m["dpre"] and 1 <= int(m["o_d"]) <= 31:
        return Atom(start, end, "point", Point(day=int(m["o_d"])), day_only=True)
    if m["f_d"] and 1 <= int(m["f_d"]) <= 31:
        return Atom(start, end, "point", Point(day=int(m["f_d"])), day_only=True)
    return None


#: Rule *in force from*: "có hiệu lực (thi hành) từ 20-9" (takes effect from 20 September) — a
#: law's start is a day, not a range of numbers ("từ 1-3 lần")
_IN_FORCE_FROM = lazy_compile(
    r"(?<![\p{L}])hiệu[^\S\n]+lực(?:[^\S\n]+thi[^\S\n]+hành)?[^\S\n]+(?:kể[^\S\n]+)?từ[^\S\n]+$",
    flags=regex.IGNORECASE,
)
# the relative words after "năm" and the year each counts from now (grammar: a closed set)
_REL_WORD_YEAR = MappingProxyType(
    {"nay": 0, "này": 0, "ngoái": -1, "trước": -1, "qua": -1, "rồi": -1, "tới": 1, "sau": 1}
)


#: Names made of a month: "Cách mạng tháng Tám" (the August Revolution) is no date.
_MONTH_NAME_HEADS = frozenset(
    tuple(r["phrase"].split()) for r in load_table("dates_event_names.tsv") if r["role"] == "month_name"
)


def _month_atom(text: str, m: regex.Match[str]) -> Atom | None:
    before = text[max(0, m.start() - 30) : m.start()].lower().split()
    if any(tuple(before[-len(head) :]) == head for head in _MONTH_NAME_HEADS):
        return None
    word = " ".join(m["m_m"].split())
    month = _month(word)
    if not 1 <= month <= 12:
        return None
    year = int(m["m_y"]) if m["m_y"] else None
    lunar = bool(m["m_lunar"]) or bool(m["m_cc"]) or word.lower() in LUNAR_MONTH_WORDS
    if not word.isdigit() and year is None and not m["m_cc"] and not lunar and not word[0].isupper():
        following = _next_word(text, m.end())
        if following[:1].islower() and following not in AFTER_YEAR_WORDS:
            return None  # "mỗi tháng hai lần" (twice a month) is no February
    part = _PARTS.get(" ".join(m["m_part"].lower().split())) if m["m_part"] else None
    rel_unit: str | None = None
    rel_offset = 0
    direction: Literal["future", "past"] | None = None
    if m["m_rel"]:
        rel = m["m_rel"].lower()
        if m["m_year_word"] or rel in ("ngoái", "nay"):  # "tháng 2 năm ngoái": February of last year
            rel_unit, rel_offset = "year", _REL_WORD_YEAR[rel]
        elif rel in ("tới", "sau"):  # grammar: the relative words of _REL_WORD_YEAR
            direction = "future"  # "tháng 11 tới": the coming November
        elif rel in ("qua", "trước", "rồi"):
            direction = "past"
        else:  # "tháng 5 này"
            rel_unit = "year"
    years = _canchi_years(m["m_cc"]) if m["m_cc"] else ()
    point = Point(
        year=year,
        month=month,
        part=part,
        rel_unit=rel_unit,
        rel_offset=rel_offset,
        rel_direction=direction,
        lunar=lunar,
        lunar_years=years,
    )
    return Atom(m.start(), m.end(), "point", point, explicit_year=None if lunar else year)


def _year_atom(text: str, m: regex.Match[str]) -> Atom | None:
    y1 = int(m["y1"])
    word = " ".join((m["y_word"] or m["y_glued"] or "").lower().split())
    part_word = m["y_part"] or m["y_part2"]
    part = _PARTS.get(part_word.lower()) if part_word else None
    start, end = m.start(), m.end()
    if m["y2"]:
        y2 = int(m["y2"]) if len(m["y2"]) == 4 else (y1 // 100) * 100 + int(m["y2"])
        if not (1000 <= y1 < y2 <= y1 + 100 and y2 <= 2200):
            return None
        if not word and (
            blocked(text, start)
            or y1 < 1900
            or y2 > 2100
            or "/" in m.group()
            or year_in_name(text, start, of_range=True)
        ):
            # "Windows 2000/2003": only "niên vụ 2003/2004" (crop year) or "mùa giải 2020/21" are ranges
            return None
        ends = (Point(year=y1), Point(year=y2))
        return Atom(start, end, "interval", ends, explicit_year=y1)
    if not (1000 <= y1 <= 2200):
        return None
    if word == "năm" and not part_word and edition_before(text, start):
        return None  # "lần thứ II năm 2026": the edition's year, part of the name
    weak = False
    if not word and not part_word:
        if not 1900 <= y1 <= 2099 or blocked(text, start) or year_in_name(text, start):
            return None
        following = _next_word(text, end)
        # a bare year is taken as a date (news writes "Techmart 2005", "(sinh 1952)"); before a
        # noun it is more likely a count ("2000 người"), kept only beside a sure year
        # ("năm 2018 và 2019 dẫn đến …"); after a hyphen it belongs to someone else's range
        before_noun = following[:1].islower() and following not in AFTER_YEAR_WORDS
        weak = before_noun or text[max(0, start - 1) : start] in ("-", "–")
    return Atom(start, end, "point", Point(year=y1, part=part), weak=weak, explicit_year=y1)


def _relative_atom(text: str, m: regex.Match[str]) -> Atom | None:
    start = m.start()
    phrase = " ".join(m["rel_phrase"].lower().split())
    unit, offset = RELATIVE[phrase]
    if not m["rel_wd"] and not m["rel_part"] and unit != "day" and _after_quantifier(text, start):
        return None  # "5 năm qua", "những năm qua": a span of time
    weekday = WEEKDAYS.get(" ".join(m["rel_wd"].lower().split())) if m["rel_wd"] else None
    if weekday is not None and unit != "week":
        return None
    part = _PARTS.get(" ".join(m["rel_part"].lower().split())) if m["rel_part"] else None
    return Atom(start, m.end(), "point", Point(rel_unit=unit, rel_offset=offset, weekday=weekday, part=part))


def _roman_or_digits(numeral: str) -> int:
    """ "18" → 18, "XXI" → 21 (the grammar admits I … XXIX only)."""
    if numeral.isdigit():
        return int(numeral)
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for this, after in zip(numeral, numeral[1:] + " ", strict=True):
        value = values[this]
        total += -value if values.get(after, 0) > value else value
    return total


def _era_year(written: str, era: str | None) -> int:
    """The astronomical year number (ISO 8601: 1 BC is year 0, 63 BC is -62) of a year written
    in an era: "63" + "trước Công nguyên" → -62; "4.000" (4,000 BC) → -3999."""
    number = int(written.replace(".", ""))
    return 1 - number if era == "bce" else number


def _century_atom(m: regex.Match[str]) -> Atom | None:
    """Rule *century*: "thế kỷ 18" is the years 1701-1800 (centuries count from year 1, as
    "thế kỷ 21" begins in 2001), "thế kỷ 3 trước Công nguyên" the years 300-201 BC
    ("-0299/-0200")."""
    number = _roman_or_digits(m["c_n"])
    if not 1 <= number <= 22:
        return None
    era = ERAS[" ".join(m["c_era"].split())] if m["c_era"] else None
    first, last = (number - 1) * 100 + 1, number * 100
    if era == "bce":
        first, last = _era_year(str(last), era), _era_year(str(first), era)
    part = _PARTS.get(m["c_part"].lower()) if m["c_part"] else None
    ends = (Point(year=first, part=part), Point(year=last, part=part))
    return Atom(m.start(), m.end(), "interval", ends, ancient=True)


def _era_year_atom(m: regex.Match[str]) -> Atom | None:
    """Rule *year of an era*: "năm 63 trước Công nguyên" → "-0062", "năm 4.000-2.000 TCN" →
    "-3999/-1999" (the era written once for both ends), "năm 79 sau Công nguyên" → "0079"."""
    era = ERAS[" ".join(m["e_era"].split())]
    if int(m["e_y1"].replace(".", "")) == 0:
        return None  # there is no year 0 in either era
    first = _era_year(m["e_y1"], era)
    if m["e_y2"]:
        last = _era_year(m["e_y2"], era)
        if not first < last:
            return None
        return Atom(m.start(), m.end(), "interval", (Point(year=first), Point(year=last)), ancient=True)
    return Atom(m.start(), m.end(), "point", Point(year=first), ancient=True)


_POD_DAY = MappingProxyType({"nay": 0, "qua": -1, "mai": 1, "kia": -2})


def parse_atoms(text: str) -> Iterator[Atom]:
    """Every atom of ``text`` in order, parsed and checked; weak ones flagged.

    >>> [(a.kind, a.value.year) for a in parse_atoms("năm 2020")]
    [('point', 2020)]
    """
    for m in atom_matches(text):
        atom = _parse(text, m)
        if atom is not None and _plausible_years(atom):
            yield atom


#: Years a news date can name ("01/01/0000" is a placeholder, "31/12/9999" a sentinel).
MIN_YEAR, MAX_YEAR = 1000, 2200


def _plausible_years(atom: Atom) -> bool:
    if atom.ancient:
        return True
    points = atom.value if isinstance(atom.value, tuple) else (atom.value,)
    return all(p is None or p.year is None or MIN_YEAR <= p.year <= MAX_YEAR for p in points)


def _parse(text: str, m: regex.Match[str]) -> Atom | None:
    kind = m.lastgroup
    start, end = m.start(), m.end()
    if m["tz"]:
        sign, hours, minutes = m["tz_sign"], int(m["tz_h"]), int(m["tz_m"] or 0)
        if hours > 14:
            return None
        return Atom(start, end, "tz", Point(tz=f"{sign}{hours:02d}:{minutes:02d}"))
    if m["half"]:
        months = _number(m["half_n"]) if m["half_n"] else 6
        if not 1 <= months <= 11:
            return None
        first = m["half_part"].lower() == "đầu"
        lo, hi = (1, months) if first else (13 - months, 12)
        year = int(m["half_y"]) if m["half_y"] else None
        rel_unit, offset = (
            (None, 0) if year else ("year", _REL_WORD_YEAR.get((m["half_rel"] or "nay").lower(), 0))
        )
        ends = (
            Point(year=year, month=lo, rel_unit=rel_unit, rel_offset=offset),
            Point(year=year, month=hi, rel_unit=rel_unit, rel_offset=offset),
        )
        return Atom(start, end, "interval", ends, explicit_year=year)
    if m["time"]:
        return _time_atom(m)
    if m["en_date"]:
        day, month, year = int(m["en_d"]), ENGLISH_MONTHS[m["en_m"]], int(m["en_y"])
        if not valid_day(day, month, year):
            return None
        return Atom(start, end, "point", Point(year=year, month=month, day=day), explicit_year=year)
    if m["date"]:
        return _date_atom(text, m)
    if m["month"]:
        return _month_atom(text, m)
    if m["my"]:
        month, year = int(m["my_m"]), int(m["my_y"])
        if not 1 <= month <= 12 or blocked(text, start):
            return None
        return Atom(start, end, "point", Point(year=year, month=month), weak=True, explicit_year=year)
    if m["quarter"]:
        quarter = _roman(m["q_q"])
        year = int(m["q_y"]) if m["q_y"] else None
        part = _PARTS.get(m["q_part"].lower()) if m["q_part"] else None
        if m["q_rel"]:
            rel = m["q_rel"].lower()
            point = Point(quarter=quarter, part=part, rel_unit="year", rel_offset=_REL_WORD_YEAR[rel])
        else:
            point = Point(year=year, quarter=quarter, part=part)
        return Atom(start, end, "point", point, explicit_year=year)
    if m["century"]:
        return _century_atom(m)
    if m["era_year"]:
        return _era_year_atom(m)
    if m["decade"]:
        digits = m["dec_n"]
        if len(digits) == 4:
            if not digits.endswith("0"):
                return None
            decade = int(digits) // 10
        else:
            if not digits.endswith("0"):
                return None
            decade = (int(digits) + (1900 if int(digits) >= 30 else 2000)) // 10
        part = _PARTS.get(m["dec_part"].lower()) if m["dec_part"] else None
        return Atom(start, end, "point", Point(decade=decade, part=part))
    if m["year"]:
        return _year_atom(text, m)
    if m["tet_solar"]:  # "Tết Dương lịch" (New Year's Day) with no year: "--01-01", as "ngày 1/1"
        rel = m["tet_rel"]
        point = Point(
            month=1,
            day=1,
            rel_unit="year" if rel else None,
            rel_offset=_REL_WORD_YEAR.get((rel or "").lower(), 0),
        )
        return Atom(start, end, "point", point)
    if m["tet_bare"]:  # the lunar new year of a year the reference date gives
        if m["tet_rel"]:
            offset = _REL_WORD_YEAR[m["tet_rel"].lower()]
            point = Point(month=1, day=1, lunar=True, rel_unit="year", rel_offset=offset, nearest=True)
            return Atom(start, end, "point", point)
        return Atom(start, end, "point", Point(month=1, day=1, lunar=True, nearest=True))
    if m["tet"]:
        kind_word = " ".join((m["tet_kind"] or "").lower().split())
        if kind_word in ("dương lịch", "tây"):
            if not m["tet_y"]:
                return None
            return Atom(start, end, "point", Point(year=int(m["tet_y"]), month=1, day=1))
        year = int(m["tet_y"]) if m["tet_y"] else None
        years = _canchi_years(m["tet_cc"]) if m["tet_cc"] else ()
        return Atom(start, end, "point", Point(year=year, month=1, day=1, lunar=True, lunar_years=years))
    if m["nextday"] or m["season"]:  # "hôm sau" (the next day), "mùa trước" (last season)
        return Atom(start, end, "point", Point(rel_unit="day" if m["nextday"] else "year", narrative=True))
    if m["later"]:
        # the unit words the branch is written around (grammar)
        units = {"ngày": "day", "hôm": "day", "tuần": "week", "tháng": "month", "năm": "year"}
        unit = units[m["lt_u"].lower()]
        if _after_quantifier(text, start) or _previous_word(text, start) in ("trong", "suốt"):
            return None  # "những 3 năm sau", "trong 5 năm sau đó" (during): lengths of time
        return Atom(start, end, "point", Point(rel_unit=unit, narrative=True))
    if m["ago"]:
        amount = (m["ago_n1"] or m["ago_n2"]).lower()
        # the unit words the branch is written around (grammar)
        unit = {"ngày": "day", "tuần": "week", "tháng": "month", "năm": "year"}[
            (m["ago_u1"] or m["ago_u2"]).lower()
        ]
        if not (amount.isdigit() or amount in NUMBER_WORDS):  # "vài năm trước": no one day
            return Atom(start, end, "point", Point(rel_unit=unit, narrative=True))
        return Atom(start, end, "point", Point(rel_unit=unit, rel_offset=-_number(amount)))
    if m["podrel"]:
        pod = PARTS_OF_DAY[" ".join(m["pr_pod"].lower().split())]
        return Atom(
            start, end, "point", Point(rel_unit="day", rel_offset=_POD_DAY[m["pr_day"].lower()], pod=pod)
        )
    if m["wdrel"]:
        weekday = WEEKDAYS[" ".join(m["wr_wd"].lower().split())]
        word = " ".join(m["wr_dir"].lower().split())
        if word == "này":  # "thứ sáu này": this week's Friday
            return Atom(start, end, "point", Point(rel_unit="week", weekday=weekday))
        direction: Literal["future", "past"] = "future" if word == "tới" else "past"
        return Atom(start, end, "point", Point(rel_unit="weekday", weekday=weekday, rel_direction=direction))
    if m["wdlone"]:  # "chiều Chủ nhật": which Sunday, the text does not say
        if _previous_word(text, start) in QUANTIFIERS:
            return None  # "mỗi sáng thứ hai" (every Monday morning): no one day
        weekday = WEEKDAYS[" ".join(m["wl_wd"].lower().split())]
        day_part = PARTS_OF_DAY[" ".join(m["wl_pod"].lower().split())] if m["wl_pod"] else None
        return Atom(start, end, "point", Point(rel_unit="weekday", weekday=weekday, pod=day_part))
    if m["wdpast"]:
        weekday = WEEKDAYS[" ".join(m["wp_wd"].lower().split())]
        return Atom(start, end, "point", Point(rel_unit="weekday", weekday=weekday, rel_direction="past"))
    if m["rel"]:
        return _relative_atom(text, m)
    if m["barepart"]:
        # grammar: plural and distributive words, and the branch's unit words
        if _previous_word(text, start) in ("các", "những", "mỗi", "hàng", "ngày"):
            return None  # "các ngày cuối tuần": weekends in general
        unit = {"tuần": "week", "tháng": "month", "năm": "year", "quý": "quarter"}[m["bp_unit"].lower()]
        part = _PARTS[" ".join(m["bp_part"].lower().split())]
        return Atom(start, end, "point", Point(rel_unit=unit, part=part))
    if m["now"]:
        return Atom(start, end, "now", Point(rel_unit="day"))
    raise AssertionError(f"unhandled date atom {kind!r}")  # pragma: no cover
