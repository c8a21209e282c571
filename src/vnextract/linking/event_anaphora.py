"""Sentences given to defendants the clause only points back to (rules of anaphora).

Court reports name the defendants once ("truy tố Trần Văn Lực và Ngô Văn Khải về tội giết
người") and then sentence them by a phrase that points back:

- rule ``counted_defendants_named_before``: "TAND tỉnh B tuyên phạt hai bị cáo mức án 18 và 14
  năm tù" (the two defendants, 18 and 14 years) — as many terms as the names listed last before
  the clause: one event each, in order; "Hai bị cáo cùng bị tuyên phạt 9 năm tù" (both), a death
  or life sentence: each of them gets it;
- rule ``this_defendant``: "Bị cáo này bị tuyên phạt tù chung thân" (this defendant) — the
  person named last before the clause; the span stays the clause's words and the Party names
  that person (as "HĐXX" names the court of the case).

Like the court of the case, the named targets of the first rule stand outside the event's
clause. The rest of a list ("hai bị cáo còn lại" = the two remaining) is not pointed back to.
"""

from __future__ import annotations

import attrs
import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon.words import alternation
from vnextract.linking.event_spans import _entities
from vnextract.linking.event_table import _OUTCOMES, _SENTENCES
from vnextract.mentions import Mentions
from vnextract.records import Duration, Event, Party
from vnextract.text import Text

__all__ = ["pointed_back"]

# how far back the names pointed to may stand (characters before the clause)
_REACH = 400
# "hai bị cáo" (two defendants), "3 bị cáo", "Hai bị can": a counted group of defendants, not the
# rest of a list ("còn lại" = remaining, "khác" = other) (grammar: the numerals and the nouns of
# the accused)
_COUNTED_DEFENDANTS = lazy_compile(
    r"(?<![\p{L}\d])(?P<count>" + alternation("group_count", r"\ +") + r"|\d)\ +(?:bị\ +cáo|bị\ +can)"
    r"(?!\ +(?:còn\ +lại|khác))(?![\p{L}])",
    regex.I,
)
# "bị cáo này" (this defendant), "bị cáo trên" (the above), "bị cáo nói trên" (the said)
# (grammar: the demonstratives)
_THIS_DEFENDANT = lazy_compile(r"bị\ +(?:cáo|can)\ +(?:nói\ +)?(?:này|trên|đó|ấy)", regex.I)
# each, both, all: "cùng", "mỗi", "đều", "cả" (grammar: the quantifiers of a shared predicate)
_EACH = lazy_compile(r"(?<![\p{L}])(?:cùng|mỗi|đều|cả)(?![\p{L}])", regex.I)
# two names of one list: ", " or "và" (and) between them
_GLUE = lazy_compile(
    r"\ *(?:,\ *(?:và\ +)?|và\ +)(?:(?:" + alternation("party_word", r"\ +") + r")\ +)?", regex.I
)


def _count(found: Mentions, at: int) -> int:
    """The value of the Count record the counts recogniser read at ``at`` ("hai bị cáo" → 2), or 0."""
    return next((int(c.value) for c in found.counts if c.start == at), 0)


def _last_list(norm: str, found: Mentions, start: int, end: int) -> list[Party]:
    """The persons of the list named last in [start, end) ("Trần Văn Lực và Ngô Văn Khải"), no
    person named after it; one person is a list of one."""
    people = [p for p in _entities(norm, found, start, end) if p.kind == "person"]
    if not people:
        return []
    listed = [people[-1]]
    for person in reversed(people[:-1]):
        if person.end > listed[0].start or not _GLUE.fullmatch(norm, person.end, listed[0].start):
            break
        listed.insert(0, person)
    return listed


def _named(party: Party, clause_words: Party) -> Party:
    """``clause_words`` (the span in the clause) naming the person ``party`` is a mention of."""
    return attrs.evolve(clause_words, kind="person", name=party.name)


def pointed_back(text: Text, found: Mentions, events: list[Event]) -> list[Event]:
    """``events`` with the defendants a clause points back to as their targets (module doc)."""
    norm = text.normalized
    out: list[Event] = []
    done: set[int] = set()  # the clauses already read (the start of the counted group)
    for event in events:
        if event.kind not in _SENTENCES:
            out.append(event)
            continue
        value = event.term.start if event.term is not None else event.trigger.start
        sentence_start = max(norm.rfind(".", 0, event.start), norm.rfind("\n", 0, event.start)) + 1
        counted = None
        for counted in _COUNTED_DEFENDANTS.finditer(norm, sentence_start, value):  # noqa: B007 - the last one
            pass
        # the target read: none, the counted group, or words after it ("ba bị cáo lần lượt 20, 18 và")
        target = event.target
        words = target is not None and target.kind == "group" and counted is not None
        if counted is not None and (target is None or (words and counted.start() <= target.start < value)):
            if counted.start() in done:
                continue  # the clause's other reading of the same terms
            named = _last_list(norm, found, max(0, sentence_start - _REACH), sentence_start)
            many = _count(found, counted.start())
            if len(named) == many >= 2:
                terms = _listed_terms(found, counted.end(), event)
                each = _EACH.search(norm, counted.end(), value) is not None or event.kind in _OUTCOMES
                if len(terms) == many:
                    done.add(counted.start())
                    out += [attrs.evolve(event, target=p, term=t) for p, t in zip(named, terms, strict=True)]
                    continue
                if each and len(terms) <= 1:
                    done.add(counted.start())
                    out += [attrs.evolve(event, target=p) for p in named]
                    continue
        if target is not None and target.kind == "group" and _THIS_DEFENDANT.fullmatch(target.text):
            named = _last_list(norm, found, max(0, sentence_start - _REACH), sentence_start)
            if len(named) == 1:
                event = attrs.evolve(event, target=_named(named[0], target))
        out.append(event)
    return out


def _listed_terms(found: Mentions, start: int, event: Event) -> list[Duration]:
    """The terms from ``start`` up to the event's own: "18 và 14 năm tù" → 18, 14 years."""
    if event.term is None:
        return []
    return [d for d in found.durations if start <= d.start and d.end <= event.term.end]
