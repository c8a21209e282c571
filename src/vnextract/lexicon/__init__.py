"""Lexicons: every data table of ``vnextract/data`` read by one loader, as immutable lookups.

Modules (each lookup is cached, built once per process):

- :mod:`~vnextract.lexicon.loader`: ``load_tsv`` (the one reader of the TSV tables), ``key``;
- :mod:`~vnextract.lexicon.names`: surnames, honorifics and their genders, foreign and Vietnamese
  given names;
- :mod:`~vnextract.lexicon.gazetteer`: place names with kind and tier, place prefixes, kinds of
  place, the gazetteer of widely known places named bare (``world_places``);
- :mod:`~vnextract.lexicon.roles`: roles (titles and the cues that announce a name);
- :mod:`~vnextract.lexicon.organizations`: organisation heads and their properties, known
  organisations, the gazetteer of organisations named bare (``world_organizations``);
- :mod:`~vnextract.lexicon.words`: stop words, dictionary words, word classes.

Membership look-ups for features (a syllable tuple ``k`` of the text layer):
``k[0] in surnames()``, ``k in places()``, ``k in org_heads()``, ``k in person_cues()``,
``k[0] in foreign_given_names()``, ``k in known_organizations()``, ``k in world_organizations()``.
"""

from vnextract.lexicon.gazetteer import (
    TIER_BARE,
    TIER_COMMUNE,
    TIER_DISTRICT,
    Place,
    PlaceKind,
    WorldPlace,
    place_kinds,
    place_prefixes,
    places,
    vietnamese_provinces,
    world_places,
)
from vnextract.lexicon.loader import SYLLABLE, Key, key, load_tsv
from vnextract.lexicon.names import foreign_given_names, given_names, honorific_genders, honorifics, surnames
from vnextract.lexicon.organizations import (
    OrgHead,
    WorldOrganization,
    known_organizations,
    listed_organizations,
    org_heads,
    world_organizations,
)
from vnextract.lexicon.roles import Role, apposition_roles, person_cues, role_rows, title_roles
from vnextract.lexicon.words import common_words, function_words, phrase_class, stopwords, word_class

__all__ = [
    "SYLLABLE",
    "TIER_BARE",
    "TIER_COMMUNE",
    "TIER_DISTRICT",
    "Key",
    "OrgHead",
    "Place",
    "PlaceKind",
    "Role",
    "WorldOrganization",
    "WorldPlace",
    "apposition_roles",
    "common_words",
    "foreign_given_names",
    "function_words",
    "given_names",
    "honorific_genders",
    "honorifics",
    "key",
    "known_organizations",
    "listed_organizations",
    "load_tsv",
    "org_heads",
    "person_cues",
    "phrase_class",
    "place_kinds",
    "place_prefixes",
    "places",
    "role_rows",
    "stopwords",
    "surnames",
    "title_roles",
    "vietnamese_provinces",
    "word_class",
    "world_organizations",
    "world_places",
]
