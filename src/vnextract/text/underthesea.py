"""The one door to underthesea: reads the pieces word segmentation needs from its files (see
underthesea_files; no ``import underthesea``), or imports it once and undoes its logging side
effect when those files are not as expected; guards the loading against threads racing on first
use."""

from __future__ import annotations

import logging
import re
import threading
from pathlib import Path
from typing import Any

from vnextract.text import syllable_tokenizer as syllables
from vnextract.text import underthesea_files
from vnextract.text.word_segmenter import word_ranges, words

# Re-entrant: _warm holds it while _module() takes it again.
_lock = threading.RLock()
_underthesea: Any = None
_warmed = False
_segmenter: Any = None  # word_segmenter.WordSegmenter once warmed, unless the model is unknown
_patterns: Any = None  # our compile of underthesea's syllable tokenizer pattern
_normalize: Any = None  # underthesea's normalize_characters_in_text, which its tokenizer applies
_sent_tokenize: Any = None  # underthesea's sent_tokenize
logger = logging.getLogger("vnextract")


def _module() -> Any:
    """underthesea, imported once (under the lock: two threads must not both snapshot the root
    logger while the other's import is adding its handler)."""
    global _underthesea
    if _underthesea is not None:
        return _underthesea
    with _lock:
        if _underthesea is None:
            root = logging.getLogger()
            handlers = list(root.handlers)
            level = root.level
            import underthesea

            # underthesea adds a handler to the root logger on import; a library must not
            # configure the application's logging, so put the root logger back as it was.
            for handler in list(root.handlers):
                if handler not in handlers:
                    root.removeHandler(handler)
            root.setLevel(level)
            _underthesea = underthesea
    return _underthesea


def _warm() -> None:
    """Load the models once, under the lock: underthesea's lazy loaders are not thread-safe (a
    second thread could use the word model between its creation and its loading)."""
    global _warmed, _segmenter, _patterns, _normalize, _sent_tokenize
    if _warmed:
        return
    with _lock:
        if not _warmed:
            from vnextract.text import word_segmenter

            pieces = underthesea_files.load()
            if pieces is not None:
                pattern, _normalize, _sent_tokenize = pieces.pattern, pieces.normalize, pieces.sent_tokenize
                root = pieces.root
            else:  # files of another underthesea release: take the pieces from the package
                module = _module()
                from underthesea.pipeline.text_normalize.character_normalize import (
                    normalize_characters_in_text,
                )
                from underthesea.pipeline.word_tokenize import regex_tokenize

                pattern = regex_tokenize.regex_patterns_combine
                _normalize, _sent_tokenize = normalize_characters_in_text, module.sent_tokenize
                root = Path(module.__file__).parent
            # Our own compile of underthesea's pattern: a call of underthesea's tokenize with
            # fixed_words replaces its module-level one for every later caller.
            _patterns = re.compile(pattern, re.VERBOSE | re.UNICODE)
            _segmenter = word_segmenter.load(root / word_segmenter.MODEL_DIR)
            if _segmenter is None:  # a model we do not reproduce: use underthesea's own tagger
                logger.info("vnextract: using underthesea's word_tokenize (unknown model)")
                _module().word_tokenize("khởi động", use_token_normalize=False)
            _sent_tokenize("Khởi động.")
            _warmed = True


def sent_tokenize(text: str) -> list[str]:
    """underthesea's sentences of ``text`` (each a stripped slice of it)."""
    _warm()
    result: list[str] = _sent_tokenize(text)
    return result


def word_tokenize(sentence: str) -> list[str]:
    """underthesea's words of ``sentence``, syllables joined by one space: "Bình Dương".

    The words are underthesea's: its syllable tokenizer, then its CRF model's tags, computed by
    text.syllable_tokenizer and text.word_segmenter (about 3x less CPU than underthesea's)."""
    _warm()
    # use_token_normalize=False: underthesea would otherwise respell words ("nghành" → "ngành"),
    # and its tokens would stop being substrings of our text.
    if _segmenter is None:
        result: list[str] = _module().word_tokenize(sentence, use_token_normalize=False)
        return result
    tokens = syllables.tokenize(sentence, _patterns, _normalize)
    return words(tokens, _segmenter.tag(tokens))


def word_spans(sentence: str) -> list[tuple[int, int]] | None:
    """(start, end) in ``sentence`` of each of underthesea's words ("Bình Dương" is one span);
    None when underthesea's character normalisation would change the sentence or its own
    tagger is in use (the caller then aligns :func:`word_tokenize`'s words itself)."""
    _warm()
    if _segmenter is None or _normalize(sentence) != sentence:
        return None
    spans = syllables.spans(sentence, _patterns)
    tags = _segmenter.tag([sentence[a:b] for a, b in spans])
    return [(spans[a][0], spans[b - 1][1]) for a, b in word_ranges(tags)]
