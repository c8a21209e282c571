"""A one-word name that is the first word of one longer name is that person: a step of the
persons linker (``persons.PERSON_STEPS``), after :mod:`not_persons`.

Rule *surname_first*: Vietnamese news names Korean, Chinese and other East Asian persons by their
surname, the first word of the name ("HLV Kim" for Kim Sang-sik, "ông Tập" for Tập Cận Bình),
and Hồ Chí Minh as "Bác Hồ"; the persons linker joins a short name only to a longer name that
ends with it (a Vietnamese given name: "ông Liêm" of Trần Thanh Liêm). A person whose whole name
is one word joins the one longer person whose name starts with that word, when no other person's
name ends with it and their honorifics do not disagree on gender. A headline "HLV Kim họp báo"
and a summary "HLV Kim Sang-sik chuẩn bị …" are then one person, with every title.
"""

from __future__ import annotations

import attrs

from vnextract.lexicon import honorific_genders
from vnextract.linking.title_refine import dedupe_titles
from vnextract.mentions import Mentions
from vnextract.records import Person
from vnextract.text import Text


def _mentions(person: Person) -> tuple[tuple[int, int], ...]:
    return person.mentions or ((person.start, person.end),)


def _gender(person: Person) -> str | None:
    return person.gender or (honorific_genders().get(person.honorific.lower()) if person.honorific else None)


def _target(short: Person, persons: tuple[Person, ...]) -> Person | None:
    """The one longer person ``short`` stands for, or None."""
    word = short.name
    if " " in word or not word[:1].isupper():
        return None
    starts = [p for p in persons if p is not short and p.name.split()[0] == word and " " in p.name]
    ends = [p for p in persons if p is not short and p.name.split()[-1] == word]
    if len(starts) != 1 or ends:
        return None
    (long,) = starts
    genders = {_gender(short), _gender(long)} - {None}
    return long if len(genders) <= 1 else None


def _merged(long: Person, short: Person) -> Person:
    """``long`` with the mentions and titles of ``short``; its span is its first mention."""
    mentions = tuple(sorted({*_mentions(long), *_mentions(short)}))
    # one title per position, as for any person: "HLV" of the headline and of the summary
    titles = dedupe_titles([*long.titles, *short.titles])
    first = short if (short.start, short.end) < (long.start, long.end) else long
    return attrs.evolve(
        long,
        start=first.start,
        end=first.end,
        text=first.text,
        mentions=mentions,
        titles=titles,
        honorific=long.honorific or short.honorific,
        gender=long.gender or short.gender,
    )


#: The rule: (name, example, what it does).
RULES: tuple[tuple[str, str, str], ...] = (
    ("surname_first", "HLV Kim họp báo … HLV Kim Sang-sik", "one Person"),
)


def rules_fired(text: Text, found: Mentions) -> list[str]:
    """["surname_first"] when a one-word name of ``found`` joins a longer one, else []."""
    return ["surname_first"] if any(_target(p, found.persons) for p in found.persons) else []


def join(text: Text, found: Mentions) -> Mentions:
    """Join each one-word surname to the one person whose name it starts (rule surname_first)."""
    persons = found.persons
    joins = {id(p): t for p in persons if (t := _target(p, persons)) is not None}
    if not joins:
        return found
    into: dict[int, Person] = {}
    for p in persons:
        if id(p) in joins:
            target = joins[id(p)]
            into[id(target)] = _merged(into.get(id(target), target), p)
    kept = [into.get(id(p), p) for p in persons if id(p) not in joins]
    return attrs.evolve(found, persons=tuple(sorted(kept, key=lambda p: (p.start, p.end))))
