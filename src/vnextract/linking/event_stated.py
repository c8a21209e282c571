"""What a trigger states: the kind of its event and its value (money, term, outcome, award).

"bị TAND TP Cần Thơ tuyên phạt 18 năm tù" states a prison term (the Duration after the trigger);
"xử phạt 350 triệu đồng" a fine (the Fine the fines linker found after it); "tuyên phạt A tử
hình" a death sentence (the outcome); "tặng Bằng khen cho 13 tập thể" an award (its noun and the
counted recipients); "đình chỉ công tác 6 tháng" a suspension, a term close after it. Who
receives and who decides are read by ``event_voice``; the event is put together by ``events``.
"""

from __future__ import annotations

import attrs
import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon.words import alternation
from vnextract.linking.event_law import alternatives
from vnextract.linking.event_spans import _entities, _inside, _phrase
from vnextract.linking.event_table import (
    _AWARD_NAME,
    _OUTCOME_LEAD,
    _OUTCOME_REACH,
    _STANDALONE_KINDS,
    _VALUE_WINDOW,
    _pattern,
    _table,
    _value,
)
from vnextract.linking.event_terms import (
    _after_named,
    _is_prison_term,
    _is_total,
    _right_after,
    _term_of_measure,
)
from vnextract.mentions import Mentions
from vnextract.records import Duration, EventKind, Money, Party, Phrase

__all__ = ["EXTREMES", "Stated", "stated_by"]

# rule ``group_extremes``: "tuyên phạt 12 bị cáo mức án thấp nhất là 3 năm tù, cao nhất là 20 năm
# tù" (the lowest …, the highest …) states one event for the group; its term is the highest, as a
# range's is its upper bound. The bottom word right before the first term ("thấp nhất (là)" =
# lowest), the top word right before the second ("(và) cao nhất (là)" = (and) highest)
_BOTTOM_BEFORE = lazy_compile(
    rf"(?<![\p{{L}}])(?:{alternation('sentence_bottom')})(?:\ +là)?[\ :]*$", regex.I
)
# where a group's extremes begin, after the group: "12 bị cáo | mức án thấp nhất …" (ends the target)
EXTREMES = lazy_compile(
    r"\ +(?:(?:mức\ +án|hình\ +phạt|mức)\ +)?"
    rf"(?:{alternation('sentence_bottom')}|{alternation('sentence_top')})(?![\p{{L}}])",
    regex.I,
)
# what joins the two: the rest of the first term ("tù", "tù giam" = prison), a comma, "và" (and)
_TOP_BETWEEN = lazy_compile(
    rf"(?:\ +tù(?:\ +giam)?)?[\ ,;]*(?:và\ +)?(?:mức\ +án\ +)?(?:{alternation('sentence_top')})"
    r"(?:\ +là)?[\ :]*",
    regex.I,
)


def _top_of_extremes(norm: str, found: Mentions, start: int, duration: Duration, limit: int) -> Duration:
    """The highest term when ``duration`` is the lowest of a group's extremes (rule
    ``group_extremes``), else ``duration``."""
    if not _BOTTOM_BEFORE.search(norm, start, duration.start):
        return duration
    top = next((d for d in _inside(found.durations, duration.end, limit)), None)
    if top is None or not _TOP_BETWEEN.fullmatch(norm, duration.end, top.start):
        return duration
    return top


# what may close a law's bracket: the end of its sentence, clause or item
_BRACKET_END = lazy_compile(r"\ *(?:[.,;:\n]|$)")


def _is_bracket(norm: str, duration: Duration) -> bool:
    """Rule ``bracket_after_fine_word``: a range of years or months right after "phạt" (punish,
    fine), closing its clause, is the law's bracket of prison, "tù" (prison) said or not: "Người
    nào … thì bị phạt từ 2 năm đến 7 năm." (whoever … is punished with 2 to 7 years); a fine's
    amount has a currency, so no fine reads so. Not "bị phạt từ 2 đến 4 năm cấm thi đấu" (a ban's
    term: a word follows)."""
    closed = _BRACKET_END.match(norm, duration.end) is not None
    return closed and duration.value_to is not None and duration.unit in ("year", "month")


@attrs.frozen(kw_only=True)
class Stated:
    """What one trigger states: the kind of event and its value."""

    kind_of_trigger: str  # the trigger's row in data/event_triggers.tsv ("fine_paid" read as "fine")
    paid: bool  # "nộp phạt" (paid a fine): the payer stands before the verb
    kind: EventKind
    after: tuple[int, int]  # where the values are looked for
    money: Money | None
    term: Duration | None
    award: Phrase | None
    recipients: tuple[Party, ...]
    value_end: int  # where the value (or the trigger, with none) ends
    counted: Party | None  # a fine's counted violations: "xử lý 144 trường hợp vi phạm"
    outcome: regex.Match[str] | None  # "tử hình", "tù chung thân", "án treo" …


def stated_by(norm: str, found: Mentions, trigger: Phrase, limit: int, used: set[int]) -> Stated | None:
    """What ``trigger`` states, its values looked for between it and ``limit`` (None: no event).
    A Fine taken is added to ``used`` (the starts of the Fines an event has taken).

    >>> from vnextract.pipeline import found_before
    >>> from vnextract.text import Text
    >>> text = Text.from_string("Bị cáo A bị tuyên phạt 18 năm tù.")
    >>> norm = text.normalized
    >>> trigger = _phrase(norm, norm.index("tuyên"), norm.index(" 18"))
    >>> s = stated_by(norm, found_before(text, "events"), trigger, len(norm), set())
    >>> s.kind, s.term.iso
    ('prison', 'P18Y')
    """
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
        return None  # "hình phạt" (penalty, the noun), "trao đổi" (to discuss)
    if kind_of_trigger in _STANDALONE_KINDS:  # "đình chỉ công tác", "treo giò 3 trận", "khai trừ"
        kind = kind_of_trigger  # type: ignore[assignment]
        term = _term_of_measure(norm, found, trigger, after[1])
        value_end = term.end if term else trigger.end
    elif kind_of_trigger in ("fine", "sentence", "sentence_received"):
        fine = next((f for f in _inside(found.fines, *after) if f.start not in used), None)
        duration = next(
            (d for d in _inside(found.durations, *after)
             if _is_prison_term(norm, d)
             or ((kind_of_trigger != "fine" or _is_bracket(norm, d)) and _right_after(norm, trigger, d))
             or (kind_of_trigger == "sentence" and _after_named(norm, found, trigger, d))),
            None,
        )  # fmt: skip
        if duration is not None:
            duration = _top_of_extremes(norm, found, trigger.end, duration, limit)
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
            return None
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
            return None  # "phạt tù" said in general, a bare "phạt" with no amount: no event here
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
    return Stated(
        kind_of_trigger=kind_of_trigger,
        paid=paid,
        kind=kind,
        after=after,
        money=money,
        term=term,
        award=award,
        recipients=recipients,
        value_end=value_end,
        counted=counted,
        outcome=outcome,
    )
