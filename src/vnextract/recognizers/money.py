"""Money records: an amount with its ISO 4217 currency, written or inferred from the sentence.

"hơn 504 triệu đồng" → 504000000 VND; "10 cent" → 0.10 USD; a bare "99 tỉ" takes the
currency of the sentence's last amount ("32 tỉ USD (99 tỉ so với 67 tỉ)") or VND after a
money word ("giá 30 nghìn").
"""

from __future__ import annotations

import bisect
from decimal import Decimal

import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon.words import alternation
from vnextract.recognizers.expressions import Expression, clean_decimal
from vnextract.records import Money
from vnextract.units import unit_after

__all__ = ["CENT", "KIND_AFTER_RE", "bronze_medals", "listed_currency", "make_money", "money_currency"]

#: The suffix of a minor unit's code in ``currencies.tsv``: "USD_CENT" is a hundredth of a USD
CENT = "_CENT"

# Words before a bare "30 nghìn" / "99 tỉ" that make it money (price, capital, salary …;
# word_classes.tsv "money_context")
_MONEY_CONTEXT_RE = lazy_compile(
    rf"(?<![\p{{L}}])(?:{alternation('money_context')})(?![\p{{L}}])[^.;:!?\n]{{0,24}}\Z",
    flags=regex.IGNORECASE,
)
# "3,7 triệu tiền vốn" (3.7 million of capital)
_MONEY_AFTER_RE = lazy_compile(r"\ +tiền(?![\p{L}])", flags=regex.IGNORECASE)
_WORD_AFTER_RE = lazy_compile(r"\ +\p{Ll}")
#: "54,9 triệu loại 40 inch": a type, line, model or edition named by a number or a capital after it
KIND_AFTER_RE = lazy_compile(rf"\ +(?:{alternation('priced_kind')})\ +(?=[\p{{N}}\p{{Lu}}])")
# "5 trăm" is not money: only thousands and more make a bare amount money
_SMALLEST_MONEY_SCALE = Decimal(1000)


def make_money(norm: str, start: int, end: int, ex: Expression, currency: str) -> Money:
    """The Money of an expression at ``start:end`` in ``currency`` ("USD_CENT" = hundredths of
    USD, "GBP_CENT" of a pound: the currency's minor unit, written "cent", "xu", "pence").

    >>> from vnextract.recognizers.expressions import read_expression
    >>> from vnextract.recognizers.number_scan import scan_numbers
    >>> text = "giá 81 cent"
    >>> ex, _ = read_expression(text, scan_numbers(text), 0, {})
    >>> make_money(text, ex.start, ex.end, ex, "USD_CENT").amount
    Decimal('0.81')
    """
    amount, amount_to = ex.value, ex.value_to
    if currency.endswith(CENT):  # "10 cent" is a tenth of a dollar, "272 pence" 2.72 pounds
        currency = currency.removesuffix(CENT)
        amount = clean_decimal(amount / 100)
        amount_to = clean_decimal(amount_to / 100) if amount_to is not None else None
    return Money(
        text=norm[start:end],
        start=start,
        end=end,
        amount=amount,
        amount_to=amount_to,
        currency=currency,
        qualifier=ex.qualifier,  # type: ignore[arg-type]
    )


def money_currency(
    norm: str, ex: Expression, sentence_starts: list[int], last_money: Money | None
) -> str | None:
    """Currency of a bare "99 tỉ": the sentence's last currency, else VND after a money word."""
    if ex.scale is None or ex.scale < _SMALLEST_MONEY_SCALE:
        return None
    sentence = bisect.bisect_right(sentence_starts, ex.start) - 1
    sentence_start = sentence_starts[sentence] if sentence >= 0 else 0
    # "44,9 triệu đồng cho loại 32 inch và 54,9 triệu loại 40 inch": after a price in the same
    # sentence, "loại" (type) names what the amount is for, not what is counted
    priced_kind = (
        KIND_AFTER_RE.match(norm, ex.end) is not None
        and last_money is not None
        and last_money.start >= sentence_start
    )
    if _WORD_AFTER_RE.match(norm, ex.end) and _is_count_noun(norm, ex.end) and not priced_kind:
        return None
    if _MONEY_AFTER_RE.match(norm, ex.end):  # "3,7 triệu tiền vốn" (3.7 million of capital)
        return last_money.currency if last_money is not None and last_money.start >= ex.start - 200 else "VND"
    if last_money is not None and last_money.start >= sentence_start:
        return last_money.currency
    if _MONEY_CONTEXT_RE.search(norm, max(sentence_start, ex.start - 40), ex.start):
        return "VND"
    if _MONEY_IN_SPAN_RE.match(norm, ex.start):
        return "VND"  # the vague "tiền tỷ" says money itself ("nhà tiền tỷ": a house worth billions)
    not_money = _NOT_MONEY_BEFORE_RE.search(norm, max(sentence_start, ex.start - 40), ex.start) is not None
    per = _PER_PERIOD_RE.match(norm, ex.end) is not None or _per_unit(norm, ex.end)
    if per and ex.scale >= _MILLION and not not_money:
        # rule *amount per period*: "tới 800 triệu mỗi tháng", "4 - 5 triệu/tháng"; and per unit
        # of something counted or measured, a price: "vé 1,5 triệu/người", "50 triệu/m2"
        return "VND"
    if not not_money and ex.scale >= _MILLION and _price_rule(norm, ex, sentence_start):
        return "VND"  # a price in đồng: millions and billions in prices go without "đồng"
    # the weaker clues below only for an amount that ends its phrase ("nhận được 100 triệu."),
    # not for "nhận 1,7 triệu tem" (stamps) or "thay 10 triệu đèn" (lamps)
    if not _PHRASE_END_RE.match(norm, ex.end):
        return None
    if _MONEY_VERB_RE.search(norm, max(sentence_start, ex.start - 30), ex.start):
        return "VND"
    if not_money:
        return None
    listed = _next_currency(norm, ex, sentence_starts, sentence)
    if listed is None and ex.scale >= _BILLION:
        return "VND"  # rule *bare billions*: "cầu vượt sông Sài Gòn hơn 5.000 tỉ" (a cost in đồng)
    return listed


_MONEY_IN_SPAN_RE = lazy_compile(r"tiền\ ", flags=regex.IGNORECASE)
_MILLION = Decimal(10**6)
_BILLION = Decimal(10**9)
# A period after the amount: "800 triệu mỗi tháng" (a month), "5 triệu/tháng", "2 tỷ một năm"
# (grammar: "mỗi"/"một"/"hằng" = each, and the calendar's own period words)
_PER_PERIOD_RE = lazy_compile(
    r"\ *(?:/|\ (?:mỗi|một|1|hằng|hàng)\ +)\ *(?:ngày|tuần|tháng|quý|năm)(?![\p{L}])", flags=regex.IGNORECASE
)


# A slash after the amount: "1,5 triệu/người" (per person)
_SLASH_RE = lazy_compile(r"\ ?/\ ?")


def _per_unit(norm: str, end: int) -> bool:
    """A counted noun or a measure after a slash: "1,5 triệu/người", "50 triệu/m2" (a price) —
    not a time ("3 triệu/giây" is a rate, "/tháng" is the period rule's)."""
    slash = _SLASH_RE.match(norm, end)
    if slash is None:
        return False
    found = unit_after(norm, slash.end())
    return found is not None and found[0].kind in ("count", "measure")


# The price rules look no further than the clause: a mark or a line break ends it (before the
# amount, and after it for buy_after)
_CLAUSE_BEFORE = r"[^.;:!?\n,]"
# rule *price_far*: a price word earlier in the clause, "Giá công bố của chiếc điện thoại gập là
# 47 triệu" (the listed price … is 47 million): word_classes.tsv "price_word"
_PRICE_FAR_RE = lazy_compile(
    rf"(?<![\p{{L}}])(?:{alternation('price_word')})(?![\p{{L}}]){_CLAUSE_BEFORE}{{0,60}}\Z",
    flags=regex.IGNORECASE,
)
# rule *price_floor*: "chỉ", "chỉ từ" (only, only from) right before it: "SUV chỉ từ 450 triệu"
_PRICE_FLOOR_RE = lazy_compile(
    rf"(?<![\p{{L}}])(?:{alternation('price_floor')})\ +\Z", flags=regex.IGNORECASE
)
# rule *buy_after*: a verb of buying after it in its clause, "450 triệu nên mua xe gì" (what car
# should 450 million buy), "2 tỷ tậu nhà ở đâu": word_classes.tsv "buy_after"
_BUY_AFTER_RE = lazy_compile(
    rf"{_CLAUSE_BEFORE}{{0,20}}?(?<![\p{{L}}])(?:{alternation('buy_after')})(?![\p{{L}}])",
    flags=regex.IGNORECASE,
)
# rule *priced_thing*: the thing priced right before it, perhaps with its seats ("chỗ") or its
# maker's and model's capitalised names: "sedan 600 triệu", "xe 7 chỗ 600 triệu", "SUV Mazda
# CX-5 749 triệu", "căn hộ 3 tỷ" (flat; word_classes.tsv "priced_thing")
_PRICED_THING_RE = lazy_compile(
    rf"(?<![\p{{L}}])(?:{alternation('priced_thing')})(?:\ +\d+\ +chỗ)?"
    rf"(?:\ +\p{{Lu}}[\p{{L}}\p{{N}}-]*){{0,3}}\ +\Z",
    flags=regex.IGNORECASE,
)

# The number or quantity of something earlier in the clause: "khối lượng" (volume), "lượng
# khách" (the number of visitors): word_classes.tsv "count_subject"; "số" (number) is weaker,
# as it is also a car's gears ("xe số sàn", manual): "count_subject_weak"
_COUNT_SUBJECT_RE = lazy_compile(
    rf"(?<![\p{{L}}])(?:{alternation('count_subject')})(?![\p{{L}}]){_CLAUSE_BEFORE}{{0,60}}\Z",
    flags=regex.IGNORECASE,
)
_WEAK_COUNT_SUBJECT_RE = lazy_compile(
    rf"(?<![\p{{L}}])(?:{alternation('count_subject_weak')})(?![\p{{L}}]){_CLAUSE_BEFORE}{{0,60}}\Z",
    flags=regex.IGNORECASE,
)


def _price_rule(norm: str, ex: Expression, sentence_start: int) -> str | None:
    """The name of the rule that reads a bare "450 triệu" as a price, or None.

    A bare amount of millions or billions with nothing counted after it (the caller checks) is
    a price when its clause says so: a price word before it, "chỉ (từ)" right before it, a verb
    of buying after it, or the thing priced right before it. The caller has already excluded
    "dân số", "người", "lượt" before it (population, people, views).

    >>> from vnextract.recognizers.expressions import read_expression
    >>> from vnextract.recognizers.number_scan import scan_numbers
    >>> text = "450 triệu nên mua xe gì?"
    >>> ex, _ = read_expression(text, scan_numbers(text), 0, {})
    >>> _price_rule(text, ex, 0)
    'buy_after'
    """
    start = max(sentence_start, ex.start - 80)
    if _COUNT_SUBJECT_RE.search(norm, start, ex.start):
        return None  # "giá cổ phiếu tăng với khối lượng 3 triệu": a volume, no price
    if _PRICE_FAR_RE.search(norm, start, ex.start):
        return "price_far"
    if _WEAK_COUNT_SUBJECT_RE.search(norm, start, ex.start):
        return None  # "số hội viên chỉ 2,1 triệu": the number of members, no price
    if _PRICE_FLOOR_RE.search(norm, start, ex.start):
        return "price_floor"
    if _PRICED_THING_RE.search(norm, start, ex.start):
        return "priced_thing"
    if _BUY_AFTER_RE.match(norm, ex.end):
        return "buy_after"
    return None


# Verbs of getting and spending: "đội chỉ nhận được 100 triệu", "tốn 2 tỷ", "hết 50 triệu"
_MONEY_VERB_RE = lazy_compile(
    rf"(?<![\p{{L}}])(?:{alternation('money_verb')})(?![\p{{L}}])[^.;:!?\n]{{0,16}}\Z", flags=regex.IGNORECASE
)
# The amount closes its phrase: punctuation, a line end or the end of the text
_PHRASE_END_RE = lazy_compile(r"\ *+(?:[.,;:!?)\n]|\Z)")
# A scaled amount written with its currency: "117 triệu đồng", "2 tỷ USD" (grammar: the
# number scale words, as the number grammar reads them)
_SCALED_AMOUNT_RE = lazy_compile(
    r"(?<![\p{L}\p{N}])\d[\d.,]*+\ +(?P<scale>triệu|tỷ|tỉ|nghìn|ngàn)(?![\p{L}])"
)
# Numbers of people and the like: "dân số 3 triệu" (a population of 3 million), "3 triệu lượt"
_NOT_MONEY_BEFORE_RE = lazy_compile(
    rf"(?<![\p{{L}}])(?:{alternation('not_money_before')})(?![\p{{L}}])[^.;:!?\n]{{0,24}}\Z",
    flags=regex.IGNORECASE,
)


def _next_currency(norm: str, ex: Expression, sentence_starts: list[int], sentence: int) -> str | None:
    """The currency of the sentence's next amount of the same scale, a list of costs:
    "xây dựng sân khấu 50 triệu, sửa chữa nghĩa trang 117 triệu đồng" (both VND).
    """
    stop = sentence_starts[sentence + 1] if sentence + 1 < len(sentence_starts) else len(norm)
    match = _SCALED_AMOUNT_RE.search(norm, ex.end, min(stop, ex.end + 80))
    if match is None or norm[ex.first.end - len(match.group("scale")) : ex.first.end] != match.group("scale"):
        return None
    found = unit_after(norm, match.end())
    return found[0].canonical if found is not None and found[0].kind == "currency" else None


def _is_count_noun(norm: str, pos: int) -> bool:
    found = unit_after(norm, pos)
    return found is not None and found[0].kind == "count"


# The next amount of a list: "10.000 và 20.000 đồng", "100.000 hay 200.000 bảng" (or), "5.000, 10.000 USD"
# (grammar: the conjunctions "và" and, "hay"/"hoặc" or)
_NEXT_IN_LIST_RE = lazy_compile(
    r"\ *(?:,|và|hay|hoặc)\ +(?P<number>\d(?:[\d.,]*\d)?)", flags=regex.IGNORECASE
)


def listed_currency(norm: str, ex: Expression) -> str | None:
    """The currency of a bare amount of a thousand or more that the next amount of its list
    writes: "in tiền polymer 10.000 và 20.000 đồng" (the 10,000 and 20,000 đồng notes).

    >>> from vnextract.recognizers.expressions import read_expression
    >>> from vnextract.recognizers.number_scan import scan_numbers
    >>> text = "lương 100.000 hay 200.000 bảng"
    >>> ex, _ = read_expression(text, scan_numbers(text), 0, {})
    >>> listed_currency(text, ex)
    'GBP'
    """
    if ex.scale is not None or ex.value_to is not None or ex.value < _SMALLEST_MONEY_SCALE:
        return None
    following = _NEXT_IN_LIST_RE.match(norm, ex.end)
    if following is None:
        return None
    found = unit_after(norm, following.end("number"))
    return found[0].canonical if found is not None and found[0].kind == "currency" else None


# A medal of a colour counted before the number, in its clause: "113 HC vàng, 29 bạc" (gold and
# silver medals; "HC", "HCV", "HCB" = huy chương, medal, gold, silver)
_MEDALS_BEFORE_RE = lazy_compile(
    r"""(?<![\p{L}\p{N}])(?:
        \d+\ +(?:(?:HC|huy\ chương)\ +)?(?:vàng|bạc)   # "113 HC vàng", "29 bạc"
        | HCV | HCB                                       # gold, silver medal
    )(?![\p{L}])[^.;:!?\n]{0,80}\Z""",
    flags=regex.IGNORECASE | regex.VERBOSE,
)


def bronze_medals(norm: str, ex: Expression) -> bool:
    """Rule *medal_tally*: "đồng" after a plain number in a list of medals by colour is bronze
    (huy chương đồng), not the currency: "đem về 113 HC vàng, 29 bạc và 83 đồng".

    >>> from vnextract.recognizers.expressions import read_expression
    >>> from vnextract.recognizers.number_scan import scan_numbers
    >>> text = "Đội giành 5 huy chương vàng, 3 bạc và 2 đồng."
    >>> numbers = scan_numbers(text)
    >>> ex, _ = read_expression(text, numbers, 2, {})
    >>> bronze_medals(text, ex)
    True
    """
    if ex.scale is not None or norm[ex.end - 4 : ex.end].casefold() != "đồng":
        return False  # "thưởng 50 triệu đồng mỗi HC vàng" is money
    sentence_start = max(0, ex.start - 120)
    return _MEDALS_BEFORE_RE.search(norm, sentence_start, ex.start) is not None
