"""Mentions of persons and who they are: one cluster per real person.

A later (or, for a headline, earlier) mention whose name is the last word(s) of a full name joins
it ("Liêm" → "Trần Thanh Liêm"); a foreign full name also takes its first words ("Tala" → "Tala
Pierre Marie"); an alias joins the name it follows ("Trần Bá Ngọc Dung (tức Nguyệt"); honorifics
of opposite gender never join; names of bodies ("T.Ư Đảng") are no persons. Moved out of
:mod:`vnextract.linking.persons` (issue 14).
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Sequence

import attrs
import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon import honorific_genders, honorifics, person_cues, surnames, word_class
from vnextract.lexicon.names import Gender
from vnextract.lexicon.words import alternation
from vnextract.linking.group_roles import ARABIC_ARTICLE, SHIRT_NUMBER
from vnextract.records import Person
from vnextract.text import Text
from vnextract.text.view import flat_syllables


@functools.cache
def _honorific_keys() -> frozenset[tuple[str, ...]]:
    """The honorifics as casefolded syllable tuples: ("ông",), ("cụ", "bà")."""
    words = set(honorifics()) | set(honorific_genders())
    # "o" (aunt, Central dialect) is too ambiguous
    return frozenset(tuple(w.casefold().split()) for w in words if len(w) > 1)


#: how far before a name its honorific may start (characters, the honorific and its space)
_HONORIFIC_REACH = 8
# not the second half of a kinship compound: "3 chị em Đường Thị Quế" (three siblings)
# (grammar: the kin words that open such a compound)
_KIN_WORDS = ("chị", "anh", "ông", "bà", "cô", "chú", "cháu")


def _honorific_before(text: Text, start: int) -> int | None:
    """Where the honorific right before the name at ``start`` begins ("ông" of "ông Trần Thanh
    Liêm"), read on the token view's syllables: the longest honorific within reach, spaces
    after it, no letter glued before it and not after a kin word ("chị em Quế"); None: none."""
    s = text.normalized
    starts, syllables = flat_syllables(text)
    j = bisect.bisect_left(starts, start)
    if j == 0 or not s[syllables[j - 1].end : start].isspace():
        return None
    keys = _honorific_keys()
    for n in (2, 1):
        if j - n < 0:
            continue
        words = syllables[j - n : j]
        first = words[0].start
        if (
            first < start - _HONORIFIC_REACH
            or any(b.start - a.end != 1 or s[a.end] != " " for a, b in itertools.pairwise(words))
            or tuple(w.text.casefold() for w in words) not in keys
            or (first > 0 and s[first - 1].isalpha())
        ):
            continue
        before = syllables[j - n - 1] if j - n > 0 else None
        if (
            before is not None
            and before.end == first - 1
            and s[before.end].isspace()
            and before.text.casefold().endswith(_KIN_WORDS)
        ):
            continue
        if (
            before is not None
            and before.end == first - 1
            and (before.text, *(w.text for w in words)) in person_cues()
        ):
            continue  # "Sư cô Diệu Hạnh" (the nun): the word ends a role, it is no honorific
        return first
    return None


def gender_of(honorific: str | None) -> Gender | None:
    """The gender an honorific implies: gender_of("bà") == "female"; "em" says nothing."""
    return honorific_genders().get(honorific.casefold()) if honorific else None


@attrs.frozen
class Mention:
    start: int
    end: int
    name: str
    honorific: str | None
    outer: int  # start including the honorific ("ông Liêm")


def mentions_of(text: Text, persons: Sequence[Person]) -> list[Mention]:
    s = text.normalized
    out: list[Mention] = []
    seen: set[tuple[int, int]] = set()
    for person in persons:
        spans = person.mentions or ((person.start, person.end),)
        for start, end in spans:
            if number := SHIRT_NUMBER.match(s, start, end):
                start = number.end()  # "12-Diego Barreto" in a line-up: the player's number
            if (start, end) in seen or end <= start:
                continue
            seen.add((start, end))
            at = _honorific_before(text, start)
            if at is not None and s[at].isupper() and s[:at].rstrip(" \t")[-1:].isalnum():
                at = None  # "Thủ tướng Anh Tony Blair": a capital mid-sentence is the country
            honorific = s[at:start].split()[0].casefold() if at is not None else None
            out.append(Mention(start, end, s[start:end], honorific, at if at is not None else start))
    return sorted(out, key=lambda m: (m.start, m.end))


# An Arabic article joined to a name by a hyphen counts as a word of its own, so that "Qosi"
# refers to "Ibrahim al-Qosi".
_ARABIC_ARTICLE = lazy_compile(rf"(?<![\p{{L}}])({ARABIC_ARTICLE[:-1]})-(?=\p{{L}})")


def name_words(name: str) -> list[str]:
    """Casefolded words of a name; a cut given name's dot does not count ("bà C." is "Lò Thị C");
    a hyphenated Arabic article is a word ("al-Qosi": "al", "qosi")."""
    folded = _ARABIC_ARTICLE.sub(r"\1 ", name.casefold())
    return [w.rstrip(".") or w for w in folded.split()]


@functools.cache
def _surnames_folded() -> frozenset[str]:
    return frozenset(w.casefold() for w in surnames())


def _is_vietnamese(words: list[str]) -> bool:
    return bool(words) and words[0] in _surnames_folded()


def refers_to(short: list[str], full: list[str]) -> bool:
    """Whether a shorter name refers to a full one: its last words (or a foreign name's first)."""
    return 0 < len(short) < len(full) and tuple(short) in _name_keys(tuple(full))


def compatible(a: str | None, b: str | None) -> bool:
    ga, gb = gender_of(a), gender_of(b)
    return ga is None or gb is None or ga == gb


class Cluster:
    """Mentions of one person. In the forward pass a cluster's first mention is its fullest
    (a later mention joins only when it is the same name or a short form of it)."""

    def __init__(self, mention: Mention, order: int) -> None:
        self.mentions = [mention]
        self.order = order
        self.words = tuple(name_words(mention.name))
        self.genders = {g} if (g := gender_of(mention.honorific)) else set()

    @property
    def full(self) -> Mention:
        """The first mention with the most words: the person's full name."""
        return max(self.mentions, key=lambda m: (len(m.name.split()), -m.start))

    @property
    def honorifics(self) -> list[str]:
        return [m.honorific for m in self.mentions if m.honorific]

    def compatible(self, genders: set[Gender]) -> bool:
        return len(self.genders | genders) <= 1

    def add(self, mentions: list[Mention], genders: set[Gender]) -> None:
        self.mentions.extend(mentions)
        self.genders |= genders


@functools.cache
def _generation_suffixes() -> frozenset[str]:
    """"Jr", "Sr", "III" … casefolded (word class ``generation_suffix``)."""
    return frozenset(w.casefold() for w in word_class("generation_suffix"))


def _name_keys(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The names a person with these words may be called by later: the full name, its last
    words ("Liêm", "Thanh Liêm") and, for a foreign name, its first words ("Tala"). A
    generation's suffix is no name of its own: "Paul Johnson III" is later "Johnson"."""
    keys = [words[i:] for i in range(len(words))]
    if not _is_vietnamese(list(words)):
        keys += [words[:i] for i in range(1, len(words))]
        if len(words) > 2 and words[-1] in _generation_suffixes():
            keys += [words[i:-1] for i in range(1, len(words) - 1)]
    return keys


#: Words of bodies that never make up a person's name: "Bí thư T.Ư Đảng" (the Party's Central
#: Committee), "tổ chức Nông Lương Liên Hợp Quốc" (the UN's FAO), "Thay mặt Đảng" (on behalf of
#: the Party), casefolded.
_BODY_WORDS = sorted(word_class("body_in_name"))


_BODY_IN_NAME = lazy_compile(
    rf"(?<![\p{{L}}.])(?:{'|'.join(regex.escape(w) for w in _BODY_WORDS)})(?![\p{{L}}.])"
)


def named(mentions: list[Mention]) -> list[Mention]:
    """Mentions that can be a person's name: not the name of a body ("T.Ư Đảng", "Lương Liên
    Hợp Quốc"), not a bare "Đảng" (the Party) without an honorific."""
    return [
        m for m in mentions
        if _BODY_IN_NAME.search(m.name.casefold()) is None
        and not (m.honorific is None and m.name.casefold() == "đảng")
    ]


# Between a name and another name of the same person: "Trần Bá Ngọc Dung (tức Nguyệt, 33
# tuổi)", "Nguyễn Văn Tám, tức Tám Lùn", "Lê Văn Hai (còn gọi là Hai Búa)", "John Smith (tên
# gọi khác là Jack Smith" (other name), "(tên thật …" (real name), "(nghệ danh …" (stage name);
# the comma may be left out ("Cu Bé tức Nguyễn Thành Lợi"), the alias quoted ("(biệt danh 'Tế
# điên')") and a quoted nickname may follow the first name ("Bảy “Chà” tức Nguyễn Chí Đạo");
# "(thường) được gọi là" (is called) and an honorific of another language before the alias
# ("Nualphan Lamsam, còn gọi là Madam Pang": grammar, the guideline's "Madam", "Mr.").
# The cues are word_classes.tsv "alias_cue".
_ALIAS_CUE = alternation("alias_cue", r"[ \t]+")
_ALIAS_GAP = lazy_compile(
    rf"""(?:[ \t]+[“"'‘][^”"'’\n]{{1,20}}[”"'’])?
        [ \t]*[(,]?[ \t]*(?i:{_ALIAS_CUE})
        [ \t]+(?:(?:Madam|Mr|Mrs|Ms|Miss|Sir)\.?[ \t]+)?[“"'‘]?""",
    regex.VERBOSE,
)


def _headline_subject(short: Cluster, targets: list[Cluster]) -> bool:
    """Rule short-name-before-namesakes: a short name used only before several longer names it
    fits (a headline "Con trai Mandela qua đời" (Mandela's son dies), then "Nelson Mandela
    thông báo con trai ông, Makgatho Mandela, …") is the first of them: the person the story
    opens with. ``targets`` are in the order their names were first written."""
    if len(targets) < 2:
        return False
    first = min(m.start for m in targets[0].mentions)
    return all(m.end <= first for m in short.mentions)


def cluster(mentions: list[Mention], s: str = "") -> list[Cluster]:
    """Group mentions of one person; linear in the mentions (names are looked up, not compared
    with every person so far). An alias written right after a name ("(tức Nguyệt") is the same
    person, and so are its later mentions."""
    clusters: list[Cluster] = []
    by_name: dict[tuple[str, ...], list[Cluster]] = {}
    previous: tuple[Mention, Cluster] | None = None
    merged: set[int] = set()  # clusters an alias joined to the name it stands for
    joined: dict[int, Cluster] = {}  # a merged cluster → the cluster it joined
    for m in mentions:
        words = tuple(name_words(m.name))
        genders = {g} if (g := gender_of(m.honorific)) else set()
        # the most recent person this name can refer to
        home = next((c for c in reversed(by_name.get(words, [])) if c.compatible(genders)), None)
        while home is not None and home.order in joined:  # its later mentions go where it went
            home = joined[home.order]
        alias = previous is not None and _ALIAS_GAP.fullmatch(s, previous[0].end, m.outer) is not None
        if alias and previous is not None and home is not previous[1]:
            if home is not None and home.words == words and previous[1].compatible(home.genders):
                # the alias was used before the name it stands for: a headline "Phú Lê: '…'",
                # then "Lê Văn Phú, tức Phú Lê, …" — one person (not a person whose name only
                # ends like the alias: "Nguyễn Tấn Dũng" is not "Lê Văn Tám, tức Dũng")
                previous[1].add(home.mentions, home.genders)
                merged.add(home.order)
                joined[home.order] = previous[1]
            home = previous[1]
            home.add([m], genders)
            for key in _name_keys(words):
                by_name.setdefault(key, []).append(home)
        elif home is None:
            home = Cluster(m, len(clusters))
            clusters.append(home)
            for key in _name_keys(words):
                by_name.setdefault(key, []).append(home)
        else:
            home.add([m], genders)
        previous = (m, home)
    # A short name before its full name (a headline "Diệp Hồng tranh giải …", then "người mẫu
    # Nguyễn Nga Diệp Hồng"): join the one later, longer name it can refer to.
    gone: set[int] = set(merged)
    for c in clusters:
        if c.order in gone:
            continue
        targets = [d for d in by_name.get(c.words, []) if d.order > c.order and len(d.words) > len(c.words)
                   and d.order not in gone and d.compatible(c.genders)]
        targets.sort(key=lambda d: d.order)
        if len(targets) == 1 or _headline_subject(c, targets):
            targets[0].add(c.mentions, c.genders)
            gone.add(c.order)
    kept = [c for c in clusters if c.order not in gone]
    for c in kept:
        c.mentions.sort(key=lambda m: m.start)
    return kept
