"""Sentences stated with no sentencing verb: headlines, copulas and the court's assessment.

- rule ``headline_sentence``: a headline (a line with no full stop) opening with the sentence it
  reports, then who gets it: "Tử hình kẻ giết người cướp taxi" (death for the man who …), "Chung
  thân cho kẻ chủ mưu" (life for the ringleader), "20 năm tù cho cựu giám đốc" (20 years for the
  former director), "Thêm 5 năm tù cho A" (5 more years); "Đề nghị …" (proposed) makes it a demand;
- rule ``sentence_is``: "Mức án dành cho A là tử hình" (the sentence for A is death);
- rule ``assessed_sentence``: the court's reasoning names the sentence it passes, "mức án chung
  thân (như đại diện VKS đề nghị) là phù hợp" (a life sentence, as the prosecutor proposed, is
  fitting); "như … đề nghị" (as … proposed) also states the prosecutor's demand, a possible event
  of the same sentence.

An event is added only where no event of the clause's triggers already stands on its value.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.linking.event_reasons import _reason
from vnextract.linking.event_spans import _entities, _outcome_trigger, _phrase
from vnextract.linking.event_table import _pattern, _value
from vnextract.linking.event_terms import _is_prison_term
from vnextract.mentions import Mentions
from vnextract.records import Duration, Event, EventKind, Party, Phrase
from vnextract.text import Text

__all__ = ["verbless"]

# a headline names the one sentenced by a noun phrase of at most this many words ("kẻ chủ mưu
# vụ cướp tiệm vàng" = the ringleader of the gold-shop robbery)
_PHRASE_WORDS = 8
# a headline is a line of at most this many characters with no full stop in it
_HEADLINE_REACH = 160
# a full stop: at the end of the line or before a space (not "TP.HCM")
_FULL_STOP = lazy_compile(r"\.(?:\s|$)")
# what may open a headline before its sentence: "Thêm" (more), "Y án" (upheld), "Đề nghị" /
# "Đề xuất" (proposed: a demand), "mức án" / "án" (the sentence of)
_HEADLINE_LEAD = lazy_compile(
    r"""\ *(?:(?P<more>thêm)\ +|(?P<upheld>y\ +án)\ +|(?P<demand>đề\ +nghị|đề\ +xuất)\ +)?
        (?:mức\ +)?(?:án\ +)?""",
    regex.I | regex.VERBOSE,
)
# a count of sentences before the outcome: "17 án tử hình" (17 death sentences), "10 chung thân"
_SENTENCE_COUNT = lazy_compile(r"\d+\ +(?:án\ +)?", regex.I)
# from the sentence to who gets it: "cho" (for), "đối với" / "với" (towards), "dành cho"
# (grammar: the prepositions)
_TO_TARGET = lazy_compile(r"\ *(?:(?:dành\ +)?cho|đối\ +với|với)?\ *", regex.I)
# where the one sentenced ends in a headline: a comma, a parenthesis, a reason ("vì", "do", "về
# tội"), the case ("trong vụ" = in the case of), a place ("tại", "ở" = at) (grammar: the
# conjunctions of cause, prepositions)
_TARGET_END = lazy_compile(r"[,(:;]|(?<![\p{L}])(?:vì|do|về\ +tội|trong\ +vụ|tại|ở)(?![\p{L}])", regex.I)
# "Mức án dành cho A là …" (the sentence for A is …) (grammar: the prepositions)
_SENTENCE_FOR = lazy_compile(r"(?<![\p{L}])mức\ +án\ +(?:dành\ +)?(?:cho|với|đối\ +với)\ +", regex.I)
_IS = lazy_compile(r"(?:\ *\([^()]{0,60}\))?\ *(?:sẽ\ +)?là\ +", regex.I)
# "mức án" (the sentence) before a value the court assesses
_SENTENCE_NOUN = lazy_compile(r"(?<![\p{L}])mức\ +án\ +", regex.I)
# from the assessed value to the copula: "như đại diện VKS đề nghị" (as the prosecutor proposed),
# "đối với bị cáo" …, with no comma or full stop between
_TO_COPULA = lazy_compile(r"[^,.;:\n]{0,60}?(?<![\p{L}])là\ +", regex.I)
# "như (đại diện) X đề nghị" (as X proposed), "như đề nghị của X" (as the proposal of X)
_AS_PROPOSED = lazy_compile(
    r"""\ +(?:như|đúng\ +như|bằng)\ +(?:(?P<owner>.{1,40}?)\ +(?:đã\ +)?(?P<verb>đề\ +nghị)
        |(?P<verb2>đề\ +nghị)\ +của\ +(?P<owner2>.{1,40}?))(?=\ +là|[,.;])""",
    regex.I | regex.VERBOSE,
)


_Stated = tuple[EventKind, Duration | None, Phrase, int]


def _value_at(norm: str, found: Mentions, at: int, end: int) -> _Stated | None:
    """The sentence stated at ``at``: an outcome ("tử hình", "chung thân", "án treo") or a prison
    term ("20 năm tù"); its kind, term, the words stating it and its end."""
    outcome = _pattern("outcome").match(norm, at, end)
    if outcome is not None:
        kind: EventKind = _value("outcome", outcome.group())  # type: ignore[assignment]
        stated = _outcome_trigger(norm, outcome, kind)
        return (kind, None, stated, outcome.end()) if stated is not None else None
    term = next((d for d in found.durations if d.start == at and d.end <= end), None)
    if term is None or not _is_prison_term(norm, term):
        return None
    treo = _pattern("outcome").search(norm, term.start, min(end, term.end + 12))
    if treo is not None and _value("outcome", treo.group()) == "suspended_prison":
        stated = _phrase(norm, treo.start(), treo.end())
        return ("suspended_prison", term, stated, max(term.end, treo.end())) if stated else None
    stated = _phrase(norm, term.start, term.end)
    return ("prison", term, stated, term.end) if stated is not None else None


def _taken(events: Sequence[Event], start: int, end: int) -> bool:
    """Whether an event already stands on [start, end) (its trigger or its term)."""
    return any(
        (p.start < end and start < p.end) for e in events for p in (e.trigger, e.term) if p is not None
    )


def _target_in(norm: str, found: Mentions, start: int, end: int) -> Party | None:
    """Who a headline's sentence is for: a person or organisation named first, else the noun
    phrase ("kẻ giết người cướp taxi" = the man who killed a taxi driver to rob him)."""
    stop = _TARGET_END.search(norm, start, end)
    stop_at = stop.start() if stop else end
    words = norm[start:stop_at].split()
    if not words or words[0].casefold() in _NOT_TARGETS:
        return None  # "Tử hình là hình phạt …" (death is the penalty …): no one is sentenced
    named = [e for e in _entities(norm, found, start, stop_at) if e.kind == "person"]
    if named:
        return named[0]  # "cho cựu giám đốc Đỗ Văn Hải" (the former director …): the person
    phrase = _phrase(norm, start, stop_at)
    if phrase is None or len(words) > _PHRASE_WORDS:
        return None
    return Party(text=phrase.text, start=phrase.start, end=phrase.end, kind="group")


def _headlines(text: Text, found: Mentions, events: Sequence[Event]) -> list[Event]:
    norm = text.normalized
    out: list[Event] = []
    start = 0
    while start < len(norm):
        end = norm.find("\n", start)
        end = len(norm) if end < 0 else end
        line = norm[start:end]
        if 0 < len(line.strip()) <= _HEADLINE_REACH and not _FULL_STOP.search(line):
            out += _headline(norm, found, [*events, *out], start, end)
        start = end + 1
    return out


def _headline(norm: str, found: Mentions, events: Sequence[Event], start: int, end: int) -> list[Event]:
    """The sentences a headline opens with (rule ``headline_sentence``), and those of its parts
    after a comma (rule ``headline_sentences``): "Tử hình kẻ sát hại bạn gái, chung thân cho đồng
    phạm" (death for …, life for the accomplice); a part naming no one is for the next part's
    target: "17 án tử hình, 10 chung thân cho đường dây ma túy" (17 death sentences, 10 life
    sentences for the drug ring)."""
    out: list[Event] = []
    waiting: list[tuple[_Stated, str]] = []  # parts read before the one that names who gets them
    part_start = start
    while part_start < end:
        comma = norm.find(",", part_start, end)
        part_end = end if comma < 0 else comma
        lead = _HEADLINE_LEAD.match(norm, part_start, part_end)
        at = lead.end() if lead else part_start
        value = _value_at(norm, found, at, part_end)
        counted = _SENTENCE_COUNT.match(norm, at, part_end) if value is None else None
        if counted is not None:  # "17 án tử hình": the outcome after the count
            value = _value_at(norm, found, counted.end(), part_end)
            at = counted.end()
        if value is None or lead is None or _taken([*events, *out], at, value[3]):
            if part_start == start:
                return []  # the headline opens with no sentence: none of its parts is one
            break
        demanded = lead.group("demand") or (waiting and waiting[0][1] == "possible")
        status = "possible" if demanded else "imposed"
        to = _TO_TARGET.match(norm, value[3], part_end)
        target = _target_in(norm, found, to.end() if to else value[3], part_end)
        if target is None and not norm[value[3] : part_end].strip():
            waiting.append((value, status))  # the part is the sentence alone: "17 án tử hình,"
        elif target is None:
            break  # "Tử hình là hình phạt …" (death is the penalty …): no one's
        else:
            reason = _reason(norm, target.end, end)
            for (kind, term, stated, _end), waiting_status in [*waiting, (value, status)]:
                out.append(_event(norm, kind, stated, term, target, None, waiting_status, reason))
            waiting = []
        part_start = part_end + 1
    return out


# words that open no one sentenced: "là" (is), copulas and auxiliaries ("Tử hình là hình phạt …"
# = death is the penalty …) (grammar: the copula, auxiliaries and conjunctions)
_NOT_TARGETS = frozenset({"là", "được", "bị", "và", "có", "không", "sẽ", "đã", "thì", "hay", "hoặc", "vẫn"})


def _event(
    norm: str, kind: EventKind, stated: Phrase, term: Duration | None, target: Party | None,
    authority: Party | None, status: str, reason: Phrase | None,
) -> Event:
    parts = [p for p in (stated, term, target, authority, reason) if p is not None]
    start, end = min(p.start for p in parts), max(p.end for p in parts)
    return Event(text=norm[start:end], start=start, end=end, kind=kind, trigger=stated, status=status,  # type: ignore[arg-type]
                 target=target, authority=authority, reason=reason, term=term)  # fmt: skip


def _copulas(text: Text, found: Mentions, events: Sequence[Event]) -> list[Event]:
    """Rules ``sentence_is`` and ``assessed_sentence``."""
    norm = text.normalized
    out: list[Event] = []
    for sentence in text.sentences:
        for cue in _SENTENCE_FOR.finditer(norm, sentence.start, sentence.end):
            named = [e for e in _entities(norm, found, cue.end(), sentence.end) if e.start == cue.end()]
            copula = _IS.match(norm, named[0].end, sentence.end) if named else None
            value = _value_at(norm, found, copula.end(), sentence.end) if copula else None
            if value is None or _taken([*events, *out], copula.end(), value[3]):  # type: ignore[union-attr]
                continue
            kind, term, stated, _ = value
            out.append(_event(norm, kind, stated, term, named[0], None, "imposed", None))
        for cue in _SENTENCE_NOUN.finditer(norm, sentence.start, sentence.end):
            value = _value_at(norm, found, cue.end(), sentence.end)
            if value is None:
                continue
            kind, term, stated, value_end = value
            copula = _TO_COPULA.match(norm, value_end, sentence.end)
            fitting = _pattern("fitting").match(norm, copula.end(), sentence.end) if copula else None
            if fitting is None or _taken([*events, *out], cue.end(), value_end):
                continue
            before = [e for e in _entities(norm, found, sentence.start, cue.start()) if e.kind == "person"]
            target = before[-1] if before else None
            out.append(_event(norm, kind, stated, term, target, None, "imposed", None))
            proposed = _AS_PROPOSED.match(norm, value_end, sentence.end)
            if proposed is None:
                continue
            verb = "verb" if proposed.group("verb") else "verb2"
            owner = "owner" if proposed.group("owner") else "owner2"
            owners = _entities(norm, found, *proposed.span(owner))
            demand = _phrase(norm, *proposed.span(verb))
            if demand is not None and owners:
                out.append(_event(norm, kind, demand, term, target, owners[-1], "possible", None))
    return out


def verbless(text: Text, found: Mentions, events: Sequence[Event]) -> list[Event]:
    """The sentences stated with no sentencing verb, not already among ``events``.

    >>> from vnextract.pipeline import extract
    >>> [(e.kind, e.target.text) for e in extract("Chung thân cho kẻ chủ mưu vụ cướp tiệm vàng\\n").events]
    [('life_prison', 'kẻ chủ mưu vụ cướp tiệm vàng')]
    """
    return [*_headlines(text, found, events), *_copulas(text, found, events)]
