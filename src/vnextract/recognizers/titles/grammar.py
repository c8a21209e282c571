"""The title grammar: roles, modifiers and degrees compiled from the data files, the words an
organisation reading stops at, and where in a text a title can start.

Lexicons (through :mod:`vnextract.lexicon`): ``data/roles.tsv`` (the rows with ``title=yes``),
``data/title_abbreviations.tsv`` (GS, PGS, TS …), ``data/organization_heads.tsv``,
``data/entity_stopwords.tsv``, ``data/place_prefixes.tsv`` and ``data/word_classes.tsv``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from types import MappingProxyType
from typing import Literal, NamedTuple

import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon import load_tsv, place_prefixes, title_roles, word_class
from vnextract.lexicon.organizations import title_reader_heads
from vnextract.lexicon.roles import roles_with
from vnextract.text.fast_classes import only_fast_chars, spelled

Modifier = Literal["former", "acting", "new", "late"]

#: nguyên/cựu = former, quyền = acting, tân = newly appointed, cố = the late (deceased holder:
#: "cố Thủ tướng Võ Văn Kiệt"): grammar, the five words a title's modifier is one of, each
#: with its meaning.
MODIFIERS: MappingProxyType[str, Modifier | None] = MappingProxyType(
    {"nguyên": "former", "cựu": "former", "quyền": "acting", "tân": "new", "cố": "late"}
)

# Word lists are data (vnextract/data, read through vnextract.lexicon): roles.tsv says which
# roles read their organisation in which way, word_classes.tsv holds the classes below.

#: Roles in a case that name the gang or ring led: "kẻ cầm đầu băng nhóm lừa đảo" (the
#: ringleader of the fraud gang), "đối tượng cầm đầu đường dây" (of the ring).
GANG_ROLES = roles_with("gang")

#: Roles whose organisation is a unit named by plain lowercase words: "trưởng phòng cấp chủ
#: quyền nhà Sở Xây dựng", "trùm ngành viễn thông", "vua thép".
UNIT_ROLES = roles_with("unit")
#: Pupils and students carry their class and school: "học sinh lớp 2A, trường TH-THCS Nguyễn Du".
STUDENT_ROLES = roles_with("student")
#: Roles posted abroad, named with the host country: "Đại sứ Việt Nam tại Mỹ".
POSTED_ROLES = roles_with("posted")

#: Lowercase words that name an organisational unit and take a plain-word description after
#: them ("khoa chính trị học" = the political science faculty; "ngành viễn thông" = telecoms).
LOWER_UNIT_HEADS = word_class("lower_unit_head")

#: Heads that, written in lowercase, are mostly ordinary words ("bộ" = set, "vụ" = case, "tổ" =
#: group, "báo" = to report, "hội" = festival): not an organisation head when lowercase.
AMBIGUOUS_LOWER_HEADS = word_class("ambiguous_lower_head")

#: At most this many plain lowercase words describe a unit between any role and a capitalised
#: name ("Cục trưởng thú y Bùi Quang Anh", "Phó phòng kinh doanh Lê Văn Hòa").
PLAIN_UNIT_WORDS = 3

#: Characters that close a clause right after an organisation's plain-word description.
CLAUSE_ENDS = frozenset(".,;:)\n")

#: Heads of small units whose plain-word description may end the name: "Tổ hợp tác sản xuất",
#: "Phòng kinh doanh", "Ban quản lý dự án".
UNIT_HEADS = word_class("small_unit_head")

#: Administrative units that can stand for their People's Committee after a role ("Chủ tịch
#: xã Tiên Cẩm" = chairman of the commune) or close an organisation ("UBND tỉnh").
ADMIN_WORDS = tuple(" ".join(k) for k, p in place_prefixes().items() if p.after_role)

#: Extra words that end an organisation reading beyond the entity stopwords.
EXTRA_STOPS = word_class("title_org_stop")

#: Entity stopwords that still occur inside plain-word unit names: "khoa chính trị học",
#: "phòng cấp chủ quyền nhà", "Sở Giao thông".
UNIT_WORDS = word_class("unit_name_word")

# ----------------------------------------------------------------------------- lexicons


def _alternation(words: list[str]) -> str:
    """A regex alternation, longest first so "Phó Chủ tịch Thường trực" beats "Phó Chủ tịch"."""
    unique = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in unique)


class Lexicon(NamedTuple):
    title: regex.Pattern[str]
    org_head: regex.Pattern[str]
    lower_head: regex.Pattern[str]
    admin: regex.Pattern[str]
    stop: regex.Pattern[str]
    kinds: MappingProxyType[str, str]
    abbreviations: MappingProxyType[str, str]
    #: casefolded syllables a title can start with (its modifier, role or degree)
    first_syllables: frozenset[str]
    #: casefolded one-word roles, and the first two syllables of longer roles: a cheap necessary
    #: condition checked before the (slow, large) title pattern is tried at a syllable
    single_roles: frozenset[str]
    role_pairs: frozenset[tuple[str, str]]
    #: casefolded modifiers and degree abbreviations: always try the pattern after them
    always_try: frozenset[str]


@functools.cache
def lexicon() -> Lexicon:
    """Compile the title grammar from the data files (once per process)."""
    roles = list(title_roles())  # with "Phó " + each deputy role
    kinds = {role.casefold(): kind for role, kind in title_roles().items()}
    academic = {row["abbreviation"]: row["expansion"] for row in load_tsv("title_abbreviations.tsv")}
    academic_one = _alternation(list(academic))
    heads = list(title_reader_heads())
    stops = [row["word"] for row in load_tsv("entity_stopwords.tsv")] + list(EXTRA_STOPS)
    # Words that end a name but occur inside plain-word unit names ("khoa chính trị học").
    stops = [w for w in stops if w not in UNIT_WORDS]
    title = lazy_compile(
        rf"""
        (?<![\p{{L}}\p{{N}}])
        (?:(?P<modifier>(?i:{_alternation(list(MODIFIERS))}))\s+)?  # former, acting, new, the late
        (?P<role>
            (?:(?i:{_alternation([r for r in roles if not r.isupper()])})
              |{_alternation([r for r in roles if r.isupper()])}  # HLV, VĐV, MC: as written
            )
            # grammar: standing / in charge of / first, the three words that go on any role
            (?:\s+(?i:thường\s+trực|phụ\s+trách|thứ\s+nhất))?
          | (?:{academic_one})(?:\s?[.,]\s?(?:{academic_one}))*+   # PGS.TS, GS.TSKH, ThS.BS
        )
        (?![\p{{L}}\p{{N}}])
        """,
        regex.VERBOSE,
    )
    return Lexicon(
        title=title,
        org_head=lazy_compile(rf"(?i:{_alternation(heads)})(?![\p{{L}}\p{{N}}])"),
        lower_head=lazy_compile(rf"(?i:{_alternation(list(LOWER_UNIT_HEADS))})(?![\p{{L}}\p{{N}}])"),
        admin=lazy_compile(rf"(?:{_alternation(list(ADMIN_WORDS))})(?![\p{{L}}\p{{N}}])"),
        stop=lazy_compile(rf"(?i:{_alternation(stops)})(?![\p{{L}}\p{{N}}])"),
        kinds=MappingProxyType(kinds),
        abbreviations=MappingProxyType(academic),
        first_syllables=frozenset(
            [r.split()[0].casefold() for r in roles]
            + [a.casefold() for a in academic]
            + list(MODIFIERS)
        ),
        single_roles=frozenset(r.casefold() for r in roles if len(r.split()) == 1),
        role_pairs=frozenset(
            (parts[0], parts[1]) for r in roles if len(parts := r.casefold().split()) >= 2
        ),
        always_try=frozenset([a.casefold() for a in academic] + list(MODIFIERS)),
    )


def role_kind(role: str) -> str | None:
    """The lexicon's kind of a role ("rank", "party", "case" …): role_kind("Đại tá") == "rank"."""
    lex = lexicon()
    key = " ".join(role.split()).casefold()
    if key in lex.kinds:
        return lex.kinds[key]
    first = regex.split(r"\s?[.,]\s?", role)[0]
    return "degree" if first in lex.abbreviations else None


# ----------------------------------------------------------------------------- words

_ABBREVIATION = lazy_compile(r"[\p{Lu}\p{N}][\p{Lu}\p{N}.&\-]*+")


def is_cap(word: str) -> bool:
    return word[:1].isupper()


def is_abbr(word: str) -> bool:
    return sum(c.isupper() for c in word) >= 2 and _ABBREVIATION.fullmatch(word) is not None


SYLLABLE = lazy_compile(r"[\p{L}\p{N}]++")


class Fast(NamedTuple):
    safe: re.Pattern[str]  # text made only of fast_classes.FAST_RANGES (and newlines)
    syllable: re.Pattern[str]  # SYLLABLE for the stdlib ``re`` (faster), on those characters


@functools.cache
def fast() -> Fast:
    ln = spelled(r"[\p{L}\p{N}]")
    return Fast(safe=only_fast_chars("\n"), syllable=re.compile(rf"[{ln}]++"))


def candidates(s: str) -> Iterator[regex.Match[str]]:
    """Title matches, tried only where a syllable can begin one (a dictionary look-up per
    syllable is far cheaper than a large alternation tried at every position)."""
    lex = lexicon()
    first, singles, pairs, always = lex.first_syllables, lex.single_roles, lex.role_pairs, lex.always_try
    syllables = fast().syllable if fast().safe.fullmatch(s) else SYLLABLE
    title, next_syllable = lex.title.match, syllables.search
    resume = 0
    for syllable in syllables.finditer(s):
        word = syllable.group().casefold()
        if word not in first or syllable.start() < resume:
            continue
        if word not in always and word not in singles:
            # a role of several words: its second syllable must follow ("học" alone is no title,
            # "học sinh" is) — the pattern, much slower than two set look-ups, is tried only then
            nxt = next_syllable(s, syllable.end())
            if nxt is None or (word, nxt.group().casefold()) not in pairs:
                continue
        m = title(s, syllable.start())
        if m is not None:
            resume = m.end()
            yield m
