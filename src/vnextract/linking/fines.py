"""Linking step: money in a penalty context becomes a Fine, linked to its violation count.

"xử lý vi phạm hành chính 144 trường hợp vi phạm, với số tiền phạt hơn 504 triệu đồng" →
Fine(money = "hơn 504 triệu đồng", violations = "144 trường hợp"). The nearest money word
before the amount in its clause decides: "phạt" (fine), "xử phạt", "tiền phạt", "nộp phạt",
"phạt tiền" make it a fine; "truy thu" (back taxes), "bồi thường" (compensation), "phạt tù"
(prison) and the like do not. The Money stays in ``found.money``.
"""

from __future__ import annotations

import bisect

import attrs
import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon import load_tsv
from vnextract.mentions import Mentions
from vnextract.records import Count, Fine, Money
from vnextract.text import Text

__all__ = ["is_fine", "link"]

_TRIGGERS = {row["phrase"]: row["is_fine"] == "true" for row in load_tsv("fine_triggers.tsv")}
_TRIGGER_RE = lazy_compile(
    r"(?<![\p{L}])(?P<t>"
    + "|".join(r"\ +".join(map(regex.escape, p.split())) for p in sorted(_TRIGGERS, key=len, reverse=True))
    + r")(?![\p{L}])",
    flags=regex.IGNORECASE,
)
# "10 triệu đồng tiền phạt" (10 million in fines): the trigger may follow the amount
_AFTER_RE = lazy_compile(r"\ *(?:tiền\ +phạt|tiền\ +nộp\ +phạt)(?![\p{L}])", flags=regex.IGNORECASE)
# how far after the amount _AFTER_RE may look (characters): regex's match(s, pos) without an end
# position first scans the rest of the text for the literal "phạt", once per amount (quadratic)
_AFTER_WINDOW = 40
_VIOLATION_UNITS = frozenset(row["noun"] for row in load_tsv("violation_units.tsv"))
# how far back a penalty word may stand (characters), and what ends a clause
_WINDOW = 160
_CLAUSE_END = lazy_compile(r"[;!?\n]|\.(?=\s)")  # not "1.250" nor "L.T.B": a full stop ends a clause


def is_fine(norm: str, money: Money, clause_start: int = 0) -> bool:
    """Whether the money at ``money.start`` is a fine, from the nearest money word before it.

    >>> from decimal import Decimal
    >>> text = "Cục Thuế xử phạt 1 triệu đồng và truy thu 4,3 tỷ đồng"
    >>> fine = Money(text="1 triệu đồng", start=17, end=29, amount=Decimal(10**6), currency="VND")
    >>> taxes = Money(text="4,3 tỷ đồng", start=42, end=53, amount=Decimal(43 * 10**8), currency="VND")
    >>> is_fine(text, fine), is_fine(text, taxes)
    (True, False)
    """
    if _AFTER_RE.match(norm, money.end, money.end + _AFTER_WINDOW):
        return True
    begin = max(clause_start, money.start - _WINDOW)
    window = norm[begin : money.start]
    ends = list(_CLAUSE_END.finditer(window))
    if ends:
        window = window[ends[-1].end() :]
    last = None
    for last in _TRIGGER_RE.finditer(window):  # noqa: B007 - the last trigger is the nearest
        pass
    if last is None:
        return False
    return _TRIGGERS[" ".join(last.group("t").casefold().split())]


def _violations(money: Money, counts: tuple[Count, ...], sentence: tuple[int, int]) -> Count | None:
    """The count of violations in the fine's sentence: the nearest before it, else after it."""
    inside = [c for c in counts if sentence[0] <= c.start < sentence[1] and c.unit in _VIOLATION_UNITS]
    before = [c for c in inside if c.end <= money.start]
    if before:
        return before[-1]
    after = [c for c in inside if c.start >= money.end]
    return after[0] if after else None


def link(text: Text, found: Mentions) -> Mentions:
    """Return ``found`` with a Fine for every money amount in a penalty context.

    >>> from vnextract.recognizers import numbers
    >>> t = Text.from_string("Đã xử phạt 144 trường hợp, với số tiền phạt hơn 504 triệu đồng.")
    >>> fines = link(t, Mentions.collect(numbers.recognize(t))).fines
    >>> fines[0].money.text, fines[0].violations.text
    ('hơn 504 triệu đồng', '144 trường hợp')
    """
    norm = text.normalized
    starts = [s.start for s in text.sentences]
    fines: list[Fine] = []
    for money in found.money:
        index = bisect.bisect_right(starts, money.start) - 1
        sentence = (text.sentences[index].start, text.sentences[index].end) if index >= 0 else (0, len(norm))
        if not is_fine(norm, money, sentence[0]):
            continue
        fines.append(
            Fine(
                text=money.text,
                start=money.start,
                end=money.end,
                money=money,
                violations=_violations(money, found.counts, sentence),
            )
        )
    return attrs.evolve(found, fines=(*found.fines, *fines))
