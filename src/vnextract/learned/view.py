"""The CRF's tokens: the syllables of the token view every recogniser reads.

The model reads :func:`vnextract.text.view.token_view`'s sentences and syllables as they are
(built once per Text and shared with the rules, so the learned step cuts nothing again): a
syllable knows its kind ("cap", "abbr", "lower", "num", "punct") and whether an underthesea word
starts at it (``word_start``, ``word``).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from vnextract.text import Text
from vnextract.text.syllables import Syllable
from vnextract.text.view import token_view

__all__ = ["Syllable", "SyllableIndex", "sentence_syllables"]


def sentence_syllables(text: Text) -> Sequence[list[Syllable]]:
    """The syllables of every sentence, in order (the token view's; sentences without any are
    left out).

    >>> t = Text.from_string("Ông Trần Thanh Liêm nói.")
    >>> [(s.text, s.kind, s.word_start) for s in sentence_syllables(t)[0]][:3]
    [('Ông', 'cap', True), ('Trần', 'cap', True), ('Thanh', 'cap', False)]
    """
    return token_view(text).sentences


class SyllableIndex:
    """Where each syllable of a document stands, by start offset (sorted): the syllables a
    record's span covers, for the rules' marks and the model's confidence in them."""

    def __init__(self, sentences: Sequence[Sequence[Syllable]]) -> None:
        self.starts: list[int] = [s.start for sentence in sentences for s in sentence]
        #: flat position of each sentence's first syllable
        self.firsts: list[int] = []
        total = 0
        for sentence in sentences:
            self.firsts.append(total)
            total += len(sentence)

    def covered(self, start: int, end: int) -> list[tuple[int, int]]:
        """(sentence, syllable) of the syllables starting in ``[start, end)``, in order."""
        a = bisect.bisect_left(self.starts, start)
        b = bisect.bisect_left(self.starts, end)
        if a == b:
            return []
        firsts = self.firsts
        si = bisect.bisect_right(firsts, a) - 1
        out = []
        for flat in range(a, b):
            while si + 1 < len(firsts) and firsts[si + 1] <= flat:
                si += 1
            out.append((si, flat - firsts[si]))
        return out
