"""The date grammar: one verbose regex that finds date "atoms", and their parsed values.

An atom is the smallest piece with a calendar meaning: "ngày 24/8/2015", "tháng 10/2019",
"năm 2020", "giai đoạn 2011-2015", "14h30", "hôm qua", "(GMT+7)". :mod:`.dates` then joins
neighbouring atoms (a time and a date, two ends of a range) and resolves relative ones against
a reference date. All word lists come from ``data/dates_*.tsv``; the regex is compiled once
and scanned once over the text (``finditer``, leftmost, non-overlapping), so the cost is linear.

Bare numbers such as "30/4" or "2005" are *weak*: they count as dates only with a cue word
before them ("chiều 30/4", "dịp 30/4" = afternoon of / occasion of 30 April) or when joined to
a sure date ("30/4 và 1/5"); "số 32/8" (house number), "hơn 2000 tỷ" (a quantity) never count.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Literal

import regex

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
QUANTIFIERS = frozenset(
    {
        "những",
        "các",
        "nhiều",
        "mấy",
        "vài",
        "mỗi",
        "hàng",
        "từng",
        "bao",
        "chục",
        "trăm",
        "nghìn",
        "ngàn",
        "vạn",
    }
    | {"triệu", "tỷ", "tỉ"}  # "700 triệu năm trước": seven hundred million years ago
) | (frozenset(NUMBER_WORDS))


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
_CANCHI = rf"(?:{_alternation(STEMS)})\s+(?:{_alternation(BRANCHES)})"
_PART = r"đầu|giữa|cuối|hạ\s+tuần|trung\s+tuần|thượng\s+tuần"  # beginning / middle / end of
_ERA = "(?-i:" + _alternation(ERAS) + ")"
_EN_MONTH = "(?-i:" + _alternation(ENGLISH_MONTHS) + ")"
_EN_WEEKDAY = "(?-i:" + _alternation(ENGLISH_WEEKDAYS) + ")"
_ROMAN_CENTURY = r"(?-i:X{0,2}(?:IX|IV|V?I{0,3}))"  # I … XXIX, upper case only
#: A hedge before a relative amount of time, inside the span: "hơn 2 năm trước", "gần một năm trước"
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

ATOM_RE = regex.compile(
    rf"""
    (?=[{ATOM_FIRST_CHARS}])
    (?<![\p{{L}}\p{{N}}_/.,:])     # an atom starts a word
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
    | {"hạ tuần", "trung tuần", "thượng tuần"}
    | {" ".join(w.split()) for table in (WEEKDAYS, PARTS_OF_DAY, RELATIVE) for w in table}
)
ANCHORS: tuple[str, ...] = (
    # digits: a time "14h30", "7:30", a day "24/8", "25-27/12", "2 tháng 9", a year "2020",
    # a month "4/2021", "6 tháng đầu năm", "3 ngày trước"
    r"\d+[^\w\n]*(?:[:/.\-–hg]|giờ|tháng|ngày|tuần|năm|đến|tới|trước|sau|tcn|scn)|\d{4}",
    # "(GMT+7)": only the spaces the tz branch allows after "(" (a wider class scanned every
    # following non-word character for each "(", quadratic on "( ( ( …")
    r"\((?=[^\S\n]*(?:gmt|utc))",
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
_SHARE_WORDS = frozenset({"lệ", "chiếm", "còn", "đạt", "được", "khoảng", "gần", "hơn", "trên", "dưới"})
#: Places named after a day: "Công viên 23/9" (a park), "Quảng trường 30/4", "cầu 2/9", "chợ 30/4"
_PLACE_HEADS = frozenset({"viên", "trường", "cầu", "chợ", "bến", "hồ", "sân", "rạp", "bệnh", "xã"})
#: After a bare "11/9": the end of a clause or a line (a name-like date closes its phrase).
_CLAUSE_END_RE = regex.compile(r"[^\S\n]*+(?:[.,;:)!?\"”]|\n|\Z)")


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


_RANGE_TO_NUMBER = regex.compile(r"[^\S\n]*(?:đến|tới|[-–])[^\S\n]*\d+(?:[.,]\d+)*", regex.IGNORECASE)


def blocked(text: str, start: int) -> bool:
    """The number is a house, document or clause number, or a quantity ("số 32/8", "hơn 2000")."""
    return _previous_word(text, start) in BLOCK_WORDS


#: Event heads ("giải vô địch", "hoa hậu", "triển lãm") and the words that end a name before a
#: year ("của", "tại", "năm" …), from data/dates_event_names.tsv.
EVENT_HEADS = frozenset(
    tuple(r["phrase"].split()) for r in load_table("dates_event_names.tsv") if r["role"] == "head"
)
_EVENT_HEAD_MAX = max(len(h) for h in EVENT_HEADS)
_NAME_STOPS = frozenset(r["phrase"] for r in load_table("dates_event_names.tsv") if r["role"] == "stop")
#: Heads that make a name only right before the year: "giải 2026" (the 2026 tournament)
_NEXT_HEADS = frozenset(r["phrase"] for r in load_table("dates_event_names.tsv") if r["role"] == "head_next")
#: Words that announce a name ("mang tên" = bearing the name): a year in the quoted name after
#: them is part of it ('mang tên "Trúng 2004 Euro"')
_NAME_CUES = frozenset(
    tuple(r["phrase"].split())
    for r in load_table("dates_event_names.tsv")
    if r["role"] in ("head", "name_cue")
)
_NAME_CUE_MAX = max(len(h) for h in _NAME_CUES)
#: "lần V", "lần thứ II", "lần thứ 24" (edition V …) right before a year: the edition's year
_EDITION_TAIL = regex.compile(r"(?<![\p{L}])lần[^\S\n]+(?:thứ[^\S\n]+)?(?:[IVXLC]+|\d{1,3})[^\S\n]*$")
#: " – " between a name and its year: "… lần V – 2027"
_DASH_TAIL = regex.compile(r"[^\S\n]+[-–—][^\S\n]*$")
#: an opening quote: the name in quotes starts after it
_OPEN_QUOTE = regex.compile(r"""["“'‘][^"“”'‘’\n]*$""")
#: "SEA Games 1999, 2003": a year listed after a year of a name
_LISTED_AFTER_YEAR = regex.compile(r"(?<![\p{N}])(\d{4})[^\S\n]*,[^\S\n]*$")
_NAME_WORDS_BACK = 10  # how far back an event head may stand ("Đại hội thể thao robot … 2026")
_CLAUSE_MARK = regex.compile(r"""[.,;:!?\n"“”'‘’(\[|]""")
_BRACKETED_TAIL = regex.compile(r"\([^()\n]{1,40}\)[^\S\n]*$")  # "… (Premier League) 2026-2027"


def year_in_name(text: str, start: int, *, of_range: bool = False) -> bool:
    """A bare year that ends the name of an event, competition or work, not a date:
    "ASEAN Cup 2026", "Miss World 2026", "Giải vô địch cầu lông thế giới 2026",
    "Ngoại hạng Anh (Premier League) 2026-2027" (the 2026 conventions of the shared guideline).

    The word before the year is capitalised (and is neither a cue word, "SN 1961", nor the
    first word of its clause, "Đến 2030", nor an abbreviation, "NSNN 2005"), or an event head
    stands a few words before it ("kỳ thi tốt nghiệp THPT 2026").

    >>> year_in_name("vào chung kết ASEAN Cup 2026", 25), year_in_name("Đến 2030, dự án", 4)
    (True, False)
    >>> year_in_name("tại giải cầu lông vô địch thế giới 2026", 35)
    True
    """
    window_start = max(0, start - 160)
    window = text[window_start:start].rstrip(" ")
    if edition_before(text, start):
        return True
    listed = _LISTED_AFTER_YEAR.search(window)
    if listed is not None:
        return year_in_name(text, window_start + listed.start(1))
    quoted = _OPEN_QUOTE.search(window)
    if quoted is not None and _names_after(window[: quoted.start()]):
        return True
    window = _DASH_TAIL.sub("", window)
    bracket = _BRACKETED_TAIL.search(window)
    if bracket is not None:
        window = window[: bracket.start()]
    marks = list(_CLAUSE_MARK.finditer(window))
    clause = window[marks[-1].end() :] if marks else window
    words = clause.split()
    if not words or not words[-1][:1].isalnum():
        return False
    last = words[-1]
    # an abbreviation in capitals names a thing as often as an event ("NSNN 2005": the 2005 state
    # budget, "GDP 2025"): it takes the event-head test below
    if last[:1].isupper() and not last.isupper() and len(words) > 1 and last.lower() not in CUE_WORDS:
        return True
    lowered = [w.lower() for w in words[-_NAME_WORDS_BACK:]]
    if lowered[-1] in _NEXT_HEADS and not of_range:  # "giải 2000 - 2001" is the season
        return True
    for i in range(len(lowered) - 1, -1, -1):
        if any(tuple(lowered[i : i + n]) in EVENT_HEADS for n in range(1, _EVENT_HEAD_MAX + 1)):
            return True
        if lowered[i] in _NAME_STOPS:
            return False
    return False


def edition_before(text: str, start: int) -> bool:
    """Rule *edition year*: "lần V – 2027", "lần thứ II năm 2026" (the second edition, 2026) —
    the year of an edition belongs to the event's name.

    >>> edition_before("Festival Thăng Long lần thứ II năm 2026", 36)
    True
    """
    window = text[max(0, start - 40) : start]
    window = regex.sub(r"(?<![\p{L}])năm[^\S\n]*$", "", _DASH_TAIL.sub("", window.rstrip(" ")))
    return _EDITION_TAIL.search(window.rstrip(" ")) is not None


def _names_after(before: str) -> bool:
    """The words before an opening quote announce a name: 'mang tên "…', 'cuộc thi "…'."""
    words = tuple(w.lower() for w in before.split()[-_NAME_CUE_MAX:])
    return any(words[-n:] in _NAME_CUES for n in range(1, min(len(words), _NAME_CUE_MAX) + 1))


def _after_quantifier(text: str, start: int) -> bool:
    word = _previous_word(text, start)
    return word.isdigit() or word in QUANTIFIERS


# ----------------------------------------------------------------------------- parsing


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
            sure_dot = _dotted_day(text, start, end)
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
        if m["n_s1"] in "-–." and not sure:
            # "chiều 21-4" is a date, "từ 1-3 lần" (one to three times) a range of numbers
            in_brackets = text[start - 1 : start] == "(" and text[end : end + 1] == ")"
            weak = _previous_word(text, start) not in DAY_CUE_WORDS and not in_brackets
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
        elif rel in ("tới", "sau"):
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
    if m["later"]:
        units = {"ngày": "day", "hôm": "day", "tuần": "week", "tháng": "month", "năm": "year"}
        unit = units[m["lt_u"].lower()]
        if _after_quantifier(text, start) or _previous_word(text, start) in ("trong", "suốt"):
            return None  # "những 3 năm sau", "trong 5 năm sau đó" (during): lengths of time
        return Atom(start, end, "point", Point(rel_unit=unit, narrative=True))
    if m["ago"]:
        amount = (m["ago_n1"] or m["ago_n2"]).lower()
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
        if _previous_word(text, start) in ("các", "những", "mỗi", "hàng", "ngày"):
            return None  # "các ngày cuối tuần": weekends in general
        unit = {"tuần": "week", "tháng": "month", "năm": "year", "quý": "quarter"}[m["bp_unit"].lower()]
        part = _PARTS[" ".join(m["bp_part"].lower().split())]
        return Atom(start, end, "point", Point(rel_unit=unit, part=part))
    if m["now"]:
        return Atom(start, end, "now", Point(rel_unit="day"))
    raise AssertionError(f"unhandled date atom {kind!r}")  # pragma: no cover
