"""Sentences changed on appeal: "Trần Văn A được giảm từ 12 năm tù xuống 9 năm tù" (reduced from
12 years to 9), "B từ tù chung thân xuống 20 năm tù", "C giảm từ 3 năm tù xuống án treo".

A sentence reduced or raised states two: the one it was (imposed before, at first instance) and
the one it becomes (imposed, or possible when the sentence is only proposed: "VKS đề nghị giảm …").
The shape "từ <term or outcome> xuống / còn / lên <term or outcome>" (from … down / to … up to)
counts only in a sentence that says the change: "giảm" (reduce), "tăng" (raise), "chuyển"
(turn into); the clauses after ";" share it ("A giảm từ 9 năm xuống 7 năm; B từ 4 năm xuống 3
năm"). The person is the last one named in the clause before "từ"."""

from __future__ import annotations

import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.linking.event_spans import _entities, _phrase
from vnextract.linking.event_status import _status
from vnextract.linking.event_table import _NEGATION, _pattern, _value
from vnextract.linking.event_targets import _ROLE_BEFORE_NAME
from vnextract.linking.event_voice import _DEMAND
from vnextract.mentions import Mentions
from vnextract.records import Duration, Event, EventKind, Party, Phrase
from vnextract.text import Text

# the change stated in the sentence: giảm (án) = reduce (the sentence), tăng = raise, chuyển = turn
_CHANGE = lazy_compile(
    r"(?<![\p{L}])(?:(?:tuyên\ +)?giảm(?:\ +án)?|tăng(?:\ +án)?|chuyển)(?![\p{L}])", regex.I
)
# "từ (mức án) <value>": where the old sentence starts
_FROM = lazy_compile(r"(?<![\p{L}])từ\ +(?:mức\ +)?(?:án\ +)?", regex.I)
# "xuống (còn) / còn / lên / thành (mức án) <value>": where the new one starts
# (not the "án" of "xuống án treo" = down to a suspended sentence: that is the new outcome)
# (grammar: the prepositions of a change)
_TO = lazy_compile(r"\ +(?:xuống(?:\ +còn)?|còn|lên|thành)\ +(?:mức\ +)?(?:án\ +(?!treo))?", regex.I)
# "3 năm tù (treo)", "3 năm tù treo", "3 năm án treo": a term said to be suspended
_SUSPENDED_AFTER = lazy_compile(r"\ *\(?\ *(?:án\ +|tù\ +)?treo\ *\)?", regex.I)
_SUSPENDED_WORD = lazy_compile(r"treo", regex.I)
# rule ``change_for_whom``: "giảm án từ tử hình xuống chung thân cho (bị cáo) A" (reduced … for
# A): with no one named before "từ", the person after "cho" (for) / "đối với" (towards) right
# after the new sentence (grammar: the prepositions of a beneficiary)
_FOR_WHOM = lazy_compile(r"[\ ,]*(?:cho|đối\ +với)(?![\p{L}])", regex.I)


def _value_at(
    norm: str, found: Mentions, at: int
) -> tuple[EventKind, Duration | None, Phrase | None, int] | None:
    """The sentence starting at ``at``: (kind, term, the outcome word, end), or None."""
    outcome = _pattern("outcome").match(norm, at)
    if outcome is not None:
        kind: EventKind = _value("outcome", outcome.group())  # type: ignore[assignment]
        return kind, None, _phrase(norm, outcome.start(), outcome.end()), outcome.end()
    term = next((d for d in found.durations if d.start == at and d.unit in ("year", "month")), None)
    if term is None:
        return None
    suspended = _SUSPENDED_AFTER.match(norm, term.end)
    if suspended is not None:
        word = _SUSPENDED_WORD.search(norm, suspended.start(), suspended.end())
        assert word is not None
        return "suspended_prison", term, _phrase(norm, word.start(), word.end()), suspended.end()
    return "prison", term, None, term.end


def _for_whom(norm: str, found: Mentions, at: int, end: int) -> list[Party]:
    """The person a change is for, named right after it: "… xuống chung thân cho bị cáo A"."""
    prep = _FOR_WHOM.match(norm, at, end)
    people = [p for p in _entities(norm, found, prep.end(), end) if p.kind == "person"] if prep else []
    if prep is None or not people or not _ROLE_BEFORE_NAME.fullmatch(norm, prep.end(), people[0].start):
        return []
    return people[:1]


def _authority(norm: str, found: Mentions, start: int, verb: Phrase) -> Party | None:
    """Who changes the sentence: the last organisation or authority word ("HĐXX", "Tòa") named
    in the sentence before the verb ("Hội đồng xét xử chấp thuận kháng cáo, tuyên giảm án")."""
    named = [p for p in _entities(norm, found, start, verb.start) if p.kind == "organization"]
    roles = ("authority", "court_word")
    words = [m for role in roles for m in _pattern(role).finditer(norm, start, verb.start)]
    last_word = max(words, key=lambda m: m.start(), default=None)
    if last_word is not None and (not named or named[-1].end <= last_word.start()):
        return Party(text=last_word.group(), start=last_word.start(), end=last_word.end(), kind="group")
    return named[-1] if named else None


def _proposer(norm: str, found: Mentions, start: int, verb: Phrase) -> Party | None:
    """Rule ``proposed_change_by``: who proposes a change ("VKS đề nghị tòa giảm án cho A" = the
    prosecutor proposes that the court reduce A's sentence) is the party named before the
    proposing word, not the court after it, which is only asked to."""
    demands = list(_DEMAND.finditer(norm, start, verb.start))
    if not demands:
        return None
    word = _phrase(norm, demands[-1].start(), demands[-1].end())
    assert word is not None
    return _authority(norm, found, start, word)


def _event(
    norm: str, kind: EventKind, term: Duration | None, stated: Phrase | None, verb: Phrase,
    target: Party, status: str, authority: Party | None = None,
) -> Event:
    trigger = stated or verb
    parts = [p for p in (trigger, target, term, authority) if p is not None]
    start, end = min(p.start for p in parts), max(p.end for p in parts)
    return Event(
        text=norm[start:end], start=start, end=end, kind=kind, trigger=trigger,
        status=status,  # type: ignore[arg-type]
        target=target, authority=authority, term=term if kind in ("prison", "suspended_prison") else None,
    )  # fmt: skip


def old_sentence_key(event: Event) -> tuple[str, int]:
    """What tells an old sentence of a change apart after the events are merged: its kind and
    where its value (term, else outcome word) starts."""
    return event.kind, event.term.start if event.term is not None else event.trigger.start


def appeal_events(
    text: Text, found: Mentions, clauses: list[tuple[int, int]]
) -> tuple[list[Event], set[tuple[str, int]]]:
    """The old and the new sentence of every change on appeal the text states, and the keys
    (``old_sentence_key``) of the old ones: passed before, by an earlier court."""
    norm = text.normalized
    out: list[Event] = []
    old_ones: set[tuple[str, int]] = set()
    for sentence in text.sentences:
        change = _CHANGE.search(norm, sentence.start, sentence.end)
        if change is None:
            continue
        verb = _phrase(norm, change.start(), change.end())
        assert verb is not None
        authority = _authority(norm, found, sentence.start, verb)
        for clause in (c for c in clauses if sentence.start <= c[0] < sentence.end):
            start = max(clause[0], change.start())
            for cue in _FROM.finditer(norm, start, clause[1]):
                old = _value_at(norm, found, cue.end())
                to = _TO.match(norm, old[3], clause[1]) if old else None
                new = _value_at(norm, found, to.end()) if to else None
                people = [p for p in _entities(norm, found, clause[0], cue.start()) if p.kind == "person"]
                people = people or (_for_whom(norm, found, new[3], clause[1]) if new else [])
                if old is None or new is None or not people:
                    continue
                # the new sentence is proposed when the change is ("đề nghị giảm" = propose to reduce)
                status = _status(norm, sentence.start, verb, None, new[1])
                if status == "possible":
                    authority = _proposer(norm, found, sentence.start, verb) or authority
                out.append(_event(norm, old[0], old[1], old[2], verb, people[-1], "imposed"))
                old_ones.add(old_sentence_key(out[-1]))
                out.append(_event(norm, new[0], new[1], new[2], verb, people[-1], status, authority))
    return out, old_ones


# rule ``upheld_on_appeal``: "(tuyên / xử) y án" (uphold the sentence), "giữ nguyên mức án /
# bản án / án / hình phạt" (keep the sentence, the judgment, the penalty) (grammar: the verbs of
# an appeal upheld)
UPHELD = lazy_compile(
    r"(?<![\p{L}])(?:(?:(?:tuyên|xử)\ +)?y\ +án|giữ\ +nguyên\ +(?:mức\ +án|bản\ +án|án|hình\ +phạt))"
    r"(?![\p{L}])",
    regex.I,
)
_SENTENCE_KINDS = frozenset({"prison", "suspended_prison", "life_prison", "death"})


def upheld_events(
    text: Text, found: Mentions, events: list[Event], clauses: list[tuple[int, int]]
) -> list[Event]:
    """Rule ``upheld_on_appeal``: a sentence upheld on appeal with no value of its own ("Năm 2020,
    TAND cấp cao tại TP HCM xử phúc thẩm, tuyên y án sơ thẩm" = upheld the first instance) is an
    event of its own, as the annotation guideline counts an appeal's sentence: the sentences the
    verb stated last before it (their target, kind and term), passed again by the authority of
    its clause; "đối với A" names whose. A clause stating its own value ("tuyên y án 12 năm tù đối
    với A", "giữ nguyên mức án tử hình") is read by its triggers."""
    norm = text.normalized
    out: list[Event] = []
    for clause in clauses:
        for upheld in UPHELD.finditer(norm, *clause):
            if any(clause[0] <= e.trigger.start < clause[1] and e.end > upheld.start() for e in events):
                continue  # the clause states its own value
            if _NEGATION.search(norm, max(clause[0], upheld.start() - 12), upheld.start()):
                continue  # "không y án" (not upheld)
            before = [e for e in events if e.kind in _SENTENCE_KINDS and e.status == "imposed"
                      and e.end <= clause[0] and e.target is not None]  # fmt: skip
            if not before:
                continue
            verb = _phrase(norm, upheld.start(), upheld.end())
            assert verb is not None
            named = {p.name for p in _entities(norm, found, upheld.end(), clause[1]) if p.kind == "person"}
            last = [e for e in before if e.trigger.start == before[-1].trigger.start]
            whose = [e for e in before if e.target is not None and e.target.name in named]
            upheld_ones = whose if named else last
            authority = _authority(norm, found, clause[0], verb)
            status = _status(norm, clause[0], verb, None, None)
            for event in upheld_ones:
                start = min(verb.start, authority.start if authority else verb.start)
                out.append(Event(
                    text=norm[start : verb.end], start=start, end=verb.end, kind=event.kind, trigger=verb,
                    status=status,  # type: ignore[arg-type]
                    target=event.target, authority=authority, reason=event.reason, term=event.term,
                ))  # fmt: skip
    return out
