"""Count records: a number and the noun it counts ("13 tập thể", "hơn 1.200 hộ dân").

A range counts too ("từ 5 đến 7 người", "khoảng 4-5 người": value 4, value_to 5). The noun comes
from data/count_units.tsv (longest entry first) or, after a digit number, from
underthesea's word at that place when no stop word, unit or name says otherwise ("9 giấy chứng
nhận"). Classifiers give way to the noun after them ("hai vị khách" counts "khách").
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon.words import alternation, word_class
from vnextract.numerals import load_tsv
from vnextract.qualifiers import qualifier_after
from vnextract.recognizers.expressions import FROM_RE, Expression, label_blocks
from vnextract.records import Count
from vnextract.text import Token
from vnextract.units import Unit, unit_after, units

__all__ = ["fallback_count", "make_count", "one_is_counted"]

_STOPWORDS = frozenset(row["word"].casefold() for row in load_tsv("count_stopwords.tsv"))
# Classifier nouns: "hai vị khách" counts guests, "2 chiếc xe" vehicles.
_CLASSIFIERS = word_class("classifier_noun")
_NOUN_AFTER_RE = lazy_compile(r"\ +(?P<w>\p{Ll}\p{L}*+)(?![\p{N}])")
# "mỗi thành phố 1 (doanh nghiệp) DN": the noun in brackets explains the abbreviation
_GLOSSED_ABBR_RE = lazy_compile(
    r"\ *\(\ *(?P<noun>[\p{L} ]{2,30}?)\ *\)\ *(?P<abbr>[\p{Lu}]{2,5})(?![\p{L}])"
)
# how far after the number _GLOSSED_ABBR_RE may look: regex's match(s, pos) without an end
# position first scans the rest of the text for "(" and ")", once per number (quadratic)
_GLOSSED_ABBR_WINDOW = 80
# "chỉ một hành vi" (only one act), "trên một huyện" (in one district): here "một" counts; so it
# does a few words after "chỉ" (only) in the same clause ("chỉ gặp Hải có một lần" = met Hải only
# once, "chỉ còn một con") unless a word on the way makes "một" the article again ("chỉ là một ca
# sĩ" = is just a singer, "chỉ như một", "chỉ trong một tuần" = within a week). The words that
# make "một" the article again are grammar (prepositions, conjunctions, "là" = is), kept here.
_ONE_COUNTS_AFTER_RE = lazy_compile(
    r"""(?r)(?<![\p{L}])
        (?:trên
          |(?<!(?:không|chẳng)\ +)chỉ  # "không chỉ một lần" is "not only once"
           # not the verb "chỉ" (point, show) nor a compound ("chỉ đạo" = direct, "chỉ ra")
           (?!\ +(?:"""
    + alternation("chi_compound")
    + r""")
               (?![\p{L}]))
           (?:\ +(?!(?:là|như|giống|trong|bằng|vì|để|cho|của|sau|trước|với|nhờ|mà|vào)(?![\p{L}]))
              \p{L}++){0,4})
        \ +\Z""",
    flags=regex.IGNORECASE | regex.VERBOSE,
)
# "một lần duy nhất" (one single time): the count is stressed
_SINGLE_AFTER_RE = lazy_compile(r"\ +duy\ +nhất(?![\p{L}])", flags=regex.IGNORECASE)
# "iPhone 12 mini", "tàu ngầm Nanggala 402 chở …": after a capitalised word, a number is a name
_NAME_BEFORE_RE = lazy_compile(r"(?<=[\p{L}\p{N}][^\S\n]*\ )[\p{L}\p{N}]*\p{Lu}[\p{L}\p{N}]*\ +\Z")
_YEAR_LIKE_RE = lazy_compile(r"(?:19|20)\d\d")
# A range of repetitions ("âm tính từ 1-3 lần" = tested negative one to three times, "uống 2-3
# lần mỗi ngày") is a frequency, not a tally: the gold (GUIDELINE.md has no count ranges) leaves
# it out, while "4 lần" alone is counted.
_NO_RANGE_NOUNS = frozenset({"lần", "lượt"})


def one_is_counted(norm: str, ex: Expression) -> bool:
    """"một" is mostly the article "a" ("một ca sĩ" = a singer); it counts after "chỉ"/"trên"
    (also a few words after "chỉ": "chỉ gặp Hải có một lần") and before "duy nhất" (single).

    >>> from vnextract.recognizers.expressions import read_expression
    >>> from vnextract.recognizers.number_scan import scan_numbers
    >>> text = "chỉ một hành vi"
    >>> one_is_counted(text, read_expression(text, scan_numbers(text), 0, {})[0])
    True
    """
    if ex.first.reading.bare_word != "một":
        return True
    if _SINGLE_AFTER_RE.match(norm, ex.end):
        return True
    return _ONE_COUNTS_AFTER_RE.search(norm, max(0, ex.first.start - 40), ex.first.start) is not None


# "trú tại 255 ngõ 11" (lives at 255, lane 11): a label word with its own number after it is
# part of an address, and the number before it a house number, not a count of lanes
_LABELLED_NUMBER_RE = lazy_compile(r"\ +\d")


def _integral(value: Decimal) -> int | None:
    return int(value) if value == value.to_integral_value() else None


# Measure nouns that say how the things come, not what they are: "2 bộ hồ sơ" (two sets of
# files), "3 bản hợp đồng" (three copies of a contract), "500 bao thuốc lá": the noun after them
# joins the unit ("bộ hồ sơ"), so the unit names what is counted
_MEASURE_NOUNS = word_class("measure_noun")
_ACRONYM_RE = lazy_compile(r"\p{Lu}{2,5}")


def _measured_noun(norm: str, noun: str, end: int, tokens: Mapping[int, Token] | None) -> tuple[str, int]:
    """ "bộ" + the word after it ("bộ hồ sơ", "bộ CPU"), or the noun alone."""
    if tokens is None or noun not in _MEASURE_NOUNS or norm[end : end + 1] != " ":
        return noun, end
    token = tokens.get(end + 1)
    if token is None or len(token.text.split()) > 2:
        return noun, end
    word = token.text
    if not (word.replace(" ", "").isalpha() and (word[0].islower() or _ACRONYM_RE.fullmatch(word))):
        return noun, end
    following = unit_after(norm, end)
    if word.casefold() in _STOPWORDS or (following is not None and following[0].kind != "count"):
        return noun, end
    return f"{noun} {word}", token.end


def make_count(
    norm: str, ex: Expression, noun: str, end: int, tokens: Mapping[int, Token] | None = None
) -> Count | None:
    """The Count of an expression whose counted noun ends at ``end``, or None (ranges, fractions).

    >>> from vnextract.recognizers.expressions import read_expression
    >>> from vnextract.recognizers.number_scan import scan_numbers
    >>> text = "Hai vị khách rời đi"
    >>> ex, _ = read_expression(text, scan_numbers(text), 0, {})
    >>> count = make_count(text, ex, ex.unit.canonical, ex.end)
    >>> count.text, count.value, count.unit
    ('Hai vị khách', 2, 'khách')
    """
    value = _integral(ex.value)
    value_to = _integral(ex.value_to) if ex.value_to is not None else None
    if value is None or (ex.value_to is not None and value_to is None):
        return None  # "2,5 người" is no count; neither is "2-2,5 người"
    if value_to is not None and noun.casefold() in _NO_RANGE_NOUNS:
        return None
    if label_blocks(noun) == "all" and _LABELLED_NUMBER_RE.match(norm, end):
        return None  # "255 ngõ 11", "12 hẻm 34": an address
    noun, end = _measured_noun(norm, noun, end, tokens)
    if noun in _CLASSIFIERS:  # "hai vị khách": the guests are counted, "vị" is a classifier
        following = unit_after(norm, end)
        if following and following[0].kind == "count" and following[0].canonical not in _CLASSIFIERS:
            noun, end = following[0].canonical, following[2]
    qualifier = ex.qualifier
    start = ex.start
    if qualifier == "more_than" and norm[ex.start : ex.start + 4].casefold() == "trên" and value < 10:
        # "trên một huyện" is "in one district": "trên" (on) hedges only larger counts
        start = ex.first.start
        qualifier = None
    tail = qualifier_after(norm, end) if qualifier is None else None
    if tail is not None:  # "từ 10 tầng trở lên" (10 floors and more)
        qualifier, end = tail
        from_ = FROM_RE.search(norm, max(0, start - 8), start)
        if from_ is not None:
            start = from_.start("from")
    return Count(
        text=norm[start:end],
        start=start,
        end=end,
        value=value,
        value_to=value_to,
        unit=noun,
        qualifier=qualifier,  # type: ignore[arg-type]
    )


def fallback_count(norm: str, ex: Expression, tokens: Mapping[int, Token]) -> Count | None:
    """A digit number before an unlisted noun: "9 giấy chứng nhận", "4 tài liệu"."""
    if _integral(ex.value) is None:
        return None
    digits = norm[ex.first.start : ex.first.end]
    if ex.scale is None and _YEAR_LIKE_RE.fullmatch(digits):
        return None  # "Euro 2020 diễn ra": a year
    glossed = _GLOSSED_ABBR_RE.match(norm, ex.end, ex.end + _GLOSSED_ABBR_WINDOW)
    if glossed is not None and units().get(glossed.group("noun"), Unit("measure", "")).kind == "count":
        return make_count(norm, ex, glossed.group("noun"), glossed.end())
    if _NAME_BEFORE_RE.search(norm, max(0, ex.first.start - 30), ex.first.start):
        return None
    match = _NOUN_AFTER_RE.match(norm, ex.end)
    if match is None:
        return None
    word = match.group("w")
    if word.casefold() in _STOPWORDS or unit_after(norm, ex.end) is not None:
        return None
    token = tokens.get(match.start("w"))
    noun = word
    parts = token.text.split() if token is not None and token.text.startswith(word) else []
    if len(parts) > 3:
        parts = parts[:2]  # "điện thoại di động" → "điện thoại": the shortest noun is enough
    if len(parts) > 1 and all(part.isalpha() and part[0].islower() for part in parts):
        candidate = " ".join(parts)
        if norm.startswith(candidate, match.start("w")):
            noun = candidate
    return make_count(norm, ex, noun, match.start("w") + len(noun), tokens)
