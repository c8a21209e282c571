"""The Vietnamese number grammar: digits in both grouping styles, spelled-out numbers, scales.

Two layers:

* :data:`NUMBER_RE` finds *candidate* numbers in a text in one linear pass: digit strings
  ("1.234.567", "1,5", "30k") and runs of number words ("hai mươi lăm", "3 tỷ 500 triệu",
  "triệu tư"). It is deliberately generous.
* :func:`read_number` parses a candidate and returns the longest prefix that is a valid number,
  with its value and what kind of number it is (digits or words, scaled or not).

:func:`parse_number` is the public helper: the value of a whole string, or None.

Separator rules (docs/recognizers.md, Conventions): Vietnamese groups thousands with "." and
writes decimals with ","; English style occurs too. A "." followed by exactly three digits
groups; otherwise it is a decimal point ("3.5 triệu"). When both "." and "," occur, the last
one is the decimal mark.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from functools import cache
from types import MappingProxyType
from typing import NamedTuple

import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon.loader import load_tsv
from vnextract.lexicon.words import alternation

__all__ = [
    "NUMBER_RE",
    "NumberReading",
    "literal_trie",
    "load_tsv",
    "number_candidates",
    "parse_digits",
    "parse_number",
    "read_number",
]


# ----------------------------------------------------------------------------- data


class Word(NamedTuple):
    value: Decimal
    role: str


@cache
def number_words() -> Mapping[str, Word]:
    """Spelled number words (lower case) → value and grammatical role (numbers_words.tsv).

    >>> number_words()["lăm"]
    Word(value=Decimal('5'), role='unit_after_tens')
    """
    return MappingProxyType(
        {row["word"]: Word(Decimal(row["value"]), row["role"]) for row in load_tsv("numbers_words.tsv")}
    )


# ----------------------------------------------------------------------------- candidates

_WORDS_ALT = "|".join(
    sorted((regex.escape(row["word"]) for row in load_tsv("numbers_words.tsv")), key=len, reverse=True)
)

# A digit string: digits with "." or "," between digit groups only (a trailing full stop is
# punctuation, not part of the number), optionally "k"/"K" for thousand ("30k").
# Possessive quantifiers: the whole run is taken or nothing, so "090.123.4567" is one candidate
# (rejected later) instead of a valid-looking prefix.
# ISO codes written right before an amount ("USD1,23", "EUR29,99"): the one case where a
# letter may touch the digits.
_CODES = "|".join(
    row["surface"]
    for row in load_tsv("currencies.tsv")
    if row["position"] in ("before", "both") and row["surface"].isalpha() and row["surface"].isupper()
)
#: Scale words that may be glued to their digits ("1,5tỷ" = 1.5 billion): millions and up, so
#: no unit written glued ("5ngàn" is rare, "5m" is metres) is read as one.
_GLUED_SCALES = "|".join(
    row["word"]
    for row in load_tsv("numbers_words.tsv")
    if row["role"] == "scale" and int(row["value"]) >= 10**6
)
_DIGITS = rf"""
    (?:(?<=(?<![\p{{L}}])(?:{_CODES}))                       # "USD1,23"
      |(?<![\p{{L}}\p{{N}}_]|\p{{N}}[.,/:]|\p{{L}}-))          # else not inside a word or code
    \d++(?:[.,]\d++)*+
    (?:[kK](?![\p{{L}}\p{{N}}])                          # "30k" = 30 000
      |(?:{_GLUED_SCALES})(?![\p{{L}}\p{{N}}]))?+          # "1,5tỷ", "500triệu": the space lost
    (?![/:]\p{{N}}|\p{{N}})                               # "24/08", "07:38" are dates and times
"""
_WORD = rf"(?<![\p{{L}}\p{{N}}])(?:{_WORDS_ALT})(?![\p{{L}}\p{{N}}])"
# Scale words that are really the first syllable of another word: "tỷ lệ" (ratio), "tỉ phú"
# (billionaire), "triệu chứng" (symptom), "triệu tập" (to convene), "vạn vật" (all things).
_NOT_SCALE = r"\ (?:" + alternation("scale_compound", r"\ +") + r")(?!\p{L})"
NUMBER_RE = lazy_compile(
    rf"""
    (?:{_DIGITS}|{_WORD})
    (?:(?!{_NOT_SCALE})\ (?:{_DIGITS}|{_WORD}))*+
    """,
    flags=regex.VERBOSE | regex.IGNORECASE | regex.V0,
)


# Running NUMBER_RE at every position is most of the scan's cost (each word start tries the
# whole word alternation under IGNORECASE). A number starts only at a digit or a number word,
# so one pass of a plain alternation over the lower-cased text finds the places (stdlib
# ``re``: measured twice as fast as ``regex`` on a literal alternation), and NUMBER_RE is tried
# only there; :func:`number_candidates` gives exactly what ``NUMBER_RE.finditer`` gives.
# Only the first digit of a run can start a number (the others follow a digit), and "usd1,23"
# needs no look-behind here; a word must end where a number word ends ("ba" of "bao" is none).
# ``[^\W_]`` (re's letters and digits) is within regex's ``[\p{L}\p{N}]``; astral characters
# are candidates since ``regex`` knows digits there that ``re`` does not.
def literal_trie(words: Iterable[str]) -> str:
    """A ``re`` alternation of literal words as a trie: each character is tested once per place
    ("m(?:ốt|ột|ư(?:ơi|ời))" instead of "mốt|một|mươi|mười"), which the stdlib engine scans about
    twice as fast as the flat list.

    >>> literal_trie(["mốt", "một", "mươi", "mười", "ba"])
    'ba|m(?:ư(?:ơi|ời)|ốt|ột)'
    """
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        groups.setdefault(word[:1], []).append(word[1:])
    parts = []
    for first, rests in sorted(groups.items()):
        if len(rests) == 1:  # one word with this start: the word itself
            parts.append(re.escape(first + rests[0]))
            continue
        tails = [rest for rest in rests if rest]
        optional = "?" if len(tails) < len(rests) else ""  # the word may also end here
        parts.append(f"{re.escape(first)}(?:{literal_trie(tails)}){optional}")
    return "|".join(parts)


_NUMBER_ANCHOR_RE = re.compile(
    r"\d+|(?<![^\W_])(?:"
    + literal_trie(row["word"] for row in load_tsv("numbers_words.tsv"))
    + r")(?![^\W_])|[\U00010000-\U0010FFFF]"
)
#: Lower-casing keeps offsets and agrees with IGNORECASE except for these ("İ" lower-cases to
#: two characters, "ſ" matches "s" only under case folding): such a text takes the plain scan.
LOWER_CASE_TRAPS = ("İ", "ſ")


def number_candidates(text: str) -> Iterator[regex.Match[str]]:
    """The matches of NUMBER_RE over ``text``, exactly as ``NUMBER_RE.finditer(text)`` gives them.

    >>> [m.group() for m in number_candidates("Có 13 tập thể và hai mươi lăm em, khai 5 người")]
    ['13', 'hai mươi lăm', '5']
    """
    if any(trap in text for trap in LOWER_CASE_TRAPS):
        yield from NUMBER_RE.finditer(text)
        return
    lowered = text.lower()
    search, match = _NUMBER_ANCHOR_RE.search, NUMBER_RE.match
    pos = 0
    while (anchor := search(lowered, pos)) is not None:
        found = match(text, anchor.start())
        if found is None:
            # no number starts inside a digit run or a number word (the look-behinds see
            # a digit or a letter there)
            pos = anchor.end()
            continue
        yield found
        pos = found.end()


# ----------------------------------------------------------------------------- digits

_GROUPED = lazy_compile(r"\d{1,3}(?:[.]\d{3})+|\d{1,3}(?:,\d{3})+")


def parse_digits(text: str, *, comma_groups: bool = False) -> Decimal | None:
    """Value of a digit string written the Vietnamese or the English way, or None.

    ``comma_groups`` reads a lone ",ddd" as a thousands group (after "$": "$1,500").

    >>> parse_digits("1.234.567"), parse_digits("1.234,5"), parse_digits("1,5"), parse_digits("3.5")
    (Decimal('1234567'), Decimal('1234.5'), Decimal('1.5'), Decimal('3.5'))
    >>> parse_digits("1,234,567"), parse_digits("1,500.50"), parse_digits("30k")
    (Decimal('1234567'), Decimal('1500.50'), Decimal('30000'))
    """
    multiplier = Decimal(1)
    if text[-1:] in "kK":
        multiplier, text = Decimal(1000), text[:-1]
    if not text or not text[0].isdigit() or not text[-1].isdigit():
        return None
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        # the later separator is the decimal mark, the other one groups
        decimal_mark = "." if text.rfind(".") > text.rfind(",") else ","
        group_mark = "," if decimal_mark == "." else "."
        whole, _, fraction = text.rpartition(decimal_mark)
        if decimal_mark in whole or not _GROUPED.fullmatch(whole.replace(group_mark, ".")):
            return None
        digits = whole.replace(group_mark, "") + "." + fraction
    elif dots or commas:
        mark = "." if dots else ","
        whole, _, last = text.rpartition(mark)
        grouped = _GROUPED.fullmatch(text.replace(",", ".")) is not None
        if (dots > 1 or commas > 1) and grouped:
            digits = text.replace(mark, "")
        elif dots > 1 or commas > 1:
            return None  # "1.2.3", a version or code
        elif mark == "." and grouped:
            digits = whole + last  # "1.234": a thousands group
        elif mark == "," and grouped and comma_groups:
            digits = whole + last
        else:
            digits = whole + "." + last  # "1,5", "3.5", "1,500" (Vietnamese: 1.5)
    else:
        digits = text
    try:
        return Decimal(digits) * multiplier
    except InvalidOperation:  # pragma: no cover - the shapes above are all numeric
        return None


# ----------------------------------------------------------------------------- readings


class NumberReading(NamedTuple):
    """A parsed number: its value, the characters it used and what it was made of."""

    value: Decimal
    end: int  # offset (in the candidate string) just past the number
    spelled: bool  # made only of words ("hai mươi lăm")
    scale: Decimal | None  # the last scale word used (nghìn/triệu/tỷ/k), None without one
    bare_word: str | None  # the single word when the number is one ambiguous word ("một", "năm")
    #: a vague amount, "hàng chục triệu" (tens of millions): the value of the scale words, at least
    vague: bool = False


_ANY_DIGIT = ("digit", "unit_after_tens")


def _digit_word(word: str, *, allow: tuple[str, ...] = ("digit",)) -> Decimal | None:
    entry = number_words().get(word)
    if entry is not None and entry.role in allow and entry.value < 10:
        return entry.value
    return None


def _below_thousand(words: list[str], i: int) -> tuple[Decimal, int] | None:
    """Parse a spelled group under 1000 starting at words[i]; return (value, next index)."""
    n = len(words)
    value = Decimal(0)
    j = i
    hundreds = _digit_word(words[j]) if j < n else None
    if hundreds is not None and j + 1 < n and words[j + 1] == "trăm":
        value = hundreds * 100
        j += 2
        if j < n and words[j] in ("linh", "lẻ"):
            unit = _digit_word(words[j + 1]) if j + 1 < n else None
            if unit is None or unit == 0:
                return value, j  # "trăm lẻ" alone: stop before it
            return value + unit, j + 2
        if j < n and words[j] == "rưỡi":  # "trăm rưỡi" = 150
            return value + 50, j + 1
        rest = _tens(words, j, after_hundred=True)
        if rest is not None:
            return value + rest[0], rest[1]
        return value, j
    return _tens(words, i, after_hundred=False)


def _tens(words: list[str], i: int, *, after_hundred: bool) -> tuple[Decimal, int] | None:
    n = len(words)
    if i >= n:
        return None
    word = words[i]
    if word == "mười":
        j = i + 1
        # units after mười: "lăm" for five; "mười năm" is "ten years", not fifteen (grammar: the
        # three units read otherwise after "mười")
        unit = _digit_word(words[j], allow=("digit", "unit_after_tens")) if j < n else None
        if unit is not None and unit != 0 and words[j] not in ("năm", "mốt", "tư"):
            return Decimal(10) + unit, j + 1
        return Decimal(10), j
    tens = _digit_word(word)
    if tens is not None and tens > 0 and i + 1 < n and words[i + 1] == "mươi":
        j = i + 2
        unit = _digit_word(words[j], allow=("digit", "unit_after_tens")) if j < n else None
        # "hai mươi năm" is "twenty years": "năm" is never a units digit after mươi
        if unit is not None and unit != 0 and words[j] != "năm":
            return tens * 10 + unit, j + 1
        return tens * 10, j
    if tens is not None and tens > 0 and i + 1 < n and words[i + 1] == "chục":
        return tens * 10, i + 2
    if tens is not None and not after_hundred:
        return tens, i + 1
    return None


def read_number(candidate: str) -> NumberReading | None:
    """Parse the longest valid number at the start of a candidate string, or None.

    >>> read_number("hai mươi lăm học sinh").value
    Decimal('25')
    >>> r = read_number("3 tỷ 500 triệu đồng"); (r.value, r.scale)
    (Decimal('3500000000'), Decimal('1000000'))
    >>> read_number("triệu tư") is None, read_number("1 triệu tư").value
    (True, Decimal('1400000'))
    """
    if candidate[:1].isdigit() and " " not in candidate:
        return _read_digits(candidate)  # most candidates: one digit string, "1.200", "30k"
    words = candidate.split()  # C-speed; a candidate's words are separated by spaces
    lowered = [w.casefold() for w in words]
    table = number_words()
    n = len(words)
    total = Decimal(0)  # finished part of the number
    current: Decimal | None = None  # group waiting for a scale word
    last_scale: Decimal | None = None  # the scale applied last
    spelled = True
    i = 0
    used = 0  # words consumed by the valid prefix
    while i < n:
        word = lowered[i]
        entry = table.get(word)
        if entry is not None and entry.role == "scale":
            if current is None and last_scale is not None and entry.value > last_scale:
                total *= entry.value  # "20 nghìn tỷ": a larger scale multiplies what came before
            elif current is None:
                break  # a scale word cannot start a number
            elif last_scale is not None and entry.value >= last_scale:
                total = (total + current) * entry.value
            else:
                total += current * entry.value
            current, last_scale = None, entry.value
            i += 1
            used = i
            tail = _scale_tail(lowered, i, entry.value)
            if tail is not None:
                total += tail
                used = i = i + 1
                break
            continue
        if current is not None:
            break  # two numbers in a row ("5 năm" is five years): stop
        if word[0].isdigit():
            digits, glued = split_glued_scale(words[i])
            value = parse_digits(digits)
            if glued is not None and value is not None and last_scale is None:
                total, last_scale = total + value * glued, glued  # "1,5tỷ": the scale is glued on
                i = used = i + 1
                spelled = False
                continue
            if value is None or (last_scale is not None and not _scale_follows(lowered, i + 1, last_scale)):
                break  # "3 tỷ 500" continues only with a smaller scale after it ("500 triệu")
            spelled = False
            i += 1
            if i + 1 < n and lowered[i] in ("phẩy", "chấm") and words[i + 1].isdigit() and value % 1 == 0:
                value = Decimal(f"{value}.{words[i + 1]}")  # "2 chấm 23" = 2.23
                i += 2
            if word[-1] == "k":  # "30k": the thousand is already in the value
                total, last_scale = total + value, Decimal(1000)
                used = i
                continue
            if i < n and words[i - 1].isdigit() and len(words[i - 1]) == 1 and value > 0:
                # a digit with a spelled multiplier: "3 trăm nghìn" (300 thousand), "5 chục
                # triệu" (50 million), "4 triệu 3 trăm nghìn"
                multiplier = table.get(lowered[i])
                if multiplier is not None and multiplier.role in ("hundred", "dozen"):
                    value *= multiplier.value
                    i += 1
            current = value
            used = i
            continue
        group = _below_thousand(lowered, i)
        if group is None or (word == "không" and group[1] == i + 1 and not _point_follows(lowered, i + 1)):
            break  # "không" alone means "not"
        value, j = group
        # spoken decimal point: "hai phẩy năm" = 2.5, "một chấm ba" = 1.3
        if j + 1 < n and lowered[j] in ("phẩy", "chấm"):
            decimals = []
            k = j + 1
            while k < n and (digit := _digit_word(lowered[k], allow=_ANY_DIGIT)) is not None:
                decimals.append(str(digit))
                k += 1
            if decimals:
                value = Decimal(f"{value}.{''.join(decimals)}")
                j = k
            elif lowered[j + 1].isdigit():  # "hai phẩy 23" = 2.23
                value = Decimal(f"{value}.{lowered[j + 1]}")
                j += 2
        hundreds_written = "trăm" in lowered[i:j]
        if last_scale is not None and not hundreds_written and not _scale_follows(lowered, j, last_scale):
            break  # after a scale, a spelled group needs "trăm" or a smaller scale after it
        current = value
        i = used = j
    if used == 0:
        return None
    if current is not None and used == i:
        total += current
    end = _end_of_word(candidate, used)
    bare = lowered[0] if used == 1 and spelled else None
    if total == total.to_integral_value():
        total = Decimal(int(total))  # "2,6 ngàn tỉ" → 2600000000000, not 2.6E+12
    return NumberReading(total, end, spelled, last_scale, bare)


def _read_digits(word: str) -> NumberReading | None:
    """read_number of a candidate that is one digit string (the same steps, without the loop)."""
    digits, glued = split_glued_scale(word)
    value = parse_digits(digits)
    if value is None:
        return None
    total = Decimal(0) + value * (glued or 1)  # the same context rounding as the general path
    if total == total.to_integral_value():
        total = Decimal(int(total))
    scale = glued or (Decimal(1000) if word[-1] in "kK" else None)  # "30k": the thousand is in the value
    return NumberReading(total, len(word), False, scale, None)


_GLUED_SCALE_RE = lazy_compile(rf"(?<=\d)(?:{_GLUED_SCALES})\Z", flags=regex.IGNORECASE)


def split_glued_scale(word: str) -> tuple[str, Decimal | None]:
    """The digits of a digit string and the value of a scale word glued to them, if any.

    >>> split_glued_scale("1,5tỷ"), split_glued_scale("1.200")
    (('1,5', Decimal('1000000000')), ('1.200', None))
    """
    glued = _GLUED_SCALE_RE.search(word)
    if glued is None:
        return word, None
    return word[: glued.start()], number_words()[glued.group().casefold()].value


def _end_of_word(candidate: str, count: int) -> int:
    """Offset just past the ``count``-th word of ``candidate``."""
    pos = 0
    for _ in range(count):
        while candidate[pos].isspace():
            pos += 1
        while pos < len(candidate) and not candidate[pos].isspace():
            pos += 1
    return pos


def _scale_tail(lowered: list[str], i: int, scale: Decimal) -> Decimal | None:
    """Colloquial tail after a scale word: "triệu tư" (+0.4 million), "triệu rưỡi" (+0.5 million)."""
    if i >= len(lowered):
        return None
    tail = lowered[i]
    if tail == "rưỡi":
        return scale / 2
    entry = number_words().get(tail)
    if entry is None or entry.role not in ("digit", "unit_after_tens") or not 0 < entry.value < 10:
        return None
    if tail in ("năm", "một"):  # "triệu năm" is not 1.5 million; "một" starts a new number
        return None
    following = number_words().get(lowered[i + 1]) if i + 1 < len(lowered) else None
    if following is not None and following.role in ("scale", "hundred", "tens"):
        return None  # "nghìn hai trăm" is a new group, not a tail
    return entry.value * scale / 10


def _point_follows(lowered: list[str], i: int) -> bool:
    return i < len(lowered) and lowered[i] in ("phẩy", "chấm")


def _scale_follows(lowered: list[str], i: int, last_scale: Decimal) -> bool:
    """After a scale, a further group must be followed by a smaller scale ("3 tỷ 500 triệu")."""
    table = number_words()
    for word in lowered[i : i + 6]:
        entry = table.get(word)
        if entry is None:
            return False
        if entry.role == "scale":
            return entry.value < last_scale
    return False


def parse_number(text: str) -> Decimal | None:
    """The value of a whole string that is one number, or None.

    >>> parse_number("1.234.567"), parse_number("hai mươi lăm"), parse_number("3 tỷ 500 triệu")
    (Decimal('1234567'), Decimal('25'), Decimal('3500000000'))
    >>> parse_number("một trăm linh năm"), parse_number("2,5 tỷ"), parse_number("năm học")
    (Decimal('105'), Decimal('2500000000'), None)
    """
    stripped = " ".join(text.split())
    if not stripped:
        return None
    reading = read_number(stripped)
    if reading is None or reading.end != len(stripped):
        return None
    return reading.value
