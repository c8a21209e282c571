"""Counted groups of defendants listed after one verb, each with its own sentence (rule
``counted_groups_listed``): "TAND tuyên phạt 5 bị cáo tử hình, 3 bị cáo chung thân, các bị cáo
còn lại từ 7 đến 20 năm tù" (5 defendants death, 3 life, the others 7 to 20 years). The first
group is the verb's own event; the groups after it are read here, one event each, with the
verb's authority and status. A range given to a group spans its members' sentences: it is no
bracket of the law.
"""

from __future__ import annotations

import attrs
import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon.words import alternation
from vnextract.linking.event_lists import _respan
from vnextract.linking.event_reasons import _reason
from vnextract.linking.event_spans import _outcome_trigger, _phrase
from vnextract.linking.event_table import _pattern, _value
from vnextract.linking.event_terms import _is_prison_term
from vnextract.mentions import Mentions
from vnextract.records import Event, EventKind, Party

__all__ = ["counted_groups"]

_SPACES = r"\ +"
# a counted group opening the next item: ", 3 bị cáo", "; các bị cáo còn lại" (the remaining
# defendants), "và hai đồng phạm khác" (and two other accomplices) (grammar: the separators,
# "các" = the …s, "còn lại" / "khác" = remaining / other), and what may stand before its value:
# a verb of receiving, "mức án" (the sentence of)
_NEXT_GROUP = lazy_compile(
    rf"""[\ ,;]*(?:và\ +)?
        (?P<group>(?:các|\d+|{alternation("group_count", _SPACES)})\ +
        (?:{alternation("party_word", _SPACES)})(?:\ +(?:còn\ +lại|khác))?)
        \ +(?:(?:{alternation("sentence_receive_verb", _SPACES)})\ +)?(?:(?:mức\ +án|mức|án)\ +)?""",
    regex.I | regex.VERBOSE,
)
# a counted group as the first event's target: "5 bị cáo" (grammar: the numerals)
_COUNTED = lazy_compile(rf"(?:\d+|{alternation('group_count', _SPACES)})\ ", regex.I)


def counted_groups(norm: str, found: Mentions, event: Event, limit: int) -> list[Event]:
    """The events of the counted groups listed after ``event`` (whose target is a counted group
    with its own value), up to ``limit``; [] when none follows."""
    target = event.target
    if target is None or target.kind != "group" or not _COUNTED.match(target.text):
        return []
    values = [p.end for p in (event.term, event.trigger) if p is not None and p.start >= target.end]
    if not values:
        return []
    at, out = max(values), []
    while True:
        lead = _NEXT_GROUP.match(norm, at, limit)
        if lead is None:
            break
        group = _phrase(norm, *lead.span("group"))
        outcome = _pattern("outcome").match(norm, lead.end(), limit)
        term = next((d for d in found.durations if d.start == lead.end() and d.end <= limit), None)
        if group is None or (outcome is None and (term is None or not _is_prison_term(norm, term, limit))):
            break  # a group with no sentence said ("tù" = prison, an outcome) ends the list
        kind: EventKind = "prison" if outcome is None else _value("outcome", outcome.group())  # type: ignore[assignment]
        if kind == "suspended_prison" and term is None:
            break  # "các bị cáo khác án treo" with no term: left to the clause's own triggers
        party = Party(text=group.text, start=group.start, end=group.end, kind="group")
        stated = _outcome_trigger(norm, outcome, kind) if outcome is not None else None
        stated = stated or (_phrase(norm, term.start, term.end) if term is not None else None)
        if stated is None:
            break
        value_end = max(stated.end, term.end if term is not None else 0)
        # its own charge, or the one closing the list: "…, hai bị cáo khác 15 năm tù về tội X"
        reason = _reason(norm, value_end, limit)
        term = term if outcome is None else None
        out.append(_respan(norm, attrs.evolve(event, kind=kind, target=party, trigger=stated, term=term,
                                              reason=reason)))  # fmt: skip
        at = value_end
    return out
