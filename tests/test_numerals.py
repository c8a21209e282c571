"""The number grammar: parse_number on digits (both grouping styles), spelled numbers, scales."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vnextract
from vnextract.numerals import NUMBER_RE, number_candidates, parse_digits, parse_number, read_number

# ----------------------------------------------------------------------------- examples

EXAMPLES = [
    ("1.234.567", "1234567"),
    ("1.234,56", "1234.56"),
    ("1,234,567", "1234567"),
    ("1,5", "1.5"),
    ("3.5", "3.5"),
    ("12,5", "12.5"),
    ("2.000.000", "2000000"),
    ("30k", "30000"),
    ("100K", "100000"),
    ("hai mươi lăm", "25"),
    ("một trăm linh năm", "105"),
    ("một trăm lẻ năm", "105"),
    ("hai mươi tư", "24"),
    ("ba mươi mốt", "31"),
    ("năm mươi nhăm", "55"),
    ("mười lăm", "15"),
    ("hai chục", "20"),
    ("một nghìn không trăm linh năm", "1005"),
    ("hai phẩy năm", "2.5"),
    ("không phẩy năm", "0.5"),
    ("20 nghìn tỷ", "20000000000000"),
    ("3 tỷ 500 triệu", "3500000000"),
    ("1 triệu 200 nghìn", "1200000"),
    ("2 triệu rưỡi", "2500000"),
    ("một triệu tư", "1400000"),
    ("1,5 tỷ", "1500000000"),
    ("2,6 ngàn tỉ", "2600000000000"),
    ("3 vạn", "30000"),
    ("hai mươi mốt nghìn không trăm mười một", "21011"),
    ("bảy trăm hai mươi mốt nghìn không trăm mười hai", "721012"),
    ("một tỷ", "1000000000"),
]


@pytest.mark.parametrize(("text", "value"), EXAMPLES, ids=[t for t, _ in EXAMPLES])
def test_parse_number(text: str, value: str) -> None:
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize(
    "text",
    ["", "năm học", "triệu tư", "không", "mười năm", "hai mươi năm", "1.2.3", "090.123.4567", "tư", "abc"],
)
def test_not_a_whole_number(text: str) -> None:
    # "mười năm" is "ten years", "hai mươi năm" "twenty years": never 15 / 25
    assert parse_number(text) is None


def test_public_helper_is_exported() -> None:
    assert vnextract.parse_number("hai mươi lăm") == Decimal(25)


def test_read_number_stops_before_a_non_number() -> None:
    reading = read_number("5 năm qua")
    assert reading is not None and (reading.value, reading.end) == (Decimal(5), 1)
    spelled = read_number("ba năm sau")
    assert spelled is not None and (spelled.value, spelled.bare_word) == (Decimal(3), "ba")


def test_dollar_grouping_only_on_request() -> None:
    assert parse_digits("1,500") == Decimal("1.5")  # Vietnamese decimal comma
    assert parse_digits("1,500", comma_groups=True) == Decimal(1500)  # "$1,500"


# ----------------------------------------------------------------------------- properties


def vietnamese(n: int) -> str:
    """1234567 → "1.234.567" (dots group thousands)."""
    return f"{n:,}".replace(",", ".")


@given(st.integers(min_value=0, max_value=10**15))
def test_vietnamese_grouping_parses_back(n: int) -> None:
    assert parse_number(vietnamese(n)) == n


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=1, max_value=999))
def test_vietnamese_decimal_comma_parses_back(n: int, fraction: int) -> None:
    digits = str(fraction).rstrip("0") or "0"
    assert parse_number(f"{vietnamese(n)},{digits}") == Decimal(f"{n}.{digits}")


@given(st.integers(min_value=1_000_000, max_value=10**15))
def test_english_grouping_parses_back(n: int) -> None:
    # two or more commas can only be groups; a lone ",ddd" is the Vietnamese decimal comma
    assert parse_number(f"{n:,}") == n


@given(st.integers(min_value=1000, max_value=10**12), st.integers(min_value=0, max_value=99))
def test_english_decimal_point_parses_back(n: int, cents: int) -> None:
    assert parse_number(f"{n:,}.{cents:02d}") == Decimal(f"{n}.{cents:02d}")


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=999))
def test_stacked_scales(millions: int, thousands: int) -> None:
    assert parse_number(f"{millions} triệu {thousands} nghìn") == millions * 10**6 + thousands * 10**3
    billions = parse_number(f"{vietnamese(millions)} tỷ {thousands} triệu")
    assert billions == millions * 10**9 + thousands * 10**6


_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def _below_thousand(n: int, full: bool) -> list[str]:
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            words += (["linh"] if hundreds or full else []) + [_DIGITS[units]]
    elif tens == 1:
        words += ["mười"] + (["lăm" if units == 5 else _DIGITS[units]] if units else [])
    else:
        words += [_DIGITS[tens], "mươi"]
        if units:
            words.append({1: "mốt", 4: "tư", 5: "lăm"}.get(units, _DIGITS[units]))
    return words


def spell(n: int) -> str:
    """The Vietnamese words for n < 1 000 000: 21011 → "hai mươi mốt nghìn không trăm mười một"."""
    if n == 0:
        return "không"
    thousands, rest = divmod(n, 1000)
    words: list[str] = []
    if thousands:
        words += [*_below_thousand(thousands, False), "nghìn"]
    if rest:
        words += _below_thousand(rest, bool(thousands))
    return " ".join(words)


@settings(max_examples=300)
@given(st.integers(min_value=1, max_value=999_999))
def test_spelled_numbers_parse_back(n: int) -> None:
    assert parse_number(spell(n)) == n


# ----------------------------------------------------------------------------- the anchored scan

_SCAN_PIECES = (
    *("1", "12", "2.000", "1,5", "30k", "USD", "usd", "$", "-", "/", ":", ".", ",", " ", "  ", "_", "x"),
    *("hai", "mươi", "lăm", "một", "trăm", "triệu", "tỷ", "lệ", "khai", "Năm", "KHÔNG", "İ", "ſáu"),
    *("𝟐", "٣", "Covid", "phẩy", "\n"),
)


def _same_scan(text: str) -> None:
    plain = [m.span() for m in NUMBER_RE.finditer(text)]
    assert [m.span() for m in number_candidates(text)] == plain


def test_anchored_scan_equals_the_plain_scan_on_examples(reference_article: str) -> None:
    """number_candidates (anchors first, NUMBER_RE only there) finds what finditer finds."""
    for text, _ in EXAMPLES:
        _same_scan(text)
    _same_scan(reference_article)
    _same_scan("Phạt USD1,23 và hai mươi lăm triệu, tỷ lệ 5%, Covid-19, khai 3 người, 𝟐 ٣")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SCAN_PIECES), max_size=25).map("".join))
def test_anchored_scan_equals_the_plain_scan(text: str) -> None:
    _same_scan(text)


_UNIT_PIECES = (
    *(" ", "  ", "5", "đồng", "đồng thời", "đ", "%", "triệu", "USD", "m", "m2", "mẹ", "km/h", "người"),
    *("tỷ", "lệ", "hơn", "cao hơn", "khoảng", "không quá", "xhơn", "năm", "ngày", "$", "€", "x"),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_UNIT_PIECES), max_size=8).map("".join))
def test_unit_and_hedge_lookups_equal_their_plain_regexes(text: str) -> None:
    """unit_after (cut by first character) and the backward hedge search agree with the plain
    forward regexes at every position."""
    import regex

    from vnextract import qualifiers, units

    forward_hedge = regex.compile(qualifiers._BEFORE_RE.pattern.removeprefix("(?r)"), flags=regex.IGNORECASE)
    for pos in range(len(text) + 1):
        plain = units.UNIT_RE.match(text, pos)
        found = units.unit_after(text, pos)
        expected_unit = (plain.start("unit"), plain.end("unit")) if plain else None
        assert ((found[1], found[2]) if found else None) == expected_unit
        window = text[max(0, pos - 24) : pos]
        ahead, back = forward_hedge.search(window), qualifiers._BEFORE_RE.search(window)
        expected_hedge = (ahead.span(), ahead.group("q")) if ahead else None
        assert ((back.span(), back.group("q")) if back else None) == expected_hedge
