"""Organisation heads with what each does (``organization_heads.tsv``) and well-known bare
organisation names (``organizations.tsv``)."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from vnextract.lexicon.loader import Key, casings, key, load_tsv


class OrgHead(NamedTuple):
    """An organisation head noun ("Bộ", "Sở", "UBND", "Công ty" …) and how its name reads."""

    #: the head alone names one organisation ("Tỉnh ủy" = the provincial Party committee)
    standalone: bool
    #: how the name after it may go on: "name" (only with a capitalised word next), "lowercase"
    #: (in lowercase words too: "Trung tâm kiểm soát bệnh tật"), "one_word" (lowercase, and
    #: one lowercase word already names it: "Cục thuế"), "scope" (lowercase only up to a scope
    #: word: "Hội đồng bầu cử quốc gia", while "Hội đồng xét xử" is the trial panel)
    body: str
    #: its name may be a bare number ("Bệnh viện 175", "Quân khu 7")
    numbered: bool
    #: a person's name after it is part of its name ("Trường THPT Lê Quý Đôn")
    named_after_people: bool
    #: its bare name is most often a place ("Đại học Lanzhou"), not a short name of the body
    place_named: bool
    #: "tại <place>" goes on its name ("Tổng lãnh sự quán Mỹ tại TP HCM")
    at_place: bool


def _head(row: Mapping[str, str]) -> OrgHead:
    return OrgHead(
        row["standalone"] == "yes",
        row["body"],
        row["numbered"] == "yes",
        row["named_after_people"] == "yes",
        row["place_named"] == "yes",
        row["at_place"] == "yes",
    )


@functools.cache
def org_heads() -> Mapping[Key, OrgHead]:
    """Head (as the entity scanner reads it, every casing of its later syllables) → OrgHead."""
    table: dict[Key, OrgHead] = {}
    for r in load_tsv("organization_heads.tsv"):
        if r["read_by"] != "both":
            continue
        head = _head(r)
        k = key(r["head"])
        table[k] = head
        if 1 < len(k) <= 6:
            # "Tổng Công ty", "Tổng công ty": news writes the later syllables either way
            for cased in casings(k, first=False):
                table.setdefault(cased, head)
    return MappingProxyType(table)


@functools.cache
def listed_heads() -> Mapping[Key, OrgHead]:
    """Heads exactly as listed (no other casing) → OrgHead: the properties that the entity
    scanner checks on the head as written."""
    return MappingProxyType(
        {key(r["head"]): _head(r) for r in load_tsv("organization_heads.tsv") if r["read_by"] == "both"}
    )


@functools.cache
def title_reader_heads() -> tuple[str, ...]:
    """Heads the titles recogniser's organisation reader knows, as written (also the company
    forms "Công ty TNHH", "Công ty cổ phần" it reads as one head)."""
    return tuple(r["head"] for r in load_tsv("organization_heads.tsv"))


@functools.cache
def listed_organizations() -> frozenset[Key]:
    """The first hand list of well-known bare organisation names (``organizations.tsv``):
    ("WHO",), ("Dân", "trí") … (the shipped entity model's feature ``org`` reads it)."""
    return frozenset(key(r["name"]) for r in load_tsv("organizations.tsv"))


class WorldOrganization(NamedTuple):
    """An organisation of the gazetteer ``organizations_world.tsv``."""

    #: company_world, company_vn, international, media, university, band, club
    kind: str
    #: the name standing alone is this organisation; False when it is also a city or region
    #: ("Liverpool", "Valencia"), a person's or a dictionary word ("Delta", "Fortune"): then
    #: only the learned layer, which reads the context, may take it
    alone: bool


@functools.cache
def world_organizations() -> Mapping[Key, WorldOrganization]:
    """Widely known organisations that any Vietnamese news may name bare, with no head word:
    companies and brands, banks, international bodies, media, universities, bands, football
    clubs. ``world_organizations()[("SpaceX",)].kind == "company_world"``."""
    return MappingProxyType({
        key(r["name"]): WorldOrganization(r["kind"], r["reading"] == "alone")
        for r in load_tsv("organizations_world.tsv")
    })


@functools.cache
def known_organizations() -> frozenset[Key]:
    """Bare names that are an organisation wherever they stand alone: the hand list and the
    gazetteer's names read "alone" (("WHO",), ("Dân", "trí"), ("SpaceX",) …)."""
    world = (k for k, o in world_organizations().items() if o.alone)
    return listed_organizations() | frozenset(world)
