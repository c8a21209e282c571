"""One sentence's syllables and the predicates the rules share (is this a name syllable, the
longest place or organisation head here, does a person's name start here)."""

from __future__ import annotations

from vnextract import lexicon
from vnextract.recognizers.entities.tables import (
    NAME_SYLLABLE,
    NOT_NAME_SYLLABLES,
    SENTENCE_STARTERS,
    SURNAMES_NEEDING_FULL_NAMES,
    TEXT,
    Lexicons,
    first_index,
    match_at,
)
from vnextract.text.syllables import Syllable


class SentenceSyllables:
    """One sentence's syllables and the questions every rule asks about them."""

    def __init__(self, toks: list[Syllable], lex: Lexicons, glued: frozenset[int] = frozenset()) -> None:
        self.toks = toks
        self.lex = lex
        #: offsets of syllables written glued to the one before (``text.view.glued_starts``)
        self.glued = glued
        self.n = len(toks)
        self.place_first = first_index(lex.place_keys)
        #: names of the rules that applied, in order, when tracing (see document.rules_fired)
        self.trace: list[str] | None = None

    # --------------------------------------------------------------- token predicates

    def is_name_tok(self, j: int) -> bool:
        return j < self.n and self.toks[j].kind in ("cap", "abbr")

    def key_at(self, j: int, n: int) -> tuple[str, ...]:
        return tuple(map(TEXT, self.toks[j : j + n]))

    def place_at(self, j: int, end: int | None = None, max_tier: int = lexicon.TIER_COMMUNE) -> int:
        """Length of the longest place name at ``j`` (within ``end``) of tier <= max_tier."""
        if j >= self.n:
            return 0
        lengths = self.place_first.get(self.toks[j].text)
        if not lengths:
            return 0
        room = (self.n if end is None else end) - j
        toks, places = self.toks, self.lex.places
        for n in lengths:
            if n <= room:
                p = places.get(tuple(map(TEXT, toks[j : j + n])))
                if p is not None and p.tier <= max_tier:
                    return n
        return 0

    def place_kind(self, j: int, n: int) -> str | None:
        p = self.lex.places.get(self.key_at(j, n))
        return p.kind if p is not None else None

    def head_at(self, j: int) -> int:
        """Length of an organisation head at ``j`` (0 when the syllables form a common word:
        "Hội nghị" is a conference, "Bộ trưởng" a minister, not heads)."""
        if j >= self.n or self.toks[j].kind not in ("cap", "abbr"):
            return 0
        n = match_at(self.toks, j, self.lex.heads, self.lex.head_len)
        if (
            n == 1
            and self.toks[j].text == "Khoa"
            and j > 0
            and (self.toks[j - 1].text.lower() + " khoa") in self.lex.words
        ):
            return 0  # "Thủ Khoa Huân" (a street), "Bách Khoa": a word ending in khoa, no ward
        if n and j + n < self.n:
            nxt = self.toks[j + n]
            if nxt.text == "viên" and not nxt.word_start:
                return 0  # "Tỉnh ủy viên": a member, not the committee
            if nxt.text == "trưởng":
                return 0  # "Tổng cục trưởng", "Cục trưởng": the chief, not the body
            if nxt.kind == "lower" and n == 1:
                # "Hội nghị", "Bộ trưởng", "Ban tổ chức", "Vụ kiện": the head syllable starts a
                # longer common word. Heads of several syllables ("Công ty") are words themselves.
                word = self.toks[j].word.lower()
                if (not nxt.word_start and word in self.lex.words) or (
                    self.toks[j].text.lower() + " " + nxt.text
                ) in self.lex.words:
                    return 0
            if (
                self.toks[j].kind == "abbr"
                and nxt.kind == "abbr"
                and nxt.text.isalpha()
                and len(nxt.text) >= 3
                and nxt.text.lower() in self.lex.words
            ):
                return 0  # "CA BỆNH 2813": a heading in capitals, not "Công an"
        return n

    def continues_word(self, k: int) -> bool:
        """The lowercase syllable at ``k`` finishes a word begun before it: "tế" in "Y tế",
        "chính" in "Tài chính" (underthesea's word and the dictionary agree)."""
        toks = self.toks
        t = toks[k]
        if t.word_start or k == 0:
            return False
        prev = toks[k - 1]
        if prev.kind == "lower":
            return True
        if prev.kind not in ("cap", "abbr"):
            return False
        words = self.lex.words
        if (prev.text.lower() + " " + t.text) in words:
            return True
        return k >= 2 and (toks[k - 2].text.lower() + " " + prev.text.lower() + " " + t.text) in words

    def stop_at(self, j: int) -> int:
        """Length of a stop word at ``j`` that is a whole underthesea word ("phát" is not one
        inside "phát triển")."""
        toks = self.toks
        best = 0
        # a glued "word" the dictionary does not know ("trao bộ" = hand over + set) does not
        # hide the stop word it starts with
        unknown = toks[j].word_start and toks[j].word.lower() not in self.lex.words
        for n in range(1, min(3, self.n - j) + 1):
            if self.key_at(j, n) in self.lex.stops and (
                j + n >= self.n or toks[j + n].word_start or (unknown and n == 1)
            ):
                best = n
        return best

    def starts_sentence(self, k: int) -> bool:
        """The capitalised word at ``k`` opens a sentence ("Theo", "Tối") — but "Tối cao"
        (supreme) goes on a name: "Cục Điều tra VKSND Tối cao"."""
        toks = self.toks
        if toks[k].text not in SENTENCE_STARTERS:
            return False
        return not (toks[k].text == "Tối" and k + 1 < self.n and toks[k + 1].text == "cao")

    def is_person_start(self, j: int, end: int | None = None) -> bool:
        """A Vietnamese full name starts at ``j``: a surname then 1–3 name syllables."""
        stop = self.n if end is None else end
        if j >= stop or self.toks[j].text not in self.lex.surnames:
            return False
        k = j + 1
        while (
            k < stop
            and k - j < 4
            and self.toks[k].kind == "cap"
            and NAME_SYLLABLE.fullmatch(self.toks[k].text)
            and self.toks[k].text not in NOT_NAME_SYLLABLES
        ):
            k += 1
        if k == j + 1 or (k == j + 2 and self.toks[j].text in SURNAMES_NEEDING_FULL_NAMES):
            return False
        # "Hà Nội", "Lâm Đồng", "Hà Nội Chu Ngọc Anh": a place first, not a person
        return self.place_at(j, None, lexicon.TIER_DISTRICT) < 2
