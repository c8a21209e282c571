"""A number in context: its range partner, its unit, its qualifier and whether it is a label.

"từ 5 đến 7 triệu đồng" is ONE expression (5e6 to 7e6, unit đồng); "Điều 139" and
"giai đoạn 2011-2015" are none. The recognisers of money, counts, percentages, durations and
quantities then only look at the expression's unit.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from operator import itemgetter
from typing import Literal

import attrs
import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon import load_tsv, word_class
from vnextract.lexicon.words import alternation
from vnextract.numerals import parse_digits
from vnextract.qualifiers import qualifier_after, qualifier_before
from vnextract.recognizers.number_scan import NumberSpan
from vnextract.text import Token
from vnextract.units import Unit, currency_prefix, unit_after, units

__all__ = ["FROM_RE", "Expression", "TokensAt", "clean_decimal", "label_blocks", "read_expression"]

# label word → what it blocks: "all" ("năm 2020", "Điều 139") or only a "count" ("lô 12", but
# "lô 5.000 m2" is a measurement and "vòng 8 năm" a duration)
_LABELS = {row["word"].casefold(): row["blocks"] for row in load_tsv("number_labels.tsv")}
# "tổng số 15 người" (15 people in total): "số" is a label only when it stands alone
# "trong số 12 người" (among the 12 people), "ngoài số 30.000 USD" (besides the 30,000 USD): "số"
# is "the (amount)" after a preposition
_NOT_LABELS = word_class("not_number_label")
# Patterns that end at ``\Z`` (right before the number) are searched backwards ("(?r)"): the
# first try is at the end, so a window costs one attempt instead of one per character; the
# match is the same as a forward search gives (the longest one ending there).
# (a word may carry hyphens: "ki-ốt 61" = kiosk 61)
_WORDS_BEFORE_RE = lazy_compile(
    r"(?r)(?:(?P<w1>[\p{L}\p{N}]+)\ +)?(?P<w2>[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*)\ +\Z"
)
# Between the two ends of a range: "5-7", "540.000 -580.000", "từ 5 đến 7", "10 ~ 15" (the words
# are grammar: to, or, and).
_RANGE_SEP_RE = lazy_compile(r"\ *[-–—~]\ *|\ +(?P<word>đến|tới|hoặc|và)\ +", flags=regex.IGNORECASE)
#: "từ" (from) opening a range or an "at least" ("từ 18 tuổi trở lên"); it joins the span.
FROM_RE = lazy_compile(r"(?r)(?<![\p{L}])(?P<from>từ)\ +\Z", flags=regex.IGNORECASE)
# "giữa 1000 và 2000 đồng" (between 1000 and 2000): "và" (and) joins a range only after "giữa"
_BETWEEN_RE = lazy_compile(r"(?<![\p{L}])(?P<from>giữa)\ +\Z", flags=regex.IGNORECASE)
# "tăng từ 31 USD lên 45 USD", "giảm từ 10% đến 5%": a change, not a range
_CHANGE_RE = lazy_compile(
    rf"(?<![\p{{L}}])(?:{alternation('change_verb')})\ +(?:giá\ +)?từ\ +\Z",
    flags=regex.IGNORECASE,
)
# "Covid - 19", "SARS-CoV - 2": a name with a number, not an amount; "số 14-15", "gấp 2-3 lần",
# "1+4": the second half of a pair whose first half was not an amount either
_CODE_BEFORE_RE = lazy_compile(
    r"""(?r)\p{L}\ ?[-–]\Z                                  # "Covid-19", "Covid -19"
       |(?<![\p{L}])\p{L}*\p{Lu}\p{L}*\ +[-–]\ +\Z      # "Covid - 19" (not "đồng/lượng - 55,57")
       |\d[-–+]\Z                                      # "14-15" after a label, "1+4"
    """,
    flags=regex.VERBOSE,
)


class TokensAt(Mapping[int, Token]):
    """The tokens of a text by where they start (or end): a binary search, no dict to build.

    ``text.tokens`` is in text order and tokens do not overlap, so starts and ends both rise.

    >>> from vnextract.text import Token
    >>> ends = TokensAt((Token("Điều", 0, 4), Token("139", 5, 8)), by="end")
    >>> ends.get(4), ends.get(5)
    (Token(text='Điều', start=0, end=4), None)
    """

    __slots__ = ("_key", "_tokens")

    def __init__(self, tokens: Sequence[Token], *, by: Literal["start", "end"]) -> None:
        self._tokens = tokens
        self._key = itemgetter(1 if by == "start" else 2)

    def get(self, offset: int, default: Token | None = None) -> Token | None:  # type: ignore[override]
        tokens, key = self._tokens, self._key
        index = bisect.bisect_left(tokens, offset, key=key)
        if index < len(tokens) and key(tokens[index]) == offset:
            return tokens[index]
        return default

    def __getitem__(self, offset: int) -> Token:
        token = self.get(offset)
        if token is None:
            raise KeyError(offset)
        return token

    def __iter__(self) -> Iterator[int]:
        return (self._key(token) for token in self._tokens)

    def __len__(self) -> int:
        return len(self._tokens)


# A lone ",000" is an English thousands group, not three decimals: "hơn 100,000 người", "40,000
# cột", "500,000 Bảng Anh" (every one of the 8 in 25,000 news articles). Other ",ddd" stay
# decimals ("26,666 lượng", "1,267 USD", "9,930 kg", "2,739 giây" are all far more common), and
# a scale word keeps the comma decimal ("2,500 tỷ" is 2.5 billion).
#: The least amount an "after_large" currency word ("bảng", pound sterling) is read after
_LARGE_AMOUNT = Decimal(1000)
_THOUSANDS_COMMA_RE = lazy_compile(r"[1-9]\d{0,2},000")


@attrs.frozen
class Expression:
    """A number with everything around it that decides what it is.

    ``start``/``end`` cover the hedge, "từ", the number(s) and the unit; ``first`` is the
    (first) number itself; ``scale`` the last scale word read ("triệu" → 1e6).
    """

    start: int
    end: int
    value: Decimal
    value_to: Decimal | None
    unit: Unit | None
    qualifier: str | None
    first: NumberSpan
    scale: Decimal | None
    currency_before: str | None


def _label_before(norm: str, start: int, tokens_by_end: Mapping[int, Token]) -> str | None:
    """A label right before the number ("Điều 139", "quận 12", "năm 2020", "lần thứ 3").

    Returns what the label blocks ("all" or "count"), or None when there is no label.
    """
    before = start
    while before > 0 and norm[before - 1] == " ":
        before -= 1
    token = tokens_by_end.get(before)
    if token is not None and " " in token.text:
        # a compound word decides as a whole: "quốc lộ 1" is a label, "nông thôn 1 DN" is not
        whole = token.text.casefold()
        return None if whole in _NOT_LABELS else _LABELS.get(whole)
    match = _WORDS_BEFORE_RE.search(norm, max(0, start - 30), start)
    if match is None:
        return None
    last = match.group("w2").casefold()
    pair = f"{match.group('w1').casefold()} {last}" if match.group("w1") else ""
    if pair in _NOT_LABELS:
        return None
    return _LABELS.get(pair) or _LABELS.get(last)


def label_blocks(word: str) -> str | None:
    """What a label word blocks before a number: "all", "count" or None (no label).

    >>> label_blocks("ngõ"), label_blocks("tầng"), label_blocks("người") is None
    ('all', 'count', True)
    """
    return _LABELS.get(word.casefold())


_SO_BEFORE_RE = lazy_compile(r"(?r)(?<![\p{L}])số\ +\Z", flags=regex.IGNORECASE)


def _amount_after_number_word(norm: str, first: NumberSpan) -> bool:
    """ "số 40 triệu đồng", "số 30.000 USD": after "số" a sum of money is an amount, not a label."""
    if not _SO_BEFORE_RE.search(norm, max(0, first.start - 6), first.start):
        return False
    found = unit_after(norm, first.end)
    return found is not None and found[0].kind == "currency"


_WORD_BEFORE_RE = lazy_compile(r"(?r)(?<![\p{L}])(?P<word>\p{L}+)\ +\Z")


def _amount_after_period_word(norm: str, first: NumberSpan) -> bool:
    """ "lương tháng 15 triệu" (a month's pay, 15 million), "doanh thu năm 2.000 tỷ": a number
    written with a scale word of a thousand or more after a period word ("tháng", "năm", "ngày")
    is the amount per period; no month, year or day is numbered so ("tháng 6", "năm 2020")."""
    scale = first.reading.scale
    if first.reading.spelled or scale is None or scale < 1000:
        return False
    before = _WORD_BEFORE_RE.search(norm, max(0, first.start - 12), first.start)
    unit = units().get(before.group("word").casefold()) if before is not None else None
    return unit is not None and unit.kind == "time"


def _measured_range(norm: str, numbers: list[NumberSpan], i: int) -> bool:
    """ "giai đoạn 10 đến 15 năm" (a stage of 10 to 15 years): after a label, a range whose
    second end has a time, measure or currency unit is that amount, not a name."""
    if i + 1 >= len(numbers) or not _RANGE_SEP_RE.fullmatch(norm, numbers[i].end, numbers[i + 1].start):
        return False
    found = unit_after(norm, numbers[i + 1].end)
    return found is not None and found[0].kind not in ("count", "none")


def _leading_zero(norm: str, span: NumberSpan) -> bool:
    """ "07", "0913 456 789": phone numbers, codes and clock times, not amounts."""
    second = norm[span.start + 1 : span.start + 2]
    return not span.reading.spelled and norm[span.start] == "0" and second.isdigit()


def read_expression(
    norm: str, numbers: list[NumberSpan], i: int, tokens_by_end: Mapping[int, Token]
) -> tuple[Expression | None, int]:
    """Number i with its range partner, unit and qualifier, and how many numbers it used.

    >>> from vnextract.recognizers.number_scan import scan_numbers
    >>> text = "Lương từ 5 đến 7 triệu đồng"
    >>> expression, used = read_expression(text, scan_numbers(text), 0, {})
    >>> text[expression.start : expression.end], expression.value, expression.value_to, used
    ('từ 5 đến 7 triệu đồng', Decimal('5000000'), Decimal('7000000'), 2)
    """
    first = numbers[i]
    reading = first.reading
    unit_1: tuple[Unit, int, int] | None = None
    if reading.spelled and reading.scale is None:
        # most spelled numbers are "một" (a) or "năm" (year, five) with no unit after them and
        # no range: such a number is no amount, whatever stands before it
        unit_1 = unit_after(norm, first.end)
        if unit_1 is None and not (
            i + 1 < len(numbers) and _RANGE_SEP_RE.fullmatch(norm, first.end, numbers[i + 1].start)
        ):
            return None, 1
    label = _label_before(norm, first.start, tokens_by_end)
    if label == "all" and (_amount_after_number_word(norm, first) or _amount_after_period_word(norm, first)):
        label = None  # "số 40 triệu đồng tiền chạy án": the sum of 40 million, not number 40
    if (
        label == "all"
        or _leading_zero(norm, first)
        or _CODE_BEFORE_RE.search(norm, max(0, first.start - 12), first.start)
    ):
        return None, 1
    value = reading.value
    currency_before: str | None = None
    start = first.start
    if not reading.spelled:
        prefix = currency_prefix(norm, first.start)
        if prefix is not None:
            currency_before, start = prefix
            digits = norm[first.start : first.end].split(" ")[0]
            if "," in digits and "." not in digits:  # "$1,500": English grouping after "$"
                regrouped = parse_digits(digits, comma_groups=True)
                if regrouped is not None and reading.scale is None:
                    value = regrouped
    if unit_1 is None:
        unit_1 = unit_after(norm, first.end)
    if unit_1 is not None and unit_1[0].kind == "none":
        return None, 1  # "2 đồng thời": not an amount of anything
    unit_1 = _unless_too_small(unit_1, value)
    if (
        currency_before is None
        and reading.scale is None
        and _THOUSANDS_COMMA_RE.fullmatch(norm, first.start, first.end)
    ):
        regrouped = parse_digits(norm[first.start : first.end], comma_groups=True)
        if regrouped is not None:
            value = regrouped
    named = label == "count" and (unit_1 is None or unit_1[0].kind == "count")
    if named and not _measured_range(norm, numbers, i):
        return None, 1  # "tầng 5", "nhóm 1": a name; "lô 5.000 m2" would be a measurement
    after_first = unit_1[2] if unit_1 else first.end
    value_to: Decimal | None = None
    unit = unit_1
    end = after_first
    scale = reading.scale
    # the next number after the unit: "từ 5 năm đến 12 năm" (from 5 years to 12 years) — the unit
    # "năm" (year) is also read as a number ("năm" = five), inside the first end's span
    inside = 1
    while i + inside < len(numbers) and numbers[i + inside].start < after_first:
        inside += 1
    used = inside  # a number read inside the unit is the unit
    if i + inside < len(numbers):
        second = numbers[i + inside]
        sep = _RANGE_SEP_RE.fullmatch(norm, after_first, second.start)
        if sep is not None and not _leading_zero(norm, second):
            unit_2 = _unless_too_small(unit_after(norm, second.end), second.reading.value)
            joined = _join_range(norm, first, second, unit_1, unit_2, sep, start)
            if joined == "skip":
                return None, 2
            if joined == "range" and (unit_2 is not None or bare_scaled_range(first, second)):
                low = value
                if unit_1 is None and reading.scale is None and second.reading.scale is not None:
                    low = value * second.reading.scale  # "từ 5 đến 7 triệu": the scale is shared
                    if low > second.reading.value:
                        low = value * second.reading.scale / 1000  # "800 - 1,2 triệu" = 800 nghìn
                    if low > second.reading.value and 1000 <= value < second.reading.value <= value * 1000:
                        low = value  # "500.000-1 triệu đồng": the first end written out in full
                elif _shares_thousands(norm, first, second):
                    low = value * 1000  # "250 - 300.000 đồng/kg": 250 nghìn to 300 nghìn
                if low <= second.reading.value:
                    value, value_to = clean_decimal(low), second.reading.value
                    unit, end, used = unit_2, unit_2[2] if unit_2 else second.end, inside + 1
                    scale = second.reading.scale
                    from_ = FROM_RE.search(norm, max(0, start - 8), start) or _BETWEEN_RE.search(
                        norm, max(0, start - 8), start
                    )
                    if from_ is not None:
                        start = from_.start("from")
    if unit is None and value_to is None and i + 1 < len(numbers):
        shared = _change_start(norm, first, numbers[i + 1], start)
        if shared is not None:
            value, unit, scale = shared
    qualifier: str | None = None
    comparatives = unit is None or unit[0].kind != "measure"
    hedge = qualifier_before(norm, start, comparatives=comparatives)
    if hedge is not None:
        qualifier, start = hedge
        # stacked hedges, "ước tính hơn 1 tỷ" (estimated at over 1 billion): the span takes both,
        # the one next to the number says what is meant
        outer = qualifier_before(norm, start, comparatives=comparatives)
        if outer is not None:
            start = outer[1]
    if reading.vague and qualifier is None:
        qualifier = "at_least"  # "hàng nghìn người": thousands of people, so at least a thousand
    tail = qualifier_after(norm, end)
    if tail is not None and qualifier is None:
        qualifier, end = tail
        from_ = FROM_RE.search(norm, max(0, start - 8), start)
        if from_ is not None:
            start = from_.start("from")
    return (
        Expression(
            start=start,
            end=end,
            value=value,
            value_to=value_to,
            unit=unit[0] if unit else None,
            qualifier=qualifier,
            first=first,
            scale=scale,
            currency_before=currency_before,
        ),
        used,
    )


# "từ 180 lên 202 tỷ đồng": from the first amount up (lên), down (xuống) or to (đến, tới) the second
# (grammar: the four directional words)
_CHANGE_TO_RE = lazy_compile(r"\ +(?:lên|xuống|đến|tới)\ +", flags=regex.IGNORECASE)


def _change_start(
    norm: str, first: NumberSpan, second: NumberSpan, start: int
) -> tuple[Decimal, tuple[Unit, int, int], Decimal] | None:
    """Rule *change from a bare amount*: "nâng vốn từ 180 lên 202 tỷ đồng" (raised its capital
    from 180 to 202 billion đồng) — the first amount, written bare, is in the second's scale and
    currency (or counted noun): 180 billion đồng. Its span stays the number as written.

    >>> from vnextract.recognizers.number_scan import scan_numbers
    >>> text = "nâng vốn từ 180 lên 202 tỷ đồng"
    >>> numbers = scan_numbers(text)
    >>> value, unit, scale = _change_start(text, numbers[0], numbers[1], numbers[0].start)
    >>> value, unit[0].canonical
    (Decimal('180000000000'), 'VND')
    """
    low, high = first.reading, second.reading
    if low.spelled or low.scale is not None or high.scale is None or high.spelled:
        return None
    if FROM_RE.search(norm, max(0, start - 8), start) is None:
        return None
    if _CHANGE_TO_RE.fullmatch(norm, first.end, second.start) is None:
        return None
    found = unit_after(norm, second.end)
    if found is None or found[0].kind not in ("currency", "count"):
        return None
    return clean_decimal(low.value * high.scale), found, high.scale


def _unless_too_small(
    unit: tuple[Unit, int, int] | None, value: Decimal
) -> tuple[Unit, int, int] | None:
    """No unit where an "after_large" currency word follows a small number: "27 triệu bảng" is
    pounds sterling, "3 bảng" three tables or groups."""
    if unit is not None and unit[0].position == "after_large" and value < _LARGE_AMOUNT:
        return None
    return unit


def _join_range(
    norm: str,
    first: NumberSpan,
    second: NumberSpan,
    unit_1: tuple[Unit, int, int] | None,
    unit_2: tuple[Unit, int, int] | None,
    sep: regex.Match[str],
    start: int,
) -> str:
    """ "range" when two numbers are the ends of one range, "skip" for "2011-2015", else "no"."""
    if (
        sep.group("word")
        and sep.group("word").casefold() == "và"
        and not _BETWEEN_RE.search(norm, max(0, start - 8), start)
    ):
        return "no"  # "13 tập thể và 24 cá nhân": two amounts
    if sep.group("word"):
        # "đến"/"tới" joins a range only after "từ" or a hedge; "tăng từ 5 đến 7" is a change
        if _CHANGE_RE.search(norm, max(0, start - 24), start):
            return "no"
        if unit_1 is not None and (unit_2 is None or unit_1[0] != unit_2[0]):
            return "no"
    if unit_1 is None and unit_2 is None and bare_scaled_range(first, second):
        return "range"  # "lương 4-6 triệu": money or nothing, as the context says (numbers.py)
    if not sep.group("word") and unit_1 is None and unit_2 is None:
        return "skip"  # "giai đoạn 2011-2015", "BN2813-2816": a period or a code
    if unit_2 is None or (unit_1 is not None and unit_1[0] != unit_2[0]):
        return "no"
    return "range"


def bare_scaled_range(first: NumberSpan, second: NumberSpan) -> bool:
    """ "4-6 triệu", "từ 1 đến 2 tỷ" with no unit after: a bare first end sharing the second's
    scale of a million or more (the range is money when its context says so, else nothing).
    """
    low, high = first.reading, second.reading
    return (
        low.scale is None
        and not low.spelled
        and high.scale is not None
        and high.scale >= 10**6
        and 0 < low.value * high.scale <= high.value * 1000
    )


# A range whose second end is written in whole thousands ("300.000", "10.000")
_WHOLE_THOUSANDS_RE = lazy_compile(r"\d{1,3}(?:\.000)+")


def _shares_thousands(norm: str, first: NumberSpan, second: NumberSpan) -> bool:
    """ "250 - 300.000 đồng", "5-10.000 đồng", "70 - 100.000 máy": the first end leaves out the
    thousands it shares with the second (250 nghìn to 300 nghìn). Only when a thousand times
    the first end is still below the second: "800 - 1.000 từ" and "500-1.000 USD" are ranges of
    hundreds.
    """
    low, high = first.reading, second.reading
    if low.spelled or low.scale is not None or high.spelled or high.scale is not None:
        return False
    if not norm[first.start : first.end].isdigit() or low.value >= 1000:
        return False
    if not _WHOLE_THOUSANDS_RE.fullmatch(norm, second.start, second.end):
        return False
    return low.value * 1000 < high.value


def clean_decimal(value: Decimal) -> Decimal:
    """5200000.0 → 5200000; 1.50 → 1.5 (no exponent either way)."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return Decimal(format(value.normalize(), "f"))
