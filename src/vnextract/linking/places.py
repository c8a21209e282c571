"""Linking step: each Location resolved to an administrative unit of Vietnam, or an ISO 3166 code.

Which era: the document's date (``reference_date``, else the dateline) — before 1 July 2025 only
the legacy units (63 provinces, districts, communes) existed; from then on the 2025 units (34
provinces, communes, no districts) are read first, and a legacy name ("tỉnh Bình Dương", "huyện
Hóc Môn") still resolves to its legacy unit. An undated text that names a district or an
abolished province as current is legacy; otherwise both eras are read: a name resolves to the
2025 unit where they agree, else to its one legacy unit (with the 2025 units it became) when no
2025 reading of its rank lies elsewhere, else it keeps just its 2025 province (when all its
readings share one).

Which unit: the type word before or inside the mention ("xã" commune, "phường" ward, "thị trấn"
township, "huyện"/"quận"/"thị xã" district — legacy only, "tỉnh" province, "thành phố"/"TP"
city) narrows the level. The enclosing place written after it ("xã Tân Phú, huyện Đồng Phú,
Bình Phước"; "phường 10 (Q.Gò Vấp)") narrows the candidates, read from the outermost inwards.
Then the document: a name settled (or made foreign) by its enclosing place once is so in the
whole text, and a name still left with a choice takes its one reading inside a province the
text places something else in. What is left is taken only when one unit remains at the highest
level (a bare name in news is the larger unit: "Hóc Môn" in 2015 is the district, not its
township); otherwise the Location stays unresolved — an ambiguous name ("Tân Phú": a district
and dozens of communes) is never guessed. A name that is no Vietnamese unit may be a country or
a foreign subdivision: its ISO 3166 code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

import attrs
import regex

from vnextract import places
from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon import load_tsv, place_kinds
from vnextract.mentions import Mentions
from vnextract.places import LEVEL_RANK, Unit
from vnextract.recognizers.dates import published
from vnextract.records import DateMention, Location
from vnextract.text import Text

__all__ = ["link", "resolve"]

#: The 2025 reform took effect on 1 July 2025 (Resolution 202/2025/QH15 and the commune mergers).
REFORM_DATE = dt.date(2025, 7, 1)

#: Type word → (levels it names, the unit type it is): ``place_type_words.tsv`` (the words and
#: abbreviations as the press writes them, lowercase) and the levels of ``place_kinds.tsv``.
_TYPE_WORDS: dict[str, tuple[frozenset[str], str]] = {
    row["word"]: (place_kinds()[row["kind"]].levels, row["kind"]) for row in load_tsv("place_type_words.tsv")
}
#: The type words written out, longest first ("huyện đảo" before "huyện").
_WORD = "|".join(
    regex.escape(w)  # "thành\\ phố"
    for w in sorted(
        (row["word"] for row in load_tsv("place_type_words.tsv") if row["written"] == "word"),
        key=lambda w: (-len(w), w),
    )
)
_ABBR = r"TP\.?|Tp\.?|TX\.|TT\.|Q\.|P\.|H\."
#: A type word right before the mention ("xã Tân Phú", "Q.Tân Bình").
_BEFORE = lazy_compile(rf"(?<![\p{{L}}])(?:(?P<w>{_WORD})\s+|(?P<a>{_ABBR})\s*)$", regex.IGNORECASE)
#: A type word opening the mention itself ("quận 1", "Q.Tân Bình", "TP.Thủ Đức").
_OPENING = lazy_compile(rf"^(?:(?P<w>{_WORD})\s+|(?P<a>{_ABBR})\s*)(?P<rest>\S.*)$", regex.IGNORECASE)
#: What may stand between a place and the place that encloses it: ", ", " (", " - ", and a
#: type word ("xã Tân Phú, huyện Đồng Phú, tỉnh Bình Phước").
_ENCLOSING_GAP = lazy_compile(rf"^\s*[,(\-–]?\s*(?:(?:{_WORD})\s+|(?:{_ABBR})\s*)?$", regex.IGNORECASE)
#: What joins places of one level in a list: ", " or " và " (and), maybe with a type word
#: ("xã Phong Phú và Phú Lạc", "xã A, xã B").
_LIST_GAP = lazy_compile(rf"^\s*(?:,|và)\s*(?:(?:{_WORD})\s+|(?:{_ABBR})\s*)?$", regex.IGNORECASE)
#: A house number right before a bare name makes it a street: "47 Lạch Tray", "số 15/2 Lý Thường Kiệt".
_HOUSE_NUMBER = lazy_compile(r"(?<![\p{L}\d])\d+[\p{L}\d/]*\s+$")
#: Kinds of the entity recogniser a Vietnamese administrative unit may carry: its types, and
#: "vùng" (area), which the recogniser gives famous bare names ("Phú Quốc", "Vũng Tàu"). Other
#: kinds are something else of that name: "chợ Tân Bình" (a market), "sông Sài Gòn" (a river),
#: "sân bay Long Thành" (an airport), a country.
_UNIT_KINDS = frozenset({unit_type for _levels, unit_type in _TYPE_WORDS.values()} | {"vùng", "địa chỉ"})
#: Type words of districts, which exist only until 2025: a text naming "huyện X" (not "huyện X
#: cũ", the former district) writes in the legacy era.
_DISTRICT_WORDS = frozenset(word for word, (levels, _unit) in _TYPE_WORDS.items() if levels == {"district"})
_FORMER = lazy_compile(r"^\s*\(?\s*cũ(?!\p{L})")  # "(cũ)": former


def _type_key(word: str | None, abbr: str | None) -> str | None:
    if word:
        return " ".join(word.lower().split())
    if abbr:
        return abbr.rstrip(".").lower()
    return None


def _eras(date: dt.date | None) -> tuple[str, ...]:
    """Eras a document of this date may name, preferred first."""
    if date is not None and date < REFORM_DATE:
        return ("legacy",)
    return ("2025", "legacy")


class Candidates(NamedTuple):
    """The units a mention may be: ``strict`` of the type its type word says, ``loose`` of that
    level (a unit may have changed type since: "thị xã Dĩ An" in 2015 is "thành phố" in the data;
    a "xã" may have become a "thị trấn"). ``needs_enclosure``: a bare name that only communes
    bear ("Trung Đông" is the Middle East, and a commune in Ninh Bình) is taken only inside an
    enclosing place."""

    strict: list[Unit]
    loose: list[Unit]
    needs_enclosure: bool = False
    written_type: str | None = None  # the unit type the text's type word says ("huyện đảo" → "huyện")


def _candidates(name: str, before: str, eras: Sequence[str], kind: str | None) -> Candidates:
    """The units the mention may be, given the type word before or inside it and the eras."""
    opening = _OPENING.match(name)
    prefix = _BEFORE.search(before[-14:])
    type_key = _type_key(opening["w"], opening["a"]) if opening else None
    if type_key is None and prefix:
        type_key = _type_key(prefix["w"], prefix["a"])
    if type_key is None and (
        (kind is not None and kind not in _UNIT_KINDS)
        or places.iso3166(name) is not None
        or _HOUSE_NUMBER.search(before)
    ):
        return Candidates([], [])  # a foreign place, a region, a river: not an administrative unit
    found = list(places.named(name))  # "Quận 1", "TP.HCM", "Thành phố Hồ Chí Minh" as a whole
    if opening and not found:
        rest = opening["rest"]
        found = list(places.named(rest))
        if rest.isdigit() and type_key in _TYPE_WORDS:  # "Q.1", "P.10": numbered units
            found = list(places.named(f"{_TYPE_WORDS[type_key][1]} {rest}"))
    commune_only = all(u.level == "commune" for u in found)
    found = [u for u in found if u.era in eras]
    if type_key not in _TYPE_WORDS:
        return Candidates(found, found, needs_enclosure=commune_only)
    levels, unit_type = _TYPE_WORDS[type_key]
    same_level = [u for u in found if u.level in levels]
    same_type = [u for u in same_level if u.type == unit_type]
    # a commune of another type ("xã Tân Tạo" of 2002, "phường Tân Tạo" now) may be another unit
    # of that name: taken only inside an enclosing place that holds it
    return Candidates(
        same_type or same_level, same_level, not same_type and "commune" in levels, written_type=unit_type
    )


def _iso3166(name: str) -> str | None:
    """The ISO 3166 code of a name, with or without its type word ("Tỉnh Quảng Đông" → "CN-GD")."""
    opening = _OPENING.match(name)
    return places.iso3166(name) or (places.iso3166(opening["rest"]) if opening else None)


def _foreign(location: Location) -> bool:
    """A country or a foreign subdivision ("tỉnh Hồ Nam", Hunan): what it encloses is not Vietnamese."""
    code = _iso3166(location.name)
    return location.kind == "quốc gia" or (code is not None and code != "VN")


def _contains(outer: Unit, inner: Unit) -> bool:
    """Whether ``inner`` lies in ``outer`` (either era; a 2025 unit through the units it merged)."""
    if outer == inner or LEVEL_RANK[outer.level] >= LEVEL_RANK[inner.level]:
        return False
    if outer.era == inner.era:
        parent = inner.province_code if outer.level == "province" else inner.district_code
        return parent == outer.code
    if inner.era == "legacy":  # a legacy place inside a 2025 province
        new = places.province_2025(inner)
        return outer.level == "province" and new is not None and new.code == outer.code
    olds = [places.lookup("legacy", code) for code in places.predecessors(inner)]
    if outer.level == "province":
        return any(o is not None and o.province_code == outer.code for o in olds)
    return any(o is not None and o.district_code == outer.code for o in olds)


def _highest(group: Sequence[Unit]) -> Unit | None:
    """The one unit of the highest level in ``group``, or None when there are several."""
    top = min(LEVEL_RANK[u.level] for u in group)
    highest = {u for u in group if LEVEL_RANK[u.level] == top}
    return highest.pop() if len(highest) == 1 else None


def _same_place(old: Unit, new: Unit) -> bool:
    """A legacy unit that went on under its name into 2025 ("Hà Nội", "TP.HCM")."""
    return old.level == new.level and old.name == new.name and new.code in places.successors(old)


def _choose(candidates: Sequence[Unit], eras: Sequence[str], dated: bool) -> Unit | None:
    """The one unit meant, or None when the candidates leave a choice.

    Provinces first (a bare "Bình Dương" in 2026 is the former province, not a ward of that
    name), then the other levels; within these, the preferred era when the document is dated.
    Undated, the eras must agree: "Hà Nội" is the 2025 city, which the legacy one became; "Hóc
    Môn" (a district until 2025, a commune since) stays unresolved.
    """
    for provinces in (True, False):
        groups = [
            g
            for era in eras
            if (g := [u for u in candidates if u.era == era and (u.level == "province") == provinces])
        ]
        if not groups:
            continue
        if dated or len(groups) == 1:
            return _highest(groups[0])
        new, old = _highest(groups[0]), _highest(groups[1])  # eras: ("2025", "legacy")
        if new is not None and old is not None and _same_place(old, new):
            return new
        return _legacy_covering(old, groups[0])
    return None


def _legacy_covering(old: Unit | None, new_readings: Sequence[Unit]) -> Unit | None:
    """Rule *undated_legacy_unit*: in an undated text, the one legacy unit a name has, when no
    2025 reading of its rank or above lies outside the land it became.

    "Cần Giờ, TP.HCM" with no date is "huyện Cần Giờ" until 2025 and "xã Cần Giờ" since: the
    legacy district is resolved, and its ``successors`` hold the 2025 communes its land went
    into (the commune of that name among them), so both eras are answered. A bare name is the
    larger unit, in either era (a district outranks a 2025 commune). A name the legacy era
    gives several units ("Tân Phú": two districts) or a 2025 reading elsewhere of the same rank
    (a legacy commune and another province's 2025 commune of that name) stays unresolved.
    """
    if old is None:
        return None
    became = set(places.successors(old))
    rank = LEVEL_RANK[old.level]
    if all(u.code in became for u in new_readings if LEVEL_RANK[u.level] <= rank):
        return old
    return None


def _resolved(location: Location, unit: Unit, written_type: str | None) -> Location:
    province = places.lookup(unit.era, unit.province_code)
    new_province = places.province_2025(unit)
    # the kind the text says stays ("thị xã Dĩ An" in 2015 was one, though a "thành phố" by
    # 2025), and so does the recogniser's of the same level; a kind of another level was a guess
    # ("huyện" Hóc Môn in 2026, a commune since)
    levels = _TYPE_WORDS[location.kind][0] if location.kind in _TYPE_WORDS else frozenset()
    kind = written_type or (location.kind if unit.level in levels else unit.type or location.kind)
    return attrs.evolve(
        location,
        kind=kind,
        level=unit.level,
        era=unit.era,
        code=unit.code,
        official_name=unit.official_name,
        province=province.official_name if province else None,
        province_code=unit.province_code,
        province_2025=new_province.official_name if new_province else None,
        successors=places.successors(unit),
        predecessors=places.predecessors(unit),
    )


def _province_only(location: Location, candidates: Sequence[Unit]) -> Location:
    """An unresolved Location whose readings all lie in one 2025 province gets that province only:
    undated, "Đống Đa, Hà Nội" is the district (legacy) or the ward (2025), in Hà Nội either way."""
    provinces = {places.province_2025(c) for c in candidates}
    if len(provinces) != 1 or None in provinces:
        return location
    return attrs.evolve(location, province_2025=provinces.pop().official_name)  # type: ignore[union-attr]


def _one_sense_per_document(
    locations: Sequence[Location], candidates: list[list[Unit]], narrowed: list[bool], foreign: set[str]
) -> None:
    """Later (or earlier) mentions of a name take what its enclosing place said once: "huyện
    Trường Sa, tỉnh Hồ Nam" makes every "Trường Sa" of the text the Chinese one; "xã Tân Phú,
    huyện Đồng Phú" settles a bare "Tân Phú" elsewhere — unless two enclosures disagree."""
    settled: dict[str, frozenset[Unit] | None] = {}
    for i, location in enumerate(locations):
        if narrowed[i]:
            name, units = places.fold(location.name), frozenset(candidates[i])
            settled[name] = units if settled.get(name, units) == units else None
    for i, location in enumerate(locations):
        name = places.fold(location.name)
        if narrowed[i]:
            continue
        if name in foreign:
            candidates[i] = []
        elif (agreed := settled.get(name)) is not None:
            kept = [c for c in candidates[i] if c in agreed]
            if kept:
                candidates[i], narrowed[i] = kept, True


def _within_document_provinces(
    candidates: list[list[Unit]], bare_commune: list[bool], eras: Sequence[str], dated: bool
) -> None:
    """A name left with a choice takes the one reading that lies in a province the text places
    something in: "Hòa Lạc, Đông Anh, Ngọc Hồi và Gia Lâm" — the Gia Lâm of Hà Nội, not of
    Ninh Bình. Not for bare names only communes bear: too weak a hint for "Trung Đông"."""
    provinces: set[str] = set()
    for units in candidates:
        unit = _choose(units, eras, dated)
        new = places.province_2025(unit) if unit is not None else None
        if new is not None:
            provinces.add(new.code)
    for i, units in enumerate(candidates):
        if not units or bare_commune[i] or _choose(units, eras, dated) is not None:
            continue
        kept = [u for u in units if (new := places.province_2025(u)) is not None and new.code in provinces]
        if kept and len(kept) < len(units) and _choose(kept, eras, dated) is not None:
            candidates[i] = kept


def _top_rank(units: Sequence[Unit]) -> int:
    return min((LEVEL_RANK[u.level] for u in units), default=len(LEVEL_RANK))


def _inside(groups: Sequence[Sequence[Unit]], outer: Sequence[Unit]) -> list[Unit]:
    """The candidates of the first group (that type, else that level) lying in one of ``outer``."""
    for group in groups:
        kept = [c for c in group if any(_contains(o, c) for o in outer)]
        if kept:
            return kept
    return []


def _writes_legacy_units(norm: str, locations: Sequence[Location]) -> bool:
    """Whether an undated text names a district ("huyện Gia Lâm") or a province abolished in 2025
    ("Long An", "Hải Dương") as a current unit — not "huyện Gia Lâm cũ" (former): then it was
    written before the reform."""
    for loc in locations:
        if _FORMER.match(norm[loc.end : loc.end + 8]):
            continue
        opening = _OPENING.match(loc.name)
        before = _BEFORE.search(norm[max(0, loc.start - 14) : loc.start])
        key = _type_key(opening["w"], opening["a"]) if opening else None
        if key is None and before:
            key = _type_key(before["w"], before["a"])
        if key in _DISTRICT_WORDS:
            return True
        named = [u for u in places.named(loc.name) if u.level == "province"]
        if key in (None, "tỉnh") and named and all(u.era == "legacy" for u in named):
            return True
    return False


def resolve(
    norm: str, locations: Sequence[Location], date: dt.date | None, *, latest_year: int | None = None
) -> tuple[Location, ...]:
    """Each Location with its unit (or ISO 3166 code) when the text says which one it is.

    ``latest_year``: the latest calendar year an undated text writes ("năm 2005"); when it
    precedes the reform the text is read in the legacy era, as a text naming "huyện X" is.

    >>> from vnextract.records import DateMention, Location
    >>> text = "xã Tân Phú, huyện Đồng Phú, Bình Phước"  # the township: no commune of that name there
    >>> locs = [Location(text=n, start=text.index(n), end=text.index(n) + len(n), name=n)
    ...         for n in ("Tân Phú", "Đồng Phú", "Bình Phước")]
    >>> for r in resolve(text, locs, dt.date(2015, 3, 1)):
    ...     print(r.official_name, r.code, r.province, r.province_2025, sep=" | ")
    Thị trấn Tân Phú | 25363 | Tỉnh Bình Phước | Tỉnh Đồng Nai
    Huyện Đồng Phú | 695 | Tỉnh Bình Phước | Tỉnh Đồng Nai
    Tỉnh Bình Phước | 70 | Tỉnh Bình Phước | Tỉnh Đồng Nai
    """
    dated = date is not None
    written = date  # the text's own date: a former unit is read only in a text of its time, or undated
    before_reform = latest_year is not None and latest_year < REFORM_DATE.year
    if not dated and (before_reform or _writes_legacy_units(norm, locations)):
        date, dated = REFORM_DATE - dt.timedelta(days=1), True
    eras = _eras(date)
    both = [
        _candidates(loc.name, norm[max(0, loc.start - 20) : loc.start], eras, loc.kind) for loc in locations
    ]
    candidates = [c.strict for c in both]
    narrowed = [False] * len(locations)
    foreign: set[str] = set()
    # the enclosing places narrow the enclosed one, outermost first; the nearest that contains
    # any candidate decides ("xã Đức Hạnh, huyện Phước Long, tỉnh Bình Phước": the district has
    # been split since, the province still holds the commune)
    for i in range(len(locations) - 2, -1, -1):
        j = i + 1
        enclosed = False  # an enclosing place was written after it
        while candidates[i] and j < len(locations):
            gap = norm[locations[j - 1].end : locations[j].start]
            peer = bool(candidates[j]) and _top_rank(candidates[i]) == _top_rank(candidates[j])
            if peer and both[i].written_type and _LIST_GAP.match(gap) and j + 1 < len(locations):
                # rule *list_shares_enclosure*: units of one type word in a list share the place
                # written after the last of them: "2 xã Phong Phú và Phú Lạc (huyện Tuy Phong)";
                # not an untyped list ("chợ Bến Thành, Tân Định, An Đông (TP HCM)": markets)
                j += 1
                continue
            if not _ENCLOSING_GAP.match(gap):
                break
            if not candidates[j] and _foreign(locations[j]) and _top_rank(candidates[i]) > 0:
                candidates[i] = []  # "huyện Trường Sa, tỉnh Hồ Nam": a county of Hunan
                foreign.add(places.fold(locations[i].name))
                break
            if candidates[j] and _top_rank(candidates[i]) <= _top_rank(candidates[j]):
                break  # peers in a list ("Hải Dương, Hòa Bình, Hưng Yên"), not an enclosure
            inside = _inside(both[i][:2], candidates[j])
            if inside:
                candidates[i], narrowed[i] = inside, True
                break
            # a province written right after it with a comma encloses it ("huyện Kỳ Sơn, tỉnh Hòa
            # Bình"); a dash or a bracket may be a route ("Long Biên - Bắc Ninh") or an aside
            enclosed = enclosed or (
                j == i + 1
                and _top_rank(candidates[j]) == 0
                and norm[locations[i].end : locations[j].start].lstrip().startswith(",")
            )
            j += 1
        else:
            if enclosed and not narrowed[i]:
                # rule *enclosure_excludes*: the text puts it in a province that holds none of
                # its units ("huyện Kỳ Sơn, tỉnh Hòa Bình": merged away in 2020, and the Kỳ Sơn
                # the data has is Nghệ An's): another unit, never the one elsewhere
                candidates[i] = []
    _one_sense_per_document(locations, candidates, narrowed, foreign)
    for i, found in enumerate(both):
        if found.needs_enclosure and not narrowed[i]:
            candidates[i] = []  # before the document's provinces: "Trung Đông" must not add Ninh Bình
    _within_document_provinces(candidates, [c.needs_enclosure for c in both], eras, dated)
    out: list[Location] = []
    for loc, cands, found in zip(locations, candidates, both, strict=True):
        unit = _choose(cands, eras, dated)
        if unit is not None:
            resolved = _resolved(loc, unit, found.written_type)
            out.append(_former_instead(norm, resolved, unit, found.written_type, written, latest_year))
        elif not cands and (code := _iso3166(loc.name)) is not None:
            out.append(attrs.evolve(loc, iso3166=code))
        else:
            out.append(
                _former_instead(
                    norm, _province_only(loc, cands), None, found.written_type, written, latest_year
                )
            )
    return tuple(out)


def _former_instead(
    norm: str,
    location: Location,
    unit: Unit | None,
    written_type: str | None,
    date: dt.date | None,
    latest_year: int | None = None,
) -> Location:
    """The unit abolished before 2025 that the mention names, when the text is of its time (or
    says "cũ", former) and the legacy data has no unit of that name and type: "Hà Tây" (merged
    into Hà Nội in 2008), "quận 9" (into Thủ Đức in 2021), "huyện Phước Long, tỉnh Bình Phước"
    (split in 2009 — not today's "thị xã Phước Long"). It keeps no code (the data has none for
    it) but its official name, level, province and the 2025 province its land lies in.

    ``latest_year``: the latest year an undated text writes; a name the province took from its
    city is the former city in an undated text only when no year of the text is the city's last
    or later."""
    opening = _OPENING.match(location.name)
    names = [location.name]
    if opening:
        names.append(opening["rest"])
        if written_type is not None and opening["rest"].isdigit():
            names.append(f"{written_type} {opening['rest']}")  # "Q.9", "quận 9"
    formers = {f for name in names for f in places.former(name)}
    old = _FORMER.match(norm[location.end : location.end + 8]) is not None
    formers = {
        f
        for f in formers
        if (date is None or date < f.until or old) and (written_type is None or written_type == f.type)
    }
    if len(formers) != 1:
        return location
    former = formers.pop()
    new_province = former.province_2025()
    if unit is not None and _name_moved_up(former, unit):
        # rule *former_name_moved_up*: the province took the name of its city, which the text
        # predates: "Huế" in 2006 is the city of Huế (a district-level city until 2025), not the
        # province-level city of 2025 — a province and a city of one name and type inside it
        # never coexisted
        undated_of_its_time = date is None and (latest_year is None or latest_year < former.until.year)
        if not (old or (date is not None and date < former.until) or undated_of_its_time):
            return location
    elif unit is not None:
        # a unit of that name resolved through a type word of another type ("huyện Phước Long"
        # read as the "thị xã" it became) in the same 2025 province: the former unit is meant
        if written_type is None or unit.type == written_type or places.province_2025(unit) != new_province:
            return location
    elif written_type is None and any(
        LEVEL_RANK[u.level] <= LEVEL_RANK[former.level] for u in places.named(location.name)
    ):
        return location  # a bare name a unit of that rank still bears ("Phước Long"): ambiguous
    province = places.lookup("legacy", former.province_code) if former.province_code else None
    return attrs.evolve(
        location,
        kind=written_type or former.type,
        level=former.level,
        era=None,
        code=None,
        official_name=former.official_name,
        province=province.official_name if province else former.official_name,
        province_code=former.province_code or None,
        province_2025=new_province.official_name if new_province else None,
        successors=(),
        predecessors=(),
        iso3166=None,
    )


def _name_moved_up(former: places.Former, unit: Unit) -> bool:
    """The unit is the province that holds the former district-level unit and took its name and
    type: Thành phố Huế (a province since 2025) and the district-level thành phố Huế before it."""
    return (
        unit.level == "province"
        and former.level == "district"
        and former.province_code == unit.code
        and former.type == unit.type
        and places.fold(former.name) == places.fold(unit.name)
    )


def link(text: Text, found: Mentions) -> Mentions:
    """The linking step of the pipeline: resolve every Location of ``found``."""
    if not found.locations:
        return found
    date: dt.date | None = text.reference_date
    if date is None:
        stamp = published(text)
        date = stamp.date() if isinstance(stamp, dt.datetime) else stamp
    elif isinstance(date, dt.datetime):
        date = date.date()
    latest = _latest_year(found.dates) if date is None else None
    return attrs.evolve(found, locations=resolve(text.normalized, found.locations, date, latest_year=latest))


_ISO_YEAR = lazy_compile(r"\d{4}")


def _latest_year(dates: Sequence[DateMention]) -> int | None:
    """The latest year the text's dates write ("năm 2005", "2004/2006"), or None.

    A text of 2004 that names "Đống Đa, Hà Nội" means the district, not the ward of 2025: an
    undated text whose every written year precedes the reform is read in the legacy era. A
    text written after it names 2025 or 2026 somewhere, or none at all, and stays undecided.
    """
    years = [int(y) for d in dates if d.iso for y in _ISO_YEAR.findall(d.iso)]
    return max(years, default=None)
