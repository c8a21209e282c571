"""Place names (Vietnamese administrative units of both eras, the world) and place prefixes."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from vnextract.lexicon.loader import Key, key, load_tsv, spaced_key

#: How freely a place name may be tagged without a prefix word ("tỉnh", "xã" …):
#: 0 = bare anywhere (provinces, countries, big cities); 1 = bare unless it looks like a
#: person's name (districts); 2 = only after a prefix or next to another place (communes).
TIER_BARE, TIER_DISTRICT, TIER_COMMUNE = 0, 1, 2


class Place(NamedTuple):
    kind: str
    tier: int


#: Names that are also famous people: bare they are persons ("tấm gương đạo đức Hồ Chí Minh"),
#: after "TP"/"thành phố" they are places.
_PERSON_FIRST = frozenset({"Hồ Chí Minh"})


@functools.cache
def places() -> Mapping[Key, Place]:
    """Every place name → its kind and tier (the most freely taggable reading wins), from
    ``places_vn.tsv`` (vietnamadminunits, MIT), ``places_world.tsv`` and the names of
    ``places_world_more.tsv`` read "alone"."""
    table: dict[Key, Place] = {}
    keys: dict[str, Key] = {}  # a commune's name recurs in many provinces: cut it once (start-up)

    def add(name: str, kind: str, tier: int) -> None:
        k = keys.get(name)
        if k is None:
            k = keys[name] = key(name)
        if not k or (not k[0][:1].isupper() and not k[0][:1].islower()):
            return
        if k[0][:1].isdigit():  # numbered wards ("Phường 1") are matched by pattern
            return
        old = table.get(k)
        if old is None or tier < old.tier:
            table[k] = Place(kind, tier)

    kinds = place_kinds()
    for row in load_tsv("places_vn.tsv"):
        kind = row["kind"]
        if not row["province"]:
            tier = TIER_BARE
        elif kind in kinds and "district" in kinds[kind].levels:
            tier = TIER_DISTRICT
        else:
            tier = TIER_COMMUNE
        if row["name"] in _PERSON_FIRST:
            tier = TIER_COMMUNE
        add(row["name"], kind, tier)
        if " - " in row["name"] and tier == TIER_DISTRICT:
            # "Phan Rang - Tháp Chàm": each half is used alone in news
            for part in row["name"].split(" - "):
                if len(part.split()) >= 2:
                    add(part, kind, tier)
    for row in load_tsv("places_world.tsv"):
        add(row["name"], row["kind"], TIER_BARE)
    for name, place in world_places().items():
        if place.alone:
            # a widely known place named bare ("Hormuz", "Miến Điện"): taggable anywhere, and
            # it lifts a commune of the same name that is a landmark too ("Lăng Cô")
            add(name, place.kind, TIER_BARE)
    return MappingProxyType(table)


class WorldPlace(NamedTuple):
    """A place of the gazetteer ``places_world_more.tsv``."""

    #: the Location.kind: "thành phố", "eo biển", "đảo", "sân vận động" …
    kind: str
    #: the name standing alone is this place; False when it is also a person's name, a club, a
    #: company or a word ("Hamilton", "Leicester", "Thái"), or a river's bare name ("Đà")
    alone: bool


@functools.cache
def world_places() -> Mapping[str, WorldPlace]:
    """Widely known places that news names bare, beyond the countries and cities of
    ``places_world.tsv``: cities and regions of the world, seas, straits, rivers, mountains,
    islands, old and Sino-Vietnamese country names, Vietnamese landmarks, venues.
    ``world_places()["Hormuz"].kind == "eo biển"``."""
    return MappingProxyType(
        {r["name"]: WorldPlace(r["kind"], r["reading"] == "alone") for r in load_tsv("places_world_more.tsv")}
    )


@functools.cache
def place_names() -> frozenset[str]:
    """Every place name as written in the two tables ("Bình Dương", "Hoa Kỳ")."""
    return (
        frozenset(row["name"] for row in load_tsv("places_vn.tsv"))
        | frozenset(row["name"] for row in load_tsv("places_world.tsv"))
        | frozenset(name for name, place in world_places().items() if place.alone)
    )


@functools.cache
def vietnamese_provinces() -> frozenset[Key]:
    """The provinces and centrally-run cities of Vietnam, both eras, as syllable keys
    (``places_vn.tsv``'s province column): ``("Bình", "Dương")``, ``("Đà", "Nẵng")``."""
    names = {row["province"] for row in load_tsv("places_vn.tsv")}  # 13,902 rows: cut each name once
    return frozenset(key(name) for name in names if name)


class PlaceKind(NamedTuple):
    """What a kind of place is (``place_kinds.tsv``): "huyện" is a district, "đường" a street."""

    #: the administrative levels it names ("province", "district", "commune"; none: not a unit)
    levels: frozenset[str]
    #: often named after a person ("đường Nguyễn Huệ"): a name inside it is no person
    named_after_people: bool
    #: with a compass word alone it names a region ("vùng núi Bắc"), not a place
    region: bool


@functools.cache
def place_kinds() -> Mapping[str, PlaceKind]:
    """Kind of place (the Location.kind, "huyện", "đường" …) → what it is."""
    return MappingProxyType(
        {
            r["kind"]: PlaceKind(
                levels=frozenset(r["levels"].split()) - {"-"},
                named_after_people=r["named_after_people"] == "yes",
                region=r["region"] == "yes",
            )
            for r in load_tsv("place_kinds.tsv")
        }
    )


class PlacePrefix(NamedTuple):
    """A word before a place name (``place_prefixes.tsv``): "tỉnh", "TP", "quận", "đường" …"""

    #: the Location.kind it gives ("tỉnh", "thành phố", "đường" …)
    kind: str
    #: "name": a capitalised prefix read before anything else ("TP", "Thị xã"); "word": a
    #: prefix word read when it is a whole word or comes right before a capital ("tỉnh").
    written: str
    #: "in": part of the place's name ("TP Hồ Chí Minh"); "in_mid_sentence": in the name except
    #: at the start of a sentence, where it is only sentence case ("Tỉnh Hải Dương yêu cầu");
    #: "out": outside the span ("tỉnh Bình Dương" → "Bình Dương").
    span: str
    #: takes a number as its name ("quận 12", "ấp 7")
    numbered: bool
    #: an administrative unit (a full name after it may be its officer, not a place)
    administrative: bool
    #: an admin word inside an organisation's name ("UBND tỉnh", "Công an huyện Củ Chi")
    in_organization: bool
    #: after a role stands for that unit's People's Committee ("Chủ tịch xã Tiên Cẩm")
    after_role: bool


@functools.cache
def place_prefixes() -> Mapping[Key, PlacePrefix]:
    """Place prefix (its syllables as the scanner sees them) → what it does."""
    return MappingProxyType(
        {
            spaced_key(r["prefix"]): PlacePrefix(
                r["kind"],
                r["written"],
                r["span"],
                r["numbered"] == "yes",
                r["administrative"] == "yes",
                r["in_organization"] == "yes",
                r["after_role"] == "yes",
            )
            for r in load_tsv("place_prefixes.tsv")
        }
    )
