"""Clubs named by their city: in a sentence about a match, "Liverpool" is the club.

The organisations gazetteer marks as ``context`` the clubs whose name is also a city or a region
("Liverpool", "Valencia", "Hoàng Anh Gia Lai"): alone, the name is the place. The pass
:func:`clubs_by_city` reads them as organisations where the sentence or its neighbour speaks of
a match or a club (a word of the class ``sports_cue``: "thắng", "hậu vệ", "Ngoại hạng"; a score
"2-0"; a club the gazetteer knows: "Chelsea và Liverpool"), unless a locative preposition or a
place prefix stands right before the name ("giành 3 điểm tại Bremen", "thành phố Liverpool").
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import NamedTuple

from vnextract import lexicon
from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon import Key, phrase_class, word_class
from vnextract.recognizers.entities.tables import Cand
from vnextract.text.syllables import Syllable

# A score between two teams: "2-0", "1 - 1" is cut in three syllables and is not read.
SCORE = lazy_compile(r"\d{1,2}-\d{1,2}")
# After "A - B", a score or a fixture's kick-off time ("Nam Định - Hải Phòng 16h").
SCORE_OR_KICKOFF = lazy_compile(r"\d{1,2}-\d{1,2}|\d{1,2}h(?:\d{2})?")


class _Tables(NamedTuple):
    city_clubs: frozenset[Key]  # the gazetteer's clubs read in context: "Liverpool"
    clubs: frozenset[Key]  # its clubs read alone: "Chelsea"
    cues: frozenset[Key]  # words of a match or a club: "thắng", "hậu vệ"
    prefixes: frozenset[Key]  # place prefixes: "thành phố"
    locative: frozenset[str]  # "tại", "ở"
    particles: frozenset[str]  # "dos", "van": inside a foreign person's name
    provinces: frozenset[Key]  # Vietnam's provinces: "Bình Dương", "Đà Nẵng"
    match_verbs: frozenset[Key]  # "thắng", "thua", "cầm hòa"
    player_roles: frozenset[Key]  # "cầu thủ", "HLV"
    firsts: frozenset[str]  # the first syllables of the cues and the clubs
    name_firsts: frozenset[str]  # the first syllables of the city clubs and the provinces


@functools.cache
def _tables() -> _Tables:
    orgs = lexicon.world_organizations()
    city_clubs = frozenset(k for k, o in orgs.items() if o.kind == "club" and not o.alone)
    clubs = frozenset(k for k, o in orgs.items() if o.kind == "club" and o.alone)
    cues = phrase_class("sports_cue")
    provinces = lexicon.vietnamese_provinces()
    return _Tables(
        city_clubs,
        clubs,
        cues,
        frozenset(lexicon.place_prefixes()),
        word_class("club_locative"),
        word_class("foreign_name_particle"),
        provinces,
        phrase_class("match_verb"),
        phrase_class("player_role"),
        frozenset(k[0] for k in cues | clubs),
        frozenset(k[0] for k in city_clubs | provinces),
    )


def _entry_at(toks: Sequence[Syllable], i: int, table: frozenset[Key]) -> int:
    """The length of the longest entry of ``table`` written from syllable ``i`` (1 to 4), 0 if none."""
    for n in (4, 3, 2, 1):
        if i + n <= len(toks) and tuple(t.text for t in toks[i : i + n]) in table:
            return n
    return 0


def _whole_words(toks: Sequence[Syllable], i: int, n: int) -> bool:
    """Syllables [i, i+n) start a word and end one: "thua" is a cue, "thua lỗ" (a loss) is not."""
    return toks[i].word_start and (
        i + n == len(toks) or toks[i + n].word_start or toks[i + n].kind == "punct"
    )


def sports_sentence(toks: Sequence[Syllable]) -> bool:
    """The sentence speaks of a match or a club: a sports cue, a score, or a club the
    gazetteer reads alone ("Chelsea")."""
    tables = _tables()
    firsts = tables.firsts  # the scan probes a set per syllable, then the few that start an entry
    for i, t in enumerate(toks):
        if t.text not in firsts and not (i == 0 and t.text.lower() in firsts) and t.kind != "num":
            continue
        if t.kind == "num" and SCORE.fullmatch(t.text) and not (i > 0 and toks[i - 1].text == "ngày"):
            return True  # "thắng 2-0" ("ngày 10-5" is a date)
        n = _entry_at(toks, i, tables.cues)
        if not n and i == 0 and len(toks) > 1:
            # "Trận đấu diễn ra …", "Hậu vệ Liverpool …": a cue of two syllables opening the
            # sentence (one syllable there is rather a given name: "Thắng", "Hòa")
            n = _entry_at([t._replace(text=t.text.lower()), *toks[1:4]], 0, tables.cues)
            n = n if n >= 2 else 0
        if n and _whole_words(toks, i, n):
            return True
        if t.kind in ("cap", "abbr") and _entry_at(toks, i, tables.clubs):
            return True
    return False


def _alone_in_run(toks: Sequence[Syllable], i: int, n: int) -> bool:
    """The name is its whole capitalised run ("Aston Villa", "Werder Bremen" are other names)."""
    before = i > 0 and toks[i - 1].kind in ("cap", "abbr")
    after = i + n < len(toks) and toks[i + n].kind in ("cap", "abbr")
    return not before and not after


def _in_foreign_name(toks: Sequence[Syllable], i: int) -> bool:
    """The last word of a foreign name joined by a particle: "Julio dos Santos", "de Milan"."""
    return (
        i > 1
        and toks[i - 1].text in _tables().particles
        and any(c.isupper() for c in toks[i - 2].text)  # "Julio", "20-Julio" of a line-up
    )


def _after_place_word(toks: Sequence[Syllable], i: int) -> bool:
    """A locative preposition or a place prefix right before: "tại Bremen", "thành phố Liverpool"."""
    tables = _tables()
    if i > 0 and toks[i - 1].text in tables.locative:
        return True
    return any(i - n >= 0 and tuple(t.text for t in toks[i - n : i]) in tables.prefixes for n in (1, 2, 3))


def _ends_at(toks: Sequence[Syllable], i: int, table: frozenset[Key]) -> bool:
    """An entry of ``table`` ends right before syllable ``i`` (its first letter lowercased at
    the sentence's start: "Cầu thủ Đà Nẵng …")."""
    for n in (1, 2, 3):
        if i - n >= 0:
            words = tuple(t.text for t in toks[i - n : i])
            if words in table or (i == n and (words[0].lower(), *words[1:]) in table):
                return True
    return False


def standings_row(
    sentences: Sequence[tuple[Sequence[Syllable], list[Cand]]], idx: int, i: int, end: int
) -> bool:
    """Syllables [i, end) of sentence ``idx`` are a team in a row of a league table: a rank
    right before them and three figures right after (matches, points, goals), on one line
    ("3 Bình Dương 22 11 56 38") or a cell a line, as tables of scraped pages come."""
    toks = sentences[idx][0]
    if i > 0:
        rank = toks[i - 1].kind == "num"
    else:
        rank = idx > 0 and len(sentences[idx - 1][0]) > 0 and sentences[idx - 1][0][-1].kind == "num"
    if not rank:
        return False
    after = list(toks[end : end + 3])
    k = idx + 1
    while len(after) < 3 and k < len(sentences):
        after.extend(sentences[k][0][: 3 - len(after)])
        k += 1
    return len(after) == 3 and all(t.kind == "num" for t in after)


def _province_club(toks: Sequence[Syllable], i: int, n: int) -> bool:
    """A province named as its club by the match itself: "thua Bình Dương", "Đồng Tháp thắng",
    "Nam Định - Bình Định 2-2", "cầu thủ Đà Nẵng", or by a row of a league table (a rank before
    it, three figures after it: "3 Bình Dương 22 11 56 38"). A country there is the national
    team, a place by the guideline ("Việt Nam thắng Thái Lan"), and is not read."""
    tables = _tables()
    end = i + n

    def score_at(k: int) -> bool:  # a score, or a fixture's kick-off: "2-2", "16h", "17h30"
        return k < len(toks) and toks[k].kind == "num" and bool(SCORE_OR_KICKOFF.fullmatch(toks[k].text))

    def run_end(k: int) -> int:
        while k < len(toks) and toks[k].kind in ("cap", "abbr"):
            k += 1
        return k

    if _ends_at(toks, i, tables.match_verbs) or _ends_at(toks, i, tables.player_roles):
        return True
    if _entry_at(toks, end, tables.match_verbs):
        return True
    if end + 1 < len(toks) and toks[end].text == "-" and toks[end + 1].kind in ("cap", "abbr"):
        return score_at(run_end(end + 1))  # "Nam Định - Bình Định 2-2"
    return i > 1 and toks[i - 1].text == "-" and toks[i - 2].kind in ("cap", "abbr") and score_at(end)


def _exactly(c: Cand, start: int, end: int) -> bool:
    return c.start == start and c.end == end


def clubs_by_city(
    sentences: Sequence[tuple[Sequence[Syllable], list[Cand]]], trace: list[str] | None = None
) -> None:
    """Rule ``club_by_city``: a ``context`` club of the organisations gazetteer, the whole of its
    capitalised run, in a sentence about sports (or next to one) is an organisation: "Hậu vệ
    Liverpool ghi bàn" → ORG "Liverpool"; "Ông sinh ra ở Liverpool" stays a place. A place
    or an unlabelled run over exactly the name becomes the club; a person or a longer
    candidate is left alone. Changes the candidates in place."""
    tables = _tables()
    city_clubs, provinces, name_firsts = tables.city_clubs, tables.provinces, tables.name_firsts
    named = [any(t.text in name_firsts for t in toks) for toks, _cands in sentences]
    if not any(named):
        return  # no club's city and no province: nothing to read (most documents)
    sporty = [False, *(sports_sentence(toks) for toks, _cands in sentences), False]
    sports_document = any(sporty)
    for idx, (toks, cands) in enumerate(sentences):
        near = any(sporty[idx : idx + 3])  # this sentence, or one beside it
        if not (named[idx] and sports_document):
            continue
        for i, t in enumerate(toks):
            if t.text not in name_firsts:
                continue
            n = _entry_at(toks, i, city_clubs) if t.kind == "cap" else 0
            rule = "club_by_city"
            if n and not near:
                n, rule = (n, "standings_row") if standings_row(sentences, idx, i, i + n) else (0, rule)
            if not n and t.kind == "cap" and (p := _entry_at(toks, i, provinces)):
                if near and _province_club(toks, i, p):
                    n, rule = p, "province_club"  # a V-League club named by its province
                elif standings_row(sentences, idx, i, i + p):
                    n, rule = p, "standings_row"  # a row of a league table in a sports article
            if (
                not n
                or not _alone_in_run(toks, i, n)
                or _in_foreign_name(toks, i)
                or _after_place_word(toks, i)
            ):
                continue
            over = [q for q, c in enumerate(cands) if c.start < i + n and c.end > i]
            if not over:
                cands.append(Cand("ORG", i, i + n))
                cands.sort(key=lambda c: c.start)
            elif (
                len(over) == 1
                and _exactly(cands[over[0]], i, i + n)
                and cands[over[0]].label in ("LOC", "UNK")
            ):
                cands[over[0]] = Cand("ORG", i, i + n)
            else:
                continue
            if trace is not None:
                trace.append(rule)
