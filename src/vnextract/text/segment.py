"""Sentences and words: underthesea's sentence splitter and word segmentation, aligned to the
normalised text (every token an exact substring, offsets into it)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Final, NamedTuple

import regex

from vnextract.errors import AlignmentError
from vnextract.records import Sentence

logger = logging.getLogger("vnextract.text")

#: Runs of non-space characters at least this long are not given to underthesea: its word
#: tokenizer and sentence splitter scan such runs quadratically ("a.a.a…" of 8,000 characters
#: takes ≈ 1 s in each). News has no words that long: in 45 million characters of Vietnamese
#: news, 15 runs reach 100 characters, all URLs or leaked JavaScript.
LONG_RUN: Final = 100

#: A sentence longer than this is given to underthesea's word tokenizer in pieces (cut at a
#: space), which bounds the memory of its CRF features on text without sentence punctuation.
MAX_TOKENIZE_CHUNK: Final = 5_000

# ----------------------------------------------------------------------------- tokens


class Token(NamedTuple):
    """A word as underthesea segments it ("Trần Thanh Liêm"), in normalised offsets."""

    text: str
    start: int
    end: int


_new_token = tuple.__new__  # builds a Token without the Python-level NamedTuple constructor (a word each)


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
    from vnextract.text import underthesea as _underthesea

    tokens: list[Token] = []
    for a, b in _chunks(normalized, begin, end):
        piece = normalized[a:b]
        if not piece.strip(" "):
            continue
        spans = _underthesea.word_spans(piece)
        if spans is not None:  # the usual case: offsets straight from the tokenizer
            tokens.extend([_new_token(Token, (normalized[a + s : a + e], a + s, a + e)) for s, e in spans])
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
    from vnextract.text import underthesea as _underthesea

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


def segment(normalized: str) -> tuple[list[Sentence], list[Token], list[tuple[int, int]]]:
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


