"""A prosecutor's demand stated as a noun, beside the sentence it is compared with.

Court reports set the sentence passed against what the prosecutor had asked for: "Mức án này
thấp hơn đề nghị của Viện kiểm sát (14-16 năm)" (this sentence is lower than the prosecutor's
proposal, 14-16 years), "tuyên phạt A 9 năm tù, thấp hơn đề nghị 18-20 năm tù của VKS", "thấp hơn
mức án mà VKS đề nghị (12-14 năm tù)". The demand is a fact of its own (status possible) and it is
the same defendant's:

- rule ``demand_in_brackets``: "đề nghị (của X) (TERM)" — the term in brackets right after the
  proposal (or after whose it is) is the term demanded, "tù" (prison) said or not;
- rule ``compared_demand``: a demand with no target of its own, in a clause that compares it
  ("so với" = compared with, "thấp hơn" / "cao hơn" = lower / higher than, "mức án này" = this
  sentence, "như" = as), is for the one sentenced right before it.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.linking.event_lists import _respan
from vnextract.linking.event_spans import _entities, _phrase
from vnextract.linking.event_table import _SENTENCES
from vnextract.mentions import Mentions
from vnextract.records import Event
from vnextract.text import Text

__all__ = ["demands"]

# "đề nghị của Viện kiểm sát (14-16 năm)": the proposal, whose it is, the term in brackets
_PROPOSAL = lazy_compile(r"(?<![\p{L}])đề\ +nghị(?![\p{L}])", regex.I)
_OWNER = lazy_compile(r"\ +của\ +(?:đại\ +diện\ +)?", regex.I)
_BRACKET = lazy_compile(r"\ *\(\ *(?:mức\ +án\ +)?(?:từ\ +)?", regex.I)
# what says a demand is compared with the sentence before it: "so với" (compared with), "thấp /
# cao / nhẹ / nặng hơn" (lower / higher / lighter / heavier than), "dưới" (below), "mức án này"
# (this sentence),
# "như" (as) (grammar: the comparatives)
_COMPARED = lazy_compile(
    r"(?<![\p{L}])(?:so\ +với|(?:thấp|cao|nhẹ|nặng)\ +hơn|dưới|mức\ +án\ +(?:này|trên)|như)(?![\p{L}])",
    regex.I,
)
# how far before the demand the sentence it is compared with may stand (characters)
_COMPARED_REACH = 300


def _clause_of(norm: str, at: int) -> tuple[int, int]:
    """The sentence around ``at``: from the last ". " or line start before it to the next."""
    start = max(norm.rfind(". ", 0, at) + 2, norm.rfind("\n", 0, at) + 1, 0)
    stops = [i for i in (norm.find(". ", at), norm.find("\n", at)) if i >= 0]
    return start, min(stops, default=len(norm))


def _bracketed(text: Text, found: Mentions, events: Sequence[Event]) -> list[Event]:
    """Rule ``demand_in_brackets``."""
    norm = text.normalized
    out: list[Event] = []
    for proposal in _PROPOSAL.finditer(norm):
        at = proposal.end()
        authority = None
        owner = _OWNER.match(norm, at)
        if owner is not None:
            after = _entities(norm, found, owner.end(), owner.end() + 60)
            named = [e for e in after if e.start == owner.end()]
            if not named:
                continue
            authority, at = named[0], named[0].end
        bracket = _BRACKET.match(norm, at)
        term = next((d for d in found.durations if bracket and d.start == bracket.end()), None)
        if term is None or any(e.term is not None and e.term.start < term.end and term.start < e.term.end
                               for e in (*events, *out)):  # fmt: skip
            continue
        if authority is None:
            clause = _clause_of(norm, proposal.start())
            before = _entities(norm, found, clause[0], proposal.start())
            before = [e for e in before if e.kind == "organization"]
            authority = before[-1] if before else None
        trigger = _phrase(norm, proposal.start(), proposal.end())
        if trigger is None:
            continue
        demand = Event(text=trigger.text, start=trigger.start, end=trigger.end, kind="prison",
                       trigger=trigger, status="possible", authority=authority, term=term)  # fmt: skip
        out.append(_respan(norm, demand))
    return out


def demands(text: Text, found: Mentions, events: Sequence[Event]) -> list[Event]:
    """``events`` with the demands stated as nouns, each given the defendant of the sentence it
    is compared with (rules ``demand_in_brackets``, ``compared_demand``).

    >>> from vnextract.pipeline import extract
    >>> doc = extract("Tòa tuyên phạt Đỗ Văn Hải 9 năm tù. "
    ...               "Mức án này thấp hơn đề nghị của Viện kiểm sát (14-16 năm).")
    >>> [(e.status, e.target.text, e.term.text) for e in doc.events]
    [('imposed', 'Đỗ Văn Hải', '9 năm tù'), ('possible', 'Đỗ Văn Hải', '14-16 năm')]
    """
    norm = text.normalized
    out = sorted([*events, *_bracketed(text, found, events)], key=lambda e: e.start)
    for index, event in enumerate(out):
        if event.target is not None or event.status != "possible" or event.kind not in _SENTENCES:
            continue
        if not event.trigger.text.casefold().startswith("đề nghị"):
            continue
        clause = _clause_of(norm, event.trigger.start)
        if _COMPARED.search(norm, clause[0], event.trigger.start) is None:
            continue
        # the sentence of the same kind: "từ 3 đến 6 năm tù (trong đó 3 bị cáo được hưởng án treo),
        # dưới khung hình phạt mà VKS đã đề nghị (3-8 năm tù)" compares the prison terms
        passed = [e for e in out[:index] if e.status == "imposed" and e.kind == event.kind
                  and e.target is not None and event.trigger.start - e.end <= _COMPARED_REACH]  # fmt: skip
        if passed:
            # the event keeps its clause: the defendant is named in the sentence before, as the
            # court of the case is
            out[index] = attrs.evolve(event, target=passed[-1].target)
    return out
