"""The Text every recogniser reads: the caller's string, its normalised form, sentences, words.

Its sentences are cut once, on whole syllables (:func:`vnextract.text.syllables.sentences`):
the syllables of each are what the rules read (:func:`vnextract.text.view.token_view`), and
the same sentences are ``Document.sentences``. underthesea's own sentence splitter only
chunks the text for its word segmentation (it cuts inside initials: "V.P.H.N").
"""

from __future__ import annotations

import bisect
import datetime as dt
from typing import Any, Final

import attrs

from vnextract.records import Sentence
from vnextract.text.normalize import Normalized, OffsetMap, normalize
from vnextract.text.segment import Token, segment
from vnextract.text.syllables import Syllable
from vnextract.text.syllables import sentences as syllable_sentences

#: The longest text (in characters) :func:`vnextract.extract` accepts unless told otherwise
#: (``max_length=``). Normalisation and segmentation take time linear in the length (≈ 7 s per
#: million characters of news on one core); a whole extract needs about 130 bytes of memory per
#: character. Ten million characters is a shelf of books, not a news article: split such input.
MAX_LENGTH: Final = 10_000_000

@attrs.frozen(kw_only=True, eq=False)
class Text:
    """The caller's string, its normalised form, sentences and tokens: what recognisers read."""

    original: str
    normalized: str
    #: maps from ``normalized`` back to ``original`` (see :class:`Normalized`).
    maps: tuple[OffsetMap, ...] = attrs.field(repr=False, default=())
    #: the sentences, cut on whole syllables (see the module's docstring)
    sentences: tuple[Sentence, ...] = attrs.field(repr=False)
    #: the syllables of each sentence (one list per sentence, never empty): the token view
    syllables: tuple[list[Syllable], ...] = attrs.field(repr=False)
    #: underthesea's words ("Trần Thanh Liêm"), in order
    tokens: tuple[Token, ...] = attrs.field(repr=False)
    #: (first, past-last) index of the tokens that start in each sentence.
    sentence_tokens: tuple[tuple[int, int], ...] = attrs.field(repr=False)
    reference_date: dt.date | None = None
    #: views built from this Text once and shared by every reader (see text.view.token_view)
    views: dict[str, Any] = attrs.field(factory=dict, init=False, repr=False)

    @classmethod
    def from_string(cls, original: str, *, reference_date: dt.date | None = None) -> Text:
        """Normalise and segment a text.

        >>> text = Text.from_string("Ông Trần Thanh Liêm.  Uỷ viên V.P.H.N đến")
        >>> [s.text for s in text.sentences], text.normalized[21:28]
        (['Ông Trần Thanh Liêm.', 'Ủy viên V.P.H.N đến'], 'Ủy viên')
        """
        # The lexicons read this package (to cut their keys as text is cut): imported here, at
        # run time, so that importing either package first works.
        from vnextract.lexicon.words import word_class

        norm = normalize(original)
        _, tokens, _ = segment(norm.text)
        words = {t.start: t.text for t in tokens}
        cut = syllable_sentences(norm.text, words, word_class("no_sentence_end_before_dot"))
        spans = [(s[0].start, s[-1].end) for s in cut]
        sentences = [Sentence(text=norm.text[a:b], start=a, end=b) for a, b in spans]
        starts = [t.start for t in tokens]
        ranges = [(bisect.bisect_left(starts, s.start), bisect.bisect_left(starts, s.end)) for s in sentences]
        return cls(
            original=original,
            normalized=norm.text,
            maps=norm.maps,
            sentences=tuple(sentences),
            syllables=tuple(cut),
            tokens=tuple(tokens),
            sentence_tokens=tuple(ranges),
            reference_date=reference_date,
        )

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a non-empty normalised span to the caller's string (AlignmentError if out of range)."""
        if not self.maps and 0 <= start < end <= len(self.normalized):
            return start, end  # the text needed no normalising (most news): the span is its own
        return Normalized(self.normalized, self.maps).to_original(start, end)

    def sentence_token_slices(self) -> list[tuple[Sentence, tuple[Token, ...]]]:
        """Each sentence with its tokens."""
        return [(s, self.tokens[a:b]) for s, (a, b) in zip(self.sentences, self.sentence_tokens, strict=True)]
