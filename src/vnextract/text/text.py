"""The Text every recogniser reads: the caller's string, its normalised form, sentences, words."""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

import attrs

from vnextract.records import Sentence
from vnextract.text.normalize import Normalized, OffsetMap, normalize
from vnextract.text.segment import Token, segment

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
    sentences: tuple[Sentence, ...] = attrs.field(repr=False)
    tokens: tuple[Token, ...] = attrs.field(repr=False)
    #: (first, past-last) token index of each sentence.
    sentence_tokens: tuple[tuple[int, int], ...] = attrs.field(repr=False)
    reference_date: dt.date | None = None
    #: views built from this Text once and shared by every reader (see text.view.token_view)
    views: dict[str, Any] = attrs.field(factory=dict, init=False, repr=False)

    @classmethod
    def from_string(cls, original: str, *, reference_date: dt.date | None = None) -> Text:
        """Normalise and segment a text.

        >>> text = Text.from_string("Ông Trần Thanh Liêm.  Uỷ viên")
        >>> [s.text for s in text.sentences], text.normalized[21:28]
        (['Ông Trần Thanh Liêm.', 'Ủy viên'], 'Ủy viên')
        """
        norm = normalize(original)
        sentences, tokens, ranges = segment(norm.text)
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
