"""Recogniser: money, counts, percentages, durations and quantities in one pass over the numbers.

Every number the grammar (:mod:`vnextract.numerals`) finds is read once, left to right:

1. a label before it makes it a name, not an amount ("Điều 139", "quận 12", "năm 2020");
2. a range joins it to the next number ("từ 5 đến 7 triệu đồng", "10-15%", "1.130-1.140 USD");
3. a hedge word before it ("hơn", "khoảng") or "trở lên" after it gives the qualifier;
4. the unit after it decides the record: a currency → Money, "%" → Percentage, a time unit →
   Duration, a measure → Quantity, a counted noun → Count. A bare "99 tỉ" is money when the
   sentence already spoke of money ("32 tỉ USD (99 tỉ so với 67 tỉ)") or a money word precedes it.

Offsets are into ``text.normalized``.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from decimal import Decimal

import attrs
import regex

from vnextract.numerals import NumberReading, load_tsv, parse_digits
from vnextract.qualifiers import qualifier_after, qualifier_before
from vnextract.recognizers.durations import half_durations, make_duration
from vnextract.recognizers.number_scan import NumberSpan, scan_numbers
from vnextract.records import Count, Money, Percentage, Quantity, Span
from vnextract.text import Text, Token
from vnextract.units import Unit, currency_prefix, unit_after, units

__all__ = ["recognize"]

_LABELS = frozenset(row["word"].casefold() for row in load_tsv("number_labels.tsv"))
_STOPWORDS = frozenset(row["word"].casefold() for row in load_tsv("count_stopwords.tsv"))
# "tổng số 15 người" (15 people in total): "số" is a label only when it stands alone
_NOT_LABELS = frozenset({"tổng số", "con số", "số lượng"})
# Classifier nouns: "hai vị khách" counts guests, "2 chiếc xe" vehicles.
_CLASSIFIERS = frozenset({"con", "chiếc", "cái", "vị", "ngôi", "căn", "bức", "tấm", "cuốn", "quyển", "tờ"})

_WORDS_BEFORE_RE = regex.compile(r"(?:(?P<w1>[\p{L}\p{N}]+)\ +)?(?P<w2>[\p{L}\p{N}]+)\ +\Z")
# Between the two ends of a range: "5-7", "540.000 -580.000", "từ 5 đến 7", "10 ~ 15".
_RANGE_SEP_RE = regex.compile(r"\ *[-–—~]\ *|\ +(?P<word>đến|tới|hoặc)\ +", flags=regex.IGNORECASE)
_FROM_RE = regex.compile(r"(?<![\p{L}])(?P<from>từ)\ +\Z", flags=regex.IGNORECASE)
# "tăng từ 31 USD lên 45 USD", "giảm từ 10% đến 5%": a change, not a range
_CHANGE_RE = regex.compile(
    r"(?<![\p{L}])(?:tăng|giảm|hạ|nâng|điều\ chỉnh|lên|xuống|rút|đẩy|kéo|sụt)\ +(?:giá\ +)?từ\ +\Z",
    flags=regex.IGNORECASE,
)
# Words before a bare "30 nghìn" / "99 tỉ" that make it money (price, capital, salary …).
_MONEY_CONTEXT_RE = regex.compile(
    r"""(?<![\p{L}])(?:giá|tiền|vốn|lương|phí|chi\ phí|kinh\ phí|thu\ nhập|doanh\ thu|lợi\ nhuận|lãi|lỗ|
        trị\ giá|giá\ trị|tài\ sản|ngân\ sách|đầu\ tư|nợ|vay|phạt|bồi\ thường|thưởng|hỗ\ trợ|
        chiếm\ đoạt|thu\ lợi|thiệt\ hại|nộp|đóng|trả|mua|bán|chi|thu|quyên\ góp|ủng\ hộ)
        (?![\p{L}])[^.;:!?\n]{0,24}\Z""",
    flags=regex.IGNORECASE | regex.VERBOSE,
)
_MONEY_AFTER_RE = regex.compile(r"\ +tiền(?![\p{L}])", flags=regex.IGNORECASE)
_NOUN_AFTER_RE = regex.compile(r"\ +(?P<w>\p{Ll}\p{L}*+)(?![\p{N}])")
# "mỗi thành phố 1 (doanh nghiệp) DN": the noun in brackets explains the abbreviation
_GLOSSED_ABBR_RE = regex.compile(
    r"\ *\(\ *(?P<noun>[\p{L} ]{2,30}?)\ *\)\ *(?P<abbr>[\p{Lu}]{2,5})(?![\p{L}])"
)
# "chỉ một hành vi" (only one act), "trên một huyện" (in one district): here "một" counts
_ONE_COUNTS_AFTER_RE = regex.compile(r"(?<![\p{L}])(?:chỉ|trên)\ +\Z", flags=regex.IGNORECASE)
# "Covid - 19", "SARS-CoV - 2": a name with a number, not an amount; "số 14-15", "gấp 2-3 lần",
# "1+4": the second half of a pair whose first half was not an amount either
_CODE_BEFORE_RE = regex.compile(r"\p{L}\ *[-–]\ *\Z|\d[-–+]\Z")
# "iPhone 12 mini", "tàu ngầm Nanggala 402 chở …": after a capitalised word, a number is a name
_NAME_BEFORE_RE = regex.compile(r"(?<=[\p{L}\p{N}][^\S\n]*\ )[\p{L}\p{N}]*\p{Lu}[\p{L}\p{N}]*\ +\Z")
_YEAR_LIKE_RE = regex.compile(r"(?:19|20)\d\d")
_TRIVIAL_MONEY_SCALE = Decimal(1000)


@attrs.frozen
class _Expression:
    """A number with everything around it that decides what it is."""

    start: int
    end: int
    value: Decimal
    value_to: Decimal | None
    unit: Unit | None
    qualifier: str | None
    first: NumberSpan
    scale: Decimal | None
    currency_before: str | None


def recognize(text: Text) -> Iterator[Span]:
    """Yield Money, Count, Percentage, Duration and Quantity records (normalised offsets).

    >>> from vnextract.text import Text, Token
    >>> t = Text.from_string("xử lý 144 trường hợp vi phạm, với số tiền phạt hơn 504 triệu đồng")
    >>> [(type(r).__name__, r.text) for r in recognize(t)]
    [('Count', '144 trường hợp'), ('Money', 'hơn 504 triệu đồng')]
    """
    norm = text.normalized
    numbers = scan_numbers(norm)
    tokens = {token.start: token for token in text.tokens}
    tokens_by_end = {token.end: token for token in text.tokens}
    sentence_starts = [s.start for s in text.sentences]
    last_money: Money | None = None
    last_end = 0
    i = 0
    while i < len(numbers):
        expression, used = _expression(norm, numbers, i, tokens_by_end)
        i += used
        if expression is None or expression.start < last_end:
            continue
        record = _record(norm, expression, tokens, sentence_starts, last_money)
        if record is None:
            continue
        last_end = record.end
        if isinstance(record, Money):
            last_money = record
        yield record
    yield from half_durations(norm)


# ----------------------------------------------------------------------------- expressions


def _is_label(norm: str, start: int, tokens_by_end: dict[int, Token]) -> bool:
    """"Điều 139", "quận 12", "năm 2020", "lần thứ 3": the number names, it does not count."""
    before = start
    while before > 0 and norm[before - 1] == " ":
        before -= 1
    token = tokens_by_end.get(before)
    if token is not None and " " in token.text:
        # a compound word decides as a whole: "quốc lộ 1" is a label, "nông thôn 1 DN" is not
        whole = token.text.casefold()
        return whole in _LABELS and whole not in _NOT_LABELS
    match = _WORDS_BEFORE_RE.search(norm, max(0, start - 30), start)
    if match is None:
        return False
    last = match.group("w2").casefold()
    pair = f"{match.group('w1').casefold()} {last}" if match.group("w1") else ""
    if pair in _NOT_LABELS:
        return False
    return pair in _LABELS or last in _LABELS


def _leading_zero(norm: str, span: NumberSpan) -> bool:
    """"07", "0913 456 789": phone numbers, codes and clock times, not amounts."""
    second = norm[span.start + 1 : span.start + 2]
    return not span.reading.spelled and norm[span.start] == "0" and second.isdigit()


def _expression(
    norm: str, numbers: list[NumberSpan], i: int, tokens_by_end: dict[int, Token]
) -> tuple[_Expression | None, int]:
    """Read number i with its range partner, unit and qualifier; return it and how many numbers it used."""
    first = numbers[i]
    if _leading_zero(norm, first) or _is_label(norm, first.start, tokens_by_end) or _CODE_BEFORE_RE.search(
        norm, max(0, first.start - 12), first.start
    ):
        return None, 1
    reading = first.reading
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
    unit_1 = unit_after(norm, first.end)
    after_first = unit_1[2] if unit_1 else first.end
    used = 1
    value_to: Decimal | None = None
    unit = unit_1
    end = after_first
    scale = reading.scale
    if i + 1 < len(numbers):
        second = numbers[i + 1]
        sep = _RANGE_SEP_RE.fullmatch(norm, after_first, second.start)
        if sep is not None and not _leading_zero(norm, second):
            unit_2 = unit_after(norm, second.end)
            joined = _join_range(norm, first, second, unit_1, unit_2, sep, start)
            if joined == "skip":
                return None, 2
            if joined == "range" and unit_2 is not None:
                low = value
                if unit_1 is None and reading.scale is None and second.reading.scale is not None:
                    low = value * second.reading.scale  # "từ 5 đến 7 triệu": the scale is shared
                    if low > second.reading.value:
                        low = value * second.reading.scale / 1000  # "800 - 1,2 triệu" = 800 nghìn
                if low <= second.reading.value:
                    value, value_to = _clean(low), second.reading.value
                    unit, end, used = unit_2, unit_2[2], 2
                    scale = second.reading.scale
                    from_ = _FROM_RE.search(norm, max(0, start - 8), start)
                    if from_ is not None:
                        start = from_.start("from")
    qualifier: str | None = None
    hedge = qualifier_before(norm, start, comparatives=unit is None or unit[0].kind != "measure")
    if hedge is not None:
        qualifier, start = hedge
    tail = qualifier_after(norm, end)
    if tail is not None and qualifier is None:
        qualifier, end = tail
        from_ = _FROM_RE.search(norm, max(0, start - 8), start)
        if from_ is not None:
            start = from_.start("from")
    return (
        _Expression(
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


def _join_range(
    norm: str,
    first: NumberSpan,
    second: NumberSpan,
    unit_1: tuple[Unit, int, int] | None,
    unit_2: tuple[Unit, int, int] | None,
    sep: regex.Match[str],
    start: int,
) -> str:
    """"range" when two numbers are the ends of one range, "skip" for "2011-2015", else "no"."""
    if sep.group("word"):
        # "đến"/"tới" joins a range only after "từ" or a hedge; "tăng từ 5 đến 7" is a change
        if _CHANGE_RE.search(norm, max(0, start - 24), start):
            return "no"
        if unit_1 is not None and (unit_2 is None or unit_1[0] != unit_2[0]):
            return "no"
    elif unit_1 is None and unit_2 is None:
        return "skip"  # "giai đoạn 2011-2015", "BN2813-2816": a period or a code
    if unit_2 is None or (unit_1 is not None and unit_1[0] != unit_2[0]):
        return "no"
    return "range"


# ----------------------------------------------------------------------------- records


def _record(
    norm: str,
    ex: _Expression,
    tokens: dict[int, Token],
    sentence_starts: list[int],
    last_money: Money | None,
) -> Span | None:
    unit = ex.unit
    spelled = ex.first.reading.spelled
    if ex.currency_before is not None and (unit is None or unit.kind != "currency"):
        # "$10", "US$ 5": the symbol is the unit; a noun after it ("$10 mỗi người") stays outside
        end = ex.end if unit is None else ex.first.end
        return _money(norm, ex.start, end, ex, ex.currency_before)
    if unit is None:
        if ex.scale is not None and ex.value_to is None:
            currency = _money_context(norm, ex, sentence_starts, last_money)
            if currency is not None:
                return _money(norm, ex.start, ex.end, ex, currency)
        if spelled:
            return None
        return _fallback_count(norm, ex, tokens)
    if unit.kind in ("percent", "percentage_point"):
        return Percentage(
            text=norm[ex.start : ex.end],
            start=ex.start,
            end=ex.end,
            value=ex.value,
            value_to=ex.value_to,
            unit="%" if unit.kind == "percent" else "percentage_point",
            qualifier=ex.qualifier,  # type: ignore[arg-type]
        )
    if unit.kind == "currency":
        return _money(norm, ex.start, ex.end, ex, unit.canonical)
    if unit.kind == "time":
        return make_duration(norm, ex.start, ex.end, ex.value, unit.canonical, ex.qualifier, ex.value_to)
    if unit.kind == "measure":
        return Quantity(
            text=norm[ex.start : ex.end],
            start=ex.start,
            end=ex.end,
            value=ex.value,
            value_to=ex.value_to,
            unit=unit.canonical,
            qualifier=ex.qualifier,  # type: ignore[arg-type]
        )
    if ex.first.reading.bare_word == "một" and not _ONE_COUNTS_AFTER_RE.search(
        norm, max(0, ex.first.start - 8), ex.first.start
    ):
        return None  # "một" is mostly the article "a": "một ca sĩ" is "a singer", not a count
    return _count(norm, ex, unit.canonical, ex.end)


def _money(norm: str, start: int, end: int, ex: _Expression, currency: str) -> Money:
    amount, amount_to = ex.value, ex.value_to
    if currency == "USD_CENT":  # "10 cent" is a tenth of a dollar
        currency = "USD"
        amount = _clean(amount / 100)
        amount_to = _clean(amount_to / 100) if amount_to is not None else None
    return Money(
        text=norm[start:end],
        start=start,
        end=end,
        amount=amount,
        amount_to=amount_to,
        currency=currency,
        qualifier=ex.qualifier,  # type: ignore[arg-type]
    )


def _money_context(
    norm: str, ex: _Expression, sentence_starts: list[int], last_money: Money | None
) -> str | None:
    """Currency of a bare "99 tỉ": the sentence's last currency, else VND after a money word."""
    if ex.scale is None or ex.scale < _TRIVIAL_MONEY_SCALE:
        return None
    if _NOUN_AFTER_RE.match(norm, ex.end) and _is_count_noun(norm, ex.end):
        return None
    if _MONEY_AFTER_RE.match(norm, ex.end):  # "3,7 triệu tiền vốn" (3.7 million of capital)
        return last_money.currency if last_money is not None and last_money.start >= ex.start - 200 else "VND"
    sentence = bisect.bisect_right(sentence_starts, ex.start) - 1
    sentence_start = sentence_starts[sentence] if sentence >= 0 else 0
    if last_money is not None and last_money.start >= sentence_start:
        return last_money.currency
    if _MONEY_CONTEXT_RE.search(norm, max(sentence_start, ex.start - 40), ex.start):
        return "VND"
    return None


def _is_count_noun(norm: str, pos: int) -> bool:
    found = unit_after(norm, pos)
    return found is not None and found[0].kind == "count"


def _clean(value: Decimal) -> Decimal:
    """5200000.0 → 5200000; 1.50 → 1.5 (no exponent either way)."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return Decimal(format(value.normalize(), "f"))


def _integral(value: Decimal) -> int | None:
    return int(value) if value == value.to_integral_value() else None


def _count(norm: str, ex: _Expression, noun: str, end: int) -> Count | None:
    value = _integral(ex.value)
    if value is None or ex.value_to is not None:  # "từ 1-3 lần": a Count has no range
        return None
    if noun in _CLASSIFIERS:  # "hai vị khách": the guests are counted, "vị" is a classifier
        following = unit_after(norm, end)
        if following and following[0].kind == "count" and following[0].canonical not in _CLASSIFIERS:
            noun, end = following[0].canonical, following[2]
    qualifier = ex.qualifier
    start = ex.start
    if qualifier == "more_than" and norm[ex.start : ex.start + 3].casefold() == "trên" and value < 10:
        # "trên một huyện" is "in one district": "trên" (on) hedges only larger counts
        start = ex.first.start
        qualifier = None
    tail = qualifier_after(norm, end) if qualifier is None else None
    if tail is not None:  # "từ 10 tầng trở lên" (10 floors and more)
        qualifier, end = tail
        from_ = _FROM_RE.search(norm, max(0, start - 8), start)
        if from_ is not None:
            start = from_.start("from")
    return Count(
        text=norm[start:end],
        start=start,
        end=end,
        value=value,
        unit=noun,
        qualifier=qualifier,  # type: ignore[arg-type]
    )


def _fallback_count(norm: str, ex: _Expression, tokens: dict[int, Token]) -> Count | None:
    """A digit number before an unlisted noun: "9 giấy chứng nhận", "4 tài liệu"."""
    if ex.value_to is not None or _integral(ex.value) is None:
        return None
    digits = norm[ex.first.start : ex.first.end]
    if ex.scale is None and _YEAR_LIKE_RE.fullmatch(digits):
        return None  # "Euro 2020 diễn ra": a year
    glossed = _GLOSSED_ABBR_RE.match(norm, ex.end)
    if glossed is not None and units().get(glossed.group("noun"), Unit("measure", "")).kind == "count":
        return _count(norm, ex, glossed.group("noun"), glossed.end())
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
    return _count(norm, ex, noun, match.start("w") + len(noun))


def reading_of(span: NumberSpan) -> NumberReading:
    """The parsed number of a scanned span (for tests and other recognisers)."""
    return span.reading
