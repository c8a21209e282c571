"""The text layer: normalisation with an offset map, sentences, words and syllables.

- :mod:`~vnextract.text.normalize`: NFC, canonical tone marks, spaces, entities; the offset map;
- :mod:`~vnextract.text.segment`: underthesea's sentences and words, aligned to the text;
- :mod:`~vnextract.text.underthesea` (the one door to underthesea),
  :mod:`~vnextract.text.syllable_tokenizer`, :mod:`~vnextract.text.word_segmenter` and
  :mod:`~vnextract.text.crfsuite_model`: underthesea's word segmentation, computed faster;
- :mod:`~vnextract.text.text`: :class:`Text`, what every recogniser is given; its sentences are
  cut once, on whole syllables, and are ``Document.sentences``;
- :mod:`~vnextract.text.syllables` and :mod:`~vnextract.text.view`: the syllables of each
  sentence (:func:`~vnextract.text.view.token_view`), what the rules read (import it as
  ``vnextract.text.view``).
"""

from vnextract.text.normalize import Normalized, OffsetMap, canonical_tones, normalize
from vnextract.text.segment import LONG_RUN, MAX_TOKENIZE_CHUNK, Token
from vnextract.text.text import MAX_LENGTH, Text

__all__ = [
    "LONG_RUN",
    "MAX_LENGTH",
    "MAX_TOKENIZE_CHUNK",
    "Normalized",
    "OffsetMap",
    "Text",
    "Token",
    "canonical_tones",
    "normalize",
]
