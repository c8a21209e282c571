"""Every number in a text, read once: the candidates of NUMBER_RE cut into valid readings.

Scale words alone are no number ("triệu đồng"), except in the vague amounts of
data/numbers_vague.tsv: "hàng chục triệu đồng" (tens of millions of đồng: 10,000,000, at least),
"hàng nghìn người" (thousands of people: 1,000, at least), "nửa tỷ đồng" (half a billion).
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import NamedTuple

from vnextract.lazy_regex import lazy_compile
from vnextract.numerals import NumberReading, load_tsv, number_candidates, number_words, read_number

__all__ = ["NumberSpan", "scan_numbers"]

_LONGEST_NUMBER = 160  # characters; "bảy trăm hai mươi mốt nghìn không trăm mười hai" has 48


class NumberSpan(NamedTuple):
    """A number in the text (normalised offsets) and its reading."""

    start: int
    end: int
    reading: NumberReading


def scan_numbers(norm: str) -> list[NumberSpan]:
    """All numbers of ``norm`` in text order; a candidate run may hold several ("ba năm 2020").

    >>> [(n.start, n.end, n.reading.value) for n in scan_numbers("có 13 tập thể và hai mươi lăm em")]
    [(3, 5, Decimal('13')), (17, 29, Decimal('25'))]
    """
    found: list[NumberSpan] = []
    for match in number_candidates(norm):
        candidate = match.group()
        base = match.start()
        pos = 0
        while pos < len(candidate):
            # no number is longer than a few dozen words: a bounded window keeps a pathological
            # run of number words ("hai hai hai …") linear
            reading = read_number(candidate[pos : pos + _LONGEST_NUMBER])
            if reading is None:
                vague = _vague_amount(norm, base + pos, candidate[pos : pos + _LONGEST_NUMBER])
                if vague is not None:
                    found.append(vague)
                    pos += vague.end - (base + pos)
                    while pos < len(candidate) and candidate[pos] == " ":
                        pos += 1
                    continue
                # not a number here ("không" = not): try the next word of the run
                space = candidate.find(" ", pos)
                if space < 0:
                    break
                pos = space + 1
                continue
            tail = _digit_tail(norm, base + pos, candidate[pos : pos + _LONGEST_NUMBER], reading)
            if tail is not None:
                reading = tail
            found.append(NumberSpan(base + pos, base + pos + reading.end, reading))
            pos += reading.end
            while pos < len(candidate) and candidate[pos] == " ":
                pos += 1
    return found


#: A colloquial tail: one to three digits after "triệu" or "tỷ" that end the number, before the
#: end of the text or a mark ("3 tỷ 5." = 3.5 billion).
_DIGIT_TAIL_RE = lazy_compile(r"\ (\d{1,3})(?![.,]\d)(?=\s*(?:$|[.,;:!?)\]\"”'…]))")


def _digit_tail(norm: str, at: int, candidate: str, reading: NumberReading) -> NumberReading | None:
    """Rule *colloquial_digit_tail*: digits written after a scale word are that many tenths,
    hundredths or thousandths of it, the next scale left out: "3 tỷ 5" = 3 tỷ 500 triệu, "2 tỷ
    25" = 2 tỷ 250 triệu, "45 triệu 500" = 45 triệu 500 nghìn — as the spelled "triệu tư" is
    1.4 million. Only for millions and billions, and only where the digits end the clause
    (the end of the text or a mark): "3 tỷ 5 căn hộ" is five flats.

    >>> text = "Căn nhà bán 3 tỷ 5."
    >>> _digit_tail(text, 12, "3 tỷ 5", read_number("3 tỷ 5")).value
    Decimal('3500000000')
    """
    if reading.scale is None or reading.scale < 10**6 or reading.vague:
        return None
    last = candidate[: reading.end].rsplit(" ", 1)[-1].casefold()
    entry = number_words().get(last)
    if entry is None or entry.role != "scale":
        return None  # the number must end on its scale word ("3 tỷ", not "3 tỷ 500 triệu")
    tail = _DIGIT_TAIL_RE.match(norm, at + reading.end)
    if tail is None or tail.end() > at + len(candidate):
        return None  # the digits are the run's last word
    digits = tail.group(1)
    value = reading.value + Decimal(digits) * reading.scale / 10 ** len(digits)
    if value == value.to_integral_value():
        value = Decimal(int(value))
    return reading._replace(value=value, end=tail.end() - at)


@cache
def _vague_words() -> dict[str, frozenset[str]]:
    """Role → words of data/numbers_vague.tsv ("vague", "half", "not_before_vague")."""
    roles: dict[str, set[str]] = {}
    for row in load_tsv("numbers_vague.tsv"):
        roles.setdefault(row["role"], set()).add(row["word"])
    return {role: frozenset(words) for role, words in roles.items()}


# "chục" (ten), "trăm" (hundred) and the scale words: what a vague amount multiplies
_MULTIPLIER_ROLES = frozenset({"dozen", "hundred", "scale"})
# the word before the scale words, and the word before that one (lower case)
_TWO_WORDS_BEFORE_RE = lazy_compile(r"(?r)(?:(?P<w1>\p{L}+)\ +)?(?P<w2>\p{L}+)\ +\Z")


def _vague_amount(norm: str, at: int, candidate: str) -> NumberSpan | None:
    """A vague amount whose scale words start at ``at``: "hàng chục triệu" → 10,000,000 (span
    from "hàng", at least), "nửa tỷ" → 500,000,000 (span from "nửa"); None otherwise.

    >>> text = "lãi hàng chục triệu đồng"
    >>> span = _vague_amount(text, 9, "chục triệu")
    >>> text[span.start : span.end], span.reading.value, span.reading.vague
    ('hàng chục triệu', Decimal('10000000'), True)
    >>> _vague_amount("ngân hàng nghìn tỷ", 10, "nghìn tỷ") is None
    True
    """
    table = number_words()
    value = Decimal(1)
    scale: Decimal | None = None
    length = 0  # characters of candidate used
    words = 0
    first_role = ""
    for word in candidate.split(" "):
        entry = table.get(word.casefold())
        if entry is None or entry.role not in _MULTIPLIER_ROLES:
            break
        first_role = first_role or entry.role
        if scale is not None and entry.value <= scale:
            break  # "chục triệu" grows; "triệu nghìn" does not
        value *= entry.value
        if entry.role == "scale":
            scale = entry.value
        length += len(word) + (1 if words else 0)
        words += 1
    if not words:
        return None
    before = _TWO_WORDS_BEFORE_RE.search(norm, max(0, at - 24), at)
    if before is None:
        return None
    word = before.group("w2").casefold()
    previous = (before.group("w1") or "").casefold()
    roles = _vague_words()
    if word in roles["vague"] and previous not in roles["not_before_vague"]:
        reading = NumberReading(value, length, True, scale, None, vague=True)
    elif word in roles["half"] and words == 1 and scale is not None and scale >= 1000:
        reading = NumberReading(value / 2, length, True, scale, None)
    elif _bare_scale_amount(norm, at + length, word, scale):
        return NumberSpan(at, at + length, NumberReading(value, length, True, scale, None))
    elif first_role in ("dozen", "hundred") and words > 1 and scale is not None and word not in table:
        # rule *bare_dozen_vague*: "chục", "trăm" (ten, hundred) with no number before, then a
        # scale word, are the vague "hàng chục triệu" without "hàng": "thấp hơn niêm yết chục
        # triệu đồng" (tens of millions lower), "chênh trăm triệu" (hundreds of millions apart)
        return NumberSpan(at, at + length, NumberReading(value, length, True, scale, None, vague=True))
    else:
        return None
    return NumberSpan(before.start("w2"), at + length, reading)


def _bare_scale_amount(norm: str, end: int, word_before: str, scale: Decimal | None) -> bool:
    """Rule *bare_scale_amount*: scale words with no number, after a noun and before a dollar or
    euro word, are the amount they name: "mức lương triệu USD" (a million-dollar salary), "siêu
    xe triệu đô" — the headline idiom of a million- or billion-dollar thing. Not after a word
    that makes them a unit ("tính bằng triệu USD", "mỗi triệu USD"); never for "đồng", which
    tables write as their unit ("Đơn vị: tỷ đồng").

    >>> _bare_scale_amount("robot triệu USD", 11, "robot", Decimal(10**6))
    True
    >>> _bare_scale_amount("tính bằng triệu USD", 15, "bằng", Decimal(10**6))
    False
    """
    roles = _vague_words()
    if scale is None or scale < 10**6 or word_before in roles["not_before_bare_scale"]:
        return False
    after = _WORD_AFTER_RE.match(norm, end)
    if after is None:
        return False
    words = after.group().casefold().split()
    currencies = {c.casefold() for c in roles["bare_scale_currency"]}
    return words[0] in currencies or " ".join(words[:2]) in currencies


#: The one or two words after the scale words ("USD", "đô la").
_WORD_AFTER_RE = lazy_compile(r"\ +\p{L}+(?:\ \p{L}+)?")
