"""Linking step: capitalised names that the guideline does not tag, whoever proposed them.

The rules and the learned layer both read a capitalised place name as a place. Three contexts
make it something else (the shared guideline, "Conventions settled later"):

- rule *language*: "tiếng Anh", "Tiếng Việt" (the English, Vietnamese language) — languages are
  not tagged;
- rule *name_context*: a place right after a word that makes it part of a fixed name
  ("Ngoại hạng Anh", the English Premier League; "Siêu cúp Anh"; "viêm não Nhật Bản", a disease),
  from data/entity_name_contexts.tsv;
- rule *product_name*: a brand named alone (one word) right before a foreign capitalised word
  that no recogniser took is the maker inside a product's name ("BIDV Home", "Google Play",
  "Oracle Database 10g", "VinFast Limo Green") — a brand inside a product name is not tagged
  (organisations only);
- rule *event_name*: a place that ends the name of an event or competition, followed by the
  event's year or edition, with the event's head before it in the clause ("Lễ hội Sầu riêng Đắk
  Lắk 2026", "Marathon Vũng Tàu 2026", "Festival Thăng Long - Hà Nội lần thứ II năm 2026") —
  nothing inside an event's name is tagged.

It runs after the learned layer, so it drops what either proposed, and after the names that
titles announce are found ("HLV Arsenal Mikel Arteta": the coach is no product), before the
persons and places are linked.
"""

from __future__ import annotations

import functools

import attrs
import regex

from vnextract.lexicon import foreign_given_names, load_tsv
from vnextract.lexicon.loader import norm
from vnextract.linking.role_names import looks_foreign
from vnextract.mentions import Mentions
from vnextract.recognizers.date_names import event_head_before
from vnextract.text import Text

#: "tiếng" (language, as in "tiếng Anh") right before the name
_LANGUAGE_WORD = regex.compile(r"(?<!\p{L})[Tt]iếng[^\S\n]+$")
#: the event's year or edition right after the name: " 2026", " lần thứ II năm 2026", " lần V – 2027"
_YEAR_OR_EDITION_AFTER = regex.compile(
    r"[^\S\n]+(?:lần[^\S\n]+(?:thứ[^\S\n]+)?(?:[IVXLC]+|\d{1,3})(?!\p{L})|(?:19|20)\d\d(?![\p{N}\p{L}]))"
)


#: the word after a brand: one space, then a capitalised word (letters, digits, "-", "+", "'")
_NEXT_WORD = regex.compile(r"[^\S\n]([\p{Lu}][\p{L}\p{N}\-+'’]*)")


@functools.cache
def _context_words() -> regex.Pattern[str]:
    """The words of data/entity_name_contexts.tsv, as a pattern that ends right before a name."""
    rows = load_tsv("entity_name_contexts.tsv")
    words = sorted((norm(row["phrase"]) for row in rows), key=len, reverse=True)
    return regex.compile(r"(?<!\p{L})(?:" + "|".join(regex.escape(w) for w in words) + r")[^\S\n]+$", regex.I)


def not_an_entity(normalized: str, start: int, end: int) -> str | None:
    """The name of the rule that says the place at ``start:end`` is not tagged, or None.

    >>> s = "Arsenal dẫn đầu Ngoại hạng Anh, học sinh học tiếng Anh từ sớm"
    >>> not_an_entity(s, 27, 30), not_an_entity(s, 51, 54)
    ('name_context', 'language')
    >>> s = "Lễ hội Sầu riêng Đắk Lắk 2026 mở màn tại Đắk Lắk 2026"
    >>> not_an_entity(s, 17, 24), not_an_entity(s, 41, 48)
    ('event_name', None)
    """
    before = normalized[max(0, start - 40) : start]
    if _LANGUAGE_WORD.search(before):
        return "language"
    if _context_words().search(before):
        return "name_context"
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


def drop(text: Text, found: Mentions) -> Mentions:
    """Drop the locations that :func:`not_an_entity` says are not tagged, and the brands inside
    product names (:func:`brand_in_product`)."""
    s = text.normalized
    locations = tuple(r for r in found.locations if not_an_entity(s, r.start, r.end) is None)
    taken = [(r.start, r.end) for r in (*found.persons, *found.organizations, *locations)]
    organizations = tuple(r for r in found.organizations if not brand_in_product(s, r.start, r.end, taken))
    if len(locations) == len(found.locations) and len(organizations) == len(found.organizations):
        return found
    return attrs.evolve(found, locations=locations, organizations=organizations)

