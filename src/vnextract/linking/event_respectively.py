"""Terms given "lần lượt" (respectively) to a list of names, in order: "A, B và C lần lượt bị phạt
3 năm tù, 30 tháng tù và 24 tháng tù nhưng cho hưởng án treo" → A 3 years, B 30 months, C 24
months, all suspended (the outcome after the last term closes the whole list). The list may hold
outcomes as well as terms (rule ``respective_outcomes``): "A, B và C lần lượt lãnh án tử hình,
chung thân và 20 năm tù" → A death, B life, C 20 years."""

from __future__ import annotations

import attrs
import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.linking.event_lists import _LIST_GLUE, _respan
from vnextract.linking.event_names import list_people
from vnextract.linking.event_spans import _outcome_trigger
from vnextract.linking.event_table import _OUTCOME_REACH, _pattern, _value
from vnextract.mentions import Mentions
from vnextract.records import Duration, Event, EventKind, Party, Phrase

# "lần lượt" (respectively), after the list of names: "A và B lần lượt bị phạt …"; a parenthesis
# or comma may stand between ("A (30 tuổi), B (25 tuổi) lần lượt …")
_RESPECTIVELY = lazy_compile(r"(?:\ *\([^()]{0,60}\))?[\ ,]*lần\ +lượt(?![\p{L}])", regex.I)
# between two terms of the list: ", " or "và" (and)
_TERM_GLUE = lazy_compile(r"\ *(?:,\ *(?:và\ +)?|và\ +)", regex.I)
# how far the first term may stand after "lần lượt" ("bị TAND tỉnh X tuyên phạt mức án")
_TERMS_REACH = 80


# rule ``respectively_after_verb``: "lần lượt" after the names' verb, "A và B bị tuyên phạt lần
# lượt 20 năm và 18 năm tù": a few lower-case words holding a trigger, no comma
_VERB_WORDS = lazy_compile(r"(?:\ *\([^()]{0,60}\))?(?:\ +\p{Ll}+){1,5}\ *")


def _verb_between(norm: str, start: int, end: int) -> bool:
    """Whether [start, end) is the names' verb, a few lower-case words that hold a trigger."""
    if not _VERB_WORDS.fullmatch(norm, start, end):
        return False
    verb = _pattern("trigger").search(norm, start)  # to the text's end: a trigger may look past ``end``
    return verb is not None and verb.start() < end


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


# the outcomes a "lần lượt" list may give one of its names (the outcome words' kinds)
_LISTED_OUTCOMES = frozenset({"death", "life_prison"})


def _sentences_after(
    found: Mentions, norm: str, start: int, end: int
) -> list[tuple[EventKind, Phrase | Duration]]:
    """Rule ``respective_outcomes``: the sentences listed from the first one after ``start``,
    terms and outcomes mixed: "tử hình, chung thân và 20 năm tù" → (death, "tử hình"), (life,
    "chung thân"), (prison, "20 năm tù"). [] when the list holds no outcome (the terms alone are
    read by :func:`_terms_after`) or an outcome overlaps a term ("3 năm tù treo")."""
    durations: list[tuple[int, int, EventKind, Phrase | Duration]] = [
        (d.start, d.end, "prison", d) for d in found.durations if start <= d.start and d.end <= end
    ]
    outcomes: list[tuple[int, int, EventKind, Phrase | Duration]] = []
    for m in _pattern("outcome").finditer(norm, start, end):
        kind: EventKind = _value("outcome", m.group())  # type: ignore[assignment]
        if kind not in _LISTED_OUTCOMES or any(d[0] < m.end() and m.start() < d[1] for d in durations):
            return []
        outcomes.append((m.start(), m.end(), kind, Phrase(text=m.group(), start=m.start(), end=m.end())))
    items = sorted([*durations, *outcomes], key=lambda item: item[0])
    if not outcomes or items[0][0] - start > _TERMS_REACH:
        return []
    run = items[:1]
    for item in items[1:]:
        if not _TERM_GLUE.fullmatch(norm, run[-1][1], item[0]):
            break
        run.append(item)
    if not any(item[2] in _LISTED_OUTCOMES for item in run):
        return []
    return [(kind, value) for _start, _end, kind, value in run]


def _with_outcomes(
    norm: str, event: Event, names: list[Party], sentences: list[tuple[EventKind, Phrase | Duration]]
) -> list[Event]:
    """One event per name and listed sentence, each stated by its own words: the outcome ("tử
    hình") or the term ("20 năm tù")."""
    out = []
    for name, (kind, value) in zip(names, sentences, strict=True):
        if isinstance(value, Duration):  # the term states it: "20 năm tù"
            trigger = Phrase(text=value.text, start=value.start, end=value.end)
            out.append(
                _respan(norm, attrs.evolve(event, kind=kind, trigger=trigger, target=name, term=value))
            )
        else:
            out.append(_respan(norm, attrs.evolve(event, kind=kind, trigger=value, target=name, term=None)))
    return out


def respectively(norm: str, found: Mentions, event: Event, clause: tuple[int, int]) -> list[Event]:
    """One event per name and term of a "lần lượt" list around ``event`` (a sentence), or []
    when the clause holds none or its names and terms differ in number."""
    for cue in _RESPECTIVELY.finditer(norm, clause[0], clause[1]):
        names = _names_before(norm, found, cue.start(), clause[0])
        if not names or not (
            _verb_between(norm, names[-1].end, cue.start()) or not norm[names[-1].end : cue.start()].strip()
        ):
            continue  # the cue follows the last name (a parenthesis may stand between) or its verb
        sentences = _sentences_after(found, norm, cue.end(), clause[1])
        if len(names) >= 2 and len(sentences) == len(names):
            return _with_outcomes(norm, event, names, sentences)
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
