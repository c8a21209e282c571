"""Normalisation with a position map back to the caller's string.

Recognisers work on the normalised text (NFC, canonical tone marks, one plain space between
words, "\n" between lines, HTML entities decoded, invisible characters dropped) and return
records with offsets into it; :meth:`Normalized.to_original` maps a span back, so
``original[r.start:r.end] == r.text`` always holds.

Why the normalised text is built the way it is: underthesea's ``word_tokenize`` NFC-normalises
its input and respells "ð"/"Ð" as "đ"/"Đ". We do the same first, so every token underthesea
returns is an exact substring of the normalised text and the alignment never has to guess.
"""

from __future__ import annotations

import html
import html.entities
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Callable
from typing import Final

import attrs
import regex

from vnextract.errors import AlignmentError

# ----------------------------------------------------------------------------- offset maps


@attrs.frozen(eq=False)
class OffsetMap:
    """Where each part of an edited string came from in the string before the edit.

    An edit is a block: ``out[out_start:out_end]`` replaced ``inp[in_start:in_end]`` (an entity
    "&amp;" → "&", a cluster "a" + U+0300 → "à"; an empty output block is a dropped character).
    Between blocks the two strings agree character for character. A character made by an edit
    maps to the whole block it came from, so a span never starts or ends inside an entity.
    """

    out_starts: array[int]
    out_ends: array[int]
    in_starts: array[int]
    in_ends: array[int]

    def start(self, pos: int) -> int:
        """Input offset of the character at output offset ``pos``."""
        i = bisect_right(self.out_starts, pos) - 1
        if i < 0:
            return pos
        if pos < self.out_ends[i]:
            return self.in_starts[i]
        return pos - self.out_ends[i] + self.in_ends[i]

    def end(self, pos: int) -> int:
        """Input offset just past the character at output offset ``pos - 1`` (``pos`` > 0)."""
        last = pos - 1
        i = bisect_right(self.out_starts, last) - 1
        if i < 0:
            return pos
        if last < self.out_ends[i]:
            return self.in_ends[i]
        return pos - self.out_ends[i] + self.in_ends[i]


def _rewrite(
    source: str, pattern: regex.Pattern[str], replace: Callable[[regex.Match[str]], str | None]
) -> tuple[str, OffsetMap | None]:
    """Replace each match of ``pattern`` by ``replace(match)`` (None: keep it), with the map back.

    One linear pass; returns ``(source, None)`` when nothing changed.
    """
    pieces: list[str] = []
    out_starts, out_ends, in_starts, in_ends = array("q"), array("q"), array("q"), array("q")
    copied = 0  # input offset up to which ``pieces`` holds the input
    out = 0  # length of the output so far
    for m in pattern.finditer(source):
        new = replace(m)
        if new is None or new == m.group():
            continue
        a, b = m.span()
        pieces.append(source[copied:a])
        out += a - copied
        pieces.append(new)
        out_starts.append(out)
        out_ends.append(out + len(new))
        in_starts.append(a)
        in_ends.append(b)
        out += len(new)
        copied = b
    if not in_starts:
        return source, None
    pieces.append(source[copied:])
    return "".join(pieces), OffsetMap(out_starts, out_ends, in_starts, in_ends)


# ----------------------------------------------------------------------------- normalisation

# Line breaks other than "\n": CR (alone or in CR LF), VT, FF, the file/group/record separators
# (str.splitlines() breaks on them), NEL, LINE and PARAGRAPH SEPARATOR. They become "\n".
_LINE_BREAK = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# Every other character str.isspace() or regex's \s accepts becomes one plain space: tab, unit
# separator, no-break space, the typographic spaces, ideographic space.
_OTHER_SPACE = "\t\x1f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"

_CHARACTER_EDITS = rf"""
    (?P<crlf> \r\n )
  | (?P<newline> [{_LINE_BREAK}] )
  | (?P<space> [{_OTHER_SPACE}] )
    # controls and invisible format characters (zero-width space/joiners, BOM, soft hyphen,
    # bidi marks, tags) carry no letters and split words in two: dropped.
  | (?P<drop> [\p{{Cc}}\p{{Cf}}--[\n{_LINE_BREAK}{_OTHER_SPACE}]] )
  | (?P<surrogate> \p{{Cs}} )  # a lone surrogate (str decoded with surrogateescape)
  | (?P<eth> [ðÐ] )  # eth typed for "đ"/"Đ" (old VNI/TCVN conversions); underthesea respells it
"""
_CHARACTER_REPLACEMENT: Final = {
    "crlf": "\n", "newline": "\n", "space": " ", "drop": "", "surrogate": "\ufffd",
}

# HTML character references left in scraped text: "&nbsp;", "&amp;", "&quot;", "&#8220;",
# "&#x1EA1;". The ";" is required: "AT&T" and "R&D" are text, not entities.
_ENTITY = r"""
    (?P<entity> & (?: \#[0-9]{1,7}+ | \#[xX][0-9a-fA-F]{1,6}+ | [A-Za-z][A-Za-z0-9]{1,31}+ ) ; )
"""
_EDITS = regex.compile(_ENTITY + "|" + _CHARACTER_EDITS, flags=regex.VERBOSE | regex.V1)
_CHARACTERS_ONLY = regex.compile(_CHARACTER_EDITS, flags=regex.VERBOSE | regex.V1)


def _edit_characters(m: regex.Match[str]) -> str:
    kind = m.lastgroup
    assert kind is not None
    if kind == "eth":
        return "đ" if m.group() == "ð" else "Đ"
    return _CHARACTER_REPLACEMENT[kind]


def _edit(m: regex.Match[str]) -> str | None:
    if m.lastgroup != "entity":
        return _edit_characters(m)
    entity = m.group()
    if not entity.startswith("&#") and entity[1:] not in html.entities.html5:
        return None  # "&foo;" is not an entity: leave it as written
    # html.unescape follows HTML5: "&#150;" is "–" (windows-1252), "&#0;" is U+FFFD. What an
    # entity decodes to gets the same character edits as the text ("&#160;" → " ").
    return _CHARACTERS_ONLY.sub(_edit_characters, html.unescape(entity))


# NFC is computed per cluster: a character that is not a stable boundary (it has a combining
# class, or NFC_Quick_Check says it may compose with what precedes: marks, Hangul vowel and
# final jamo) joins the character before it. Composition never crosses a stable boundary, so
# NFC of the clusters joined is NFC of the whole text, and each cluster maps to its source.
_CLUSTER = regex.compile(
    r"[\p{ccc=0}&&\p{NFC_QC=Y}]?[\P{ccc=0}\p{NFC_QC=N}\p{NFC_QC=M}]++", flags=regex.V1
)


def _compose(m: regex.Match[str]) -> str:
    return unicodedata.normalize("NFC", m.group())


# Runs of spaces (after the edits above: tabs, no-break spaces, "&nbsp;"…) become one space, so
# "Ủy  ban\tnhân dân" and "Ủy ban nhân dân" are the same words to every recogniser.
_SPACE_RUN = regex.compile(r" {2,}+")


def _one_space(m: regex.Match[str]) -> str:
    return " "


# Words glued where a line break or a table cell was lost in scraping: "Ban Biên tậpTiêu đề"
# (a form's field after the editor's name), "Chủ nhậtAlbacete", "3Deportivo 25 15 55 50" (a
# league table's rank before the club). A Vietnamese syllable never has a capital inside it, so
# a lowercase letter only Vietnamese spells (ă â đ ê ô ơ ư, a hook above, a dot below, a tilde
# on e/i/u/y) right before a capital and a further letter is a seam; so is a number standing
# alone (not a code's tail: "A4", "U23") right before a capitalised word of three letters or
# more, or of two before a capitalised syllable ("2Đà Nẵng"; "5Kg", "3Ha" stay), unless that
# word is a unit ("3Ghz", "2Mbps", "500Kcal"). Latin words keep their inner
# capitals ("DisplayPort", "McArthur", "VinFast"). The glued character gets a space after it,
# and both map back to it, so every character still maps to a non-empty stretch.
_VIETNAMESE_ONLY_LOWER = "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịĩọỏốồổỗộớờởỡợụủũứừửữựỳỵỷỹ"
_GLUED = regex.compile(
    rf"""
    # (the cheap lookahead before the lookbehind: most letters fail it at once)
    \p{{Ll}} (?= \p{{Lu}} \p{{L}} )
    (?<= [{_VIETNAMESE_ONLY_LOWER}] \p{{Ll}}{{0,4}} )   # "tậpTiêu", "nhậtAlbacete", "lậpITV"
  | \p{{Nd}} (?= \p{{Lu}} \p{{Ll}} (?: \p{{Ll}} | \ \p{{Lu}} ) )       # "3Deportivo", "2Đà Nẵng"
    (?<! \p{{L}} \p{{N}}* \p{{Nd}} )                          # "3Deportivo", "0-1Chủ nhật"
    (?! \p{{Lu}} (?: hz | bps | bit | cal | wh ) (?! \p{{L}} ) )   # units: "3Ghz", "2Mbps"
    """,
    flags=regex.VERBOSE,
)


def _unglue(m: regex.Match[str]) -> str:
    return m.group() + " "


# Old-style ("hoà", "thuỷ", "Uỷ") versus canonical ("hòa", "thủy", "Ủy") tone placement: in an
# open syllable ending in oa/oe/uy the tone sits on the first vowel. Both forms have two
# characters, so the swap keeps offsets. "quý" is left alone: its "u" belongs to "qu".
_TONES = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng


def _toned(letters: str) -> str:
    """Every toned form of the given vowels, lower and upper case."""
    return "".join(unicodedata.normalize("NFC", v + t) for v in letters + letters.upper() for t in _TONES)


_OLD_STYLE_TONE = regex.compile(
    rf"""
    (?<![qQ])                                # "quý", "quà": the u/o is part of "qu"
    (?: [oO][{_toned('ae')}] | [uU][{_toned('y')}] )
    (?![\p{{L}}\p{{M}}])                       # open syllable ("hoàn" keeps its tone)
    """,
    flags=regex.VERBOSE,
)


def _move_tone(match: regex.Match[str]) -> str:
    first, second = match.group()[0], match.group()[1]
    decomposed = unicodedata.normalize("NFD", second)
    return unicodedata.normalize("NFC", first + decomposed[1:]) + decomposed[0]


def canonical_tones(text: str) -> str:
    """Put tone marks where Vietnamese dictionaries put them, keeping the length.

    >>> canonical_tones("Uỷ ban hoà giải")
    'Ủy ban hòa giải'
    """
    return _OLD_STYLE_TONE.sub(_move_tone, text)


@attrs.frozen(eq=False)
class Normalized:
    """A normalised string and the maps that lead back to the string it was made from."""

    text: str
    #: one map per editing stage, the last stage first; empty when the text was left as is.
    maps: tuple[OffsetMap, ...] = ()

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span a non-empty normalised span ``[start, end)`` came from.

        >>> norm = normalize("Giá&nbsp;5&nbsp;triệu")
        >>> norm.text, norm.to_original(4, 5)
        ('Giá 5 triệu', (9, 10))
        """
        if not 0 <= start < end <= len(self.text):
            raise AlignmentError(
                f"span [{start}, {end}) is not a non-empty span of a text of length {len(self.text)}"
            )
        for offset_map in self.maps:
            start, end = offset_map.start(start), offset_map.end(end)
        return start, end


def normalize(original: str) -> Normalized:
    """NFC, canonical tone marks, one plain space, entities decoded, glued words parted, with a
    map to ``original``.

    Every normalised character maps to a non-empty stretch of ``original``: its own character,
    or the whole entity ("&amp;"), decomposed cluster ("a" + U+0300), CR LF or run of spaces it
    replaced.
    Dropped characters (zero-width space, BOM, soft hyphen, controls) map to nothing.

    >>> normalize("Uỷ\u00a0ban &quot;hoà giải&quot;").text
    'Ủy ban "hòa giải"'
    """
    maps: list[OffsetMap] = []  # the last stage first: to_original applies them in this order
    text, edits = _rewrite(original, _EDITS, _edit)
    text, spaces = _rewrite(text, _SPACE_RUN, _one_space)
    if not unicodedata.is_normalized("NFC", text):
        text, clusters = _rewrite(text, _CLUSTER, _compose)
    else:
        clusters = None
    text, glued = _rewrite(text, _GLUED, _unglue)
    maps = [m for m in (glued, clusters, spaces, edits) if m is not None]
    return Normalized(canonical_tones(text), tuple(maps))


