"""Whether an event was imposed or is only possible (a legal bracket, a demand, "có thể" = may),
for the events linker."""

from __future__ import annotations

import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.linking.event_table import _pattern, _table, _value
from vnextract.mentions import Mentions
from vnextract.records import Duration, Money, Phrase

# rule ``range_for_each``: "xử phạt mỗi người 18-30 tháng tù" (each of them 18 to 30 months): a
# range given to "mỗi <noun>" (each …) spans the sentences of a group, no bracket of the law
# (grammar: the distributive "mỗi" and its noun, right before the value)
_EACH_BEFORE = lazy_compile(r"(?<![\p{L}])mỗi(?:\ +\p{Ll}+){1,2}\ *$", regex.I)


def _status(norm: str, start: int, trigger: Phrase, money: Money | None, term: Duration | None) -> str:
    """ "possible" after "có thể" (may), "sẽ bị" …, or for a range: the law's bracket."""
    ranged = (money and money.amount_to is not None) or (term and term.value_to is not None)
    if ranged and term is not None and _EACH_BEFORE.search(norm, max(start, term.start - 25), term.start):
        ranged = False
    cues = [_value("status", m.group()) for m in _pattern("status").finditer(norm, start, trigger.start)]
    bracket = " ".join(trigger.text.casefold().split()) in _table()["status"]  # "khung hình phạt"
    if ranged or bracket or "possible" in cues:  # "theo đề nghị" (at the proposal of) is no cue: value "none"
        return "possible"
    return "imposed"


# what opens a new predicate after a sentence's value: "bị" / "được" (passive: another acts),
# "nhưng" (but) (grammar: the passive markers and the conjunction); not a comma ("đề nghị phạt A
# 5 năm tù, phạt bổ sung …" is one demand)
_NEW_PREDICATE = lazy_compile(r"(?<![\p{L}])(?:bị|được|nhưng)(?![\p{L}])", regex.I)


def _status_start(norm: str, found: Mentions, start: int, trigger: Phrase) -> int:
    """Where the status cues of ``trigger`` may begin (rule ``cue_of_the_earlier_sentence``):
    after the value of an earlier trigger of its clause when a new predicate ("bị", "được",
    "nhưng") follows that value: "Ba bị cáo trước đó bị VKS đề nghị tử hình đã được HĐXX xem xét,
    chỉ xử phạt mức án chung thân" (earlier demanded death, then given life: the life sentence is
    imposed); not "đề nghị phạt A 5 năm tù và phạt bổ sung 20 triệu đồng" (one demand)."""
    values = [m.end() for m in _pattern("outcome").finditer(norm, start, trigger.start)]
    values += [r.end for r in (*found.durations, *found.fines) if start <= r.start and r.end <= trigger.start]
    if not values:
        return start
    value_end = max(values)
    earlier = _pattern("trigger").search(norm, start, value_end)
    if earlier is None or not _NEW_PREDICATE.search(norm, value_end, trigger.start):
        return start
    return value_end
