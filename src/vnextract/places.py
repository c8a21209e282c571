"""Vietnam's administrative units in both eras, and ISO 3166 codes of foreign places.

Loaded once from ``vnextract/data`` (built by ``scripts/build_admin_units.py``):

- ``admin_units_vn.tsv``       every unit of the "legacy" era (63 provinces, their districts and
                               communes, until 30 June 2025) and of the "2025" era (34 provinces
                               and their communes, no districts), with the national statistics
                               office's codes (from vietnamadminunits, MIT);
- ``admin_units_vn_2025.tsv``  the 2025 reform: legacy province/commune code → 2025 code(s);
- ``admin_units_vn_aliases.tsv`` press names ("TP.HCM", "Sài Gòn", "Thừa Thiên - Huế");
- ``admin_units_vn_former.tsv`` units abolished before the legacy data's date (June 2025):
                               "Hà Tây" (merged into Hà Nội in 2008), districts split or merged
                               since ("huyện Phước Long" of Bình Phước, "quận 9"), with the legacy
                               units they became and the act that did it;
- ``places_world_iso.tsv``     Vietnamese names of countries → ISO 3166-1 (CLDR via Babel, and
                               press names), and cities that are ISO 3166-2 subdivisions.

A code is unique within an era (provinces have 2 digits, districts 3, communes 5), so a unit is
``(era, code)``. Names are looked up case-folded, NFC with canonical tone marks.
"""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Literal, NamedTuple

from vnextract.lazy_regex import lazy_compile
from vnextract.numerals import load_tsv
from vnextract.text import canonical_tones

__all__ = [
    "Former",
    "Unit",
    "fold",
    "former",
    "iso3166",
    "lookup",
    "named",
    "predecessors",
    "province_2025",
    "successors",
]

Era = Literal["legacy", "2025"]
Level = Literal["province", "district", "commune"]
ERAS: tuple[Era, ...] = ("legacy", "2025")
LEVEL_RANK: dict[str, int] = {"province": 0, "district": 1, "commune": 2}


class Unit(NamedTuple):
    """One administrative unit of one era: ``Unit("2025", "commune", "27559", "xã", "Hóc Môn", …)``."""

    era: Era
    level: Level
    code: str
    type: str  # "tỉnh", "thành phố", "quận", "huyện", "thị xã", "phường", "xã", "thị trấn", "đặc khu"
    name: str  # short name as news writes it after the type word: "Hóc Môn", "Quận 1"
    official_name: str  # "Xã Hóc Môn"
    province_code: str  # its own code for a province
    district_code: str  # legacy communes only, else ""


_SPACES = lazy_compile(r"\s+")
_HYPHEN = lazy_compile(r"\s*[-–]\s*")


def fold(name: str) -> str:
    """The lookup key of a name: NFC, canonical tones, case-folded, one space, "a - b" → "a-b".

    >>> fold("Thừa Thiên - Huế"), fold("Thanh Hoá")
    ('thừa thiên-huế', 'thanh hóa')
    """
    s = canonical_tones(unicodedata.normalize("NFC", name.strip()))
    # The two substitutions only where they can change something (the place tables fold 28,000
    # names on first use): printable text holds no whitespace but " " (Cc, Zs, Zl, Zp are not).
    if not s.isprintable() or "  " in s:
        s = _SPACES.sub(" ", s)
    if "-" in s or "–" in s:
        s = _HYPHEN.sub("-", s)
    return s.casefold()


@functools.cache
def _units() -> Mapping[tuple[str, str], Unit]:
    table: dict[tuple[str, str], Unit] = {}
    for row in load_tsv("admin_units_vn.tsv"):
        era: Era = "legacy" if row["era"] == "legacy" else "2025"
        level: Level = (
            "province"
            if row["level"] == "province"
            else "district"
            if row["level"] == "district"
            else "commune"
        )
        province = row["province_code"] or row["code"]
        table[(era, row["code"])] = Unit(
            era,
            level,
            row["code"],
            row["type"],
            row["name"],
            row["official_name"],
            province,
            row["district_code"],
        )
    return MappingProxyType(table)


def lookup(era: str, code: str) -> Unit | None:
    """The unit of ``era`` with ``code``, or None.

    >>> lookup("2025", "27559").official_name
    'Xã Hóc Môn'
    """
    return _units().get((era, code))


@functools.cache
def _by_name() -> Mapping[str, tuple[Unit, ...]]:
    """Folded name → every unit of either era with that name (short, official, or a press alias)."""
    table: dict[str, dict[Unit, None]] = defaultdict(dict)
    for unit in _units().values():
        table[fold(unit.name)][unit] = None
        table[fold(unit.official_name)][unit] = None
    for row in load_tsv("admin_units_vn_aliases.tsv"):
        eras: Iterable[str] = ERAS if row["era"] == "*" else (row["era"],)
        for alias_era in eras:
            aliased = lookup(alias_era, row["code"])
            if aliased is not None:
                table[fold(row["alias"])][aliased] = None
    return MappingProxyType({name: tuple(units) for name, units in table.items()})


def named(name: str) -> tuple[Unit, ...]:
    """Every unit, of either era and any level, that ``name`` may denote.

    >>> sorted((u.era, u.level, u.type) for u in named("Hóc Môn"))
    [('2025', 'commune', 'xã'), ('legacy', 'commune', 'thị trấn'), ('legacy', 'district', 'huyện')]
    """
    return _by_name().get(fold(name), ())


@functools.cache
def _reform() -> tuple[Mapping[str, tuple[str, ...]], Mapping[str, tuple[str, ...]]]:
    """(legacy code → 2025 codes, 2025 code → legacy codes) for provinces, districts and communes."""
    forward: dict[str, dict[str, None]] = defaultdict(dict)
    backward: dict[str, dict[str, None]] = defaultdict(dict)
    for row in load_tsv("admin_units_vn_2025.tsv"):
        forward[row["legacy_code"]][row["code_2025"]] = None
        backward[row["code_2025"]][row["legacy_code"]] = None
    # a legacy district became the 2025 communes its communes went into (districts were abolished)
    for unit in _units().values():
        if unit.era == "legacy" and unit.level == "commune" and unit.district_code:
            for new in forward.get(unit.code, {}):
                forward[unit.district_code][new] = None
    return (
        MappingProxyType({k: tuple(v) for k, v in forward.items()}),
        MappingProxyType({k: tuple(v) for k, v in backward.items()}),
    )


def successors(unit: Unit) -> tuple[str, ...]:
    """Codes of the 2025 units a legacy unit became; () for a 2025 unit.

    >>> successors(lookup("legacy", "74"))   # Bình Dương went into Thành phố Hồ Chí Minh
    ('79',)
    """
    return _reform()[0].get(unit.code, ()) if unit.era == "legacy" else ()


def predecessors(unit: Unit) -> tuple[str, ...]:
    """Codes of the legacy units a 2025 unit was formed from; () for a legacy unit.

    >>> sorted(predecessors(lookup("2025", "79")))
    ['74', '77', '79']
    """
    return _reform()[1].get(unit.code, ()) if unit.era == "2025" else ()


def province_2025(unit: Unit) -> Unit | None:
    """The 2025 province a unit of either era lies in (provinces were merged whole).

    >>> province_2025(lookup("legacy", "784")).official_name   # huyện Hóc Môn
    'Thành phố Hồ Chí Minh'
    """
    if unit.era == "2025":
        return lookup("2025", unit.province_code)
    new = _reform()[0].get(unit.province_code, ())
    return lookup("2025", new[0]) if len(new) == 1 else None


class Former(NamedTuple):
    """A unit abolished before June 2025, which the legacy data no longer has: "Hà Tây"."""

    type: str  # the type word it had: "tỉnh", "huyện", "quận"
    name: str  # as news writes it after the type word: "Hà Tây", "Quận 9"
    level: Level
    official_name: str  # "Tỉnh Hà Tây"
    province_code: str  # the legacy province it lay in, "" for a province
    until: dt.date  # the day it ceased to exist
    became: tuple[str, ...]  # the legacy units it became ("01": Hà Nội)

    def province_2025(self) -> Unit | None:
        """The 2025 province its land lies in, when the units it became agree on one."""
        found = {province_2025(u) for code in self.became if (u := lookup("legacy", code)) is not None}
        return found.pop() if len(found) == 1 else None


_LEVELS: Mapping[str, Level] = MappingProxyType(
    {"province": "province", "district": "district", "commune": "commune"}
)


@functools.cache
def _former() -> Mapping[str, tuple[Former, ...]]:
    table: dict[str, list[Former]] = defaultdict(list)
    for row in load_tsv("admin_units_vn_former.tsv"):
        unit = Former(
            row["type"],
            row["name"],
            _LEVELS[row["level"]],
            row["official_name"],
            row["province_code"],
            dt.date.fromisoformat(row["until"]),
            tuple(row["became"].split()),
        )
        for key in {fold(unit.name), fold(unit.official_name)}:
            table[key].append(unit)
    return MappingProxyType({name: tuple(units) for name, units in table.items()})


def former(name: str) -> tuple[Former, ...]:
    """The units abolished before June 2025 that ``name`` may denote.

    >>> [(f.official_name, f.until.year, f.province_2025().official_name) for f in former("Hà Tây")]
    [('Tỉnh Hà Tây', 2008, 'Thành phố Hà Nội')]
    """
    return _former().get(fold(name), ())


@functools.cache
def _world() -> Mapping[str, str]:
    return MappingProxyType({fold(row["name"]): row["iso"] for row in load_tsv("places_world_iso.tsv")})


def iso3166(name: str) -> str | None:
    """The ISO 3166 code of a country ("Nhật Bản" → "JP") or of a city that is an ISO 3166-2
    subdivision ("Bắc Kinh" → "CN-BJ"), else None.

    >>> iso3166("Hàn Quốc"), iso3166("Mỹ"), iso3166("Bắc Kinh"), iso3166("Lyon")
    ('KR', 'US', 'CN-BJ', None)
    """
    return _world().get(fold(name))
