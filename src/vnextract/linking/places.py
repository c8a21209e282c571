"""Linking step: each Location resolved to an administrative unit of Vietnam, or an ISO 3166 code.

Which era: the document's date (``reference_date``, else the dateline) — before 1 July 2025 only
the legacy units (63 provinces, districts, communes) existed; from then on the 2025 units (34
provinces, communes, no districts) are read first, and a legacy name ("tỉnh Bình Dương", "huyện
Hóc Môn") still resolves to its legacy unit. Without a date both eras are tried, 2025 first.

Which unit: the type word before or inside the mention ("xã" commune, "phường" ward, "thị trấn"
township, "huyện"/"quận"/"thị xã" district — legacy only, "tỉnh" province, "thành phố"/"TP"
city) narrows the level. The enclosing place written after it ("xã Tân Phú, huyện Đồng Phú,
Bình Phước"; "phường 10 (Q.Gò Vấp)") narrows the candidates, read from the outermost inwards.
What is left is taken only when one unit remains at the highest level (a bare name in news is
the larger unit: "Hóc Môn" in 2015 is the district, not its township); otherwise the Location
stays unresolved — an ambiguous name ("Tân Phú": a district and dozens of communes) is never
guessed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs
import regex

from vnextract import places
from vnextract.mentions import Mentions
from vnextract.places import LEVEL_RANK, Unit
from vnextract.recognizers.dates import published
from vnextract.records import Location
from vnextract.text import Text

__all__ = ["link", "resolve"]

#: The 2025 reform took effect on 1 July 2025 (Resolution 202/2025/QH15 and the commune mergers).
REFORM_DATE = dt.date(2025, 7, 1)

#: Type word → (levels it names, the unit type it is). Abbreviations as the press writes them.
_TYPE_WORDS: dict[str, tuple[frozenset[str], str]] = {
    "tỉnh": (frozenset({"province"}), "tỉnh"),  # province
    "thành phố": (frozenset({"province", "district"}), "thành phố"),  # city (centrally run, or of a province)
    "tp": (frozenset({"province", "district"}), "thành phố"),
    "quận": (frozenset({"district"}), "quận"),  # urban district
    "q": (frozenset({"district"}), "quận"),
    "huyện": (frozenset({"district"}), "huyện"),  # rural district
    "h": (frozenset({"district"}), "huyện"),
    "thị xã": (frozenset({"district"}), "thị xã"),  # town (district level)
    "tx": (frozenset({"district"}), "thị xã"),
    "xã": (frozenset({"commune"}), "xã"),  # rural commune
    "phường": (frozenset({"commune"}), "phường"),  # urban ward
    "p": (frozenset({"commune"}), "phường"),
    "thị trấn": (frozenset({"commune"}), "thị trấn"),  # township
    "tt": (frozenset({"commune"}), "thị trấn"),
    "đặc khu": (frozenset({"commune"}), "đặc khu"),  # special zone (islands, 2025)
}
_WORD = r"thành\ phố|thị\ xã|thị\ trấn|đặc\ khu|tỉnh|quận|huyện|xã|phường"
_ABBR = r"TP\.?|Tp\.?|TX\.|TT\.|Q\.|P\.|H\."
#: A type word right before the mention ("xã Tân Phú", "Q.Tân Bình").
_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?:(?P<w>{_WORD})\s+|(?P<a>{_ABBR})\s*)$", regex.IGNORECASE)
#: A type word opening the mention itself ("quận 1", "Q.Tân Bình", "TP.Thủ Đức").
_OPENING = regex.compile(rf"^(?:(?P<w>{_WORD})\s+|(?P<a>{_ABBR})\s*)(?P<rest>\S.*)$", regex.IGNORECASE)
#: What may stand between a place and the place that encloses it: ", ", " (", " - ", and a
#: type word ("xã Tân Phú, huyện Đồng Phú, tỉnh Bình Phước").
_ENCLOSING_GAP = regex.compile(rf"^\s*[,(\-–]?\s*(?:(?:{_WORD})\s+|(?:{_ABBR})\s*)?$", regex.IGNORECASE)
#: Kinds of the entity recogniser that are not Vietnamese administrative units.
_WORLD_KINDS = frozenset({"quốc gia", "vùng", "bang", "sông"})


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


def _candidates(
    name: str, before: str, eras: Sequence[str], kind: str | None
) -> tuple[list[Unit], list[Unit]]:
    """The units the mention may be, given the type word before or inside it and the eras: those
    of that very type, and those of its level (a unit may have changed type since: "thị xã Dĩ
    An" in 2015 is "thành phố" in the data; a "xã" may have become a "thị trấn")."""
    opening = _OPENING.match(name)
    prefix = _BEFORE.search(before[-14:])
    type_key = _type_key(opening["w"], opening["a"]) if opening else None
    if type_key is None and prefix:
        type_key = _type_key(prefix["w"], prefix["a"])
    if type_key is None and (kind in _WORLD_KINDS or places.iso3166(name) is not None):
        return [], []  # a foreign place, a region, a river: not an administrative unit
    found = list(places.named(name))  # "Quận 1", "TP.HCM", "Thành phố Hồ Chí Minh" as a whole
    if opening and not found:
        rest = opening["rest"]
        found = list(places.named(rest))
        if rest.isdigit() and type_key in _TYPE_WORDS:  # "Q.1", "P.10": numbered units
            found = list(places.named(f"{_TYPE_WORDS[type_key][1]} {rest}"))
    found = [u for u in found if u.era in eras]
    if type_key not in _TYPE_WORDS:
        return found, found
    levels, unit_type = _TYPE_WORDS[type_key]
    same_level = [u for u in found if u.level in levels]
    return [u for u in same_level if u.type == unit_type] or same_level, same_level


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


def _choose(candidates: Sequence[Unit], eras: Sequence[str]) -> Unit | None:
    """The one unit meant, or None when the candidates leave a choice.

    Provinces first (a bare "Bình Dương" in 2026 is the former province, not a ward of that name),
    then the preferred era; within the first group that has any, the highest level must be one unit.
    """
    for provinces in (True, False):
        for era in eras:
            group = [u for u in candidates if u.era == era and (u.level == "province") == provinces]
            if group:
                top = min(LEVEL_RANK[u.level] for u in group)
                highest = {u for u in group if LEVEL_RANK[u.level] == top}
                return highest.pop() if len(highest) == 1 else None
    return None


def _resolved(location: Location, unit: Unit) -> Location:
    province = places.lookup(unit.era, unit.province_code)
    new_province = places.province_2025(unit)
    # the recogniser's kind stays when it names the same level ("thị xã Dĩ An" in 2015 was one,
    # though a "thành phố" by 2025); a kind of another level was a guess ("huyện" Hóc Môn in 2026)
    levels = _TYPE_WORDS[location.kind][0] if location.kind in _TYPE_WORDS else frozenset()
    return attrs.evolve(
        location,
        kind=location.kind if unit.level in levels else unit.type or location.kind,
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


def resolve(norm: str, locations: Sequence[Location], date: dt.date | None) -> tuple[Location, ...]:
    """Each Location with its unit (or ISO 3166 code) when the text says which one it is.

    >>> from vnextract.records import Location
    >>> text = "xã Tân Phú, huyện Đồng Phú, Bình Phước"  # the township: no commune of that name there
    >>> locs = [Location(text=n, start=text.index(n), end=text.index(n) + len(n), name=n)
    ...         for n in ("Tân Phú", "Đồng Phú", "Bình Phước")]
    >>> for r in resolve(text, locs, dt.date(2015, 3, 1)):
    ...     print(r.official_name, r.code, r.province, r.province_2025, sep=" | ")
    Thị trấn Tân Phú | 25363 | Tỉnh Bình Phước | Tỉnh Đồng Nai
    Huyện Đồng Phú | 695 | Tỉnh Bình Phước | Tỉnh Đồng Nai
    Tỉnh Bình Phước | 70 | Tỉnh Bình Phước | Tỉnh Đồng Nai
    """
    eras = _eras(date)
    both = [
        _candidates(loc.name, norm[max(0, loc.start - 20) : loc.start], eras, loc.kind) for loc in locations
    ]
    candidates = [strict for strict, _loose in both]
    # the enclosing place narrows the enclosed one, outermost first
    for i in range(len(locations) - 2, -1, -1):
        outer = candidates[i + 1]
        gap = norm[locations[i].end : locations[i + 1].start]
        if not candidates[i] or not outer or not _ENCLOSING_GAP.match(gap):
            continue
        for group in both[i]:  # the unit of that type inside, else one of that level inside
            inside = [c for c in group if any(_contains(o, c) for o in outer)]
            if inside:
                candidates[i] = inside
                break
    out: list[Location] = []
    for loc, cands in zip(locations, candidates, strict=True):
        unit = _choose(cands, eras)
        if unit is not None:
            out.append(_resolved(loc, unit))
        elif not cands and (code := places.iso3166(loc.name)) is not None:
            out.append(attrs.evolve(loc, iso3166=code))
        else:
            out.append(loc)
    return tuple(out)


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
    return attrs.evolve(found, locations=resolve(text.normalized, found.locations, date))
