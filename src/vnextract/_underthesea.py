"""The one door to underthesea: imports it once, undoes its logging side effect, guards its
lazy model loading against threads racing on first use."""

from __future__ import annotations

import logging
import threading
from typing import Any

# Re-entrant: _warm holds it while _module() takes it again.
_lock = threading.RLock()
_underthesea: Any = None
_warmed = False


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
    global _warmed
    if _warmed:
        return
    with _lock:
        if not _warmed:
            module = _module()
            module.word_tokenize("khởi động", use_token_normalize=False)
            module.sent_tokenize("Khởi động.")
            _warmed = True


def sent_tokenize(text: str) -> list[str]:
    """underthesea's sentences of ``text`` (each a stripped slice of it)."""
    _warm()
    result: list[str] = _module().sent_tokenize(text)
    return result


def word_tokenize(sentence: str) -> list[str]:
    """underthesea's words of ``sentence``, syllables joined by one space: "Bình Dương"."""
    _warm()
    # use_token_normalize=False: underthesea would otherwise respell words ("nghành" → "ngành"),
    # and its tokens would stop being substrings of our text.
    result: list[str] = _module().word_tokenize(sentence, use_token_normalize=False)
    return result
