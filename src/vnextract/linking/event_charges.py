"""The charge of the case: a sentence whose clause states no reason was passed for the charge the
article stated before it, for its defendant or for the whole case.

Court reports state the charges once, where the trial is introduced, and then list the
sentences bare: "TAND Hà Nội xét xử Hoan về tội giết người; Tân, Chính về tội gây rối trật tự
công cộng. … HĐXX tuyên phạt Hoan 20 năm tù, Tân 30 tháng tù" (tried Hoan for murder, Tân and
Chính for disorder; then sentenced Hoan to 20 years, Tân to 30 months).

- Rule ``charge_of_the_defendant``: a charge ("về tội" = for the crime of, "đã phạm tội" = has
  committed the crime of) said of named persons (the persons of its clause before it) is the
  reason of their later sentences.
- Rule ``charge_of_the_case``: a charge said of no one named ("TAND tuyên cả 8 người đã phạm tội
  cướp tài sản" = found all 8 guilty of robbery) is the reason of the later sentences of persons
  no charge was said of.
- Rule ``charge_of_the_list``: a charge said of all ("cùng về tội" = all for the crime of, "đều
  về tội") closing a sentence is the reason of that sentence's sentences ("tuyên phạt A 11 năm,
  B 10 năm; 4 bị cáo còn lại lãnh … án treo cùng về tội buôn bán hàng cấm").

- Rule ``charge_of_the_sentence_fine``: a fine passed with a sentence ("bị xử phạt 7 năm tù về
  tội X, phạt bổ sung A 3 triệu đồng" = and an additional fine of 3 million for A), in its
  sentence after the charge, is for that charge too.

Only sentences (prison, suspended, life, death) and the fines passed with them, and only when
their clause gives no reason.
"""

from __future__ import annotations

from typing import NamedTuple

import attrs
import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.linking.event_courts import _FINE_REACH
from vnextract.linking.event_spans import _entities, _phrase
from vnextract.linking.event_table import _SENTENCES
from vnextract.mentions import Mentions
from vnextract.records import Event, Phrase
from vnextract.text import Text

__all__ = ["with_charges"]

# a charge: "về tội" (for the crime of), "về các tội", "về 2 tội", "đã phạm tội" (has committed
# the crime of: a finding of guilt; not "người phạm tội là …" = the offender is …, nor "hành vi
# phạm tội" = the criminal act); after "cùng" / "đều" (all alike) it is said of everyone of its
# sentence
_CHARGE = lazy_compile(
    r"""(?<![\p{L}])(?P<all>(?:cùng|đều)\ +)?
        (?P<cue>về\ +(?:các\ +|hai\ +|ba\ +|\d+\ +)?tội|(?<=đã\ +)phạm\ +tội)(?![\p{L}])""",
    regex.I | regex.VERBOSE,
)
# where a charge ends: a comma, ";", a line's or a sentence's end
_CHARGE_END = lazy_compile(r"[,;\n]|\.(?=\s|$)")
# a charge that only points back ("tội danh trên" = the charge above, "tội này") names nothing
# (grammar: the demonstratives)
_POINTER = lazy_compile(r"(?:trên|này|đó|ấy)$", regex.I)
# the start of a charge's clause: a sentence's start, ";", a line's end
_CLAUSE_START = lazy_compile(r"[;\n]")


class _Charge(NamedTuple):
    phrase: Phrase
    said_of: frozenset[str]  # the names of the persons it is said of; empty: the case's
    whole_sentence: tuple[int, int] | None  # "cùng về tội …": the sentence it closes


def _charges(text: Text, found: Mentions) -> list[_Charge]:
    norm = text.normalized
    out = []
    for sentence in text.sentences:
        for cue in _CHARGE.finditer(norm, sentence.start, sentence.end):
            stop = _CHARGE_END.search(norm, cue.end(), sentence.end)
            phrase = _phrase(norm, cue.start("cue"), stop.start() if stop else sentence.end)
            if phrase is None or len(phrase.text.split()) < 3 or _POINTER.search(phrase.text):
                continue  # "phạm tội" alone, "về tội danh trên": no charge named
            opening = max([m.end() for m in _CLAUSE_START.finditer(norm, sentence.start, cue.start())],
                          default=sentence.start)  # fmt: skip
            people = _entities(norm, found, opening, cue.start())
            named = {p.name for p in people if p.kind == "person" and p.name}
            whole = (sentence.start, sentence.end) if cue.group("all") else None
            out.append(_Charge(phrase, frozenset(named), whole))
    return out


def _charge_for(event: Event, charges: list[_Charge]) -> Phrase | None:
    """The charge an event of no reason was passed for, or None."""
    for charge in charges:  # "… cùng về tội X" closing the event's own sentence
        whole = charge.whole_sentence
        if whole is not None and whole[0] <= event.start and event.end <= whole[1]:
            return charge.phrase
    before = [c for c in charges if c.phrase.end <= event.start]
    name = event.target.name if event.target is not None and event.target.kind == "person" else None
    own = [c for c in before if name is not None and name in c.said_of]
    if own:
        return own[-1].phrase
    if name is not None and any(name in c.said_of for c in charges):
        return None  # a charge said of this person later: not the case's
    cases = [c for c in before if not c.said_of]
    return cases[-1].phrase if cases else None


def _charge_of_its_sentence(norm: str, fine: Event, events: list[Event]) -> Phrase | None:
    """The charge of the imposed sentence a fine of no reason was passed with: the sentence's
    trigger before the fine's, no full stop between, its charge before the fine too."""
    if fine.kind != "fine" or fine.reason is not None or fine.status != "imposed":
        return None
    reasons = [
        e.reason for e in events
        if e.kind in _SENTENCES and e.status == "imposed" and e.reason is not None
        and 0 <= fine.trigger.start - e.trigger.start <= _FINE_REACH
        and e.reason.end <= fine.trigger.start and ". " not in norm[e.trigger.end : fine.trigger.start]
    ]  # fmt: skip
    return reasons[-1] if reasons else None


def with_charges(text: Text, found: Mentions, events: list[Event]) -> list[Event]:
    """``events`` with the charge of the case as the reason of the sentences that state none, and
    the charge of its sentence as the reason of a fine passed with it."""
    if not any(e.kind in (*_SENTENCES, "fine") and e.reason is None for e in events):
        return events
    charges = _charges(text, found)
    out = []
    for event in events:
        charge = _charge_for(event, charges) if event.kind in _SENTENCES and event.reason is None else None
        out.append(event if charge is None else attrs.evolve(event, reason=charge))
    norm = text.normalized
    fined = [(e, _charge_of_its_sentence(norm, e, out)) for e in out]
    return [e if charge is None else attrs.evolve(e, reason=charge) for e, charge in fined]
