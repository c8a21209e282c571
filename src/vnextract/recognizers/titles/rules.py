"""The rules applied to each title the grammar finds, in the order of :data:`TITLE_RULES`.

A title starts as its role ("Giám đốc", "học sinh", "PGS.TS"). Each rule is a name, an example
of what it matches, what it produces and a function ``apply(found) -> bool``: True when it
applied (it may have moved the title's end, set or widened its organisation, or dropped the
title), False when it did not. Every rule is tried, in order, until one drops the title. The
organisation itself is read by the rules of :mod:`vnextract.recognizers.titles.reader`.

Each rule is exercised by a case of ``fixtures/titles/*.jsonl`` that names it in its ``rules``
field (tests/test_named_rules.py fails when a rule is named by no case).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import NamedTuple

import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon import places, word_class
from vnextract.lexicon.names import honorifics_where
from vnextract.lexicon.words import alternation
from vnextract.recognizers.titles.grammar import (
    GANG_ROLES,
    MODIFIERS,
    POSTED_ROLES,
    STUDENT_ROLES,
    UNIT_ROLES,
    Modifier,
    is_cap,
    role_kind,
)
from vnextract.recognizers.titles.reader import Words, read_organization
from vnextract.text import Text
from vnextract.text.spelling import looks_foreign


class Found:
    """One title being read: the role the grammar matched and what the rules made of it."""

    __slots__ = (
        "dropped", "end", "key", "kind", "m", "modifier", "no_org", "org", "s", "text", "token_starts",
        "trace",
    )  # fmt: skip

    def __init__(
        self,
        text: Text,
        m: regex.Match[str],
        token_starts: list[int],
        trace: list[str] | None = None,
    ) -> None:
        self.text = text
        self.s = text.normalized
        self.m = m
        self.token_starts = token_starts  # where each of the text's underthesea words starts
        self.trace = trace
        #: the role as a lexicon key ("phó chủ tịch thường trực") and its kind ("rank", "case" …)
        self.key = " ".join(m.group("role").split()).casefold()
        self.kind = role_kind(m.group("role"))
        modifier = m.group("modifier")
        self.modifier: Modifier | None = MODIFIERS.get(modifier.casefold()) if modifier else None
        self.end = m.end("role")  # where the title ends so far
        self.no_org = False  # a name follows the role, not an organisation
        self.org: tuple[int, int] | None = None  # the organisation's span
        self.dropped = False  # not a title after all

    def read_organization(self, pos: int, *, unit: bool) -> tuple[int, int] | None:
        """The organisation read from ``pos`` (the window starts at the title's end)."""
        words = Words(self.text, self.token_starts, self.end)
        return read_organization(self.s, words, pos, unit=unit, trace=self.trace)


# Qualifiers of a pupil's or student's role: "lớp 2A" (class), "năm thứ 4" (4th year), "khóa 2019"
# (intake): grammar, with the ordinals of "năm thứ" (nhất = first … năm = fifth).
_STUDENT_QUALIFIER = lazy_compile(
    r"\s+(?:lớp\s+[\p{L}\p{N}/.\-]+|năm\s+thứ\s+(?:\d+|nhất|hai|ba|tư|năm)|khóa\s+[\p{N}\p{L}\-]+)"
)


def student_class(f: Found) -> bool:
    """The class belongs to a pupil's role: "học sinh lớp 2A", "sinh viên năm thứ 4"."""
    if f.key not in STUDENT_ROLES or not (q := _STUDENT_QUALIFIER.match(f.s, f.end)):
        return False
    f.end = q.end()
    return True


def name_follows(f: Found) -> bool:
    """A rank, a degree or a role in a case is followed by a name, not by an organisation:
    "Thiếu tá Dương Văn Tiến", "PGS.TS Lưu Văn An", "bị cáo Simo Fotso Victor" (but a gang's
    leader names the gang: "kẻ cầm đầu băng nhóm lừa đảo")."""
    if f.kind not in ("rank", "degree", "case") or f.key in GANG_ROLES:
        return False
    f.no_org = True
    return True


@functools.cache
def _country_then_name() -> regex.Pattern[str]:
    """" Tây Ban Nha" and the capitalised word after it: a country before a name."""
    countries = sorted(
        (" ".join(k) for k, p in places().items() if p.kind == "quốc gia"), key=len, reverse=True
    )
    alternation_ = "|".join(regex.escape(c) for c in countries)
    return regex.compile(rf" (?P<country>{alternation_}) (?P<next>\p{{Lu}}[\p{{L}}'’\-]*+)")


def country_before_name(f: Found) -> bool:
    """A rank or a case role, its country, then a foreign name: the country goes with the
    title ("Thẩm phán Tây Ban Nha Alvaro Marquez", "Đại tá Nga Ivan Petrov"); not before a
    Vietnamese syllable ("bị cáo Anh Tuấn": Anh is a given name there)."""
    if not f.no_org or f.kind == "degree" or not (m := _country_then_name().match(f.s, f.end)):
        return False
    if not looks_foreign(m.group("next")):
        return False
    f.org = m.span("country")
    return True


@functools.cache
def _national_team() -> regex.Pattern[str]:
    """ " đội tuyển bóng đá nữ", " tuyển Đức", " đội tuyển quốc gia Pháp": a national team
    (word class national_team), the words that say which one (team_descriptor; an age group
    "U23"), then its country."""
    countries = sorted(
        (" ".join(k) for k, p in places().items() if p.kind == "quốc gia"), key=len, reverse=True
    )
    return regex.compile(
        rf"""[ ](?P<team>(?:{alternation("national_team")})
            (?P<which>(?:[ ](?:{alternation("team_descriptor")}|U\.?\d{{2}}))*+)
            (?P<country>[ ](?:{"|".join(regex.escape(c) for c in countries)}))?)
            (?![\p{{L}}\p{{N}}])""",
        regex.VERBOSE,
    )


def national_team(f: Found) -> bool:
    """A player's or a coach's national team is the organisation: "trung vệ đội tuyển Anh",
    "HLV đội tuyển bóng đá nữ", "tiền đạo tuyển Đức" (LOC on the country by the
    guideline; the title takes the whole team)."""
    if f.kind != "sport" or f.no_org or f.org is not None:
        return False
    m = _national_team().match(f.s, f.end)
    if m is None or not (m.group("which") or m.group("country")):
        return False  # "HLV đội tuyển" alone says no team
    f.org = m.span("team")
    return True


def organization_after(f: Found) -> bool:
    """The organisation written right after the role, one space between: "Giám đốc Sở Xây dựng
    TP.HCM" (read by the organisation reader's rules)."""
    if f.no_org or f.org is not None or not (f.s.startswith(" ", f.end) and not f.s.startswith("  ", f.end)):
        return False
    # a unit's or an owner's role may first name its unit in plain words ("trùm ngành viễn thông")
    f.org = f.read_organization(f.end + 1, unit=f.key in UNIT_ROLES or f.kind == "owner")
    return f.org is not None


# ", trường TH-THCS Nguyễn Du": a pupil's school after the class, behind a comma.
_SCHOOL_AFTER_COMMA = lazy_compile(r",\s*(?=(?i:" + alternation("school_word", r"\s+") + r")(?!\p{L}))")


def school_after_comma(f: Found) -> bool:
    """A pupil's school behind a comma: "học sinh lớp 2A, trường TH-THCS Nguyễn Du"."""
    if f.no_org or f.org is not None or f.key not in STUDENT_ROLES:
        return False
    if not (comma := _SCHOOL_AFTER_COMMA.match(f.s, f.end)):
        return False
    f.org = f.read_organization(comma.end(), unit=False)
    return f.org is not None


# A title opening a bracketed aside or a part of it after a comma: "Hà Tiến Danh (nguyên kế
# toán trưởng …", "Chu Quang Việt (25 tuổi, Giám đốc …", "(Chủ nhiệm HTX …, kiêm tổ trưởng …".
_ASIDE_OPEN = lazy_compile(r"\((?:[^()\n]{1,80}?,[ \t]*(?:kiêm[ \t]+)?)?$")
# The rest of that aside up to its closing bracket or next comma: the organisation goes on to
# there, whatever its case ("Công ty chế biến thủy sản và xuất nhập khẩu Cà Mau)").
_ASIDE_REST = lazy_compile(r"[^()\n,;:]{1,90}?(?=[ \t]*[),;])")
#: Words that end a title's organisation inside an aside: what follows is another detail
#: ("(nguyên giám đốc Sở Tài chính từ năm 2001)", "(Phó giám đốc Sở, bị phạt 3 năm tù)").
_ASIDE_STOPS = word_class("aside_stop")
#: At most this many words go on an organisation inside an aside.
_ASIDE_MAX_WORDS = 14


def aside_rest(f: Found) -> bool:
    """A title opening a bracketed aside takes the rest of the aside as its organisation:
    "(Giám đốc Công ty chế biến thủy sản và xuất nhập khẩu Cà Mau)"; not when the rest says
    something else ("(nguyên Giám đốc Sở Tài chính từ năm 2001)")."""
    if f.org is None:
        return False
    s, title_start, org_end = f.s, f.m.start(), f.org[1]
    if _ASIDE_OPEN.search(s, max(0, title_start - 90), title_start) is None:
        return False
    rest = _ASIDE_REST.match(s, org_end)
    if rest is None or not rest.group().strip():
        return False
    words = rest.group().split()
    if len(words) > _ASIDE_MAX_WORDS or any(w.casefold() in _ASIDE_STOPS for w in words):
        return False
    f.org = (f.org[0], rest.end())
    return True


# " tại Mỹ", " tại Hoa Kỳ": the host country (capitalised words; a name after it is cut later).
_POSTED_AT = lazy_compile(r" tại (?:\p{Lu}[\p{L}\-]*+)(?: \p{Lu}[\p{L}\-]*+)*+")


def posted_abroad(f: Found) -> bool:
    """A role posted abroad takes the host country: "Đại sứ Việt Nam tại Mỹ"."""
    if f.org is None or f.key not in POSTED_ROLES or not (posted := _POSTED_AT.match(f.s, f.org[1])):
        return False
    f.org = (f.org[0], posted.end())
    return True


def owner_of_named_business(f: Found) -> bool:
    """ "chủ" (owner) is a title only before a named business: "chủ Công ty X"; dropped
    otherwise ("chủ nhà", "chủ xe")."""
    if f.key != "chủ" or (f.org is not None and is_cap(f.s[f.org[0]])):
        return False
    f.dropped = True
    return True


# "ông chủ", "bà chủ" (the boss, the owner): an honorific right before "chủ" (honorifics.tsv,
# the rows with boss=yes).
_HONORIFIC_BEFORE = lazy_compile(
    rf"(?<![\p{{L}}])(?i:{'|'.join(sorted(honorifics_where('boss')))})\s+$"
)


def boss(f: Found) -> bool:
    """ "ông chủ" (the boss) is a noun for a person, not a position he holds: dropped."""
    m = f.m
    if f.key != "chủ" or m.group("modifier") is not None:
        return False
    if not _HONORIFIC_BEFORE.search(f.s, max(0, m.start() - 5), m.start()):
        return False
    f.dropped = True
    return True


class TitleRule(NamedTuple):
    name: str
    example: str  # what it matches, as written in news
    #: "role" (the role goes on), "no organisation", "organisation", "dropped"
    produces: str
    apply: Callable[[Found], bool]


#: The order, in one place: each rule sees what the rules before it made of the title.
TITLE_RULES: tuple[TitleRule, ...] = (
    TitleRule("student_class", "học sinh lớp 2A", "role", student_class),
    TitleRule("name_follows", "Thiếu tá Dương Văn Tiến", "no organisation", name_follows),
    TitleRule(
        "country_before_name", "Thẩm phán Tây Ban Nha Alvaro Marquez", "organisation", country_before_name
    ),
    TitleRule("national_team", "trung vệ đội tuyển Anh", "organisation", national_team),
    TitleRule("organization_after", "Giám đốc Sở Xây dựng TP.HCM", "organisation", organization_after),
    TitleRule("school_after_comma", "học sinh lớp 2A, trường THCS X", "organisation", school_after_comma),
    TitleRule("aside_rest", "(Giám đốc Công ty chế biến thủy sản Cà Mau)", "organisation", aside_rest),
    TitleRule("posted_abroad", "Đại sứ Việt Nam tại Mỹ", "organisation", posted_abroad),
    TitleRule("owner_of_named_business", "chủ Công ty X; not chủ nhà", "dropped", owner_of_named_business),
    TitleRule("boss", "ông chủ", "dropped", boss),
)
