"""One event per target: names listed under one trigger ("A và B cùng bị phạt 3 năm tù", "tuyên
phạt A 8 năm tù, B 6 năm tù", "khai trừ … đối với 3 đảng viên: A, B, C") and a second sanction
joined by "và" to the first ("5 năm tù và phạt bổ sung 20 triệu đồng")."""

from __future__ import annotations

import attrs
import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon.words import alternation
from vnextract.linking.event_authorities import _opening_authority
from vnextract.linking.event_names import list_people, same_party
from vnextract.linking.event_reasons import _reason
from vnextract.linking.event_spans import _entities, _outcome_trigger
from vnextract.linking.event_table import _OUTCOME_REACH, _SENTENCES, _STANDALONE_KINDS, _pattern, _value
from vnextract.linking.event_terms import _is_prison_term
from vnextract.mentions import Mentions
from vnextract.records import (
    Event,
    EventKind,
    Party,
    Phrase,
)

# what may stand between the names of a list: ", ", " và " (and), a parenthesis "(30 tuổi)", a
# role word ("bị cáo" = defendant, "ông" = Mr …) or a rank ("Đại úy" = captain, "Thiếu tá" =
# major: thiếu/trung/thượng/đại = junior/middle/senior/full, úy/tá/tướng = lieutenant/major/general);
# a spaced dash pairs two names ("vợ chồng A - B" = the couple A and B)
# (the role words: word_classes.tsv "party_word"; the ranks are grammar, two closed sets of
# syllables that compose)
_PARTY_WORD = alternation("party_word", r"\ +")
_LIST_GLUE = lazy_compile(
    r"""(?:\ *\([^()]{0,60}\))?(?:\ *(?:,|và|cùng|;)|\ +[-–])\ *
        (?:(?:các\ +)?(?:""" + _PARTY_WORD + r""")\ +)?
        (?:(?:thiếu|trung|thượng|đại)\ +(?:úy|uý|tá|tướng)\ +)?""",
    regex.I | regex.VERBOSE,
)
# what may close a list before its shared verb or value: "A và B (cùng 30 tuổi) cùng bị phạt",
# "tuyên phạt A, B mỗi bị cáo 3 năm tù" (each), "A, B cùng chịu 8 năm tù" (both bear), "A và B
# chỉ nhận án treo" (only receive a suspended sentence), "vẫn" (still); not "lần lượt"
# (respectively: each their own). The verbs of receiving a sentence are word_classes.tsv
# "sentence_receive_verb".
_RECEIVE = alternation("sentence_receive_verb", r"\ +")
# (grammar: the adverbs of a shared predicate — together, all, already, also, only, each)
_LIST_TAIL = lazy_compile(
    r"""(?:\ *\([^()]{0,60}\))?[\ ,]*
        (?:(?:cùng|đều|đã|cũng|chỉ|vẫn|mỗi\ +(?:bị\ +cáo|người|đối\ +tượng|người\ +một)|mức\ +án|mức|
              """ + _RECEIVE + r"""|án)\ *)*""",
    regex.I | regex.VERBOSE,
)


def _listed_with(norm: str, found: Mentions, target: Party, shared: int) -> list[Party]:
    """The target and the others of its list sharing one sentence: "Nguyễn Văn A, Trần Văn B và
    Lê Văn C cùng bị phạt 3 năm tù" → all three. Only names of the target's kind joined by
    commas or "và" (and), the last one followed by nothing but the part they share (at
    ``shared``)."""
    names = _of_kind(norm, found, target.kind, 0, shared)
    at = next((i for i, p in enumerate(names) if same_party(p, target)), None)
    if at is None:
        return [target]
    first = last = at
    while first > 0 and _LIST_GLUE.fullmatch(norm, names[first - 1].end, names[first].start):
        first -= 1
    while last + 1 < len(names) and _LIST_GLUE.fullmatch(norm, names[last].end, names[last + 1].start):
        last += 1
    if first == last or not _LIST_TAIL.fullmatch(norm, names[last].end, shared):
        return [target]
    return names[first : last + 1]


def _joined(norm: str, one: Party, other: Party) -> bool:
    """Whether two names stand in one list: "A, B", "A (30 tuổi) và B"."""
    return _LIST_GLUE.fullmatch(norm, one.end, other.start) is not None


def _following(norm: str, found: Mentions, first: Party) -> list[Party]:
    """``first`` and the names of its kind listed right after it: "A, B và C"."""
    names = _of_kind(norm, found, first.kind, first.start, len(norm))
    run = names[:1]
    for name in names[1:]:
        if not _LIST_GLUE.fullmatch(norm, run[-1].end, name.start):
            break
        run.append(name)
    return run if run and same_party(run[0], first) else [first]


def _of_kind(norm: str, found: Mentions, kind: str, start: int, end: int) -> list[Party]:
    """The parties of one kind in [start, end): persons by the names a list gives (``list_people``);
    not a name inside a member's aside ("A (người cho Tú mượn xe), B và C": Tú is no member)."""
    if kind == "person":
        return [p for p in list_people(norm, found, start, end) if not _in_aside(norm, p)]
    return [p for p in _entities(norm, found, start, end) if p.kind == kind and not _in_aside(norm, p)]


# how far back the bracket opening an aside is looked for (characters: the lists' asides)
_ASIDE_REACH = 160


def _in_aside(norm: str, party: Party) -> bool:
    """Whether ``party`` stands inside a bracket opened before it on its line and closed after it."""
    before = norm[max(0, party.start - _ASIDE_REACH) : party.start]
    opened = before.rfind("(")
    if opened < 0 or before.rfind(")") > opened or "\n" in before[opened:]:
        return False
    close = norm.find(")", party.end, party.end + _ASIDE_REACH)
    return close >= 0 and "(" not in norm[party.end : close] and "\n" not in norm[party.end : close]


def _retarget(norm: str, event: Event, target: Party) -> Event:
    """The same event for another target of its list, its span stretched to cover that target."""
    if target == event.target:
        return event
    start, end = min(event.start, target.start), max(event.end, target.end)
    return attrs.evolve(event, target=target, text=norm[start:end], start=start, end=end)


def _respan(norm: str, event: Event) -> Event:
    """The event's span from the first to the last of its parts."""
    parts = [p for p in (event.trigger, event.target, event.authority, event.reason, event.money, event.term,
                         event.award, *event.recipients) if p is not None]  # fmt: skip
    start = min(p.start for p in parts)
    end = max(p.end for p in parts)
    return attrs.evolve(event, text=norm[start:end], start=start, end=end)


# a name opening the next of a list of sentences: ", Mai Thị Hoa 6 năm tù" (after the last value)
# (the first one's charge may stand between: "A 9 năm tù về tội giết người; B 8 năm tù")
# (grammar: "và"/"còn"/"riêng" = and/whereas/as for open the next; then a party word)
_NEXT_GLUE = lazy_compile(
    r"""(?:\ +(?:cùng\ +)?về\ +(?:[\p{Ll}\d]+\ +){0,2}?tội[^,;]*)?
        [\ ,;:\n\-+•*]*(?:(?:và|còn|riêng)\ +)?(?:(?:""" + _PARTY_WORD + r""")\ +)?""",
    regex.I | regex.VERBOSE,
)
# from a name to its own value: "Mai Thị Hoa (30 tuổi) 6 năm tù", "Lê Văn C mức án tử hình", from
# the last name of a group sharing one: "C, D cùng 6 năm tù" (both), "C, D đều chịu 6 năm tù"
# (grammar: together, all alike, each person, each defendant); also after the name's apposition
# up to a number, no comma closing it: "; B, nhân viên hợp đồng của Phòng Tài chính 16 tháng tù"
# (B, contract staff of the finance office, 16 months); a colon: "; C: 3 năm tù"
_OWN_VALUE = lazy_compile(
    r"""(?:\ *\([^()]{0,60}\)|,[^,;:()\d\n]{1,100}?(?=\ +\d))?
        [\ ,]*(?::\ *)?(?:(?:cùng|đều|mỗi\ +người|mỗi\ +bị\ +cáo)\ +)?
        (?:(?:""" + _RECEIVE + r""")\ +)?(?:(?:mức\ +án|mức|án)\ +)?""",
    regex.I | regex.VERBOSE,
)


def _next_sentences(norm: str, found: Mentions, event: Event, verb: Phrase, limit: int) -> list[Event]:
    """The other defendants an active sentence (its verb ``verb``) lists after the first, each with
    their own term or outcome: "Tòa tuyên phạt Đặng Văn Lực 8 năm tù, Mai Thị Hoa 6 năm tù" → Mai
    Thị Hoa, 6 years; "… A tử hình, B tù chung thân" → B, life (its trigger: "tù chung thân")."""
    if event.kind in ("fine", "award") or event.kind in _STANDALONE_KINDS:
        return []
    if event.target is None or event.target.kind != "person":
        return []
    # after its own value: the term, and an outcome's own word (its trigger), not the next
    # name's outcome ("tuyên phạt A 20 năm tù, B tù chung thân")
    values = [v.end for v in (event.term,) if v is not None]
    values += [event.trigger.end] if event.kind != "prison" else []
    last = max(values, default=verb.end)
    return _listed_sentences(norm, found, event, verb, last, limit)


def _continued(
    norm: str, found: Mentions, event: Event, verb: Phrase, clause: tuple[int, int]
) -> list[Event]:
    """A clause with no verb of its own going on with the sentences of the one before: "Tòa tuyên
    phạt A tù chung thân. Đồng phạm B 20 năm tù do …" (accomplice B, 20 years), the lines after
    "tuyên phạt các bị cáo:" — each name opening it with its own term or outcome."""
    if event.kind not in _SENTENCES:
        return []
    given = _given_to(norm, found, event, verb, clause)
    if given:
        return given
    # with no verb, only "tù" (prison) or an outcome says it is a sentence: not "B 5 năm nay …";
    # unless the sentence before gave its own term bare ("tuyên phạt A 6 năm. B, C mỗi bị cáo 3 năm")
    said = event.term is None or _is_prison_term(norm, event.term)
    return _listed_sentences(norm, found, event, verb, clause[0], clause[1], said=said)


# a clause naming a sentence, then who it is given to: "Mức án treo 3 năm dành cho A, B và C"
# (the suspended sentence of 3 years is for …), "Án tù chung thân cho A"
# (grammar: "các"/"còn"/"riêng" = the/whereas/as for; then a party word)
_GIVEN_TO = lazy_compile(
    r"""[\ ,]*(?:(?:các|còn|riêng)\ +)?(?:mức\ +)?(?P<value>.{0,40}?)[\ ,]*(?:được\ +)?(?:dành\ +)?cho\ +
        (?:(?:các\ +)?(?:""" + _PARTY_WORD + r""")\ +)?""",
    regex.I | regex.VERBOSE,
)


def _given_to(norm: str, found: Mentions, event: Event, verb: Phrase, clause: tuple[int, int]) -> list[Event]:
    """The events of a clause going on after a sentence that names a sentence first and then who
    receives it: "Tòa tuyên phạt A 6 năm tù. Mức án treo 3 năm dành cho B và C" → B and C, 3
    years suspended (the verb and authority of the sentence before)."""
    lead = _GIVEN_TO.match(norm, clause[0], clause[1])
    if lead is None:
        return []
    start, end = lead.span("value")
    outcome = _pattern("outcome").search(norm, start, end)
    term = next((d for d in found.durations if start <= d.start and d.end <= end), None)
    people = list_people(norm, found, lead.end(), clause[1])
    if (outcome is None and term is None) or not people or people[0].start != lead.end():
        return []
    kind: EventKind = "prison" if outcome is None else _value("outcome", outcome.group())  # type: ignore[assignment]
    if outcome is None and not _is_prison_term(norm, term):  # type: ignore[arg-type]
        return []  # "Mức phạt 3 năm cho …" with no "tù" (prison) nor outcome: not said to be a sentence
    stated = _outcome_trigger(norm, outcome, kind)
    return [_respan(norm, attrs.evolve(
        event, kind=kind, target=member, trigger=stated or verb,
        term=term if kind in ("prison", "suspended_prison") else None,
        reason=_reason(norm, member.end, clause[1]),
    )) for member in _following(norm, found, people[0])]  # fmt: skip


def _listed_sentences(
    norm: str, found: Mentions, event: Event, verb: Phrase, last: int, limit: int, *, said: bool = False
) -> list[Event]:
    """The names after ``last`` each with their own term or outcome, as events like ``event``
    (``said``: a term must say "tù" = prison)."""
    out: list[Event] = []
    people = list_people(norm, found, last, limit)
    while people:
        person = people[0]
        if person.start < last or not _NEXT_GLUE.fullmatch(norm, last, person.start):
            break
        # the names sharing the value that follows: "Phạm Văn Dũng, Ngô Văn Bình cùng 6 năm tù"
        group = [person]
        while len(group) < len(people) and _joined(norm, group[-1], people[len(group)]):
            group.append(people[len(group)])
        people = people[len(group) :]
        own = _OWN_VALUE.match(norm, group[-1].end, limit)
        begin = own.end() if own else group[-1].end
        term = next((d for d in found.durations if d.start == begin and d.end <= limit), None)
        outcome = _pattern("outcome").match(norm, term.end if term else begin, limit)
        if term is not None and outcome is None:
            # "B 2 năm tù treo": the outcome may be the term's own last words
            # (not past the next name: "B 6 năm, C 30 tháng tù treo" is C's suspended sentence)
            reach = min(limit, term.end + _OUTCOME_REACH, *(p.start for p in people[:1]))
            outcome = _pattern("outcome").search(norm, term.start, max(term.end, reach))
        if term is None and outcome is None:
            break
        if said and outcome is None and term is not None and not _is_prison_term(norm, term):
            break
        kind: EventKind = "prison" if outcome is None else _value("outcome", outcome.group())  # type: ignore[assignment]
        last = max(term.end if term else 0, outcome.end() if outcome else 0)
        # its own charge right after its value ("B 8 năm tù về tội giết người"), else the one
        # closing the list ("A 8 năm tù, B 6 năm tù về tội cướp giật", also after ";": "…; C 6
        # năm tù, D 4 năm tù về tội chống người thi hành công vụ"), not the first one's own
        own_reason = _reason(norm, last, limit)
        if own_reason is None and event.reason is not None and event.reason.end <= verb.start:
            # rule ``fronted_charge_of_the_list``: a charge fronted before the verb is the whole
            # list's: "Về hành vi cướp tài sản, bị cáo A nhận 8 năm tù, B 7 năm" (for robbery …)
            own_reason = event.reason
        # an outcome's own word is its trigger ("B tù chung thân"), a term's the verb
        stated = _outcome_trigger(norm, outcome, kind)
        out += [_respan(norm, attrs.evolve(
            event, kind=kind, target=member, trigger=stated or verb,
            term=term if kind in ("prison", "suspended_prison") else None,
            reason=own_reason,
        )) for member in group]  # fmt: skip
    return out


# what joins two sanctions of one sentence: "5 năm tù và phạt bổ sung 20 triệu đồng" (and),
# "đồng thời" (at the same time), "kèm theo" (along with)
_COORDINATION = lazy_compile(r"[\ ,]*(?:(?:và|đồng\ +thời|kèm\ +theo|cùng)\ +)?(?:bị\ +)?", regex.I)


def _coordinated(norm: str, previous: Event, trigger: Phrase) -> bool:
    """Whether a trigger follows the previous event's value with only "và" (and) between: the
    second sanction of the same target, from the same authority."""
    # "5 năm tù về tội X và phạt bổ sung …": the first one's charge may stand between
    parts = (previous.trigger, previous.money, previous.term, previous.reason)
    value_end = max(p.end for p in parts if p is not None)
    return value_end <= trigger.start and _COORDINATION.fullmatch(norm, value_end, trigger.start) is not None


# what may lead from a sentence's value to the names it is given to: "mức án chung thân gồm: A,
# B" (including), "20-22 năm tù 3 bị cáo: A, B và C", "3 năm tù dành cho A và B" (given to),
# "2 bị cáo bị tuyên tử hình là A và B" (are A and B) (a count: word_classes.tsv "group_count",
# or a number)
_VALUE_TO_NAMES = lazy_compile(
    r"""[\ ,]*(?P<cue>(?:dành\ +)?cho|đối\ +với)?\ *
        (?:(?:(?:các|\d+|""" + alternation("group_count", r"\ +") + r""")\ +)?
           (?:bị\ +cáo|đối\ +tượng|người)\ *)?
        (?P<including>(?:bao\ +)?gồm|là)?\ *(?P<colon>:)?\ *""",
    regex.I | regex.VERBOSE,
)


def _named_after_value(norm: str, found: Mentions, value_end: int, limit: int) -> list[Party]:
    """The persons a value-first sentence is given to, listed right after the value behind a cue
    ("gồm" = including, ":", "cho" = to): "xử phạt mức án chung thân gồm: A, B, C" → A, B, C."""
    lead = _VALUE_TO_NAMES.match(norm, value_end, limit)
    if lead is None or not (lead.group("cue") or lead.group("including") or lead.group("colon")):
        return []
    people = list_people(norm, found, lead.end(), limit)
    if not people or people[0].start != lead.end():
        return []
    return _following(norm, found, people[0])



# between two measures sharing what follows the second: ", " or "và" (and)
_MEASURE_GLUE = lazy_compile(r"\ *(?:,\ *(?:và\ +)?|và\ +)", regex.I)


def _lend_targets(norm: str, earlier: list[Event], verb: Phrase, later: list[Event]) -> list[Event]:
    """A measure with no target of its own followed by another measure that has one: "đình chỉ
    công tác và khai trừ Đảng ông A" (suspend from work and expel from the Party Mr A) suspends A
    too. ``earlier``'s events, each once per target of ``later``, or [] when they do not share."""
    if not earlier or not later:
        return []
    if any(e.target is not None or e.kind not in _STANDALONE_KINDS for e in earlier):
        return []
    if not _MEASURE_GLUE.fullmatch(norm, earlier[-1].trigger.end, verb.start):
        return []
    named = ("person", "organization")
    targets = [e.target for e in later if e.target is not None and e.target.kind in named]
    return [_respan(norm, attrs.evolve(e, target=t)) for e in earlier for t in dict.fromkeys(targets)]


def _measure_before(norm: str, before: Phrase, verb: Phrase, later: list[Event]) -> list[Event]:
    """Rule ``measure_lends_to_bare_measure``: a measure trigger ``before`` that stated no event by
    itself (no target, no authority: "Sau khi đình chỉ công tác và khai trừ Đảng ông A" = after
    suspending and expelling Mr A) joined by "và" or a comma to ``verb``: one event of its kind for
    each person or organisation ``verb``'s events name, with their authority and status."""
    kind = _value("trigger", before.text)
    if kind not in _STANDALONE_KINDS or not _MEASURE_GLUE.fullmatch(norm, before.end, verb.start):
        return []
    named = [e for e in later if e.kind in _STANDALONE_KINDS and e.target is not None
             and e.target.kind in ("person", "organization")]  # fmt: skip
    return [_respan(norm, attrs.evolve(e, kind=kind, trigger=before, term=None)) for e in named]  # type: ignore[arg-type]


def _verb_lends_authority(
    norm: str, found: Mentions, opening: int, verb: Phrase, later: Phrase, stated: list[Event]
) -> list[Event]:
    """Rule ``sentencing_verb_lends_authority``: a verb of receiving ("chịu" = bear, "nhận" =
    receive) right after a sentencing verb that stated nothing by itself ("Tòa tuyên phạt A, B
    cùng chịu 8 năm tù" = the court sentences A and B to bear 8 years each) gives sentences the
    first verb's subject passes: the authority named before that verb, where ``later``'s own
    events name none."""
    if _value("trigger", verb.text) != "sentence" or _value("trigger", later.text) != "sentence_received":
        return stated
    orgs = [e for e in _entities(norm, found, opening, verb.start) if e.kind == "organization"]
    authority = orgs[-1] if orgs else _opening_authority(norm, opening, verb.start)
    if authority is None:
        return stated
    return [_respan(norm, attrs.evolve(e, authority=authority)) if e.authority is None else e for e in stated]


# "cùng 5 bị cáo khác" (together with 5 other defendants), "cùng 3 đồng phạm" (with 3
# accomplices): a counted group sharing the named one's sentence (grammar: "cùng" = together
# with, the numerals, the nouns of the accused, "khác"/"còn lại" = other/remaining)
_COMPANIONS = lazy_compile(
    r"""\ *(?:\([^()]{0,60}\)\ *)?,?\ *cùng\ +
        (?P<group>(?:\d+|""" + alternation("group_count", r"\ +") + r""")\ +
        (?:bị\ +cáo|bị\ +can|đồng\ +phạm|đối\ +tượng|người)(?:\ +(?:khác|còn\ +lại))?)\ *,?\ *""",
    regex.I | regex.VERBOSE,
)


def _companions(norm: str, found: Mentions, event: Event, shared: int) -> Party | None:
    """Rule ``named_with_counted_group``: the counted group standing with the named target before
    the part they share (at ``shared``): "A cùng 5 bị cáo khác nhận mức án từ 6 tháng đến 2 năm
    tù" (A and five other defendants receive 6 months to 2 years) — an event of A and one of "5
    bị cáo khác"; the range spans their sentences, no bracket of the law."""
    target = event.target
    if target is None or target.kind != "person" or target.end > shared:
        return None
    joined = _COMPANIONS.fullmatch(norm, target.end, shared)
    if joined is None:
        return None
    count = next((c for c in found.counts if c.start == joined.start("group")), None)
    if count is None:
        return None
    start, end = joined.span("group")
    return Party(text=norm[start:end], start=start, end=end, kind="count", count=count)
