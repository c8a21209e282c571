"""Normalisation with a position map, sentence split and word tokens aligned to the text.

Recognisers work on ``Text.normalized`` (NFC, canonical tone marks, plain whitespace) and
return records with offsets into it; the pipeline maps every record back to the caller's
string with :meth:`Text.to_original`, so ``original[r.start:r.end] == r.text`` always holds.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

import attrs
import regex

from vnextract.errors import AlignmentError
from vnextract.records import Sentence

# ----------------------------------------------------------------------------- normalisation

# A user-perceived character: a base and its combining marks (NFD input keeps them apart).
_CLUSTER = regex.compile(r"\P{M}\p{M}*+|\p{M}++")

# Characters dropped from the normalised text: zero-width spaces/joiners, BOM, soft hyphen,
# and C0/C1 controls other than tab/newline. They carry no meaning and split words.
_DROP = regex.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad\p{Cc}--[\t\n\r]]", flags=regex.V1)
# Any whitespace other than "\n" becomes one plain space (length kept: offsets stay simple).
_SPACE = regex.compile(r"[^\S\n]", flags=regex.V1)
_NEEDS_CLUSTER_PASS = regex.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad\p{Cc}\p{M}--[\t\n\r]]", flags=regex.V1)

# Old-style ("hoà", "thuỷ", "Uỷ") versus canonical ("hòa", "thủy", "Ủy") tone placement: in an
# open syllable ending in oa/oe/uy the tone sits on the first vowel. Both forms have two
# characters, so the swap keeps offsets. "quý" is left alone: its "u" belongs to "qu".
_TONES = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng
def _toned(letters: str) -> str:
    """Every toned form of the given vowels, lower and upper case."""
    return "".join(unicodedata.normalize("NFC", v + t) for v in letters + letters.upper() for t in _TONES)


_OLD_STYLE_TONE = regex.compile(
    rf"(?<![qQ])(?:[oO][{_toned('ae')}]|[uU][{_toned('y')}])(?!\p{{L}})"
)


def _move_tone(match: regex.Match[str]) -> str:
    first, second = match.group()
    base, *marks = unicodedata.normalize("NFD", second)
    return unicodedata.normalize("NFC", first + "".join(marks)) + base


def canonical_tones(text: str) -> str:
    """Put tone marks where Vietnamese dictionaries put them: "Uỷ ban hoà" → "Ủy ban hòa"."""
    return _OLD_STYLE_TONE.sub(_move_tone, text)


class Normalized(NamedTuple):
    text: str
    #: original start / end offset of each normalised character; None when the map is identity.
    starts: Sequence[int] | None
    ends: Sequence[int] | None


def normalize(original: str) -> Normalized:
    """NFC, canonical tone marks and plain whitespace, with a map back to ``original``.

    >>> normalize("Uỷ\u00a0ban").text
    'Ủy ban'
    """
    if not _NEEDS_CLUSTER_PASS.search(original) and unicodedata.is_normalized("NFC", original):
        text = _SPACE.sub(" ", original)
        return Normalized(canonical_tones(text), None, None)
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in _CLUSTER.finditer(original):
        cluster = m.group()
        if _DROP.fullmatch(cluster):
            continue
        out = _SPACE.sub(" ", unicodedata.normalize("NFC", cluster))
        pieces.append(out)
        starts.extend([m.start()] * len(out))
        ends.extend([m.end()] * len(out))
    return Normalized(canonical_tones("".join(pieces)), starts, ends)


# ----------------------------------------------------------------------------- tokens


class Token(NamedTuple):
    """A word as underthesea segments it ("Trần Thanh Liêm"), in normalised offsets."""

    text: str
    start: int
    end: int


def _align_tokens(normalized: str, words: list[str], begin: int, end: int) -> list[Token]:
    """Place underthesea's words on the text, syllable by syllable (spacing may differ)."""
    tokens: list[Token] = []
    pos = begin
    for word in words:
        first = last = -1
        for syllable in word.split():
            while pos < end and normalized[pos].isspace():
                pos += 1
            if normalized.startswith(syllable, pos):
                at = pos
            else:
                at = normalized.find(syllable, pos, end)
                if at < 0:
                    raise AlignmentError(
                        f"token {word!r} not found after offset {pos} in {normalized[begin:end]!r}"
                    )
            if first < 0:
                first = at
            last = at + len(syllable)
            pos = last
        if first >= 0:
            tokens.append(Token(normalized[first:last], first, last))
    return tokens


def _segment(normalized: str) -> tuple[list[Sentence], list[Token], list[tuple[int, int]]]:
    """Lines, then underthesea's sentences inside each line, then its words."""
    from vnextract import _underthesea

    sentences: list[Sentence] = []
    tokens: list[Token] = []
    ranges: list[tuple[int, int]] = []
    for line in regex.finditer(r"[^\n]+", normalized):
        if line.group().isspace():
            continue
        cursor = line.start()
        for piece in _underthesea.sent_tokenize(line.group()):
            piece = piece.strip()
            if not piece:
                continue
            at = normalized.find(piece, cursor, line.end())
            if at < 0:  # the segmenter changed the text: keep the rest of the line whole
                at, piece = cursor, normalized[cursor : line.end()].strip()
                at = normalized.find(piece, cursor, line.end()) if piece else -1
                if at < 0:
                    break
            end = at + len(piece)
            first_token = len(tokens)
            tokens.extend(_align_tokens(normalized, _underthesea.word_tokenize(piece), at, end))
            sentences.append(Sentence(text=piece, start=at, end=end))
            ranges.append((first_token, len(tokens)))
            cursor = end
    return sentences, tokens, ranges


# ----------------------------------------------------------------------------- Text


@attrs.frozen(kw_only=True)
class Text:
    """The caller's string, its normalised form, sentences and tokens: what recognisers read."""

    original: str
    normalized: str
    starts: Sequence[int] | None = attrs.field(repr=False)
    ends: Sequence[int] | None = attrs.field(repr=False)
    sentences: tuple[Sentence, ...] = attrs.field(repr=False)
    tokens: tuple[Token, ...] = attrs.field(repr=False)
    #: (first, past-last) token index of each sentence.
    sentence_tokens: tuple[tuple[int, int], ...] = attrs.field(repr=False)
    reference_date: dt.date | None = None

    @classmethod
    def from_string(cls, original: str, *, reference_date: dt.date | None = None) -> Text:
        norm = normalize(original)
        sentences, tokens, ranges = _segment(norm.text)
        return cls(
            original=original,
            normalized=norm.text,
            starts=norm.starts,
            ends=norm.ends,
            sentences=tuple(sentences),
            tokens=tuple(tokens),
            sentence_tokens=tuple(ranges),
            reference_date=reference_date,
        )

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span to the caller's string."""
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]

    def sentence_token_slices(self) -> list[tuple[Sentence, tuple[Token, ...]]]:
        """Each sentence with its tokens."""
        return [(s, self.tokens[a:b]) for s, (a, b) in zip(self.sentences, self.sentence_tokens)]
