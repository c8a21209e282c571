"""Linking step: the names listed after a street (or a bridge, an airport) are streets too.

Streets are named after people ("đường Nguyễn Huệ"); the entity rules know a name right after
"đường" (street) is a place, but the names listed after it read as persons: "nằm trên đường
Hà Huy Tập, Bùi Thị Xuân và Quang Trung" (on Hà Huy Tập, Bùi Thị Xuân and Quang Trung streets),
"các tuyến đường như Hà Huy Tập, Hải Thượng, …" (streets such as …), "chạy theo đường Nguyễn
Bỉnh Khiêm thay vì Đinh Tiên Hoàng" (along … instead of …). The guideline tags them LOC.

Rule *street_list*: after a place whose kind is named after people (``place_kinds.tsv``:
"đường", "phố", "cầu", "sân bay") or after such a kind word opening a list ("các tuyến đường
như", "các phố:"), each person the list goes on with becomes a place of that kind. A name
after a comma only continues the list when the list goes on after it or a "và"/"hoặc" (and/or)
came before it: "Trên đường Nguyễn Huệ, Lê Văn Tám phóng xe" (on Nguyễn Huệ street, Lê Văn Tám
rode) is a new clause's subject. A route is written with spaced dashes between its streets
("theo đường Phạm Văn Đồng - Phạm Hùng - Trần Duy Hưng", along these streets): a person joined
by such a dash goes on the list too (in folds 1-3 gold the names a dash joins to a street are
places, never persons).
"""

from __future__ import annotations

import attrs

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon import place_kinds
from vnextract.mentions import Mentions
from vnextract.records import Location, Person
from vnextract.text import Text

# Between two listed names: a comma, "và"/"hoặc"/"hay" (and/or), "thay vì" (instead of).
# Grammar: the function words of a list.
_JOINED = lazy_compile(r"[ \t]*(?:,[ \t]*)?(?:và|hoặc|hay|thay[ \t]+vì)[ \t]+")
_COMMA = lazy_compile(r"[ \t]*,[ \t]*")
# Between two streets of a route: a spaced dash (grammar).
_ROUTE_DASH = lazy_compile(r"[ \t]+[-–][ \t]+")
# The list goes on after a name: a separator before a capital, or "..." closing it (grammar:
# the same function words).
_GOES_ON = lazy_compile(
    r"[ \t]*(?:,[ \t]*(?:(?:và|hoặc|hay)[ \t]+)?\p{Lu}|(?:và|hoặc|hay)[ \t]+\p{Lu}|\.\.\.|…)"
)
# A kind word opening a list without a name of its own: "các tuyến đường như " (streets such
# as), "những con phố: ", "các cầu là " — a plural, the kind, "như"/"là"/"gồm"/":". (grammar:
# the plural markers, the classifiers "tuyến", "con", "cây" of a road, and the words that open
# a list: such as, are, including)
_OPENING = lazy_compile(
    r"(?<![\p{L}])(?i:các|những)[ \t]+(?:(?:tuyến|con|cây)[ \t]+)?(?P<kind>\p{L}+(?:[ \t]\p{L}+)?)"
    r"[ \t]*(?:(?:như|là|gồm(?:[ \t]+có)?)[ \t]*:?|:)[ \t]*$"
)


def _street_kind(kind: str | None) -> bool:
    info = place_kinds().get(kind or "")
    return info is not None and info.named_after_people


def _opening_kind(s: str, start: int) -> str | None:
    """The kind a list opening right before ``start`` names ("các tuyến đường như " → "đường")."""
    m = _OPENING.search(s, max(0, start - 40), start)
    if m is None:
        return None
    kind = m.group("kind").casefold()
    return kind if _street_kind(kind) else None


def link(text: Text, found: Mentions) -> Mentions:
    """Persons listed after a street are streets (rule *street_list*).

    >>> import vnextract
    >>> doc = vnextract.extract("Khách sạn nằm trên đường Hà Huy Tập, Bùi Thị Xuân và Quang Trung.")
    >>> [(x.name, x.kind) for x in doc.locations], doc.persons
    ([('Hà Huy Tập', 'đường'), ('Bùi Thị Xuân', 'đường'), ('Quang Trung', 'đường')], ())
    """
    s = text.normalized
    persons: dict[int, Person | Location] = {p.start: p for p in found.persons}
    # a listed name the learned layer already read as a place with no kind (a known city or
    # country has one: "Hà Nội" after "đường Lê Lợi, " stays a city): it gets the list's kind
    persons.update((x.start, x) for x in found.locations if x.kind is None and x.start not in persons)
    if not persons:
        return found
    # each list's head: a street with its name, or a kind word opening the list
    heads: list[tuple[int, str, bool]] = [
        (x.end, x.kind or "", True) for x in found.locations if _street_kind(x.kind)
    ]
    heads += [(p.start, kind, False) for p in persons.values() if (kind := _opening_kind(s, p.start))]
    streets: dict[int, Location] = {}
    for at, kind, named in sorted(heads):
        if not named:  # the opening's first name is a street whatever follows
            first = persons[at]
            streets[at] = _as_street(first, kind)
            at = first.end
        while True:
            joined = _JOINED.match(s, at)
            dash = _ROUTE_DASH.match(s, at) if joined is None else None
            gap = joined or dash or _COMMA.match(s, at)
            nxt = persons.get(gap.end()) if gap else None
            if nxt is None or nxt.start in streets or (dash is not None and not isinstance(nxt, Person)):
                break
            if joined is None and dash is None and not _GOES_ON.match(s, nxt.end):
                break
            streets[nxt.start] = _as_street(nxt, kind)
            at = nxt.end
    if not streets:
        return found
    return attrs.evolve(
        found,
        persons=tuple(p for p in found.persons if p.start not in streets),
        locations=tuple(sorted((*(x for x in found.locations if x.start not in streets), *streets.values()),
                               key=lambda x: x.start)),
    )


def _as_street(name: Person | Location, kind: str) -> Location:
    if isinstance(name, Location):
        return attrs.evolve(name, kind=kind)
    return Location(text=name.text, start=name.start, end=name.end, name=name.text, kind=kind)
