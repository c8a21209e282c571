"""Linking step: sanctions and awards as Event records (who, by whom, how much, for what).

One clause at a time (a sentence cut at ";"), from a trigger word of ``data/event_triggers.tsv``:

- fine: "Công ty X bị Ủy ban Y xử phạt 350 triệu đồng do có hành vi …" — the money is the Fine
  the fines linker found after the trigger, so ``fines`` and the fine events stay in step;
- prison terms: "bị TAND TP Cần Thơ tuyên phạt 18 năm tù về tội …" — the Duration after the
  trigger; "án treo" (suspended) after it makes a suspended_prison, "tù chung thân" a life_prison,
  "tử hình" a death sentence; a bare "phạt tù" with no term is no event;
- award: "Tuyên dương 13 tập thể và 24 cá nhân", "Sở TTTT đã tặng Giấy khen cho 13 tập thể" —
  the counted recipients and the award's noun after the trigger ("tặng" = give needs the noun);
- licence_revoked, suspension, ban, expulsion: the trigger states the kind by itself ("tước giấy
  phép lái xe 22 tháng", "treo giò 3 trận", "cấm giao dịch", "khai trừ"), a term close after it;
- a fine without its amount ("Công ty X bị xử phạt vi phạm hành chính") when someone is fined.

Passive clauses ("X bị Y xử phạt"): the target stands before "bị", the authority between "bị" and
the trigger. Active ones ("Y tuyên phạt X 18 năm tù"): the authority before, the target after.
The reason is the phrase opened by "do/vì/về tội/có thành tích …" after the trigger, up to the
next comma. A "có thể" (may), "sẽ bị", "tối đa" … before the trigger, or a range of money, makes
the status "possible". Names listed under one trigger get one event each (``event_lists``);
events telling the same fact (a headline and its body) are kept once (``event_facts``). The
clause's parts are read by one module each: the trigger table (``event_table``), spans and the
parties named in them (``event_spans``), who receives (``event_targets``), who decides
(``event_authorities``), the reason (``event_reasons``), the term (``event_terms``) and the
status (``event_status``); what a trigger states (kind, value) by ``event_stated``, who it is for
and who decides by ``event_voice``.
"""

from __future__ import annotations

import attrs
import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon.words import alternation
from vnextract.linking.event_anaphora import pointed_back
from vnextract.linking.event_appeals import appeal_events, upheld_events
from vnextract.linking.event_charges import with_charges
from vnextract.linking.event_courts import _with_courts
from vnextract.linking.event_demands import demands
from vnextract.linking.event_facts import _deduplicate
from vnextract.linking.event_groups import counted_groups
from vnextract.linking.event_law import with_alternatives
from vnextract.linking.event_lists import (
    _companions,
    _continued,
    _coordinated,
    _following,
    _lend_targets,
    _listed_with,
    _measure_before,
    _named_after_value,
    _next_sentences,
    _respan,
    _retarget,
    _verb_lends_authority,
)
from vnextract.linking.event_names import name_after_verb
from vnextract.linking.event_reasons import _fronted_reason, _reason
from vnextract.linking.event_respectively import respectively
from vnextract.linking.event_spans import _after_spaces, _clauses, _inside, _outcome_trigger, _phrase
from vnextract.linking.event_stated import stated_by
from vnextract.linking.event_status import _status, _status_start
from vnextract.linking.event_table import (
    _LEVEL,
    _NEGATION,
    _SENTENCES,
    _STANDALONE_KINDS,
    _pattern,
    _value,
    phrases_in,
)
from vnextract.linking.event_targets import _is_their_total, _stands_alone, _toward
from vnextract.linking.event_values import mixed_ranges, value_lists, with_listed_terms
from vnextract.linking.event_verbless import verbless
from vnextract.linking.event_voice import parties
from vnextract.mentions import Mentions
from vnextract.records import (
    Event,
    Party,
    Phrase,
    Span,
)
from vnextract.text import Text

__all__ = ["link"]

# a sentence opening a list of its own lines: "tuyên phạt các bị cáo như sau:" (as follows)
_LIST_OPENS = lazy_compile(r":\s*$")
# how far such a list may run (characters)
_LIST_REACH = 600
# a group of several ("các" = the …s, "những", a number): "Các bị cáo còn lại" (the remaining
# defendants), "Mười bị cáo" (ten defendants) (grammar: the plural quantifiers and the numerals
# two to ten)
_PLURAL = lazy_compile(
    r"(?:các|những|nhiều|\d+|" + alternation("group_count") + r"|mươi)(?![\p{L}])", regex.I
)


def _event_in(
    norm: str,
    found: Mentions,
    clause: tuple[int, int],
    trigger: Phrase,
    limit: int,
    used: set[int],
    list_limit: int | None = None,
) -> list[Event]:
    """The events a trigger states, its values looked for between the trigger and ``limit``: one,
    or one per target of a list ("A và B cùng bị phạt 3 năm tù", "tuyên phạt A 8 năm tù, B 6 năm
    tù"). A list of sentences may go on past ";" up to ``list_limit``."""
    read = stated_by(norm, found, trigger, limit, used)  # what it states: kind and value
    if read is None:
        return []
    kind_of_trigger, kind, money, term = read.kind_of_trigger, read.kind, read.money, read.term
    award, recipients, value_end, outcome = read.award, read.recipients, read.value_end, read.outcome
    who = parties(norm, found, clause, trigger, read)  # who, by the clause's voice
    passive, target, authority, following = who.passive, who.target, who.authority, who.following
    if kind in _SENTENCES and target is not None and target.kind == "group" and target.start >= trigger.end:
        # "tuyên phạt Y Kơ Nia 15 năm tù": a name no recogniser read, after the verb
        target = name_after_verb(norm, found, target) or target
    if kind in _STANDALONE_KINDS and target is None and authority is None:
        return []  # "Ấn Độ cấm hoạt động xây dựng": a policy, no one sanctioned
    if target is None:
        target = _toward(norm, found, value_end, clause[1]) or read.counted
    if target is None and kind == "fine" and money is None:
        # "CSGT TP.HCM phạt nguội gần 280.000 trường hợp" (camera-fined nearly 280,000 cases):
        # the cases counted right after the verb were fined
        at = _after_spaces(norm, trigger.end)
        target = next((Party(text=c.text, start=c.start, end=c.end, kind="count", count=c)
                       for c in found.counts if c.start == at), None)  # fmt: skip
    if kind in _SENTENCES and target is not None and target.kind == "organization":
        target = None  # an organisation is not sent to prison: a court read as the one sentenced
    cues = _status_start(norm, found, clause[0], trigger)
    status = _status(norm, cues, trigger, money, term)
    plural = target is not None and target.kind == "group" and _PLURAL.match(target.text) is not None
    if (kind_of_trigger == "sentence_received" and kind == "prison" and target is not None
            and _is_their_total(norm, target, trigger, term)):  # fmt: skip
        return []  # "hai thanh niên nhận 7 năm tù" (two young men get 7 years): 4 and 3 years
    if kind_of_trigger == "sentence_received" or (kind in _SENTENCES and plural):
        # "Ba bị cáo khác … nhận mức án từ 12 đến 15 tháng tù" (receive): a range received spans
        # several defendants' sentences, it is no bracket of the law; the words give the status; so
        # does a range given to a plural group ("Các bị cáo còn lại bị xử phạt từ 4-17 năm tù")
        status = _status(norm, cues, trigger, None, None)
    # "bị xử phạt" said close by: not "biên bản bị bỏ quên, chưa ra quyết định xử phạt" (the
    # reports were forgotten, no decision to fine made yet)
    close = passive is not None and "," not in norm[passive.end() : trigger.start]
    if kind == "fine" and money is None and (
        status == "possible"
        or _NEGATION.search(norm, max(clause[0], trigger.start - 25), trigger.start)
        or _LEVEL.search(norm, max(clause[0], trigger.start - 6), trigger.start)
        or not _stands_alone(close, target, authority)
    ):
        return []  # "sẽ bị xử phạt nghiêm" (will be fined severely): a threat, no sanction stated
    reason = _reason(norm, trigger.end, clause[1]) or _fronted_reason(norm, clause[0], trigger.start)
    # a date inside the reason dates the deed, not the event ("thành tích … giai đoạn 2011-2015")
    in_reason = (reason.start, reason.end) if reason else (0, 0)
    dates = [d for d in _inside(found.dates, *clause) if not in_reason[0] <= d.start < in_reason[1]]
    # the words stating the sanction: for an outcome ("tuyên phạt A tử hình" = sentences A to
    # death, "3 năm tù cho hưởng án treo" = suspended) the outcome word, not the sentencing verb
    stated = _outcome_trigger(norm, outcome, kind)
    named = [p for p in (target, authority, reason, money, term, award) if p is not None]
    parts: list[Span] = [stated or trigger, *named, *recipients]
    start = min(p.start for p in parts)
    end = max([value_end, *(p.end for p in parts)])
    event = Event(
        text=norm[start:end],
        start=start,
        end=end,
        kind=kind,
        trigger=stated or trigger,
        status=status,  # type: ignore[arg-type]
        target=target,
        recipients=recipients,
        authority=authority,
        reason=reason,
        money=money,
        term=term,
        award=award,
        date=dates[0] if dates else None,
    )
    companions = _companions(norm, found, event, passive.start() if passive else trigger.start)
    if companions is not None and kind in _SENTENCES:
        # "A cùng 5 bị cáo khác nhận mức án từ 6 tháng đến 2 năm tù": A's, and the group's
        event = attrs.evolve(event, status=_status(norm, cues, trigger, None, None))  # type: ignore[arg-type]
        return [event, _retarget(norm, event, companions)]
    each = respectively(norm, found, event, clause) if kind in _SENTENCES else []
    if each:  # "A, B và C lần lượt bị phạt 3 năm tù, 30 tháng tù và 24 tháng tù"
        return each
    named_after = _named_after_value(norm, found, value_end, clause[1]) if kind in _SENTENCES else []
    if named_after and (target is None or target.kind == "group"):
        # "phạt 20-22 năm tù 3 bị cáo: A, B, C": one event each; the range spans their sentences,
        # it is no bracket of the law (the status is the one its words give)
        named_status = _status(norm, cues, trigger, None, None)
        named_event = attrs.evolve(event, status=named_status)  # type: ignore[arg-type]
        return [_retarget(norm, named_event, p) for p in named_after]
    if kind == "award" or target is None or target.kind not in ("person", "organization"):
        # "tuyên phạt 5 bị cáo tử hình, 3 bị cáo chung thân": the counted groups listed after it
        groups = counted_groups(norm, found, event, list_limit or limit) if kind in _SENTENCES else []
        return [event, *groups]
    # where the part the listed targets share begins: "bị" (passive), the trigger ("A và B cùng
    # lĩnh án …"), or the value after them ("tuyên phạt A và B mỗi người 3 năm tù")
    values_after = [v.start for v in (money, term) if v is not None and v.start >= target.end]
    if target.end <= trigger.start:
        shared: int | None = passive.start() if passive is not None else trigger.start
    else:
        shared = min(values_after, default=None)
    listed = [target] if shared is None else _listed_with(norm, found, target, shared)
    if shared is None and target.start >= trigger.end:
        # no value after the name: the names listed after it share the event ("tuyên phạt 3 án tử
        # hình đối với: A, B, C", "khai trừ Đảng 3 đảng viên gồm A, B và C" = including)
        following = _following(norm, found, target)
    if len(following) > 1 and target == following[0]:
        listed = following
    if len(listed) > 1 and kind in _SENTENCES and event.status == "possible":
        # rule ``range_of_named_defendants``: "A, B, C bị xử phạt mỗi bị cáo 7-9 năm tù" — a range
        # given to several named defendants spans their sentences, no bracket of the law: the
        # status is the one the words give
        event = attrs.evolve(event, status=_status(norm, cues, trigger, None, None))  # type: ignore[arg-type]
    listed_events = [_retarget(norm, event, party) for party in listed]
    return listed_events + _next_sentences(norm, found, event, trigger, list_limit or limit)


# "trong đó" (of whom, among them): a subset of the ones named before
_SUBSET = lazy_compile(r"(?<![\p{L}])trong\ +đó(?![\p{L}])", regex.I)


def _named_after(event: Event, trigger: Phrase) -> bool:
    """Whether the event's target is a person or organisation named after its trigger."""
    target = event.target
    return target is not None and target.kind in ("person", "organization") and target.start >= trigger.end


def _own_triggers(norm: str, triggers: list[Phrase | None]) -> list[Phrase | None]:
    """The clause's triggers, less one holding an outcome ("hưởng án treo" = receive a suspended
    sentence) after a sentence or fine word: "phạt A 2 năm tù nhưng cho hưởng án treo" is one
    suspended sentence, the outcome of "phạt"; so is "Ba bị cáo lãnh 2 năm tù cho hưởng án treo"
    (receive) with no comma between, but not "A lãnh 3 năm tù, B được hưởng án treo" (B's own)."""
    out: list[Phrase | None] = []
    for trigger in triggers:
        verbs = [t for t in out if t is not None]
        earlier = any(_value("trigger", t.text) in ("fine", "sentence") for t in verbs) or (
            trigger is not None
            and any(_value("trigger", t.text) == "sentence_received"
                    and "," not in norm[t.end : trigger.start] for t in verbs)
        )  # fmt: skip
        # "bị xử phạt từ 3 đến 6 năm tù (trong đó 3 bị cáo được hưởng án treo)": "trong đó" (of
        # whom) opens a subset of the defendants with an outcome of its own
        subset = trigger is not None and any(_SUBSET.search(norm, t.end, trigger.start) for t in verbs)
        if trigger is not None and earlier and not subset and _pattern("outcome").search(trigger.text):
            continue
        out.append(trigger)
    return out


def link(text: Text, found: Mentions) -> Mentions:
    """Return ``found`` with an Event for every sanction or award its clauses state.

    >>> from vnextract.pipeline import extract
    >>> event = extract("Bị cáo Nguyễn Văn Hùng bị TAND TP Cần Thơ tuyên phạt 18 năm tù về tội "
    ...                 "lừa đảo chiếm đoạt tài sản.").events[0]
    >>> event.kind, event.target.text, event.authority.text, event.term.iso, event.reason.text
    ('prison', 'Nguyễn Văn Hùng', 'TAND TP Cần Thơ', 'P18Y', 'về tội lừa đảo chiếm đoạt tài sản')
    """
    norm = text.normalized
    given = found
    # numbers listed before a term's unit ("16 và 12 năm tù") are terms of their own, for events only
    found = with_listed_terms(norm, found)
    events: list[Event] = []
    used: set[int] = set()  # starts of the Fines an event has taken
    sentence_ends = {s.start: s.end for s in text.sentences}
    sentence_end = 0
    # the last sentence stated, its verb, and where its list ends: a clause after it with no
    # trigger may go on with its list ("Đồng phạm B 20 năm tù")
    sentenced: tuple[Event, Phrase, int] | None = None
    for clause in _clauses(text):
        sentence_end = sentence_ends.get(clause[0], max(sentence_end, clause[1]))
        previous: Event | None = None  # the clause's last event: "5 năm tù và phạt bổ sung …" shares it
        earlier: list[Event] = []  # the events of the clause's trigger before
        # rule ``trigger_in_a_place``: a trigger word inside a place's name is none ("huyện Cao
        # Lãnh": "lãnh" = receive a sentence)
        triggers = _own_triggers(norm, [_phrase(norm, m.start(), m.end())
                                        for m in phrases_in("trigger", text, *clause)
                                        if not any(p.start <= m.start() and m.end() <= p.end
                                                   for p in found.locations)])  # fmt: skip
        if not any(triggers):
            went_on = _continued(norm, found, sentenced[0], sentenced[1], clause) if sentenced else []
            if sentenced is not None and clause[0] >= sentenced[2]:
                events += went_on
            sentenced = (went_on[-1], sentenced[1], clause[1]) if sentenced and went_on else None
            continue
        for index, trigger in enumerate(triggers):
            if trigger is None:
                continue
            following = triggers[index + 1 :]
            # a phrase of no sanction ("tuyên truyền" = propaganda, in a charge's name: "về tội
            # “Tuyên truyền văn hóa phẩm đồi trụy”") ends neither this trigger's list nor its reason
            sanctions = [t for t in following if t is not None and _value("trigger", t.text) != "none"]
            limit = sanctions[0].start if sanctions else clause[1]
            # "tuyên phạt A 9 năm tù về tội X; B 8 năm tù về tội Y": a list goes on after ";", up
            # to the sentence's next trigger
            list_limit = limit
            if limit == clause[1]:
                after = _pattern("trigger").search(norm, clause[1], sentence_end)
                list_limit = after.start() if after else sentence_end
            stated = _event_in(norm, found, clause, trigger, limit, used, list_limit)
            stated = with_alternatives(norm, stated, limit)
            if not stated and limit == clause[1] and _LIST_OPENS.search(norm, trigger.end, clause[1]):
                # "HĐXX tuyên phạt các bị cáo:" and one line each: the list is the clause
                after = _pattern("trigger").search(norm, clause[1], min(len(norm), clause[1] + _LIST_REACH))
                listed = (clause[0], after.start() if after else min(len(norm), clause[1] + _LIST_REACH))
                stated = _event_in(norm, found, listed, trigger, listed[1], used, listed[1])
            if previous is not None and stated and _coordinated(norm, previous, trigger):
                # "… 20 năm tù, xử phạt bị cáo B 2 năm tù": a name after the second verb is its own
                stated = [_respan(norm, attrs.evolve(
                    e, target=e.target if _named_after(e, trigger) else previous.target,
                    authority=previous.authority,
                )) if e.kind != "award" else e for e in stated]  # fmt: skip
            if not earlier and index > 0 and (verb := triggers[index - 1]) is not None:
                # "Tòa tuyên phạt A, B cùng chịu 8 năm tù": the court's, though "chịu" (bear) says it
                stated = _verb_lends_authority(norm, found, clause[0], verb, trigger, stated)
            # "đình chỉ công tác và khai trừ Đảng ông A": the first measure is A's too
            lent = _lend_targets(norm, earlier, trigger, stated)
            if lent:
                events = [e for e in events if all(e is not x for x in earlier)] + lent
            elif not earlier and index > 0 and (bare := triggers[index - 1]) is not None:
                # "Sau khi đình chỉ công tác và khai trừ Đảng ông A": a measure with neither target
                # nor authority (no event by itself) takes the targets of the one joined to it
                events += _measure_before(norm, bare, trigger, stated)
            earlier = stated
            previous = stated[-1] if stated else previous
            events += stated
            sentenced = (stated[-1], trigger, list_limit) if stated else sentenced
    # lists of names each with their own value ("A (20 năm tù), B (tử hình)"), read whole
    events = value_lists(text, found, events)
    # "từ 18 tháng tù treo đến 5 năm tù": a suspended and a prison sentence among the group
    events = mixed_ranges(norm, found, events)
    # sentences with no verb: headlines ("Tử hình kẻ …"), "mức án … là phù hợp" (is fitting)
    events = sorted([*events, *verbless(text, found, events)], key=lambda e: e.start)
    # a demand as a noun ("thấp hơn đề nghị của VKS (14-16 năm)"), for the one sentenced before it
    events = demands(text, found, events)
    # a sentence changed on appeal ("giảm từ 12 năm xuống 9 năm"): its reading of the terms wins
    # over a trigger's ("VKS chấp nhận đề nghị giảm án cho A từ 9 năm tù xuống 7 năm tù")
    appeals, old_sentences = appeal_events(text, found, list(_clauses(text)))
    taken = {e.term.start if e.term else e.trigger.start for e in appeals}
    events = [e for e in events if (e.term.start if e.term else e.trigger.start) not in taken] + appeals
    # "Tòa phúc thẩm tuyên y án sơ thẩm" (upheld on appeal): the sentences stated before, again
    events += upheld_events(text, found, events, list(_clauses(text)))
    events.sort(key=lambda e: e.start)
    # "tuyên phạt hai bị cáo mức án 18 và 14 năm tù", "Bị cáo này …": the defendants named before
    events = pointed_back(text, found, events)
    events = with_charges(text, found, _with_courts(found, _deduplicate(events, norm), norm, old_sentences))
    return attrs.evolve(given, events=tuple(events))
