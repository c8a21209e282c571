"""Lists of defendants each with their own value, read as one whole (rule ``values_after_names``).

Court reports list the sentences of a case after one verb, each name followed by its own term or
outcome, often in parentheses:

- "tuyên phạt các bị cáo A (20 năm tù), B (15 năm tù), C (3 năm tù cho hưởng án treo)";
- "y án sơ thẩm đối với A (tử hình) và B (chung thân)";
- "tuyên phạt A, B mỗi người 7 năm tù; C 2 năm tù nhưng cho hưởng án treo" (each; but suspended);
- "Các bị cáo khác gồm A 5 năm tù, B 3 năm tù treo" (the others, including …: no verb);
- "tuyên phạt A, B mức án 16 và 12 năm tù" (the values listed after the names, in order).

The clause's own events are read one trigger at a time and lose such lists (one event for the
first name, every name given the first outcome, a suspended sentence read twice). Here the list is
read item by item — names joined by "," or "và" (and), then their value — and, when it holds two
items or more (or values listed as many as the names), its events replace the sentences the
clause's triggers had read over the same names and values; the authority, status and date are
theirs.

Rule ``listed_terms``: numbers listed before one unit ("16 và 12 năm tù", "9, 7 và 5 năm tù")
are as many terms, the unit the last one's; the events linker reads them beside the recognised
Durations (``Document.durations`` is unchanged), so "A và B lần lượt lĩnh 15 và 12 tháng tù"
(respectively) is paired by ``event_respectively`` too.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple

import attrs
import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon.words import alternation
from vnextract.linking.event_lists import _respan
from vnextract.linking.event_names import list_people
from vnextract.linking.event_reasons import _reason
from vnextract.linking.event_spans import _entities, _outcome_trigger, _phrase
from vnextract.linking.event_status import _status, _status_start
from vnextract.linking.event_table import _SENTENCES, _pattern, _value, phrases_in
from vnextract.linking.event_terms import _is_prison_term
from vnextract.mentions import Mentions
from vnextract.records import Duration, Event, EventKind, Fine, Party, Phrase, Span
from vnextract.text import Text

__all__ = ["mixed_ranges", "value_lists", "with_listed_terms"]

# numbers listed before the term that carries their unit: "16 và 12 năm tù", "9, 7 và 5 năm"
# (the last number is the Duration's own)
_LISTED_NUMBERS = lazy_compile(r"(?<![\p{L}\d.,/])(\d{1,2})((?:\ *,\ *\d{1,2})*)\ *,?\ *và\ +$", regex.I)
# how many characters before a Duration such a list may reach
_LISTED_REACH = 40


def with_listed_terms(norm: str, found: Mentions) -> Mentions:
    """``found`` with a Duration for every number listed before a prison term's unit (rule
    ``listed_terms``): "16 và 12 năm tù" → 16 years beside the recognised 12 years."""
    extra: list[Duration] = []
    for duration in found.durations:
        if duration.unit not in ("year", "month") or duration.value_to is not None:
            continue
        listed = _LISTED_NUMBERS.search(norm, max(0, duration.start - _LISTED_REACH), duration.start)
        if listed is None:
            continue
        for number in regex.finditer(r"\d+", norm, pos=listed.start(), endpos=listed.end()):
            value = Decimal(number.group())
            iso = f"P{number.group()}{'Y' if duration.unit == 'year' else 'M'}"
            extra.append(Duration(text=number.group(), start=number.start(), end=number.end(),
                                  value=value, unit=duration.unit, iso=iso))  # fmt: skip
    if not extra:
        return found
    return attrs.evolve(found, durations=tuple(sorted((*found.durations, *extra), key=lambda d: d.start)))


# the number words two to ten (word_classes.tsv "group_count")
_NUMBER_WORD = alternation("group_count")

# where a list opens: after a sentence word of the table, or "gồm" (including: "Các bị cáo khác
# gồm A 5 năm tù, …"), "đối với" (towards: "y án đối với A (tử hình) và B (chung thân)"), and
# what may stand before its first name: "các bị cáo" (the defendants), ":", "y án sơ thẩm"
# (grammar: the prepositions, numerals and role nouns that open a list)
_LEAD = lazy_compile(
    r"""[\ :,]*(?:(?:y\ +án\ +)?(?:sơ\ +thẩm\ +)?)?
        (?:(?:đối\ +với|gồm|bao\ +gồm)\ *:?\ *)?
        (?:(?:các|những|\d+|""" + _NUMBER_WORD + r""")\ +)?
        (?:(?:bị\ +cáo|bị\ +can|đối\ +tượng|người)\ *)?(?:(?:còn\ +lại|khác)\ *)?
        (?:(?:gồm|bao\ +gồm|là)\ *)?[\ :]*""",
    regex.I | regex.VERBOSE,
)
_INCLUDING = regex.compile(r"(?<![\p{L}])(?:bao\ +)?gồm(?![\p{L}])", regex.I)
# rule ``list_after_marker``: "theo đó" (accordingly), "cụ thể" (specifically) open a list of
# sentences with no verb: "…, theo đó A 11 năm tù, B 9 năm tù, C 8 năm tù" (grammar: the
# discourse markers)
_LIST_MARKER = regex.compile(r"(?<![\p{L}])(?:theo\ +đó|cụ\ +thể)(?![\p{L}])", regex.I)
# a role word before a name: "bị cáo" (defendant), "ông" (Mr) … (grammar: the role nouns)
_ROLE = lazy_compile(r"(?:(?:bị\ +cáo|bị\ +can|đối\ +tượng|ông|bà|anh|chị)\ +)?", regex.I)
# between two names sharing a value: "A, B mỗi người 7 năm tù", "A và B (tử hình)"
_NAME_GLUE = lazy_compile(r"\ *(?:,\ *(?:và\ +)?|và\ +)", regex.I)
# between two items of the list: ", ", "; ", "và" (and); a line break after ";" or ":"
_ITEM_GLUE = lazy_compile(r"\ *(?:[,;:]\s*(?:và\ +|còn\ +)?|và\ +)", regex.I)
# a line break that ends a paragraph: not after ";", ":" or ","
_PARAGRAPH_END = lazy_compile(r"(?<![;:,]\ *)\n")
# an aside after a name that holds no value: "(30 tuổi)", "(SN 1980, trú Hà Nội)", also who the
# defendant is, at length: "(vợ của ông A, nguyên trưởng phòng … Công an tỉnh X)" (the wife of …)
_ASIDE = lazy_compile(r"\ *\([^()]{0,160}\)")
# from the names to their value: "mỗi người" (each), "cùng" (both), "mức án" (the sentence of); a
# colon ("A: 3 năm tù", the list of a verdict's items)
# (grammar: the distributives and the verbs of receiving)
_TO_VALUE = lazy_compile(
    r"""\ *(?::\ *)?(?P<open>\(\ *)?(?:(?:mỗi\ +(?:người|bị\ +cáo)|cùng|đều)\ +)?
        (?:(?:lĩnh|lãnh|nhận|chịu)\ +)?(?:(?:mức\ +án|mức|án)\ +)?""",
    regex.I | regex.VERBOSE,
)
# a term turned suspended after it: "3 năm tù cho hưởng án treo", "2 năm tù nhưng được hưởng án
# treo", "3 năm tù (treo)", "2 năm tù (cho hưởng án treo)", "18 tháng tù treo"
_SUSPENDED_AFTER = lazy_compile(
    r"""\ *(?:(?:,\ *)?(?:nhưng\ +)?(?:cho\ +|được\ +)?(?:hưởng\ +)?(?P<word>án\ +treo)
        |\(\ *(?:cho\ +|được\ +)?(?:hưởng\ +)?(?P<word2>(?:án\ +|tù\ +)?treo)\ *\)
        |(?P<word3>(?:tù\ +)?treo))(?![\p{L}])""",
    regex.I | regex.VERBOSE,
)
# between listed numbers: "9, 7 và 5 năm tù"
_NUMBER_GLUE = lazy_compile(r"\ *,?\ *(?:và\ +)?", regex.I)
# a charge right after an item's value opens with "về" (for)
_OWN_CHARGE = lazy_compile(r"\ *(?:\)\ *)?về\ ", regex.I)


_RECEIVED = frozenset({"sentence_received"})


class _Item(NamedTuple):
    names: list[Party]
    kind: EventKind
    terms: list[Duration]  # one, or one per name (values listed after the names)
    stated: Phrase | None  # an outcome's own word ("tử hình", "án treo")
    end: int


_Value = tuple[EventKind, list[Duration], Phrase | None, int]


def _value_at(norm: str, found: Mentions, at: int, end: int) -> _Value | None:
    """The value of an item at ``at``: a term (and the numbers listed before it), an outcome, or a
    term turned suspended; its kind, terms, outcome word and end; None when none stands there."""
    lead = _TO_VALUE.match(norm, at, end)
    begin = lead.end() if lead else at
    outcome = _pattern("outcome").match(norm, begin, end)
    terms: list[Duration] = []
    if outcome is None:
        first = next((d for d in found.durations if d.start == begin and d.end <= end), None)
        if first is None:
            return None
        terms = [first]
        while terms[-1].text.isdigit():  # a listed number before the unit: "16 và 12 năm tù"
            glue = _NUMBER_GLUE.match(norm, terms[-1].end, end)
            after = glue.end() if glue else terms[-1].end
            following = next((d for d in found.durations if d.start == after and d.end <= end), None)
            if following is None:
                return None
            terms.append(following)
        value_end = terms[-1].end
        suspended = _SUSPENDED_AFTER.match(norm, value_end, end)
        word = None
        if suspended is not None:
            group = next(g for g in ("word", "word2", "word3") if suspended.group(g))
            word = _phrase(norm, suspended.start(group), suspended.end(group))
            value_end = suspended.end()
        elif _treo_in(terms[-1]):
            treo = _TREO_PHRASE.search(terms[-1].text)
            at_treo = terms[-1].start
            word = _phrase(norm, at_treo + treo.start(), at_treo + treo.end()) if treo else None
        if word is None and not _is_prison_term(norm, terms[-1], end):
            return None
        kind: EventKind = "suspended_prison" if word is not None else "prison"
        stated = word
    else:
        kind = _value("outcome", outcome.group())  # type: ignore[assignment]
        stated = _outcome_trigger(norm, outcome, kind)
        value_end = outcome.end()
        if kind == "suspended_prison":
            return None  # "A (án treo)" with no term: read by the clause's own triggers
    if lead is not None and lead.group("open"):
        close = _CLOSING_BRACKET.match(norm, value_end, end)
        if close is None:
            return None
        value_end = close.end()
    return kind, terms, stated, value_end


def _items(norm: str, found: Mentions, at: int, end: int, first: list[Party] | None = None) -> list[_Item]:
    """The items of a list from ``at``: names, then their value, again and again (``first``: the
    names of the first item, standing before its verb: "A lĩnh 5 năm tù, B và C cùng 3 năm tù …")."""
    people = list_people(norm, found, at, end)
    items: list[_Item] = []
    while True:
        role = _ROLE.match(norm, at, end)
        start = role.end() if role else at
        names = [p for p in people if p.start == start]
        if first:
            names, people = first, [*first, *people]
            first = None
        if not names:
            break
        group = names[:1]
        while True:
            aside = _ASIDE.match(norm, group[-1].end, end)
            stop = group[-1].end
            if aside is not None and _value_at(norm, found, stop, end) is None:
                stop = aside.end()
            glue = _NAME_GLUE.match(norm, stop, end)
            role = _ROLE.match(norm, glue.end(), end) if glue else None
            following = [p for p in people if role is not None and p.start == role.end()]
            if not following or _value_at(norm, found, stop, end) is not None:
                break
            group.append(following[0])
        aside = _ASIDE.match(norm, group[-1].end, end)
        value = _value_at(norm, found, group[-1].end, end)
        if value is None and aside is not None:
            value = _value_at(norm, found, aside.end(), end)
        if value is None and group[-1].end <= at:
            value = _value_at(norm, found, at, end)  # the first item's names stood before its verb
        if value is None:
            break
        kind, terms, stated, value_end = value
        if len(terms) > 1 and len(terms) != len(group):
            break  # values listed unlike the names: not paired
        items.append(_Item(group, kind, terms, stated, value_end))
        glue = _ITEM_GLUE.match(norm, value_end, end)
        if glue is None:
            charge = _OWN_CHARGE.match(norm, value_end, end)
            own = _reason(norm, value_end, end) if charge else None
            glue = _ITEM_GLUE.match(norm, own.end, end) if own else None
        if glue is None:
            break
        at = glue.end()
    return items


# a count before a counted outcome: "16 án tử hình, 11 chung thân" (sixteen death sentences,
# eleven life sentences) (grammar: the numerals)
_COUNT = lazy_compile(
    r"(?:\d+|" + _NUMBER_WORD + r")\ +(?=(?:án\ +)?(?:tù\ +)?\p{L})", regex.I
)
# from a value to the names it is given to: "tử hình (đối với) A", "12 năm tù đối với A", "cho A"
# (grammar: the prepositions)
_TO_NAMES = lazy_compile(r"\ *(?:(?:đối\ +với|với|cho)\ +)?:?\ *", regex.I)
# what may stand between the verb and the first value: "tuyên y án sơ thẩm tử hình A"
_VALUE_LEAD = lazy_compile(r"[\ :,]*(?:y\ +án\ +)?(?:sơ\ +thẩm\ +)?", regex.I)


def _value_first_items(norm: str, found: Mentions, at: int, end: int) -> list[_Item]:
    """The items of a list whose values come first (rules ``values_before_names`` and
    ``counted_outcomes``): "tuyên phạt tử hình A, chung thân B và C", "12 năm tù đối với A, 10
    năm tù đối với B"; counted outcomes with no names: "Đề nghị 16 án tử hình, 11 chung thân"
    (their ``names`` empty)."""
    people = list_people(norm, found, at, end)
    items: list[_Item] = []
    while True:
        value = _value_at(norm, found, at, end)
        counted = None
        if value is None:
            counted = _COUNT.match(norm, at, end)
            value = _value_at(norm, found, counted.end(), end) if counted else None
            if value is None or value[1]:
                break  # a count before a term is no counted outcome ("2 bị cáo 5 năm tù")
        kind, terms, stated, value_end = value
        if len(terms) > 1:
            break
        group: list[Party] = []
        if counted is None:
            lead = _TO_NAMES.match(norm, value_end, end)
            role = _ROLE.match(norm, lead.end(), end) if lead else None
            group = [p for p in people if role is not None and p.start == role.end()][:1]
            while group:
                glue = _NAME_GLUE.match(norm, group[-1].end, end)
                role = _ROLE.match(norm, glue.end(), end) if glue else None
                following = [p for p in people if role is not None and p.start == role.end()]
                if glue is None or not following or _value_at(norm, found, glue.end(), end) is not None:
                    break
                group.append(following[0])
            if not group:
                break
        items.append(_Item(group, kind, terms, stated, group[-1].end if group else value_end))
        glue = _ITEM_GLUE.match(norm, items[-1].end, end)
        if glue is None:
            break
        at = glue.end()
    named = [bool(item.names) for item in items]
    return items if len(items) >= 2 and (all(named) or not any(named)) else []


# from the names to their fine: "(30 tuổi)", "mỗi người" (each), "số tiền" (the sum of)
# (grammar: the distributives)
_TO_FINE = lazy_compile(
    r"(?:\ *\([^()]{0,60}\))?\ *(?:mỗi\ +(?:người|bị\ +cáo|đơn\ +vị)\ +)?(?:số\ +tiền\ +)?", regex.I
)


def _parties(norm: str, found: Mentions, start: int, end: int) -> list[Party]:
    """The persons (as a list names them) and organisations in [start, end), in order."""
    people = list_people(norm, found, start, end)
    others = [e for e in _entities(norm, found, start, end) if e.kind == "organization"]
    return sorted([*people, *others], key=lambda p: p.start)


def _fine_items(norm: str, found: Mentions, at: int, end: int) -> list[tuple[list[Party], Fine]]:
    """Rule ``fines_after_names``: names each followed by their own fine, "phạt bổ sung A 3 triệu
    đồng, B 1 triệu đồng", "xử phạt Công ty A 50 triệu đồng, Công ty B 30 triệu đồng"."""
    parties = _parties(norm, found, at, end)
    items: list[tuple[list[Party], Fine]] = []
    while True:
        role = _ROLE.match(norm, at, end)
        group = [p for p in parties if role is not None and p.start == role.end()][:1]
        while group:
            glue = _NAME_GLUE.match(norm, group[-1].end, end)
            role = _ROLE.match(norm, glue.end(), end) if glue else None
            following = [p for p in parties if role is not None and p.start == role.end()]
            if not following:
                break
            group.append(following[0])
        lead = _TO_FINE.match(norm, group[-1].end, end) if group else None
        at_fine = lead.end() if lead is not None else -1
        fine = next((f for f in found.fines if f.start == at_fine and f.end <= end), None)
        if fine is None:
            break
        items.append((group, fine))
        glue = _ITEM_GLUE.match(norm, fine.end, end)
        if glue is None:
            break
        at = glue.end()
    return items if len(items) >= 2 else []


def _fine_events(
    norm: str, found: Mentions, sentence: tuple[int, int], opener: regex.Match[str], out: list[Event]
) -> list[Event]:
    """``out`` with the fines listed after the names of a fine's verb read whole."""
    lead = _LEAD.match(norm, opener.end(), sentence[1])
    items = _fine_items(norm, found, lead.end() if lead else opener.end(), sentence[1])
    verb = _phrase(norm, opener.start(), opener.end())
    if not items or verb is None:
        return out
    names = [n for group, _ in items for n in group]
    moneys = [fine.money for _, fine in items]
    replaced = [e for e in out if e.kind == "fine" and sentence[0] <= e.start < sentence[1] and (
        any(_overlaps(e.target, n.start, n.end) for n in names)
        or any(_overlaps(e.money, m.start, m.end) for m in moneys)
    )]  # fmt: skip
    if replaced:
        base = replaced[0]
    else:
        cues = _status_start(norm, found, sentence[0], verb)
        base = Event(text=verb.text, start=verb.start, end=verb.end, kind="fine", trigger=verb,
                     status=_status(norm, cues, verb, None, None))  # type: ignore[arg-type]  # fmt: skip
    made = [_respan(norm, attrs.evolve(base, target=name, money=fine.money, trigger=base.trigger))
            for group, fine in items for name in group]  # fmt: skip
    return [e for e in out if all(e is not r for r in replaced)] + made


def _first(item: _Item) -> int:
    """Where an item begins: its first name, or its value."""
    starts = [n.start for n in item.names] + [t.start for t in item.terms]
    starts += [item.stated.start] if item.stated is not None else []
    return min(starts, default=item.end)


def _events_of(
    norm: str, items: list[_Item], base: Event, verb: Phrase, replaced: list[Event], end: int
) -> list[Event]:
    """One event per name of the items, like ``base``: its own charge right after its value
    ("B 8 năm tù về tội giết người"), else the one the clause's triggers gave that name, else the
    base's when it stands outside the list (closing it, or fronted before it)."""
    out: list[Event] = []
    span = (min(_first(item) for item in items), items[-1].end)
    shared = base.reason if base.reason is not None and not span[0] <= base.reason.start < span[1] else None
    for index, item in enumerate(items):
        reason_end = end if index == len(items) - 1 else _first(items[index + 1])
        own = _reason(norm, item.end, reason_end) if _OWN_CHARGE.match(norm, item.end, reason_end) else None
        if not item.names:  # a counted outcome: "11 chung thân", no one named
            out.append(_respan(norm, attrs.evolve(base, kind=item.kind, target=None, term=None,
                                                  trigger=item.stated or verb, reason=shared)))  # fmt: skip
        for position, name in enumerate(item.names):
            term = item.terms[position] if len(item.terms) > 1 else (item.terms[0] if item.terms else None)
            prior = next((e.reason for e in replaced if _overlaps(e.target, name.start, name.end)), None)
            term = term if item.kind in ("prison", "suspended_prison") else None
            out.append(_respan(norm, attrs.evolve(
                base, kind=item.kind, target=name, term=term, trigger=item.stated or verb,
                reason=own or prior or shared,
            )))  # fmt: skip
    return out


# between the one who receives a sentence and the verb: "A đã lĩnh", "A và B cùng lãnh"
# (grammar: the aspect and distributive words)
_BEFORE_VERB = lazy_compile(r"(?:\ *\([^()]{0,60}\))?\ *(?:(?:đã|cùng|đều|phải|chỉ)\ +)*", regex.I)


def _received_by(norm: str, found: Mentions, start: int, verb: regex.Match[str]) -> list[Party]:
    """The names right before a verb of receiving ("lĩnh", "nhận" …), joined by "," or "và",
    after the last comma that does not join them: "Cùng vụ án, A lĩnh 5 năm tù" → [A]."""
    people = list_people(norm, found, start, verb.start())
    if not people or not _BEFORE_VERB.fullmatch(norm, people[-1].end, verb.start()):
        return []
    group = [people[-1]]
    for name in reversed(people[:-1]):
        glue = _NAME_GLUE.fullmatch(norm, name.end, group[0].start)
        if glue is None:
            break
        group.insert(0, name)
    return group


def _overlaps(a: Span | None, start: int, end: int) -> bool:
    return a is not None and a.start < end and start < a.end


# a range from a suspended term to a prison term: "từ 18 tháng tù treo đến 5 năm tù giam"
_RANGE_FROM = lazy_compile(r"(?<![\p{L}])từ\ +$", regex.I)
_RANGE_TO = lazy_compile(r"\ *(?:đến|tới)\ +", regex.I)


def mixed_ranges(norm: str, found: Mentions, events: Sequence[Event]) -> list[Event]:
    """``events`` with a prison sentence beside each suspended one whose term opens a range up to
    a prison term (rule ``suspended_to_prison``): "Năm đồng phạm khác nhận mức án từ 18 tháng tù
    treo đến 5 năm tù giam" (five accomplices got from 18 months suspended to 5 years in prison)
    states both kinds among the group, the suspended one at the lower bound, prison at the upper."""
    out = list(events)
    for event in events:
        term = event.term
        if event.kind != "suspended_prison" or term is None:
            continue
        if not _RANGE_FROM.search(norm, max(0, term.start - 6), term.start):
            continue
        to = _RANGE_TO.match(norm, term.end)
        upper = next((d for d in found.durations if to is not None and d.start == to.end()), None)
        if upper is None or not _is_prison_term(norm, upper, len(norm)) or _treo_in(upper):
            continue
        if any(e.kind == "prison" and e.term is not None and e.term.start == upper.start for e in out):
            continue
        stated = _phrase(norm, upper.start, upper.end)
        if stated is not None:
            out.append(_respan(norm, attrs.evolve(event, kind="prison", term=upper, trigger=stated)))
    return sorted(out, key=lambda e: e.start)


# "treo" (suspended) as a word; with "tù" before it, the phrase a term may end on
_TREO_WORD = lazy_compile(r"(?<![\p{L}])treo(?![\p{L}])")
_TREO_PHRASE = lazy_compile(r"(?:tù\ +)?treo")
# the rest of a bracketed value: "A (20 năm tù)"
_CLOSING_BRACKET = lazy_compile(r"[^()]{0,40}\)")


def _treo_in(term: Duration) -> bool:
    """Whether a term says "treo" (suspended) itself: "18 tháng tù treo"."""
    return _TREO_WORD.search(term.text) is not None


def value_lists(text: Text, found: Mentions, events: Sequence[Event]) -> list[Event]:
    """``events`` with each list of names and own values read whole (rule ``values_after_names``):
    its events replace the sentences the clause's triggers read over the same names or values.

    >>> from vnextract.pipeline import extract
    >>> doc = extract("TAND tỉnh Đồng Nai tuyên phạt các bị cáo Nguyễn Văn Tâm (tử hình), "
    ...               "Lê Văn Phúc (chung thân), Trần Thị Mai (18 năm tù).")
    >>> [(e.kind, e.target.text) for e in doc.events]
    [('death', 'Nguyễn Văn Tâm'), ('life_prison', 'Lê Văn Phúc'), ('prison', 'Trần Thị Mai')]
    """
    norm = text.normalized
    out = list(events)
    for sentence in text.sentences:
        # a list may go on over a line break after ";" or ":" ("… 13 năm tù;\nB 3 năm tù"), not
        # over one that ends a paragraph
        stop = _PARAGRAPH_END.search(norm, sentence.start, sentence.end)
        end = stop.start() if stop else sentence.end
        openers = [m for m in phrases_in("trigger", text, sentence.start, end)
                   if _value("trigger", m.group()) in ("sentence", "sentence_received", "fine")]  # fmt: skip
        openers += list(_INCLUDING.finditer(norm, sentence.start, end))
        openers += list(_LIST_MARKER.finditer(norm, sentence.start, end))
        done = sentence.start
        for opener in sorted(openers, key=lambda m: m.start()):
            if opener.start() < done:
                continue
            marker = opener.re is _LIST_MARKER
            if marker:
                # with no verb, only a list of two or more said to be sentences ("tù" = prison,
                # an outcome: the values _items reads) is one
                lead = _LEAD.match(norm, opener.end(), end)
                listed = _items(norm, found, lead.end() if lead else opener.end(), end)
                if len(listed) < 2:
                    continue
            if not marker and opener.re is not _INCLUDING and _value("trigger", opener.group()) == "fine":
                out = _fine_events(norm, found, (sentence.start, end), opener, out)
            lead = _LEAD.match(norm, opener.end(), end)
            at = lead.end() if lead else opener.end()
            items = _items(norm, found, at, end)
            verb_word = not marker and opener.re is not _INCLUDING
            received = verb_word and _value("trigger", opener.group()) in _RECEIVED
            if not items and received:
                first = _received_by(norm, found, sentence.start, opener)
                items = _items(norm, found, opener.end(), end, first)
            paired = len(items) == 1 and len(items[0].terms) > 1
            if len(items) < 2 and not paired:
                # values first, after a verb only: "gồm 12 án tử hình, 17 chung thân" (including)
                # lists a court's statistics for a period, not the sentences of a case
                lead = _VALUE_LEAD.match(norm, opener.end(), end)
                at = lead.end() if lead else opener.end()
                items = _value_first_items(norm, found, at, end) if verb_word else []
                if not items:
                    continue
            span = (min(_first(item) for item in items), items[-1].end)
            names = [n for item in items for n in item.names]
            values = [(t.start, t.end) for item in items for t in item.terms]
            values += [(i.stated.start, i.stated.end) for i in items if i.stated is not None]
            replaced = [e for e in out if e.kind in _SENTENCES and (
                any(_overlaps(e.target, n.start, n.end) for n in names)
                or any(_overlaps(e.term, *v) or _overlaps(e.trigger, *v) for v in values)
            ) and sentence.start <= e.start < end]  # fmt: skip
            verb = _phrase(norm, opener.start(), opener.end())
            if verb is None or (marker and replaced):
                continue  # a list a verb's events read already keeps them (and their verb)
            if replaced:
                base = replaced[0]
            else:
                cues = _status_start(norm, found, sentence.start, verb)
                status = _status(norm, cues, verb, None, None)
                base = Event(text=verb.text, start=verb.start, end=verb.end, kind="prison", trigger=verb,
                             status=status)  # type: ignore[arg-type]  # fmt: skip
            made = _events_of(norm, items, base, verb, replaced, end)
            if marker:  # no verb: a term states its sentence ("11 năm tù"), an outcome its own word
                made = [_respan(norm, attrs.evolve(e, trigger=Phrase(text=e.term.text, start=e.term.start,
                                                                     end=e.term.end)))
                        if e.trigger is verb and e.term is not None else e for e in made]  # fmt: skip
            out = [e for e in out if all(e is not r for r in replaced)] + made
            done = span[1]
    out.sort(key=lambda e: e.start)
    return out
