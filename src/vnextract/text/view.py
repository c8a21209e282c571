"""The token view every recogniser and linker reads: sentences → syllables (with offsets and
the underthesea word each starts), and the lexicon look-ups features need.

    view = token_view(text)                    # built once per Text, then cached on it
    for sentence in view.sentences:            # list[Syllable], cut on whole syllables
        for s in sentence:
            s.text, s.start, s.end, s.kind, s.word_start, s.word
    longest_entry(sentence, i, lexicon.places())   # syllables of the longest place at i (0: none)
    s.text in lexicon.surnames(); s.text in lexicon.foreign_given_names()
    longest_entry(sentence, i, lexicon.org_heads()), longest_entry(sentence, i, lexicon.person_cues())

The sentences are the Text's own (``Text.sentences``, and so ``Document.sentences``): cut once
on whole syllables when the Text is built, their syllables kept in ``Text.syllables``. This
module adds the map of underthesea's words and the look-up of lexicon entries.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Collection
from typing import NamedTuple

from vnextract.text.syllables import Syllable
from vnextract.text.text import Text


class TokenView(NamedTuple):
    """One Text as syllables: what the recognisers read."""

    #: the syllables of each sentence (empty sentences left out: a line of spaces has none)
    sentences: tuple[list[Syllable], ...]
    #: offset where an underthesea word starts → the word ("Bình Dương")
    words: dict[int, str]


def token_view(text: Text) -> TokenView:
    """The syllables of each sentence of ``text`` (``text.syllables``) with the map of
    underthesea's words, built once and kept on the Text.

    >>> from vnextract.text import Text
    >>> view = token_view(Text.from_string("Ông Trần Thanh Liêm. TP.HCM"))
    >>> [[(s.text, s.kind, s.word) for s in sent] for sent in view.sentences][1]
    [('TP.', 'abbr', 'TP.HCM'), ('HCM', 'abbr', '')]
    """
    cached = text.views.get("tokens")
    if cached is None:
        words = {t.start: t.text for t in text.tokens}
        cached = text.views["tokens"] = TokenView(text.syllables, words)
    assert isinstance(cached, TokenView)
    return cached


def glued_starts(text: Text) -> frozenset[int]:
    """Offsets of the syllables the caller wrote glued to the one before, parted by the
    normaliser ("Ban Biên tậpTiêu đề": a lost line break between a form's fields), so that a
    name does not run across the seam; built once and kept on the Text.

    >>> from vnextract.text import Text
    >>> text = Text.from_string("Gửi tới: Ban Biên tậpTiêu đề: Góp ý")
    >>> sorted(text.normalized[i : i + 4] for i in glued_starts(text))
    ['Tiêu']
    """
    cached = text.views.get("glued")
    if cached is None:
        found = set()
        if text.maps:  # most text needed no normalising: nothing was parted
            for sentence in text.syllables:
                for prev, s in itertools.pairwise(sentence):
                    # the space the normaliser inserted maps back to the glued character before it
                    if (
                        prev.end + 1 == s.start
                        and text.normalized[prev.end] == " "
                        and text.to_original(prev.end - 1, prev.end)[1]
                        >= text.to_original(s.start, s.start + 1)[0]
                    ):
                        found.add(s.start)
        cached = text.views["glued"] = frozenset(found)
    assert isinstance(cached, frozenset)
    return cached


class FlatSyllables(NamedTuple):
    """Every syllable of a Text's token view in text order, across sentences, and their starts
    (for ``bisect``): what a reader that looks past a sentence's cut reads."""

    starts: list[int]
    syllables: list[Syllable]


def flat_syllables(text: Text) -> FlatSyllables:
    """The token view's syllables in one list, built once and kept on the Text.

    >>> from vnextract.text import Text
    >>> flat = flat_syllables(Text.from_string("Ông Liêm đến. Bà Hoa đi."))
    >>> [x.text for x in flat.syllables][2:6], flat.starts[4]
    (['đến', '.', 'Bà', 'Hoa'], 14)
    """
    cached = text.views.get("flat_syllables")
    if cached is None:
        syllables = [x for sentence in token_view(text).sentences for x in sentence]
        cached = text.views["flat_syllables"] = FlatSyllables([x.start for x in syllables], syllables)
    assert isinstance(cached, FlatSyllables)
    return cached


def longest_entry(
    syllables: list[Syllable], i: int, table: Collection[tuple[str, ...]], longest: int = 6
) -> int:
    """How many syllables from ``i`` form the longest entry of ``table`` (0: none), for
    membership features: ``longest_entry(sentence, i, lexicon.places())``."""
    for n in range(min(longest, len(syllables) - i), 0, -1):
        if tuple(s.text for s in syllables[i : i + n]) in table:
            return n
    return 0


#: The most syllables an entry read by ``phrase_before`` may have.
_LONGEST_BEFORE = 6


def phrase_before(
    text: Text, at: int, table: Collection[tuple[str, ...]], reach: int, spaces: str | None = None
) -> tuple[int, str] | None:
    """The longest entry of ``table`` (casefolded syllables) written right before ``at``: its
    syllables apart by white space, white space between it and ``at``, starting at most
    ``reach`` characters before ``at``. Its start and its words (casefolded, one space apart),
    or None. ``spaces``: the only characters that white space may hold (" \\t", a space and a tab:
    not across a line); None: any.

    >>> from vnextract.text import Text
    >>> text = Text.from_string("Ông Liêm giữ chức vụ phó giám đốc.")
    >>> phrase_before(text, 21, {("giữ", "chức"), ("giữ", "chức", "vụ"), ("vụ",)}, 40)
    (9, 'giữ chức vụ')
    >>> phrase_before(text, 21, {("giữ", "chức", "vụ")}, 8) is None
    True
    """
    s = text.normalized
    starts, syllables = flat_syllables(text)
    j = bisect.bisect_left(starts, at)
    found: tuple[int, str] | None = None
    after = at  # where the white space after the syllable being added must end
    for n in range(1, min(_LONGEST_BEFORE, j) + 1):
        first = syllables[j - n]
        gap = s[first.end : after]
        blank = gap.isspace() if spaces is None else not gap.strip(spaces)
        if first.start < at - reach or not gap or not blank:
            break
        words = tuple(x.text.casefold() for x in syllables[j - n : j])
        if words in table:
            found = (first.start, " ".join(words))
        after = first.start
    return found
