"""The one door to underthesea: imports it once, undoes its logging side effect, guards its
lazy model loading against threads racing on first use."""

from __future__ import annotations

import functools
import logging
import re
import threading
from pathlib import Path
from typing import Any

# Re-entrant: _warm holds it while _module() takes it again.
_lock = threading.RLock()
_underthesea: Any = None
_warmed = False
_segmenter: Any = None  # vnextract.word_segmenter.WordSegmenter once warmed, unless the model is unknown
_syllables: Any = None  # underthesea's syllable tokenizer (vnextract.syllables.tokenize)
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
    global _warmed, _segmenter, _syllables
    if _warmed:
        return
    with _lock:
        if not _warmed:
            module = _module()
            from underthesea.pipeline.text_normalize.character_normalize import (
                normalize_characters_in_text,
            )
            from underthesea.pipeline.word_tokenize import regex_tokenize

            from vnextract import syllables, word_segmenter

            # Our own compile of underthesea's pattern: a call of underthesea's tokenize with
            # fixed_words replaces its module-level one for every later caller.
            patterns = re.compile(regex_tokenize.regex_patterns_combine, re.VERBOSE | re.UNICODE)
            _syllables = functools.partial(
                syllables.tokenize, patterns=patterns, normalize=normalize_characters_in_text
            )
            _segmenter = word_segmenter.load(Path(module.__file__).parent)
            if _segmenter is None:  # a model we do not reproduce: use underthesea's own tagger
                logger.info("vnextract: using underthesea's word_tokenize (unknown model)")
                module.word_tokenize("khởi động", use_token_normalize=False)
            module.sent_tokenize("Khởi động.")
            _warmed = True


def sent_tokenize(text: str) -> list[str]:
    """underthesea's sentences of ``text`` (each a stripped slice of it)."""
    _warm()
    result: list[str] = _module().sent_tokenize(text)
    return result


def word_tokenize(sentence: str) -> list[str]:
    """underthesea's words of ``sentence``, syllables joined by one space: "Bình Dương".

    The words are underthesea's: its syllable tokenizer, then its CRF model's tags, computed by
    vnextract.word_segmenter (about 4x faster than underthesea's featuriser and tagger)."""
    _warm()
    # use_token_normalize=False: underthesea would otherwise respell words ("nghành" → "ngành"),
    # and its tokens would stop being substrings of our text.
    if _segmenter is None:
        result: list[str] = _module().word_tokenize(sentence, use_token_normalize=False)
        return result
    from vnextract.word_segmenter import words

    syllables: list[str] = _syllables(sentence)
    return words(syllables, _segmenter.tag(syllables))
