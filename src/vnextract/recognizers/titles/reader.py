"""The organisation written after a role, read syllable by syllable by named rules.

"Giám đốc Sở Xây dựng TP.HCM: …" → "Sở Xây dựng TP.HCM". :func:`read_organization` starts at
the first syllable after the role. One of the :data:`OPENING_RULES` may first take plain
lowercase words that describe a unit ("Cục trưởng thú y Bùi Quang Anh"); then, at each
syllable, the :data:`READER_RULES` are tried in order. A rule returns None when it does not
apply (the next rule is tried), True when the name goes on (the rule moved ``r.i`` and maybe
``r.end``), False when the name ends here; a syllable no rule takes ends it.

Each rule is exercised by a case of ``fixtures/titles/*.jsonl`` that names it ("org:<name>")
in its ``rules`` field (tests/test_named_rules.py).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import NamedTuple

from vnextract.recognizers.titles.grammar import (
    AMBIGUOUS_LOWER_HEADS,
    CLAUSE_ENDS,
    PLAIN_UNIT_WORDS,
    UNIT_HEADS,
    is_abbr,
    is_cap,
    lexicon,
)
from vnextract.text import Text
from vnextract.text.view import flat_syllables


class Words:
    """The syllables of the token view in a window after a role, and which of them underthesea
    joined into one word.

    Only the words after a role are ever read, so the window is cut per title out of the
    document's syllables (:func:`vnextract.text.view.flat_syllables`, built once per Text).
    """

    #: how far after a role an organisation name may reach
    WINDOW = 160

    def __init__(self, text: Text, token_starts: list[int], start: int) -> None:
        starts, syllables = flat_syllables(text)
        end = min(len(text.normalized), start + self.WINDOW)
        first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        while last > first and syllables[last - 1].end > end:
            last -= 1  # a syllable running past the window is left out
        self.spans: list[tuple[int, int]] = [(x.start, x.end) for x in syllables[first:last]]
        self.starts = starts[first:last]
        self._token_starts = token_starts
        self._tokens = text.tokens
        self.text = text.normalized

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


def same_line_gap(s: str, a: int, b: int) -> bool:
    """Only spaces between a and b (no newline, no punctuation)."""
    return a <= b and (a == b or (s[a:b].isspace() and "\n" not in s[a:b]))


class Reader:
    """One reading of an organisation name: where it starts and ends, the syllable at ``i``,
    and the predicates the rules share."""

    def __init__(self, s: str, words: Words, *, unit: bool, trace: list[str] | None = None) -> None:
        self.s = s
        self.words = words
        self.lex = lexicon()
        self.unit = unit  # the role takes plain lowercase words first (see roles.tsv "unit")
        self.trace = trace
        self.n = len(words.spans)
        self.i = 0
        self.start = self.end = 0
        # facts about syllable i, set by at()
        self.a = self.b = 0
        self.w = ""
        self.prev_in = False  # the name so far ends right at the syllable before i

    def at(self, i: int) -> None:
        self.i = i
        self.a, self.b = self.words.spans[i]
        self.w = self.words.word(i)
        self.prev_in = self.end > self.start and i > 0 and self.end == self.words.spans[i - 1][1]

    # ------------------------------------------------------------------ shared predicates

    def same_word(self, k: int) -> bool:
        """Whether syllable ``k`` is in the same underthesea word as the one before it."""
        token = self.words.token_of(k)
        return token >= 0 and token == self.words.token_of(k - 1)

    def joined_to_capital(self, k: int) -> bool:
        """Whether syllable ``k`` and the capitalised one before it are one underthesea word."""
        if k == 0 or not is_cap(self.words.word(k - 1)):
            return False
        token = self.words.token_of(k)
        return token >= 0 and token == self.words.token_of(k - 1)

    def stop_at(self, k: int) -> bool:
        return self.lex.stop.match(self.s, self.words.spans[k][0]) is not None

    def is_name_word(self, k: int) -> bool:
        w = self.words.word(k)
        return (is_cap(w) or is_abbr(w)) and self.lex.title.match(self.s, self.words.spans[k][0]) is None

    def is_plain_word(self, k: int) -> bool:
        """A lowercase word of letters only, not a unit head ("thú", "y"; not "khoa", "Sở")."""
        w = self.words.word(k)
        return w[:1].islower() and w.isalpha()

    def description(self, i: int, end: int, limit: int) -> int:
        """Index after up to ``limit`` plain lowercase words starting at syllable ``i``."""
        s, words, k = self.s, self.words, i
        while k < self.n and k - i < limit:
            w = words.word(k)
            a = words.spans[k][0]
            prev_end = words.spans[k - 1][1] if k > i else end
            if not same_line_gap(s, prev_end, a) or self.is_admin_unit(k):
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
        if nxt >= self.n:
            return True
        w = self.words.word(nxt)
        return not (w[:1].islower() and w.isalpha() and not self.stop_at(nxt))

    def followed_by_name(self, k: int, after: int) -> bool:
        words = self.words
        return k < self.n and same_line_gap(self.s, after, words.spans[k][0]) and (
            self.is_name_word(k) or self.lex.org_head.match(self.s, words.spans[k][0]) is not None
        )

    def lower_start(self) -> bool:
        """The first syllable is lowercase and no unit head ("thú y", not "khoa")."""
        return self.w[:1].islower() and not self.lex.lower_head.match(self.s, self.a)

    # ------------------------------------------------------------------ the reading

    def read(self, pos: int) -> tuple[int, int] | None:
        words = self.words
        i = words.index_at(pos)
        if i >= self.n or not same_line_gap(self.s, pos, words.spans[i][0]):
            return None
        self.start = self.end = words.spans[i][0]
        self.at(i)
        for rule in OPENING_RULES:
            applied = rule.apply(self)
            if applied is not None:
                if applied and self.trace is not None:
                    self.trace.append("org:" + rule.name)
                break
        while self.i < self.n:
            self.at(self.i)
            for rule in READER_RULES:
                goes_on = rule.apply(self)
                if goes_on is not None:
                    if self.trace is not None:
                        self.trace.append("org:" + rule.name)
                    break
            else:
                goes_on = False
            if not goes_on:
                break
        if self.end <= self.start:
            return None
        return self.start, self.end


# ----------------------------------------------------------------------------- opening rules
# Tried once, at the first syllable; the first whose condition holds is the only one tried
# (None: not this rule; True: it took words; False: it read nothing).


def unit_description(r: Reader) -> bool | None:
    """A role of a unit ("unit" in roles.tsv) takes up to 8 plain words naming it: "trưởng phòng
    cấp chủ quyền nhà Sở Xây dựng", "trùm ngành viễn thông", "vua thép"."""
    if not (r.unit and r.lower_start()):
        return None
    k = r.description(r.i, r.start, 8)
    if k == r.i:
        return False
    r.end, r.i = r.words.spans[k - 1][1], k
    return True


def plain_unit_before_name(r: Reader) -> bool | None:
    """Up to 3 plain words describe a unit right before a name: "Cục trưởng thú y Bùi Quang
    Anh" (= Cục Thú y), "Giám đốc điều hành Công ty X"; never a verb or function word ("cho
    biết"), nor another role ("công nhân xây mộ vua Pharaông": vua = king)."""
    if not r.lower_start():
        return None
    i, words = r.i, r.words
    k = r.description(i, r.start, PLAIN_UNIT_WORDS)
    if not (
        k > i
        and r.followed_by_name(k, words.spans[k - 1][1])
        and not any(r.lex.title.match(r.s, words.spans[j][0]) for j in range(i, k))
    ):
        return False
    r.end, r.i = words.spans[k - 1][1], k
    return True


# ----------------------------------------------------------------------------- rules at each syllable


def line_ends(r: Reader) -> bool | None:
    """A new line or punctuation between the name so far and this syllable ends it."""
    if r.end > r.start and not same_line_gap(r.s, r.end, r.a):
        return False
    return None


def head_with_description(r: Reader) -> bool | None:
    """A head ("Sở", "Công ty", "khoa") and the plain words describing it: "Công ty địa ốc Hùng
    Vương", "Trung tâm điện máy Lộc Lê", "khoa chính trị học", "Tổng cục giáo dục nghề nghiệp."."""
    s, lex, words = r.s, r.lex, r.words
    head = lex.org_head.match(s, r.a) or lex.lower_head.match(s, r.a)
    if head is None:
        return None
    first, name = head.group()[:1], head.group().casefold()
    if first.islower() and name in AMBIGUOUS_LOWER_HEADS and not (r.unit and r.end == r.start):
        return None  # "bộ" (set), "vụ" (case), "báo" (to report): ordinary words in lowercase
    if not (r.end == r.start or first.isupper()):
        return None
    r.end, i = head.end(), words.index_at(head.end())
    k = r.description(i, r.end, 8)
    r.i = i
    if k > i:
        after = words.spans[k - 1][1]
        named = r.followed_by_name(k, after) and k - i <= 4
        # the plain words end the clause: "Tổng cục giáo dục nghề nghiệp."
        closed = k - i <= 4 and s[after : after + 1] in CLAUSE_ENDS
        unit_head = first.islower() or name in UNIT_HEADS
        if named or closed or unit_head:
            r.end, r.i = after, k
    return True


def name_word(r: Reader) -> bool | None:
    """A capitalised word or abbreviation that is no role: "Xây", "TP.HCM", "TTTT"."""
    if not r.is_name_word(r.i):
        return None
    r.end, r.i = r.b, r.i + 1
    return True


def number_in_name(r: Reader) -> bool | None:
    """A number right after the name: "Trung ương 1", "GTVT 3"."""
    if not (r.w[:1].isdigit() and r.prev_in and r.w.isalnum()):
        return None
    r.end, r.i = r.b, r.i + 1
    return True


def admin_unit_with_place(r: Reader) -> bool | None:
    """An administrative unit and its capitalised name: "tỉnh Thanh Hóa", "xã Tiên Cẩm"."""
    m = r.lex.admin.match(r.s, r.a)
    if m is None:
        return None
    nxt = r.words.index_at(m.end())
    if not (nxt < r.n and is_cap(r.words.word(nxt)) and same_line_gap(r.s, m.end(), r.words.spans[nxt][0])):
        return None
    r.end, r.i = m.end(), nxt
    return True


def admin_unit_ends(r: Reader) -> bool | None:
    """An administrative unit without a name ends the organisation: "Chủ tịch tỉnh", "UBND
    tỉnh", "Công an huyện" (the unit of the place in context); not a unit at all before a plain
    word: "xã hội" (society), "tỉnh táo" (alert)."""
    m = r.lex.admin.match(r.s, r.a)
    if m is None:
        return None
    nxt = r.words.index_at(m.end())
    if nxt < r.n and r.words.word(nxt)[:1].islower() and not r.stop_at(nxt):
        return False
    if r.end == r.start or r.s[r.a : m.end()][:1].isupper() or r.prev_in:
        r.end = m.end()
    return False


def and_joins_names(r: Reader) -> bool | None:
    """ "và" or "&" between two capitalised parts: "Báo chí và Tuyên truyền"."""
    if not (r.w in ("và", "&") and r.prev_in and r.i + 1 < r.n and r.is_name_word(r.i + 1)):
        return None
    r.end, r.i = r.words.spans[r.i + 1][1], r.i + 2
    return True


def dash_joins_bodies(r: Reader) -> bool | None:
    """A spaced dash between two bodies: "Phòng Cảnh sát PCCC - Công an TP.HCM", "Sở Kế hoạch -
    Đầu tư"."""
    if not (
        r.w in ("-", "–")
        and r.prev_in
        and r.i + 1 < r.n
        and r.s[r.end : r.a] == " "
        and r.is_name_word(r.i + 1)
    ):
        return None
    r.end, r.i = r.b, r.i + 1
    return True


def joined_capital_word(r: Reader) -> bool | None:
    """The second syllable of one word begun by a capital: "Xây dựng", "Tư pháp", "Dự báo"
    (even when it is a verb alone: "tạo", "báo")."""
    if not (r.is_plain_word(r.i) and r.prev_in and r.joined_to_capital(r.i)):
        return None
    r.end, r.i = r.b, r.i + 1
    return True


def lowercase_bridge(r: Reader) -> bool | None:
    """Up to two plain words bridging two parts of a name: "Phòng Thi hành án TP Cần Thơ"; they
    end the name when no name follows them."""
    if not (r.is_plain_word(r.i) and r.prev_in and not r.stop_at(r.i)):
        return None
    k = r.description(r.i, r.end, 2)
    if k == r.i or not r.followed_by_name(k, r.words.spans[k - 1][1]):
        return False
    r.end, r.i = r.words.spans[k - 1][1], k
    return True


class ReaderRule(NamedTuple):
    name: str
    example: str  # what it matches, as written in news
    produces: str  # "goes on" (the name takes the words), "ends" (the name stops here)
    apply: Callable[[Reader], bool | None]


#: Tried at the first syllable after the role, before the others.
OPENING_RULES: tuple[ReaderRule, ...] = (
    ReaderRule("unit_description", "trùm ngành viễn thông", "goes on", unit_description),
    ReaderRule("plain_unit_before_name", "Cục trưởng thú y Bùi Quang Anh", "goes on", plain_unit_before_name),
)

#: Tried in this order at each syllable; the first that applies decides.
READER_RULES: tuple[ReaderRule, ...] = (
    ReaderRule("line_ends", "Sở Y tế\nHà Nội", "ends", line_ends),
    ReaderRule("head_with_description", "Công ty địa ốc Hùng Vương", "goes on", head_with_description),
    ReaderRule("name_word", "Sở Xây dựng TP.HCM", "goes on", name_word),
    ReaderRule("number_in_name", "Trung ương 1", "goes on", number_in_name),
    ReaderRule("admin_unit_with_place", "UBND tỉnh Thanh Hóa", "goes on", admin_unit_with_place),
    ReaderRule("admin_unit_ends", "Chủ tịch tỉnh", "ends", admin_unit_ends),
    ReaderRule("and_joins_names", "Báo chí và Tuyên truyền", "goes on", and_joins_names),
    ReaderRule("dash_joins_bodies", "Sở Kế hoạch - Đầu tư", "goes on", dash_joins_bodies),
    ReaderRule("joined_capital_word", "Sở Xây dựng", "goes on", joined_capital_word),
    ReaderRule("lowercase_bridge", "Phòng Thi hành án TP Cần Thơ", "goes on", lowercase_bridge),
)


def read_organization(
    text: str, words: Words, pos: int, *, unit: bool = False, trace: list[str] | None = None
) -> tuple[int, int] | None:
    """Our reading of the organisation that starts at ``pos`` (after a role), as (start, end).

    "Sở Xây dựng TP.HCM: …" → the span of "Sở Xây dựng TP.HCM"; "khoa chính trị học." → "khoa
    chính trị học"; "đã biểu dương" → None. ``unit`` lets plain lowercase words describe the unit
    first ("trưởng phòng cấp chủ quyền nhà Sở Xây dựng"). ``trace`` receives the names of the
    rules that applied.
    """
    return Reader(text, words, unit=unit, trace=trace).read(pos)


def organization_at(text: Text, pos: int) -> tuple[int, int] | None:
    """:func:`read_organization` at ``pos`` of a Text: "Khoa Hồi sức cấp cứu Bệnh viện Chợ Rẫy,
    cho biết" → the span of "Khoa Hồi sức cấp cứu Bệnh viện Chợ Rẫy"."""
    return read_organization(text.normalized, Words(text, [t.start for t in text.tokens], pos), pos)
