"""One event per fact: a headline and the body telling the same sanction or award are one."""

from __future__ import annotations

import attrs
import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.linking.event_appeals import UPHELD
from vnextract.linking.event_table import _SENTENCES
from vnextract.records import Event, Phrase

# the kinds a measure's own words tell apart when it has no value (term)
_MEASURES = frozenset({"suspension", "ban", "expulsion", "licence_revoked"})


def _measure(trigger: str) -> str:
    """A measure's verb, its first two words less "tạm" (for now): "tạm đình chỉ công tác" and
    "đình chỉ chức vụ" are both "đình chỉ" (suspend), "khai trừ khỏi Đảng" is "khai trừ"."""
    words = trigger.casefold().split()
    return " ".join(words[1:3] if words[:1] == ["tạm"] else words[:2])


def _named_target(event: Event) -> str | None:
    """The kind and name of the person or organisation an event concerns, or None."""
    target = event.target
    if target is None or target.name is None or target.kind not in ("person", "organization"):
        return None
    return f"{target.kind}:{target.name.casefold()}"


def _other_target(one: str | None, other: str | None) -> bool:
    """Whether two named targets are two persons (or two organisations) of different names: then
    two events of one value are two facts ("A và B cùng bị phạt 3 năm tù")."""
    return one is not None and other is not None and one != other and one.split(":")[0] == other.split(":")[0]


def _fact(event: Event, norm: str = "") -> tuple[object, ...]:
    """What makes two events the same fact: kind and value (amount, term, counted recipients);
    two of one fact naming two different targets stay apart (see :func:`_other_target`). Rule
    ``demand_and_sentence``: of a sentence, the status too — a prosecutor's demand (possible) and
    the sentence passed (imposed) are two facts even when they agree ("VKS đề nghị tử hình đối
    với A … HĐXX tuyên phạt A tử hình"): a death or life sentence has no value to tell them apart.
    A measure's status does not part it: "Việc tạm đình chỉ công tác A" (the suspension of A)
    tells again the one proposed before."""
    values = (
        event.money.amount if event.money else None,
        event.term.iso or event.term.text if event.term else None,
        tuple(sorted(str(r.count.value) + (r.count.unit or "") for r in event.recipients if r.count)),
    )
    if event.kind in _MEASURES and not any(values[:2]):
        # no value ("X bị khai trừ"): told twice unless targets differ, or unless the measures
        # differ: "cách chức, khai trừ Đảng" (dismiss, expel from the Party) are two expulsions
        return (event.kind, *values, _measure(event.trigger.text))
    if event.kind in _SENTENCES:
        # rule ``upheld_on_appeal``: a sentence upheld on appeal ("y án", "giữ nguyên mức án") is a
        # fact of its own beside the first instance's, though it tells the same value (a headline
        # "Y án tử hình …" and its body "tuyên y án sơ thẩm tử hình …" are one)
        upheld = _upheld(event, norm)
        return (event.kind, event.status, upheld, *values)
    return (event.kind, *values)


def _told_apart(one: Event, other: Event) -> bool:
    """Rule ``measures_of_one_statement``: two measures of one kind joined by "và" (and) or a comma
    and stated by different words are two facts: "đình chỉ sinh hoạt Đảng và đình chỉ chức vụ đối
    với ông A" (suspend from Party activity and from office), though both are "đình chỉ"; not a
    measure told again ("khai trừ ông A ra khỏi Đảng, …: khai trừ Đảng đối với ông A")."""
    return (
        one.kind in _MEASURES
        and _words_of(one.trigger.text) != _words_of(other.trigger.text)
        and _coordinated(one, other)
    )


# what joins two coordinated measures: ", ", "và" (and)
_AND = lazy_compile(r"\ *(?:,\ *)?(?:và\ +)?", regex.I)


def _coordinated(one: Event, other: Event) -> bool:
    """Whether the two triggers are joined by nothing but "," or "và" (and), as one event's span
    shows them."""
    first, second = sorted((one, other), key=lambda e: e.trigger.start)
    for event in (one, other):
        if event.start <= first.trigger.end and second.trigger.start <= event.end:
            gap = event.text[first.trigger.end - event.start : second.trigger.start - event.start]
            return _AND.fullmatch(gap) is not None
    return False


def _words_of(trigger: str) -> str:
    """A measure's words less "tạm" (for now): "tạm đình chỉ công tác" says "đình chỉ công tác"."""
    words = trigger.casefold().split()
    return " ".join(words[1:] if words[:1] == ["tạm"] else words)


def _with_companions(one: Event, other: Event) -> bool:
    """Rule ``named_with_counted_group``: a named defendant and the counted group sentenced with
    them in one statement ("A cùng 5 bị cáo khác nhận …") are two facts."""
    kinds = {one.target.kind if one.target else None, other.target.kind if other.target else None}
    return kinds == {"person", "count"} and one.start < other.end and other.start < one.end


def _completeness(event: Event) -> int:
    """How much an event tells; a named target ("Nick Kyrgios") tells more than a noun phrase
    ("Cựu á quân Wimbledon" = the former Wimbledon runner-up) of the headline."""
    told = (event.target, event.authority, event.reason, event.award, event.date)
    return sum(x is not None for x in told) + (_named_target(event) is not None)


# how far before its trigger the verb of an appeal upheld may stand: "tuyên y án sơ thẩm tử hình"
_UPHELD_REACH = 30


def _upheld(event: Event, norm: str) -> bool:
    """Whether the event's trigger is, or comes right after, a verb of an appeal upheld."""
    trigger = event.trigger
    line_start = norm.rfind("\n", 0, trigger.start) + 1
    return UPHELD.search(norm, max(line_start, trigger.start - _UPHELD_REACH), trigger.end) is not None


def _deduplicate(events: list[Event], norm: str = "") -> list[Event]:
    """One event per fact: a headline and the body telling the same award keep the fuller one.
    Two events of one fact stay apart when they name different targets ("A và B cùng bị phạt 3
    năm tù"); a fine without its amount goes when a fine of the same target has one."""
    fined = {_named_target(e) for e in events if e.kind == "fine" and e.money is not None} - {None}
    events = [e for e in events if not (e.kind == "fine" and e.money is None and _named_target(e) in fined)]
    kept: list[Event] = []
    reasons: dict[int, Phrase] = {}  # id of a kept event → the reason its twin gave
    for event in events:
        fact, name = _fact(event, norm), _named_target(event)
        twin = next(
            (i for i, k in enumerate(kept)
             if _fact(k, norm) == fact and not _other_target(name, _named_target(k))
             and not _told_apart(event, k) and not _with_companions(event, k)),
            None,
        )  # fmt: skip
        if twin is None:
            kept.append(event)
            continue
        loser = event
        if _completeness(event) > _completeness(kept[twin]) or (
            _completeness(event) == _completeness(kept[twin]) and _named_target(kept[twin]) is None
        ):  # a tie: the named target wins
            kept[twin], loser = event, kept[twin]
        if kept[twin].reason is None and loser.reason is not None:
            # rule ``reason_of_the_twin``: the fact told twice keeps the reason only one telling
            # gives ("bị đình chỉ thi đấu vì dương tính với cocaine" in the headline, the body's
            # fuller statement without it)
            reasons[id(kept[twin])] = loser.reason
    keep = {id(e) for e in kept}
    kept_events = [e for e in events if id(e) in keep]
    return [attrs.evolve(e, reason=reasons[id(e)]) if id(e) in reasons else e for e in kept_events]
