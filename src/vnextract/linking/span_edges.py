"""Linking step: span edges the guideline fixes, whichever recogniser or model found the name.

- rule *initials_dot*: a person written as initials keeps the final dot: "M.C.", "V.T.", "anh
  C." (the dot is part of the abbreviation; in the corpus 23 of 24 such mentions are annotated
  with it). The syllable layer cuts the dot off as punctuation, so no recogniser can include it.
- rule *glued_edges*: a name glued to the word before it or to an e-mail header after it (a
  space lost when the page was scraped) leaves the glued part out: "theo lờiCharles Graner" (on
  Charles Graner's word), "6-0, 7-5Rika Fujiwara" (a score), "From: Kim AnhTo: …" (the "To:"
  header).
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from vnextract.lazy_regex import lazy_compile
from vnextract.mentions import Mentions
from vnextract.records import Person
from vnextract.text import Text

#: initials only: "C", "M.C", "H.T.P" (a dot between letters, none at the end yet)
_INITIALS = lazy_compile(r"(?:\p{Lu}\.){0,4}\p{Lu}")


def _dot_after_initials(normalized: str, start: int, end: int) -> bool:
    return (
        normalized[end : end + 1] == "."
        and _INITIALS.fullmatch(normalized, start, end) is not None
        and not normalized[end + 1 : end + 2].isalnum()  # not "M.C.Dũng" (a name goes on)
    )


def _with_dot(normalized: str, start: int, end: int) -> tuple[int, int]:
    """The span with the dot after its initials (rule initials_dot); unchanged without one."""
    return (start, end + 1) if _dot_after_initials(normalized, start, end) else (start, end)


def with_initials_dot(normalized: str, person: Person) -> Person:
    """``person`` with the dot after its initials inside its span and its mentions.

    >>> from vnextract.records import Person
    >>> s = "Ảnh: M.C. (theo Reuters)"
    >>> with_initials_dot(s, Person(text="M.C", start=5, end=8, name="M.C", mentions=((5, 8),))).text
    'M.C.'
    """
    return _reedged(normalized, person, _with_dot)


#: a lowercase word or a score glued before a capitalised name word: "lờiCharles", "7-5Rika"
_GLUED_HEAD = lazy_compile(r"(?:\p{Ll}{2,}+|[\d\-–]++)(?=\p{Lu}\p{Ll})")
#: an e-mail header glued after a name, before its colon: "Kim AnhTo: tamsu@…"
_GLUED_HEADER = lazy_compile(r"(?<=\p{Ll})(?:To|Cc|From|Sent|Subject|Date)$")


def _unglued(normalized: str, start: int, end: int) -> tuple[int, int]:
    """The span without what is glued to it (rule glued_edges); unchanged when nothing is."""
    if head := _GLUED_HEAD.match(normalized, start, end):
        start = head.end()
    if normalized.startswith(":", end) and (tail := _GLUED_HEADER.search(normalized, start, end)):
        end = tail.start()
    return start, end


def without_glued_edges(normalized: str, person: Person) -> Person:
    """``person`` with the words glued to its span and its mentions left out.

    >>> from vnextract.records import Person
    >>> s = "From: Kim AnhTo: tamsu@vnexpress.net"
    >>> glued = Person(text="Kim AnhTo", start=6, end=15, name="Kim AnhTo", mentions=((6, 15),))
    >>> without_glued_edges(s, glued).name
    'Kim Anh'
    """
    return _reedged(normalized, person, _unglued)


def _reedged(normalized: str, person: Person, edges: Callable[[str, int, int], tuple[int, int]]) -> Person:
    """``person`` with ``edges`` applied to its span and to each mention; the name follows the
    span when it was the span's text."""
    mentions = tuple(edges(normalized, a, b) for a, b in person.mentions)
    start, end = edges(normalized, person.start, person.end)
    if (start, end) == (person.start, person.end):
        return person if mentions == person.mentions else attrs.evolve(person, mentions=mentions)
    text = normalized[start:end]
    name = text if person.name == person.text else person.name
    return attrs.evolve(person, text=text, start=start, end=end, name=name, mentions=mentions)


def link(text: Text, found: Mentions) -> Mentions:
    """Apply the span-edge rules to the persons found (after the persons linker, which finds
    names of its own: "chị A." after an honorific)."""
    s = text.normalized
    persons = tuple(with_initials_dot(s, without_glued_edges(s, p)) for p in found.persons)
    if all(a is b for a, b in zip(persons, found.persons, strict=True)):
        return found
    return attrs.evolve(found, persons=persons)
