"""underthesea's syllable tokenizer (the first step of its word_tokenize), with a fast path.

underthesea cuts a sentence into syllables, numbers, dates, URLs, abbreviations and marks with
one large alternation (``regex_tokenize.patterns``) run by ``re.finditer``; at every token the
engine tries about a dozen alternatives (URLs, e-mails, dates …) before ``\\w+``. Most chunks
between spaces in news are plain syllables ("Bình", "Dương"): no alternative before ``word`` can
match a run of letters followed by a space or the end (each needs a digit or one of . : @ ' ’ -
& ° in the run), so such a chunk is one token, and the engine is only run on the other chunks,
from the chunk's start, in the whole sentence (lookarounds see the same context as before).
The result is the list ``regex_tokenize.tokenize(sentence, use_token_normalize=False)`` gives.
"""

from __future__ import annotations

import re
from typing import Any

# Python's re, not regex: its \s is the one underthesea's patterns use ("\x1c" is a space here).
_CHUNK = re.compile(r"\S+")
#: The one letter underthesea's tokenizer treats as a mark when a token starts with it.
_MARK_LETTER = "ʺ"  # U+02BA MODIFIER LETTER DOUBLE PRIME


def spans(sentence: str, patterns: Any) -> list[tuple[int, int]]:
    """(start, end) of underthesea's syllable tokens in ``sentence``, which must already be what
    underthesea's character normalisation makes of it (see :func:`tokenize`)."""
    out: list[tuple[int, int]] = []
    match = patterns.match
    for chunk in _CHUNK.finditer(sentence):
        word = chunk.group()
        if word.isalpha() and _MARK_LETTER not in word:
            out.append(chunk.span())
            continue
        pos, end = chunk.span()
        while pos < end:
            m = match(sentence, pos)
            if m is None:  # cannot happen (non_word matches any mark); keep underthesea's skip
                pos += 1
                continue
            out.append(m.span())
            pos = m.end()
    return out


def tokenize(sentence: str, patterns: Any, normalize: Any) -> list[str]:
    """underthesea's syllable tokens of ``sentence``: "Ông A, 52 tuổi." → Ông, A, ",", 52, tuổi, "."

    ``patterns`` is underthesea's compiled ``regex_tokenize.patterns`` and ``normalize`` its
    ``normalize_characters_in_text`` (applied first, as underthesea does)."""
    text = normalize(sentence)
    return [text[a:b] for a, b in spans(text, patterns)]
