"""Roles shared by a group: a role written once before a list of names gives each name the role.

Shapes (the names are capitalised runs, each with an optional aside, joined by "," and "và"):

- ROLE: LIST — a line-up or a cast: "Thủ môn: Đỗ Văn An (Hà Nội), Lê Văn Bình." (goalkeepers),
  "các hậu vệ: Hải Lâm, Minh Đức; tiền vệ: …";
- COUNT ROLE … là / gồm / như LIST — a counted or plural role: "4 HLV người xứ Basque là Mikel
  Arteta, Xabi Alonso, Andoni Iraola và Unai Emery", "Các bị cáo gồm Trần Văn An và Lê Văn Bình",
  "những tay vợt như Lý Hoàng Nam và Trịnh Linh Giang" (players such as …);
- COUNT ROLE LIST — "5 công nhân Nguyễn Văn An, Trần Văn Bình và Lê Văn Cường" (the persons
  linker already handles this shape when the names are found; here it also finds the names);
- ROLE NUMBERED LIST — a line-up with shirt numbers: "hậu vệ 2-Emilio Martinez, 5-Jose De
  Vaca (15-Pedro Benitez, 60'), 4-Carlos Gamarra;" (the substitute in the aside plays there too).

:func:`listed_names` reads the list after a title; the role-names step adds the names no
recogniser found, and the persons linker gives every listed name the title.
"""

from __future__ import annotations

import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon import TIER_BARE, key, places
from vnextract.lexicon.words import alternation
from vnextract.records import Title

# A counted or plural role: "4 HLV", "năm công nhân" (five workers), "các bị cáo" (the
# defendants), "những ca sĩ" (singers), "cặp tiền đạo" (the pair of strikers), "2 nữ ca sĩ"
# (two female singers: "nam"/"nữ", male/female, may come between). The number words two to ten
# are word_classes.tsv "group_count"; grammar: the plural markers.
_PLURAL_BEFORE = lazy_compile(
    r"""(?<![\p{L}\p{N}])(?:\d{1,3}|(?i:""" + alternation("group_count") + r"""|các|những|cặp|bộ\s+đôi))
        [ \t]+(?:(?i:nam|nữ)[ \t]+)?$""",
    regex.VERBOSE,
)
# Between the role and its list: a colon; or, for a counted role, a short description then
# "là" / "gồm" (are / consist of): "4 HLV người xứ Basque là …", "3 bị can gồm: …".
_COLON = lazy_compile(r"[ \t]*:[ \t]*")
# A longer description may end on a colon: "2 nữ ca sĩ thành công với những ca khúc chỉ dành
# riêng cho họ: A và B" (two singers who succeeded with songs of their own: …).
# The description before "là" may name a body with its abbreviation in brackets: "hai nhà đàm
# phán cao nhất của Mỹ và Liên minh châu Âu (EU) là A và B" (the two top negotiators of …).
# "như" (such as) gives examples of the plural role: "những tay vợt như A, B và C" (players
# such as A, B and C), "các cơ thủ nổi tiếng khác như A, B" (other famous cueists such as …).
_COUNTED_OPENING = lazy_compile(
    r"""(?:[ \t]+(?:[^\s,.;:()“”"]+|\(\p{Lu}[\p{L}\p{N}&.\-]{0,11}\))){0,10}?
        [ \t]+(?:là|gồm(?:[ \t]+có)?|bao[ \t]+gồm|như)[ \t]*:?[ \t]*
        |(?:[ \t]+[^\s,.;:()“”"]+){1,12}?[ \t]*:[ \t]*
        |[ \t]+""",
    regex.VERBOSE,
)
# One listed name: one to five capitalised syllables ("Quốc Huy", "Đỗ Thị Ngọc Châm", "Unai
# Emery", "Jean-Michel Jarre", a particle or an article before one: "Julio dos Santos",
# "Ibrahim al-Qosi"), then an optional aside: "(Hà Tây)", "(TP.HCM)", or a whole
# record of the person in a case report: "(sinh năm 1970, trú tại 267 Tô Ngọc Vân, Tây Hồ,
# Hà Nội)", "(nguyên thủ quỹ Công ty X. Theo lệnh của …)" (one level of brackets, one line).
_WORD = r"(?:Mc|Mac)?\p{Lu}[\p{Ll}\p{M}'’]*+(?:-\p{Lu}?[\p{Ll}\p{M}]++)*+"
#: Lowercase particles inside foreign names: "Ali bin Haji Hassan", "Roberto Pereira da Silva",
#: "Aubrey de Grey", "Ludwig van Beethoven" (grammar; the role-names step reads them too).
NAME_PARTICLES = frozenset(
    {"bin", "binti", "da", "de", "del", "der", "di", "dos", "du", "la", "le", "van", "von"}
)
#: The Arabic article joined to a name by a hyphen, in its forms before the sun letters:
#: "al-Qosi", "el-Sisi", "ash-Shaibani" (grammar).
ARABIC_ARTICLE = r"(?:al|el|ad|an|ar|as|ash|at|az)-"
_PARTICLE = "(?:" + "|".join(sorted(NAME_PARTICLES)) + r")[ \t]+"
_NAME = lazy_compile(rf"{_WORD}(?:[ \t]+(?:{_PARTICLE})?(?:{ARABIC_ARTICLE})?{_WORD}){{0,4}}")
# The aside may also be set off by commas when it gives the nationality, age or birth year:
# "2 nghi phạm là A, quốc tịch Yemen, và B, người Sudan" (two suspects: A, a Yemeni, and B …).
_ASIDE = lazy_compile(
    r"""[ \t]*\([^()\n]{1,240}\)
        |[ \t]*,[ \t]*(?:(?:quốc[ \t]+tịch|người)[ \t]+[^,.;:()\n]{1,40}?|\d{1,3}[ \t]+tuổi
                        |(?:SN|sinh[ \t]+năm)[ \t]*\d{4})(?=[ \t]*,)""",
    regex.VERBOSE,
)
_SEPARATOR = lazy_compile(r"[ \t]*(?:,[ \t]*(?:và[ \t]+)?|và[ \t]+)")
# Where a colon list ends: a sentence end, a semicolon, a line end, "…" or the text's end; or
# the next group of a line-up, a separator then a lowercase word ("các tiền vệ: A, B và hai
# tiền đạo C, D", the midfielders …, and two strikers …).
_LIST_END = lazy_compile(r"[ \t]*(?:[.;\n…]|$|(?:,[ \t]*(?:và[ \t]+)?|và[ \t]+)\p{Ll})")
# Where a counted list may also end: a lowercase word (the predicate: "… và Unai Emery đều …").
_COUNTED_END = lazy_compile(r"[ \t]*(?:[.;:,\n…)]|$|\p{Ll})")
#: Items in a list at most (a squad is 23, a cast rarely longer).
_MAX_ITEMS = 30


# A line-up writes each player with the shirt number: "hậu vệ 2-Emilio Martinez, 5-Jose De Vaca
# (15-Pedro Benitez, 60'), 4-Carlos Gamarra;" (the aside: the substitute and the minute).
SHIRT_NUMBER = lazy_compile(r"\d{1,2}[ \t]*-[ \t]*(?=\p{Lu})")
_SUBSTITUTE = lazy_compile(rf"[ \t]*\([ \t]*{SHIRT_NUMBER.pattern}")


def _read_list(
    s: str, at: int, end: regex.Pattern[str], numbered: bool = False
) -> list[tuple[int, int]]:
    """The names listed from ``at``, each (start, end), if the list ends the way ``end`` says;
    ``numbered``: each name after a shirt number, a substitute's in the aside listed too."""
    items: list[tuple[int, int]] = []
    pos = at
    while len(items) < _MAX_ITEMS:
        if numbered:
            number = SHIRT_NUMBER.match(s, pos)
            if number is None:
                return []
            pos = number.end()
        name = _NAME.match(s, pos)
        if name is None:
            return []
        items.append(name.span())
        pos = name.end()
        if numbered and (sub := _SUBSTITUTE.match(s, pos)) and (other := _NAME.match(s, sub.end())):
            items.append(other.span())
        if aside := _ASIDE.match(s, pos):
            pos = aside.end()
        sep = _SEPARATOR.match(s, pos)
        if sep is None or (numbered and SHIRT_NUMBER.match(s, sep.end()) is None) \
                or (not numbered and _NAME.match(s, sep.end()) is None):
            break
        pos = sep.end()
    return items if end.match(s, pos) else []


def _no_bare_place(s: str, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The items, unless one is a country, a province or a big city: "6 thành viên chính thức
    là Indonesia, Sri Lanka, Malaysia …" lists members that are countries. (A commune's name
    may be a given name: "Minh Đức".)"""
    table = places()
    for a, b in items:
        place = table.get(key(s[a:b]))
        if place is not None and place.tier == TIER_BARE:
            return []
    return items


def listed_names(s: str, title: Title) -> list[tuple[int, int]]:
    """The names a role written once is shared by, as (start, end) into ``s``; [] if none.

    >>> s = "Thủ môn: Đỗ Văn An (Hà Nội), Lê Văn Bình."
    >>> [s[a:b] for a, b in listed_names(s, Title(text="Thủ môn", start=0, end=7, role="Thủ môn"))]
    ['Đỗ Văn An', 'Lê Văn Bình']
    """
    if colon := _COLON.match(s, title.end):
        return _no_bare_place(s, _read_list(s, colon.end(), _LIST_END))
    if SHIRT_NUMBER.match(s, title.end + 1) and s[title.end : title.end + 1] == " ":
        return _read_list(s, title.end + 1, _LIST_END, numbered=True)  # a line-up
    if not _PLURAL_BEFORE.search(s, max(0, title.start - 12), title.start) or title.organization:
        return []
    opening = _COUNTED_OPENING.match(s, title.end)
    if opening is None:
        return []
    items = _no_bare_place(s, _read_list(s, opening.end(), _COUNTED_END))
    return items if len(items) >= 2 else []
