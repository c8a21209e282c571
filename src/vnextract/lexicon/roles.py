"""Roles: positions, ranks, professions, degrees, kinship and case roles (``roles.tsv``).

One table for what the entity scanner and the titles recogniser both read. Each row says what
the role does:

- ``title``: the titles recogniser reads it as a Title ("Phó Chủ tịch UBND tỉnh");
- ``cue``: it announces a person's name to the entity scanner ("bị cáo Simo Fotso Victor");
- ``deputy``: "Phó " + the role is a title too ("Phó Giám đốc");
- ``kind``: government, party, business, rank, degree, case, kinship … (a rank, a degree or a
  role in a case takes a name after it, not an organisation);
- ``traits``: how the organisation after it reads — ``unit`` (plain lowercase words may name
  the unit: "trưởng phòng kinh doanh"), ``student`` (a class and school follow: "học sinh lớp
  2A"), ``gang`` (the ring led: "kẻ cầm đầu đường dây"), ``posted`` (the host country follows:
  "Đại sứ Việt Nam tại Mỹ"), ``serving`` (serves another office-holder: "trợ lý Bộ trưởng"),
  ``firm`` (an organisation is said to hold it too: "nhà sản xuất", "thành viên", "ĐKVĐ").
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from vnextract.lexicon.loader import Key, casings, key, load_tsv


class Role(NamedTuple):
    role: str
    kind: str
    deputy: bool
    title: bool
    cue: bool
    traits: frozenset[str]


@functools.cache
def role_rows() -> tuple[Role, ...]:
    """Every row of ``roles.tsv``, in order."""
    return tuple(
        Role(
            r["role"].strip(),
            r["kind"],
            r["deputy"] == "yes",
            r["title"] == "yes",
            r["cue"] == "yes",
            frozenset(t for t in r["traits"].split(",") if t),
        )
        for r in load_tsv("roles.tsv")
    )


@functools.cache
def person_cues() -> frozenset[Key]:
    """Roles that announce a name, as keys in every casing news writes them: ("Giám", "đốc"),
    ("giám", "đốc"), ("bị", "cáo"), ("PGS.TS",) …"""
    cues: set[Key] = set()
    for r in role_rows():
        if not r.cue:
            continue
        k = key(r.role)
        cues.add(k)
        if any(c.isupper() for w in k[1:] for c in w[1:]) or len(k) > 4:
            continue  # an abbreviation ("PGS.TS") keeps its case
        # titles are written in any case mid-sentence: "đại sứ", "Phó chủ tịch", "Phó Chủ tịch"
        cues.update(casings(k))
    return frozenset(cues)


@functools.cache
def title_roles() -> Mapping[str, str]:
    """The roles the titles recogniser reads, as written → their kind; a deputy role also
    gives "Phó " + it ("Phó Giám đốc")."""
    table: dict[str, str] = {}
    for r in role_rows():
        if r.title:
            table.setdefault(r.role, r.kind)
            if r.deputy:  # Phó = deputy: "Phó Giám đốc", "Phó Tổng Giám đốc"
                table.setdefault("Phó " + r.role, r.kind)
    return MappingProxyType(table)


@functools.cache
def roles_with(trait: str) -> frozenset[str]:
    """Casefolded title roles with a trait: ``roles_with("posted")`` holds "đại sứ"."""
    return frozenset(r.role.casefold() for r in role_rows() if trait in r.traits)


# The kinds of role whose holder works in an organisation named right after it ("tiền đạo
# Tottenham", "Giám đốc điều hành Bannockburn Global Forex"); after a rank, a degree, a kinship
# word or a case role ("vợ …", "nạn nhân …") a name is another person's.
_OFFICE_KINDS = frozenset(
    {"government", "party", "business", "sport", "profession", "academic", "police", "army", "religion"}
)


@functools.cache
def apposition_roles() -> Mapping[Key, bool]:
    """Roles that describe the person just named in an apposition ("Kane, tiền đạo Tottenham,
    ghi bàn"), in every casing, → whether an organisation may follow the role (an office, not
    a rank, kinship or case role; not a role that serves another office-holder). Roles an
    organisation is also said to hold (trait ``firm``: "nhà sản xuất", "nhà đầu tư") and
    modifiers ("Cựu") are left out."""
    table: dict[Key, bool] = {}
    for r in role_rows():
        if not (r.title or r.cue) or r.kind == "modifier" or "firm" in r.traits:
            continue
        office = r.kind in _OFFICE_KINDS and "serving" not in r.traits
        k = key(r.role)
        spellings = [k] if any(c.isupper() for w in k[1:] for c in w[1:]) else list(casings(k))
        for s in spellings:
            table[s] = table.get(s, False) or office
    return MappingProxyType(table)
