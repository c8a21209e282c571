"""Linking step: the names a title announces that no recogniser found.

The entity scanner misses many foreign names written with their role; the title recogniser then
reads the name as the title's organisation ("Bộ trưởng Quốc phòng Mỹ Donald Rumsfeld" → the
organisation "Quốc phòng Mỹ Donald Rumsfeld"). This step, run before the persons are linked,
takes the name out of the title and adds it as a Person:

- TITLE … NAME: the capitalised run that ends the title's reading, after the places and
  abbreviations that belong to the organisation ("Chủ tịch LĐBĐ Thái Lan Nualphan Lamsam",
  "phát ngôn viên Roy Wadia", "Đại sứ Pháp tại Việt Nam Olivier Brochet");
- NAME, TITLE: a foreign name opening a clause, then its title after a comma or a dash
  ("Marc Chandler, Giám đốc điều hành Bannockburn Global Forex, cho biết");
- TITLE: 'quote' in a headline, then a foreign name opening the summary
  (:mod:`~vnextract.linking.headlines`): "Tiền vệ Thái Lan: '…'" / "Seksan Ratree kỳ vọng …";
- ROLE: NAMES — names listed after a role they share (:mod:`~vnextract.linking.group_roles`):
  "Thủ môn: Quốc Huy, Đức Cường".

A foreign name found without the particle and the words after it is lengthened over them
("Aubrey" → "Aubrey de Grey").

A name is a run of two to six capitalised words that starts with a common foreign given name,
or has a word that cannot be a Vietnamese syllable ("Rumsfeld", "Wadia"), or (right after the
role or a place) a Vietnamese surname and one to three syllables ("Đội trưởng Quế Ngọc Hải").
"""

from __future__ import annotations

import bisect
import functools
from typing import NamedTuple

import attrs
import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon import foreign_given_names, function_words, places, surnames, word_class
from vnextract.lexicon.gazetteer import place_names
from vnextract.lexicon.organizations import title_reader_heads
from vnextract.linking.group_roles import ARABIC_ARTICLE, NAME_PARTICLES, listed_names
from vnextract.linking.headlines import speaker_line
from vnextract.mentions import Mentions
from vnextract.recognizers.titles import role_kind
from vnextract.records import Location, Organization, Person, Title
from vnextract.text import Text
from vnextract.text.spelling import looks_foreign

#: A capitalised word of a name: "Donald", "McKinlay", "Jean-Michel", "Da'i", an initial "B.".
_NAME_WORD = lazy_compile(r"(?:Mc|Mac)?\p{Lu}[\p{Ll}\p{M}'’]*+(?:-\p{Lu}?[\p{Ll}\p{M}]++)*+|\p{Lu}\.")
#: An abbreviation of a body, part of the organisation before a name: "LĐBĐ", "IDC", "MU".
_ABBREVIATION = lazy_compile(r"\p{Lu}[\p{Lu}\p{N}&.\-]*\p{Lu}[\p{Lu}\p{N}]*")
#: Names of two to six words; a Vietnamese name has two to four syllables.
_MAX_NAME_WORDS = 6
_MAX_VIETNAMESE_WORDS = 4
#: Roles that usually take a company after them, never a bare foreign name: "Giám đốc điều
#: hành Bannockburn Global Forex" is a company, not a person.
_COMPANY_ROLE_KINDS = frozenset({"business", "owner"})
#: What may stand between a name and its title after it: "Marc Chandler, Giám đốc …",
#: "Katsuya Okada - lãnh đạo …", "Yevgeny Baru - một luật sư …" (grammar: một = a, là = is,
#: the modifiers nguyên/cựu = former).
_POST_GAP = lazy_compile(r"[ \t]*(?:,|[\-–—])[ \t]*(?:(?:một|là|nguyên|cựu)[ \t]+)?")
_POST_GAP_AT_END = lazy_compile(_POST_GAP.pattern + "$")
#: What opens the clause a name before its title starts: the text's or a line's start, a
#: sentence end, a quote, "Theo" (according to), a colon.
_CLAUSE_OPENING = lazy_compile(r"(?:^|[\n.!?:;\"“”‘’'(]|[\"”’'][ \t]*,|(?<![\p{L}])(?i:theo))[ \t]*$")


class _Word(NamedTuple):
    start: int
    end: int
    text: str


@functools.cache
def _surnames() -> frozenset[str]:
    return frozenset(surnames())


@functools.cache
def _body_heads() -> frozenset[str]:
    """Casefolded heads of bodies whose name a capitalised run after them is: "tập đoàn Dye
    Golf", "trường Xiếc Matxcơva", "tờ Guardian" (not a person)."""
    heads = word_class("org_introducer") | word_class("lower_unit_head") | set(title_reader_heads())
    return frozenset(h.casefold() for h in heads)


@functools.cache
def _sentence_starters() -> frozenset[str]:
    """Capitalised words that open a sentence and never begin a name: "Theo", "Việc"."""
    return word_class("sentence_starter")


@functools.cache
def _places() -> frozenset[str]:
    return place_names()


@functools.cache
def _countries() -> frozenset[str]:
    """Names of countries as written ("Nga", "Israel", "Hàn Quốc")."""
    return frozenset(" ".join(k) for k, p in places().items() if p.kind == "quốc gia")


@functools.cache
def _org_words() -> frozenset[str]:
    """English words that make a capitalised run a body ("Bank", "Agency") and Vietnamese heads."""
    return word_class("foreign_org_word")


_WORD = lazy_compile(r"[^\s,;:()]+")


def _words(s: str, start: int, end: int) -> list[_Word]:
    return [_Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(s, start, end)]


def _is_name_word(word: str) -> bool:
    """A capitalised word that can be part of a name; not a function word written with a
    capital ("Các" opening a sentence after a headline without its full stop)."""
    if word in NAME_PARTICLES:
        return True
    return _NAME_WORD.fullmatch(word) is not None and (word.casefold(),) not in _function_words()


@functools.cache
def _function_words() -> frozenset[tuple[str, ...]]:
    return function_words()


def _place_length(words: list[_Word], i: int) -> int:
    """How many words from ``i`` make a place name ("Thái Lan", "Việt Nam", "Mỹ"), longest first."""
    for n in range(min(4, len(words) - i), 0, -1):
        if " ".join(w.text for w in words[i : i + n]) in _places():
            return n
    return 0


def _name_in(words: list[_Word], *, first_after_role: bool, company_role: bool) -> int | None:
    """Where the name starts in a capitalised run ending a title's reading, or None.

    The run follows the role or a lowercase word ("Trọng tài Slavko Vincic", "Cố vấn An ninh
    quốc gia Condoleezza Rice"); a Vietnamese name must follow the role or a place.
    """
    j, after_place = 0, True
    while j < len(words):  # the organisation's places and abbreviations come first
        n = _place_length(words, j)
        if n:
            j, after_place = j + n, True
        elif _ABBREVIATION.fullmatch(words[j].text):
            j, after_place = j + 1, False
        else:
            break
    name = [w.text for w in words[j:]]
    if name and name[0] not in foreign_given_names():
        # "RealNetworks Rob Glaser", "IDC David Linsalata": the body's name, then a given name
        inner = next((i for i in range(1, len(name) - 1) if name[i] in foreign_given_names()), None)
        if inner is not None:
            j, name = j + inner, name[inner:]
    if not 2 <= len(name) <= _MAX_NAME_WORDS or name[0] in NAME_PARTICLES or name[-1] in NAME_PARTICLES:
        return None
    if " ".join(name) in _places() or any(w in _org_words() for w in name):
        return None
    if name[0] in foreign_given_names():
        return j
    if any(" ".join(name[k:]) in _countries() for k in range(1, len(name))):
        return None  # "Phó chủ tịch Duma Nga": a body and its country, not a name
    if name[0] in _surnames() and len(name) <= _MAX_VIETNAMESE_WORDS and after_place \
            and (j > 0 or first_after_role) and not any(looks_foreign(w) for w in name):
        return j  # "Đội trưởng Quế Ngọc Hải"
    if not company_role and any(looks_foreign(w) for w in name):
        return j  # "phát ngôn viên Roy Wadia", "Đại sứ Pháp tại Việt Nam Olivier Brochet"
    return None


def _tail_run(words: list[_Word]) -> int:
    """Index of the first word of the capitalised run that ends ``words``."""
    i = len(words)
    while i > 0 and _is_name_word(words[i - 1].text):
        i -= 1
    return i


def _role_end(s: str, title: Title) -> int:
    end = title.end - len(title.organization) if title.organization else title.end
    while end > title.start and s[end - 1] in " ,":
        end -= 1
    return end


class _Taken:
    """Spans already found, to ask whether one overlaps a stretch of text (spans rarely nest)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.ends = frozenset(b for _, b in self.spans)

    def ends_at(self, end: int) -> bool:
        return end in self.ends

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.starts, end) - 1
        return k >= 0 and self.spans[k][1] > start


def _after_body_head(before: list[_Word]) -> bool:
    """Whether the words before a capitalised run end with a body's head ("tập đoàn", "tờ")."""
    folded = [w.text.casefold() for w in before[-3:]]
    return any(" ".join(folded[i:]) in _body_heads() for i in range(len(folded)))


def held_before(s: str, title: Title, persons: _Taken) -> bool:
    """Whether a person found right before the title holds it: "Trương Thị Hoàng Thúy, Trưởng
    phòng …", "Katsuya Okada - lãnh đạo …"."""
    # the gap that ends at the title (an earlier comma in the window, "Trong khi đó, Vinícius,
    # tiền đạo …", is not it)
    gap = _POST_GAP_AT_END.search(s, max(0, title.start - 12), title.start)
    return gap is not None and persons.ends_at(gap.start())


def _names_ending_titles(s: str, titles: tuple[Title, ...], persons: _Taken) -> list[tuple[Title, int, int]]:
    """(title, name start, name end) for every title whose reading ends in a name nobody found."""
    out = []
    for t in titles:
        role_end = _role_end(s, t)
        words = _words(s, role_end, t.end)
        first = _tail_run(words)
        run = words[first:]
        if not run:
            continue
        if persons.overlaps(t.start, t.end):
            continue  # the recognisers found a person inside the title's reading
        if held_before(s, t, persons):
            continue  # "Trương Thị Hoàng Thúy, Trưởng phòng … Air France": the holder is named
        company = role_kind(t.role) in _COMPANY_ROLE_KINDS
        at = _name_in(run, first_after_role=first == 0, company_role=company)
        if at is not None and at == 0 and _after_body_head(words[:first]):
            # "tập đoàn Dye Golf": the run names the body; a name may still follow its name
            # ("phóng viên tờ Guardian Rory Carroll")
            at = next((i for i in range(1, len(run) - 1) if run[i].text in foreign_given_names()), None)
        if at is None:
            continue
        out.append((t, run[at].start, run[-1].end))
    return out


# After a title, before the name it announces: a nationality ("chiến lược gia người Thái Lan
# Arjhan Songamsuk") or the body it serves ("Chuyên gia phân tích của hãng nghiên cứu thị trường
# IDC David Linsalata"), then the capitalised run; or the name as an apposition ("Tay vợt người
# Bỉ, Justine Henin, vẫn …").
_NATIONALITY = r"[ \t]+(?:người|gốc)[ \t]+\p{Lu}[\p{L}\-]*(?:[ \t]+\p{Lu}[\p{L}\-]*){0,2}"
_RUN_WORD = r"(?:\p{Lu}[^\s,.;:()]*|" + "|".join(sorted(NAME_PARTICLES)) + ")"
_FIRST_WORD = r"\p{Lu}[^\s,.;:()]*"
_AFTER_TITLE = lazy_compile(
    rf"""(?P<nationality>{_NATIONALITY})?
    (?:(?P<of>[ \t]+của(?:[ \t]+\p{{Ll}}+){{0,5}})?                # "của hãng nghiên cứu …"
       [ \t]+(?P<run>{_FIRST_WORD}(?:[ \t]+{_RUN_WORD}){{1,7}})
      |(?:[ \t]+khác)?[ \t]*,[ \t]*                                  # "…, Justine Henin, …"
       (?P<apposition>{_FIRST_WORD}(?:[ \t]+{_RUN_WORD}){{1,5}})[ \t]*,)""",
    regex.VERBOSE,
)


def _names_after_titles(
    s: str, titles: tuple[Title, ...], taken: _Taken
) -> tuple[list[tuple[int, int]], dict[int, Title]]:
    """Names written after a bare title with a nationality, a "của" body or a comma between
    (see ``_AFTER_TITLE``), and the titles to lengthen over the body they serve."""
    names: list[tuple[int, int]] = []
    longer: dict[int, Title] = {}
    for t in titles:
        m = _AFTER_TITLE.match(s, t.end)
        if m is None:
            continue
        group = "run" if m.group("run") else "apposition"
        if group == "run" and t.organization:
            continue  # the title's reading stopped before the run: a name there is read above
        if group == "apposition" and not _opens_clause(s, t.start):
            continue  # "… với ông A, Bộ trưởng X, Y …": a list, not an apposition
        words = _words(s, *m.span(group))
        first = _tail_run(words)
        if group == "apposition" and first != 0:
            continue
        run = words[first:]
        if not run:
            continue
        at = _name_in(run, first_after_role=False, company_role=False)
        if at is None or taken.overlaps(run[at].start, run[-1].end):
            continue
        if group == "run" and m.group("of") and first + at == 0:
            continue  # "thành viên của Al Qaeda": the run names the body, not a person
        names.append((run[at].start, run[-1].end))
        if m.group("of"):
            end = run[at].start
            while s[end - 1] in " \t":
                end -= 1
            body = s[m.start("of") : end].strip()[len("của") :].strip()
            longer[id(t)] = attrs.evolve(t, text=s[t.start : end], end=end, organization=body or None)
    return names, longer


def _opens_clause(s: str, start: int) -> bool:
    before = s[max(0, start - 3) : start].rstrip(" \t")
    return not before or before[-1] in ",.;:!?\n\"“(" or start == 0


def _names_before_titles(s: str, titles: tuple[Title, ...], taken: _Taken) -> list[tuple[int, int]]:
    """(name start, name end) of foreign names opening a clause before their title: "Marc
    Chandler, Giám đốc điều hành …"."""
    out = []
    for t in titles:
        gap = _POST_GAP.search(s, max(0, t.start - 12), t.start)
        if gap is None or gap.end() != t.start:
            continue
        line_start = s.rfind("\n", 0, gap.start()) + 1
        words = _words(s, max(line_start, gap.start() - 80), gap.start())
        if not words or words[-1].end != gap.start():
            continue
        first = _tail_run(words)
        while first < len(words) and words[first].text in _sentence_starters():
            first += 1  # "Theo Carsten Fritsch, …": the word opening the sentence is no name
        run = words[first:]
        if not 2 <= len(run) <= _MAX_NAME_WORDS:
            continue
        opening = s[max(0, line_start - 1) : run[0].start]  # with the line break before it
        if not _CLAUSE_OPENING.search(opening):
            continue
        if taken.overlaps(run[0].start, run[-1].end):
            continue  # a person, place or body found there already
        names = [w.text for w in run]
        if names[0] in NAME_PARTICLES or any(w in _org_words() for w in names) \
                or " ".join(names) in _places():
            continue
        if names[0] in foreign_given_names() or any(looks_foreign(w) for w in names):
            out.append((run[0].start, run[-1].end))
    return out


def _names_listed(s: str, titles: tuple[Title, ...], persons: _Taken) -> list[tuple[int, int]]:
    """Names of two words or more listed after a role they share and not found yet: "Thủ môn:
    Quốc Huy, Đức Cường", "4 HLV … là Mikel Arteta, Xabi Alonso và Unai Emery"."""
    out = []
    for t in titles:
        for a, b in listed_names(s, t):
            words = s[a:b].split()
            # given names often are commune names ("Minh Đức"): a listed holder of a role is a person
            if len(words) < 2 or persons.overlaps(a, b):
                continue
            if any(w in _org_words() for w in words):
                continue
            out.append((a, b))
    return out


def _name_opening_summary(s: str, titles: tuple[Title, ...], taken: _Taken) -> list[tuple[int, int]]:
    """A foreign name opening the summary after a headline that quotes a role ("Tiền vệ Thái
    Lan: '…'" then "Seksan Ratree kỳ vọng …"), not found yet."""
    line = speaker_line(s, titles[0]) if titles else None
    if line is None:
        return []
    words = _words(s, line, min(len(s), line + 80))
    i = 0
    while i < len(words) and words[i].text in _sentence_starters():
        i += 1
    n = 0
    while i + n < len(words) and _is_name_word(words[i + n].text) and words[i + n].end <= line + 80:
        n += 1
        if words[i + n - 1].end < len(s) and s[words[i + n - 1].end] in ",;:":
            break
    run = [w.text for w in words[i : i + n]]
    if not 2 <= len(run) <= _MAX_NAME_WORDS or run[0] in NAME_PARTICLES or run[-1] in NAME_PARTICLES:
        return []
    a, b = words[i].start, words[i + n - 1].end
    if taken.overlaps(a, b) or any(w in _org_words() for w in run) or " ".join(run) in _places():
        return []
    if run[0] in foreign_given_names() or any(looks_foreign(w) for w in run):
        return [(a, b)]
    return []


def _cut_title(s: str, title: Title, name_start: int) -> Title:
    end = name_start
    while end > title.start and s[end - 1] in " \t,-–":
        end -= 1
    role_end = _role_end(s, title)
    organization = s[role_end:end].strip(" ,") or None if end > role_end else None
    return attrs.evolve(title, text=s[title.start : end], end=end, organization=organization)


def _cut_organizations(
    s: str, orgs: tuple[Organization, ...], names: list[tuple[int, int]]
) -> tuple[Organization, ...]:
    out = []
    for o in orgs:
        inside = [a for a, b in names if o.start < b and a < o.end]
        if not inside:
            out.append(o)
            continue
        end = min(inside)
        while end > o.start and s[end - 1] in " \t,-–":
            end -= 1
        if end > o.start:
            out.append(attrs.evolve(o, text=s[o.start : end], end=end, name=s[o.start : end]))
    return tuple(out)


def _without(locations: tuple[Location, ...], names: list[tuple[int, int]]) -> tuple[Location, ...]:
    return tuple(x for x in locations if not any(x.start < b and a < x.end for a, b in names))


# The rest of a foreign name after a particle: " de Grey", " da Messina", " bin Haji Hassan";
# or an Arabic article joined to the last name by a hyphen: " al-Qosi", " el-Sisi".
_PARTICLE_TAIL = lazy_compile(
    r"(?:[ \t]+(?:" + "|".join(sorted(NAME_PARTICLES)) + r")(?:[ \t]+\p{Lu}[\p{Ll}\p{M}'’\-]*+)+"
    r"|[ \t]+" + ARABIC_ARTICLE + r"\p{Lu}[\p{Ll}\p{M}'’]*+)+"
    r"(?![\p{L}\p{N}])"
)


def _over_particles(s: str, persons: tuple[Person, ...]) -> tuple[Person, ...]:
    """Foreign names found without their particle and what follows it ("Aubrey" of "Aubrey de
    Grey", "Antonello" of "Antonello da Messina"), lengthened."""
    out = []
    for p in persons:
        words = p.name.split()
        tail = _PARTICLE_TAIL.match(s, p.end)
        if tail is None or not (words[0] in foreign_given_names() or any(looks_foreign(w) for w in words)):
            out.append(p)
            continue
        end = tail.end()
        mentions = tuple((a, end) if (a, b) == (p.start, p.end) else (a, b) for a, b in p.mentions)
        out.append(attrs.evolve(p, text=s[p.start : end], end=end, name=s[p.start : end], mentions=mentions))
    return tuple(out)


def _out_of_title_bodies(
    s: str, persons: tuple[Person, ...], titles: tuple[Title, ...]
) -> tuple[Person, ...]:
    """A person read together with the body of the title before it ("Liên Hợp Quốc Kofi Annan"
    in "Tổng thư ký Liên Hợp Quốc Kofi Annan") starts at its foreign given name instead: two
    Vietnamese words or more before a common foreign given name are the body's."""
    org_starts = {t.end - len(t.organization) for t in titles if t.organization}
    out = []
    for p in persons:
        words = _words(s, p.start, p.end)
        if p.start not in org_starts or len(words) < 3 or words[0].text in foreign_given_names() \
                or words[0].text in _surnames():
            out.append(p)
            continue
        at = next((i for i in range(2, len(words) - 1) if words[i].text in foreign_given_names()), None)
        if at is None or any(looks_foreign(w.text) for w in words[:at]):
            out.append(p)  # "HLV Tan Cheng Hoe": a foreign surname before the given name
            continue
        a = words[at].start
        mentions = tuple((a, b) if (x, b) == (p.start, p.end) else (x, b) for x, b in p.mentions)
        out.append(attrs.evolve(p, text=s[a : p.end], start=a, name=s[a : p.end], mentions=mentions))
    return tuple(out)


# What closes an apposition after a title: a comma, a full stop, a bracket, a dash, the end.
_APPOSITION_END = lazy_compile(r"[ \t]*(?:[,;.)]|[\-–][ \t]|$)", regex.MULTILINE)


def _organizations_of_held_titles(
    s: str, persons: tuple[Person, ...], titles: tuple[Title, ...]
) -> tuple[Person, ...]:
    """Rule *held_title_body*: a "person" ending the reading of a company role that the name
    before it holds is the role's company: "Stephen Lawler, Tổng giám đốc Virtual Earth, khẳng
    định" (the general manager of Virtual Earth). Other roles take persons ("Ronaldo, đồng đội
    Benzema, nói": his team-mate Benzema), and a Vietnamese surname or a common foreign given
    name first keeps it a person."""
    taken = _Taken([(p.start, p.end) for p in persons])
    dropped: set[int] = set()
    for t in titles:
        if not t.organization or role_kind(t.role) not in _COMPANY_ROLE_KINDS \
                or not held_before(s, t, taken):
            continue
        org_start = t.end - len(t.organization)
        for p in persons:
            first = p.name.split()[0]
            if org_start <= p.start and p.end == t.end and _APPOSITION_END.match(s, p.end) \
                    and first not in _surnames() and first not in foreign_given_names():
                dropped.add(p.start)
    return tuple(p for p in persons if p.start not in dropped) if dropped else persons


def find_names(text: Text, found: Mentions) -> Mentions:
    """Add the persons that titles announce and nobody found; cut them out of the titles.

    "Ngoại trưởng Nhật hội đàm với Bộ trưởng Quốc phòng Mỹ Donald Rumsfeld." gives the Person
    "Donald Rumsfeld" and the Title "Bộ trưởng Quốc phòng Mỹ" (organisation "Quốc phòng Mỹ").
    """
    s = text.normalized
    persons = _out_of_title_bodies(s, _over_particles(s, found.persons), found.titles)
    persons = _organizations_of_held_titles(s, persons, found.titles)
    found = attrs.evolve(found, persons=persons)
    if not found.titles:
        return found
    ending = _names_ending_titles(s, found.titles, _Taken([(p.start, p.end) for p in found.persons]))
    cut = {id(t): _cut_title(s, t, a) for t, a, _ in ending}
    names = [(a, b) for _, a, b in ending]
    found_spans = [(r.start, r.end) for r in (*found.persons, *found.locations, *found.organizations)]
    taken = _Taken(found_spans + names)
    names += _names_before_titles(s, found.titles, taken)
    names += _names_listed(s, found.titles, _Taken([(p.start, p.end) for p in found.persons] + names))
    names += _name_opening_summary(s, found.titles, _Taken(found_spans + names))
    after, longer = _names_after_titles(s, found.titles, _Taken(found_spans + names))
    names += after
    cut.update(longer)
    if not names:
        return found
    added = [Person(text=s[a:b], start=a, end=b, name=s[a:b], mentions=((a, b),)) for a, b in names]
    return attrs.evolve(
        found,
        persons=tuple(sorted((*found.persons, *added), key=lambda p: (p.start, p.end))),
        titles=tuple(cut.get(id(t), t) for t in found.titles),
        organizations=_cut_organizations(s, found.organizations, names),
        locations=_without(found.locations, names),
    )
