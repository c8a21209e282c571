"""Every number in a text, read once: the candidates of NUMBER_RE cut into valid readings.

Scale words alone are no number ("triệu đồng"), except in the vague amounts of
data/numbers_vague.tsv: "hàng chục triệu đồng" (tens of millions of đồng: 10,000,000, at least),
"hàng nghìn người" (thousands of people: 1,000, at least), "nửa tỷ đồng" (half a billion).
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import NamedTuple

import regex

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
            found.append(NumberSpan(base + pos, base + pos + reading.end, reading))
            pos += reading.end
            while pos < len(candidate) and candidate[pos] == " ":
                pos += 1
    return found


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
_TWO_WORDS_BEFORE_RE = regex.compile(r"(?r)(?:(?P<w1>\p{L}+)\ +)?(?P<w2>\p{L}+)\ +\Z")


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
    for word in candidate.split(" "):
        entry = table.get(word.casefold())
        if entry is None or entry.role not in _MULTIPLIER_ROLES:
            break
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
    else:
        return None
    return NumberSpan(before.start("w2"), at + length, reading)
