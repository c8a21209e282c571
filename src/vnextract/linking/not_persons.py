"""Names read as persons that are not persons (the shared guideline's conventions).

A step of the persons linker (``persons.PERSON_STEPS``), run on whole persons (every mention of
one, with its titles), so that a name the linker found again later cannot come back. Its rules
(a street list is linking/street_lists.py's):

- rule *work_name* and *named_thing*: a name right after a word that introduces a work, a
  programme, a campaign or an award ("phim Anna Christie", "chiến dịch Tia chớp", "cuộc chạy
  Terry Fox", "giải thưởng Hồ Chí Minh") or a thing named ("ứng dụng có tên Tammi", "chiến dịch
  mang tên Bão Lửa") names no person: nothing inside the name of a work, event or award is
  tagged. *named_thing* ("mang tên", "có tên": bearing the name, called) does not apply after a
  word for a person ("một cầu thủ cũng mang tên Luis Garcia": a player also called Luis
  Garcia). The words are the rows of data/entity_name_contexts.tsv whose ``records`` is
  "persons". A bare person (no honorific, no title) whose name is written once as a work's is
  that work in its other mentions of the same name ("hiện tượng La Nina", then "La Nina
  thường kéo dài 9-12 tháng").
  A character ("vào vai Tiểu Long Nữ") is tagged PER by the guideline, so "vai"
  (role) is not among them.
- rule *address*: a name right after a house number ("trú tại 267 Tô Ngọc Vân, Tây Hồ, Hà
  Nội", "Hải Phòng: số 10 Trần Phú", "(158 Nguyễn Thiện Thuật)", "nhà số 647/15 Tùng Thiện
  Vương") is a street, and the names after it, each after a comma, are its places (the district,
  the city). The number follows a word that opens an address (word class address_introducer:
  "tại", "ở", "trú", "ngụ", "nhà" …; at, in, resides, house) or a colon, comma or bracket, with
  "số" (number) or not; a seed's or a shirt's number ("hạt giống số 2 Amelie Mauresmo") is no
  house number.
- rule *site_name*: a bare name (no honorific, no title) right after a noun for a site is the
  site's name, named after a person or a place: a place after the word class
  ``site_place_noun`` ("nghĩa trang liệt sĩ Trường Sơn" war cemetery, "phố đi bộ Nguyễn Huệ"
  walking street, "căn cứ" base), an organisation after ``site_body_noun`` ("khách sạn" hotel,
  "phòng trà" music café). The learned layer's guard (learned/person_guards.py) reads the same
  classes on the model's spans; this rule reads them on every person, the rules' included.
- rule *year_name*: a bare name ending with a heavenly stem and an earthly branch (the
  sexagenary cycle's year name, data/dates_lunar.tsv: "Bính Ngọ", "Giáp Thìn") right after a
  word of the class ``lunar_year_word`` ("Xuân" spring, "Tết" the lunar New Year, "năm" year),
  inside the name or before it ("mừng Xuân Bính Ngọ", "chào Xuân Giáp Thìn"), names a year, no
  person. Without that word the pair stays a person: "Quý Sửu" is a footballer's given name.

A mention a rule takes leaves its person; a person left with no mention is dropped.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import attrs
import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon import honorifics, load_tsv, person_cues, phrase_class, word_class
from vnextract.lexicon.loader import norm
from vnextract.lexicon.words import alternation
from vnextract.mentions import Mentions
from vnextract.records import Location, Organization, Person
from vnextract.text import Text

_OPEN_QUOTE = "\"'“‘«"


@functools.cache
def _work_words() -> regex.Pattern[str]:
    """The words before a name of a work or a named thing, ending right before the name (a
    colon, "các ca khúc: …", or an opening quote may come between): group 1 is the word."""
    rows = load_tsv("entity_name_contexts.tsv")
    rows = tuple(r for r in rows if (r["records"], r["side"]) == ("persons", "before"))
    words = sorted((norm(r["phrase"]) for r in rows), key=len, reverse=True)
    alternatives = "|".join(r"[ \t]+".join(regex.escape(p) for p in w.split()) for w in words)
    return regex.compile(r"(?<!\p{L})(" + alternatives + r")[ \t]*:?[ \t]+[" + _OPEN_QUOTE + r"]?$", regex.I)


@functools.cache
def _rules() -> dict[str, str]:
    """phrase (lowercase, one space) → its rule."""
    return {
        " ".join(norm(r["phrase"]).lower().split()): r["rule"]
        for r in load_tsv("entity_name_contexts.tsv")
        if r["records"] == "persons"
    }


@functools.cache
def _person_words() -> frozenset[tuple[str, ...]]:
    """Words for a person, lowercase: honorifics, the roles that announce a name, and the
    word class person_noun of word_classes.tsv ("người", "cô gái", "nhân vật")."""
    words: set[tuple[str, ...]] = {(h.lower(),) for h in honorifics()}
    words |= {tuple(w.lower() for w in k) for k in person_cues()}
    words |= {tuple(w.lower().split()) for w in word_class("person_noun")}
    return frozenset(words)


#: an adverb between a word for a person and "mang tên": "một cầu thủ cũng mang tên …" (also);
#: grammar, not a word list
_ADVERB = frozenset({"cũng", "đều"})


def _after_person_word(before: str) -> bool:
    """``before`` (the text up to "mang tên") ends with a word for a person."""
    words = [w.lower() for w in regex.findall(r"[\p{L}\p{M}]+", before[-40:])]
    while words and words[-1] in _ADVERB:
        words.pop()
    people = _person_words()
    return any(tuple(words[-n:]) in people for n in (1, 2, 3) if len(words) >= n)


def work_context(normalized: str, start: int) -> str | None:
    """The rule (*work_name*, *named_thing*) that says the name starting at ``start`` names a
    work or a thing, or None.

    >>> s = "Quân đội mở chiến dịch mang tên Bão Lửa, còn phim 'Gió Mùa' ra rạp"
    >>> work_context(s, 32), work_context(s, 51)
    ('named_thing', 'work_name')
    >>> work_context("Một cầu thủ cũng mang tên Luis Garcia ghi bàn", 26) is None
    True
    """
    before = normalized[max(0, start - 50) : start]
    found = _work_words().search(before)
    if found is None:
        return None
    rule = _rules()[" ".join(found.group(1).lower().split())]
    if rule == "named_thing" and _after_person_word(before[: found.start(1)]):
        return None
    return rule


@functools.cache
def _house_number_before() -> regex.Pattern[str]:
    """A house number ending right before a name, after a word that opens an address or a
    colon, comma or opening bracket: "trú tại 267 ", "Hải Phòng: số 10 ", "(158 ", "nhà số
    647/15 ", "tại 202 Bis ", "số 31, "."""
    introducers = alternation("address_introducer", r"[ \t]+")
    number = r"[A-Z]?\d+[A-Za-z]?(?:/\d+[A-Za-z]?)*(?:[ \t]+Bis)?"  # 61A, 59/408/6, F42, 202 Bis
    plain = r"[A-Z]?\d+[A-Za-z]?(?:[ \t]+Bis)?"  # after a bare comma: no "19/3" (a date), no comma
    return regex.compile(
        r"(?:(?<!\p{L})(?:" + introducers + r")[ \t]+(?:số[ \t]+)?" + number + r"[ \t]*,?"
        r"|[:,(][ \t]*(?:số[ \t]+" + number + r"[ \t]*,?|" + plain + r"))[ \t]+$",
        regex.I,
    )


def addresses(normalized: str, spans: list[tuple[int, int]]) -> Iterator[list[tuple[int, int]]]:
    """The names (among ``spans``, sorted) of each address: the street after a house number,
    then the names after it, each after a comma (rule *address*).

    >>> s = "trú tại 267 Tô Ngọc Vân, Tây Hồ, Hà Nội"
    >>> [[s[a:b] for a, b in a_] for a_ in addresses(s, [(12, 23), (25, 31), (33, 39)])]
    [['Tô Ngọc Vân', 'Tây Hồ', 'Hà Nội']]
    >>> list(addresses("hạt giống số 2 Amelie Mauresmo", [(15, 30)]))
    []
    >>> list(addresses("Hôm qua, 19/3, Nguyễn Văn An bị bắt", [(15, 28)]))  # a date
    []
    """
    by_start = dict(spans)
    done: set[int] = set()
    for start, end in spans:
        if start in done or _house_number_before().search(normalized[max(0, start - 40) : start]) is None:
            continue
        items = [(start, end)]
        while (gap := _COMMA.match(normalized, items[-1][1])) is not None and gap.end() in by_start:
            items.append((gap.end(), by_start[gap.end()]))
        done.update(s for s, _ in items)
        yield items


_COMMA = lazy_compile(r"[ \t]*,[ \t]*")


def _without(person: Person, gone: set[tuple[int, int]], normalized: str) -> Person | None:
    """``person`` without the mentions in ``gone``; None when none is left."""
    mentions = person.mentions or ((person.start, person.end),)
    kept = tuple(m for m in mentions if m not in gone)
    if len(kept) == len(mentions):
        return person
    if not kept:
        return None
    start, end = kept[0]
    if (start, end) == (person.start, person.end):
        return attrs.evolve(person, mentions=kept)
    return attrs.evolve(person, mentions=kept, start=start, end=end, text=normalized[start:end])


#: The rules, in the order they apply: (name, example, what it does).
RULES: tuple[tuple[str, str, str], ...] = (
    ("work_name", "chiến dịch Tia chớp, cuộc chạy Terry Fox", "no person"),
    ("named_thing", "ứng dụng có tên Tammi", "no person"),
    ("address", "trú tại 267 Tô Ngọc Vân, Tây Hồ, Hà Nội", "Location"),
    ("site_name", "nghĩa trang liệt sĩ Trường Sơn, khách sạn Sao Biển", "Location or Organization"),
    ("year_name", "mừng Xuân Bính Ngọ, chào Xuân Giáp Thìn", "no person"),
)


@functools.cache
def _cycle_words() -> tuple[frozenset[str], frozenset[str]]:
    """The heavenly stems and the earthly branches, lowercase ("bính", "ngọ")."""
    rows = load_tsv("dates_lunar.tsv")
    return (frozenset(norm(r["word"]) for r in rows if r["kind"] == "can"),
            frozenset(norm(r["word"]) for r in rows if r["kind"] == "chi"))


def year_name(normalized: str, start: int, end: int) -> bool:
    """The name ``normalized[start:end]`` ends with a stem and a branch after a word for a year
    or a season, in the name or right before it (rule *year_name*).

    >>> s = "Đêm nhạc mừng Xuân Bính Ngọ, có Nguyễn Quý Sửu"
    >>> year_name(s, 14, 27), year_name(s, 18, 27), year_name(s, 36, 43)
    (True, True, False)
    """
    stems, branches = _cycle_words()
    before = regex.findall(r"[\p{L}\p{M}]+", normalized[max(0, start - 12) : start])[-1:]
    words = [*before, *normalized[start:end].split()]
    return (len(words) >= 3 and words[-2].lower() in stems and words[-1].lower() in branches
            and words[-3].lower() in word_class("lunar_year_word"))

#: The words of a noun right before a name: letters and the spaces between them, an opening
#: quote before the name allowed.
_WORDS_BEFORE = lazy_compile(
    r"(?<![\p{L}\p{M}])((?:[\p{L}\p{M}]+[ \t]+){0,3}[\p{L}\p{M}]+)[ \t]+[" + _OPEN_QUOTE + r"]?$"
)


def site_kind(normalized: str, start: int) -> type[Location] | type[Organization] | None:
    """What the name at ``start`` names when a site noun stands right before it (rule
    *site_name*): Location after ``site_place_noun``, Organization after ``site_body_noun``.

    >>> s = "viếng nghĩa trang liệt sĩ Trường Sơn rồi nghỉ ở khách sạn Sao Biển"
    >>> site_kind(s, 26).__name__, site_kind(s, 58).__name__
    ('Location', 'Organization')
    >>> site_kind("liệt sĩ Trần Văn Ơn", 8) is None
    True
    """
    found = _WORDS_BEFORE.search(normalized, max(0, start - 40), start)
    if found is None:
        return None
    words = tuple(found.group(1).lower().split())
    for n in range(len(words), 0, -1):
        if words[-n:] in phrase_class("site_place_noun"):
            return Location
        if words[-n:] in phrase_class("site_body_noun"):
            return Organization
    return None


def _taken(s: str, found: Mentions) -> tuple[dict[tuple[int, int], str], list[Location | Organization]]:
    """The persons' mentions the rules take (mention → rule), and the places (streets, sites)
    and organisations they become."""
    taken: dict[tuple[int, int], str] = {}
    for p in found.persons:
        mentions = p.mentions or ((p.start, p.end),)
        for m in mentions:
            if (rule := work_context(s, m[0])) is not None:
                taken[m] = rule
        # a work named once is that work throughout ("hiện tượng La Nina" … "Khi La Nina xảy
        # ra"): the person's other mentions spelling its whole name go too, when nothing says
        # it is a person (no honorific, no title: "triển lãm 'Lê Bá Đảng'" then "danh họa Lê Bá
        # Đảng" is the painter) and the name is its whole name (not "Ali" of Muhammad Ali)
        named_only = p.honorific is None and not p.titles
        works = {s[a:b] for a, b in mentions if (a, b) in taken} & {p.name} if named_only else set()
        for m in mentions:
            if m not in taken and s[m[0] : m[1]] in works:
                taken[m] = taken[next(t for t in mentions if t in taken)]
    bare = [p for p in found.persons if p.honorific is None and not p.titles]  # no "ông", no title
    plain = {m for p in bare for m in p.mentions or ((p.start, p.end),)}
    places = {(r.start, r.end): r.kind for r in found.locations}
    streets: list[Location | Organization] = []
    for m in sorted(plain - set(taken)):
        if year_name(s, *m):
            taken[m] = "year_name"
            continue
        if (kind := site_kind(s, m[0])) is not None:
            taken[m] = "site_name"
            name = s[m[0] : m[1]]
            streets.append(kind(text=name, start=m[0], end=m[1], name=name))
    for items in addresses(s, sorted((plain | set(places)) - set(taken))):
        for m in items:
            if m in plain:
                taken[m] = "address"
                name = s[m[0] : m[1]]
                streets.append(Location(text=name, start=m[0], end=m[1], name=name))
    return taken, streets


def rules_fired(text: Text, found: Mentions) -> list[str]:
    """The rules that take a mention of ``found`` (what the persons linker made of ``text``)."""
    return list(dict.fromkeys(_taken(text.normalized, found)[0].values()))


def drop(text: Text, found: Mentions) -> Mentions:
    """Drop the persons' mentions that name works or named things; make the persons written
    as an address or a site's name into places or organisations."""
    s = text.normalized
    taken, named = _taken(s, found)
    if not taken:
        return found
    gone = set(taken)
    persons = tuple(q for p in found.persons if (q := _without(p, gone, s)) is not None)
    places = [r for r in named if isinstance(r, Location)]
    bodies = [r for r in named if isinstance(r, Organization)]
    locations = tuple(sorted((*found.locations, *places), key=lambda r: (r.start, r.end)))
    organizations = tuple(sorted((*found.organizations, *bodies), key=lambda r: (r.start, r.end)))
    return attrs.evolve(found, persons=persons, locations=locations, organizations=organizations)
