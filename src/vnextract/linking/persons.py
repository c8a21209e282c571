"""Linking step: one Person per real person, with the titles the text gives them.

The entities recogniser yields one Person per mention ("Trần Thanh Liêm", later "ông Liêm" →
"Liêm"). This step

1. groups mentions of the same person: a later (or, for a headline, earlier) mention whose name
   is the last word(s) of a full name joins it ("Liêm" → "Trần Thanh Liêm"); a foreign full name
   also takes its first words ("Tala" → "Tala Pierre Marie"); an alias joins the name it follows
   ("Trần Bá Ngọc Dung (tức Nguyệt"); honorifics of opposite gender never join; a cut given name
   keeps its dot ("Lê Thị Th."); names of bodies ("T.Ư Đảng") are no persons;
2. attaches titles for the shapes Vietnamese news uses:
   TITLE ORG NAME ("Giám đốc Sở TTTT Lai Xuân Thành"),
   NAME, TITLE ORG, TITLE ORG ("ông Trần Thanh Liêm, Ủy viên Thường vụ Tỉnh ủy, Phó Chủ tịch …"),
   NAME (AGE tuổi, TITLE ORG), NAME - TITLE, "TITLE ORG là ông NAME", lists ("ông A và bà B,
   Phó Giám đốc …"), predicates ("NAME là TITLE", "giữ chức TITLE", "trên cương vị TITLE") and a
   bare pronoun subject ("ông giữ chức vụ phó giám đốc học viện") resolved to the last person;
   also counted and listed subjects ("A và B, hai Phó Chủ tịch …", "A và B đều là …", "Ba bị
   can gồm A, B và C"), titles given respectively ("A và B - tổng giám đốc và phó tổng giám
   đốc X"), a chain of titles ending on a name ("Ủy viên Bộ Chính trị, thường trực Ban Bí thư
   Phan Diễn") and the workplace after "TITLE NAME" ("Bác sĩ Phạm Luân, Khoa Hồi sức cấp cứu
   Bệnh viện Chợ Rẫy": a second title of the same role over the unit's words); roles shared
   by a list or a line-up (:mod:`group_roles`), a headline's role and the summary's person
   (:mod:`headlines`) and a role standing for a person named before it (:mod:`role_anaphora`:
   "Bà Melania tái xuất …" / "Đệ nhất phu nhân Mỹ xuất hiện …", "Hậu vệ trái này …");
3. reads the details news gives next to a name: age ("25 tuổi"), birth year ("SN 1994", "sinh
   năm 1994"), residence ("trú tại …", "ngụ …") and the gender the honorific implies.

Titles nobody holds stay in ``found.titles`` only; the Document lists persons' titles.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

import attrs
import regex

from vnextract.lexicon import honorific_genders, honorifics, surnames, word_class
from vnextract.lexicon.gazetteer import place_names
from vnextract.lexicon.names import Gender
from vnextract.lexicon.organizations import listed_heads
from vnextract.lexicon.roles import roles_with
from vnextract.linking.abbreviations import expand_title, table_for
from vnextract.linking.group_roles import SHIRT_NUMBER, listed_names
from vnextract.linking.headlines import opens_summary, speaker_line, subject_line, subject_of_summary
from vnextract.linking.role_anaphora import stands_for_person_before, summary_after_headline
from vnextract.linking.title_bodies import body_end
from vnextract.mentions import Mentions
from vnextract.recognizers.titles import MODIFIERS, organization_at, role_kind
from vnextract.recognizers.titles import lexicon as titles_lexicon
from vnextract.records import Organization, Person, Title
from vnextract.text import Text

# ----------------------------------------------------------------------------- lexicons



@functools.cache
def _honorific_before() -> regex.Pattern[str]:
    """An honorific right before a name: "ông " in "ông Trần Thanh Liêm" (case-insensitive)."""
    words = set(honorifics()) | set(honorific_genders())
    words = {w for w in words if len(w) > 1}  # "o" (aunt, Central dialect) is too ambiguous
    alternation = "|".join(sorted((regex.escape(w) for w in words), key=lambda w: (-len(w), w)))
    # not the second half of a kinship compound: "3 chị em Đường Thị Quế" (three siblings)
    return regex.compile(rf"(?<![\p{{L}}])(?<!(?i:chị|anh|ông|bà|cô|chú|cháu)\s)(?i:{alternation})\s+$")


def gender_of(honorific: str | None) -> Gender | None:
    """The gender an honorific implies: gender_of("bà") == "female"; "em" says nothing."""
    return honorific_genders().get(honorific.casefold()) if honorific else None


# ----------------------------------------------------------------------------- shapes

# Between a name and a title after it: "Trần Thanh Liêm, Ủy viên …", "Bùi Ngọc Cẩm - Chủ tịch …",
# "Chu Quang Việt (25 tuổi, Giám đốc …", "Nguyễn Minh Hoa (sinh 1952), hiện là chủ tịch …".
_POST_GAP = regex.compile(
    r"""
    [ \t]*
    (?:\([^()\n]{0,60}\)[ \t]*)?                       # a closed aside: "(sinh 1952)"
    [,:\-–—(][ \t]*                                    # the separator
    (?:(?:\d{1,3}[ \t]+tuổi|(?:SN|sinh(?:[ \t]+năm)?)[ \t]*\d{4}|quốc[ \t]+tịch[ \t]+[\p{L} \t]{1,20}?)
       [ \t]*[,;][ \t]*)*+                                # age, birth year, nationality
    (?:(?:hiện[ \t]+đang|hiện|đang|nguyên|vốn|cũng)[ \t]+)?(?:là[ \t]+)?
(?:một[ \t]+)?  # "…, một …"
    (?:(?:kiêm|đồng[ \t]+thời[ \t]+là)[ \t]+)?
    """,
    regex.VERBOSE,
)
# Between a list of names and the title they share, counted: "A và B, hai Phó Chủ tịch UBND
# tỉnh", "A, B và C, cùng là giáo viên" (only after two names or more: "Gates, 4 tỉ phú còn
# lại" is no apposition).
_PLURAL_GAP = regex.compile(
    r"[ \t]*,[ \t]*(?:(?:cả[ \t]+)?(?:hai|ba|bốn|năm|\d)[ \t]+|(?:cùng|đều)[ \t]+(?:là[ \t]+)?)"
)
# Between a title and the name it precedes: "Giám đốc Sở TTTT Lai Xuân Thành", "vua thép người
# Ấn Độ L.Mittal" (a nationality between), "Chủ tịch Hiệp hội là ông Đỗ Hà Nam".
# An abbreviation in brackets may close the organisation: "Tổng thư ký Hiệp hội Chè Việt Nam
# (Vitas) Nguyễn Tấn Phong".
_PRE_GAP = regex.compile(
    r"[ \t]*(?:\(\p{Lu}[\p{L}\p{N}&.\-]{1,11}\)[ \t]+)?"
    r"(?:người[ \t]+(?:\p{Lu}[\p{L}\-]*[ \t]+){1,3})?(?:là[ \t]+)?"
)
# "Ba bị can gồm A, B và C", "Các bị cáo gồm: A, B": a role in a case shared by the names listed.
_PRE_GAP_LIST = regex.compile(r"[ \t]*(?:bao[ \t]+)?gồm(?:[ \t]+có)?[ \t]*:?[ \t]*")
# "Tay vợt người Bỉ, Justine Henin, …" (the Belgian player): a nationality may come between.
_PRE_GAP_COMMA = regex.compile(
    r"(?:[ \t]+người[ \t]+\p{Lu}[\p{L}\-]*(?:[ \t]+\p{Lu}[\p{L}\-]*){0,2})?[ \t]*,[ \t]*"
)
# "Nguyên đơn của vụ kiện hy hữu này là cô …": a title opening a clause, a few words, "là".
_PRE_GAP_CLAUSE = regex.compile(r"(?:[ \t]+[^ \t\n,.;:()\"“”]+){1,7}?[ \t]+là[ \t]+")
# Between two titles of one person: "…, Phó Chủ tịch …", "… kiêm giám đốc …", "… làm Trưởng đoàn".
_CHAIN_GAP = regex.compile(
    r"[ \t]*(?:[,\-–][ \t]*)?(?:(?:kiêm(?:[ \t]+nhiệm)?|đồng[ \t]+thời[ \t]+là|và|làm)[ \t]+)?"
)
# Between two names of a list that shares the title after it: "ông A và bà B, Phó Giám đốc …".
_LIST_GAP = regex.compile(r"[ \t]*(?:,|và|,[ \t]*và)[ \t]*")
# A predicate right before a title: "là người mẫu", "giữ chức vụ phó giám đốc", "trên cương vị …".
_PREDICATE = regex.compile(
    r"""(?<![\p{L}])(?i:là|làm|giữ\s+chức(?:\s+vụ)?|trên\s+cương\s+vị|với\s+tư\s+cách(?:\s+là)?
        |được\s+bổ\s+nhiệm(?:\s+làm|\s+giữ\s+chức(?:\s+vụ)?)?|được\s+giao(?:\s+giữ\s+chức(?:\s+vụ)?)?
        |được\s+bầu(?:\s+làm|\s+giữ\s+chức(?:\s+vụ)?)?|đảm\s+nhiệm|đảm\s+nhận|nhậm\s+chức)\s+$""",
    regex.VERBOSE,
)
# "Là sinh viên …, Diệp Hồng …", "với tư cách là thành viên, bà Nguyễn Minh Hoa": the
# predicate opens the clause and the name follows the title.
_OPENING_PREDICATE = regex.compile(
    r"(?:^|[,;:.]\s*|\n)(?:\p{L}+\s+){0,2}?(?i:là|với\s+tư\s+cách(?:\s+là)?)\s+$"
)
_OPENING_WINDOW = 120  # characters before a title that _OPENING_PREDICATE reads (a few words)
# A bare pronoun standing for a person mentioned before ("ông giữ chức vụ …"): not followed by
# a name, not part of "ông bà" or "người đàn ông".
_PRONOUN = regex.compile(
    r"(?<![\p{L}])(?<!đàn\s)(?<!người\s)(?P<p>(?i:ông|bà|cô|anh|chị))(?![\p{L}])(?!\s+(?:\p{Lu}|bà|ông))"
)

# "giả làm Tổng giám đốc" (posing as), "mạo danh là Thiếu tá" (impersonating): not a title held.
_PRETENDING = regex.compile(
    r"""(?i:giả|giả\s+danh|mạo\s+danh|tự\s+xưng|xưng|đóng\s+giả|như     # posing as, like
        |không\s+phải|chẳng\s+phải|chưa\s+phải|không\s+còn|chưa\s+từng)  # not (any more, ever)
        (?:\s+(?:là|làm))?\s+$""",
    regex.VERBOSE,
)
# Bracketed asides do not count as words between a subject and its predicate.
_ASIDE = regex.compile(r"\([^()\n]*\)")
# A residence clause between a subject and its predicate does not count as words either: "Trần
# Bá Ngọc Dung (33 tuổi), ngụ tại phường An Hòa, quận Ninh Kiều, là kẻ cầm đầu …".
_RESIDENCE_CLAUSE = regex.compile(
    r"""^[ \t]*,[ \t]*(?:thường[ \t]+trú|tạm[ \t]+trú|cư[ \t]+trú|trú|ngụ|quê)(?:[ \t]+(?:tại|ở))?
        [ \t]+[^;:.()\n]*?,[ \t]*$""",
    regex.VERBOSE,
)
#: How many names and titles back a predicate looks for its subject (bounds the work per title).
_PREDICATE_LOOKBACK = 40
#: How many words may stand between a name and a bare "là"/"làm" that gives it a title.
_WEAK_PREDICATE_REACH = 6
# Another subject between a name and a predicate: a pronoun or "còn" (whereas).
_OTHER_SUBJECT = regex.compile(
    r"(?<![\p{L}])(?:hắn|họ|gã|ông\s+ta|bà\s+ta|anh\s+ta|cô\s+ta|chị\s+ta|người\s+này|ông\s+này|còn|[Ôô]ng|[Bb]à|[Aa]nh|[Cc]hị|[Cc]ô)(?![\p{L}])"
)
_AFTER_THEO = regex.compile(r"(?<![\p{L}])(?i:theo)\s+$")
# "Trò chuyện với Putin và Schroeder, Tổng thống Pháp cũng hồi tưởng …": names that are the
# object of a preposition or verb, then a title followed straight by its predicate (no comma
# closing an apposition) — the title is the subject of a new clause, not the names' title.
_OBJECT_BEFORE = regex.compile(r"(?<![\p{L}])(?i:với|cùng|cho|của|về|gặp|tiếp|thăm)\s+$")
_PREDICATE_AFTER = regex.compile(
    r"""[ \t]+(?:cũng|đã|đang|sẽ|vẫn|liền|bèn|thì|lại|từng|không|chưa
        |cho[ \t]+biết|nói|hồi[ \t]+tưởng)(?![\p{L}])""",
    regex.VERBOSE,
)
# Roles that serve another office-holder: "phát ngôn viên văn phòng Thủ tướng Anh Tony Blair"
# (the spokesman of Blair's office): the next title, not this one, belongs to the name after.
_SERVING_ROLES = roles_with("serving")
_AND_BEFORE = regex.compile(r"\s(?:và|,)\s+$")

# Person details next to a mention.
_AGE = regex.compile(r"\s*[,(]\s*(?:SN\s*\d{4}\s*,\s*)?(\d{1,3})\s+tuổi")
_BIRTH_YEAR = regex.compile(r"\s*,?\s*\(?\s*(?:\d{1,3}\s+tuổi\s*,\s*)?(?:SN|sinh\s+năm|sinh)\s*(\d{4})(?!\d)")
_PLACE_UNIT = r"""(?:thôn|ấp|xóm|bản|tổ(?:\s+dân\s+phố)?|khu\s+phố|khu|số\s+nhà|số|đường|phố|ngõ|ngách|hẻm
    |kiệt|phường|xã|thị\s+trấn|quận|huyện|thị\s+xã|TP\.?|thành\s+phố|tỉnh|P\.|Q\.)"""
_PLACE_CHUNK = rf"""
    (?:{_PLACE_UNIT}\s*)?
    [\p{{Lu}}\p{{N}}][\p{{L}}\p{{N}}/\-]*(?:\s+[\p{{Lu}}\p{{N}}][\p{{L}}\p{{N}}/\-]*)*"""
# "trú tại xã Tân Phú, huyện Đức Hòa", "ngụ huyện Bình Chánh", "ở thôn 2, xã Quảng Bị".
_RESIDENCE = regex.compile(
    rf"""\s*[,(]\s*(?:[^,()\n]{{0,30}}?,\s*){{0,2}}?            # "(25 tuổi, " / ", 65 tuổi, "
    (?:thường\s+trú|tạm\s+trú|cư\s+trú|trú|ngụ|ở|quê)(?:\s+(?:tại|ở))?\s+
    (?P<r>{_PLACE_CHUNK}(?:\s*,\s*{_PLACE_CHUNK})*)""",
    regex.VERBOSE,
)
# An address in brackets right after the name: "cô Nguyễn Thị Hồng Xương (xã Long An, Long Hồ,
# Vĩnh Long)", "nạn nhân Bùi Thanh Hải (ngõ Quan Thổ 1, quận Đống Đa)".
_ADDRESS_ASIDE = regex.compile(
    rf"""[ \t]*\([ \t]*(?P<r>(?={_PLACE_UNIT}\s){_PLACE_CHUNK}(?:\s*,\s*{_PLACE_CHUNK})*)[ \t]*\)""",
    regex.VERBOSE,
)


# ----------------------------------------------------------------------------- mentions


@attrs.frozen
class _Mention:
    start: int
    end: int
    name: str
    honorific: str | None
    outer: int  # start including the honorific ("ông Liêm")


def _mentions(text: Text, persons: Sequence[Person]) -> list[_Mention]:
    s = text.normalized
    out: list[_Mention] = []
    seen: set[tuple[int, int]] = set()
    for person in persons:
        spans = person.mentions or ((person.start, person.end),)
        for start, end in spans:
            if number := SHIRT_NUMBER.match(s, start, end):
                start = number.end()  # "12-Diego Barreto" in a line-up: the player's number
            if (start, end) in seen or end <= start:
                continue
            seen.add((start, end))
            m = _honorific_before().search(s, max(0, start - 8), start)
            if m and m.group()[:1].isupper() and s[: m.start()].rstrip(" \t")[-1:].isalnum():
                m = None  # "Thủ tướng Anh Tony Blair": a capital mid-sentence is the country
            honorific = m.group().split()[0].casefold() if m else None
            out.append(_Mention(start, end, s[start:end], honorific, m.start() if m else start))
    return sorted(out, key=lambda m: (m.start, m.end))


def _words(name: str) -> list[str]:
    """Casefolded words of a name; a cut given name's dot does not count ("bà C." is "Lò Thị C")."""
    return [w.rstrip(".") or w for w in name.casefold().split()]


@functools.cache
def _surnames_folded() -> frozenset[str]:
    return frozenset(w.casefold() for w in surnames())


def _is_vietnamese(words: list[str]) -> bool:
    return bool(words) and words[0] in _surnames_folded()


def _refers_to(short: list[str], full: list[str]) -> bool:
    """Whether a shorter name refers to a full one: its last words (or a foreign name's first)."""
    return 0 < len(short) < len(full) and tuple(short) in _name_keys(tuple(full))


def _compatible(a: str | None, b: str | None) -> bool:
    ga, gb = gender_of(a), gender_of(b)
    return ga is None or gb is None or ga == gb


class _Cluster:
    """Mentions of one person. In the forward pass a cluster's first mention is its fullest
    (a later mention joins only when it is the same name or a short form of it)."""

    def __init__(self, mention: _Mention, order: int) -> None:
        self.mentions = [mention]
        self.order = order
        self.words = tuple(_words(mention.name))
        self.genders = {g} if (g := gender_of(mention.honorific)) else set()

    @property
    def full(self) -> _Mention:
        """The first mention with the most words: the person's full name."""
        return max(self.mentions, key=lambda m: (len(m.name.split()), -m.start))

    @property
    def honorifics(self) -> list[str]:
        return [m.honorific for m in self.mentions if m.honorific]

    def compatible(self, genders: set[Gender]) -> bool:
        return len(self.genders | genders) <= 1

    def add(self, mentions: list[_Mention], genders: set[Gender]) -> None:
        self.mentions.extend(mentions)
        self.genders |= genders


def _name_keys(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The names a person with these words may be called by later: the full name, its last
    words ("Liêm", "Thanh Liêm") and, for a foreign name, its first words ("Tala")."""
    keys = [words[i:] for i in range(len(words))]
    if not _is_vietnamese(list(words)):
        keys += [words[:i] for i in range(1, len(words))]
    return keys


_NAME_WORD = regex.compile(r"\p{Lu}[\p{Ll}\p{M}]*+")


def _names_out_of_organizations(text: Text, found: Mentions) -> Mentions:
    """TITLE ORG NAME where the organisation record swallowed the name: "Quyền Chủ tịch UBND
    tỉnh Nguyễn Văn Út", "Thống đốc Ngân hàng Nhà nước Nguyễn Văn Bình", "Hiệu trưởng Trường
    THPT Chu Văn An Nguyễn Xuân Khang". The name (a surname and one to three capitalised
    syllables, not a place) leaves the organisation when a name or an admin unit stays before it
    ("Trường THPT Lê Quý Đôn" and "Công ty Hoàng Long" stay whole)."""
    s = text.normalized
    lex = titles_lexicon()
    surnames_ = surnames()
    places = place_names()
    after_role = {_role_end(s, t) + 1 for t in found.titles}
    organizations: list[Organization] = []
    added: list[Person] = []
    for org in found.organizations:
        if org.start not in after_role:
            organizations.append(org)
            continue
        words = list(regex.finditer(r"\S+", org.text))
        cut = None
        for i in range(len(words) - 2, 0, -1):
            tail = words[i:]
            if words[i].group() in surnames_ and 2 <= len(tail) <= 4 \
                    and all(_NAME_WORD.fullmatch(w.group()) for w in tail):
                if len(tail) == 2 and _NAME_WORD.fullmatch(words[i - 1].group()) \
                        and lex.org_head.fullmatch(words[i - 1].group()) is None:
                    # "Công ty TNHH Việt Thái Phong": two syllables going on a plain capitalised
                    # name are the company's; a person named after it has three or more
                    break
                cut = i
                break
        if cut is None:
            organizations.append(org)
            continue
        name_start = org.start + words[cut].start()
        name = s[name_start : org.end]
        head = lex.org_head.match(s, org.start)
        between = s[head.end() if head else org.start : name_start].strip()
        admin = lex.admin.fullmatch(between) is not None
        named = any(_NAME_WORD.fullmatch(w) for w in between.split())  # "THPT" alone is no name
        standalone = head is not None and not between and head.group() in _standalone_heads()
        if name in places or not (admin or named or standalone):
            organizations.append(org)
            continue
        org_end = name_start
        while s[org_end - 1] == " ":
            org_end -= 1
        organizations.append(attrs.evolve(org, text=s[org.start : org_end], end=org_end,
                                          name=s[org.start : org_end]))
        added.append(Person(text=name, start=name_start, end=org.end, name=name,
                            mentions=((name_start, org.end),)))
    if not added:
        return found
    return attrs.evolve(
        found,
        organizations=tuple(organizations),
        persons=tuple(sorted((*found.persons, *added), key=lambda p: p.start)),
    )


@functools.cache
def _standalone_heads() -> frozenset[str]:
    return frozenset(" ".join(k) for k, head in listed_heads().items() if head.standalone)


def _role_end(s: str, title: Title) -> int:
    end = title.end - len(title.organization) if title.organization else title.end
    while end > title.start and s[end - 1] in " ,":
        end -= 1
    return end


#: Words of bodies that never make up a person's name: "Bí thư T.Ư Đảng" (the Party's Central
#: Committee), "tổ chức Nông Lương Liên Hợp Quốc" (the UN's FAO), "Thay mặt Đảng" (on behalf of
#: the Party), casefolded.
_BODY_WORDS = sorted(word_class("body_in_name"))
_BODY_IN_NAME = regex.compile(
    rf"(?<![\p{{L}}.])(?:{'|'.join(regex.escape(w) for w in _BODY_WORDS)})(?![\p{{L}}.])"
)


def _named(mentions: list[_Mention]) -> list[_Mention]:
    """Mentions that can be a person's name: not the name of a body ("T.Ư Đảng", "Lương Liên
    Hợp Quốc"), not a bare "Đảng" (the Party) without an honorific."""
    return [
        m for m in mentions
        if _BODY_IN_NAME.search(m.name.casefold()) is None
        and not (m.honorific is None and m.name.casefold() == "đảng")
    ]


def _not_titles(s: str, mentions: list[_Mention], titles: Sequence[Title]) -> list[_Mention]:
    """Mentions that do not begin inside a title's role: "Trưởng Phòng Kế" (in "Trưởng Phòng Kế
    hoạch Tài chánh") or "Phó Tổng" (in "Phó Tổng cục trưởng") are positions, not names."""
    roles = sorted((t.start, _role_end(s, t)) for t in titles)
    starts = [a for a, _ in roles]
    kept = []
    for m in mentions:
        k = bisect.bisect_right(starts, m.start) - 1
        if k >= 0 and roles[k][0] <= m.start < roles[k][1]:
            continue
        kept.append(m)
    return kept


# Between a name and another name of the same person: "Trần Bá Ngọc Dung (tức Nguyệt, 33
# tuổi)", "Nguyễn Văn Tám, tức Tám Lùn", "Lê Văn Hai (còn gọi là Hai Búa)".
_ALIAS_GAP = regex.compile(
    r"""[ \t]*[(,][ \t]*(?i:tức(?:[ \t]+là)?|còn[ \t]+gọi(?:[ \t]+là)?|thường[ \t]+gọi(?:[ \t]+là)?
        |biệt[ \t]+danh|bí[ \t]+danh|hay[ \t]+gọi(?:[ \t]+là)?)[ \t]+""",
    regex.VERBOSE,
)


def _cluster(mentions: list[_Mention], s: str = "") -> list[_Cluster]:
    """Group mentions of one person; linear in the mentions (names are looked up, not compared
    with every person so far). An alias written right after a name ("(tức Nguyệt") is the same
    person, and so are its later mentions."""
    clusters: list[_Cluster] = []
    by_name: dict[tuple[str, ...], list[_Cluster]] = {}
    previous: tuple[_Mention, _Cluster] | None = None
    merged: set[int] = set()  # clusters an alias joined to the name it stands for
    joined: dict[int, _Cluster] = {}  # a merged cluster → the cluster it joined
    for m in mentions:
        words = tuple(_words(m.name))
        genders = {g} if (g := gender_of(m.honorific)) else set()
        # the most recent person this name can refer to
        home = next((c for c in reversed(by_name.get(words, [])) if c.compatible(genders)), None)
        while home is not None and home.order in joined:  # its later mentions go where it went
            home = joined[home.order]
        alias = previous is not None and _ALIAS_GAP.fullmatch(s, previous[0].end, m.outer) is not None
        if alias and previous is not None and home is not previous[1]:
            if home is not None and home.words == words and previous[1].compatible(home.genders):
                # the alias was used before the name it stands for: a headline "Phú Lê: '…'",
                # then "Lê Văn Phú, tức Phú Lê, …" — one person (not a person whose name only
                # ends like the alias: "Nguyễn Tấn Dũng" is not "Lê Văn Tám, tức Dũng")
                previous[1].add(home.mentions, home.genders)
                merged.add(home.order)
                joined[home.order] = previous[1]
            home = previous[1]
            home.add([m], genders)
            for key in _name_keys(words):
                by_name.setdefault(key, []).append(home)
        elif home is None:
            home = _Cluster(m, len(clusters))
            clusters.append(home)
            for key in _name_keys(words):
                by_name.setdefault(key, []).append(home)
        else:
            home.add([m], genders)
        previous = (m, home)
    # A short name before its full name (a headline "Diệp Hồng tranh giải …", then "người mẫu
    # Nguyễn Nga Diệp Hồng"): join the one later, longer name it can refer to.
    gone: set[int] = set(merged)
    for c in clusters:
        if c.order in gone:
            continue
        targets = [d for d in by_name.get(c.words, []) if d.order > c.order and len(d.words) > len(c.words)
                   and d.order not in gone and d.compatible(c.genders)]
        if len(targets) == 1:
            targets[0].add(c.mentions, c.genders)
            gone.add(c.order)
    kept = [c for c in clusters if c.order not in gone]
    for c in kept:
        c.mentions.sort(key=lambda m: m.start)
    return kept


# ----------------------------------------------------------------------------- titles


def _title_key(title: Title) -> tuple[str, ...]:
    return tuple(regex.findall(r"[\p{L}\p{N}]+", title.text.casefold()))


_OF_BODY = regex.compile(r"[ \t]+của[ \t]+")
# How far after a title the patterns above may look (characters). regex's match(s, pos) with no
# end position first scans the rest of the text for a pattern's literal ("của", "tuổi", "(" …),
# once per title or name: quadratic on long texts. Every window is far wider than such a match.
_LOOK_AHEAD = 40
_DETAILS_LOOK_AHEAD = 200  # an address after a name: "(ngõ Quan Thổ 1, quận Đống Đa, Hà Nội)"
_NON_SPACE = re.compile(r"\S")


def _only_spaces(s: str, start: int, end: int) -> bool:
    """``s[start:end].strip() == ""`` without copying the slice (end may be the text's end)."""
    return _NON_SPACE.search(s, start, end) is None


def _refine_titles(text: Text, found: Mentions, mentions: list[_Mention]) -> list[Title]:
    """Cut titles before a name, narrow them to an Organization found next to the role, drop
    titles inside an organisation's name ("Ban Giám đốc Học viện")."""
    s = text.normalized
    orgs: list[Organization] = sorted(found.organizations, key=lambda o: o.start)
    org_starts = [o.start for o in orgs]
    starts = [m.outer for m in mentions]
    title_starts = sorted(t.start for t in found.titles)
    out: list[Title] = []
    for t in found.titles:
        k = bisect.bisect_right(org_starts, t.start) - 1
        if k >= 0 and orgs[k].start < t.start < orgs[k].end:
            continue  # "Giám đốc" inside "Ban Giám đốc Học viện"
        role_end = _role_end(s, t)
        # a name inside the role itself means the "title" was part of the name
        j = bisect.bisect_left(starts, t.start)
        if j < len(mentions) and mentions[j].outer < role_end and mentions[j].start < role_end:
            continue
        if j > 0 and mentions[j - 1].start < t.start < mentions[j - 1].end:
            continue  # a role word inside a name: "Brian Mc Donald"
        end = t.end
        org_start = t.end - len(t.organization) if t.organization else None
        next_name = mentions[j].outer if j < len(mentions) else len(s)
        # never run into a name: "Giám đốc Sở TTTT Lai Xuân Thành"
        reaches_name = next_name < end or (next_name >= end and _only_spaces(s, end, next_name))
        end = min(end, next_name)
        # an Organization record where our organisation reading starts (or right after the role)
        # sets the extent, unless our reading already runs up to the name the title belongs to
        at = org_start if org_start is not None else role_end + 1
        k = bisect.bisect_left(org_starts, at)
        if k < len(orgs) and orgs[k].start == at and (org_start is not None or s[role_end:at] == " ") \
                and not (reaches_name and org_start is not None):
            # a longer record must go on with a name, not plain words ("Bộ Xây dựng trao bộ hồ sơ")
            extension = s[end : orgs[k].end].lstrip(" ,-")
            # a shorter record must not cut a word group ("BCH Trung" of "BCH Trung ương Đảng")
            remainder = s[orgs[k].end : end].lstrip(" ,-")
            # …unless it runs right up to the name: "Thứ trưởng Bộ Nông nghiệp và Phát triển nông
            # thôn Bùi Bá Bổng" (the ministry's lowercase tail is still its name)
            up_to_name = next_name > orgs[k].end and _only_spaces(s, orgs[k].end, next_name)
            if (orgs[k].end > end and (not extension[:1].islower() or up_to_name)) \
                    or (orgs[k].end <= end and not remainder[:1].islower()):
                org_start, end = at, min(orgs[k].end, next_name)
        if org_start is not None:  # a long body cut at its first lowercase words
            r = bisect.bisect_left(org_starts, org_start)
            record_end = orgs[r].end if r < len(orgs) and orgs[r].start == org_start else None
            q = bisect.bisect_right(title_starts, t.start)  # nor into the next title ("… kiêm …")
            limit = min(next_name, title_starts[q]) if q < len(title_starts) else next_name
            end = body_end(s, end, limit, record_end) or end
        while end > role_end and not s[end - 1].isalnum():
            end -= 1
        if org_start is not None and end > org_start:
            organization: str | None = s[org_start:end]
        else:
            organization, end = None, role_end
        # "… của ORG": the unit belongs to a named body ("Trưởng phòng vé khu vực phía Bắc của
        # Vietnam Airlines", "Phó phòng kinh doanh vàng của Eximbank")
        if organization is not None and (of := _OF_BODY.match(s, end, end + _LOOK_AHEAD)):
            k = bisect.bisect_left(org_starts, of.end())
            if k < len(orgs) and orgs[k].start == of.end() and orgs[k].end <= next_name:
                end = orgs[k].end
                organization = s[org_start:end] if org_start is not None else None
        out.append(attrs.evolve(t, text=s[t.start : end], end=end, organization=organization))
    table = table_for(found.abbreviations)
    return [expand_title(t, table) for t in _outermost(s, out)]


def _outermost(s: str, titles: list[Title]) -> list[Title]:
    """Titles not inside another title's organisation: "Trợ lý Bộ trưởng Ngoại giao Việt Nam"
    (the minister's assistant) is one position, not also the minister's."""
    out: list[Title] = []
    for t in sorted(titles, key=lambda t: (t.start, -t.end)):
        if out and out[-1].organization and _role_end(s, out[-1]) < t.start and t.end <= out[-1].end:
            continue
        out.append(t)
    return out


def _attach(
    text: Text, mentions: list[_Mention], owner: dict[int, int], titles: list[Title]
) -> dict[int, list[Title]]:
    """Titles per cluster index, from the shapes in this module's docstring."""
    s = text.normalized
    events: list[tuple[int, int, str, int]] = []  # (start, end, kind, index)
    for i, m in enumerate(mentions):
        events.append((m.outer, m.end, "p", i))
    for i, t in enumerate(titles):
        events.append((t.start, t.end, "t", i))
    events.sort()
    n = len(events)

    def gap(a: int, b: int) -> str:
        return s[a:b] if a <= b else "\x00"

    def fits(pattern: regex.Pattern[str], a: int, b: int) -> bool:
        return a <= b and pattern.fullmatch(s, a, b) is not None

    # backward: NAME, TITLE (, TITLE)*  — left to right
    backward: dict[int, list[int]] = {}
    for k in range(n):
        start, end, kind, idx = events[k]
        if kind != "t" or k == 0:
            continue
        _, pend, pkind, pidx = events[k - 1]
        plural = pkind == "p" and not fits(_POST_GAP, pend, start) and fits(_PLURAL_GAP, pend, start)
        if pkind == "p" and (plural or fits(_POST_GAP, pend, start)):
            names = [owner[pidx]]
            # a list of names before the title: "Đường Thị Quế, Đường Ngọc Hải, Đường Ngọc Sơn (giám đốc …)"
            q = k - 1
            while q > 0 and events[q - 1][2] == "p" and fits(_LIST_GAP, events[q - 1][1], events[q][0]):
                names.append(owner[events[q - 1][3]])
                q -= 1
            if plural and len(names) < 2:
                continue
            first = events[q][0]
            if (
                s[pend:start].strip() == ","
                and _PREDICATE_AFTER.match(s, end)
                and _OBJECT_BEFORE.search(s, max(0, first - 12), first)
            ):
                continue  # "với Putin và Schroeder, Tổng thống Pháp cũng …": a new clause
            backward[k] = names
        elif pkind == "t" and (k - 1) in backward and fits(_CHAIN_GAP, pend, start):
            backward[k] = backward[k - 1]
    _respectively(s, events, backward)

    # forward: TITLE (, TITLE)* NAME — right to left
    forward: dict[int, tuple[int, bool]] = {}  # event → (cluster, strict)
    # titles whose chain ends in a title written straight before its name ("…, Ủy viên Bộ Chính
    # trị, thường trực Ban Bí thư Phan Diễn"): the whole chain is that person's
    anchored: set[int] = set()
    for k in range(n - 1, -1, -1):
        start, end, kind, idx = events[k]
        if kind != "t" or k + 1 >= n:
            continue
        nstart, _, nkind, nidx = events[k + 1]
        if nkind == "p":
            if fits(_PRE_GAP, end, nstart) or (
                fits(_PRE_GAP_LIST, end, nstart) and role_kind(titles[idx].role) == "case"
            ):
                forward[k] = (owner[nidx], True)
                anchored.add(k)
            elif fits(_PRE_GAP_COMMA, end, nstart) and (
                _opens_clause(s, start) or _AFTER_THEO.search(s, max(0, start - 6), start)
            ):
                forward[k] = (owner[nidx], False)  # "Theo Giám đốc Sở X, ông Y …"
            elif fits(_PRE_GAP_CLAUSE, end, nstart) and _opens_clause(s, start):
                forward[k] = (owner[nidx], False)
        elif nkind == "t" and (k + 1) in forward and fits(_CHAIN_GAP, end, nstart):
            between = gap(end, nstart)
            organization = titles[idx].organization
            serving = (
                not between.strip()
                and titles[idx].role.casefold() in _SERVING_ROLES
                and (organization is None or organization[:1].islower())
            )  # "phát ngôn viên văn phòng Thủ tướng Anh Tony Blair": Blair is not the spokesman
            if "và" not in between and not serving:
                strict = forward[k + 1][1] and not any(c in between for c in ",-–")
                forward[k] = (forward[k + 1][0], strict)
                if k + 1 in anchored:
                    anchored.add(k)

    result: dict[int, list[Title]] = {}
    sentence_starts = [x.start for x in text.sentences]
    by_predicate: dict[int, int] = {}  # title event → cluster, for "… và TITLE" after it
    last_predicate: int | None = None
    for k in range(n):
        start, end, kind, idx = events[k]
        if kind != "t":
            continue
        title = titles[idx]
        targets: list[int] = []
        if k in forward and forward[k][1]:
            targets = [forward[k][0], *_list_after(s, events, owner, mentions, k + 1)]
        elif k in backward and not (k in anchored and _bare_name_before(s, events, mentions, k)):
            targets = backward[k]
        elif k in forward:
            targets = [forward[k][0]]
        else:
            target = _by_predicate(s, title, mentions, owner, events, k, sentence_starts)
            if (
                target is None
                and last_predicate is not None
                and _AND_BEFORE.search(s, max(0, start - 5), start)
                and _same_sentence(sentence_starts, events[last_predicate][0], start)
            ):
                target = by_predicate[last_predicate]  # "làm tiến sĩ … và thực tập sinh khoa học"
            if target is not None:
                targets = [target, *_subjects_sharing(s, events, owner, k, target)]
                by_predicate[k] = target
                last_predicate = k
        if not targets:
            targets = _speakers_in_summary(s, title, events, k, mentions, owner)
        if not targets:
            targets = _subject_of_summary(s, title, events, k, mentions, owner)
        if not targets:
            targets = _person_the_role_stands_for(s, title, events, k, mentions, owner, sentence_starts)
        listed = _listed_holders(s, title, mentions, owner)
        if listed and (not targets or targets[0] in listed):  # "Thủ môn: A (X), B": each holds it
            targets = listed
        for c in dict.fromkeys(targets):
            result.setdefault(c, []).append(title)
        if k in forward and forward[k][1] and title.organization is None and events[k + 1][2] == "p":
            workplace = _workplace_after(text, title, mentions[events[k + 1][3]].end)
            if workplace is not None:  # the title, with the unit as its organisation
                held = result.setdefault(forward[k][0], [])
                held[:] = [workplace if t is title else t for t in held]
                if workplace not in held:
                    held.append(workplace)
    return result


def _speakers_in_summary(
    s: str, title: Title, events: list[tuple[int, int, str, int]], k: int,
    mentions: list[_Mention], owner: dict[int, int],
) -> list[int]:
    """"TITLE: 'quote'" opening a headline: the person (or list) opening the summary holds it."""
    line = speaker_line(s, title)
    if line is None:
        return []
    q = next((q for q in range(k + 1, len(events)) if events[q][2] == "p" and events[q][0] >= line), None)
    if q is None or not opens_summary(s, line, mentions[events[q][3]].outer):
        return []
    out = [owner[events[q][3]]]
    while q + 1 < len(events) and events[q + 1][2] == "p" \
            and _LIST_GAP.fullmatch(s, events[q][1], events[q + 1][0]):
        q += 1
        out.append(owner[events[q][3]])
    return out


def _subject_of_summary(
    s: str, title: Title, events: list[tuple[int, int, str, int]], k: int,
    mentions: list[_Mention], owner: dict[int, int],
) -> list[int]:
    """A role opening the headline as its subject ("Anh nông dân phát minh …") is the title of
    the person (or list) the summary opens with — unless that person has a title of their own
    written next to the name ("Ông A, giám đốc bệnh viện, …": another person)."""
    line = subject_line(s, title)
    if line is None:
        return []
    q = next((q for q in range(k + 1, len(events)) if events[q][2] == "p" and events[q][0] >= line), None)
    if q is None or not subject_of_summary(s, line, mentions[events[q][3]].outer):
        return []
    out = [owner[events[q][3]]]
    while True:
        before = events[q - 1] if q > 0 else None
        after = events[q + 1] if q + 1 < len(events) else None
        if (before is not None and before[2] == "t" and before[0] >= line
                and _PRE_GAP.fullmatch(s, before[1], events[q][0])) \
                or (after is not None and after[2] == "t" and _POST_GAP.fullmatch(s, events[q][1], after[0])):
            return []
        if after is None or after[2] != "p" or not _LIST_GAP.fullmatch(s, events[q][1], after[0]):
            return out
        q += 1
        out.append(owner[events[q][3]])


# Between a role (its words the title reader left out: "tiền vệ đội tuyển Nhật Bản") and its
# own name in apposition: ", Hidetoshi Nakata".
_APPOSITION_GAP = regex.compile(r"[^,.;:\n]{0,40}?,[ \t]*")
#: How many sentences back a role standing for a person ("Hậu vệ trái này") looks for the name.
_ANAPHORA_SENTENCES = 3


def _person_the_role_stands_for(
    s: str, title: Title, events: list[tuple[int, int, str, int]], k: int,
    mentions: list[_Mention], owner: dict[int, int], sentence_starts: list[int],
) -> list[int]:
    """The person a role with no name of its own stands for (see :mod:`role_anaphora`): the
    person opening the headline when the role opens the summary, else, for "ROLE này" (this
    ROLE) or "ROLE 33 tuổi" opening a clause, the person mentioned last."""
    head_end = summary_after_headline(s, title)
    q = k + 1  # the role's own name after it: "Ngôi sao tiền vệ đội tuyển Nhật Bản, Hidetoshi Nakata"
    while q < len(events) and events[q][2] == "t" and _CHAIN_GAP.fullmatch(s, events[q - 1][1], events[q][0]):
        q += 1
    if q < len(events) and events[q][2] == "p" \
            and _APPOSITION_GAP.fullmatch(s, events[q - 1][1], events[q][0]):
        return []
    if head_end is not None:
        head_start = len(s) - len(s.lstrip())
        for q in range(k):
            start, _, kind, idx = events[q]
            if start >= head_end:
                break
            if kind == "p":
                return [owner[idx]] if opens_summary(s, head_start, mentions[idx].outer) else []
    if not stands_for_person_before(s, title):
        return []
    # the first person (the subject, the topic going on) of the last earlier sentence naming
    # one; in its own sentence the role is someone else ("Posh giận đến mức loại thành viên
    # này", Posh was so angry she struck this member off; "…", Sharapova phát biểu sau khi bị
    # thua Petrova. Tay vợt 18 tuổi …: Sharapova)
    si = bisect.bisect_right(sentence_starts, title.start) - 1
    if si < 0:
        return []
    lookback = sentence_starts[max(0, si - _ANAPHORA_SENTENCES)]
    subject: int | None = None
    for q in range(k - 1, -1, -1):
        start, end, kind, idx = events[q]
        if start < lookback:
            break
        if subject is not None and not _same_sentence(sentence_starts, start, events[subject][0]):
            break
        if kind == "p" and end <= sentence_starts[si]:
            subject = q
    return [owner[events[subject][3]]] if subject is not None else []


def _listed_holders(s: str, title: Title, mentions: list[_Mention], owner: dict[int, int]) -> list[int]:
    """Clusters of the names listed after a role they share (see :mod:`group_roles`)."""
    spans = listed_names(s, title)
    if not spans:
        return []
    at = {m.start: i for i, m in enumerate(mentions)}
    return [owner[at[a]] for a, _ in spans if a in at]


# After "TITLE NAME": the place of work, as an apposition ("Bác sĩ Phạm Luân, Khoa Hồi sức cấp
# cứu Bệnh viện Chợ Rẫy, cho biết"), an aside ("luật sư Nguyễn Kỳ Việt (Văn phòng luật sư Việt
# - Chương, …)") or after a dash ("luật sư Phạm Ngọc Hiếu - văn phòng luật sư Á Châu").
_WORKPLACE_GAP = regex.compile(r"[ \t]*(?:,|\(|[\-–][ \t])[ \t]*")
# What may follow the workplace: the end of the apposition, aside or sentence.
_WORKPLACE_END = regex.compile(r"[ \t]*(?:[,;.)]|$)", regex.MULTILINE)
_LOWER_WORKPLACE_HEADS = regex.compile(
    r"(?:khoa|phòng|văn\s+phòng|bệnh\s+viện|trường|công\s+ty|trung\s+tâm|viện|đoàn)(?![\p{L}])"
)


def _workplace_after(text: Text, title: Title, name_end: int) -> Title | None:
    """The bare title of a person named after it, with the unit the person works in as its
    organisation: "Bác sĩ Phạm Luân, Khoa Hồi sức cấp cứu Bệnh viện Chợ Rẫy" → the Title "Bác sĩ"
    (its span unchanged) with organization "Khoa Hồi sức cấp cứu Bệnh viện Chợ Rẫy". One title,
    not two: the position is written once."""
    s = text.normalized
    gap = _WORKPLACE_GAP.match(s, name_end)
    if gap is None:
        return None
    lex = titles_lexicon()
    at = gap.end()
    head = lex.org_head.match(s, at)
    if head is None or not head.group()[:1].isupper():
        head = _LOWER_WORKPLACE_HEADS.match(s, at)
    if head is None or lex.title.match(s, at) is not None:
        return None
    span = organization_at(text, at)
    if span is None or span[1] <= head.end() or _WORKPLACE_END.match(s, span[1]) is None:
        return None
    return attrs.evolve(title, organization=s[span[0] : span[1]])


def _respectively(s: str, events: list[tuple[int, int, str, int]], backward: dict[int, list[int]]) -> None:
    """As many titles as names, the last joined by "và": one each, in order. "hai ông Trần
    Nghĩa Vinh và Hồ Mạnh Quân - tổng giám đốc và phó tổng giám đốc Pjico" gives Vinh the
    first, Quân the second (``backward`` lists the names last first)."""
    k = 0
    keys = sorted(backward)
    while k < len(keys):
        first = keys[k]
        names = backward[first]
        group = [first]
        while k + 1 < len(keys) and keys[k + 1] == group[-1] + 1 and backward[keys[k + 1]] is names:
            group.append(keys[k + 1])
            k += 1
        k += 1
        if len(names) < 2 or len(group) != len(names):
            continue
        last_gap = s[events[group[-2]][1] : events[group[-1]][0]]
        if "và" not in last_gap.split():
            continue
        for event, name in zip(group, reversed(names), strict=True):
            backward[event] = [name]


def _bare_name_before(
    s: str, events: list[tuple[int, int, str, int]], mentions: list[_Mention], k: int
) -> bool:
    """Whether the name before title event ``k`` stands bare: no honorific and no title written
    straight before it ("Thay mặt Đảng, Ủy viên Bộ Chính trị, …" where a word was taken for a
    name). Such a name yields the titles after it to the name their chain ends on."""
    _, _, kind, idx = events[k - 1]
    if kind != "p" or mentions[idx].honorific is not None:
        return False
    titled = k >= 2 and events[k - 2][2] == "t" and _PRE_GAP.fullmatch(s, events[k - 2][1], events[k - 1][0])
    return not titled


# "A và B đều là nhân viên …", "A, B cùng là giáo viên", "A và B là nhân viên …": the predicate
# holds for every subject of the list.
_BARE_LA = regex.compile(r"[ \t]+là[ \t]+")
_SHARED_PREDICATE = regex.compile(r"(?<![\p{L}])(?i:đều|cùng)[ \t]+(?:là|làm)[ \t]+$")


def _subjects_sharing(
    s: str, events: list[tuple[int, int, str, int]], owner: dict[int, int], k: int, subject: int
) -> list[int]:
    """The other names of a listed subject when the predicate says "đều là" (all are)."""
    start = events[k][0]
    q = k - 1
    while q >= 0 and not (events[q][2] == "p" and owner[events[q][3]] == subject):
        if events[q][2] == "t":
            return []
        q -= 1
    # "đều là" anywhere after the subject, or a bare "là" right after "A và B" (not after "Theo
    # ông A, bà B là …": a comma alone does not make the two one subject)
    if q < 0:
        return []
    if _SHARED_PREDICATE.search(s, max(0, start - 12), start) is None and not (
        _BARE_LA.fullmatch(s, events[q][1], start)
        and q > 0
        and "và" in s[events[q - 1][1] : events[q][0]].split()
    ):
        return []
    out: list[int] = []
    while q > 0 and events[q - 1][2] == "p" and _LIST_GAP.fullmatch(s, events[q - 1][1], events[q][0]):
        out.append(owner[events[q - 1][3]])
        q -= 1
    return out


def _same_sentence(sentence_starts: list[int], a: int, b: int) -> bool:
    return bisect.bisect_right(sentence_starts, a) == bisect.bisect_right(sentence_starts, b)


def _list_after(
    s: str, events: list[tuple[int, int, str, int]], owner: dict[int, int], mentions: list[_Mention], k: int
) -> list[int]:
    """More names sharing a title before the first: "2 bị cáo Simo Fotso Victor và Tala Pierre
    Marie". Names with an honorific or a title of their own ("… và Thượng úy Trần Văn Quang",
    "… và ông B") are not in the list."""
    out: list[int] = []
    while k + 1 < len(events) and events[k + 1][2] == "p":
        nxt = events[k + 1]
        if not _LIST_GAP.fullmatch(s, events[k][1], nxt[0]):
            break
        if mentions[nxt[3]].honorific is not None:
            break
        out.append(owner[nxt[3]])
        k += 1
    return out


def _opens_clause(s: str, start: int) -> bool:
    """Whether only a clause boundary precedes ``start`` ("Nguyên đơn của vụ kiện … là cô …")."""
    before = s[max(0, start - 3) : start].rstrip(" ")
    return not before or before[-1] in ",.;:!?\n\"“(" or start == 0


def _by_predicate(
    s: str, title: Title, mentions: list[_Mention], owner: dict[int, int],
    events: list[tuple[int, int, str, int]], k: int, sentence_starts: list[int],
) -> int | None:
    """"NAME là TITLE", "ông giữ chức TITLE", "Là TITLE, NAME": the subject holds the title."""
    window = s[max(0, title.start - 40) : title.start]
    marker = _PREDICATE.search(window)
    if marker is None or _PRETENDING.search(window):
        return None
    # bare "là"/"làm" (is / works as) bind only a subject a few words before them
    weak = marker.group().strip().casefold() in ("là", "làm")
    marker_start = title.start - len(window) + marker.start()
    si = bisect.bisect_right(sentence_starts, title.start) - 1
    sent_start = sentence_starts[si] if si >= 0 else 0
    # "Là sinh viên …, Diệp Hồng": the name after the title. The opening is read in the last
    # _OPENING_WINDOW characters, not the whole sentence before each title (quadratic on a long
    # sentence); in a cut window "^" must not match at the cut, so the window is no slice there.
    lo = max(sent_start, title.start - _OPENING_WINDOW)
    opening = (
        _OPENING_PREDICATE.search(s[sent_start : title.start]) if lo == sent_start
        else _OPENING_PREDICATE.search(s, lo, title.start)
    )
    if opening and k + 1 < len(events) \
            and events[k + 1][2] == "p" and _PRE_GAP_COMMA.fullmatch(s, title.end, events[k + 1][0]):
        return owner[events[k + 1][3]]
    # the nearest name before the title in the same sentence, unless another subject comes
    # between ("… bà C. Ngoài ra, hắn khai … giả làm Tổng giám đốc")
    for q in range(k - 1, max(-1, k - 1 - _PREDICATE_LOOKBACK), -1):
        _, qe, qkind, qidx = events[q]
        if qe <= sent_start:
            break
        if qkind == "p":
            if _OTHER_SUBJECT.search(s, qe, title.start):
                return None
            between_text = _ASIDE.sub(" ", s[qe:marker_start])
            if (close := between_text.find(")")) >= 0:
                # the name was inside an aside: "(tức Nguyệt, 33 tuổi)"
                between_text = between_text[close + 1 :]
            between = _RESIDENCE_CLAUSE.sub(" ", between_text).split()
            return None if weak and len(between) > _WEAK_PREDICATE_REACH else owner[qidx]
    # a pronoun subject before the title ("ông giữ chức vụ …") stands for the last person
    pronoun = None
    for pm in _PRONOUN.finditer(s, sent_start, title.start):
        pronoun = pm
    if pronoun is None:
        return None
    word = pronoun.group("p").casefold()
    lookback = sentence_starts[max(0, si - 6)] if si >= 0 else 0
    best: tuple[int, int, int] | None = None
    first = bisect.bisect_left(mentions, lookback, key=lambda m: m.start)
    last = bisect.bisect_left(mentions, pronoun.start(), key=lambda m: m.start)
    for i in range(first, last):
        m = mentions[i]
        if m.end > pronoun.start():
            continue
        if not _compatible(m.honorific, word):
            continue
        # the same pronoun beats the same gender, which beats a person of unknown gender
        tier = 2 if m.honorific == word else 1 if gender_of(m.honorific) else 0
        cand = (tier, m.start, owner[i])
        if best is None or cand[:2] > best[:2]:
            best = cand
    return best[2] if best else None


def _starts_with_role(title: Title, role: str) -> bool:
    """Whether a title's words begin with ``role`` (after its modifier): "nguyên Giám đốc Sở"
    does with "giám đốc"; the workplace "Văn phòng luật sư Việt" does not with "luật sư"."""
    key = list(_title_key(title))
    if key and key[0] in MODIFIERS:
        key = key[1:]
    return " ".join(key).startswith(" ".join(regex.findall(r"[\p{L}\p{N}]+", role)))


def _dedupe(titles: list[Title]) -> tuple[Title, ...]:
    """One title per position: "thiếu tá" again, "PGS, TS" after "PGS.TS", "Bí thư Tỉnh ủy tỉnh
    Hà Nam" after "Bí thư Tỉnh ủy Hà Nam", and "Quyền Giám đốc Học viện" inside "Quyền Giám đốc
    Học viện Báo chí và Tuyên truyền" all go (the fuller title of one role stays)."""
    kept: list[tuple[Title, frozenset[str]]] = []
    # fullest first, then text order: a title goes when a kept one of the same role covers it
    for t in sorted(titles, key=lambda t: (-len(set(_title_key(t))), t.start)):
        words = frozenset(_title_key(t))
        role = " ".join(t.role.casefold().split())
        if not words or any(_title_key(t) == _title_key(other) for other, _ in kept) or any(
            words <= other_words
            and " ".join(other.role.casefold().split()) == role
            and _starts_with_role(other, role)  # not a workplace after the name
            and (other.modifier == t.modifier or t.organization is None or words == other_words)
            for other, other_words in kept
        ):
            continue
        kept.append((t, words))
    return tuple(sorted((t for t, _ in kept), key=lambda t: t.start))


# ----------------------------------------------------------------------------- details


def _details(s: str, cluster: _Cluster) -> dict[str, object]:
    out: dict[str, object] = {}
    for m in cluster.mentions:
        end = m.end + _DETAILS_LOOK_AHEAD
        if "age" not in out and (a := _AGE.match(s, m.end, end)):
            out["age"] = int(a.group(1))
        if "birth_year" not in out and (b := _BIRTH_YEAR.match(s, m.end, end)):
            out["birth_year"] = int(b.group(1))
        if "residence" not in out and (
            r := _RESIDENCE.match(s, m.end, end) or _ADDRESS_ASIDE.match(s, m.end, end)
        ):
            out["residence"] = " ".join(r.group("r").split())
    for h in cluster.honorifics:
        if (g := gender_of(h)) is not None:
            out["gender"] = g
            break
    return out


# ----------------------------------------------------------------------------- link


# A given name cut to its first consonants, as the press writes a suspect's or a victim's name:
# "Lê Thị Th.", "Nguyễn Văn H." — the dot is part of the name ("Nguyễn Văn An." is not cut: a
# syllable has a vowel).
_CUT_GIVEN_NAME = regex.compile(r"(?:^|\s)(?i:[bcdđghklmnpqrstvx]{1,3})$")


def _written_name(s: str, mention: _Mention) -> str:
    """The person's name as written: "Lê Thị Th." keeps the dot of its cut given name."""
    if s.startswith(".", mention.end) and _CUT_GIVEN_NAME.search(mention.name):
        return mention.name + "."
    return mention.name


def link(text: Text, found: Mentions) -> Mentions:
    """Merge mentions of one person, attach titles and details.

    "Phát biểu, ông Trần Thanh Liêm, Ủy viên Thường vụ Tỉnh ủy, Phó Chủ tịch Thường trực UBND
    tỉnh … Ông Liêm nhấn mạnh …" with the Person mentions "Trần Thanh Liêm" and "Liêm" becomes
    one Person(name="Trần Thanh Liêm", honorific="ông", gender="male", mentions=(both spans),
    titles=("Ủy viên Thường vụ Tỉnh ủy", "Phó Chủ tịch Thường trực UBND tỉnh")).
    """
    if not found.persons and not found.titles:
        return found
    s = text.normalized
    found = _names_out_of_organizations(text, found)
    mentions = _named(_not_titles(s, _mentions(text, found.persons), found.titles))
    clusters = _cluster(mentions, s)
    owner: dict[int, int] = {}
    position = {(m.start, m.end): i for i, m in enumerate(mentions)}
    for ci, c in enumerate(clusters):
        for m in c.mentions:
            owner[position[(m.start, m.end)]] = ci
    titles = _refine_titles(text, found, mentions)
    attached = _attach(text, mentions, owner, titles)
    persons: list[Person] = []
    for ci, c in enumerate(clusters):
        full = c.full
        first_full = min(
            (m for m in c.mentions if _words(m.name) == _words(full.name)), key=lambda m: m.start
        )
        honorific = first_full.honorific or (c.honorifics[0] if c.honorifics else None)
        details = _details(s, c)
        persons.append(
            Person(
                text=s[first_full.start : first_full.end],
                start=first_full.start,
                end=first_full.end,
                name=_written_name(s, full),
                honorific=honorific,
                titles=_dedupe(attached.get(ci, [])),
                mentions=tuple(sorted((m.start, m.end) for m in c.mentions)),
                **details,  # type: ignore[arg-type]
            )
        )
    persons.sort(key=lambda p: p.start)
    return attrs.evolve(found, persons=tuple(persons), titles=tuple(titles))
