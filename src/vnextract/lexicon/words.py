"""Word lexicons: stop words that end a name, the dictionary of common words, word classes."""

from __future__ import annotations

import functools
import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from types import MappingProxyType

import regex

from vnextract.lexicon.loader import Key, key, load_tsv, spaced_key
from vnextract.text.normalize import canonical_tones
from vnextract.text.underthesea_files import package_root


@functools.cache
def stopwords() -> frozenset[Key]:
    """Function words and verbs (1–3 syllables) that cannot continue a name (``entity_stopwords.tsv``)."""
    return frozenset(key(r["word"]) for r in load_tsv("entity_stopwords.tsv"))


@functools.cache
def function_words() -> frozenset[Key]:
    """The stop words of class "function" ("và", "đã", "của"), not the verbs ("bầu", "xét xử")."""
    return frozenset(key(r["word"]) for r in load_tsv("entity_stopwords.tsv") if r["class"] == "function")


@functools.cache
def common_words() -> frozenset[str]:
    """Lowercase Vietnamese dictionary words (underthesea's Viet74K word list, Apache-2.0).

    Used only to tell a word continued across syllables ("Y tế", "Tài chính": one word) from a
    new word, and sentence-initial common words ("Hôm qua") from names. Empty if the list is
    missing: the recogniser then falls back on its own lexicons.
    """
    root = package_root()  # found, not imported: importing underthesea costs ~0.8 s of CPU
    if root is None:
        return frozenset()
    try:
        with (root / "corpus" / "data" / "Viet74K.txt").open(encoding="utf-8") as f:
            content = canonical_tones(unicodedata.normalize("NFC", f.read())).lower()
        return frozenset(line.strip() for line in content.splitlines() if line.strip())
    except OSError:
        return frozenset()


@functools.cache
def _classes() -> Mapping[str, tuple[str, ...]]:
    table: dict[str, list[str]] = defaultdict(list)
    for row in load_tsv("word_classes.tsv"):
        table[row["class"]].append(row["word"])
    return MappingProxyType({name: tuple(words) for name, words in table.items()})


def word_class(name: str) -> frozenset[str]:
    """The words of a class of ``word_classes.tsv`` as written: ``word_class("compass")`` is
    {"Bắc", "Nam", "Đông", "Tây", "Trung"}. An unknown class is a KeyError, not an empty set."""
    return frozenset(_classes()[name])


def alternation(name: str, space: str = r"\ ") -> str:
    """The words of a class as a regex alternation, longest first, each space written ``space``:
    ``alternation("change_verb")`` holds ``điều\\ chỉnh``. Put it in a group of its own."""
    words = sorted(_classes()[name], key=lambda w: (-len(w), w))
    return "|".join(space.join(regex.escape(part) for part in w.split(" ")) for w in words)


@functools.cache  # read in hot loops: built once per class, not per call
def phrase_class(name: str) -> frozenset[Key]:
    """The entries of a class as syllable keys: ``phrase_class("scope_word")`` holds ("quốc", "tế")."""
    return frozenset(spaced_key(w) for w in _classes()[name])


def yield_to_longer(phrase: str, phrases: frozenset[str] | set[str] | list[str]) -> str:
    """A negative lookahead for ``phrase`` that gives way to another phrase of the list which
    starts inside it and reaches further: with "án tử" (the death sentence, short) and "tử hình"
    (death penalty), "án tử" is not read in "án tử hình" — a leftmost alternation would take it
    there and cut the longer reading. Empty when no phrase overlaps it so.

    >>> ahead = yield_to_longer("án tử", ["tử hình", "án treo"])
    >>> [bool(regex.match("án tử" + ahead, s)) for s in ("án tử hình", "án tử, 2 người")]
    [False, True]
    >>> yield_to_longer("tử hình", ["án tử", "án treo"])
    ''
    """
    words = phrase.split()
    tails: set[str] = set()
    for other in phrases:
        other_words = other.split()
        for cut in range(1, len(words)):  # a proper suffix of the phrase opens the other phrase
            suffix = words[cut:]
            if len(other_words) > len(suffix) and other_words[: len(suffix)] == suffix:
                tails.add(r"\ +".join(regex.escape(w) for w in other_words[len(suffix) :]))
    return rf"(?!\ +(?:{'|'.join(sorted(tails))})(?![\p{{L}}]))" if tails else ""
