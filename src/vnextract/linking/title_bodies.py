"""Long organisation bodies in titles: read on over the lowercase words that still name the body.

The title recogniser stops an organisation at its first lowercase words, so long bodies come out
cut ("Phó giám đốc Công ty" of "Phó giám đốc Công ty chế biến và kinh doanh các sản phẩm khí",
"Giám đốc Ban Quản lý dự án Đầu tư" of "… Đầu tư xây dựng và Phát triển đô thị TP Huế"). When
the words after the cut run to the end of the clause (a comma, a full stop, a bracket, a line
end, or a verb of saying: "… thủy sản nói") without a verb or a function word that cannot be
part of a name, they are the body's: the title ends where the clause does. An Organization
record at the same start that ends at the clause's end is taken the same way ("Giám đốc điều
hành Quỹ đầu tư bất động sản Indochina Land,"). A body joined to the role by "của" (of), "tại"
(at) or "thuộc" (belonging to) is the title's too (:func:`connected_body`: "Giám đốc điều hành
của UEFA", "nhà nghiên cứu tại Đại học St. Andrews").
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon import Key, phrase_class, stopwords
from vnextract.lexicon.words import alternation

#: At most this many words go on a body after the title recogniser's cut.
_MAX_WORDS = 12
# A word of the text: letters, digits and the marks inside a name ("TP.HCM", "GD&ĐT").
_WORD = lazy_compile(r"[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}&'’\-]|\.(?=[\p{L}\p{N}]))*")
# Where a clause ends after a body.
_CLAUSE_END = lazy_compile(r"[ \t]*(?:[,.;:)\n]|$)")


def _phrase_at(words: list[str], i: int, table: frozenset[Key]) -> int:
    """The length of the longest phrase of ``table`` at word ``i`` (0 if none)."""
    for n in (3, 2, 1):
        if i + n <= len(words) and tuple(w.casefold() for w in words[i : i + n]) in table:
            return n
    return 0


def body_end(s: str, end: int, limit: int, record_end: int | None = None) -> int | None:
    """Where a title's body really ends when its reading stopped at ``end``; None to keep it.

    ``limit``: the next person's name (the body never runs into it); ``record_end``: the end of
    an Organization record starting where the body does, if any.

    >>> s = "Ông An, Phó giám đốc Công ty chế biến và kinh doanh khí, cho biết."
    >>> s[: body_end(s, s.index(" chế"), len(s))]
    'Ông An, Phó giám đốc Công ty chế biến và kinh doanh khí'
    """
    if record_end is not None and end < record_end <= limit and _CLAUSE_END.match(s, record_end):
        return record_end
    if not s.startswith(" ", end) or not s[end + 1 : end + 2].islower():
        return None
    found = list(_WORD.finditer(s, end, min(limit, end + 200)))
    words = [m.group() for m in found]
    last = None
    skip = 0  # words of a stop phrase allowed in bodies, still to pass
    for i, m in enumerate(found[:_MAX_WORDS]):
        gap = s[(found[i - 1].end() if i else end) : m.start()]
        if gap.strip():
            break  # punctuation: the clause ends (or something else begins) here
        if skip == 0:
            if _phrase_at(words, i, phrase_class("speech_verb")):
                return last  # "… xuất khẩu thuỷ sản nói"
            n = _phrase_at(words, i, stopwords())
            if n and _phrase_at(words, i, phrase_class("in_body_word")) != n:
                return None  # a verb or a function word: "Chủ tịch UBND tỉnh phát biểu …"
            skip = n
        skip = max(0, skip - 1)
        last = m.end()
        if _CLAUSE_END.match(s, last) and last < limit:
            return last
    return None


#: At most this many lowercase words describe a role before its connector ("Phó giám đốc thị
#: trường điện tử gia dụng của LG": the deputy director for the home electronics market of LG).
_MAX_DESCRIBING = 8


@functools.cache
def _connector() -> regex.Pattern[str]:
    """A role (and the lowercase words describing it) joined to its body by a connector: "Giám
    đốc điều hành của UEFA" (của = of), "nhà nghiên cứu tại Đại học St. Andrews" (tại = at),
    "chuyên gia cao cấp thuộc Cục Quản lý giá" (thuộc = belonging to) (grammar: the
    connectors); a lowercase word introducing the body may follow the connector, outside the
    body's name ("chuyên gia săn tin của tạp chí People": of the magazine People; word class
    org_introducer)."""
    introducers = alternation("org_introducer", r"[ \t]+")
    # grammar: the connectors "của", "tại", "thuộc" (of, at, belonging to)
    return regex.compile(
        rf"""(?P<words>(?:[ \t]+\p{{Ll}}[\p{{L}}\p{{M}}]*){{0,{_MAX_DESCRIBING}}}?)
            [ \t]+(?:của|tại|thuộc)[ \t]+
            (?:(?:{introducers})[ \t]+(?=\p{{Lu}}))?""",
        regex.VERBOSE,
    )


@functools.cache
def _not_describing() -> frozenset[Key]:
    """Words that end a role's description: verbs of saying and aspect markers ("đã", "sẽ")."""
    return phrase_class("speech_verb") | phrase_class("clause_marker")


def connected_body(
    s: str, end: int, starts: Mapping[int, int], described: bool = True
) -> tuple[int, int] | None:
    """The body a title ending at ``end`` is joined to by "của", "tại" or "thuộc": the span of
    the Organization record (``starts``: record start → end) right after the connector (and a
    word introducing it: "của hãng Lockheed Martin"), with at most eight lowercase words
    describing the role before it (none when not ``described``: a
    title with its organisation already, "Phó Chủ tịch UBND tỉnh trao bằng khen của …", goes on
    with a verb); None when there is none.

    >>> s = "Giám đốc điều hành của UEFA cho biết"
    >>> connected_body(s, s.index(" của"), {s.index("UEFA"): s.index(" cho")})
    (23, 27)
    """
    m = _connector().match(s, end, end + 120)
    if m is None or m.end() not in starts:
        return None
    words = m.group("words").split()
    if words and not described:
        return None
    if any(_phrase_at(words, i, _not_describing()) for i in range(len(words))):
        return None
    return m.end(), starts[m.end()]


#: At most this many words describe a role in apposition after a name.
_MAX_APPOSITION_WORDS = 10


def apposition_end(s: str, end: int, limit: int) -> int | None:
    """Where a bare role in apposition after a name ends when lowercase words describe it up to
    the end of the clause ("Hiroyuki Hosoda, phát ngôn viên cấp cao của chính phủ, cho hay …":
    the government's senior spokesman); None to keep it. The words stop at a verb of saying
    ("… chủ tịch hội ngư dân cho biết"); they must name a body, with "của", "tại", "thuộc" (of,
    at, under) or a unit ("hội", "phòng"), not only describe the holder ("nhà đầu tư lâu năm",
    the long-time investor, stays bare); a word opening a predicate ("đã", "là") or a name or
    another title before the clause ends (``limit``) keeps the role bare.

    >>> s = "Ông Hosoda, phát ngôn viên cấp cao của chính phủ, cho hay."
    >>> s[s.index("phát") : apposition_end(s, s.index(" cấp"), len(s))]
    'phát ngôn viên cấp cao của chính phủ'
    """
    if not s.startswith(" ", end) or not s[end + 1 : end + 2].islower():
        return None
    found = list(_WORD.finditer(s, end, min(limit, end + 200)))
    words = [m.group() for m in found]
    last = None
    body = False  # a word naming a body seen
    for i, m in enumerate(found[: _MAX_APPOSITION_WORDS + 1]):
        gap = s[(found[i - 1].end() if i else end) : m.start()]
        if gap.strip():
            break
        if _phrase_at(words, i, phrase_class("speech_verb")):
            return last if body else None
        if i == _MAX_APPOSITION_WORDS or _phrase_at(words, i, phrase_class("clause_marker")):
            return None
        body = body or _phrase_at(words, i, _body_words()) > 0
        last = m.end()
        if _CLAUSE_END.match(s, last) and last < limit:
            return last if body else None
    return None


@functools.cache
def _body_words() -> frozenset[Key]:
    """Words that name a body in a role's description: its connectors and lowercase units."""
    return phrase_class("lower_unit_head") | {("của",), ("tại",), ("thuộc",)}
