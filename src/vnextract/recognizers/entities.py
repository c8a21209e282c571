"""Recogniser: persons, organisations and locations (PER / ORG / LOC).

Rules and lexicons, no statistical model (no openly licensed Vietnamese NER data exists to
train one we could ship): one left-to-right pass over the syllables of each sentence, then one
pass over the whole document for names seen earlier ("ông Liêm" after "Trần Thanh Liêm",
"Vinaisalpro" after "Công ty … (Vinaisalpro)", "Saigontourist" after "Công ty dịch vụ lữ hành
Saigontourist"). Sentences are cut here, on whole syllables, so initials ("V.P.H.N") survive.

At each syllable the scanner tries, in this order:

1. a well-known bare organisation ("WHO", "Vinamilk", "Dân trí");
2. an organisation head noun ("Bộ", "Sở", "UBND", "Công ty" …) and its body, extended over
   capitalised words, abbreviations, admin units ("UBND tỉnh Bình Dương") and lowercase
   descriptors ("Trung tâm kiểm soát bệnh tật") until a verb or function word;
3. a place prefix ("tỉnh", "huyện", "xã", "đường" …; "TP", "Thị xã" when capitalised) and the
   place name after it; numbered units ("quận 12", "P.10");
4. an honorific ("ông", "bà" …) or a title/role cue ("Giám đốc", "Thiếu tá", "bị cáo") that
   makes the next capitalised run a person;
5. initials ("W.Buffett", "H.T.P");
6. a capitalised run, classified with the gazetteer (provinces, countries), surnames
   ("Nguyễn Văn A"), foreign given names ("Bill Gates") and district names; what is left is
   kept for the document pass.

Lexicons live in ``vnextract/data``, read through :mod:`vnextract.lexicon`.

Offsets are into ``text.normalized``. Word boundaries inside lowercase text come from the
underthesea tokens the Text already holds ("Y tế", "Tài chính" are one word each).
"""

from __future__ import annotations

import bisect
import functools
import operator
from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import NamedTuple

import regex

from vnextract import lexicon
from vnextract.lexicon import Key, load_tsv, phrase_class, place_prefixes, word_class
from vnextract.lexicon.organizations import listed_heads
from vnextract.records import Location, Organization, Person, Span
from vnextract.text import Text
from vnextract.text.syllables import Syllable, syllable_kind
from vnextract.text.view import token_view

# ----------------------------------------------------------------------------- name shapes

# Initials before a surname ("W.Buffett", "H.Hariri") or initials only ("H.T.P").
_INITIALS = regex.compile(r"(?:\p{Lu}\.)++\p{Lu}\p{Ll}++|\p{Lu}(?:\.\p{Lu})++\.?")
# A syllable of a foreign name ("Gates", "Moo-hyun", "O'Neill").
_FOREIGN_SYLLABLE = regex.compile(r"(?:Mc|Mac)?\p{Lu}[\p{Ll}\p{M}'’\-]*+")  # "McAuliff", "MacArthur"
# A Scottish or Irish surname with an inner capital ("McAuliff"): a name, not a CamelCase brand.
_MC_NAME = regex.compile(r"(?:Mc|Mac)\p{Lu}\p{Ll}++")
# A Vietnamese-looking name syllable: one capital then lowercase letters ("Liêm", "Thị").
_NAME_SYLLABLE = regex.compile(r"\p{Lu}[\p{Ll}\p{M}]*+")

_TEXT = operator.itemgetter(0)  # a Syllable's text, for map() (faster than a generator over .text)


# ----------------------------------------------------------------------------- small tables

# Every word list is data (vnextract/data, read through vnextract.lexicon); only grammar words
# (the plural quantifiers and the foreign connectors below) stay in code.

_PREFIXES = place_prefixes()
# Place prefixes: lowercase ones stay outside the span ("tỉnh Bình Dương" → "Bình Dương"),
# the value is the Location.kind they give.
_LOC_PREFIXES: dict[Key, str] = {k: p.kind for k, p in _PREFIXES.items() if p.written == "word"}
# Capitalised prefixes that are part of the usual name ("TP Hồ Chí Minh", "Thị xã Nghĩa Lộ").
_CAP_LOC_PREFIXES: dict[Key, str] = {k: p.kind for k, p in _PREFIXES.items() if p.written == "name"}
# Kinds of administrative unit (a person's full name after them is the officer, not a place).
_ADMIN_KINDS = frozenset(p.kind for p in _PREFIXES.values() if p.administrative)
# Capitalised prefixes that are only sentence case: kept out of the span ("Tỉnh Hải Dương
# yêu cầu" → "Hải Dương"), like their lowercase forms.
_SENTENCE_CASE_PREFIXES = frozenset(
    k for k, p in _PREFIXES.items() if p.written == "name" and p.span in ("in_mid_sentence", "out")
)
# Capitalised prefixes never in the span, which are also surnames ("Đường Thị Quế").
_SURNAME_PREFIXES = frozenset(k for k, p in _PREFIXES.items() if p.written == "name" and p.span == "out")
# Prefixes that take a number: the number and prefix make the name ("quận 12", "ấp 7").
_NUMBERED = frozenset(p.kind for p in _PREFIXES.values() if p.numbered)
# Admin words inside an organisation's name ("UBND tỉnh", "Công an huyện Củ Chi").
_ADMIN_WORDS = frozenset(k for k, p in _PREFIXES.items() if p.in_organization)
# Lowercase words that introduce an organisation but stay outside its span ("báo Tuổi Trẻ").
_ORG_INTRODUCERS = phrase_class("org_introducer")
# Introducers of a sports club: a place right after them names the club, not the place.
_CLUB_INTRODUCERS = phrase_class("club_introducer")

_HEADS = listed_heads()
# Heads whose name may go on in lowercase ("Trung tâm kiểm soát bệnh tật", "Quỹ hỗ trợ phát
# triển", "Công ty cổ phần dược phẩm Nam Hà"); other heads need a capitalised word next.
_LOWERCASE_BODY_HEADS_LOWER = frozenset(
    tuple(w.lower() for w in k) for k, h in _HEADS.items() if h.body in ("lowercase", "one_word")
)
# Heads named well enough by one lowercase word ("Viện năng lượng", "Cục thuế").
_ONE_WORD_BODY_HEADS = frozenset(
    tuple(w.lower() for w in k) for k, h in _HEADS.items() if h.body == "one_word"
)
# Heads whose name may be a bare number ("Bệnh viện 175", "Quân khu 7", "Xí nghiệp 1").
_NUMBERED_HEADS = frozenset(k for k, h in _HEADS.items() if h.numbered)
# Heads that take a lowercase name only when it ends in a scope word ("Hội đồng bầu cử quốc
# gia"): without one the words are generic ("Hội đồng xét xử" = the trial panel).
_SCOPE_BODY_HEADS = frozenset(k for k, h in _HEADS.items() if h.body == "scope")
# Heads whose bare name is most often a place, not a short name of the body ("Đại học
# Lanzhou", "Bệnh viện Hậu Nghĩa"): the document pass does not take the name alone for it.
_PLACE_NAMED_HEADS = frozenset(k for k, h in _HEADS.items() if h.place_named)
# Heads followed by "tại <place>" inside the name ("Tổng lãnh sự quán Mỹ tại TP HCM").
_AT_PLACE_HEADS = frozenset(k for k, h in _HEADS.items() if h.at_place)
# Heads often followed by a person's name that is part of the organisation's name
# ("Trường THPT Lê Quý Đôn", "trường TH-THCS Nguyễn Du").
_NAMED_AFTER_PEOPLE = frozenset(k for k, h in _HEADS.items() if h.named_after_people)

# Heads of teaching bodies: "Luật" (law) after them is a subject, not a law ("Trường Đại học
# Luật Hà Nội", "Khoa Luật").
_TEACHING_HEAD_ENDS = word_class("teaching_head_end")
# Words of a hospital ward's name that elsewhere are verbs ending a name ("đi cấp cứu"):
# "Khoa Hồi sức cấp cứu" (intensive care), "Khoa Chống độc" (poison control).
_WARD_WORDS = phrase_class("ward_word")
# Scope words ending the lowercase name of a _SCOPE_BODY_HEADS head ("quốc gia", "quốc tế").
_SCOPE_WORDS = phrase_class("scope_word")
# Rare surnames that more often start a street or place name ("Đồng Khởi", "Quang Trung"):
# a person only with two name syllables after them ("Đồng Đăng Phúc", "Quang Hữu Dũng").
_SURNAMES_NEEDING_FULL_NAMES = word_class("rare_surname")
# Lowercase words joining the capitalised words of a foreign name ("Journal of Research in
# Personality", "Banco de Chile"): grammar words of English and Romance languages, kept here.
_FOREIGN_CONNECTORS = frozenset(
    {"of", "for", "in", "and", "the", "on", "de", "del", "la", "du", "des", "von", "van"}
)
# Countries written as Latin initials: in parentheses after an organisation they name its
# country, not its short name ("Đại sứ quán Mỹ (USA)").
_PLACE_ACRONYMS = word_class("country_initials")
# Nicknames by birth order ("Năm Cam", "Ba Mạnh", "Tư Sang", "Út Trọc"): the first syllable.
_BIRTH_ORDER = word_class("birth_order")
# Words after a title that belong to it ("Phó Chủ tịch Thường trực"), not a name.
_CUE_MODIFIERS = phrase_class("title_suffix")
# Documents, not names: "Ban Chỉ đạo Quốc gia và Quyết định số 93" stops before "Quyết định".
_DOCUMENT_KEYS = phrase_class("document")
# Words that make a foreign capitalised run an organisation ("European Super League").
_FOREIGN_ORG_WORDS = word_class("foreign_org_word")
# Words before a head that make it generic, not one named organisation ("6 CLB Anh",
# "các Sở", "những công ty"): plural quantifiers and small numbers, grammar kept here.
_PLURAL = frozenset({"các", "những", "mọi", "nhiều", "mỗi", "từng", "vài", "hai", "ba", "bốn"})
# Years of the sexagenary cycle ("Giáp Thân" = 2004), not names: the stems and branches of the
# dates recogniser's table, capitalised.
_STEMS = frozenset(r["word"].capitalize() for r in load_tsv("dates_lunar.tsv") if r["kind"] == "can")
_BRANCHES = frozenset(r["word"].capitalize() for r in load_tsv("dates_lunar.tsv") if r["kind"] == "chi")
# Capitalised function words that start a sentence, never inside a name (and currency codes:
# "29.000 USD Hoa chiếm đoạt").
_SENTENCE_STARTERS = word_class("sentence_starter")
# Abbreviations of kinds, not names ("doanh nghiệp FDI" = foreign-invested enterprises).
_GENERIC_ABBREVIATIONS = word_class("generic_abbreviation")
_COMPASS = word_class("compass")
# Abbreviations of a body every organisation has, not a name ("Chủ tịch HĐQT" = chairman of the
# board), and of roles: never an organisation on their own after a title.
_GENERIC_BODIES = word_class("generic_body")
# Heads of units that a title ending in them may name ("Trưởng Ban quản lý …", "Phó Vụ …").
_UNIT_HEADS_IN_CUES = word_class("unit_head_in_title")
# A brand written in CamelCase ("LienVietPostBank", "VinaPhone"), never a person.
_CAMEL_CASE = regex.compile(r"\p{Ll}\p{Lu}")
# Words that follow titles but are not names ("Bí thư Trung ương Đảng").
_NOT_NAMES = word_class("not_name")
_CURRENCIES = word_class("currency_code")
# Syllables of titles and heads, never inside a person's name ("Từ Trưởng khoa …").
_NOT_NAME_SYLLABLES = word_class("not_name_syllable")
# Compass and generic words never taken as a short reference to a person ("miền Nam").
_NOT_SHORT_NAMES = word_class("not_short_name")
# "Ảnh:" (photo:) credits a person or an organisation.
_PHOTO = word_class("photo_credit")
# Second syllables of a full name ("Phạm Văn Tuấn"): after an admin word, the officer's name.
_MIDDLE_NAMES = word_class("common_middle_name")

_MAX_LOWER_WORDS = 5  # lowercase words an organisation body may run on for


# ----------------------------------------------------------------------------- candidates


class Cand(NamedTuple):
    label: str  # "PER", "ORG", "LOC" or "UNK" (a capitalised run not yet classified)
    start: int  # token index
    end: int
    honorific: str | None = None
    kind: str | None = None  # Location.kind
    by_cue: bool = False  # a person only because a title came before ("Giám đốc Vinaisalpro")


# First syllable → lengths of the entries starting with it (longest first), per lexicon; the
# lexicon itself is kept beside its index so that its id cannot be reused.
_FIRST: dict[int, tuple[Collection[tuple[str, ...]], dict[str, tuple[int, ...]]]] = {}


def _first_index(table: Collection[tuple[str, ...]]) -> dict[str, tuple[int, ...]]:
    got = _FIRST.get(id(table))
    if got is None:
        lengths: dict[str, set[int]] = {}
        for k in table:
            lengths.setdefault(k[0], set()).add(len(k))
        got = (table, {first: tuple(sorted(ls, reverse=True)) for first, ls in lengths.items()})
        _FIRST[id(table)] = got
    return got[1]


def _match(toks: Sequence[Syllable], i: int, table: Collection[tuple[str, ...]], max_len: int) -> int:
    """Length of the longest entry of ``table`` (a collection of syllable tuples) at ``i``."""
    if i >= len(toks):
        return 0
    got = _FIRST.get(id(table))
    lengths = (got[1] if got is not None else _first_index(table)).get(toks[i].text)
    if not lengths:
        return 0
    room = min(max_len, len(toks) - i)
    for n in lengths:
        if n <= room and (n == 1 or tuple(map(_TEXT, toks[i : i + n])) in table):
            return n
    return 0


class _Lex(NamedTuple):
    places: Mapping[lexicon.Key, lexicon.Place]
    place_keys: frozenset[lexicon.Key]
    heads: Mapping[lexicon.Key, lexicon.OrgHead]
    head_len: int
    orgs: frozenset[lexicon.Key]
    org_len: int
    cues: frozenset[lexicon.Key]
    cue_len: int
    stops: frozenset[lexicon.Key]
    surnames: Mapping[str, float]
    honorifics: frozenset[str]
    words: frozenset[str]
    foreign_given: frozenset[str]


_LEX: _Lex | None = None


def _lex() -> _Lex:
    global _LEX
    if _LEX is None:
        places = lexicon.places()
        heads = lexicon.org_heads()
        orgs = lexicon.known_organizations()
        cues = lexicon.person_cues()
        _LEX = _Lex(
            places,
            frozenset(places),
            heads,
            max(map(len, heads)),
            orgs,
            max(map(len, orgs)),
            cues,
            max(map(len, cues)),
            lexicon.stopwords(),
            lexicon.surnames(),
            lexicon.honorifics(),
            lexicon.common_words(),
            lexicon.foreign_given_names(),
        )
    return _LEX


@functools.cache
def _triggers() -> frozenset[str]:
    """Lowercase syllables and marks that may start something the scanner looks for."""
    lex = _lex()
    firsts: set[str] = {"ngành", "số", *_PHOTO, *lex.honorifics}
    for table in (lex.orgs, lex.cues, lex.place_keys, _ORG_INTRODUCERS, _LOC_PREFIXES.keys()):
        firsts.update(k[0] for k in table)
    return frozenset(f for f in firsts if not f[:1].isupper())


@functools.cache
def _lower_starts() -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """For a lowercase trigger syllable: the syllables that are a whole entry of a table the
    scanner reads (or are looked at alone: "ngành", "số", "ảnh", honorifics), and the first two
    syllables of longer entries. A lowercase syllable in neither starts nothing ("học" without
    "sinh"), so the scanner skips it with two set look-ups."""
    lex = _lex()
    singles: set[str] = {"ngành", "số", *_PHOTO, *lex.honorifics}
    singles.update(t for t in _triggers() if t.lower() in lex.honorifics)
    pairs: set[tuple[str, str]] = set()
    tables = (lex.orgs, lex.cues, lex.place_keys, _ORG_INTRODUCERS, _LOC_PREFIXES, _CAP_LOC_PREFIXES)
    for table in tables:
        for k in table:
            if len(k) == 1:
                singles.add(k[0])
            else:
                pairs.add((k[0], k[1]))
    return frozenset(singles), frozenset(pairs)


# 32,768 syllables: full after about 1,000 news articles, so memory stops growing there.
@functools.lru_cache(maxsize=1 << 15)
def _look(syllable: str) -> int:
    """Whether the scanner must look at a syllable: 0 never (a lowercase word or mark that
    starts nothing), 1 always, 2 only when it and the next syllable start a table entry.
    Depends on the syllable alone, so it is cached (syllables repeat)."""
    kind = syllable_kind(syllable)
    if kind not in ("lower", "punct"):
        return 1
    if syllable not in _triggers():
        return 0
    if kind == "lower" and syllable not in _lower_starts()[0]:
        return 2
    return 1


@functools.cache
def _place_prefix_firsts() -> frozenset[str]:
    """Syllables a place prefix can start with: ``_Sentence._place`` finds nothing elsewhere."""
    return frozenset(k[0] for k in (*_CAP_LOC_PREFIXES, *_LOC_PREFIXES))


class _Sentence:
    """One sentence's syllables and the scanner over them."""

    def __init__(self, toks: list[Syllable], lex: _Lex) -> None:
        self.toks = toks
        self.lex = lex
        self.n = len(toks)
        self.place_first = _first_index(lex.place_keys)

    # --------------------------------------------------------------- token predicates

    def is_name_tok(self, j: int) -> bool:
        return j < self.n and self.toks[j].kind in ("cap", "abbr")

    def key_at(self, j: int, n: int) -> tuple[str, ...]:
        return tuple(map(_TEXT, self.toks[j : j + n]))

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
                p = places.get(tuple(map(_TEXT, toks[j : j + n])))
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
        n = _match(self.toks, j, self.lex.heads, self.lex.head_len)
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
        if toks[k].text not in _SENTENCE_STARTERS:
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
            and _NAME_SYLLABLE.fullmatch(self.toks[k].text)
            and self.toks[k].text not in _NOT_NAME_SYLLABLES
        ):
            k += 1
        if k == j + 1 or (k == j + 2 and self.toks[j].text in _SURNAMES_NEEDING_FULL_NAMES):
            return False
        # "Hà Nội", "Lâm Đồng", "Hà Nội Chu Ngọc Anh": a place first, not a person
        return self.place_at(j, None, lexicon.TIER_DISTRICT) < 2

    def cap_run(self, j: int) -> int:
        """End of the run of capitalised syllables from ``j`` (stops before an org head)."""
        k = j
        place_end = j + self.place_at(j, None, lexicon.TIER_DISTRICT)
        # "Đặng Trường Giang", "Nguyễn Hội Nghĩa": a head word inside a given name is no head
        name_end = j + 3 if self.toks[j].text in self.lex.surnames else j
        while k < self.n and self.toks[k].kind in ("cap", "abbr"):
            if k > j and self.starts_sentence(k):
                break  # "… Q.1, TP.HCM Theo Tổng cục Du lịch": a headline runs into the text
            if (
                k > j
                and self.toks[j].kind == "abbr"
                and _match(self.toks, k, self.lex.orgs, self.lex.org_len)
            ):
                break  # "PV Thanh Niên": a reporter of the newspaper Thanh Niên
            if (
                k > j
                and k >= place_end
                and k >= name_end
                and self.place_at(k - 1, None, lexicon.TIER_DISTRICT) < 2
            ):
                # (a head inside a place name is none: "CĐV Hải Phòng căng …")
                h = self.head_at(k)
                if h:
                    head = self.key_at(k, h)
                    body_end, named = self.org_body(k + h, head)
                    if named or self.lex.heads[head].standalone or body_end > k + h:
                        break  # "Hoàng Hữu Đoàn": "Đoàn" heads nothing here, it is a name
            k += 1
            if (
                k + 1 < self.n
                and len(self.toks[k - 1].text) == 1
                and self.toks[k].text == "."
                and self.toks[k + 1].kind == "cap"
                and _FOREIGN_SYLLABLE.fullmatch(self.toks[k + 1].text)
            ):
                k += 1  # a middle initial: "Thomas A. Bussiere", "Q. Liêm"
        return k

    # --------------------------------------------------------------- organisation body

    def org_body(self, j: int, head: tuple[str, ...]) -> tuple[int, bool]:
        """End of an organisation's body starting at ``j``; and whether it names something."""
        toks, n = self.toks, self.n
        lowercase_ok = tuple(w.lower() for w in head) in _LOWERCASE_BODY_HEADS_LOWER
        people_ok = head in _NAMED_AFTER_PEOPLE
        end = j
        named = False
        proper = False  # the last capitalised word is a proper name ("Hậu Nghĩa"), not "Sản xuất"
        lower_words = 0
        k = j
        while k < n:
            t = toks[k]
            if t.kind in ("cap", "abbr"):
                prev = toks[k - 1] if k > j else None
                if k > j and self.starts_sentence(k):
                    break  # "vụ án Công ty Đông Nam Theo thông báo …": a headline runs on
                if k > j and any(
                    _match(toks, k - m, _CAP_LOC_PREFIXES, 2) == m for m in (1, 2) if k - m >= j
                ):
                    place = self.place_at(k)
                    if place:  # "Sở Y tế TP Hồ Chí Minh": a place after "TP", not a person
                        k = end = k + place
                        named = proper = True
                        lower_words = 0
                        continue
                inner = self.head_at(k)
                if inner and self.key_at(k, inner) in _NAMED_AFTER_PEOPLE:
                    people_ok = True  # "Ban Giám đốc Học viện … Hồ Chí Minh"
                if not people_ok and (
                    self.is_person_start(k)
                    or (t.text in self.lex.foreign_given and k + 1 < n and toks[k + 1].kind == "cap")
                ):
                    break  # "Sở TTTT Lai Xuân Thành", "Hạ viện Dennis Hastert": a person follows
                if k > j and t.text in self.lex.honorifics:
                    break
                if self.document_at(k, head) and toks[k - 1].text not in "-–":
                    break  # "… và Quyết định số 93" (but "Trường ĐH Kinh tế - Luật")
                whole = self.place_at(k) if k > j else 0
                if whole > 1 and any(toks[q].text in "-–" for q in range(k, k + whole)):
                    k = end = k + whole  # "… tiểu thủ công nghiệp Bà Rịa - Vũng Tàu"
                    named = proper = True
                    lower_words = 0
                    continue
                nxt = toks[k + 1] if k + 1 < n else None
                proper = bool(
                    (prev is not None and k > j and prev.kind in ("cap", "abbr"))
                    or (t.kind == "abbr" and not self.head_at(k))
                    or self.place_at(k, None, lexicon.TIER_BARE)
                    # a brand, no Vietnamese word: "Tập đoàn Vingroup bàn giao …" ends at it
                    or (t.kind == "cap" and len(t.text) > 3 and t.text.lower() not in self.lex.words)
                )
                if nxt is not None and nxt.kind == "lower" and not nxt.word_start and not self.is_brand(k):
                    proper = False  # "Sản xuất", "Phát triển": a common word capitalised
                k += 1
                end, named, lower_words = k, True, 0
                continue
            if t.kind == "num":
                prev = toks[k - 1]
                nxt = toks[k + 1] if k + 1 < n else None
                if (
                    k == j
                    and head in _NUMBERED_HEADS
                    and t.text.isdigit()
                    and (nxt is None or nxt.kind == "punct" or self.stop_at(k + 1) or self.head_at(k + 1))
                ):
                    k = end = k + 1  # "Bệnh viện 175 - Bộ Quốc phòng", "Quân khu 7"
                    named = proper = True
                    continue
                if (
                    k > j
                    and prev.kind in ("cap", "abbr", "lower")
                    and (named or self._admin_before(k))
                    and (nxt is None or nxt.kind == "punct" or self.stop_at(k + 1))
                ):
                    k += 1
                    end = k
                    continue
                break
            if t.kind == "lower":
                admin = _match(toks, k, _ADMIN_WORDS, 3) if t.word_start else 0  # not "nông thôn"
                if admin == 1 and t.text == "xã" and k + 1 < n and toks[k + 1].text == "hội":
                    admin = 0  # "Giáo dục lao động xã hội": "xã hội" (society), no commune
                if t.text in _FOREIGN_CONNECTORS and named and toks[k - 1].kind in ("cap", "abbr"):
                    q = k
                    while q < n and q - k < 2 and toks[q].text in _FOREIGN_CONNECTORS:
                        q += 1
                    if q < n and toks[q].kind in ("cap", "abbr"):
                        k = q  # "Journal of Research in Personality", "Proceedings of the Royal Society"
                        continue
                if t.text == "tại" and head in _AT_PLACE_HEADS and named:
                    m = self._place_with_prefix(k + 1)
                    if m:
                        k = end = m
                        continue
                    break
                if (
                    not admin
                    and named
                    and proper
                    # a new word, or one underthesea glued to the name ("AFP trích": AFP quotes)
                    and (t.word_start or (self.is_brand(k - 1) and not self.continues_word(k)))
                ):
                    break  # "Sở TTTT đã", "Bệnh viện Hậu Nghĩa chữa trị": a proper name ends it
                if admin:
                    after = k + admin
                    run_end = self.cap_run(after) if self.is_name_tok(after) else after
                    if self.is_name_tok(after) and not (
                        # "UBND thành phố Lê Thanh Hải": the chairman's name, not a place
                        self.is_person_start(after)
                        and self.place_at(after, run_end, lexicon.TIER_COMMUNE) < run_end - after
                    ):
                        stop = self.cap_run(after)
                        whole = self.place_at(after)
                        if whole > stop - after:
                            stop = after + whole  # "UBND tỉnh Bà Rịa - Vũng Tàu": across the hyphen
                        # keep the place; a person's name after it is not part of the body
                        m = self.place_at(after, stop)
                        if m and m < stop - after and self.is_person_start(after + m, stop):
                            stop = after + m
                        else:
                            for q in range(after + 1, stop):
                                if self.is_person_start(q, stop) and not self.place_at(
                                    q, stop, lexicon.TIER_DISTRICT
                                ):
                                    stop = q
                                    break
                        k = end = stop
                        named = proper = True
                        lower_words = 0
                        continue
                    if after < n and toks[after].kind == "num":
                        k = end = after + 1
                        named = proper = True
                        continue
                    end = after  # "UBND tỉnh", "Công an huyện": the admin word ends it
                    break
                if t.text == "số" and named and k + 1 < n and toks[k + 1].text.isdigit():
                    k = end = k + 2  # "Công ty Xây dựng số 3", "HTX Bốc xếp số 4"
                    continue
                if k > j and self.continues_word(k):
                    k += 1  # rest of a word begun before: "Y tế", "Tài chính"
                    end = k
                    continue
                if t.text == "và" or t.text == "&":
                    if (
                        self.is_name_tok(k + 1)
                        and not self.head_at(k + 1)
                        and not self.is_person_start(k + 1)
                        and not _match(toks, k + 1, _DOCUMENT_KEYS, 2)
                        and not self.place_at(k + 1, None, lexicon.TIER_DISTRICT)
                    ):
                        k += 1
                        continue
                    if (
                        lowercase_ok
                        and not named
                        and lower_words
                        and self.lower_run_reaches_name(k + 1, _MAX_LOWER_WORDS - lower_words)
                    ):
                        # "Công ty chế biến thủy sản và xuất nhập khẩu Cà Mau": the lowercase
                        # name goes on after "và" (and) up to its proper name
                        k += 1
                        continue
                    break
                if (
                    t.text == "điều"
                    and k + 1 < n
                    and toks[k + 1].text == "tra"
                    and k >= 2
                    and toks[k - 1].text == "sát"
                    and toks[k - 2].text in ("Cảnh", "cảnh")
                ):
                    k = end = k + 2  # "Cảnh sát điều tra": investigation police, not a verb
                    continue
                if not named and not lowercase_ok and head in _SCOPE_BODY_HEADS:
                    scope_end = self.scope_end(k, head)
                    if scope_end:
                        k = end = scope_end  # "Hội đồng bầu cử quốc gia"
                        named = proper = True
                        continue
                if self.stop_at(k) and not (head == ("Khoa",) and _match(toks, k, _WARD_WORDS, 2) == 2):
                    break
                if not (named or lowercase_ok) or lower_words >= _MAX_LOWER_WORDS:
                    break
                lower_words += 1
                k += 1
                end = k
                continue
            # punctuation
            if (
                t.text == ","
                and lowercase_ok
                and not named
                and lower_words
                and self.lower_run_reaches_name(k + 1, _MAX_LOWER_WORDS - lower_words)
            ):
                k += 1  # "Tổ hợp tác sản xuất, kinh doanh tôm giống Tân Bình": a list of trades
                continue
            if t.text in "-–" and k > j:
                if self.head_at(k + 1):
                    k += 1  # "Cục Quản lý Khám chữa bệnh - Bộ Y tế"
                    continue
                if (
                    toks[k - 1].kind == "lower"
                    and k + 1 < n
                    and toks[k + 1].kind == "lower"
                    and not self.stop_at(k + 1)
                ):
                    k += 1  # "Phòng tài nguyên - môi trường"
                    continue
            if t.text == "&" and self.is_name_tok(k + 1):
                k += 1
                continue
            if (
                t.text in "-–"
                and k > j
                and named
                and k + 1 < n
                and toks[k + 1].kind == "cap"
                and not self.is_person_start(k + 1)
                and not self.place_at(k + 1, None, lexicon.TIER_DISTRICT)
            ):
                k += 1  # "Trường ĐH Kinh tế - Luật"
                continue
            if (
                t.text == "."
                and k > j
                and toks[k - 1].text in ("TP", "Tp")
                and self.is_name_tok(k + 1)
                and (toks[k + 1].kind == "abbr" or self.place_at(k + 1))
            ):
                k += 1  # "TP. Hồ Chí Minh" (but "Công an TP. Tòa đã …" ends the sentence)
                continue
            if (
                t.text == "("
                and named
                and k + 3 < n
                and toks[k + 1].kind == "abbr"
                and toks[k + 2].text == ")"
                and _match(toks, k + 3, _ADMIN_WORDS, 3)
            ):
                k += 3  # "Ngành Thông tin và Truyền thông (TTTT) tỉnh Bình Dương"
                continue
            break
        if (
            not named
            and end > j
            and lower_words < 2
            and not self._admin_before(end)
            and toks[end - 1].kind != "num"
            and not (lower_words == 1 and tuple(w.lower() for w in head) in _ONE_WORD_BODY_HEADS)
        ):
            return j, False  # "trường THPT chuyên của …": one generic word names nothing
        return end, named

    def document_at(self, k: int, head: tuple[str, ...] = ()) -> int:
        """Length of a document word at ``k`` ("Quyết định", "Điều 5"), or 0. "Điều" and
        "Khoản" are one only before a number ("Cục Điều tra" is an investigation department);
        "Luật" after a teaching head is the subject ("Trường Đại học Luật Hà Nội")."""
        m = _match(self.toks, k, _DOCUMENT_KEYS, 2)
        if m == 1:
            word = self.toks[k].text
            if word in ("Điều", "Khoản") and not (k + 1 < self.n and self.toks[k + 1].kind == "num"):
                return 0
            if word == "Luật" and head and head[-1] in _TEACHING_HEAD_ENDS:
                return 0
        return m

    def is_brand(self, k: int) -> bool:
        """The token at ``k`` is an abbreviation or a capitalised word that is no Vietnamese
        word ("AFP", "Tiger", "Vietphone"), so a lowercase syllable underthesea glued to it
        ("AFP trích") is not part of the name."""
        t = self.toks[k]
        return t.kind == "abbr" or (t.kind == "cap" and t.text.lower() not in self.lex.words)

    def scope_end(self, k: int, head: tuple[str, ...]) -> int:
        """End of lowercase words from ``k`` that finish on a scope word ("bầu cử quốc gia"),
        within _MAX_LOWER_WORDS words and before any function word; 0 when there is none.
        "nhà nước" (state) is no scope after "Cơ quan" ("Cơ quan quản lý nhà nước" is any
        state agency)."""
        toks, n = self.toks, self.n
        function_words = lexicon.function_words()
        words = 0
        q = k
        while q < n and words <= _MAX_LOWER_WORDS:
            if toks[q].text in "-–" and q > k and q + 1 < n and toks[q + 1].kind == "lower":
                q += 1  # "giám định pháp y - pháp y tâm thần trung ương"
                continue
            if toks[q].kind != "lower":
                return 0
            scope = _match(toks, q, _SCOPE_WORDS, 2)
            if scope and q > k and not (head == ("Cơ", "quan") and toks[q].text == "nhà"):
                return q + scope
            # a verb may name the body's field ("bầu cử", "giám định"); a function word ends it
            if toks[q].word_start and any(self.key_at(q, m) in function_words for m in (1, 2) if q + m <= n):
                return 0
            if toks[q].word_start:
                words += 1
            q += 1
        return 0

    def lower_run_reaches_name(self, k: int, budget: int) -> bool:
        """From ``k``, at most ``budget`` lowercase words (no function word) lead to a proper
        name that is neither a head nor a person: "… thủy sản và xuất nhập khẩu Cà Mau"."""
        toks, n = self.toks, self.n
        words = 0
        while k < n and toks[k].kind == "lower":
            if self.stop_at(k) or (_match(toks, k, _ADMIN_WORDS, 3) and toks[k].word_start):
                return bool(_match(toks, k, _ADMIN_WORDS, 3)) and words > 0
            if toks[k].word_start or not self.continues_word(k):
                words += 1
                if words > budget:
                    return False
            k += 1
        return (
            words > 0
            and k < n
            and toks[k].kind == "cap"
            and not self.head_at(k)
            and not self.is_person_start(k)
            and not self.document_at(k)
        )

    def _admin_before(self, k: int) -> bool:
        return any(_match(self.toks, k - m, _ADMIN_WORDS, 3) == m for m in (1, 2) if k - m >= 0)

    def _place_with_prefix(self, j: int) -> int:
        """End of "[TP] <place>" at ``j`` or 0."""
        k = j
        m = _match(self.toks, k, _CAP_LOC_PREFIXES, 4) or _match(self.toks, k, _LOC_PREFIXES, 3)
        k += m
        if self.is_name_tok(k):
            return self.cap_run(k)
        return 0

    # --------------------------------------------------------------- the scan

    def scan(self) -> list[Cand]:
        toks, n, lex = self.toks, self.n, self.lex
        out: list[Cand] = []
        i = 0
        pending: str | None = None  # "" after a title cue, the honorific after one
        # First syllables of each table: a set look-up rules a table out before _match is called
        org_firsts = _first_index(lex.orgs)
        head_firsts = _first_index(lex.heads)
        cue_firsts = _first_index(lex.cues)
        intro_firsts = _first_index(_ORG_INTRODUCERS)
        place_prefix_firsts = _place_prefix_firsts()
        lower_pairs = _lower_starts()[1]
        # Most syllables start nothing (a lowercase word that begins no entry, a mark): the
        # scanner jumps over them. ``look`` lists the others, in order.
        looks = [_look(t.text) for t in toks]
        look = [k for k, seen in enumerate(looks) if seen]
        looked = set(look)
        while i < n:
            if i not in looked:
                j = look[p] if (p := bisect.bisect_left(look, i)) < len(look) else n
                if pending is not None and any(toks[q].text != "," for q in range(i, j)):
                    pending = None  # a comma keeps a title's person pending: "ông A, Giám đốc"
                i = j
                continue
            t = toks[i]
            if looks[i] == 2 and (i + 1 == n or (t.text, toks[i + 1].text) not in lower_pairs):
                pending = None  # a lowercase syllable that starts no entry here ("học" alone)
                i += 1
                continue
            at_sentence_start = i == 0 or (i == 1 and toks[0].kind == "punct")
            if t.text in _CURRENCIES:
                i += 1  # "29.000 USD Hoa chiếm đoạt": a currency code, then a name
                pending = None
                continue

            text = t.text
            if (
                at_sentence_start
                and text in ("Đội", "Câu")
                and (club := self._club_after(i, 3 if text == "Câu" else 2))
            ):
                out.append(Cand("ORG", i + (3 if text == "Câu" else 2), club))  # "Đội bóng Hà Nội thắng"
                i, pending = club, None
                continue
            if at_sentence_start and text in _SENTENCE_STARTERS and t.kind == "cap" and i + 1 < n:
                i += 1  # "Theo AFP, Reuters": a function word opening the sentence is never a name
                pending = None
                continue
            if i > 0 and toks[i - 1].text == "phi" and (text in org_firsts or text in head_firsts):
                skip = max(_match(toks, i, lex.orgs, lex.org_len), _match(toks, i, lex.heads, lex.head_len))
                if skip:
                    i += skip  # "tổ chức phi Chính phủ" (non-governmental): a kind, not the body
                    pending = None
                    continue

            # 1. a well-known organisation ("WHO", "Dân trí") — not inside a longer capitalised run
            m = _match(toks, i, lex.orgs, lex.org_len) if text in org_firsts else 0
            while m and i + m < n and toks[i + m].text in _FOREIGN_ORG_WORDS:
                m += 1  # "Viettel Mobile", "EVN Telecom"
            if (
                m
                and (not self.is_name_tok(i + m) or self.is_person_start(i + m))
                and not (i > 0 and toks[i - 1].kind == "cap" and toks[i - 1].text not in _SENTENCE_STARTERS)
            ):
                out.append(Cand("ORG", i, i + m))
                i += m
                # "cựu HLV Tottenham, Mauricio Pochettino": the title's person may still follow
                # its organisation (as after an organisation read in step 6)
                pending = "" if pending == "" else None
                continue

            # 2. an organisation head and its body
            is_head = text in head_firsts
            m = _match(toks, i, lex.heads, lex.head_len) if is_head and t.kind in ("cap", "abbr") else 0
            if m and i + m < n and toks[i + m].text == "viên":
                i += m + 1  # "Tỉnh ủy viên", "Đảng ủy viên": a member's title
                pending = None
                continue
            h = self.head_at(i) if is_head else 0
            if h and i > 0 and toks[i - 1].text == "sau" and self.key_at(i, h) in {("ĐH",), ("Đại", "học")}:
                i += h  # "sau ĐH": postgraduate, not a university
                pending = None
                continue
            if (
                h
                and i > 0
                and (
                    (toks[i - 1].kind == "num" and not (i > 1 and toks[i - 2].text == "thứ"))
                    or toks[i - 1].text in _PLURAL
                )
            ):
                i += h  # "6 CLB Anh", "các Sở": several, not one named organisation
                pending = None
                continue
            if h:
                p = self.place_at(i, None, lexicon.TIER_DISTRICT)
                head = self.key_at(i, h)
                end, named = self.org_body(i + h, head)
                if p >= end - i and p > 0:
                    pass  # "Đài Loan", "Hội An": a place that starts like a head
                elif named or (lex.heads[head].standalone or end > i + h):
                    out.append(Cand("ORG", i, end))
                    i = self._after_org(out, end)
                    pending = None
                    continue
                elif not (pending or self.is_person_start(i)):
                    # a head naming nothing ("của Học viện;", "chiến sĩ Công an và") is no name
                    i += h
                    pending = None
                    continue
            if t.kind == "lower":
                # "ngành TTTT": a sector named by an abbreviation
                if t.text == "ngành" and i + 1 < n and toks[i + 1].kind == "abbr":
                    end, _ = self.org_body(i + 1, ("Ngành",))
                    out.append(Cand("ORG", i, max(end, i + 2)))
                    i = max(end, i + 2)
                    continue
                p = self.place_at(i, None, lexicon.TIER_BARE)
                if p:  # "châu Á", "đồng bằng sông Cửu Long"
                    out.append(Cand("LOC", i, i + p, kind=self.place_kind(i, p)))
                    i += p
                    continue
                intro = _match(toks, i, _ORG_INTRODUCERS, 4) if text in intro_firsts else 0
                if (
                    intro
                    and t.word_start
                    and self.is_name_tok(i + intro)
                    and (
                        not self.is_person_start(i + intro)
                        or toks[i].text in ("công", "doanh", "tiệm", "trường")
                    )
                    and not (i > 0 and toks[i - 1].kind == "lower" and not t.word_start)
                ):
                    j = i + intro
                    if self.head_at(j):
                        i = j  # "trường THPT …": the head decides
                        continue
                    if toks[j].text in _GENERIC_ABBREVIATIONS:
                        i = j + 1  # "doanh nghiệp FDI": a kind of enterprise, not a name
                        continue
                    club = self._club_after(i, intro)
                    if club:  # "đội bóng Bình Định", "câu lạc bộ Hải Phòng"
                        out.append(Cand("ORG", j, club))
                        i = club
                        continue
                    if self.place_at(j, None, lexicon.TIER_BARE) < self.cap_run(j) - j:
                        # "báo Sài Gòn Tiếp Thị" (but "đài Hà Nội" is a place)
                        # the name reads like a company's: "công ty Hoàng Nguyên", "báo Tuổi Trẻ"
                        end, _ = self.org_body(j, ("Công", "ty"))
                        if end > j:
                            out.append(Cand("ORG", j, end))
                            i = self._after_org(out, end)
                            continue

            # 3. a place prefix and its name
            place = self._place(i, at_sentence_start) if text in place_prefix_firsts else None
            if place is not None:
                out.append(place)
                i = place.end
                pending = None
                continue

            # 4. honorifics and title cues
            if t.text.lower() in lex.honorifics and (
                t.kind == "lower" or at_sentence_start or t.kind == "cap"
            ):
                p = self.place_at(i, None, lexicon.TIER_DISTRICT)
                if p >= 2:
                    out.append(Cand("LOC", i, i + p, kind=self.place_kind(i, p)))
                    i += p
                    continue
                if (self.is_name_tok(i + 1) and toks[i + 1].kind == "cap") or (
                    i + 1 < n and _INITIALS.fullmatch(toks[i + 1].text)
                ):
                    pending = t.text.lower()
                    i += 1
                    continue
            c = _match(toks, i, lex.cues, lex.cue_len) if text in cue_firsts else 0
            if c:
                body = self._head_in_cue(i, c)
                if body is not None:
                    # "Trưởng Ban quản lý Khu kinh tế Phú Quốc": the cue's last word heads a
                    # named body; the person, if any, follows the body
                    out.append(Cand("ORG", body[0], body[1]))
                    i = body[1]
                    pending = pending or ""
                    continue
                i += c
                while True:
                    mod = _match(toks, i, _CUE_MODIFIERS, 2)
                    if not mod:
                        break
                    i += mod
                pending = pending or ""
                continue
            if t.text in _PHOTO and i + 1 < n and toks[i + 1].text == ":":
                i += 2
                pending = ""
                continue

            # 5. initials ("W.Buffett", "H.T.P")
            if (
                t.kind in ("cap", "abbr")
                and t.text not in ("T.Ư", "TƯ", "T.W", "TW")  # Trung ương (central), not initials
                and _INITIALS.fullmatch(t.text)
                and not t.text.startswith(("TP.", "Tp."))
            ):
                end = i + 1
                while end < n and toks[end].kind == "cap" and _NAME_SYLLABLE.fullmatch(toks[end].text):
                    end += 1
                out.append(Cand("PER", i, end, honorific=pending or None))
                i, pending = end, None
                continue

            # 6. a capitalised run
            if (
                text == "CĐV"
                and (p := self.place_at(i + 1, None, lexicon.TIER_BARE))
                and not self.is_name_tok(i + 1 + p)
            ):
                # "các CĐV Hải Phòng" (the fans of Hải Phòng): the club named after its province
                out.append(Cand("ORG", i + 1, i + 1 + p))
                i, pending = i + 1 + p, None
                continue
            if t.kind in ("cap", "abbr"):
                end = self.cap_run(i)
                p = self.place_at(i, None, lexicon.TIER_BARE)
                if p > end - i:  # "Thừa Thiên - Huế"
                    out.append(Cand("LOC", i, i + p, kind=self.place_kind(i, p)))
                    i, pending = i + p, None
                    continue
                got = self._classify(i, end, pending, at_sentence_start, out)
                out.extend(got)
                if got and got[-1].label == "PER" and got[-1].end == end and (alias := self.alias_after(end)):
                    out.append(Cand("PER", alias - 2, alias))  # "Tô Văn Tốt (Ba Mạnh)"
                    i, pending = alias, None
                    continue
                # "Chủ tịch European Super League, Florentino Perez": the title's person may
                # still follow its organisation
                i, pending = end, (pending if got and got[-1].label in ("ORG", "LOC") else None)
                continue

            # a house number before a street: "số 56 Nơ Trang Long"
            if (
                t.text == "số"
                and (i == 0 or toks[i - 1].text in (",", "(", "tại", "ở", "nhà", "-"))
                and i + 2 < n
                and toks[i + 1].kind == "num"
                and toks[i + 2].kind == "cap"
                and not self.head_at(i + 2)
            ):
                end = self.cap_run(i + 2)
                if 2 <= end - i - 2 <= 4:
                    out.append(Cand("LOC", i + 2, end, kind="đường"))
                    i = end
                    continue
            # an address number before a street named after a person: "32/8 Đặng Văn Ngữ"
            if t.kind == "num" and i + 3 < n and toks[i + 1].text == "/" and toks[i + 2].kind == "num":
                j = i + 3
                if self.is_name_tok(j) and self.is_person_start(j):
                    end = self.cap_run(j)
                    out.append(Cand("LOC", j, end, kind="đường"))
                    i = end
                    continue
            if t.kind != "punct" or t.text not in ",":
                pending = None if t.kind in ("lower", "punct", "num") else pending
            i += 1
        return out

    def _club_after(self, i: int, intro: int) -> int:
        """End of a club named after its province after "đội bóng"/"câu lạc bộ" at ``i``
        (``intro`` syllables long), or 0: "đội bóng Bình Định" is the club, not the province."""
        if tuple(t.lower() for t in self.key_at(i, intro)) not in _CLUB_INTRODUCERS:
            return 0
        j = i + intro
        p = self.place_at(j, None, lexicon.TIER_BARE)
        if not p or p != self.cap_run(j) - j or self.place_kind(j, p) in ("quốc gia", "vùng"):
            return 0  # "6 đội bóng Anh": English teams, the country is a place
        return j + p

    def _head_in_cue(self, i: int, c: int) -> tuple[int, int] | None:
        """(start, end) of a named organisation whose capitalised head is the end of the cue
        matched at ``i`` ("Trưởng Ban" + "quản lý Khu kinh tế Phú Quốc"), else None."""
        toks = self.toks
        for q in range(i + 1, i + c):
            if toks[q].text not in _UNIT_HEADS_IN_CUES or not (h := self.head_at(q)) or q + h < i + c:
                continue
            if _match(toks, q + h, _CUE_MODIFIERS, 2):
                return None  # "Phó trưởng Ban thường trực …": the title goes on
            end, named = self.org_body(q + h, self.key_at(q, h))
            if named and end > q + h and any(t.kind in ("cap", "abbr") for t in toks[q + h : end]):
                return q, end
            return None
        return self._office_in_cue(i + c - 1)

    def _office_in_cue(self, q: int) -> tuple[int, int] | None:
        """(start, end) of a local government office named after a title that ends in a
        lowercase "phòng" (office): "Trưởng phòng Nông nghiệp - Thủy sản huyện Ngọc Hiển" →
        "phòng Nông nghiệp - Thủy sản huyện Ngọc Hiển". Only when the name ends in an admin
        unit and holds no other organisation: in "Trưởng phòng Hộ tịch Sở Tư pháp Vĩnh Long"
        the organisation is the Sở (department) alone."""
        toks = self.toks
        if toks[q].text != "phòng" or not (q + 1 < self.n and toks[q + 1].kind == "cap"):
            return None
        if self.head_at(q + 1) or self.is_person_start(q + 1):
            return None
        end, named = self.org_body(q + 1, ("Phòng",))
        if not named or any(self.head_at(k) for k in range(q + 1, end)):
            return None
        if not any(_match(toks, k, _ADMIN_WORDS, 3) and toks[k].kind == "lower" for k in range(q + 2, end)):
            return None
        return q, end

    def _after_org(self, out: list[Cand], end: int) -> int:
        """After an organisation: "(Vinaisalpro)" right behind it is its short name."""
        toks = self.toks
        if (
            end + 2 < self.n
            and toks[end].text == "("
            and toks[end + 2].text in (")", ",")  # "(FFRD, trụ sở tại Mỹ)"
            and toks[end + 1].kind in ("cap", "abbr")
            and not self.place_at(end + 1, end + 2)
            and not self.is_person_start(end + 1)
        ):
            if toks[end + 1].text in _PLACE_ACRONYMS:
                out.append(Cand("LOC", end + 1, end + 2, kind="quốc gia"))  # "Đại sứ quán Mỹ (USA)"
            else:
                out.append(Cand("ORG", end + 1, end + 2))
            return end + 3
        return end

    def _place(self, i: int, at_sentence_start: bool) -> Cand | None:
        """A place written with its prefix at ``i``: "tỉnh Bình Dương", "TP.HCM", "quận 12"."""
        toks = self.toks
        m = _match(toks, i, _CAP_LOC_PREFIXES, 4)
        if m and self.key_at(i, m) in _SURNAME_PREFIXES and self.is_person_start(i):
            return None  # "Đường Thị Quế": Đường is also a surname
        include = bool(m)
        kind = _CAP_LOC_PREFIXES.get(self.key_at(i, m)) if m else None
        if m and (self.key_at(i, m) in _SENTENCE_CASE_PREFIXES):
            include = not at_sentence_start and self.key_at(i, m) not in _SURNAME_PREFIXES
            if at_sentence_start:
                include = False
        if not m and (toks[i].word_start or (i + 1 < self.n and toks[i + 1].kind == "cap")):
            # a whole word ("thôn" but not "nông thôn 1"), or one underthesea glued to a name
            m = _match(toks, i, _LOC_PREFIXES, 4)
            kind = _LOC_PREFIXES.get(self.key_at(i, m)) if m else None
            include = False
        if not m:
            return None
        j = i + m
        if j >= self.n or toks[j].text in _SENTENCE_STARTERS:
            return None  # "… thẩm quyền của TP. Nếu TP …": the next sentence, not a name
        if _match(toks, j, _CAP_LOC_PREFIXES, 4) or _match(toks, j, _LOC_PREFIXES, 4):
            return self._place(j, False)  # "khu vực Cửa khẩu quốc tế La Lay"
        nxt = toks[j]
        if nxt.kind == "num" and kind in _NUMBERED and (m > 0):
            return Cand("LOC", i, j + 1, kind=kind)
        if nxt.kind == "lower" and self.place_at(j, None, lexicon.TIER_BARE) and kind in ("vùng",):
            p = self.place_at(j, None, lexicon.TIER_BARE)  # "khu vực châu Á - Thái Bình Dương"
            return Cand("LOC", j, j + p, kind=self.place_kind(j, p))
        if nxt.kind not in ("cap", "abbr") or self.head_at(j):
            return None
        end = self.cap_run(j)
        p = self.place_at(j, None)
        if p > end - j:
            end = j + p  # "Thừa Thiên - Huế" spans a hyphen
        elif p and p < end - j and self.is_person_start(j + p, end):
            end = j + p  # "phường Lam Hạ Nguyễn …"
        elif kind not in ("đường", "phố", "sân bay", "cầu"):
            for q in range(j + 1, end):
                if self.is_person_start(q, end) and not self.place_at(q, end, lexicon.TIER_DISTRICT):
                    end = q
                    break
        if (
            kind in _ADMIN_KINDS
            and end - j >= 3
            and p < end - j
            and self.is_person_start(j, end)
            and toks[j + 1].text in _MIDDLE_NAMES
        ):
            return None  # "chủ tịch xã Phạm Văn Tuấn": the chairman, not a commune
        if (
            end + 1 < self.n
            and toks[end].kind == "num"
            and toks[end + 1].kind == "punct"
            and toks[end].text.isdigit()
        ):
            end += 1  # "làng Kép 2,"
        if end - j == 1 and toks[j].text in _COMPASS and kind in ("núi", "vùng", "sông"):
            return None  # "vùng núi Bắc": the northern mountains, not a place called Bắc
        start = i if include else j
        return Cand("LOC", start, end, kind=kind if kind != "vùng" else self.place_kind(j, end - j) or kind)

    def _classify(
        self, i: int, end: int, pending: str | None, at_sentence_start: bool, out: list[Cand]
    ) -> list[Cand]:
        """Classify the capitalised run [i, end)."""
        toks = self.toks
        n_run = end - i
        if i > 0 and toks[i - 1].text in ("phía", "hướng") and all(t.text in _COMPASS for t in toks[i:end]):
            return []  # "phía Đông Bắc núi Ông Quán": a direction, not the region
        if n_run == 1 and end < self.n and toks[end].kind == "lower" and self.continues_word(end):
            return []  # "Hộ tịch", "Sắc đẹp": a common word written with a capital, not a name
        if at_sentence_start and n_run > 1 and not self.is_person_start(i, end):
            w = toks[i].text.lower()
            if ((w,) in self.lex.stops or w in self.lex.words) and not self.place_at(
                i, end, lexicon.TIER_DISTRICT
            ):
                # "Riêng Nga có …": a sentence-initial common word before the name
                return self._classify(i + 1, end, pending, False, out)
        if n_run == 2 and toks[i].text in _STEMS and toks[i + 1].text in _BRANCHES:
            return []  # "Tết Giáp Thân": a year of the cycle
        if pending is not None and n_run >= 2:
            m = _match(toks, i, self.lex.orgs, min(self.lex.org_len, n_run - 1))
            if m:  # "Tổng thư ký NATO George Robertson"
                return [Cand("ORG", i, i + m), *self._classify(i + m, end, pending, False, out)]
        if n_run >= 2 and any(t.text in _FOREIGN_ORG_WORDS for t in toks[i + 1 : end]):
            return [Cand("ORG", i, end)]  # "European Super League", "Sky Sports"
        if n_run == 1 and (
            (at_sentence_start and toks[i].text.lower() in self.lex.honorifics)  # "Anh bảo": he said
            or (pending and toks[i].text == "Tây")  # "hai ông Tây": two Westerners
        ):
            return []
        p = self.place_at(i, end, lexicon.TIER_BARE)
        after_loc = self._after_place_list(i, out)
        single_name = n_run == 1 and pending  # "bà Nga": a given name that is also a country
        if p == n_run and not single_name:
            # "Tổng thống Nga" is a place, but "thiếu úy Đức" may be a person met before
            by_cue = pending == "" and n_run == 1
            return [Cand("LOC", i, end, kind=self.place_kind(i, p), by_cue=by_cue)]
        if p and p < n_run and _INITIALS.fullmatch(toks[i + p].text):  # "Ấn Độ L.Mittal"
            return [Cand("LOC", i, i + p, kind=self.place_kind(i, p)), Cand("PER", i + p, end)]
        if pending is not None:
            if all(t.kind == "abbr" and "." not in t.text for t in toks[i:end]):
                if (
                    pending == ""
                    and n_run == 1
                    and i > 0
                    and toks[i - 1].kind in ("lower", "cap")
                    and len(toks[i].text) >= 3
                    and toks[i].text.isalpha()
                    and toks[i].text not in _GENERIC_ABBREVIATIONS
                    and toks[i].text not in _GENERIC_BODIES
                ):
                    return [Cand("ORG", i, end)]  # "Giám đốc FFRD": the body the title heads
                return []  # "(ảnh: CTV)": an abbreviation, not a name
            if n_run == 1 and _CAMEL_CASE.search(toks[i].text) and not _MC_NAME.fullmatch(toks[i].text):
                return [Cand("ORG", i, end)]  # "Chủ tịch LienVietPostBank": a brand
            if any(c.isdigit() for t in toks[i:end] for c in t.text) or toks[i].text in _NOT_NAMES:
                return []  # "bệnh nhân Covid-19", "Bí thư Trung ương Đảng": not a name
            if not all(
                _FOREIGN_SYLLABLE.fullmatch(t.text)
                or _INITIALS.fullmatch(t.text)
                or t.kind == "abbr"
                or t.text == "."
                for t in toks[i:end]
            ):
                return []  # "LS V-League": not a name ("." of a middle initial is: "Thomas A. Bussiere")
            if toks[i].kind == "abbr" and "." not in toks[i].text:
                if (
                    n_run >= 3
                    and toks[i + 1].text in self.lex.foreign_given
                    and all(_FOREIGN_SYLLABLE.fullmatch(t.text) for t in toks[i + 2 : end])
                ):
                    # "Chủ tịch FIFA Gianni Infantino": the body, then its officer
                    return [Cand("ORG", i, i + 1), Cand("PER", i + 1, end, honorific=pending or None)]
                return [Cand("ORG", i, end)]  # "Chủ tịch HĐQT Tân Tạo": a body, not a name
            if not pending and n_run == 1 and (toks[i].text.lower(),) in self.lex.stops:
                return []  # "người mẫu Trong tháng 4": a function word, not a name
            vietnamese_pair = (
                p == 1
                and n_run == 2
                and not toks[i + 1].text.isascii()
                and _NAME_SYLLABLE.fullmatch(toks[i + 1].text)
            )
            if p and p < n_run and not vietnamese_pair:  # "Thủ tướng Li-băng R.Hariri" (not "Ảnh: Nhật Hồ")
                return [
                    Cand("LOC", i, i + p, kind=self.place_kind(i, p)),
                    Cand("PER", i + p, end, honorific=pending or None),
                ]
            if n_run > 5:
                return []
            return [Cand("PER", i, end, honorific=pending or None, by_cue=not pending)]
        if (
            out
            and out[-1].label == "PER"
            and i >= 1
            and out[-1].end == i - 1
            and toks[i - 1].text in (",", "và")
            and n_run <= 4
            and toks[i].text not in _NOT_NAME_SYLLABLES
            and not p
            and all(_NAME_SYLLABLE.fullmatch(t.text) for t in toks[i:end])
            and not (end < self.n and toks[end].kind == "lower" and not toks[end].word_start)
        ):
            return [Cand("PER", i, end)]  # "Simo Fotso Victor và Tala Pierre Marie"
        if self.is_person_start(i, end) and n_run <= 4:
            return [Cand("PER", i, end)]
        if (
            2 <= n_run <= 4
            and toks[i].text in self.lex.foreign_given
            and not p
            and all(_FOREIGN_SYLLABLE.fullmatch(t.text) for t in toks[i + 1 : end])
        ):
            return [Cand("PER", i, end)]  # "Bill Gates", "Vladimir Putin"
        if (
            n_run <= 4
            and not p
            and self.age_after(end)
            and all(_FOREIGN_SYLLABLE.fullmatch(t.text) for t in toks[i:end])
            and not self.head_at(i)
        ):
            return [Cand("PER", i, end)]  # "bắt giữ Saki Sudo, 25 tuổi": only a person has an age
        d = self.place_at(i, end, lexicon.TIER_DISTRICT)
        if d == n_run:
            return [Cand("LOC", i, end, kind=self.place_kind(i, d))]
        if after_loc:
            c = self.place_at(i, end, lexicon.TIER_COMMUNE)
            if c == n_run:
                return [Cand("LOC", i, end, kind=self.place_kind(i, c))]
        # a place then a person: "Vĩnh Long Lê Văn Quý"
        if d and self.is_person_start(i + d, end):
            return [Cand("LOC", i, i + d, kind=self.place_kind(i, d)), Cand("PER", i + d, end)]
        # a surname inside a longer run: "… Nguyễn Văn A"
        for q in range(i + 1, end):
            if self.is_person_start(q, end) and end - q <= 4:
                return [Cand("UNK", i, q), Cand("PER", q, end)]
        if at_sentence_start and n_run == 1:
            w = toks[i].text.lower()
            if (
                end < self.n
                and toks[end].kind == "lower"
                and (
                    (w + " " + toks[end].text) in self.lex.words
                    or (not toks[end].word_start and not self.stop_at(end))
                )
            ):
                return []  # "Thanh khoản của VCI …": a common word, even if "Thanh" is a name here
            if (w,) in self.lex.stops or w in self.lex.words:
                return [Cand("UNK", i, end, kind="sentence-start")]
        return [Cand("UNK", i, end)]

    def age_after(self, end: int) -> bool:
        """Whether ", 25 tuổi" or "(25 tuổi)" follows ``end``: the name before is a person's."""
        toks = self.toks
        return (
            end + 2 < self.n
            and toks[end].text in (",", "(")
            and toks[end + 1].kind == "num"
            and toks[end + 2].text == "tuổi"
        )

    def alias_after(self, end: int) -> int:
        """End of a nickname in parentheses after a person ending at ``end``, or 0:
        "Tô Văn Tốt (Ba Mạnh)", "Trương Văn Cam (tức Năm Cam)". Only birth-order nicknames
        ("Hai", "Ba" … "Út" + a name syllable), so "(Hà Nội)", "(Mỹ)" stay what they are."""
        toks, n = self.toks, self.n
        k = end + 1
        if end >= n or toks[end].text != "(":
            return 0
        if k < n and toks[k].text == "tức":
            k += 1
        if not (
            k + 2 < n
            and toks[k].text in _BIRTH_ORDER
            and toks[k + 1].kind == "cap"
            and _NAME_SYLLABLE.fullmatch(toks[k + 1].text)
            and toks[k + 2].text == ")"
            and self.place_at(k, k + 2) < 2
            and not self.head_at(k)
        ):
            return 0
        return k + 2

    def _after_place_list(self, i: int, out: list[Cand]) -> bool:
        """The run follows a place and "," or "(": "xã Long An, Long Hồ, Vĩnh Long"."""
        if not out or i < 1 or self.toks[i - 1].text not in (",", "(", "và"):
            return False
        last = out[-1]
        return last.label == "LOC" and last.end == i - 1


# ----------------------------------------------------------------------------- document


def _bylines(segments: Sequence[list[Syllable]]) -> set[int]:
    """Indices of the last short segments that are only a name (the author: "Nguyễn Thảo")."""
    found: set[int] = set()
    for idx in range(len(segments) - 1, max(-1, len(segments) - 5), -1):
        words = segments[idx]
        if 2 <= len(words) <= 4 and all(_NAME_SYLLABLE.fullmatch(w.text) for w in words):
            found.add(idx)
    return found


def _records(text: Text, toks: Sequence[Syllable], c: Cand) -> Span:
    start, end = toks[c.start].start, toks[c.end - 1].end
    surface = text.normalized[start:end]
    if c.label == "PER":
        return Person(
            text=surface, start=start, end=end, name=surface, honorific=c.honorific, mentions=((start, end),)
        )
    if c.label == "ORG":
        return Organization(text=surface, start=start, end=end, name=surface)
    return Location(text=surface, start=start, end=end, name=surface, kind=c.kind)


def _same_name_elsewhere(sentences: list[tuple[list[Syllable], list[Cand]]]) -> None:
    """Organisations the document names in full elsewhere, whatever the case of their words
    here: "Học viện Báo chí" before "và tuyên truyền" grows to the "Học viện Báo chí và Tuyên
    truyền" met in another sentence; "Học viện Báo chí và Tuyên truyền phát triển" loses the
    lowercase verb the full name never has. Changes the candidates in place."""
    names: set[tuple[str, ...]] = set()
    for toks, cands in sentences:
        for c in cands:
            if c.label == "ORG" and c.end - c.start >= 3:
                names.add(tuple(t.text.casefold() for t in toks[c.start : c.end]))
    if not names:
        return
    by_start: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for name in names:
        by_start.setdefault(name[:2], []).append(name)
    for toks, cands in sentences:
        for q, c in enumerate(cands):
            if c.label != "ORG" or c.end - c.start < 2:
                continue
            here = tuple(t.text.casefold() for t in toks[c.start : c.end])
            longest = c.end
            for name in by_start.get(here[:2], ()):
                n = len(name)
                if n > len(here) and name[: len(here)] == here and c.start + n <= len(toks):
                    if tuple(t.text.casefold() for t in toks[c.start : c.start + n]) == name and (
                        q + 1 == len(cands) or cands[q + 1].start >= c.start + n
                    ):
                        longest = max(longest, c.start + n)  # grows to the full name
                elif (
                    5 <= n < len(here)  # a long full name only: "Trung tâm Y tế" + "dự phòng" is another
                    and here[:n] == name
                    and all(t.kind == "lower" for t in toks[c.start + n : c.end])
                    and not _match(toks, c.start + n, _ADMIN_WORDS, 3)
                    and longest == c.end
                ):
                    longest = c.start + n  # loses lowercase words the full name never has
            if longest != c.end:
                cands[q] = c._replace(end=longest)


def recognize(text: Text) -> Iterator[Span]:
    """Yield Person, Organization and Location records (offsets into ``text.normalized``).

    >>> from vnextract.text import Text
    >>> t = Text.from_string("Giám đốc Sở TTTT Lai Xuân Thành làm việc tại tỉnh Bình Dương.")
    >>> [(type(r).__name__, r.text) for r in recognize(t)]
    [('Organization', 'Sở TTTT'), ('Person', 'Lai Xuân Thành'), ('Location', 'Bình Dương')]
    """
    lex = _lex()
    segments = token_view(text).sentences
    bylines = _bylines(segments)
    sentences: list[tuple[list[Syllable], list[Cand]]] = []
    for idx, toks in enumerate(segments):
        if not toks:
            continue
        if (
            idx in bylines
            and all(t.kind == "cap" for t in toks)
            and _Sentence(toks, lex).place_at(0, None, lexicon.TIER_DISTRICT) < len(toks)
        ):
            sentences.append((toks, [Cand("PER", 0, len(toks))]))
            continue
        sentences.append((toks, _Sentence(toks, lex).scan()))

    _same_name_elsewhere(sentences)
    # document pass: names met once are recognised again ("ông Liêm", "Vinaisalpro")
    person_names: set[str] = set()
    org_names: set[str] = set()
    loc_names: set[str] = set()
    for toks, cands in sentences:
        for c in cands:
            if c.label == "ORG":
                words = tuple(t.text for t in toks[c.start : c.end])
                if all(toks[q].kind in ("cap", "abbr") for q in range(c.start, c.end)) and not (
                    _match(toks, c.start, lex.heads, lex.head_len)
                ):
                    org_names.add(" ".join(words))  # "doanh nghiệp tư nhân Bình Lộc" → "Bình Lộc"
                h = _match(toks, c.start, lex.heads, lex.head_len)
                body = words[h:]
                if (
                    h
                    and body
                    and words[:h] not in _PLACE_NAMED_HEADS  # "Đại học Lanzhou": Lanzhou is a city
                    and all(toks[c.start + h + q].kind == "cap" for q in range(len(body)))
                    and (len(body) >= 2 or body[0].lower() not in lex.words)
                    and not _Sentence(list(toks[c.start + h : c.end]), lex).place_at(
                        0, None, lexicon.TIER_DISTRICT
                    )
                ):
                    org_names.add(" ".join(body))  # "Công ty Holcim Foundation" → "Holcim Foundation"
                tail = c.end
                while tail > c.start and toks[tail - 1].kind == "cap":
                    tail -= 1
                if (
                    h
                    and c.start + h < tail < c.end
                    and c.end - tail <= 3
                    and toks[tail - 1].kind == "lower"
                    and not any(_match(toks, tail - m, _ADMIN_WORDS, m) == m for m in (1, 2) if tail - m >= 0)
                    and (c.end - tail > 1 or toks[tail].text.lower() not in lex.words)
                    and _Sentence(list(toks[tail : c.end]), lex).place_at(0, None, lexicon.TIER_DISTRICT)
                    < c.end - tail
                ):
                    # "Công ty dịch vụ lữ hành Saigontourist" → "Saigontourist";
                    # "Công ty Cổ phần Đầu tư và Công nghiệp Tân Tạo" → "Tân Tạo"
                    org_names.add(" ".join(t.text for t in toks[tail : c.end]))
    for toks, cands in sentences:
        for q, c in enumerate(cands):
            if c.label == "PER" and c.by_cue and " ".join(t.text for t in toks[c.start : c.end]) in org_names:
                cands[q] = c._replace(label="ORG")
    for toks, cands in sentences:
        for c in cands:
            words = tuple(t.text for t in toks[c.start : c.end])
            if c.label == "PER":
                person_names.add(" ".join(words))
                if len(words) >= 2 and words[0] in lex.surnames:
                    person_names.add(words[-1])
                    if len(words) >= 3:
                        person_names.add(" ".join(words[-2:]))
                elif len(words) >= 2:  # a foreign name: "Tala Pierre Marie" → "Tala"
                    for w in (words[0], words[-1]):
                        if _FOREIGN_SYLLABLE.fullmatch(w):
                            person_names.add(w)
            elif c.label == "LOC":
                loc_names.add(" ".join(words))
    person_names -= _NOT_SHORT_NAMES
    for toks, cands in sentences:
        if cands and cands[0].start == 1 and toks[0].kind == "cap" and cands[0].label in ("PER", "UNK"):
            # "Tiến Minh đăng quang": the sentence-initial syllable was taken for a common word
            whole = " ".join(t.text for t in toks[: cands[0].end])
            if whole in person_names:
                cands[0] = cands[0]._replace(start=0, label="PER")
        for c in cands:
            if c.label == "LOC" and c.by_cue and toks[c.start].text in person_names:
                c = c._replace(label="PER", kind=None)  # "thiếu úy Huỳnh Minh Đức" … "thiếu úy Đức"
            if c.label == "UNK":
                surface = " ".join(t.text for t in toks[c.start : c.end])
                if c.kind == "sentence-start" and (surface.lower(),) in lex.stops:
                    continue  # "Ba cha con anh Đúng": "three", not the Ba met before
                if surface in person_names:
                    c = c._replace(label="PER")
                elif surface in org_names:
                    c = c._replace(label="ORG")
                elif surface in loc_names:
                    c = c._replace(label="LOC")
                else:
                    continue
            if c.end > c.start:  # never an empty span, whatever a rule above decided
                yield _records(text, toks, c)
