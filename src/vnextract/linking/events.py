"""Linking step: sanctions and awards as Event records (who, by whom, how much, for what).

One clause at a time (a sentence cut at ";"), from a trigger word of ``data/event_triggers.tsv``:

- fine: "Công ty X bị Ủy ban Y xử phạt 350 triệu đồng do có hành vi …" — the money is the Fine
  the fines linker found after the trigger, so ``fines`` and the fine events stay in step;
- prison terms: "bị TAND TP Cần Thơ tuyên phạt 18 năm tù về tội …" — the Duration after the
  trigger; "án treo" (suspended) after it makes a suspended_prison, "tù chung thân" a life_prison,
  "tử hình" a death sentence; a bare "phạt tù" with no term is no event;
- award: "Tuyên dương 13 tập thể và 24 cá nhân", "Sở TTTT đã tặng Giấy khen cho 13 tập thể" —
  the counted recipients and the award's noun after the trigger ("tặng" = give needs the noun).

Passive clauses ("X bị Y xử phạt"): the target stands before "bị", the authority between "bị" and
the trigger. Active ones ("Y tuyên phạt X 18 năm tù"): the authority before, the target after.
The reason is the phrase opened by "do/vì/về tội/có thành tích …" after the trigger, up to the
next comma. A "có thể" (may), "sẽ bị", "tối đa" … before the trigger, or a range of money, makes
the status "possible". Events telling the same fact (a headline and its body) are kept once.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from typing import TypeVar

import attrs
import regex

from vnextract.lexicon import key, load_tsv, org_heads
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

# how far after a trigger its value (money, term, award, recipients) may stand (characters)
_VALUE_WINDOW = 120
# how far after a term its outcome may stand: "3 năm tù nhưng cho hưởng án treo" (characters)
_OUTCOME_REACH = 30
# a target named by a bare noun phrase ("tài xế" = driver) has at most this many words
_GROUP_WORDS = 6
# what may close a phrase: "(Lazada)", "50%", a quoted charge: về tội “Giết người”
_CLOSERS = frozenset(')%”"»’')
_CLAUSE_END = regex.compile(r"[;\n]")
# "bị" (passive) and "được" (passive, good things); not "bị cáo"/"bị can" (defendant, accused)
# nor a "được" closing a phrase ("nhắc nhở không được," = reminding did not work)
_PASSIVE = regex.compile(
    r"(?<![\p{L}])(?:bị|được)(?!\ +(?:cáo|can|hại)(?![\p{L}]))(?![\p{L}])(?!\ *[,.;:])", regex.I
)
# words opening the noun phrase of a target that are not part of it ("đã" = already, "cũng" = also)
_HEDGES = regex.compile(r"^(?:(?:có\ thể|sẽ|đã|cũng|vừa|mới|liền|thì|là|và|nhưng)(?:\ +|$))+", regex.I)
# ... and closing it before "bị" ("tài xế có thể bị phạt": the driver may be fined)
_TRAILING_HEDGES = regex.compile(
    r"(?:\ +(?:có\ thể|sẽ|đã|cũng|vừa|mới|đều|không|chưa|chỉ|thì|còn))+$", regex.I
)


# the name after an award's noun: "Huân chương Lao động hạng Ba" (Labour Order, third class)
_AWARD_NAME = regex.compile(
    r"""(?:\ +\p{Lu}\p{Ll}*(?:\ +\p{Ll}+)?)*         # "Lao động": a capital, then lower case
        (?:\ +hạng\ +(?:Nhất|Nhì|Ba|I{1,3}|[1-3]))?  # "hạng Ba" (third class)""",
    regex.VERBOSE,
)


@functools.cache
def _table() -> dict[str, dict[str, str]]:
    """role → {phrase (casefolded): value} from data/event_triggers.tsv."""
    table: dict[str, dict[str, str]] = {}
    for row in load_tsv("event_triggers.tsv"):
        table.setdefault(row["role"], {})[row["phrase"].casefold()] = row["value"]
    return table


@functools.cache
def _pattern(role: str) -> regex.Pattern[str]:
    """The phrases of one role as whole words, longest first ("tuyên phạt" before "phạt")."""
    phrases = sorted(_table()[role], key=len, reverse=True)
    body = "|".join(r"\ +".join(map(regex.escape, p.split())) for p in phrases)
    return regex.compile(rf"(?<![\p{{L}}])(?:{body})(?![\p{{L}}])", regex.IGNORECASE)


def _value(role: str, phrase: str) -> str:
    return _table()[role][" ".join(phrase.casefold().split())]


def _clauses(text: Text) -> Iterator[tuple[int, int]]:
    """(start, end) of every clause: each sentence cut at ";" and line ends."""
    norm = text.normalized
    for sentence in text.sentences:
        start = sentence.start
        for stop in _CLAUSE_END.finditer(norm, sentence.start, sentence.end):
            if stop.start() > start:
                yield start, stop.start()
            start = stop.end()
        if sentence.end > start:
            yield start, sentence.end


def _phrase(norm: str, start: int, end: int) -> Phrase | None:
    """The span [start, end) trimmed of spaces and punctuation at its edges, or None if empty."""
    while start < end and not (norm[start].isalnum()):
        start += 1
    while end > start and not (norm[end - 1].isalnum() or norm[end - 1] in _CLOSERS):
        end -= 1
    return Phrase(text=norm[start:end], start=start, end=end) if end > start else None


_R = TypeVar("_R", bound=Span)


def _inside(records: Sequence[_R], start: int, end: int) -> list[_R]:
    return [r for r in records if start <= r.start and r.end <= end]


def _entities(norm: str, found: Mentions, start: int, end: int) -> list[Party]:
    """Persons (by any mention of them: "ông Liêm") and organisations in [start, end), in order."""
    parties = [
        Party(text=o.text, start=o.start, end=o.end, kind="organization", name=o.name)
        for o in found.organizations
        if start <= o.start and o.end <= end
    ]
    for person in found.persons:
        for m_start, m_end in person.mentions or ((person.start, person.end),):
            if start <= m_start and m_end <= end:
                parties.append(
                    Party(text=norm[m_start:m_end], start=m_start, end=m_end, kind="person", name=person.name)
                )
    return sorted(parties, key=lambda p: (p.start, p.end))


def _group(norm: str, start: int, end: int) -> Party | None:
    """A short noun phrase in [start, end) after its last comma, without hedges ("có thể")."""
    comma = norm.rfind(",", start, end)
    phrase = _phrase(norm, comma + 1 if comma >= 0 else start, end)
    if phrase is None:
        return None
    hedge = _HEDGES.match(phrase.text)
    if hedge:
        phrase = _phrase(norm, phrase.start + hedge.end(), phrase.end)
    trailing = _TRAILING_HEDGES.search(phrase.text) if phrase else None
    if phrase is not None and trailing is not None:
        phrase = _phrase(norm, phrase.start, phrase.start + trailing.start())
    if phrase is None or len(phrase.text.split()) > _GROUP_WORDS:
        return None
    return Party(text=phrase.text, start=phrase.start, end=phrase.end, kind="group")


def _names_an_authority(phrase: str) -> bool:
    """Whether a bare phrase opens with an organisation head ("Tòa án", "Cơ quan …") or an
    authority of the table ("HĐXX", "Chủ tịch nước"): not "Theo đó mức" (accordingly, the level)."""
    words = key(phrase[:1].upper() + phrase[1:])
    heads = org_heads()
    authorities = _table()["authority"]
    openings = (words[:n] for n in range(1, min(4, len(words)) + 1))
    return any(opening in heads or " ".join(opening).casefold() in authorities for opening in openings)


def _party_before(norm: str, found: Mentions, start: int, end: int) -> Party | None:
    """Who stands in [start, end): the first entity after its last comma (else the first of
    all), or a short noun phrase ("tài xế")."""
    entities = _entities(norm, found, start, end)
    if entities:
        comma = norm.rfind(",", start, end)
        after = [e for e in entities if e.start > comma]
        return after[0] if after else entities[0]
    return _group(norm, start, end)


def _status(norm: str, start: int, trigger: Phrase, money: Money | None, term: Duration | None) -> str:
    """ "possible" after "có thể" (may), "sẽ bị" …, or for a range: the law's bracket."""
    before = norm[start : trigger.start]
    ranged = (money and money.amount_to is not None) or (term and term.value_to is not None)
    if _pattern("status").search(before) or ranged:
        return "possible"
    return "imposed"


def _reason(norm: str, start: int, end: int) -> Phrase | None:
    """The first "do/vì/về tội …" phrase in [start, end), up to the next comma."""
    cue = _pattern("reason").search(norm, start, end)
    if cue is None:
        return None
    comma = norm.find(",", cue.end(), end)
    return _phrase(norm, cue.start(), comma if comma >= 0 else end)


def _is_prison_term(norm: str, duration: Duration) -> bool:
    """ "18 năm tù" (the recogniser keeps "tù" = prison in the span) or "18 năm tù giam"."""
    return regex.search(r"(?<![\p{L}])tù(?![\p{L}])", duration.text) is not None or bool(
        regex.match(r"\ +tù(?![\p{L}])", norm[duration.end : duration.end + 4])
    )


# what may stand between a sentence word and its term: "phạt tù đến 7 năm" (up to 7 years)
_BRACKET_WORDS = regex.compile(r"\ *(?:(?:lên\ +)?(?:đến|tới)\ +|mức\ +)?", regex.I)


def _right_after(norm: str, trigger: Phrase, duration: Duration) -> bool:
    """A term right after a sentence word is its term, "tù" (prison) or not: "lãnh án 13 năm",
    "bị phạt tù từ 2 đến 7 năm"."""
    return _BRACKET_WORDS.fullmatch(norm, trigger.end, duration.start) is not None


def _event_in(
    norm: str, found: Mentions, clause: tuple[int, int], trigger: Phrase, limit: int, used: set[int]
) -> Event | None:
    """The event a trigger states, its values looked for between the trigger and ``limit``."""
    kind_of_trigger = _value("trigger", trigger.text)
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
        return None  # "hình phạt" (penalty, the noun), "trao đổi" (to discuss)
    if kind_of_trigger in ("fine", "sentence", "sentence_received"):
        fine = next((f for f in _inside(found.fines, *after) if f.start not in used), None)
        duration = next(
            (d for d in _inside(found.durations, *after)
             if _is_prison_term(norm, d) or (kind_of_trigger != "fine" and _right_after(norm, trigger, d))),
            None,
        )  # fmt: skip
        # a sentence word may state the outcome alone ("tuyên phạt tử hình"); after a fine word
        # only with a term ("bị phạt 2 năm tù nhưng cho hưởng án treo")
        outcome = _pattern("outcome").search(norm, trigger.start, limit)
        if outcome is not None and kind_of_trigger == "fine" and duration is None:
            outcome = None
        if outcome is not None and duration is not None and outcome.start() - duration.end > _OUTCOME_REACH:
            outcome = None  # "X 5 năm tù, các thuộc cấp … 3 năm (án treo)": another's outcome
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
        else:
            return None  # "phạt tù" said in general, "xử phạt" with no amount: no event here
    else:
        noun = _pattern("award").search(norm, *after)
        name = _AWARD_NAME.match(norm, noun.end()) if noun else None
        award = _phrase(norm, noun.start(), name.end()) if noun and name else None
        counts = _inside(found.counts, *after)
        recipients = tuple(
            Party(text=c.text, start=c.start, end=c.end, kind="count", count=c) for c in counts
        ) or tuple(_entities(norm, found, award.end if award else after[0], after[1]))
        if award is None and (kind_of_trigger == "award_with_noun" or not counts):
            return None  # "tặng quà" (give gifts), "khen thưởng" with no one counted
        kind = "award"
        value_end = max([trigger.end, *(r.end for r in recipients), *([award.end] if award else [])])
    # who: passive "X bị Y <trigger>", else active "Y <trigger> X"
    passive = None
    for passive in _PASSIVE.finditer(norm, clause[0], trigger.start):  # noqa: B007 - the nearest one
        pass
    target: Party | None
    authority: Party | None
    if passive is not None:
        target = _party_before(norm, found, clause[0], passive.start())
        # "Vụ án được TAND đưa ra xét xử và tuyên phạt bà Út 20 năm tù": the case is passive,
        # the person sentenced follows the trigger
        first_value = min([x.start for x in (money, term) if x is not None], default=trigger.end)
        named_after = [p for p in _entities(norm, found, trigger.end, first_value) if p.kind == "person"]
        if named_after:
            target = named_after[0]
        between = _entities(norm, found, passive.end(), trigger.start)
        authority = between[0] if between else _group(norm, passive.end(), trigger.start)
    else:
        before = _entities(norm, found, clause[0], trigger.start)
        authority = before[-1] if before else None
        if authority is None and "," not in norm[clause[0] : trigger.start]:
            group = _group(norm, clause[0], trigger.start)  # "Tòa án tuyên phạt" (the court)
            authority = group if group is not None and _names_an_authority(group.text) else None
        target = None
        if kind_of_trigger == "sentence_received":  # "X lĩnh án 7 năm tù": X receives it
            target, authority = authority, None
        elif kind != "award":
            first_value = min([x.start for x in (money, term) if x is not None], default=after[1])
            # "tuyên án tử hình bị cáo X": the outcome right after the trigger is not the target
            begin = trigger.end
            if outcome is not None and not norm[trigger.end : outcome.start()].strip():
                begin = outcome.end()
            people = _entities(norm, found, begin, first_value)
            target = people[0] if people else _group(norm, begin, first_value)
    if target is None:
        target = counted
    reason = _reason(norm, trigger.end, clause[1])
    # a date inside the reason dates the deed, not the event ("thành tích … giai đoạn 2011-2015")
    in_reason = (reason.start, reason.end) if reason else (0, 0)
    dates = [d for d in _inside(found.dates, *clause) if not in_reason[0] <= d.start < in_reason[1]]
    named = [p for p in (target, authority, reason, money, term, award) if p is not None]
    parts: list[Span] = [trigger, *named, *recipients]
    start = min(p.start for p in parts)
    end = max([value_end, *(p.end for p in parts)])
    return Event(
        text=norm[start:end],
        start=start,
        end=end,
        kind=kind,
        trigger=trigger,
        status=_status(norm, clause[0], trigger, money, term),  # type: ignore[arg-type]
        target=target,
        recipients=recipients,
        authority=authority,
        reason=reason,
        money=money,
        term=term,
        award=award,
        date=dates[0] if dates else None,
    )


def _fact(event: Event) -> tuple[object, ...] | None:
    """What makes two events the same fact: kind and value (None: nothing to tell them by)."""
    values = (
        event.money.amount if event.money else None,
        event.term.iso if event.term else None,
        tuple(sorted(str(r.count.value) + (r.count.unit or "") for r in event.recipients if r.count)),
    )
    return (event.kind, *values) if any(values) else None


def _completeness(event: Event) -> int:
    return sum(x is not None for x in (event.target, event.authority, event.reason, event.award, event.date))


def _deduplicate(events: list[Event]) -> list[Event]:
    """One event per fact: a headline and the body telling the same award keep the fuller one."""
    best: dict[tuple[object, ...], Event] = {}
    for event in events:
        fact = _fact(event)
        if fact is None:
            continue
        if fact not in best or _completeness(event) > _completeness(best[fact]):
            best[fact] = event
    keep = {id(e) for e in best.values()}
    return [e for e in events if _fact(e) is None or id(e) in keep]


def link(text: Text, found: Mentions) -> Mentions:
    """Return ``found`` with an Event for every sanction or award its clauses state.

    >>> from vnextract.pipeline import extract
    >>> event = extract("Bị cáo Nguyễn Văn Hùng bị TAND TP Cần Thơ tuyên phạt 18 năm tù về tội "
    ...                 "lừa đảo chiếm đoạt tài sản.").events[0]
    >>> event.kind, event.target.text, event.authority.text, event.term.iso, event.reason.text
    ('prison', 'Nguyễn Văn Hùng', 'TAND TP Cần Thơ', 'P18Y', 'về tội lừa đảo chiếm đoạt tài sản')
    """
    norm = text.normalized
    events: list[Event] = []
    used: set[int] = set()  # starts of the Fines an event has taken
    for clause in _clauses(text):
        triggers = [_phrase(norm, m.start(), m.end()) for m in _pattern("trigger").finditer(norm, *clause)]
        for index, trigger in enumerate(triggers):
            if trigger is None:
                continue
            following = triggers[index + 1 :]
            limit = next((t.start for t in following if t is not None), clause[1])
            event = _event_in(norm, found, clause, trigger, limit, used)
            if event is not None:
                events.append(event)
    return attrs.evolve(found, events=tuple(_deduplicate(events)))
