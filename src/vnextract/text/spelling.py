"""Whether a word can be spelt as one Vietnamese syllable (a foreign word cannot)."""

from __future__ import annotations

import unicodedata

import regex

#: One Vietnamese syllable with its tone and vowel marks taken off: onset, vowels, coda.
_VIETNAMESE_SYLLABLE = regex.compile(
    r"(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?"
)


def looks_foreign(word: str) -> bool:
    """Whether a capitalised word cannot be one Vietnamese syllable: "Rumsfeld", "Wadia",
    "Sonja", "Duma" are foreign; "Mỹ", "Hải", "Lan" are not."""
    bare = unicodedata.normalize("NFD", word.casefold().replace("đ", "d"))
    bare = "".join(c for c in bare if not unicodedata.combining(c))
    return _VIETNAMESE_SYLLABLE.fullmatch(bare) is None
