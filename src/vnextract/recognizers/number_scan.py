"""Every number in a text, read once: the candidates of NUMBER_RE cut into valid readings."""

from __future__ import annotations

from typing import NamedTuple

from vnextract.numerals import NumberReading, number_candidates, read_number

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
