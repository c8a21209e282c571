"""The term of an event, for the events linker: prison terms ("18 năm tù"), the term of a
suspension or a ban ("treo giò 3 trận"), sums of several terms, and a bare term after the
persons a sentence word names."""

from __future__ import annotations

from decimal import Decimal

import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.linking.event_spans import _entities, _inside
from vnextract.linking.event_table import _TERM_REACH
from vnextract.linking.event_targets import _ROLE_BEFORE_NAME
from vnextract.mentions import Mentions
from vnextract.records import Duration, Phrase

# a sum of several defendants' terms: "tổng cộng" (in total), "tổng mức án" (the total sentence),
# "và đồng phạm" (and accomplices: "tuyên phạt A và đồng phạm 38 năm tù")
_TOTAL = lazy_compile(
    r"(?<![\p{L}])(?:tổng\ +cộng|tổng\ +mức\ +án|tổng\ +số|và\ +(?:các\ +)?đồng\ +phạm)\ +$", regex.I
)


# "tù" (prison) as a word, in a term or right after it
_PRISON_WORD = lazy_compile(r"(?<![\p{L}])tù(?![\p{L}])")


_PRISON_AFTER = lazy_compile(r"\ *tù(?![\p{L}])")


def _is_prison_term(norm: str, duration: Duration, end: int | None = None) -> bool:
    """ "18 năm tù" (the recogniser keeps "tù" = prison in the span) or "18 năm tù giam"; the word
    after the term is looked for before ``end`` (a clause's end) when given."""
    limit = duration.end + 4 if end is None else min(end, duration.end + 4)
    return _PRISON_WORD.search(duration.text) is not None or bool(
        _PRISON_AFTER.match(norm[duration.end : limit])
    )


# what may stand between a sentence word and its term: "phạt tù đến 7 năm" (up to 7 years)
# or "mức án" (the sentence of: "bị tuyên phạt mức án 20 năm")
_BRACKET_WORDS = lazy_compile(r"\ *(?:(?:lên\ +)?(?:đến|tới)\ +|mức\ +(?:án\ +)?)?", regex.I)


def _term_of_measure(norm: str, found: Mentions, trigger: Phrase, end: int) -> Duration | None:
    """The term of a suspension or a ban, close after its trigger: a Duration ("đình chỉ thi đấu
    6 tháng") or a count of matches ("treo giò 3 trận", kept as a Duration with no ISO value)."""
    reach = min(end, trigger.end + _TERM_REACH)
    durations = _inside(found.durations, trigger.end, reach)
    matches = [
        Duration(text=c.text, start=c.start, end=c.end, value=Decimal(c.value), unit=c.unit)
        for c in _inside(found.counts, trigger.end, reach)
        if c.unit == "trận"  # trận = match (a game)
    ]
    found_terms = sorted([*durations, *matches], key=lambda d: d.start)
    return found_terms[0] if found_terms else None


def _is_total(norm: str, start: int, duration: Duration) -> bool:
    """Whether a term after ``start`` is a sum of several defendants' terms: "tổng cộng 15 năm tù"."""
    return _TOTAL.search(norm, max(start, duration.start - 20), duration.start) is not None


def _right_after(norm: str, trigger: Phrase, duration: Duration) -> bool:
    """A term right after a sentence word is its term, "tù" (prison) or not: "lãnh án 13 năm",
    "bị phạt tù từ 2 đến 7 năm"."""
    return _BRACKET_WORDS.fullmatch(norm, trigger.end, duration.start) is not None


# from a defendant's name to the bare term a sentence word gives them: "tuyên phạt Sơn 4 năm",
# "A (30 tuổi) mức án 6 năm", "A, B mỗi bị cáo 3 năm" (each) (grammar: distributives and the
# sentence's nouns)
_NAME_TO_TERM = lazy_compile(
    r"""(?:\ *\([^()]{0,60}\))?[\ ,]*(?:(?:cùng|đều|mỗi\ +(?:bị\ +cáo|người))\ +)?
        (?:(?:mức\ +án|mức|án)\ +)?""",
    regex.I | regex.VERBOSE,
)


def _after_named(norm: str, found: Mentions, trigger: Phrase, value: Duration | regex.Match[str]) -> bool:
    """A bare term right after the persons a sentence word names is their term: "HĐXX tuyên phạt
    Sơn 4 năm, Tiến 3 năm" (no "tù" = prison said), not a term further on in the clause; so is an
    outcome after the persons a fine word names ("xử phạt A án chung thân")."""
    start = value.start if isinstance(value, Duration) else value.start()
    people = [p for p in _entities(norm, found, trigger.end, start) if p.kind == "person"]
    return (
        bool(people)
        and _ROLE_BEFORE_NAME.fullmatch(norm, trigger.end, people[0].start) is not None
        and _NAME_TO_TERM.fullmatch(norm, people[-1].end, start) is not None
    )
