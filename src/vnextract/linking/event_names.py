"""The persons of a list of defendants, names the recognisers missed or cut short included.

Lists of sentences name defendants one after another ("tuyên phạt A 11 năm, B 10 năm, C 8
năm"; "3 án tử hình đối với: A, B, C"). A name the person recognisers do not read breaks such a
list: a rare surname ("Cổ Châu Tuấn" read "Châu Tuấn"), a given name that is also a word ("Trần
Văn Sáng" read "Trần Văn": "sáng" = morning), a Lao name ("Xổm Xa Nít Phon Xak Đi"). Inside a
list the position says it is a name: a run of capitalised words right after a list separator
(",", ";", ":", "và" = and) is one, whether or not a Person record covers it.

Rule ``name_in_list``: such a run becomes a person Party; one that covers a person's mention
stretches that mention to the whole run (its ``name`` the run's words when they differ from the
record's). Only the list readers of ``event_lists`` and ``event_respectively`` use it, and they
still check what stands between two members (the list's glue) and after the last (its value).
"""

from __future__ import annotations

import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon.words import alternation
from vnextract.linking.event_spans import _entities
from vnextract.mentions import Mentions
from vnextract.records import Party

__all__ = ["list_people", "name_after_verb"]

# a run of capitalised words (a Lao name has up to six: "Chăm Khảo Phạ Na Xạ Máy"); not an
# abbreviation in capitals ("HĐXX", "TAND")
# "Xổm", "K'Lông", "H’rah" (either apostrophe), "BĐáp" (two capitals before small letters, a
# Tây Nguyên spelling: not "TP" nor "HĐXX", which have none)
_WORD = r"\p{Lu}(?:\p{Lu}\p{Ll}+|\p{Ll}*)(?:['’]\p{L}+)?"
_RUN = lazy_compile(rf"(?<![\p{{L}}\d']){_WORD}(?:\ +{_WORD}){{0,6}}(?![\p{{L}}\d])")
# what must stand right before a run for its position to say it is a list's member: a list
# separator, and a role word may follow it ("bị cáo" = defendant, "ông" = Mr)
# (the role words: word_classes.tsv "party_word")
_AFTER_SEPARATOR = lazy_compile(
    r"(?:[,;:\n]|(?<![\p{L}])và)\ *(?:(?:" + alternation("party_word", r"\ +") + r")\ +)?$", regex.I
)
# how far back a separator is looked for (characters)
_SEPARATOR_REACH = 20


def _after_separator(norm: str, at: int) -> bool:
    return _AFTER_SEPARATOR.search(norm, max(0, at - _SEPARATOR_REACH), at) is not None


def list_people(norm: str, found: Mentions, start: int, end: int) -> list[Party]:
    """The persons named in [start, end), in order, with the names a list's position gives
    (rule ``name_in_list``): after "tuyên phạt Nguyễn Văn Thành 11 năm, " the run "Cổ Châu Tuấn"
    is one person, not "Châu Tuấn" after an unknown word."""
    entities = _entities(norm, found, start, end)
    people = [p for p in entities if p.kind == "person"]
    others = [e for e in entities if e.kind != "person"]
    # a place the gazetteer knows (an administrative unit, a country); a run read as a place with
    # no kind nor code ("Chăm Khảo Phạ Na Xạ Máy") is a foreign name as likely
    places = [(loc.start, loc.end) for loc in found.locations
              if start <= loc.start and loc.end <= end and (loc.code or loc.iso3166 or loc.kind)]  # fmt: skip
    for run in _RUN.finditer(norm, start, end):
        covered = [p for p in people if p.start < run.end() and run.start() < p.end]
        if len(covered) > 1 or any(o.start < run.end() and run.start() < o.end for o in others):
            continue  # two persons, or an organisation: the recognisers read it otherwise
        if not covered:
            words = run.group().split()
            overlaps_place = any(a < run.end() and run.start() < b for a, b in places)
            if len(words) >= 2 and not overlaps_place and _after_separator(norm, run.start()):
                people.append(Party(text=run.group(), start=run.start(), end=run.end(), kind="person",
                                    name=run.group()))  # fmt: skip
            continue
        person = covered[0]
        # stretch left only from a separator ("…, Cổ Châu Tuấn"), not over a sentence's first word
        left = run.start() if _after_separator(norm, run.start()) else person.start
        first, last = min(left, person.start), max(run.end(), person.end)
        if (first, last) != (person.start, person.end):
            text = norm[first:last]
            people[people.index(person)] = Party(text=text, start=first, end=last, kind="person", name=text)
    return sorted(people, key=lambda p: (p.start, p.end))


# a role word before a name ("bị cáo" = defendant, "ông" = Mr): word_classes.tsv "party_word"
_PARTY_LEAD = lazy_compile(r"(?:(?:" + alternation("party_word", r"\ +") + r")\ +)?", regex.I)


def name_after_verb(norm: str, found: Mentions, group: Party) -> Party | None:
    """Rule ``name_after_verb``: the words a sentencing verb gives a term to, read as a noun phrase
    because no Person record covers them, are a name when they are a run of two or more capitalised
    words ("tuyên phạt Y Kơ Nia 15 năm tù", "tuyên phạt bị cáo Ksor Hlin 7 năm tù": Ê Đê and Jarai
    names the person recognisers do not know); not a place the gazetteer knows."""
    lead = _PARTY_LEAD.match(norm, group.start, group.end)
    at = lead.end() if lead else group.start
    run = _RUN.fullmatch(norm, at, group.end)
    if run is None or len(run.group().split()) < 2:
        return None
    if any(loc.start < run.end() and run.start() < loc.end and (loc.code or loc.iso3166 or loc.kind)
           for loc in found.locations):  # fmt: skip
        return None
    return Party(text=run.group(), start=run.start(), end=run.end(), kind="person", name=run.group())


def same_party(one: Party, other: Party) -> bool:
    """Whether two parties of a list are one (the same span, or one stretched over the other)."""
    return one.kind == other.kind and one.start < other.end and other.start < one.end
