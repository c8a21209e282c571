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

from collections.abc import Iterator, Mapping

import attrs
import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.recognizers.counts import fallback_count, make_count, one_is_counted
from vnextract.recognizers.durations import half_durations, make_duration
from vnextract.recognizers.expressions import Expression, TokensAt, clean_decimal, read_expression
from vnextract.recognizers.money import CENT, bronze_medals, listed_currency, make_money, money_currency
from vnextract.recognizers.money import KIND_AFTER_RE as _KIND_AFTER_RE
from vnextract.recognizers.number_scan import NumberSpan, scan_numbers
from vnextract.records import Money, Percentage, Quantity, Span
from vnextract.text import Text, Token
from vnextract.units import unit_after

__all__ = ["recognize"]


def recognize(text: Text) -> Iterator[Span]:
    """Yield Money, Count, Percentage, Duration and Quantity records (normalised offsets).

    >>> from vnextract.text import Text
    >>> t = Text.from_string("xử lý 144 trường hợp vi phạm, với số tiền phạt hơn 504 triệu đồng")
    >>> [(type(r).__name__, r.text) for r in recognize(t)]
    [('Count', '144 trường hợp'), ('Money', 'hơn 504 triệu đồng')]
    """
    norm = text.normalized
    numbers = scan_numbers(norm)
    tokens = TokensAt(text.tokens, by="start")
    tokens_by_end = TokensAt(text.tokens, by="end")
    sentence_starts = [s.start for s in text.sentences]
    last_money: Money | None = None
    last_end = 0
    i = 0
    while i < len(numbers):
        expression, used = read_expression(norm, numbers, i, tokens_by_end)
        i += used
        if expression is None or expression.start < last_end:
            continue
        record = _record(norm, expression, tokens, sentence_starts, last_money)
        if record is None:
            continue
        if isinstance(record, Money) and i < len(numbers):
            with_cents = _with_cents(norm, record, numbers[i])
            if with_cents is not None:
                record = with_cents
                i += 1
        last_end = record.end
        if isinstance(record, Money):
            last_money = record
        yield record
    yield from half_durations(norm)


# "2 đô la và 23 xen" (2 dollars and 23 cents), "5 USD 50 cent", "3 bảng Anh 50 pence": one amount
_CENTS_GAP_RE = lazy_compile(r"\ +(?:và\ +)?", flags=regex.IGNORECASE)


def _with_cents(norm: str, money: Money, cents: NumberSpan) -> Money | None:
    """The dollar amount joined to the cents written after it, or None when there are none.

    >>> from decimal import Decimal
    >>> from vnextract.recognizers.number_scan import scan_numbers
    >>> text = "2 đô la và 23 xen"
    >>> dollars = Money(text="2 đô la", start=0, end=7, amount=Decimal(2), currency="USD")
    >>> _with_cents(text, dollars, scan_numbers(text)[1]).amount
    Decimal('2.23')
    """
    if money.amount_to is not None or money.amount % 1:
        return None
    if _CENTS_GAP_RE.fullmatch(norm, money.end, cents.start) is None:
        return None
    unit = unit_after(norm, cents.end)
    value = cents.reading.value
    if unit is None or unit[0].canonical != money.currency + CENT or value % 1 or not 0 < value < 100:
        return None
    end = unit[2]
    return attrs.evolve(
        money, text=norm[money.start : end], end=end, amount=clean_decimal(money.amount + value / 100)
    )


def _record(
    norm: str,
    ex: Expression,
    tokens: Mapping[int, Token],
    sentence_starts: list[int],
    last_money: Money | None,
) -> Span | None:
    """The record an expression stands for, decided by its unit (None: not an amount)."""
    unit = ex.unit
    spelled = ex.first.reading.spelled
    if ex.currency_before is not None and (unit is None or unit.kind != "currency"):
        # "$10", "US$ 5": the symbol is the unit; a noun after it ("$10 mỗi người") stays outside
        end = ex.end if unit is None else ex.first.end
        return make_money(norm, ex.start, end, ex, ex.currency_before)
    if unit is None:
        if ex.scale is not None:  # "giá 4-6 triệu" (a range) as "giá 30 nghìn"
            currency = money_currency(norm, ex, sentence_starts, last_money)
            if currency is not None:
                return make_money(norm, ex.start, ex.end, ex, currency)
            if ex.value_to is not None:
                return None  # "4-6 triệu" that is no money: a range of nothing said
        elif not spelled and (listed := listed_currency(norm, ex)) is not None:
            return make_money(norm, ex.start, ex.end, ex, listed)  # "10.000 và 20.000 đồng"
        if spelled:
            return None
        return fallback_count(norm, ex, tokens)
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
        if bronze_medals(norm, ex):  # "113 HC vàng, 29 bạc và 83 đồng": bronze medals, counted
            return make_count(norm, ex, "đồng", ex.end, tokens)
        return make_money(norm, ex.start, ex.end, ex, unit.canonical)
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
    if ex.scale is not None and ex.value_to is None and _KIND_AFTER_RE.match(norm, ex.first.end):
        # "… 44,9 triệu đồng cho loại 32 inch và 54,9 triệu loại 40 inch": a price for a type
        currency = money_currency(norm, ex, sentence_starts, last_money)
        if currency is not None:
            return make_money(norm, ex.start, ex.first.end, ex, currency)
    if not one_is_counted(norm, ex):
        return None  # "một ca sĩ" is "a singer", not one singer counted
    return make_count(norm, ex, unit.canonical, ex.end, tokens)
