"""Linking step: abbreviation ↔ expansion on organisations and titles.

"UBND tỉnh" → Organization.expansion "Ủy ban nhân dân tỉnh"; "Sở TTTT" → "Sở Thông tin và
Truyền thông" (the document's own definition of TTTT first, then the common list);
"Ngành Thông tin và Truyền thông (TTTT)" → Organization.abbreviation "TTTT".
Title.organization_expansion gets the same expansion.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs
import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.mentions import Mentions
from vnextract.recognizers.abbreviations import common
from vnextract.records import Abbreviation, Organization, Title
from vnextract.text import Text

# A token that may be an abbreviation inside a name: "UBND", "TTTT", "GD&ĐT", "TP.HCM", "BR-VT".
_TOKEN = lazy_compile(r"(?<![\p{L}\p{N}&])[\p{L}\p{N}](?:[\p{L}\p{N}&]|[.\-](?=[\p{L}\p{N}]))*+")


def table_for(abbreviations: tuple[Abbreviation, ...]) -> dict[str, str]:
    """Short → long: the document's records over the common list."""
    table = dict(common())
    table.update({a.short: a.long for a in abbreviations})
    return table


def expand(name: str | None, table: Mapping[str, str]) -> str | None:
    """Replace every abbreviation in ``name``; None when there is none.

    >>> expand("UBND tỉnh", {"UBND": "Ủy ban nhân dân"})
    'Ủy ban nhân dân tỉnh'
    """
    if not name:
        return None
    changed = False

    def replace(m: regex.Match[str]) -> str:
        nonlocal changed
        word = m.group()
        if name[m.start() - 1 : m.start()] == "(" and name[m.end() : m.end() + 1] == ")":
            return word  # the definition itself: "Thông tin và Truyền thông (TTTT)"
        if word in table and sum(c.isupper() for c in word) >= 2:
            changed = True
            return table[word]
        return word

    out = _TOKEN.sub(replace, name)
    return out if changed else None


def _abbreviation_of(text: Text, org: Organization, records: tuple[Abbreviation, ...]) -> str | None:
    """The short form the text defines for a full name: "Ngành Thông tin và Truyền thông (TTTT)
    tỉnh Bình Dương" → "TTTT" (the definition inside the name or right after it)."""
    s = text.normalized
    for a in records:
        inside = org.start < a.start and a.end < org.end and s[a.start - 1] == "(" and s[a.end] == ")"
        after = 0 <= a.start - org.end <= 3 and s[org.end : a.start].strip() == "("
        if inside or after:
            return a.short
    return None


def link(text: Text, found: Mentions) -> Mentions:
    """Fill Organization.abbreviation/expansion and Title.organization_expansion."""
    table = table_for(found.abbreviations)
    organizations = []
    for org in found.organizations:
        expansion = expand(org.name, table)
        abbreviation = _abbreviation_of(text, org, found.abbreviations)
        organizations.append(
            attrs.evolve(
                org,
                expansion=expansion if expansion is not None else org.expansion,
                abbreviation=abbreviation if abbreviation is not None else org.abbreviation,
            )
        )
    titles = tuple(expand_title(t, table) for t in found.titles)
    return attrs.evolve(found, organizations=tuple(organizations), titles=titles)


def expand_title(title: Title, table: Mapping[str, str]) -> Title:
    """The title with ``organization_expansion`` filled when its organisation is abbreviated."""
    expansion = expand(title.organization, table)
    if expansion == title.organization_expansion:
        return title
    return attrs.evolve(title, organization_expansion=expansion)
