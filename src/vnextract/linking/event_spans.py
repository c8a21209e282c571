"""Spans of an event's clause, for the events linker: the clauses of a text, phrases trimmed at
their edges, the persons and organisations named in a stretch, an outcome's trigger."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.linking.event_table import _OUTCOMES
from vnextract.mentions import Mentions
from vnextract.records import Party, Phrase, Span
from vnextract.text import Text

# what may close a phrase: "(Lazada)", "50%", a quoted charge: về tội “Giết người”
_CLOSERS = frozenset(')%”"»’')


_CLAUSE_END = lazy_compile(r"[;\n]")


def _outcome_trigger(norm: str, outcome: regex.Match[str] | None, kind: str) -> Phrase | None:
    """The trigger of an outcome kind: its outcome word ("tử hình" = death, "tù chung thân" =
    life, "án treo" = suspended), the words that state the sanction, not the sentencing verb
    ("tuyên phạt A tử hình"); None for other kinds (the verb states them)."""
    if outcome is None or kind not in _OUTCOMES:
        return None
    return _phrase(norm, outcome.start(), outcome.end())


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
    parties += _two_word_mentions(norm, found, start, end)
    return sorted(parties, key=lambda p: (p.start, p.end))


def _two_word_mentions(norm: str, found: Mentions, start: int, end: int) -> list[Party]:
    """A person named by the last two words of their name ("Trường Sơn" for "Vũ Trường Sơn",
    "Văn Sơn" for "Nguyễn Văn Sơn"), when no other person of the text ends so: lists of
    defendants use them to tell apart those who share a given name ("Phú, Trường Sơn, Nhật Sơn
    mỗi bị cáo 3 năm"). The persons linker links one given name alone ("Sơn"), not these."""
    tails: dict[str, list[str]] = {}
    for person in found.persons:
        words = person.name.split()
        if len(words) >= 3:
            tails.setdefault(" ".join(words[-2:]), []).append(person.name)
    taken = [(m_start, m_end) for p in found.persons for m_start, m_end in p.mentions or ((p.start, p.end),)]
    out = []
    for tail, names in tails.items():
        if len(set(names)) != 1:
            continue  # two persons end so: the words name neither
        for at, stop in _whole_word_occurrences(norm, tail, start, end):
            if not any(m_start < stop and at < m_end for m_start, m_end in taken):
                out.append(Party(text=tail, start=at, end=stop, kind="person", name=names[0]))
    return out


def _whole_word_occurrences(norm: str, words: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each occurrence of ``words`` in ``norm[start:end]`` with no letter just
    before or after it inside that stretch, left to right, not overlapping. A plain search, not a
    pattern built per name: compiling one per person and call was ~1 % of extract()'s time.

    >>> _whole_word_occurrences("Trường Sơn, Nhật Sơn và Sơnla", "Sơn", 0, 29)
    [(7, 10), (17, 20)]
    """
    out: list[tuple[int, int]] = []
    at = norm.find(words, start, end)
    while at >= 0:
        stop = at + len(words)
        if (at == start or not norm[at - 1].isalpha()) and (stop == end or not norm[stop].isalpha()):
            out.append((at, stop))  # str.isalpha is \p{L}: the letter categories Lu Ll Lt Lm Lo
            at = norm.find(words, stop, end)
        else:
            at = norm.find(words, at + 1, end)
    return out


def _last_comma(norm: str, start: int, end: int) -> int:
    """The last comma in [start, end) outside parentheses ("A (30 tuổi, trú Hà Nội)"), or -1."""
    depth = 0
    for at in range(end - 1, start - 1, -1):
        char = norm[at]
        if char == ")":
            depth += 1
        elif char == "(":
            depth = max(0, depth - 1)
        elif char == "," and depth == 0:
            return at
    return -1


def _after_spaces(norm: str, at: int) -> int:
    """The first offset from ``at`` that is not a space."""
    while at < len(norm) and norm[at] == " ":
        at += 1
    return at
