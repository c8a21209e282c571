"""The CRF's tokens: the syllables of each sentence, from the words of :class:`vnextract.text.Text`.

A syllable is a space-separated part of one of underthesea's words ("Trần Thanh Liêm" gives
three), so the model sees the same cut as the rest of the pipeline, and knows where each word
begins.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import NamedTuple

from vnextract.text import Text


class Syllable(NamedTuple):
    text: str
    start: int  # offsets into Text.normalized
    end: int
    #: position in its word (0 = first) and the word's length in syllables
    in_word: int
    word_length: int


_new = tuple.__new__  # builds a Syllable without the NamedTuple's Python-level __new__ (hot loop)


def sentence_syllables(text: Text) -> list[list[Syllable]]:
    """The syllables of every sentence, in order; sentences without any are left out.

    >>> t = Text.from_string("Ông Trần Thanh Liêm nói.")
    >>> [(s.text, s.in_word, s.word_length) for s in sentence_syllables(t)[0]][:3]
    [('Ông', 0, 1), ('Trần', 0, 3), ('Thanh', 1, 3)]
    """
    out: list[list[Syllable]] = []
    normalized, tokens = text.normalized, text.tokens
    for first, last in text.sentence_tokens:
        syllables: list[Syllable] = []
        for token in tokens[first:last]:
            word = normalized[token.start : token.end]
            if " " not in word:  # most words: one syllable
                syllables.append(_new(Syllable, (word, token.start, token.end, 0, 1)))
                continue
            parts = word.split(" ")
            pos = token.start
            for q, part in enumerate(parts):
                if part:
                    syllables.append(Syllable(part, pos, pos + len(part), q, len(parts)))
                pos += len(part) + 1
        if syllables:
            out.append(syllables)
    return out


class SyllableIndex:
    """Where each syllable of a document stands, by start offset (sorted): the flat positions a
    record's span covers, for the rules' marks and the model's confidence in them."""

    def __init__(self, sentences: Sequence[Sequence[Syllable]]) -> None:
        self.starts: list[int] = []
        self.where: list[tuple[int, int]] = []  # (sentence, syllable) of each flat position
        for si, sentence in enumerate(sentences):
            for yi, syllable in enumerate(sentence):
                self.starts.append(syllable.start)
                self.where.append((si, yi))

    def covered(self, start: int, end: int) -> list[tuple[int, int]]:
        """(sentence, syllable) of the syllables starting in ``[start, end)``, in order."""
        return self.where[bisect.bisect_left(self.starts, start) : bisect.bisect_left(self.starts, end)]
