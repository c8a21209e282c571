"""Terms given "lần lượt" (respectively) to a list of names, in order: "A, B và C lần lượt bị phạt
3 năm tù, 30 tháng tù và 24 tháng tù nhưng cho hưởng án treo" → A 3 years, B 30 months, C 24
months, all suspended (the outcome after the last term closes the whole list)."""

from __future__ import annotations

import attrs
import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.linking.event_lists import _LIST_GLUE, _respan
from vnextract.linking.event_names import list_people
from vnextract.linking.event_parts import _OUTCOME_REACH, _outcome_trigger, _pattern, _value
from vnextract.mentions import Mentions
from vnextract.records import Duration, Event, EventKind, Party

# "lần lượt" (respectively), after the list of names: "A và B lần lượt bị phạt …"; a parenthesis
# or comma may stand between ("A (30 tuổi), B (25 tuổi) lần lượt …")
_RESPECTIVELY = lazy_compile(r"(?:\ *\([^()]{0,60}\))?[\ ,]*lần\ +lượt(?![\p{L}])", regex.I)
# between two terms of the list: ", " or "và" (and)
_TERM_GLUE = lazy_compile(r"\ *(?:,\ *(?:và\ +)?|và\ +)", regex.I)
# how far the first term may stand after "lần lượt" ("bị TAND tỉnh X tuyên phạt mức án")
_TERMS_REACH = 80


def _names_before(norm: str, found: Mentions, end: int, start: int) -> list[Party]:
    """The persons listed right before ``end`` ("A, B và C"), not before ``start``."""
    people = list_people(norm, found, start, end)
    if not people:
        return []
    run = [people[-1]]
    for name in reversed(people[:-1]):
        if not _LIST_GLUE.fullmatch(norm, name.end, run[0].start):
            break
        run.insert(0, name)
    return run


def _terms_after(found: Mentions, norm: str, start: int, end: int) -> list[Duration]:
    """The durations listed from the first one after ``start``: "3 năm tù, 30 tháng tù và 24 …"."""
    durations = [d for d in found.durations if start <= d.start and d.end <= end]
    if not durations or durations[0].start - start > _TERMS_REACH:
        return []
    run = durations[:1]
    for duration in durations[1:]:
        if not _TERM_GLUE.fullmatch(norm, run[-1].end, duration.start):
            break
        run.append(duration)
    return run


def respectively(norm: str, found: Mentions, event: Event, clause: tuple[int, int]) -> list[Event]:
    """One event per name and term of a "lần lượt" list around ``event`` (a sentence), or []
    when the clause holds none or its names and terms differ in number."""
    for cue in _RESPECTIVELY.finditer(norm, clause[0], clause[1]):
        names = _names_before(norm, found, cue.start(), clause[0])
        if not names or norm[names[-1].end : cue.start()].strip():
            continue  # the cue follows the last name (a parenthesis may stand between)
        terms = _terms_after(found, norm, cue.end(), clause[1])
        if len(names) < 2 or len(terms) != len(names) or (event.term is not None and event.term not in terms):
            continue
        reach = min(clause[1], terms[-1].end + _OUTCOME_REACH)
        outcome = _pattern("outcome").search(norm, terms[-1].end, reach)
        kind: EventKind = _value("outcome", outcome.group()) if outcome else "prison"  # type: ignore[assignment]
        if kind not in ("prison", "suspended_prison"):
            continue
        trigger = _outcome_trigger(norm, outcome, kind) or event.trigger
        return [
            _respan(norm, attrs.evolve(event, kind=kind, trigger=trigger, target=name, term=term))
            for name, term in zip(names, terms, strict=True)
        ]
    return []
