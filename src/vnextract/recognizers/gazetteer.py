"""Lexicons for the entity recogniser, loaded once from ``vnextract/data/*.tsv``.

Every lexicon is keyed by a tuple of syllables (the text split on spaces), NFC with canonical
tone marks (the same normalisation :mod:`vnextract.text` applies to the input), so a lookup is
one dict access per candidate length. Nothing here is mutable after loading.

Files (each a UTF-8 TSV with a header row and a source/gloss column):

- ``places_vn.tsv``      every Vietnamese province, district and ward/commune, legacy (63
                         provinces) and 2025 (34 provinces), from vietnamadminunits (MIT);
- ``places_world.tsv``   countries, world cities, regions, rivers, seas in Vietnamese; aliases;
- ``surnames.tsv``       Vietnamese surnames with their share of the population;
- ``honorifics.tsv``     "ông", "bà", "anh", "chị" … (Mr, Mrs, elder brother, elder sister);
- ``foreign_given_names.tsv`` "Bill", "Vladimir" …: foreign names with no title before them;
- ``person_cues.tsv``    titles, ranks, professions and roles that announce a name;
- ``org_heads.tsv``      head nouns of organisation names ("Bộ", "Sở", "UBND", "Công ty" …);
- ``organizations.tsv``  well-known bare organisation names (WHO, Vinamilk, BBC …);
- ``entity_stopwords.tsv`` function words and verbs that end a name.
"""

from __future__ import annotations

import csv
import functools
import itertools
import unicodedata
from collections.abc import Iterator, Mapping
from importlib import resources
from types import MappingProxyType
from typing import NamedTuple

import regex

from vnextract.text import canonical_tones

Key = tuple[str, ...]

#: One syllable, glued compound or punctuation mark: how the recogniser cuts text, so that
#: lexicon keys and text agree ("Bộ Văn hóa, Thể thao" → "Bộ", "Văn", "hóa", ",", "Thể", "thao").
SYLLABLE = regex.compile(
    r"""
    (?:TP|Tp|P|Q)\.(?=[\p{Lu}\d])          # "TP.HCM", "P.10", "Q.Phú Nhuận": prefix split off
    | [\p{L}\p{M}\p{N}]++(?:[.&'’\-][\p{L}\p{M}\p{N}]++)*+   # syllable or glued compound:
                                            # "GD&ĐT", "BR-VT", "H.Hariri", "Covid-19"
    | [^\s\p{L}\p{M}\p{N}]                  # one punctuation character
    """,
    regex.VERBOSE,
)


def _norm(s: str) -> str:
    return canonical_tones(unicodedata.normalize("NFC", s.strip()))


def _rows(name: str) -> Iterator[dict[str, str]]:
    """Rows of a data TSV as dicts (header row gives the keys)."""
    with resources.files("vnextract.data").joinpath(name).open(encoding="utf-8") as f:
        yield from csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)


def key(phrase: str) -> Key:
    """The lexicon key of a phrase: its syllables. ``key("Bình Dương") == ("Bình", "Dương")``."""
    return tuple(SYLLABLE.findall(_norm(phrase)))


# ----------------------------------------------------------------------------- places

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
    """Every place name → its kind and tier (the most freely taggable reading wins)."""
    table: dict[Key, Place] = {}

    def add(name: str, kind: str, tier: int) -> None:
        k = key(name)
        if not k or (not k[0][:1].isupper() and not k[0][:1].islower()):
            return
        if k[0][:1].isdigit():  # numbered wards ("Phường 1") are matched by pattern
            return
        old = table.get(k)
        if old is None or tier < old.tier:
            table[k] = Place(kind, tier)

    for row in _rows("places_vn.tsv"):
        kind = row["kind"]
        if not row["province"]:
            tier = TIER_BARE
        elif kind in ("quận", "huyện", "thị xã", "thành phố"):
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
    for row in _rows("places_world.tsv"):
        add(row["name"], row["kind"], TIER_BARE)
    return MappingProxyType(table)


@functools.cache
def place_max_len() -> int:
    return max(len(k) for k in places())


# ----------------------------------------------------------------------------- persons


@functools.cache
def surnames() -> Mapping[str, float]:
    """Surname → share of the population in percent ("Nguyễn" → 38.4)."""
    return MappingProxyType({_norm(r["surname"]): float(r["share_percent"]) for r in _rows("surnames.tsv")})


@functools.cache
def honorifics() -> frozenset[str]:
    """Lowercase honorifics: "ông", "bà", "anh", "chị" …"""
    return frozenset(_norm(r["honorific"]) for r in _rows("honorifics.tsv"))


@functools.cache
def person_cues() -> frozenset[Key]:
    """Titles and roles that announce a name: ("Giám", "đốc"), ("bị", "cáo"), ("PGS.TS",) …"""
    cues: set[Key] = set()
    for r in _rows("person_cues.tsv"):
        k = key(r["cue"])
        cues.add(k)
        if any(c.isupper() for w in k[1:] for c in w[1:]) or len(k) > 4:
            continue  # an abbreviation ("PGS.TS") keeps its case
        # titles are written in any case mid-sentence: "đại sứ", "Phó chủ tịch", "Phó Chủ tịch"
        for cased in itertools.product(*((w.lower(), w[:1].upper() + w[1:]) for w in k)):
            cues.add(tuple(cased))
    return frozenset(cues)


@functools.cache
def foreign_given_names() -> frozenset[str]:
    """Common foreign given names ("Bill", "Vladimir"): a run starting with one is a person."""
    return frozenset(_norm(r["name"]) for r in _rows("foreign_given_names.tsv"))


@functools.cache
def given_names() -> frozenset[str]:
    """Vietnamese given-name syllables seen after a surname in news ("Văn", "Xuân", "Son"):
    built by scripts/build_given_names.py; the learned layer reads membership as a feature."""
    return frozenset(_norm(r["name"]) for r in _rows("given_names.tsv"))


# ----------------------------------------------------------------------------- organisations


class OrgHead(NamedTuple):
    #: True when the head alone names one organisation ("Tỉnh ủy" = the provincial Party committee).
    standalone: bool


@functools.cache
def org_heads() -> Mapping[Key, OrgHead]:
    table: dict[Key, OrgHead] = {}
    for r in _rows("org_heads.tsv"):
        head = OrgHead(r["standalone"] == "yes")
        k = key(r["head"])
        table[k] = head
        if 1 < len(k) <= 6:
            # "Tổng Công ty", "Tổng công ty": news writes the later syllables either way
            for cased in itertools.product(*((w.lower(), w[:1].upper() + w[1:]) for w in k[1:])):
                table.setdefault(k[:1] + cased, head)
    return MappingProxyType(table)


@functools.cache
def known_organizations() -> frozenset[Key]:
    return frozenset(key(r["name"]) for r in _rows("organizations.tsv"))


@functools.cache
def stopwords() -> frozenset[Key]:
    """Function words and verbs (1–3 syllables) that cannot continue a name."""
    return frozenset(key(r["word"]) for r in _rows("entity_stopwords.tsv"))


@functools.cache
def function_words() -> frozenset[Key]:
    """The stop words of class "function" ("và", "đã", "của"), not the verbs ("bầu", "xét xử")."""
    return frozenset(key(r["word"]) for r in _rows("entity_stopwords.tsv") if r["class"] == "function")


@functools.cache
def common_words() -> frozenset[str]:
    """Lowercase Vietnamese dictionary words (underthesea's Viet74K word list, Apache-2.0).

    Used only to tell a word continued across syllables ("Y tế", "Tài chính": one word) from a
    new word, and sentence-initial common words ("Hôm qua") from names. Empty if the list is
    missing: the recogniser then falls back on its own lexicons.
    """
    try:
        ref = resources.files("underthesea") / "corpus" / "data" / "Viet74K.txt"
        with ref.open(encoding="utf-8") as f:
            content = canonical_tones(unicodedata.normalize("NFC", f.read())).lower()
        return frozenset(line.strip() for line in content.splitlines() if line.strip())
    except (OSError, ModuleNotFoundError):
        return frozenset()
