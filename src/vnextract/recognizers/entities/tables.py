"""What the entity rules look up: name shapes, the word tables (from :mod:`vnextract.lexicon`),
candidates and the longest-entry match over syllables.

Every word list is data (``vnextract/data``, read through :mod:`vnextract.lexicon`); only grammar
words stay in code: the plural quantifiers and the foreign connectors below, each with its reason.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Collection, Mapping, Sequence
from typing import NamedTuple

from vnextract import lexicon
from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon import Key, load_tsv, phrase_class, place_prefixes, word_class
from vnextract.lexicon.gazetteer import place_kinds
from vnextract.lexicon.organizations import listed_heads
from vnextract.text.syllables import Syllable, syllable_kind

# ----------------------------------------------------------------------------- name shapes

# Initials before a surname ("W.Buffett", "H.Hariri") or initials only ("H.T.P").
INITIALS = lazy_compile(r"(?:\p{Lu}\.)++\p{Lu}\p{Ll}++|\p{Lu}(?:\.\p{Lu})++\.?")
# A syllable of a foreign name ("Gates", "Moo-hyun", "O'Neill").
FOREIGN_SYLLABLE = lazy_compile(r"(?:Mc|Mac)?\p{Lu}[\p{Ll}\p{M}'’\-]*+")  # "McAuliff", "MacArthur"
# A Scottish or Irish surname with an inner capital ("McAuliff"): a name, not a CamelCase brand.
MC_NAME = lazy_compile(r"(?:Mc|Mac)\p{Lu}\p{Ll}++")
# A Vietnamese-looking name syllable: one capital then lowercase letters ("Liêm", "Thị").
NAME_SYLLABLE = lazy_compile(r"\p{Lu}[\p{Ll}\p{M}]*+")

TEXT = operator.itemgetter(0)  # a Syllable's text, for map() (faster than a generator over .text)


# ----------------------------------------------------------------------------- small tables

# Every word list is data (vnextract/data, read through vnextract.lexicon); only grammar words
# (the plural quantifiers and the foreign connectors below) stay in code.

PREFIXES = place_prefixes()
# Place prefixes: lowercase ones stay outside the span ("tỉnh Bình Dương" → "Bình Dương"),
# the value is the Location.kind they give.
LOC_PREFIXES: dict[Key, str] = {k: p.kind for k, p in PREFIXES.items() if p.written == "word"}
# Capitalised prefixes that are part of the usual name ("TP Hồ Chí Minh", "Thị xã Nghĩa Lộ").
CAP_LOC_PREFIXES: dict[Key, str] = {k: p.kind for k, p in PREFIXES.items() if p.written == "name"}
# Kinds of administrative unit (a person's full name after them is the officer, not a place).
ADMIN_KINDS = frozenset(p.kind for p in PREFIXES.values() if p.administrative)
# Kinds of place often named after a person ("đường Nguyễn Huệ"): a name inside is no person.
STREET_LIKE_KINDS = frozenset(k for k, p in place_kinds().items() if p.named_after_people)
# Kinds of place that with a compass word alone name a region ("vùng núi Bắc").
REGION_KINDS = frozenset(k for k, p in place_kinds().items() if p.region)
# Capitalised prefixes that are only sentence case: kept out of the span ("Tỉnh Hải Dương
# yêu cầu" → "Hải Dương"), like their lowercase forms.
SENTENCE_CASE_PREFIXES = frozenset(
    k for k, p in PREFIXES.items() if p.written == "name" and p.span in ("in_mid_sentence", "out")
)
# Capitalised prefixes never in the span, which are also surnames ("Đường Thị Quế").
SURNAME_PREFIXES = frozenset(k for k, p in PREFIXES.items() if p.written == "name" and p.span == "out")
# Prefixes that take a number: the number and prefix make the name ("quận 12", "ấp 7").
NUMBERED = frozenset(p.kind for p in PREFIXES.values() if p.numbered)
# Admin words inside an organisation's name ("UBND tỉnh", "Công an huyện Củ Chi").
ADMIN_WORDS = frozenset(k for k, p in PREFIXES.items() if p.in_organization)
# Lowercase words that introduce an organisation but stay outside its span ("báo Tuổi Trẻ").
ORG_INTRODUCERS = phrase_class("org_introducer")
# A company's legal form ("TNHH", "cổ phần"): after a lowercase "công ty" it makes the head
# part of the name ("công ty TNHH Vương Vũ"); the short name is what follows it.
COMPANY_FORMS = phrase_class("company_form")
# Introducers of a sports club: a place right after them names the club, not the place.
CLUB_INTRODUCERS = phrase_class("club_introducer")

HEADS = listed_heads()
# The fields of the ministries whose names hold a comma ("Văn hóa, Thể thao và Du lịch", of
# "Bộ Văn hóa, Thể thao và Du lịch"): a province's department bears the same field.
COMMA_SECTORS = frozenset(k[1:] for k in lexicon.known_organizations() if k[0] == "Bộ" and "," in k)
COMMA_SECTOR_LEN = max(map(len, COMMA_SECTORS), default=1)
# Heads whose name may go on in lowercase ("Trung tâm kiểm soát bệnh tật", "Quỹ hỗ trợ phát
# triển", "Công ty cổ phần dược phẩm Nam Hà"); other heads need a capitalised word next.
LOWERCASE_BODY_HEADS_LOWER = frozenset(
    tuple(w.lower() for w in k) for k, h in HEADS.items() if h.body in ("lowercase", "one_word")
)
# Heads named well enough by one lowercase word ("Viện năng lượng", "Cục thuế").
ONE_WORD_BODY_HEADS = frozenset(
    tuple(w.lower() for w in k) for k, h in HEADS.items() if h.body == "one_word"
)
# Heads whose name may be a bare number ("Bệnh viện 175", "Quân khu 7", "Xí nghiệp 1").
NUMBERED_HEADS = frozenset(k for k, h in HEADS.items() if h.numbered)
# Heads that take a lowercase name only when it ends in a scope word ("Hội đồng bầu cử quốc
# gia"): without one the words are generic ("Hội đồng xét xử" = the trial panel).
SCOPE_BODY_HEADS = frozenset(k for k, h in HEADS.items() if h.body == "scope")
# Heads whose bare name is most often a place, not a short name of the body ("Đại học
# Lanzhou", "Bệnh viện Hậu Nghĩa"): the document pass does not take the name alone for it.
PLACE_NAMED_HEADS = frozenset(k for k, h in HEADS.items() if h.place_named)
# Heads followed by "tại <place>" inside the name ("Tổng lãnh sự quán Mỹ tại TP HCM").
AT_PLACE_HEADS = frozenset(k for k, h in HEADS.items() if h.at_place)
# Heads often followed by a person's name that is part of the organisation's name
# ("Trường THPT Lê Quý Đôn", "trường TH-THCS Nguyễn Du").
NAMED_AFTER_PEOPLE = frozenset(k for k, h in HEADS.items() if h.named_after_people)

# Heads of teaching bodies: "Luật" (law) after them is a subject, not a law ("Trường Đại học
# Luật Hà Nội", "Khoa Luật").
TEACHING_HEAD_ENDS = word_class("teaching_head_end")
# Words of a hospital ward's name that elsewhere are verbs ending a name ("đi cấp cứu"):
# "Khoa Hồi sức cấp cứu" (intensive care), "Khoa Chống độc" (poison control).
WARD_WORDS = phrase_class("ward_word")
# Scope words ending the lowercase name of a SCOPE_BODY_HEADS head ("quốc gia", "quốc tế").
SCOPE_WORDS = phrase_class("scope_word")
# Scope words that end a body's name after its head or proper name ("VKSND tối cao", "Bệnh
# viện Nhi trung ương"): the scope words and "tối cao" (supreme).
SUPREME_SCOPE_WORDS = SCOPE_WORDS | phrase_class("supreme_scope_word")
# Courts and procuracies named by their level and seat since the 2014 organisation laws
# ("TAND cấp cao tại Hà Nội": the high court at Hanoi); the level words, lowercase.
SEATED_COURT_HEADS = phrase_class("seated_court_head")
SEATED_COURT_LEVELS = phrase_class("seated_court_level")
# Fields of crime that end a police unit's name after "tội phạm (về)" ("… tội phạm về ma túy").
CRIME_FIELDS = phrase_class("crime_field")
# Rare surnames that more often start a street or place name ("Đồng Khởi", "Quang Trung"):
# a person only with two name syllables after them ("Đồng Đăng Phúc", "Quang Hữu Dũng").
SURNAMES_NEEDING_FULL_NAMES = word_class("rare_surname")
# Lowercase words joining the capitalised words of a foreign name ("Journal of Research in
# Personality", "Banco de Chile"): grammar words of English and Romance languages, kept here.
FOREIGN_CONNECTORS = frozenset(
    {"of", "for", "in", "and", "the", "on", "de", "del", "la", "du", "des", "von", "van"}
)
# Countries written as Latin initials: in parentheses after an organisation they name its
# country, not its short name ("Đại sứ quán Mỹ (USA)").
PLACE_ACRONYMS = word_class("country_initials")
# Nicknames by birth order ("Năm Cam", "Ba Mạnh", "Tư Sang", "Út Trọc"): the first syllable.
BIRTH_ORDER = word_class("birth_order")
# Words after a title that belong to it ("Phó Chủ tịch Thường trực"), not a name.
CUE_MODIFIERS = phrase_class("title_suffix")
# Documents, not names: "Ban Chỉ đạo Quốc gia và Quyết định số 93" stops before "Quyết định".
DOCUMENT_KEYS = phrase_class("document")
# Words that make a foreign capitalised run an organisation ("European Super League").
FOREIGN_ORG_WORDS = word_class("foreign_org_word")
# Words before a head that make it generic, not one named organisation ("6 CLB Anh",
# "các Sở", "những công ty"): plural quantifiers and small numbers, grammar kept here.
PLURAL = frozenset({"các", "những", "mọi", "nhiều", "mỗi", "từng", "vài", "hai", "ba", "bốn"})
# Years of the sexagenary cycle ("Giáp Thân" = 2004), not names: the stems and branches of the
# dates recogniser's table, capitalised.
STEMS = frozenset(r["word"].capitalize() for r in load_tsv("dates_lunar.tsv") if r["kind"] == "can")
BRANCHES = frozenset(r["word"].capitalize() for r in load_tsv("dates_lunar.tsv") if r["kind"] == "chi")
# Capitalised function words that start a sentence, never inside a name (and currency codes:
# "29.000 USD Hoa chiếm đoạt").
SENTENCE_STARTERS = word_class("sentence_starter")
# Abbreviations of kinds, not names ("doanh nghiệp FDI" = foreign-invested enterprises).
GENERIC_ABBREVIATIONS = word_class("generic_abbreviation")
COMPASS = word_class("compass")
# Abbreviations of a body every organisation has, not a name ("Chủ tịch HĐQT" = chairman of the
# board), and of roles: never an organisation on their own after a title.
GENERIC_BODIES = word_class("generic_body")
# Heads of units that a title ending in them may name ("Trưởng Ban quản lý …", "Phó Vụ …").
UNIT_HEADS_IN_CUES = word_class("unit_head_in_title")
# A brand written in CamelCase ("LienVietPostBank", "VinaPhone"), never a person.
CAMEL_CASE = lazy_compile(r"\p{Ll}\p{Lu}")
# Words that follow titles but are not names ("Bí thư Trung ương Đảng").
NOT_NAMES = word_class("not_name")
# "Tại Tottenham, HLV …": after these a capitalised run is a place or a body, never the
# person an apposition describes.
PLACE_PREPOSITIONS = word_class("place_preposition")
CURRENCIES = word_class("currency_code")
# Words that end in a place prefix and mean something else ("yêu cầu", to request: not "cầu", bridge).
PREFIX_IN_WORD = word_class("prefix_in_word")


def _sentence_case(table: frozenset[tuple[str, ...]]) -> frozenset[tuple[str, ...]]:
    """A table of lowercase phrases with each also written as at a sentence's start."""
    return table | frozenset((k[0][:1].upper() + k[0][1:], *k[1:]) for k in table)


# Words after which a stock's ticker names its company ("cổ phiếu HPG", "mã CK VIC"), as the
# guideline tags "cổ phiếu PNJ"; "mã" (code) alone only among words of the market.
TICKER_CUES = _sentence_case(phrase_class("ticker_cue"))
# Introducers of businesses and schools, which are often named after a person: "công ty Nguyễn
# Kim", "trường Nguyễn Du" (their first syllables: công ty, doanh nghiệp, tiệm, trường …).
PERSON_NAMED_INTRODUCERS = word_class("person_named_introducer")
# The introducers written with a capital ("Hãng tin TASS", "Nhà mạng Vietnam Post"): a
# capitalised head is inside the organisation (corpus/ANNOTATING.md §5).
CAPITALISED_INTRODUCERS = _sentence_case(ORG_INTRODUCERS) - ORG_INTRODUCERS
STOCK_MARKET_WORDS = phrase_class("stock_market_word")
# Syllables of titles and heads, never inside a person's name ("Từ Trưởng khoa …").
NOT_NAME_SYLLABLES = word_class("not_name_syllable")
# Compass and generic words never taken as a short reference to a person ("miền Nam").
NOT_SHORT_NAMES = word_class("not_short_name")
# "Ảnh:" (photo:) credits a person or an organisation.
PHOTO = word_class("photo_credit")
# Second syllables of a full name ("Phạm Văn Tuấn"): after an admin word, the officer's name.
MIDDLE_NAMES = word_class("common_middle_name")

MAX_LOWER_WORDS = 5  # lowercase words an organisation body may run on for


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


def first_index(table: Collection[tuple[str, ...]]) -> dict[str, tuple[int, ...]]:
    got = _FIRST.get(id(table))
    if got is None:
        lengths: dict[str, set[int]] = {}
        for k in table:
            lengths.setdefault(k[0], set()).add(len(k))
        got = (table, {first: tuple(sorted(ls, reverse=True)) for first, ls in lengths.items()})
        _FIRST[id(table)] = got
    return got[1]


def match_at(toks: Sequence[Syllable], i: int, table: Collection[tuple[str, ...]], max_len: int) -> int:
    """Length of the longest entry of ``table`` (a collection of syllable tuples) at ``i``."""
    if i >= len(toks):
        return 0
    got = _FIRST.get(id(table))
    lengths = (got[1] if got is not None else first_index(table)).get(toks[i].text)
    if not lengths:
        return 0
    room = min(max_len, len(toks) - i)
    for n in lengths:
        if n <= room and (n == 1 or tuple(map(TEXT, toks[i : i + n])) in table):
            return n
    return 0


class Lexicons(NamedTuple):
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


_LEX: Lexicons | None = None


def lexicons() -> Lexicons:
    global _LEX
    if _LEX is None:
        places = lexicon.places()
        heads = lexicon.org_heads()
        orgs = lexicon.known_organizations()
        cues = lexicon.person_cues()
        _LEX = Lexicons(
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
    lex = lexicons()
    firsts: set[str] = {"ngành", "số", *PHOTO, *lex.honorifics}
    for table in (lex.orgs, lex.cues, lex.place_keys, ORG_INTRODUCERS, TICKER_CUES, LOC_PREFIXES.keys()):
        firsts.update(k[0] for k in table)
    return frozenset(f for f in firsts if not f[:1].isupper())


@functools.cache
def lower_starts() -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """For a lowercase trigger syllable: the syllables that are a whole entry of a table the
    scanner reads (or are looked at alone: "ngành", "số", "ảnh", honorifics), and the first two
    syllables of longer entries. A lowercase syllable in neither starts nothing ("học" without
    "sinh"), so the scanner skips it with two set look-ups."""
    lex = lexicons()
    singles: set[str] = {"ngành", "số", *PHOTO, *lex.honorifics}
    singles.update(t for t in _triggers() if t.lower() in lex.honorifics)
    pairs: set[tuple[str, str]] = set()
    tables = (
        lex.orgs, lex.cues, lex.place_keys, ORG_INTRODUCERS, TICKER_CUES, LOC_PREFIXES, CAP_LOC_PREFIXES,
    )  # fmt: skip
    for table in tables:
        for k in table:
            if len(k) == 1:
                singles.add(k[0])
            else:
                pairs.add((k[0], k[1]))
    return frozenset(singles), frozenset(pairs)


def look_class(syllable: str) -> int:
    """Whether the scanner must look at a syllable: 0 never (a lowercase word or mark that
    starts nothing), 1 always, 2 only when it and the next syllable start a table entry.
    Depends on the syllable alone, so the scanner reads it through :data:`LOOKS`."""
    kind = syllable_kind(syllable)
    if kind not in ("lower", "punct"):
        return 1
    if syllable not in _triggers():
        return 0
    if kind == "lower" and syllable not in lower_starts()[0]:
        return 2
    return 1


class _LookCache(dict[str, int]):
    """look_class by syllable, kept for the first 32,768 syllables seen (full after about 1,000
    news articles, so memory stops growing there). A dict, not an lru_cache: the scanner maps
    whole sentences through ``LOOKS.__getitem__`` at C speed."""

    def __missing__(self, syllable: str) -> int:
        value = look_class(syllable)
        if len(self) < 1 << 15:
            self[syllable] = value
        return value


LOOKS = _LookCache()


@functools.cache
def prefix_first_syllables() -> frozenset[str]:
    """Syllables a place prefix can start with: ``Scanner._place`` finds nothing elsewhere."""
    return frozenset(k[0] for k in (*CAP_LOC_PREFIXES, *LOC_PREFIXES))


