"""The court of the case: a sentence whose clause names no authority, or only the trial panel or
the court by a bare word ("HĐXX" = trial panel, "Tòa" = the court), was passed by the court the
article named before it ("Sáng 12/3, TAND tỉnh Bắc Giang xét xử … Tòa tuyên phạt A 8 năm tù").

- No authority in the clause: the court named last before the trigger is the authority (its span
  lies before the event's own: the one part of an event outside its clause).
- A bare word: the span stays the clause's word, and it becomes a mention of that court (kind
  "organization", ``name`` the court's name), as "Hùng" is a mention of "Trần Văn Hùng". Whether
  the annotated authority is the word or the court named earlier is not settled
  (corpus/events/README.md): the record keeps both.

Only imposed sentences (prison, suspended, life, death): a prosecutor's demand ("đề nghị") is not
the court's, and fines, bans and awards have other authorities — except a fine the court passes
with a sentence (rule ``fine_of_the_sentence``): "tuyên phạt A 5 năm tù và phạt bổ sung 20 triệu
đồng" (and an additional fine), a fine in the sentence of a prison term with no full stop between,
is the court's too.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import attrs

from vnextract.linking.event_appeals import old_sentence_key
from vnextract.linking.event_table import _SENTENCES, _table
from vnextract.mentions import Mentions
from vnextract.records import Event, Organization, Party


def _words(text: str) -> str:
    return " ".join(text.casefold().replace("toà", "tòa").split())


def _is_named_court(name: str) -> bool:
    """Whether an organisation's name is a court's with its place: "TAND TP HCM", "Tòa án nhân
    dân tỉnh Nghệ An" (not "Tòa án" alone, nor "Tòa cấm việc" read from "Tòa cấm việc …")."""
    words = _words(name)
    heads = _table()["court_head"]
    return any(words.startswith(head + " ") for head in heads) and words not in _table()["court_word"]


def _level(words: str) -> str | None:
    """The level of a court by the ``court_level`` rows of the table, named by its level alone
    ("tand tỉnh" = the provincial court → "tỉnh") or with its place ("tand tỉnh bạc liêu")."""
    for phrase, level in _table()["court_level"].items():
        if words == phrase or words.startswith(phrase + " "):
            return level
    return None


def _courts(found: Mentions) -> list[Party]:
    """The named courts of the text, in order (one named by its level alone, "TAND tỉnh", too)."""
    return [
        Party(text=o.text, start=o.start, end=o.end, kind="organization", name=o.name)
        for o in sorted(found.organizations, key=lambda o: o.start)
        if _is_named_court(o.name)
    ]


def _court_of_level(authority: Party, before: Sequence[Party]) -> Party | None:
    """Rule ``court_by_its_level``: a court named by its level alone ("TAND tỉnh" = the provincial
    court, "Tòa án nhân dân huyện") is the court of that level the article named last before it
    ("TAND tỉnh Bạc Liêu"); None when the authority is not so named or no such court stands before."""
    words = _words(authority.text)
    if words not in _table()["court_level"]:
        return None
    level = _level(words)
    same = [c for c in before if _words(c.text) != words and _level(_words(c.name or c.text)) == level]
    return same[-1] if same else None


# how far a fine may stand after the sentence it is passed with (characters, no full stop between)
_FINE_REACH = 250


def _with_a_sentence(norm: str, event: Event, events: Sequence[Event]) -> bool:
    """Whether an imposed fine is passed with an imposed sentence of the same sentence: the
    sentence's trigger before it, no full stop between (rule ``fine_of_the_sentence``)."""
    if event.kind != "fine" or event.status != "imposed" or not norm:
        return False
    return any(
        e.kind in _SENTENCES and e.status == "imposed"
        and 0 <= event.trigger.start - e.trigger.start <= _FINE_REACH
        and ". " not in norm[e.trigger.end : event.trigger.start]
        for e in events
    )  # fmt: skip


def _is_appeal_court(court: Party) -> bool:
    """Whether a court's name says it hears appeals (the ``appeal_court`` rows: "TAND tối cao tại
    TP HCM", "TAND cấp cao tại Hà Nội", "tòa phúc thẩm")."""
    words = f" {_words(court.name or court.text)} "
    return any(f" {phrase} " in words for phrase in _table()["appeal_court"])


def _procuracy_named_before(authority: Party, organizations: Sequence[Organization]) -> Party:
    """Rule ``procuracy_named_before``: a procuracy named by a bare word ("VKS", "Viện kiểm sát" =
    the procuracy, rows ``procuracy_word``) is the one the article named in full last before it
    ("VKSND TP HCM", "Viện kiểm sát nhân dân tỉnh Nghệ An"), as a bare court word is the court of
    the case; the span stays the clause's word."""
    if _words(authority.text) not in _table()["procuracy_word"]:
        return authority
    heads = [f"{head} " for head in _table()["procuracy_head"]]
    named = [
        o for o in organizations
        if o.end <= authority.start and any(_words(o.name).startswith(h) for h in heads)
        and _words(o.name) not in _table()["procuracy_word"]
    ]  # fmt: skip
    if not named:
        return authority
    last = max(named, key=lambda o: o.start)
    return attrs.evolve(authority, kind="organization", name=last.name)


def _with_courts(
    found: Mentions, events: list[Event], norm: str = "", old_sentences: Collection[tuple[str, int]] = ()
) -> list[Event]:
    """``events`` with the court of the case as the authority of the sentences that lack one, and
    linked to the bare "HĐXX" / "Tòa" that stand for it.

    Rule ``old_sentence_not_the_appeal_court``: the old sentence of a change on appeal
    (``old_sentences``: "giảm án từ tử hình xuống chung thân" = reduced from death to life) was
    passed by an earlier court, not by the court of appeal named before it ("TAND cấp cao tại
    TP HCM giảm án …"): it takes the last court named before that hears no appeals, or none."""
    courts = _courts(found)
    out = []
    for event in events:
        if event.authority is not None:
            procuracy = _procuracy_named_before(event.authority, found.organizations)
            event = attrs.evolve(event, authority=procuracy)
        before = [c for c in courts if c.end <= event.trigger.start]
        if old_sentence_key(event) in old_sentences:
            before = [c for c in before if not _is_appeal_court(c)]
        sentence = event.kind in _SENTENCES or _with_a_sentence(norm, event, events)
        if not sentence or event.status != "imposed" or not before:
            out.append(event)
        elif event.authority is None:
            court = _court_of_level(before[-1], before[:-1])  # "TAND tỉnh" is "TAND tỉnh X" named before
            named = before[-1] if court is None else attrs.evolve(before[-1], name=court.name)
            out.append(attrs.evolve(event, authority=named))
        elif _words(event.authority.text) in _table()["court_word"]:
            mention = attrs.evolve(event.authority, kind="organization", name=before[-1].name)
            out.append(attrs.evolve(event, authority=mention))
        elif (court := _court_of_level(event.authority, before)) is not None:
            mention = attrs.evolve(event.authority, kind="organization", name=court.name)
            out.append(attrs.evolve(event, authority=mention))
        else:
            out.append(event)
    return out


def is_court_word(text: str) -> bool:
    """Whether ``text`` names the trial panel or the court by a bare word ("HĐXX", "Tòa")."""
    return _words(text) in _table()["court_word"]


def court_before(organizations: Sequence[Organization], at: int) -> Organization | None:
    """The court of the case at offset ``at``: the court the text named last before it."""
    before = [o for o in organizations if o.end <= at and _is_named_court(o.name)]
    return max(before, key=lambda o: o.start, default=None)
