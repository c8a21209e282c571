"""Linking step: capitalised names that the guideline does not tag, whoever proposed them.

The rules and the learned layer both read a capitalised name as a place, an organisation or a
person. Some contexts make it something else (the shared guideline, "Conventions settled
later"); the contexts are rows of data/entity_name_contexts.tsv, each naming its rule:

- rule *language*: "tiếng Anh", "Tiếng Việt" (the English, Vietnamese language) — languages are
  not tagged;
- rule *competition*: a name inside a competition's name, after its head ("Ngoại hạng Anh",
  "Siêu cúp Tây Ban Nha", "Cup UEFA", "VĐQG Kuwait") or before its last word ("Tiger Cup",
  "Champions League", "SEA Games"), or a name that ends in that word;
- rule *fixed_name*: "viêm não Nhật Bản" (Japanese encephalitis) names a disease;
- rule *event_name*: a place that ends the name of an event or competition, followed by the
  event's year or edition, with the event's head before it in the clause ("Lễ hội Sầu riêng Đắk
  Lắk 2026", "Marathon Vũng Tàu 2026", "Festival Thăng Long - Hà Nội lần thứ II năm 2026") —
  nothing inside an event's name is tagged;
- rule *product_name*: a brand named alone (one word) right before a foreign capitalised word
  that no recogniser took is the maker inside a product's name ("BIDV Home", "Google Play",
  "Oracle Database 10g", "VinFast Limo Green") — a brand inside a product name is not tagged
  (organisations only);
- rule *role_word*: a name that is only a role, rank or degree of roles.tsv ("PGS.TS" =
  associate professor, doctor; "Giám đốc" = director) is a title word, never a name (no gold
  entity of the corpus is one; the entity CRF can read an unseen degree as an organisation).

It runs after the learned layer, so it drops what either proposed, and after the names that
titles announce are found ("HLV Arsenal Mikel Arteta": the coach is no product), before the
persons and places are linked.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import NamedTuple, TypeVar

import attrs
import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon import foreign_given_names, load_tsv, word_class
from vnextract.lexicon.loader import key, norm
from vnextract.lexicon.roles import person_cues
from vnextract.mentions import Mentions
from vnextract.recognizers.date_names import event_head_before
from vnextract.records import Location, Organization, Person
from vnextract.text import Text
from vnextract.text.spelling import looks_foreign

#: the event's year or edition right after the name: " 2026", " lần thứ II năm 2026", " lần V – 2027"
_YEAR_OR_EDITION_AFTER = lazy_compile(
    r"[^\S\n]+(?:lần[^\S\n]+(?:thứ[^\S\n]+)?(?:[IVXLC]+|\d{1,3})(?!\p{L})|(?:19|20)\d\d(?![\p{N}\p{L}]))"
)


#: the word after a brand: one space, then a capitalised word (letters, digits, "-", "+", "'")
_NEXT_WORD = lazy_compile(r"[^\S\n]([\p{Lu}][\p{L}\p{N}\-+'’]*)")


class _Contexts(NamedTuple):
    before: regex.Pattern[str]  # ends right before a name: "tiếng ", "Cup "
    after: regex.Pattern[str]  # starts right after a name: " League"
    ending: regex.Pattern[str]  # a name's last word: "Tiger Cup"
    rule: Mapping[str, str]  # phrase (lowercase) → the rule it belongs to


@functools.cache
def _contexts() -> _Contexts:
    """The rows of data/entity_name_contexts.tsv for every kind of name (``records`` "all") as
    patterns; the rows for persons only are linking/not_persons.py's."""
    rows = [r for r in load_tsv("entity_name_contexts.tsv") if r["records"] == "all"]

    def alternatives(side: str) -> str:
        words = sorted((norm(r["phrase"]) for r in rows if r["side"] == side), key=len, reverse=True)
        return "|".join(regex.escape(w) for w in words)

    before, after = alternatives("before"), alternatives("after")
    return _Contexts(
        regex.compile(r"(?<!\p{L})(" + before + r")[^\S\n]+$", regex.I),
        regex.compile(r"[^\S\n]+(" + after + r")(?!\p{L})", regex.I),
        regex.compile(r"(?<!\p{L})(" + after + r")$", regex.I),
        {norm(r["phrase"]).lower(): r["rule"] for r in rows},
    )


@functools.cache
def _context_word_heads() -> frozenset[str]:
    """Words that make a context word part of another word: "nổi tiếng" (famous) is no "tiếng"
    (language) — word class not_context_head of word_classes.tsv."""
    return frozenset(w.lower() for w in word_class("not_context_head"))


def _context_before(before: str) -> regex.Match[str] | None:
    """The context word that ends ``before``, unless it ends another word ("nổi tiếng")."""
    found = _contexts().before.search(before)
    if found is None:
        return None
    words = before[: found.start(1)].split()
    return None if words and words[-1].lower() in _context_word_heads() else found


def not_an_entity(normalized: str, start: int, end: int) -> str | None:
    """The name of the rule that says the name at ``start:end`` is not tagged, or None.

    >>> s = "Arsenal dẫn đầu Ngoại hạng Anh, học sinh học tiếng Anh từ sớm"
    >>> not_an_entity(s, 27, 30), not_an_entity(s, 51, 54)
    ('competition', 'language')
    >>> s = "Lễ hội Sầu riêng Đắk Lắk 2026 mở màn tại Đắk Lắk 2026"
    >>> not_an_entity(s, 17, 24), not_an_entity(s, 41, 48)
    ('event_name', None)
    >>> not_an_entity("trước thềm Tiger Cup 2004", 11, 16)
    'competition'
    >>> not_an_entity("hãng nổi tiếng Marks Spencer", 15, 28) is None  # "nổi tiếng" = famous
    True
    """
    contexts = _contexts()
    for found in (
        _context_before(normalized[max(0, start - 40) : start]),
        contexts.after.match(normalized, end),
        contexts.ending.search(normalized[start:end]),
    ):
        if found is not None:
            return contexts.rule[found.group(1).lower()]
    if _YEAR_OR_EDITION_AFTER.match(normalized, end) and event_head_before(normalized, start):
        return "event_name"
    return None


def brand_in_product(normalized: str, start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    """Rule *product_name*: the one-word organisation at ``start:end`` is followed by a foreign
    capitalised word that no span in ``taken`` covers.

    >>> brand_in_product("nổi bật là BIDV Home và MyShop", 11, 15, [])
    True
    >>> brand_in_product("HLV Arsenal Mikel Arteta", 4, 11, [(12, 24)])  # the coach, found
    False
    >>> brand_in_product("Vingroup Hà Nội", 0, 8, [])  # "Hà" is a Vietnamese syllable
    False
    """
    if " " in normalized[start:end]:
        return False
    after = _NEXT_WORD.match(normalized, end)
    if after is None:
        return False
    word = after.group(1)
    if not looks_foreign(word) or word in foreign_given_names():
        return False
    w_start, w_end = after.span(1)
    return not any(s < w_end and w_start < e for s, e in taken)


_R = TypeVar("_R", Person, Organization, Location)


def is_role_word(name: str) -> bool:
    """Rule *role_word*: ``name`` is a role, rank or degree of roles.tsv and nothing more.

    >>> is_role_word("PGS.TS"), is_role_word("Giám đốc"), is_role_word("Giám đốc Hòa")
    (True, True, False)
    """
    return key(name) in person_cues()


def _kept(normalized: str, records: tuple[_R, ...]) -> tuple[_R, ...]:
    return tuple(
        r for r in records
        if not_an_entity(normalized, r.start, r.end) is None and not is_role_word(normalized[r.start : r.end])
    )


def drop(text: Text, found: Mentions) -> Mentions:
    """Drop the names that :func:`not_an_entity` says are not tagged, the role words
    (:func:`is_role_word`) and the brands inside product names (:func:`brand_in_product`)."""
    s = text.normalized
    persons = _kept(s, found.persons)
    organizations = _kept(s, found.organizations)
    locations = _kept(s, found.locations)
    taken = [(r.start, r.end) for r in (*persons, *organizations, *locations)]
    organizations = tuple(r for r in organizations if not brand_in_product(s, r.start, r.end, taken))
    if (len(persons), len(organizations), len(locations)) == (
        len(found.persons), len(found.organizations), len(found.locations)
    ):
        return found
    return attrs.evolve(found, persons=persons, organizations=organizations, locations=locations)

