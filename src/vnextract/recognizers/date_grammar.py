"""The date grammar: one verbose regex that finds date "atoms", and the checks on their context.

An atom is the smallest piece with a calendar meaning: "ngày 24/8/2015", "tháng 10/2019",
"năm 2020", "giai đoạn 2011-2015", "14h30", "hôm qua", "(GMT+7)". :mod:`.dates` then joins
neighbouring atoms (a time and a date, two ends of a range) and resolves relative ones against
a reference date. All word lists come from ``data/dates_*.tsv``; the regex is compiled once
and scanned once over the text (``finditer``, leftmost, non-overlapping), so the cost is linear.

Bare numbers such as "30/4" or "2005" are *weak*: they count as dates only with a cue word
before them ("chiều 30/4", "dịp 30/4" = afternoon of / occasion of 30 April) or when joined to
a sure date ("30/4 và 1/5"); "số 32/8" (house number), "hơn 2000 tỷ" (a quantity) never count.

This module holds the word lists, the regex and the checks on an atom's context;
:mod:`.date_atoms` turns each match into an :class:`Atom` (``parse_atoms``), and
:mod:`.date_names` tells a year that ends an event's name ("ASEAN Cup 2026") from a date.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Literal

import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon.loader import load_tsv
from vnextract.numerals import literal_trie

# ----------------------------------------------------------------------------- lexicons


#: The rows of a data table: the lexicon's one loader (no quoting, read-only rows, read once).
load_table = load_tsv


def _word_map(name: str, key: str, value: str) -> Mapping[str, int]:
    return MappingProxyType({row[key]: int(row[value]) for row in load_table(name)})


MONTH_WORDS = _word_map("dates_months.tsv", "word", "month")
LUNAR_MONTH_WORDS = frozenset(r["word"] for r in load_table("dates_months.tsv") if r["calendar"] == "lunar")
WEEKDAYS = _word_map("dates_weekdays.tsv", "word", "weekday")
NUMBER_WORDS = _word_map("dates_numbers.tsv", "word", "value")
PARTS_OF_DAY = MappingProxyType({r["word"]: r["part"] for r in load_table("dates_parts_of_day.tsv")})
RELATIVE = MappingProxyType(
    {r["phrase"]: (r["unit"], int(r["offset"])) for r in load_table("dates_relative.tsv")}
)
#: Seasons told relative to another ("mùa trước": last season, "hè này": this summer)
SEASONS = frozenset(r["word"] for r in load_table("dates_seasons.tsv"))
STEMS = MappingProxyType(
    {r["word"]: int(r["index"]) for r in load_table("dates_lunar.tsv") if r["kind"] == "can"}
)
BRANCHES = MappingProxyType(
    {r["word"]: int(r["index"]) for r in load_table("dates_lunar.tsv") if r["kind"] == "chi"}
)
#: English month names and weekdays ("Tuesday, January 11, 2005"), case as written
ENGLISH_MONTHS = MappingProxyType(
    {r["word"]: int(r["value"]) for r in load_table("dates_english.tsv") if r["kind"] == "month"}
)
ENGLISH_WEEKDAYS = MappingProxyType(
    {r["word"]: int(r["value"]) for r in load_table("dates_english.tsv") if r["kind"] == "weekday"}
)
#: "trước Công nguyên" (BC) → "bce", "sau Công nguyên" (AD) → "ce"; matched case-sensitively
#: ("TCN" is an abbreviation, "tcn" nothing).
ERAS = MappingProxyType({r["phrase"]: r["era"] for r in load_table("dates_eras.tsv")})


def _words_with_role(role: str) -> frozenset[str]:
    return frozenset(r["word"] for r in load_table("dates_cues.tsv") if r["role"] == role)


#: Words that make a bare "30/4" or "2005" a date when right before it ("chiều 30/4").
CUE_WORDS = _words_with_role("cue")
#: The cues that name a day or a part of it: the only ones before a bare "21-4" (hyphen).
DAY_CUE_WORDS = _words_with_role("day_cue")
#: Currency codes written before the amount ("USD 2000", "VND 500.000", from data/currencies.tsv):
#: the number after them is money, not a year.
_CURRENCY_PREFIXES = frozenset(
    r["surface"].lower()
    for r in load_table("currencies.tsv")
    if r["position"] in ("before", "both") and r["surface"].isalpha()
)
#: Words that make the number after them something else ("số 32/8", "hơn 2000 tỷ", "USD 2000").
BLOCK_WORDS = _words_with_role("block") | _CURRENCY_PREFIXES
#: Lower-case words that may follow a bare year ("Techmart 2005 dự kiến …"); any other lower-case
#: word after a bare four-digit number is its counted noun ("2000 người") and the number no year.
AFTER_YEAR_WORDS = _words_with_role("after_year")
#: Words before "năm qua"/"tuần trước" that turn it into a span of time ("5 năm qua", "những năm
#: qua" = the past (five) years), not a calendar time.
QUANTIFIERS = _words_with_role("quantifier") | frozenset(NUMBER_WORDS)


def _alternation(words: object) -> str:
    """A regex alternation of literal words, longest first, spaces matching any whitespace."""
    ordered = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in ordered)


# ----------------------------------------------------------------------------- the atom regex

# "năm" (five) names May only when written "tháng Năm"; lower case it is the word for year
# ("tháng năm 2020" is rare, "hai tháng năm ngoái" common), so the regex insists on the capital.
_MONTH_WORD = _alternation(w for w in MONTH_WORDS if w != "năm") + r"|(?-i:Năm|NĂM)"
_NUM_WORD = _alternation(NUMBER_WORDS)
_WEEKDAY = _alternation(WEEKDAYS)
_POD = _alternation(PARTS_OF_DAY)
_REL = _alternation(RELATIVE)
_SEASON = _alternation(SEASONS)
_CANCHI = rf"(?:{_alternation(STEMS)})\s+(?:{_alternation(BRANCHES)})"
# beginning / middle / end of (grammar: the part words of the calendar, a closed set)
_PART = r"đầu|giữa|cuối|hạ\s+tuần|trung\s+tuần|thượng\s+tuần"
_ERA = "(?-i:" + _alternation(ERAS) + ")"
_EN_MONTH = "(?-i:" + _alternation(ENGLISH_MONTHS) + ")"
_EN_WEEKDAY = "(?-i:" + _alternation(ENGLISH_WEEKDAYS) + ")"
_ROMAN_CENTURY = r"(?-i:(?=[IVX])X{0,2}(?:IX|IV|V?I{0,3}))"  # I … XXIX, upper case only, never empty
#: A hedge before a relative amount of time, inside the span: "hơn 2 năm trước", "gần một năm trước"
#: (grammar: the hedges this one branch allows; the qualifiers of amounts are qualifiers.tsv)
_HEDGE_WORDS = ("hơn", "gần", "khoảng", "chừng", "ngót")
_HEDGE = "(?:" + "|".join(_HEDGE_WORDS) + ")"
#: How long ago: "3", "ba", and the amounts no day can be counted back from — "7-8" (seven or
#: eight), "4.000", "vài"/"mấy" (a few)
_AGO_AMOUNT = rf"\d{{1,3}}\s*-\s*\d{{1,3}}|\d{{1,3}}(?:\.\d{{3}})+|\d{{1,3}}|{_NUM_WORD}|vài|mấy"
_YEAR_SEP = r"\s*(?:[/.-]|,?\s*(?:của\s+)?năm)\s*"  # "tháng 10/2019", "tháng 9-2002", "tháng 10 năm 2019"
_END = r"(?!\p{N}|[/.,]\p{N}|\p{L})"  # not glued to more digits or letters

#: Every atom starts with one of these (a digit, "(GMT", or the first letter of a keyword: ngày,
#: mồng, tháng, chủ nhật, quý, giai đoạn, đầu, hôm, sáng, khuya, rạng sáng, bữa, UTC, vài, …).
#: Checking it first lets the scan skip most positions at once (measured: 1.7× faster on news text).
ATOM_FIRST_CHARS = "0123456789nmtcqgđhskrbuv(jfaodw"

ATOM_RE = lazy_compile(
    rf"""
    (?=[{ATOM_FIRST_CHARS}])
    (?:(?<![\p{{L}}\p{{N}}_/.,:])     # an atom starts a word,
      # or a "Ngày" glued to the line before it, the break lost: "16hNgày 8/8: Singapore - Việt Nam"
      |(?<=[\p{{Ll}}\p{{N}}])(?=(?-i:Ngày)\s+\d))
    (?:
      # time zone "(GMT+7)"
      (?P<tz>\(?\s*(?:GMT|UTC)\s*(?P<tz_sign>[+-])\s*(?P<tz_h>\d{{1,2}})(?::?(?P<tz_m>\d\d))?\s*\)?)
      # half a year: "6 tháng đầu năm 2023" (first six months), "nửa cuối năm" (second half)
    | (?P<half>(?:(?P<half_n>\d{{1,2}}|{_NUM_WORD})\s+tháng|nửa)\s+(?P<half_part>đầu|cuối)\s+năm
        (?:\s+(?:(?P<half_y>\d{{4}})|(?P<half_rel>nay|này|ngoái|trước|qua|tới|sau)))?(?!\p{{L}}|\s*\d))
      # time of day: "14h30", "10 giờ 30 phút", "22g00", "07:38", "7:30 tối" (7.30 pm)
    | (?P<time>(?P<t_h>\d{{1,2}})
        (?:\s*:\s*(?P<t_m1>[0-5]\d)(?::[0-5]\d)?(?:\s*(?P<t_ampm>(?-i:AM|PM)))?  # "9:17 PM"
          |\s*(?:h|g|giờ)(?:\s*(?P<t_m2>[0-5]?\d)(?:\s*(?:phút|p|'))?
             |\s+(?P<t_half>rưỡi)|\s+kém\s+(?P<t_to>[0-5]?\d)(?:\s*phút)?)?)
        (?(t_ampm)(?-i:(?![\p{{Ll}}\p{{N}}]))|(?![\p{{L}}\p{{N}}]))  # "9:17 PMSubject": a header glued on
        (?:\s+(?P<t_pod>{_POD})(?!\p{{L}})(?!\s+(?:hôm\s+)?(?:nay|qua|mai|kia)(?!\p{{L}})))?)
      # a day: "Thứ Hai, 24/8/2015", "ngày 31-3", "ngày 2 tháng 9 năm 1945", "25-27/12/2020"
    | (?P<date>
        (?:(?P<wd>{_WEEKDAY})\s*(?:,\s*|(?P<wd_paren>\(\s*)|\s)(?:ngày\s+)?)?
        (?P<dpre>(?:ngày\s+)?(?:mồng|mùng)\s+|ngày\s+)?
        (?:
          (?P<r_d1>\d{{1,2}})\s*[-–]\s*(?P<r_d2>\d{{1,2}})\s*(?P<r_s>[/.-])\s*(?P<r_m>\d{{1,2}})(?!\d)
            (?:\s*[/.-]\s*(?P<r_y>\d{{4}}))?
        | (?P<n_d>\d{{1,2}})(?P<n_s1>[/.\-–])  # "25–12": an en dash typed for the hyphen
            (?P<n_gap>(?<=-)(?(dpre)\s+|(?!)))?  # "ngày 22- 11": a stray space after the hyphen
            (?P<n_m>\d{{1,2}})(?(n_gap)(?!\s+tháng))  # but "ngày 5- 6 tháng 7" is a range
            (?:(?P<n_s2>[/.\-–])(?(n_gap)(?:(?<=-)\s+)?)(?P<n_y>\d{{4}}|\d\d(?![/.-]?\d)))?
        | (?P<w_d>\d{{1,2}}|{_NUM_WORD})\s+tháng\s+(?P<w_m>\d{{1,2}}|{_MONTH_WORD})(?!\p{{L}})
            (?:{_YEAR_SEP}(?:(?P<w_y>\d{{4}})|(?P<w_cc>{_CANCHI})))?
            (?P<w_lunar>\s*\(?\s*(?:âm\s+lịch|AL)\s*\)?)?
        | (?(dpre)(?P<o_d>\d{{1,2}})|(?!))  # "ngày 22" of "ngày 22 và 23-9-2005": only in a range
          # "từ 14 đến 17/6" (from the 14th to 17 June): a bare day after "từ", only before the
          # day that ends its range
        | (?<=(?<!\p{{L}})từ\s+)(?P<f_d>\d{{1,2}})(?=\s*(?:đến|tới)\s+(?:ngày\s+)?\d{{1,2}}\s*[/.-]\s*\d)
        )
        (?:\s+năm\s+(?P<d_rel>nay|ngoái|trước|qua|sau|tới)(?!\p{{L}}))?  # "hôm 10/9 năm ngoái"
        (?(wd_paren)\s*\))
        {_END}
      )
      # an English date: "Tuesday, January 11, 2005", "April 13, 2004" (letters quote e-mail headers)
    | (?P<en_date>(?:{_EN_WEEKDAY},?\s+)?(?P<en_m>{_EN_MONTH})\.?\s+(?P<en_d>\d{{1,2}}),?\s+
        (?P<en_y>\d{{4}}){_END})
      # a month: "tháng 10/2019", "cuối tháng 10", "tháng 2 năm ngoái", "tháng Giêng"
    | (?P<month>(?:(?P<m_part>{_PART})\s+)?tháng\s+(?P<m_m>\d{{1,2}}|{_MONTH_WORD})(?!\p{{L}})
        (?:{_YEAR_SEP}(?:(?P<m_y>\d{{4}})|(?P<m_cc>{_CANCHI}))
          |\s+(?P<m_year_word>năm\s+)?(?:vừa\s+)?(?P<m_rel>nay|này|ngoái|trước|tới|sau|qua|rồi)(?!\p{{L}}))?
        (?P<m_lunar>\s*\(?\s*(?:âm\s+lịch|AL)\s*\)?)?
        {_END})
      # a bare month and year, only inside a range: the "4/2021" of "tháng 3-4/2021"
    | (?P<my>(?P<my_m>\d{{1,2}})\s*[/-]\s*(?P<my_y>\d{{4}}){_END})
      # a quarter: "quý II/2024", "quý 3 năm 2023", "quý I năm nay"
    | (?P<quarter>(?:(?P<q_part>đầu|giữa|cuối)\s+)?quý\s+(?P<q_q>IV|I{{1,3}}|[1-4])(?![\p{{L}}\p{{N}}])
        (?:{_YEAR_SEP}(?P<q_y>\d{{4}})
          |\s+(?:năm\s+)?(?P<q_rel>nay|này|ngoái|trước|tới|sau|qua)(?!\p{{L}}))?
        {_END})
      # a century: "thế kỷ 18", "thế kỷ XXI", "đầu thế kỷ 20", "thế kỷ thứ 3 trước Công nguyên"
    | (?P<century>(?:(?P<c_part>đầu|giữa|cuối)\s+)?thế\s+k[ỷỉ]\s+(?:thứ\s+)?
        (?P<c_n>\d{{1,2}}|{_ROMAN_CENTURY})(?![\p{{L}}\p{{N}}])(?:\s+(?P<c_era>{_ERA}))?(?![\p{{L}}\p{{N}}]))
      # a year of an era, any number of digits: "năm 63 trước Công nguyên", "năm 4.000-2.000 TCN",
      # "năm 79 sau Công nguyên"
    | (?P<era_year>(?:năm\s+)?(?P<e_y1>\d{{1,2}}\.\d{{3}}|\d{{1,4}})
        (?:\s*[-–]\s*(?P<e_y2>\d{{1,2}}\.\d{{3}}|\d{{1,4}}))?\s+(?P<e_era>{_ERA})(?![\p{{L}}\p{{N}}]))
      # a decade: "thập niên 1990", "những năm 90"
    | (?P<decade>(?:(?P<dec_part>đầu|giữa|cuối)\s+)?(?:thập\s+(?:niên|kỷ|kỉ)|những\s+năm)\s+
        (?P<dec_n>\d{{3}}0|[1-9]0){_END})
      # a year or a range of years: "năm 2020", "cuối 2004", "giai đoạn 2011-2015", "năm học 2020-2021"
    | (?P<year>
        (?:(?:(?P<y_part>đầu|giữa|cuối)\s+)?
           (?P<y_word>năm\s+học|năm\s+tài\s+(?:khóa|chính)|niên\s+khóa|niên\s+học|niên\s+độ|giai\s+đoạn
              |thời\s+kỳ|nhiệm\s+kỳ|mùa\s+giải|mùa\s+bóng|mùa\s+vụ|mùa|niên\s+vụ|năm)\s+
          |(?P<y_part2>đầu|giữa|cuối)\s+
          |(?P<y_glued>năm)(?=\d{{4}}))?  # "năm1993": the space lost in typing
        (?P<y1>\d{{4}})(?:\s*[-–/]\s*(?P<y2>\d{{4}}|\d\d))?{_END}(?!\s*%))
      # Tết with a year: "Tết Nguyên đán Tân Sửu", "Tết Dương lịch 2021"; without one: "dịp Tết
      # Nguyên đán", "Tết Nguyên đán năm nay", "Tết Dương lịch" (1 January)
    | (?P<tet>Tết\s+
        (?:(?:(?P<tet_kind>Nguyên\s+đán|Âm\s+lịch|cổ\s+truyền|Dương\s+lịch|Tây)\s+)?(?:năm\s+)?
           (?:(?P<tet_y>\d{{4}})|(?P<tet_cc>{_CANCHI}))
         |(?P<tet_bare>Nguyên\s+đán|Âm\s+lịch|cổ\s+truyền
           |(?P<tet_solar>Dương\s+lịch|Tây(?!\s+(?-i:\p{{Lu}}))))  # not "Tết Tây Nguyên"
           (?:\s+năm\s+(?P<tet_rel>nay|này|ngoái|trước|tới|sau|qua))?(?!\p{{L}}))
        {_END})
      # so long ago: "3 ngày trước", "cách đây 3 năm"
      # ("cách đây hơn 7 năm": more than seven years ago, the hedge inside the span)
    | (?P<ago>(?:cách\s+đây\s+(?:(?:hơn|gần|khoảng|chừng|ngót|trên|tầm|xấp\s+xỉ|ít\s+nhất)\s+)?
                 (?P<ago_n1>{_AGO_AMOUNT})\s+(?P<ago_u1>ngày|tuần|tháng|năm)
                 (?:\s+(?:về\s+)?trước)?
              |(?:{_HEDGE}\s+)?(?P<ago_n2>{_AGO_AMOUNT})\s+(?P<ago_u2>ngày|tuần|tháng|năm)\s+(?:về\s+)?trước
                 (?!\s+(?:khi|đó|đấy|nữa|đây)(?!\p{{L}})))(?!\p{{L}}))
      # later or earlier than the time being told, not than today: "3 ngày sau" (three days
      # later), "vài hôm sau", "một ngày trước đó" (a day before that); "sau khi" keeps "khi" out
    | (?P<later>(?:{_HEDGE}\s+)?(?P<lt_n>\d{{1,3}}|{_NUM_WORD}|vài|mấy)\s+(?P<lt_u>ngày|hôm|tuần|tháng|năm)\s+
        (?:sau(?!\s+(?:đây|này|nữa)(?!\p{{L}}))|trước\s+đó)(?!\p{{L}}))
      # the next day of a story, "một hôm sau" without its "một": "hôm sau", "ngày hôm sau"
    | (?P<nextday>(?:ngày\s+)?hôm\s+sau(?!\p{{L}}))
      # a season told relative to the one being told or to now: "mùa trước" (last season),
      # "mùa giải này", "mùa bóng tiếp theo", "hè này" (this summer); a season has no calendar
      # bounds, so it is never resolved. The words after the season are grammar (the relative
      # words of "tuần trước", "tháng này"); "mùa trước khi" (the season before …) is no phrase.
    | (?P<season>(?<!vỉa\s+)(?:{_SEASON})  # not "vỉa hè này" (this pavement)
       \s+(?:vừa\s+(?:rồi|qua)|tiếp\s+theo|trước|rồi|này|sau|tới)(?!\p{{L}})
        (?!\s+(?:khi|đó|đấy|nữa)(?!\p{{L}})))
      # part of a relative day: "sáng nay" (this morning), "tối hôm qua" (last night)
    | (?P<podrel>(?P<pr_pod>{_POD})\s+(?:hôm\s+)?(?P<pr_day>nay|qua|mai|kia)(?!\p{{L}}))
      # relative: "hôm qua", "tuần trước", "cuối năm nay", "thứ sáu tuần trước"
    | (?P<wdrel>(?P<wr_wd>{_WEEKDAY})\s+(?P<wr_dir>tới|này|vừa\s+rồi|vừa\s+qua)(?!\p{{L}}))
      # "hôm thứ năm" (on Thursday, in a report: the last one)
    | (?P<wdpast>hôm\s+(?P<wp_wd>{_WEEKDAY})(?!\p{{L}}|\s*\d))
    | (?P<rel>(?:(?P<rel_wd>{_WEEKDAY})\s+(?:của\s+)?)?(?:(?P<rel_part>{_PART})\s+)?
        (?P<rel_phrase>{_REL})(?!\p{{L}})
        (?!\s+(?:đó|đấy)(?!\p{{L}})))
      # "đầu năm", "cuối tháng": this year's / month's beginning or end
    | (?P<barepart>(?P<bp_part>{_PART})\s+(?P<bp_unit>tuần|tháng|năm|quý)(?!\p{{L}})(?!\s*(?:học|mới|tài|\d)))
      # a weekday alone after a part of the day or "vào" (on): "chiều Chủ nhật", "vào thứ Sáu",
      # "8 giờ sáng chủ nhật" (the part of the day already went to the time);
      # "thứ hai" is also "second", so after "vào" only "Thứ Hai"/"thứ Hai"/"thứ 2"/"chủ nhật";
      # "rơi vào chủ nhật" (falls on a Sunday) names no day
    | (?P<wdlone>
        (?:(?P<wl_pod>{_POD})\s+
          |(?<=(?<![\p{{L}}])(?:{_POD})\s+)
          |(?<=(?<![\p{{L}}])vào\s+)(?<!rơi\s+vào\s+)(?=(?-i:[Tt]hứ)\s+(?-i:\p{{Lu}}|\d)|chủ\s+nhật))
        (?P<wl_wd>{_WEEKDAY})(?!\p{{L}})
        (?!\s*[,(]?\s*(?:ngày\s+)?\d)  # "Thứ Hai, 24/8/2015" is the date branch's
        (?!\s+(?:tuần|tới|này|vừa|của)(?!\p{{L}})))  # "thứ Hai tuần trước" the relative one's
      # "nay" (now) as one end of a range: "từ đầu năm đến nay"
    | (?P<now>(?<=(?:từ|đến|tới)\s+)nay(?!\p{{L}}))
    )
    """.replace(r"\s", r"[^\S\n]"),  # a date never runs across a line break
    regex.VERBOSE | regex.IGNORECASE | regex.V0,
)

# ----------------------------------------------------------------------------- anchors

_GAP = r"[^\w\n]+"  # in the anchors: at least the grammar's spaces between two words


def _trie(phrases: Iterable[str]) -> str:
    """Literal phrases as one trie-shaped ``re`` alternation, the grammar's spaces as _GAP."""
    return "(?:" + literal_trie(phrases).replace(re.escape(" "), _GAP) + ")"


# The start of every branch of ATOM_RE, in lower case, with as much of what must follow as is
# cheap to say: an atom can only start where one of these matches. Word lists come from the
# same tables as the grammar.
_UNIT_WORDS = ("ngày", "tuần", "tháng", "năm")
#: (grammar: the calendar's unit words, which the regex branches are written around)
#: What may follow "đầu"/"giữa"/"cuối" in an atom: "đầu tháng", "cuối quý", "giữa những năm",
#: "đầu năm học", "cuối giai đoạn", "đầu 2004", "cuối tuần này", "đầu hôm nay" …
_AFTER_PART = {
    "tháng",
    "quý",
    "thập",
    "thế",
    "những",
    "năm",
    "niên",
    "giai",
    "thời",
    "nhiệm",
    "mùa",
    "tuần",
} | {w.split()[0] for w in RELATIVE}
#: Phrases an atom may start with, as written (spaces: any run of the grammar's spaces).
ANCHOR_PHRASES = frozenset(
    {"gmt", "utc", "nửa", "ngày", "mồng", "mùng", "tháng", "quý", "năm", "tết", "hôm", "nay"}
    | {"vài", "mấy"}  # "vài hôm sau" (a few days later)
    | {"những năm", "thập niên", "thập kỷ", "thập kỉ", "thế kỷ", "thế kỉ", "cách đây", "giai đoạn", "thời kỳ"}
    | {"niên khóa", "niên học", "niên độ", "niên vụ", "nhiệm kỳ", "mùa giải", "mùa bóng", "mùa vụ", "mùa"}
    | SEASONS
    | {"hạ tuần", "trung tuần", "thượng tuần"}
    | {" ".join(w.split()) for table in (WEEKDAYS, PARTS_OF_DAY, RELATIVE) for w in table}
)
ANCHORS: tuple[str, ...] = (
    # digits: a time "14h30", "7:30", a day "24/8", "25-27/12", "2 tháng 9", a year "2020",
    # (grammar: the first words of the branches after a number, as the regex has them)
    # a month "4/2021", "6 tháng đầu năm", "3 ngày trước"
    r"\d+[^\w\n]*(?:[:/.\-–hg]|giờ|tháng|ngày|tuần|năm|đến|tới|trước|sau|tcn|scn)|\d{4}",
    # "(GMT+7)": only the spaces the tz branch allows after "(" (a wider class scanned every
    # following non-word character for each "(", quadratic on "( ( ( …")
    r"\((?=[^\S\n]*(?:gmt|utc))",
    # the part words of _PART (grammar)
    _trie(("đầu", "giữa", "cuối")) + _GAP + r"(?:\d|" + _trie(_AFTER_PART) + ")",
    _trie(NUMBER_WORDS) + _GAP + _trie(_UNIT_WORDS),  # "hai tháng đầu năm", "ba năm trước"
    _trie(_HEDGE_WORDS) + _GAP + r"(?:\d|" + _trie(NUMBER_WORDS) + ")",  # "hơn 2 năm trước"
    _trie(ANCHOR_PHRASES),
    # English dates: a month name before its day ("April 13"), a weekday before its month
    _trie(w.lower() for w in ENGLISH_MONTHS) + r"\.?[^\S\n]+\d",
    _trie(w.lower() for w in ENGLISH_WEEKDAYS) + r",?[^\S\n]+" + _trie(w.lower() for w in ENGLISH_MONTHS),
)
# Scanning the whole atom regex at every position costs about 1 µs a character (each word
# start tries all its branches). Its possible starts are few and literal, so one pass of a
# plain alternation over the lower-cased text finds them (stdlib ``re``: measured twice as fast
# as ``regex`` on such a literal alternation, and a trie twice as fast again), and the atom
# regex is tried only there; the result is the same as ``ATOM_RE.finditer``
# (tests/test_dates.py checks it on the corpora and on generated text).
_ANCHOR_RE = re.compile(
    r"(?<![\w/.,:])"  # the atom's own look-behind (re's \w is within regex's [\p{L}\p{N}_])
    + "(?:"
    + "|".join(ANCHORS)
    + ")"
    + r"|(?<=[^\W_])(?=ngày[^\S\n]+\d)"  # a glued "Ngày" (its capital is checked by the atom)
)
# Lower-casing keeps offsets and agrees with the grammar's IGNORECASE except for "İ" (two
# characters in lower case) and "ſ" (matches "s" only under case folding); astral characters
# may be digits ``regex`` knows and ``re`` does not. Such a text takes the plain scan.
_PLAIN_SCAN_TRAPS = re.compile(r"[İſ\U00010000-\U0010FFFF]")


def atom_matches(text: str) -> Iterator[regex.Match[str]]:
    """The matches of ATOM_RE over ``text``, exactly as ``ATOM_RE.finditer(text)`` gives them.

    >>> [m.group() for m in atom_matches("Ngày 5/6/2021, lúc 14h30, hơn 200 người đến.")]
    ['Ngày 5/6/2021', '14h30']
    """
    if _PLAIN_SCAN_TRAPS.search(text):
        yield from ATOM_RE.finditer(text)
        return
    lowered = text.lower()
    search, match = _ANCHOR_RE.search, ATOM_RE.match
    pos = 0
    while (anchor := search(lowered, pos)) is not None:
        at = anchor.start()
        found = match(text, at)
        if found is None:
            pos = at + 1  # an anchor of two words ("những năm") may hide an atom at its second
            continue
        yield found
        pos = found.end() if found.end() > at else at + 1


# ----------------------------------------------------------------------------- values

Part = Literal["start", "middle", "end"]
# the part words of _PART and what each means (grammar)
_PARTS: Mapping[str, Part] = MappingProxyType(
    {
        "đầu": "start",
        "thượng tuần": "start",
        "giữa": "middle",
        "trung tuần": "middle",
        "cuối": "end",
        "hạ tuần": "end",
    }
)


@dataclasses.dataclass(frozen=True, slots=True)
class Point:
    """One calendar time, possibly partial ("--09-02"), relative ("hôm qua") or lunar."""

    year: int | None = None
    quarter: int | None = None
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    decade: int | None = None  # 199 for "thập niên 1990"
    week: bool = False  # a whole week ("tuần trước")
    #: relative to the reference date: unit ("day", "week", "month", "quarter", "year") and offset
    rel_unit: str | None = None
    rel_offset: int = 0
    #: "tháng 11 tới" (next November): "future"; "tháng 3 vừa qua": "past"
    rel_direction: Literal["future", "past"] | None = None
    weekday: int | None = None
    part: Part | None = None
    #: part of the day ("morning", "evening", …) written with a time or a relative day
    pod: str | None = None
    tz: str | None = None
    #: lunar date: candidate Gregorian years of its lunar year when only the stem-branch is known
    lunar: bool = False
    lunar_years: tuple[int, ...] = ()
    #: no year written: the occurrence nearest the reference date ("dịp Tết Nguyên đán")
    nearest: bool = False
    #: relative to the time being told, not to the reference date ("hai năm sau"): never resolved
    narrative: bool = False

    @property
    def relative(self) -> bool:
        return self.rel_unit is not None or self.rel_direction is not None

    def finest(self) -> str:
        """The granularity: the finest unit written (or resolved)."""
        if self.minute is not None:
            return "minute"
        if self.hour is not None:
            return "hour"
        if self.week or (self.rel_unit == "week" and self.weekday is None):
            return "week"
        if self.day is not None or self.rel_unit in ("day", "week", "weekday"):
            return "day"
        if self.month is not None or self.rel_unit == "month":
            return "month"
        if self.quarter is not None or self.rel_unit == "quarter":
            return "quarter"
        if self.decade is not None:
            return "decade"
        return "year"


AtomKind = Literal["point", "interval", "time", "tz", "now"]


@dataclasses.dataclass(slots=True)
class Atom:
    """A matched piece of the grammar, in text offsets."""

    start: int
    end: int
    kind: AtomKind
    value: Point | tuple[Point, Point] | None = None
    #: a bare number that is a date only with a cue word or beside a sure date
    weak: bool = False
    #: "ngày 22": a day with neither month nor year, usable only as the first end of a range
    day_only: bool = False
    #: the explicit year written, for anchoring stem-branch years ("năm Tân Sửu")
    explicit_year: int | None = None
    #: a century or a year of an era ("thế kỷ 2", "năm 63 trước Công nguyên"): any year is plausible
    ancient: bool = False


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def _month(word: str) -> int:
    return int(word) if word.isdigit() else MONTH_WORDS[" ".join(word.lower().split())]


def _roman(numeral: str) -> int:
    return {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(numeral.lower()) or int(numeral)


def _canchi_years(words: str) -> tuple[int, ...]:
    from vnextract.recognizers.date_lunar import sexagenary_years

    stem, branch = words.lower().split()
    return sexagenary_years(STEMS[stem], BRANCHES[branch]) or ()


def _two_digit_year(yy: str) -> int:
    value = int(yy)
    return value + (2000 if value < 50 else 1900)


def valid_day(day: int, month: int, year: int | None) -> bool:
    """Whether ``day`` exists in ``month`` (of ``year`` when known; 29 February otherwise)."""
    import calendar

    if not (1 <= month <= 12 and day >= 1):
        return False
    if year:
        return day <= calendar.monthrange(year, month)[1]
    return day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)


def _previous_word(text: str, start: int) -> str:
    """The word right before ``start`` (lower case), skipping spaces only; "" if none."""
    i = start
    while i > 0 and text[i - 1] == " ":
        i -= 1
    j = i
    while j > 0 and (text[j - 1].isalnum()):
        j -= 1
    return text[j:i].lower()


def _next_word(text: str, end: int) -> str:
    match = regex.match(r"\s*(\w*)", text[end : end + 30])
    return match.group(1) if match else ""


def has_cue(text: str, start: int, end: int) -> bool:
    """A weak number is a date after a cue word ("chiều 30/4") or between brackets "(30/9)"."""
    if _previous_word(text, start) in CUE_WORDS:
        return True
    return start > 0 and text[start - 1] == "(" and text[end : end + 1] == ")"


#: Words after which "3/4" is a share, not a day ("tỷ lệ 3/1", "chiếm 2/3", "còn 1/2").
_SHARE_WORDS = _words_with_role("share_before")
#: Places named after a day: "Công viên 23/9" (a park), "Quảng trường 30/4", "cầu 2/9", "chợ 30/4"
_PLACE_HEADS = _words_with_role("place_head")
#: After a bare "11/9": the end of a clause or a line (a name-like date closes its phrase).
_CLAUSE_END_RE = lazy_compile(r"[^\S\n]*+(?:[.,;:)!?\"”]|\n|\Z)")


def _named_day(text: str, start: int, end: int, day: int, month: int) -> bool:
    """A bare "d/m" that names a day after a noun and closes its clause: "vụ khủng bố 11/9."
    (the 11 September attacks), "lễ hội 30/4:", "Tin vắn 27/7". Not a share ("chiếm 2/3", a
    day smaller than its month reads as a fraction first), not "24/7" (round the clock).

    >>> _named_day("trong vụ khủng bố 11/9. Sau", 18, 22, 11, 9)
    True
    >>> _named_day("giảm còn 1/2.", 9, 12, 1, 2)
    False
    """
    if day < month or (day, month) == (24, 7) or text[start - 1 : start] != " ":
        return False
    word = _previous_word(text, start)
    if not word.isalpha() or word in _SHARE_WORDS or word in _PLACE_HEADS:
        return False
    return _CLAUSE_END_RE.match(text, end) is not None


#: Scale words ("triệu" = million, "tỷ" = billion …) from data/numbers_words.tsv.
_SCALE_WORDS = frozenset(
    r["word"] for r in load_table("numbers_words.tsv") if r["role"] in ("scale", "hundred", "dozen")
)


def _unit_follows(text: str, end: int) -> bool:
    """A unit, a counted noun or a scale word follows: the number is a quantity ("3.5 mm",
    "2.5 triệu")."""
    from vnextract.units import unit_after

    if _next_word(text, end).lower() in _SCALE_WORDS:
        return True
    found = unit_after(text, end)
    return found is not None and found[0].kind != "none"


def _dotted_day(text: str, start: int, end: int) -> bool:
    """ "d.m" with no year is a day after a cue word ("tối 22.8", "từ 1.9", "Quốc khánh 2.9")
    or between brackets ("hôm nay (18.8)"), and no unit follows it.

    >>> _dotted_day("diễn ra tối 23.8 tại Hà Nội", 12, 16), _dotted_day("jack 3.5 mm", 5, 8)
    (True, False)
    """
    if _unit_follows(text, end):
        return False
    # "từ 1.5 đến 2.5 triệu": the unit after the second end makes both numbers
    ahead = _RANGE_TO_NUMBER.match(text, end)
    if ahead is not None and _unit_follows(text, ahead.end()):
        return False
    return has_cue(text, start, end) or _previous_word(text, start) in DAY_CUE_WORDS


_RANGE_TO_NUMBER = lazy_compile(r"[^\S\n]*(?:đến|tới|[-–])[^\S\n]*\d+(?:[.,]\d+)*", regex.IGNORECASE)


def blocked(text: str, start: int) -> bool:
    """The number is a house, document or clause number, or a quantity ("số 32/8", "hơn 2000")."""
    return _previous_word(text, start) in BLOCK_WORDS


def _after_quantifier(text: str, start: int) -> bool:
    word = _previous_word(text, start)
    return word.isdigit() or word in QUANTIFIERS
