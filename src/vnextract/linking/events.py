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
clause's parts (trigger table, parties, status, reason, term) are read by ``event_parts``.
"""

from __future__ import annotations

import attrs
import regex

from vnextract.lexicon.words import alternation
from vnextract.linking.event_appeals import appeal_events
from vnextract.linking.event_charges import with_charges
from vnextract.linking.event_courts import _with_courts
from vnextract.linking.event_demands import demands
from vnextract.linking.event_facts import _deduplicate
from vnextract.linking.event_law import alternatives, with_alternatives
from vnextract.linking.event_lists import (
    _continued,
    _coordinated,
    _following,
    _lend_targets,
    _listed_with,
    _named_after_value,
    _next_sentences,
    _respan,
    _retarget,
)
from vnextract.linking.event_parts import (
    _AWARD_NAME,
    _LEVEL,
    _NEGATION,
    _OUTCOME_LEAD,
    _OUTCOME_REACH,
    _OUTCOMES,
    _PASSIVE,
    _SENTENCES,
    _STANDALONE_KINDS,
    _VALUE_WINDOW,
    _after_named,
    _after_spaces,
    _clauses,
    _counted_opening,
    _elided_subject,
    _entities,
    _fronted_reason,
    _group,
    _inside,
    _is_prison_term,
    _is_their_total,
    _is_total,
    _joined_subject_start,
    _last_comma,
    _names_an_authority,
    _no_authority,
    _opening_authority,
    _outcome_trigger,
    _party_before,
    _pattern,
    _phrase,
    _reason,
    _right_after,
    _stands_alone,
    _status,
    _status_start,
    _table,
    _term_of_measure,
    _toward,
    _value,
    phrases_in,
)
from vnextract.linking.event_respectively import respectively
from vnextract.linking.event_values import mixed_ranges, value_lists, with_listed_terms
from vnextract.linking.event_verbless import verbless
from vnextract.mentions import Mentions
from vnextract.records import (
    Duration,
    Event,
    EventKind,
    Money,
    Party,
    Phrase,
    Span,
)
from vnextract.text import Text

__all__ = ["link"]

# a sentence opening a list of its own lines: "tuyên phạt các bị cáo như sau:" (as follows)
_LIST_OPENS = regex.compile(r":\s*$")
# how far such a list may run (characters)
_LIST_REACH = 600
# "của" (of) the one who demands a sentence, right after its value: "đề nghị 18-20 năm của VKS"
_OWNER = regex.compile(r"\ *(?:\([^()]{0,40}\)\ *)?của\ +(?:đại\ +diện\ +)?", regex.I)
# "tại" (at) before a workplace: "cán bộ tại UBND P.15"
_WORKPLACE = regex.compile(r"(?<![\p{L}])tại\ +", regex.I)
# a quantity opening a group: "một số" (some), "nhiều" (many), "các" (the …s) (grammar: the
# plural quantifiers)
_SOME = regex.compile(r"(?:một\ +số|nhiều|các|những)\ ", regex.I)
# a group of several ("các" = the …s, "những", a number): "Các bị cáo còn lại" (the remaining
# defendants), "Mười bị cáo" (ten defendants) (grammar: the plural quantifiers and the numerals
# two to ten)
_PLURAL = regex.compile(
    r"(?:các|những|nhiều|\d+|" + alternation("group_count") + r"|mươi)(?![\p{L}])", regex.I
)


# a demand before the sentencing verb: "đề nghị" (propose), "đề xuất", "kiến nghị" (recommend);
# not "theo đề nghị" (at the proposal of: the decision is taken)
_DEMAND = regex.compile(r"(?<![\p{L}])(?<!theo\ )(?:đề\ +nghị|đề\ +xuất|kiến\ +nghị)(?![\p{L}])", regex.I)


def _demanding(norm: str, found: Mentions, start: int, trigger: Phrase) -> Party | None:
    """Rule ``demand_by``: who demands a sentence stated by the court's verb: "VKSND TP đã đề nghị
    TAND TP HCM tuyên phạt A mức án chung thân" (the prosecutor proposes that the court sentences
    A to life) — the organisation before "đề nghị", not the court after it."""
    demands = list(_DEMAND.finditer(norm, start, trigger.start))
    if not demands:
        return None
    before = [e for e in _entities(norm, found, start, demands[-1].start()) if e.kind == "organization"]
    return before[-1] if before else None


def _is_demand(trigger: Phrase) -> bool:
    """A prosecutor's demand: "đề nghị" (propose), "đề nghị mức án" …, not "theo đề nghị"."""
    return trigger.text.casefold().startswith("đề nghị")


# a name's apposition up to the comma closing it: ", nguyên đội trưởng đội tàu Phương Đông,"
# (former captain of …): a comma, then words without another comma
_APPOSITION = regex.compile(r"\ *(?:\([^()]{0,60}\)\ *)?,[^,;]{1,80},", regex.I)


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
    kind_of_trigger = _value("trigger", trigger.text)
    # "Bà Lan đã nộp phạt 10 tỷ đồng" (paid a fine): a fine whose payer stands before the verb
    paid = kind_of_trigger == "fine_paid"
    kind_of_trigger = "fine" if paid else kind_of_trigger
    after = (trigger.end, min(limit, trigger.end + _VALUE_WINDOW))
    kind: EventKind
    money: Money | None = None
    term: Duration | None = None
    award: Phrase | None = None
    recipients: tuple[Party, ...] = ()
    value_end = trigger.end
    counted: Party | None = None
    outcome: regex.Match[str] | None = None
    if kind_of_trigger == "none":
        return []  # "hình phạt" (penalty, the noun), "trao đổi" (to discuss)
    if kind_of_trigger in _STANDALONE_KINDS:  # "đình chỉ công tác", "treo giò 3 trận", "khai trừ"
        kind = kind_of_trigger  # type: ignore[assignment]
        term = _term_of_measure(norm, found, trigger, after[1])
        value_end = term.end if term else trigger.end
    elif kind_of_trigger in ("fine", "sentence", "sentence_received"):
        fine = next((f for f in _inside(found.fines, *after) if f.start not in used), None)
        duration = next(
            (d for d in _inside(found.durations, *after)
             if _is_prison_term(norm, d)
             or (kind_of_trigger != "fine" and _right_after(norm, trigger, d))
             or (kind_of_trigger == "sentence" and _after_named(norm, found, trigger, d))),
            None,
        )  # fmt: skip
        # a sentence word may state the outcome alone ("tuyên phạt tử hình"); after a fine word
        # only with a term ("bị phạt 2 năm tù nhưng cho hưởng án treo"), right after it ("phạt 3
        # án tù chung thân" = three life sentences) or after the one it names ("xử phạt A án
        # chung thân")
        outcome = _pattern("outcome").search(norm, trigger.start, limit)
        if outcome is not None and kind_of_trigger == "fine" and duration is None:
            lead = _OUTCOME_LEAD.fullmatch(norm, trigger.end, outcome.start())
            outcome = outcome if lead or _after_named(norm, found, trigger, outcome) else None
        if outcome is not None and duration is not None and outcome.start() - duration.end > _OUTCOME_REACH:
            outcome = None  # "X 5 năm tù, các thuộc cấp … 3 năm (án treo)": another's outcome
        if outcome is not None and duration is not None and any(
            p.kind == "person" for p in _entities(norm, found, duration.end, outcome.start())
        ):
            outcome = None  # "tuyên phạt A 20 năm tù, B tù chung thân": B's own outcome
        if duration is not None and alternatives(norm, duration.end, limit):
            outcome = None  # "phạt tù 20 năm, tù chung thân hoặc tử hình": the law's alternatives
        # "tuyên phạt các bị cáo tổng cộng 15 năm tù" (in total): a sum of sentences, no one's
        if duration is not None and _is_total(norm, trigger.end, duration):
            return []
        term_first = duration is not None and (fine is None or duration.start < fine.start)
        if term_first or (outcome is not None and fine is None):
            kind = "prison" if outcome is None else _value("outcome", outcome.group())  # type: ignore[assignment]
            term = duration if kind in ("prison", "suspended_prison") else None
            value_end = max(term.end if term else 0, outcome.end() if outcome else 0)
        elif fine is not None:
            kind, money = "fine", fine.money
            # "xử lý 144 trường hợp vi phạm, với số tiền phạt …": the cases counted were fined
            if fine.violations is not None:
                counted = Party(text=fine.violations.text, start=fine.violations.start,
                                end=fine.violations.end, kind="count", count=fine.violations)  # fmt: skip
            used.add(fine.start)
            value_end = fine.end
        elif " ".join(trigger.text.casefold().split()) in _table()["fine_alone"]:
            kind = "fine"  # "Công ty X bị xử phạt vi phạm hành chính": checked below (a target)
        else:
            return []  # "phạt tù" said in general, a bare "phạt" with no amount: no event here
    else:
        noun = _pattern("award").search(norm, *after)
        name = _AWARD_NAME.match(norm, noun.end()) if noun else None
        award = _phrase(norm, noun.start(), name.end()) if noun and name else None
        counts = _inside(found.counts, *after)
        recipients = tuple(
            Party(text=c.text, start=c.start, end=c.end, kind="count", count=c) for c in counts
        ) or tuple(_entities(norm, found, award.end if award else after[0], after[1]))
        if award is None and (kind_of_trigger == "award_with_noun" or not counts):
            return []  # "tặng quà" (give gifts), "khen thưởng" with no one counted
        kind = "award"
        value_end = max([trigger.end, *(r.end for r in recipients), *([award.end] if award else [])])
    # who: passive "X bị Y <trigger>", else active "Y <trigger> X"
    passive = None
    for passive in _PASSIVE.finditer(norm, clause[0], trigger.start):  # noqa: B007 - the nearest one
        pass
    if passive is not None:
        # "Vụ việc bị phanh phui, VKSND Hà Nội buộc thôi việc …": a name after a comma between
        # "bị" and the trigger is the subject of an active trigger
        comma = _last_comma(norm, passive.end(), trigger.start)
        # rule ``passive_of_the_verb_before``: "5 người bị tuyên tử hình, 6 người lĩnh án chung
        # thân" — "bị" is the first verb's; after a comma following it, a verb of receiving has
        # its own subject
        own_subject = kind_of_trigger == "sentence_received" and _pattern("trigger").search(
            norm, passive.end(), max(comma, passive.end())
        )
        if comma >= 0 and (_entities(norm, found, comma, trigger.start) or own_subject):
            passive = None
    target: Party | None
    authority: Party | None
    following: list[Party] = []  # the names listed after "đối với" (towards)
    if passive is not None:
        subject_at = _joined_subject_start(norm, clause[0], passive.start())
        target = _party_before(norm, found, subject_at, passive.start())
        subset = None
        for subset in _SUBSET.finditer(norm, clause[0], passive.start()):  # noqa: B007 - the last one
            pass
        if subset is not None:  # "(trong đó 3 bị cáo được hưởng án treo)": the subset is the target
            target = _party_before(norm, found, subset.end(), passive.start()) or target
        # "Vụ án được TAND đưa ra xét xử và tuyên phạt bà Út 20 năm tù": the case is passive,
        # the person sentenced follows the trigger
        first_value = min([x.start for x in (money, term) if x is not None], default=trigger.end)
        named_after = [p for p in _entities(norm, found, trigger.end, first_value) if p.kind == "person"]
        if named_after:
            target = named_after[0]
        between = _entities(norm, found, passive.end(), trigger.start)
        authority = between[0] if between else _group(norm, passive.end(), trigger.start)
        others = list(_pattern("trigger").finditer(norm, passive.end(), trigger.start))
        if others:
            # "bị treo giò 3 trận và phạt 20 triệu đồng": "bị" is the other verb's; an organisation
            # after that verb is this one's ("được HĐXX xử phạt mức án chung thân (trước đó VKS đề
            # nghị tử hình)" = the prosecutor had demanded death)
            own = _entities(norm, found, others[-1].end(), trigger.start)
            authority = next((e for e in reversed(own) if e.kind == "organization"), None)
    else:
        before = _entities(norm, found, clause[0], trigger.start)
        # rule ``possessor_is_no_subject``: "HĐXX chấp nhận đề nghị của VKS, tuyên phạt A …" (accepts
        # the prosecutor's proposal, sentences A): a name after "của" (of) owns a noun, it does not
        # act; the subject stands before it
        subjects = [e for e in before if not _POSSESSOR.search(norm, max(clause[0], e.start - 20), e.start)
                    and not _no_authority(e)]  # fmt: skip
        authority = subjects[-1] if subjects else None
        if authority is None:
            # "Tòa án tuyên phạt" (the court), also after a comma: "Sau khi nghị án, HĐXX tuyên
            # phạt" (after deliberating, the trial panel sentences); the clause's subject before
            # a possessor's comma: "HĐXX bác đề nghị của luật sư, tuyên phạt …"
            group = _group(norm, clause[0], trigger.start)
            authority = group if group is not None and _names_an_authority(group.text) else None
            if authority is None:
                authority = _opening_authority(norm, clause[0], before[0].start if before else trigger.start)
        target = None
        if kind_of_trigger == "sentence_received" or paid:  # "X lĩnh án 7 năm tù": X receives it
            # "Tòa tuyên phạt A 5 năm tù, hai đồng phạm nhận mức án 2 năm": who stands after the
            # comma, a name or a noun phrase
            comma = _last_comma(norm, clause[0], trigger.start)
            after_comma = [e for e in before if e.start > comma]
            if after_comma:
                target = after_comma[-1]
            elif comma < 0:
                # "Em trai của y phải bóc lịch 26 năm": no name, the noun phrase (younger brother)
                target = authority or _group(norm, clause[0], trigger.start)
            else:
                target = _group(norm, comma + 1, trigger.start)
                if target is None and before and _APPOSITION.fullmatch(norm, before[0].end, comma + 1):
                    # "Nguyễn Văn Dũng, nguyên đội trưởng đội tàu, lãnh 8 năm tù": the name before
                    # its apposition (nothing but the verb after the last comma)
                    target = before[0]
                elif target is None and before and _elided_subject(norm, clause[0], before[0], comma):
                    target = before[0]
            if kind in _SENTENCES and (target is None or target.kind == "organization"):
                target = _counted_opening(norm, clause[0], trigger.start) or target
            authority = None
            # rule ``compelled_to_pay``: "Tòa còn tuyên buộc bị cáo A nộp phạt 10 triệu đồng" (the
            # court also orders A to pay a fine): who compels is the authority
            compelled = _COMPELLED.search(norm, clause[0], target.start if target else trigger.start)
            if paid and compelled is not None:
                orders = [e for e in before if e.end <= compelled.start() and e.kind == "organization"]
                authority = orders[-1] if orders else _opening_authority(norm, clause[0], compelled.start())
        elif kind != "award":
            # "tuyên án tử hình bị cáo X": the outcome right after the trigger is not the target
            begin = trigger.end
            if outcome is not None and _OUTCOME_LEAD.fullmatch(norm, trigger.end, outcome.start()):
                begin = outcome.end()
            # an outcome after the target ends it: "tuyên phạt bị cáo tù chung thân", "tuyên phạt
            # vị luật sư này mức án chung thân" (this lawyer)
            stated_at = outcome.start() if outcome is not None and kind in _OUTCOMES else -1
            values = [x.start for x in (money, term) if x is not None]
            values += [stated_at] if stated_at >= begin else []
            first_value = min(values, default=after[1])
            if kind in _STANDALONE_KINDS:  # "đình chỉ công tác ông A, …": the target before a comma
                comma = norm.find(",", trigger.end, first_value)
                first_value = comma if comma >= 0 else first_value
            # "cách chức một số cán bộ tại UBND P.15" (officers at the ward's committee): the
            # organisation after "tại" (at) is where they work, not the one dismissed
            workplace = _WORKPLACE.search(norm, begin, first_value)
            if workplace is not None and kind in _STANDALONE_KINDS:
                there = _entities(norm, found, workplace.end(), first_value)
                if there and there[0].start == workplace.end() and there[0].kind == "organization":
                    first_value = workplace.start()
            people = _entities(norm, found, begin, first_value)
            target = people[0] if people else _group(norm, begin, first_value)
            if kind in _STANDALONE_KINDS and target is not None and target.kind == "group":
                # after these triggers a name or a counted group ("đình chỉ công tác 6 cán bộ" =
                # 6 officers, "một số cán bộ" = some officers), not "trong 3 tháng" (for 3
                # months) nor "chức vụ" (the office)
                target = target if target.text[:1].isdigit() or _SOME.match(target.text) else None
            toward = _toward(norm, found, trigger.end, clause[1], anywhere=True)
            # "bãi nhiệm … đối với ông Đinh Văn Khôi", "tuyên y án sơ thẩm 10 năm tù đối với X" (a
            # noun phrase after the trigger is no one when a name follows "đối với")
            named_first = target is not None and target.kind != "group"
            if toward is not None and (kind in _STANDALONE_KINDS or not named_first):
                target = toward
                following = _following(norm, found, toward)  # "đối với 3 ông bà: A, B, C"
    if authority is not None and _no_authority(authority):
        authority = None  # "bị cảnh cáo về mặt Đảng, cách chức …": the Party is where, not who
    if kind in _SENTENCES and authority is not None and authority.kind == "person":
        # a court, its panel or a prosecutor passes a sentence, not a person: "TAND TPHCM đã tuyên
        # án Lý Thu Trang …, xử phạt bị cáo Hạnh 2 năm tù cho hưởng án treo" (Trang is the one
        # sentenced before); "HĐXX tuyên phạt Thái 9 năm tù, … so với đề nghị 18-20 năm của VKS"
        authority = None
    if kind in _SENTENCES and passive is None and authority is not None:
        authority = _demanding(norm, found, clause[0], trigger) or authority
    if kind in _SENTENCES and _is_demand(trigger):
        # "đề nghị 18-20 năm của VKS" (the demand of the prosecutor): who demands it, after the value
        owner = _OWNER.match(norm, value_end, clause[1])
        demanding = _entities(norm, found, owner.end(), clause[1]) if owner is not None else []
        if owner is not None and demanding and demanding[0].start == owner.end():
            authority = demanding[0] if demanding[0].kind == "organization" else authority
    if kind in _STANDALONE_KINDS and target is None and authority is None:
        return []  # "Ấn Độ cấm hoạt động xây dựng": a policy, no one sanctioned
    if target is None:
        target = _toward(norm, found, value_end, clause[1]) or counted
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
        return [event]
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
_SUBSET = regex.compile(r"(?<![\p{L}])trong\ +đó(?![\p{L}])", regex.I)
# "buộc" (compel), "tuyên buộc" (order): who pays a fine was made to
_COMPELLED = regex.compile(r"(?<![\p{L}])buộc(?![\p{L}])", regex.I)
# "của" (of) before a name: its possessor, no actor ("đề nghị của VKS" = the prosecutor's demand);
# "của đại diện VKS" (of the representative of)
_POSSESSOR = regex.compile(r"(?<![\p{L}])của\ +(?:đại\ +diện\ +)?$", regex.I)


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
            # "đình chỉ công tác và khai trừ Đảng ông A": the first measure is A's too
            lent = _lend_targets(norm, earlier, trigger, stated)
            if lent:
                events = [e for e in events if all(e is not x for x in earlier)] + lent
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
    appeals = appeal_events(text, found, list(_clauses(text)))
    taken = {e.term.start if e.term else e.trigger.start for e in appeals}
    events = [e for e in events if (e.term.start if e.term else e.trigger.start) not in taken] + appeals
    events.sort(key=lambda e: e.start)
    events = with_charges(text, found, _with_courts(found, _deduplicate(events), norm))
    return attrs.evolve(given, events=tuple(events))
