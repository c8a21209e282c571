"""Recogniser: titles — positions, ranks, professions and roles in a case, with their organisation.

"Phó Chủ tịch Thường trực UBND tỉnh" → Title(role="Phó Chủ tịch Thường trực", organization="UBND tỉnh").
The recogniser finds every title in the text; the persons linker keeps those it can attach to a
person (a title nobody holds is dropped from the Document). The organisation here is our own
reading of the words after the role; the linker narrows it to an Organization record found next
to the role and cuts it before a person's name ("Giám đốc Sở TTTT Lai Xuân Thành").

Lexicons (through :mod:`vnextract.lexicon`): ``data/roles.tsv`` (the rows with ``title=yes``),
``data/title_abbreviations.tsv`` (GS, PGS, TS …), ``data/organization_heads.tsv``,
``data/entity_stopwords.tsv``, ``data/place_prefixes.tsv`` and ``data/word_classes.tsv``.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from types import MappingProxyType
from typing import Literal, NamedTuple

import regex

from vnextract.lexicon import load_tsv, place_prefixes, title_roles, word_class
from vnextract.lexicon.organizations import title_reader_heads
from vnextract.lexicon.roles import roles_with
from vnextract.recognizers.fast_classes import only_fast_chars, spelled
from vnextract.records import Title
from vnextract.text import Text

Modifier = Literal["former", "acting", "new", "late"]

#: nguyên/cựu = former, quyền = acting, tân = newly appointed, cố = the late (deceased holder:
#: "cố Thủ tướng Võ Văn Kiệt").
MODIFIERS: MappingProxyType[str, Modifier | None] = MappingProxyType(
    {"nguyên": "former", "cựu": "former", "quyền": "acting", "tân": "new", "cố": "late"}
)

# Word lists are data (vnextract/data, read through vnextract.lexicon): roles.tsv says which
# roles read their organisation in which way, word_classes.tsv holds the classes below.

#: Roles in a case that name the gang or ring led: "kẻ cầm đầu băng nhóm lừa đảo" (the
#: ringleader of the fraud gang), "đối tượng cầm đầu đường dây" (of the ring).
_GANG_ROLES = roles_with("gang")

#: Roles whose organisation is a unit named by plain lowercase words: "trưởng phòng cấp chủ
#: quyền nhà Sở Xây dựng", "trùm ngành viễn thông", "vua thép".
_UNIT_ROLES = roles_with("unit")
#: Pupils and students carry their class and school: "học sinh lớp 2A, trường TH-THCS Nguyễn Du".
_STUDENT_ROLES = roles_with("student")

#: Lowercase words that name an organisational unit and take a plain-word description after
#: them ("khoa chính trị học" = the political science faculty; "ngành viễn thông" = telecoms).
_LOWER_UNIT_HEADS = word_class("lower_unit_head")

#: Heads that, written in lowercase, are mostly ordinary words ("bộ" = set, "vụ" = case, "tổ" =
#: group, "báo" = to report, "hội" = festival): not an organisation head when lowercase.
_AMBIGUOUS_LOWER_HEADS = word_class("ambiguous_lower_head")

#: At most this many plain lowercase words describe a unit between any role and a capitalised
#: name ("Cục trưởng thú y Bùi Quang Anh", "Phó phòng kinh doanh Lê Văn Hòa").
_PLAIN_UNIT_WORDS = 3

#: Characters that close a clause right after an organisation's plain-word description.
_CLAUSE_ENDS = frozenset(".,;:)\n")

#: Heads of small units whose plain-word description may end the name: "Tổ hợp tác sản xuất",
#: "Phòng kinh doanh", "Ban quản lý dự án".
_UNIT_HEADS = word_class("small_unit_head")

#: Administrative units that can stand for their People's Committee after a role ("Chủ tịch
#: xã Tiên Cẩm" = chairman of the commune) or close an organisation ("UBND tỉnh").
_ADMIN_WORDS = tuple(" ".join(k) for k, p in place_prefixes().items() if p.after_role)

#: Extra words that end an organisation reading beyond the entity stopwords.
_EXTRA_STOPS = word_class("title_org_stop")

#: Entity stopwords that still occur inside plain-word unit names: "khoa chính trị học",
#: "phòng cấp chủ quyền nhà", "Sở Giao thông".
_UNIT_WORDS = word_class("unit_name_word")

# ----------------------------------------------------------------------------- lexicons


def _alternation(words: list[str]) -> str:
    """A regex alternation, longest first so "Phó Chủ tịch Thường trực" beats "Phó Chủ tịch"."""
    unique = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in unique)


class _Lexicon(NamedTuple):
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
def lexicon() -> _Lexicon:
    """Compile the title grammar from the data files (once per process)."""
    roles = list(title_roles())  # with "Phó " + each deputy role
    kinds = {role.casefold(): kind for role, kind in title_roles().items()}
    academic = {row["abbreviation"]: row["expansion"] for row in load_tsv("title_abbreviations.tsv")}
    academic_one = _alternation(list(academic))
    heads = list(title_reader_heads())
    stops = [row["word"] for row in load_tsv("entity_stopwords.tsv")] + list(_EXTRA_STOPS)
    # Words that end a name but occur inside plain-word unit names ("khoa chính trị học").
    stops = [w for w in stops if w not in _UNIT_WORDS]
    title = regex.compile(
        rf"""
        (?<![\p{{L}}\p{{N}}])
        (?:(?P<modifier>(?i:{_alternation(list(MODIFIERS))}))\s+)?  # former, acting, new, the late
        (?P<role>
            (?:(?i:{_alternation([r for r in roles if not r.isupper()])})
              |{_alternation([r for r in roles if r.isupper()])}  # HLV, VĐV, MC: as written
            )
            (?:\s+(?i:thường\s+trực|phụ\s+trách|thứ\s+nhất))?  # standing / in charge of / first
          | (?:{academic_one})(?:\s?[.,]\s?(?:{academic_one}))*+   # PGS.TS, GS.TSKH, ThS.BS
        )
        (?![\p{{L}}\p{{N}}])
        """,
        regex.VERBOSE,
    )
    return _Lexicon(
        title=title,
        org_head=regex.compile(rf"(?i:{_alternation(heads)})(?![\p{{L}}\p{{N}}])"),
        lower_head=regex.compile(rf"(?i:{_alternation(list(_LOWER_UNIT_HEADS))})(?![\p{{L}}\p{{N}}])"),
        admin=regex.compile(rf"(?:{_alternation(list(_ADMIN_WORDS))})(?![\p{{L}}\p{{N}}])"),
        stop=regex.compile(rf"(?i:{_alternation(stops)})(?![\p{{L}}\p{{N}}])"),
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

# One syllable-like chunk: letters/digits with inner . & - ' ("TP.HCM", "GD&ĐT", "Li-băng",
# "R.Hariri"), or one punctuation character.
_WORD = regex.compile(r"[\p{L}\p{N}]++(?:[.&'’\-][\p{L}\p{N}]++)*+|\S")
_ABBREVIATION = regex.compile(r"[\p{Lu}\p{N}][\p{Lu}\p{N}.&\-]*+")


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _is_abbr(word: str) -> bool:
    return sum(c.isupper() for c in word) >= 2 and _ABBREVIATION.fullmatch(word) is not None


class _Words:
    """The syllables of a window of the text, and which of them underthesea joined into one word.

    Only the words after a role are ever read, so the window is built per title (linear work).
    """

    #: how far after a role an organisation name may reach
    WINDOW = 160

    def __init__(
        self,
        text: Text,
        token_starts: list[int],
        start: int,
        word: regex.Pattern[str] | re.Pattern[str] = _WORD,
    ) -> None:
        s = text.normalized
        end = min(len(s), start + self.WINDOW)
        self.spans: list[tuple[int, int]] = [m.span() for m in word.finditer(s, start, end)]
        self.starts = [a for a, _ in self.spans]
        self._token_starts = token_starts
        self._tokens = text.tokens
        self.text = s

    def token_of(self, i: int) -> int:
        """Index of the underthesea token that contains syllable ``i`` (or -1); computed only
        when asked (most windows never need it)."""
        a, b = self.spans[i]
        k = bisect.bisect_right(self._token_starts, a) - 1
        return k if k >= 0 and self._tokens[k].end >= b else -1

    def index_at(self, pos: int) -> int:
        """Index of the first syllable starting at or after ``pos``."""
        return bisect.bisect_left(self.starts, pos)

    def word(self, i: int) -> str:
        a, b = self.spans[i]
        return self.text[a:b]


def _same_line_gap(s: str, a: int, b: int) -> bool:
    """Only spaces between a and b (no newline, no punctuation)."""
    return a <= b and (a == b or (s[a:b].isspace() and "\n" not in s[a:b]))


def read_organization(text: str, words: _Words, pos: int, *, unit: bool = False) -> tuple[int, int] | None:
    """Our reading of the organisation that starts at ``pos`` (after a role), as (start, end).

    "Sở Xây dựng TP.HCM: …" → the span of "Sở Xây dựng TP.HCM"; "khoa chính trị học." → "khoa
    chính trị học"; "đã biểu dương" → None. ``unit`` lets plain lowercase words describe the unit
    first ("trưởng phòng cấp chủ quyền nhà Sở Xây dựng").
    """
    reader = _OrganizationReader(text, words)
    return reader.read(pos, unit=unit)


def organization_at(text: Text, pos: int) -> tuple[int, int] | None:
    """:func:`read_organization` at ``pos`` of a Text: "Khoa Hồi sức cấp cứu Bệnh viện Chợ Rẫy,
    cho biết" → the span of "Khoa Hồi sức cấp cứu Bệnh viện Chợ Rẫy"."""
    return read_organization(text.normalized, _Words(text, [t.start for t in text.tokens], pos), pos)


class _OrganizationReader:
    """Reads an organisation name syllable by syllable; see :func:`read_organization`."""

    def __init__(self, s: str, words: _Words) -> None:
        self.s = s
        self.words = words
        self.lex = lexicon()

    def same_word(self, k: int) -> bool:
        """Whether syllable ``k`` is in the same underthesea word as the one before it."""
        token = self.words.token_of(k)
        return token >= 0 and token == self.words.token_of(k - 1)

    def joined_to_capital(self, k: int) -> bool:
        """Whether syllable ``k`` and the capitalised one before it are one underthesea word."""
        if k == 0 or not _is_cap(self.words.word(k - 1)):
            return False
        token = self.words.token_of(k)
        return token >= 0 and token == self.words.token_of(k - 1)

    def stop_at(self, k: int) -> bool:
        return self.lex.stop.match(self.s, self.words.spans[k][0]) is not None

    def is_name_word(self, k: int) -> bool:
        w = self.words.word(k)
        return (_is_cap(w) or _is_abbr(w)) and self.lex.title.match(self.s, self.words.spans[k][0]) is None

    def description(self, i: int, end: int, limit: int) -> int:
        """Index after up to ``limit`` plain lowercase words starting at syllable ``i``."""
        s, words, k = self.s, self.words, i
        while k < len(words.spans) and k - i < limit:
            w = words.word(k)
            a = words.spans[k][0]
            prev_end = words.spans[k - 1][1] if k > i else end
            if not _same_line_gap(s, prev_end, a) or self.is_admin_unit(k):
                break
            if self.stop_at(k) and not (k > i and self.same_word(k)):
                break  # a stop word, unless it ends the word begun before it ("cấp cứu")
            if not (w[:1].islower() and w.isalpha()):
                break
            k += 1
        return k

    def is_admin_unit(self, k: int) -> bool:
        """An admin word standing as a unit ("xã Tiên Cẩm", "UBND tỉnh đã"), not a word part
        ("xã hội" = society)."""
        m = self.lex.admin.match(self.s, self.words.spans[k][0])
        if m is None:
            return False
        nxt = self.words.index_at(m.end())
        if nxt >= len(self.words.spans):
            return True
        w = self.words.word(nxt)
        return not (w[:1].islower() and w.isalpha() and not self.stop_at(nxt))

    def followed_by_name(self, k: int, after: int) -> bool:
        words = self.words
        return k < len(words.spans) and _same_line_gap(self.s, after, words.spans[k][0]) and (
            self.is_name_word(k) or self.lex.org_head.match(self.s, words.spans[k][0]) is not None
        )

    def read(self, pos: int, *, unit: bool) -> tuple[int, int] | None:
        s, words, lex = self.s, self.words, self.lex
        n = len(words.spans)
        i = words.index_at(pos)
        if i >= n or not _same_line_gap(s, pos, words.spans[i][0]):
            return None
        start = end = words.spans[i][0]
        if unit and words.word(i)[:1].islower() and not lex.lower_head.match(s, start):
            # "trưởng phòng cấp chủ quyền nhà Sở Xây dựng", "trùm ngành viễn thông", "vua thép"
            k = self.description(i, start, 8)
            if k > i:
                end, i = words.spans[k - 1][1], k
        elif words.word(i)[:1].islower() and not lex.lower_head.match(s, start):
            # a plain-word unit right before a name: "Cục trưởng thú y Bùi Quang Anh" (= Cục Thú
            # y), "Giám đốc điều hành Công ty X"; never a verb or function word ("cho biết")
            k = self.description(i, start, _PLAIN_UNIT_WORDS)
            if (
                k > i
                and self.followed_by_name(k, words.spans[k - 1][1])
                # not another role: "công nhân xây mộ vua Pharaông" (vua = king)
                and not any(lex.title.match(s, words.spans[j][0]) for j in range(i, k))
            ):
                end, i = words.spans[k - 1][1], k
        while i < n:
            a, b = words.spans[i]
            if end > start and not _same_line_gap(s, end, a):
                break
            w = words.word(i)
            prev_in = end > start and i > 0 and end == words.spans[i - 1][1]
            head = lex.org_head.match(s, a) or lex.lower_head.match(s, a)
            if head and head.group()[:1].islower() and head.group().casefold() in _AMBIGUOUS_LOWER_HEADS \
                    and not (unit and end == start):
                head = None
            if head is not None and (end == start or head.group()[:1].isupper()):
                # a head ("Sở", "Công ty", "khoa") and the plain words describing it ("Công ty địa
                # ốc Hùng Vương", "Trung tâm điện máy Lộc Lê", "khoa chính trị học")
                end, i = head.end(), words.index_at(head.end())
                k = self.description(i, end, 8)
                if k > i:
                    after = words.spans[k - 1][1]
                    named = self.followed_by_name(k, after) and k - i <= 4
                    # "Tổng cục giáo dục nghề nghiệp.": the plain words end the clause
                    closed = k - i <= 4 and s[after : after + 1] in _CLAUSE_ENDS
                    unit_head = head.group()[:1].islower() or head.group().casefold() in _UNIT_HEADS
                    if named or closed or unit_head:
                        end, i = after, k
                continue
            if self.is_name_word(i):
                end = b
            elif w[:1].isdigit() and prev_in and w.isalnum():
                end = b  # "Trung ương 1", "GTVT 3"
            elif (m := lex.admin.match(s, a)) is not None:
                nxt = words.index_at(m.end())
                if nxt < n and _is_cap(words.word(nxt)) and _same_line_gap(s, m.end(), words.spans[nxt][0]):
                    end, i = m.end(), nxt  # "tỉnh Thanh Hóa", "xã Tiên Cẩm"
                    continue
                if nxt < n and words.word(nxt)[:1].islower() and not self.stop_at(nxt):
                    break  # not a unit: "xã hội" (society), "tỉnh táo" (alert)
                if end == start or s[a:m.end()][:1].isupper():
                    end = m.end()  # "Chủ tịch tỉnh"
                elif prev_in:
                    end = m.end()  # "UBND tỉnh", "Công an huyện": the unit of the place in context
                break
            elif w in ("và", "&") and prev_in and i + 1 < n and self.is_name_word(i + 1):
                end, i = words.spans[i + 1][1], i + 2  # "Báo chí và Tuyên truyền"
                continue
            elif w in ("-", "–") and prev_in and i + 1 < n and s[end:a] == " " and self.is_name_word(i + 1):
                # "Phòng Cảnh sát PCCC - Công an TP.HCM", "Sở Kế hoạch - Đầu tư": one body
                end, i = words.spans[i][1], i + 1
                continue
            elif w[:1].islower() and w.isalpha() and prev_in and end > start and (
                not self.stop_at(i) or self.joined_to_capital(i)
            ):
                if self.joined_to_capital(i):
                    # "Xây dựng", "Tư pháp", "Đào tạo", "Dự báo": one word with a capitalised
                    # first syllable (even when its second syllable alone is a verb: "tạo", "báo")
                    end = b
                else:
                    # lowercase words bridging two parts of a name: "Phòng Thi hành án TP Cần Thơ"
                    k = self.description(i, end, 2)
                    if k == i or not self.followed_by_name(k, words.spans[k - 1][1]):
                        break
                    end, i = words.spans[k - 1][1], k
                    continue
            else:
                break
            i += 1
        if end <= start:
            return None
        return start, end


# ----------------------------------------------------------------------------- recogniser

# Qualifiers of a pupil's or student's role: "lớp 2A", "năm thứ 4", "khóa 2019".
_STUDENT_QUALIFIER = regex.compile(
    r"\s+(?:lớp\s+[\p{L}\p{N}/.\-]+|năm\s+thứ\s+(?:\d+|nhất|hai|ba|tư|năm)|khóa\s+[\p{N}\p{L}\-]+)"
)


_SYLLABLE = regex.compile(r"[\p{L}\p{N}]++")

class _Fast(NamedTuple):
    safe: re.Pattern[str]  # text made only of fast_classes.FAST_RANGES (and newlines)
    syllable: re.Pattern[str]  # _SYLLABLE for the stdlib ``re`` (faster), on those characters
    word: re.Pattern[str]  # _WORD for the stdlib ``re``, on those characters


@functools.cache
def _fast() -> _Fast:
    ln = spelled(r"[\p{L}\p{N}]")
    other = spelled(r"\S")
    return _Fast(
        safe=only_fast_chars("\n"),
        syllable=re.compile(rf"[{ln}]++"),
        word=re.compile(rf"[{ln}]++(?:[.&'’\-][{ln}]++)*+|[{other}]"),
    )


def _candidates(s: str) -> Iterator[regex.Match[str]]:
    """Title matches, tried only where a syllable can begin one (a dictionary look-up per
    syllable is far cheaper than a large alternation tried at every position)."""
    lex = lexicon()
    first, singles, pairs, always = lex.first_syllables, lex.single_roles, lex.role_pairs, lex.always_try
    syllables = _fast().syllable if _fast().safe.fullmatch(s) else _SYLLABLE
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


def recognize(text: Text) -> Iterator[Title]:
    """Yield every title in ``text.normalized`` with the organisation written after it.

    >>> from vnextract.text import Text
    >>> [t.text for t in recognize(Text.from_string("Phó Chủ tịch Thường trực UBND tỉnh đã phát biểu."))]
    ['Phó Chủ tịch Thường trực UBND tỉnh']
    """
    s = text.normalized
    token_starts = [t.start for t in text.tokens]
    word = _fast().word if _fast().safe.fullmatch(s) else _WORD
    for m in _candidates(s):
        role_start, role_end = m.span("role")
        key = " ".join(m.group("role").split()).casefold()
        modifier = MODIFIERS.get(m.group("modifier").casefold()) if m.group("modifier") else None
        end = role_end
        if key in _STUDENT_ROLES and (q := _STUDENT_QUALIFIER.match(s, end)):
            end = q.end()  # the class belongs to the role: "học sinh lớp 2A"
        kind = role_kind(m.group("role"))
        # A rank, a degree or a role in a case is followed by a name, not by an organisation:
        # "Thiếu tá Dương Văn Tiến", "PGS.TS Lưu Văn An", "bị cáo Simo Fotso Victor".
        no_org = kind in ("rank", "degree", "case") and key not in _GANG_ROLES
        org_span = None if no_org else _organization_after(text, token_starts, end, key, kind, word)
        if org_span is not None and (rest := _aside_rest(s, m.start(), org_span[1])) is not None:
            org_span = (org_span[0], rest)  # "(Giám đốc Công ty chế biến thủy sản và xuất nhập khẩu Cà Mau)"
        if org_span is not None and key in _POSTED_ROLES and (posted := _POSTED_AT.match(s, org_span[1])):
            org_span = (org_span[0], posted.end())  # "Đại sứ Việt Nam tại Mỹ"
        if key == "chủ" and (org_span is None or not _is_cap(s[org_span[0]])):
            continue  # "chủ" (owner) is a title only before a named business: "chủ Công ty X"
        if (
            key == "chủ"
            and m.group("modifier") is None
            and _HONORIFIC_BEFORE.search(s, max(0, m.start() - 5), m.start())
        ):
            continue  # "ông chủ" (the boss): a noun for a person, not a position he holds
        if org_span is not None:
            organization: str | None = s[org_span[0] : org_span[1]]
            role = s[role_start : org_span[0]].rstrip(" ,")
            end = org_span[1]
        else:
            organization, role = None, s[role_start:end]
        yield Title(
            text=s[m.start() : end],
            start=m.start(),
            end=end,
            role=role,
            organization=organization,
            modifier=modifier,
        )


# A title opening a bracketed aside or a part of it after a comma: "Hà Tiến Danh (nguyên kế
# toán trưởng …", "Chu Quang Việt (25 tuổi, Giám đốc …", "(Chủ nhiệm HTX …, kiêm tổ trưởng …".
_ASIDE_OPEN = regex.compile(r"\((?:[^()\n]{1,80}?,[ \t]*(?:kiêm[ \t]+)?)?$")
# The rest of that aside up to its closing bracket or next comma: the organisation goes on to
# there, whatever its case ("Công ty chế biến thủy sản và xuất nhập khẩu Cà Mau)").
_ASIDE_REST = regex.compile(r"[^()\n,;:]{1,90}?(?=[ \t]*[),;])")
#: Words that end a title's organisation inside an aside: what follows is another detail
#: ("(nguyên giám đốc Sở Tài chính từ năm 2001)", "(Phó giám đốc Sở, bị phạt 3 năm tù)").
_ASIDE_STOPS = word_class("aside_stop")
#: At most this many words go on an organisation inside an aside.
_ASIDE_MAX_WORDS = 14


def _aside_rest(s: str, title_start: int, org_end: int) -> int | None:
    """Where a title's organisation ends when the title opens a bracketed aside and the rest of
    the aside names the organisation: "(Giám đốc Công ty chế biến thủy sản và xuất nhập khẩu
    Cà Mau)" → the closing bracket; None when the title is not in an aside or the rest says
    something else ("(nguyên Giám đốc Sở, 3 năm tù)": the comma ends it there already)."""
    if _ASIDE_OPEN.search(s, max(0, title_start - 90), title_start) is None:
        return None
    rest = _ASIDE_REST.match(s, org_end)
    if rest is None or not rest.group().strip():
        return None
    words = rest.group().split()
    if len(words) > _ASIDE_MAX_WORDS or any(w.casefold() in _ASIDE_STOPS for w in words):
        return None
    return rest.end()


# "ông chủ", "bà chủ" (the boss, the owner): an honorific right before "chủ".
_HONORIFIC_BEFORE = regex.compile(r"(?<![\p{L}])(?i:ông|bà|cô|anh|chị)\s+$")

#: Roles posted abroad, named with the host country: "Đại sứ Việt Nam tại Mỹ".
_POSTED_ROLES = roles_with("posted")
# " tại Mỹ", " tại Hoa Kỳ": the host country (capitalised words; a name after it is cut later).
_POSTED_AT = regex.compile(r" tại (?:\p{Lu}[\p{L}\-]*+)(?: \p{Lu}[\p{L}\-]*+)*+")

# ", trường TH-THCS Nguyễn Du": a pupil's school after the class, behind a comma.
_SCHOOL_AFTER_COMMA = regex.compile(r",\s*(?=(?i:trường|THPT|THCS|ĐH|đại\s+học|học\s+viện)(?!\p{L}))")


def _organization_after(
    text: Text,
    token_starts: list[int],
    end: int,
    key: str,
    kind: str | None,
    word: regex.Pattern[str] | re.Pattern[str] = _WORD,
) -> tuple[int, int] | None:
    """The organisation read right after a role ending at ``end`` (one space between)."""
    s = text.normalized
    words = _Words(text, token_starts, end, word)
    if s.startswith(" ", end) and not s.startswith("  ", end):
        span = read_organization(s, words, end + 1, unit=key in _UNIT_ROLES or kind == "owner")
        if span is not None:
            return span
    if key in _STUDENT_ROLES and (comma := _SCHOOL_AFTER_COMMA.match(s, end)):
        return read_organization(s, words, comma.end())
    return None
