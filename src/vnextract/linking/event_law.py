"""A law's penalty told as alternatives: "thì bị phạt tù 20 năm, tù chung thân hoặc tử hình" (then
is punished with 20 years, life imprisonment or death) — three sanctions the offender may get, each
an event of its own, all possible.

Rule ``law_alternatives``: outcomes ("tù chung thân", "tử hình") listed right after a prison term
by commas and "hoặc" (or), the list holding a "hoặc", are not the term's outcome (as "3 năm tù
nhưng cho hưởng án treo" is) but alternatives to it: the term stays a prison event and each
outcome is an event of its kind, with the same target, authority and reason, its own word as
trigger. A list of alternatives is the law's bracket, never a sentence passed: all are possible.
"""

from __future__ import annotations

import attrs
import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.linking.event_lists import _respan
from vnextract.linking.event_spans import _outcome_trigger
from vnextract.linking.event_table import _pattern, _value
from vnextract.records import Event, EventKind

__all__ = ["alternatives", "with_alternatives"]

# between two alternatives: a comma, "hoặc" (or), ", hoặc"
_OR = lazy_compile(r"\ *(?:,\ *(?:hoặc\ +)?|hoặc\ +)", regex.I)
_OR_WORD = lazy_compile(r"(?<![\p{L}])hoặc(?![\p{L}])", regex.I)


def alternatives(norm: str, end: int, limit: int) -> list[regex.Match[str]]:
    """The outcomes listed as alternatives from ``end`` (a term's end): ", tù chung thân hoặc tử
    hình" → the two outcomes; [] when no "hoặc" (or) joins the list."""
    found: list[regex.Match[str]] = []
    at = end
    while True:
        glue = _OR.match(norm, at, limit)
        outcome = _pattern("outcome").match(norm, glue.end(), limit) if glue else None
        if glue is None or outcome is None:
            break
        found.append(outcome)
        at = outcome.end()
    if not found or not _OR_WORD.search(norm, end, found[-1].start()):
        return []
    return found


def with_alternatives(norm: str, events: list[Event], limit: int) -> list[Event]:
    """``events`` with their prison terms' alternatives, each an event; all of them possible."""
    out: list[Event] = []
    for event in events:
        listed = alternatives(norm, event.term.end, limit) if event.kind == "prison" and event.term else []
        if not listed:
            out.append(event)
            continue
        out.append(attrs.evolve(event, status="possible"))
        for outcome in listed:
            kind: EventKind = _value("outcome", outcome.group())  # type: ignore[assignment]
            trigger = _outcome_trigger(norm, outcome, kind) or event.trigger
            alternative = attrs.evolve(event, kind=kind, trigger=trigger, term=None, status="possible")
            out.append(_respan(norm, alternative))
    return out
