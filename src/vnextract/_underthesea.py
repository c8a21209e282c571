"""The one door to underthesea: imports it once, undoes its logging side effect, guards its
lazy model loading against threads racing on first use."""

from __future__ import annotations

import logging
import threading
from functools import cache
from typing import Any

_lock = threading.Lock()


@cache
def _module() -> Any:
    root = logging.getLogger()
    handlers = list(root.handlers)
    level = root.level
    import underthesea

    # underthesea adds a handler to the root logger on import; a library must not configure
    # the application's logging, so put the root logger back as it was.
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
    root.setLevel(level)
    return underthesea


_warmed = False


def _warm() -> None:
    """Load the word segmentation model once, under a lock (its loader is not thread-safe)."""
    global _warmed
    if _warmed:
        return
    with _lock:
        if not _warmed:
            _module().word_tokenize("khởi động")
            _warmed = True


def sent_tokenize(text: str) -> list[str]:
    result: list[str] = _module().sent_tokenize(text)
    return result


def word_tokenize(sentence: str) -> list[str]:
    _warm()
    # use_token_normalize=False: underthesea would otherwise respell words ("nghành" → "ngành"),
    # and its tokens would stop being substrings of our text.
    result: list[str] = _module().word_tokenize(sentence, use_token_normalize=False)
    return result
