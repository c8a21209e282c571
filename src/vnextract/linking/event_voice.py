"""Who an event is for and who decides it, by the voice of its clause.

- passive, "X bị Y xử phạt …" (X is fined by Y): the target before "bị", the authority between;
- active, "Y tuyên phạt X 18 năm tù": the authority before the trigger, the target after it;
- received, "X lĩnh án 7 năm tù" (X receives a sentence), "nộp phạt" (pays a fine): the one
  before the trigger is the target.

``event_stated`` reads what the trigger states; ``events`` puts the event together.
"""

from __future__ import annotations

import attrs
import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.linking.event_authorities import _names_an_authority, _no_authority, _opening_authority
from vnextract.linking.event_lists import _following
from vnextract.linking.event_spans import _entities, _last_comma
from vnextract.linking.event_stated import EXTREMES, Stated
from vnextract.linking.event_table import _OUTCOME_LEAD, _OUTCOMES, _SENTENCES, _STANDALONE_KINDS, _pattern
from vnextract.linking.event_targets import (
    _PASSIVE,
    _counted_opening,
    _elided_subject,
    _fronted_toward,
    _group,
    _joined_subject_start,
    _party_before,
    _toward,
)
from vnextract.mentions import Mentions
from vnextract.records import Party, Phrase

__all__ = ["Parties", "parties"]

# "của" (of) the one who demands a sentence, right after its value: "đề nghị 18-20 năm của VKS"
_OWNER = lazy_compile(r"\ *(?:\([^()]{0,40}\)\ *)?của\ +(?:đại\ +diện\ +)?", regex.I)
# "tại" (at) before a workplace: "cán bộ tại UBND P.15"
_WORKPLACE = lazy_compile(r"(?<![\p{L}])tại\ +", regex.I)
# a quantity opening a group: "một số" (some), "nhiều" (many), "các" (the …s) (grammar: the
# plural quantifiers)
_SOME = lazy_compile(r"(?:một\ +số|nhiều|các|những)\ ", regex.I)
# a demand before the sentencing verb: "đề nghị" (propose), "đề xuất", "kiến nghị" (recommend);
# not "theo đề nghị" (at the proposal of: the decision is taken)
_DEMAND = lazy_compile(r"(?<![\p{L}])(?<!theo\ )(?:đề\ +nghị|đề\ +xuất|kiến\ +nghị)(?![\p{L}])", regex.I)


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
_APPOSITION = lazy_compile(r"\ *(?:\([^()]{0,60}\)\ *)?,[^,;]{1,80},", regex.I)

# "trong đó" (of whom, among them): a subset of the ones named before
_SUBSET = lazy_compile(r"(?<![\p{L}])trong\ +đó(?![\p{L}])", regex.I)
# "buộc" (compel), "tuyên buộc" (order): who pays a fine was made to
_COMPELLED = lazy_compile(r"(?<![\p{L}])buộc(?![\p{L}])", regex.I)
# "của" (of) before a name: its possessor, no actor ("đề nghị của VKS" = the prosecutor's demand);
# "của đại diện VKS" (of the representative of)
_POSSESSOR = lazy_compile(r"(?<![\p{L}])của\ +(?:đại\ +diện\ +)?$", regex.I)


# a subordinate clause's opener: "sau khi" (after), "trước khi" (before), "khi" (when) (grammar:
# the subordinating conjunctions of time)
_SUBORDINATOR = lazy_compile(r"(?<![\p{L}])(?:(?:sau|trước)\ +)?khi(?![\p{L}])", regex.I)


def _named_after_trigger(norm: str, found: Mentions, trigger: Phrase, end: int) -> bool:
    """Whether a person or organisation is named after ``trigger`` in its clause (up to ``end``)."""
    return any(p.kind in ("person", "organization") for p in _entities(norm, found, trigger.end, end))


# the kinds an office holder receives: not a licence's ("thu hồi giấy phép lái xe" = revoke the
# driving licence: "lái xe" = driver is the licence's kind, no one)
_OFFICE_KINDS = frozenset({"suspension", "ban", "expulsion"})


def _office_holder(norm: str, found: Mentions, begin: int, end: int) -> Party | None:
    """Rule ``office_holder_target``: the holder of an office named by its title right after a
    suspension, ban or dismissal, unnamed: "Đình chỉ công tác giám đốc Sở Xây dựng" (suspend the
    director of the construction department) — the director, not the department; "cách chức phó
    trưởng công an huyện" (dismiss the deputy police chief)."""
    at = begin
    while at < end and norm[at] == " ":
        at += 1
    title = next((t for t in found.titles if t.start == at and t.end <= end), None)
    if title is None:
        return None
    # the holder named right after the title is the one: "cách chức chủ tịch UBND xã A Nguyễn Văn B"
    holder = [p for p in _entities(norm, found, title.end, end) if p.kind == "person"]
    if holder and not norm[title.end : holder[0].start].strip(" ,"):
        return holder[0]
    return Party(text=title.text, start=title.start, end=title.end, kind="group")


@attrs.frozen(kw_only=True)
class Parties:
    """Who an event is for and who decides it."""

    passive: regex.Match[str] | None  # the "bị"/"được" of a passive clause
    target: Party | None
    authority: Party | None
    following: list[Party]  # the names listed after "đối với" (towards)


def parties(norm: str, found: Mentions, clause: tuple[int, int], trigger: Phrase, stated: Stated) -> Parties:
    """The target and authority of what ``trigger`` states in ``clause``, by the clause's voice:
    "Công ty X bị Sở Y xử phạt" (passive), "TAND tỉnh A tuyên phạt B 5 năm tù" (active), "B lĩnh
    án 5 năm tù" (received)."""
    kind_of_trigger, kind, paid = stated.kind_of_trigger, stated.kind, stated.paid
    money, term, outcome = stated.money, stated.term, stated.outcome
    after, value_end = stated.after, stated.value_end
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
        # rule ``subordinate_clause``: "Các quyết định này được công bố sau khi Tỉnh ủy cách chức
        # … đối với ông A" (were announced after the committee dismissed Mr A): "được" is the main
        # verb's; a clause opened by "sau khi" (after), "trước khi" (before), "khi" (when) has its
        # own subject, and the one it names after the trigger is the target
        opener = _SUBORDINATOR.search(norm, passive.end(), trigger.start) if passive is not None else None
        if opener is not None and _named_after_trigger(norm, found, trigger, clause[1]):
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
        fronted = _fronted_toward(norm, found, clause[0], trigger.start)
        opening = fronted[1] if fronted is not None else clause[0]  # the subject follows its comma
        before = _entities(norm, found, opening, trigger.start)
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
            group = _group(norm, opening, trigger.start)
            authority = group if group is not None and _names_an_authority(group.text) else None
            if authority is None:
                authority = _opening_authority(norm, opening, before[0].start if before else trigger.start)
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
            # "tuyên phạt 12 bị cáo mức án thấp nhất là 3 năm tù, cao nhất là 20 năm tù": the group
            # ends where its extremes begin (rule ``group_extremes``)
            extremes = EXTREMES.search(norm, begin, first_value)
            first_value = extremes.start() if extremes is not None else first_value
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
            if kind in _OFFICE_KINDS and (target is None or target.kind == "organization"):
                target = _office_holder(norm, found, begin, first_value) or target
            if target is None and kind in _SENTENCES:
                # "Tuyên án tử hình 2 bị cáo vận chuyển 100 bánh heroin": the counted defendants
                # opening a description too long for a noun phrase (rule ``counted_defendants_opening``)
                target = _counted_opening(norm, begin, first_value)
            toward = _toward(norm, found, trigger.end, clause[1], anywhere=True)
            # "bãi nhiệm … đối với ông Đinh Văn Khôi", "tuyên y án sơ thẩm 10 năm tù đối với X" (a
            # noun phrase after the trigger is no one when a name follows "đối với")
            named_first = target is not None and target.kind != "group"
            if toward is not None and (kind in _STANDALONE_KINDS or not named_first):
                target = toward
                following = _following(norm, found, toward)  # "đối với 3 ông bà: A, B, C"
            if fronted is not None and kind in _SENTENCES and (target is None or target.kind == "group"):
                # "Đối với bị cáo A, HĐXX tuyên phạt …": A (a sentence's: a fine's fronted
                # organisation would be read as a list with its authority after the comma)
                target = fronted[0]
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
    return Parties(passive=passive, target=target, authority=authority, following=following)
