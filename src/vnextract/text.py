"""Normalisation with a position map, sentence split and word tokens aligned to the text.

Recognisers work on ``Text.normalized`` (NFC, canonical tone marks, one plain space between
words, "\n" between lines, HTML entities decoded, invisible characters dropped) and return
records with offsets into it; the pipeline maps every record back to the caller's string
with :meth:`Text.to_original`, so ``original[r.start:r.end] == r.text`` always holds.

Why the normalised text is built the way it is: underthesea's ``word_tokenize`` NFC-normalises
its input and respells "ð"/"Ð" as "đ"/"Đ". We do the same first, so every token underthesea
returns is an exact substring of ``Text.normalized`` and the alignment never has to guess.
"""

from __future__ import annotations

import datetime as dt
import html
import html.entities
import logging
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterator
from typing import Final, NamedTuple

import attrs
import regex

from vnextract.errors import AlignmentError
from vnextract.records import Sentence

logger = logging.getLogger(__name__)

#: The longest text (in characters) :func:`vnextract.extract` accepts unless told otherwise
#: (``max_length=``). Normalisation and segmentation take time linear in the length (≈ 7 s per
#: million characters of news on one core); a whole extract needs about 130 bytes of memory per
#: character. Ten million characters is a shelf of books, not a news article: split such input.
MAX_LENGTH: Final = 10_000_000

#: Runs of non-space characters at least this long are not given to underthesea: its word
#: tokenizer and sentence splitter scan such runs quadratically ("a.a.a…" of 8,000 characters
#: takes ≈ 1 s in each). News has no words that long: in 45 million characters of Vietnamese
#: news, 15 runs reach 100 characters, all URLs or leaked JavaScript.
LONG_RUN: Final = 100

#: A sentence longer than this is given to underthesea's word tokenizer in pieces (cut at a
#: space), which bounds the memory of its CRF features on text without sentence punctuation.
MAX_TOKENIZE_CHUNK: Final = 5_000

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
    """NFC, canonical tone marks, one plain space, entities decoded, with a map to ``original``.

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
    maps = [m for m in (clusters, spaces, edits) if m is not None]
    return Normalized(canonical_tones(text), tuple(maps))


# ----------------------------------------------------------------------------- tokens


class Token(NamedTuple):
    """A word as underthesea segments it ("Trần Thanh Liêm"), in normalised offsets."""

    text: str
    start: int
    end: int


# What we cut a text into when underthesea must not see it (long runs): words and single marks.
_PLAIN_TOKEN = regex.compile(r"\w++|\S")


def _plain_tokens(normalized: str, begin: int, end: int) -> Iterator[Token]:
    """Words and single punctuation marks of ``normalized[begin:end]``, without underthesea."""
    for m in _PLAIN_TOKEN.finditer(normalized, begin, end):
        yield Token(m.group(), m.start(), m.end())


def _align_tokens(normalized: str, words: list[str], begin: int, end: int) -> list[Token]:
    """Place underthesea's words on ``normalized[begin:end]``, syllable by syllable.

    underthesea returns its tokens in order, each an exact substring, with only spaces between
    (the normalisation gave it text it has nothing to change in), and joins the syllables of a
    word with one space where the text may have several. Anything else is a bug: AlignmentError.
    """
    tokens: list[Token] = []
    pos = begin
    for word in words:
        first = last = -1
        for syllable in word.split(" "):
            if not syllable:
                continue
            while pos < end and normalized[pos] == " ":
                pos += 1
            if pos + len(syllable) > end or not normalized.startswith(syllable, pos):
                raise AlignmentError(
                    f"underthesea token {word!r} is not at offset {pos} of "
                    f"{normalized[begin:end][:200]!r} (syllable {syllable!r})"
                )
            if first < 0:
                first = pos
            pos += len(syllable)
            last = pos
        if first >= 0:
            tokens.append(Token(normalized[first:last], first, last))
    if normalized[pos:end].strip(" "):
        raise AlignmentError(f"underthesea left {normalized[pos:end][:200]!r} untokenized")
    return tokens


def _chunks(normalized: str, begin: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut ``[begin, end)`` at spaces into pieces of at most about MAX_TOKENIZE_CHUNK characters."""
    while end - begin > MAX_TOKENIZE_CHUNK:
        cut = normalized.rfind(" ", begin + MAX_TOKENIZE_CHUNK // 2, begin + MAX_TOKENIZE_CHUNK)
        if cut < 0:
            cut = begin + MAX_TOKENIZE_CHUNK  # no space: runs are short here, so this is rare
        yield begin, cut
        begin = cut
    yield begin, end


def _word_tokens(normalized: str, begin: int, end: int) -> list[Token]:
    """underthesea's words of ``normalized[begin:end]`` (no long runs inside), aligned."""
    from vnextract import _underthesea

    tokens: list[Token] = []
    for a, b in _chunks(normalized, begin, end):
        piece = normalized[a:b]
        if not piece.strip(" "):
            continue
        spans = _underthesea.word_spans(piece)
        if spans is not None:  # the usual case: offsets straight from the tokenizer
            tokens.extend(Token(normalized[a + s : a + e], a + s, a + e) for s, e in spans)
            continue
        try:
            tokens.extend(_align_tokens(normalized, _underthesea.word_tokenize(piece), a, b))
        except AlignmentError as err:
            # A bug, but not the caller's problem: keep plain tokens for this piece (offsets stay
            # exact, only the word grouping is lost) and say so; the fuzz run fails on this log.
            logger.warning("vnextract: %s; using plain tokens for this sentence", err)
            tokens.extend(_plain_tokens(normalized, a, b))
    return tokens


def _sentence_tokens(normalized: str, begin: int, end: int, long_runs: list[tuple[int, int]]) -> list[Token]:
    """Tokens of one sentence: underthesea between long runs, plain tokens inside them."""
    tokens: list[Token] = []
    cursor = begin
    for a, b in long_runs:
        if b <= begin or a >= end:
            continue
        tokens.extend(_word_tokens(normalized, cursor, max(a, cursor)))
        tokens.extend(_plain_tokens(normalized, max(a, begin), min(b, end)))
        cursor = min(b, end)
    tokens.extend(_word_tokens(normalized, cursor, end))
    return tokens


_LINE = regex.compile(r"[^\n]++")
_LONG_RUN = regex.compile(rf"[^ \n]{{{LONG_RUN},}}+")


def _sentences_of_line(line: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of one line (no "\n", not only spaces), via underthesea."""
    from vnextract import _underthesea

    cursor = 0
    for piece in _underthesea.sent_tokenize(line):
        piece = piece.strip(" ")
        if not piece:
            continue
        at = line.find(piece, cursor)
        if at < 0:  # cannot happen: underthesea cuts and strips, nothing else
            logger.warning("vnextract: sentence %r not found in its line; rest kept whole", piece[:200])
            break
        cursor = at + len(piece)
        yield at, cursor
    rest = line[cursor:].strip(" ")
    if rest:
        at = line.index(rest, cursor)
        yield at, at + len(rest)


def _segment(normalized: str) -> tuple[list[Sentence], list[Token], list[tuple[int, int]]]:
    """Lines, then underthesea's sentences inside each line, then its words.

    Long runs of non-space characters are hidden from underthesea (see LONG_RUN): the sentence
    splitter sees them as "x"s of the same length, the word tokenizer not at all.
    """
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    ranges: list[tuple[int, int]] = []
    for line in _LINE.finditer(normalized):
        content = line.group()
        if not content.strip(" "):
            continue
        offset = line.start()
        long_runs = [(offset + m.start(), offset + m.end()) for m in _LONG_RUN.finditer(content)]
        masked = _LONG_RUN.sub(lambda m: "x" * len(m.group()), content) if long_runs else content
        for a, b in _sentences_of_line(masked):
            start, end = offset + a, offset + b
            first_token = len(tokens)
            tokens.extend(_sentence_tokens(normalized, start, end, long_runs))
            sentences.append(Sentence(text=normalized[start:end], start=start, end=end))
            ranges.append((first_token, len(tokens)))
    return sentences, tokens, ranges


# ----------------------------------------------------------------------------- Text


@attrs.frozen(kw_only=True, eq=False)
class Text:
    """The caller's string, its normalised form, sentences and tokens: what recognisers read."""

    original: str
    normalized: str
    #: maps from ``normalized`` back to ``original`` (see :class:`Normalized`).
    maps: tuple[OffsetMap, ...] = attrs.field(repr=False, default=())
    sentences: tuple[Sentence, ...] = attrs.field(repr=False)
    tokens: tuple[Token, ...] = attrs.field(repr=False)
    #: (first, past-last) token index of each sentence.
    sentence_tokens: tuple[tuple[int, int], ...] = attrs.field(repr=False)
    reference_date: dt.date | None = None

    @classmethod
    def from_string(cls, original: str, *, reference_date: dt.date | None = None) -> Text:
        """Normalise and segment a text.

        >>> text = Text.from_string("Ông Trần Thanh Liêm.  Uỷ viên")
        >>> [s.text for s in text.sentences], text.normalized[21:28]
        (['Ông Trần Thanh Liêm.', 'Ủy viên'], 'Ủy viên')
        """
        norm = normalize(original)
        sentences, tokens, ranges = _segment(norm.text)
        return cls(
            original=original,
            normalized=norm.text,
            maps=norm.maps,
            sentences=tuple(sentences),
            tokens=tuple(tokens),
            sentence_tokens=tuple(ranges),
            reference_date=reference_date,
        )

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a non-empty normalised span to the caller's string (AlignmentError if out of range)."""
        return Normalized(self.normalized, self.maps).to_original(start, end)

    def sentence_token_slices(self) -> list[tuple[Sentence, tuple[Token, ...]]]:
        """Each sentence with its tokens."""
        return [(s, self.tokens[a:b]) for s, (a, b) in zip(self.sentences, self.sentence_tokens, strict=True)]
