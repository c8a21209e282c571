"""Syllables: how the recognisers cut a sentence, and the lexicons cut their keys.

A syllable is a run of letters and digits ("Bình", "2024"), a glued compound ("GD&ĐT",
"BR-VT", "H.Hariri", "Covid-19"), a split-off place abbreviation ("TP." of "TP.HCM") or one
punctuation mark. Each syllable knows its kind and the underthesea word it starts, so rules can
ask "is this a capitalised syllable?" or "does a word start here?" without cutting text again.
Sentences are cut here too, on whole syllables (see :func:`sentences`): underthesea's splitter
cuts inside initials ("V.P.H.N" → "V.P." | "H.N").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Mapping
from typing import NamedTuple

import regex

from vnextract.text.fast_classes import only_fast_chars, spelled

#: One syllable, glued compound or punctuation mark: how the recognisers cut text, so that
#: lexicon keys and text agree ("Bộ Văn hóa, Thể thao" → "Bộ", "Văn", "hóa", ",", "Thể", "thao").
SYLLABLE = regex.compile(
    r"""
    (?:TP|Tp|P|Q)\.(?=[\p{Lu}\d])          # "TP.HCM", "P.10", "Q.Phú Nhuận": prefix split off
    | [\p{L}\p{M}\p{N}]++(?:[.&'’\-][\p{L}\p{M}\p{N}]++)*+   # syllable or glued compound:
                                            # "GD&ĐT", "BR-VT", "H.Hariri", "Covid-19"
    | [^\s\p{L}\p{M}\p{N}]                  # one punctuation character
    """,
    regex.VERBOSE,
)

# An abbreviation: two or more capitals ("UBND", "TTTT", "GD&ĐT", "TP.HCM", "BR-VT").
_ABBREVIATION = regex.compile(r"(?=(?:[^\p{Lu}]*+\p{Lu}){2})[\p{Lu}\p{N}.&\-]++")


class Syllable(NamedTuple):
    """One syllable of the normalised text (offsets into ``Text.normalized``)."""

    text: str
    start: int
    end: int
    kind: str  # "cap" ("Bình"), "abbr" ("UBND"), "lower", "num" or "punct"
    word_start: bool  # starts an underthesea word (False inside "Y tế" at "tế")
    word: str  # the underthesea word starting here ("Hội nghị"), "" inside a word


# 32,768 syllables: full after about 1,000 news articles, so memory stops growing there.
@functools.lru_cache(maxsize=1 << 15)
def syllable_kind(s: str) -> str:
    """ "num", "punct", "abbr" ("UBND"), "cap" ("Bình") or "lower" (cached: syllables repeat)."""
    c = s[0]
    if c.isdigit():
        return "num"
    if not c.isalpha():
        return "punct"
    if c.isupper():
        return "abbr" if _ABBREVIATION.fullmatch(s) else "cap"
    return "lower"


_new_syllable = tuple.__new__  # builds a Syllable without the Python-level NamedTuple constructor


class _FastSyllables(NamedTuple):
    safe: re.Pattern[str]  # a line made only of fast_classes.FAST_RANGES
    syllable: re.Pattern[str]  # SYLLABLE for the stdlib ``re`` (about twice as fast), on them


@functools.cache
def _fast_syllables() -> _FastSyllables:
    lmn = spelled(r"[\p{L}\p{M}\p{N}]")
    lud = spelled(r"[\p{Lu}\d]")
    mark = spelled(r"[^\p{L}\p{M}\p{N}\s]")
    # the same three branches as SYLLABLE, in the same order
    syllable = re.compile(rf"(?:TP|Tp|P|Q)\.(?=[{lud}])|[{lmn}]++(?:[.&'’\-][{lmn}]++)*+|[{mark}]")
    return _FastSyllables(only_fast_chars(), syllable)


def syllables(s: str, start: int, end: int, words: Mapping[int, str]) -> list[Syllable]:
    """The syllables of ``s[start:end]``; ``words`` maps the offset where an underthesea word
    starts to the word.

    This runs once per syllable of every document, so it is written for speed: ``findall``
    returns the strings in one C call and each offset is found with ``str.find`` from the end
    of the previous syllable (only spaces separate syllables, so the next occurrence is it).

    >>> [(x.text, x.kind) for x in syllables("UBND TP.HCM", 0, 11, {})]
    [('UBND', 'abbr'), ('TP.', 'abbr'), ('HCM', 'abbr')]
    """
    out: list[Syllable] = []
    append = out.append
    get = words.get
    find = s.find
    pos = start
    fast = _fast_syllables()
    pattern = fast.syllable if fast.safe.fullmatch(s, start, end) else SYLLABLE
    for syllable in pattern.findall(s, start, end):
        a = find(syllable, pos)
        pos = a + len(syllable)
        w = get(a, "")
        append(_new_syllable(Syllable, (syllable, a, pos, syllable_kind(syllable), w != "", w)))
    return out


#: Marks that end a sentence when a capital, a number or an opening quote follows.
SENTENCE_ENDS = frozenset({".", "!", "?", "…"})
#: What may open the next sentence right after such a mark (besides a capital or a number).
_OPENERS = "\"“'‘(-–"
#: Marks that close what a sentence quoted or bracketed: they stay with it ('… đến.” Sau đó').
_CLOSERS = frozenset({"”", "’", ")", "]"})
#: Quotes written the same way at both ends: which one a mark is depends on where it stands.
_STRAIGHT_QUOTES = frozenset({'"', "'"})
_LINE = regex.compile(r"[^\n]+")


def _closes(toks: list[Syllable], j: int) -> bool:
    """Whether ``toks[j]``, right after a sentence's end mark, closes a quote or a bracket.

    A straight quote glued to the mark and not to what follows closes ('đến." Sau'); one set
    apart from the mark opens the next sentence ('đến. "Tôi'); glued on both sides or on
    neither, it closes when the line has opened one more such quote before it than it closed.
    """
    t = toks[j]
    if t.text in _CLOSERS:
        return True
    if t.text not in _STRAIGHT_QUOTES:
        return False
    glued_before = toks[j - 1].end == t.start
    glued_after = j + 1 < len(toks) and toks[j + 1].start == t.end
    if glued_before != glued_after:
        return glued_before
    return sum(1 for x in toks[:j] if x.text == t.text) % 2 == 1


def sentences(s: str, words: Mapping[int, str], not_ending: Collection[str]) -> list[list[Syllable]]:
    """The syllables of each sentence of ``s``, cut inside each line on whole syllables.

    A sentence ends at ".", "!", "?" or "…" before a capital, a number or an opening quote,
    except after a syllable of ``not_ending`` (abbreviated titles: "TP. Hồ Chí Minh", "PGS. TS")
    or an initial ("Thomas A. Bussiere"). Closing quotes and brackets right after the mark stay
    with the sentence they close.

    >>> [[x.text for x in sent] for sent in sentences("Ông A. Bussiere đến. Ngày 5", {}, ())]
    [['Ông', 'A', '.', 'Bussiere', 'đến', '.'], ['Ngày', '5']]
    >>> [[x.text for x in sent] for sent in sentences('Ông nói: "Tôi đến." Sau đó', {}, ())]
    [['Ông', 'nói', ':', '"', 'Tôi', 'đến', '.', '"'], ['Sau', 'đó']]
    """
    out: list[list[Syllable]] = []
    for line in _LINE.finditer(s):
        toks = syllables(s, line.start(), line.end(), words)
        begin = 0
        last = len(toks) - 1
        for k in [k for k, t in enumerate(toks) if t.text in SENTENCE_ENDS]:  # few: look at those only
            j = k + 1  # the syllable after the mark and the quotes or brackets it closes
            while j <= last and _closes(toks, j):
                j += 1
            if j > last:
                break
            nxt = toks[j]
            if (nxt.kind in ("cap", "abbr", "num") or nxt.text in _OPENERS) and not (
                k > 0
                and (
                    toks[k - 1].text in not_ending
                    or (len(toks[k - 1].text) == 1 and toks[k - 1].text.isupper())
                )
            ):
                out.append(toks[begin:j])
                begin = j
        if begin < len(toks):
            out.append(toks[begin:])
    return out
