"""Where an organisation's name ends: the named rules of the body after a head noun.

``OrganizationReader.org_body`` reads the syllables after a head ("Sở", "Công ty", "UBND" …)
one by one. At each syllable it tries the rules of :data:`BODY_RULES` for the syllable's kind,
in order. A rule returns None when it does not apply (the next rule is tried), True when the
name goes on (the rule moved ``b.k`` and maybe ``b.end``), False when the name ends here. A
syllable no rule takes ends the name. Two rules note a fact for the rest of the body without
deciding (``person_follows`` notes that a person's name may be part of the name).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from vnextract import lexicon
from vnextract.recognizers.entities.tables import (
    ADMIN_WORDS,
    AT_PLACE_HEADS,
    CAP_LOC_PREFIXES,
    COMMA_SECTOR_LEN,
    COMMA_SECTORS,
    CRIME_FIELDS,
    DOCUMENT_KEYS,
    FOREIGN_CONNECTORS,
    HEADS,
    LOC_PREFIXES,
    MAX_LOWER_WORDS,
    NAMED_AFTER_PEOPLE,
    NUMBERED_HEADS,
    SCOPE_BODY_HEADS,
    SEATED_COURT_HEADS,
    SEATED_COURT_LEVELS,
    SUPREME_SCOPE_WORDS,
    WARD_WORDS,
    match_at,
)
from vnextract.text.syllables import Syllable

if TYPE_CHECKING:  # the reader calls the rules; the rules only need its type
    from vnextract.recognizers.entities.organizations import OrganizationReader


class Body:
    """The body being read: where it starts and ends, and what is known of it so far."""

    __slots__ = (
        "_admin", "end", "head", "j", "k", "lower_words", "lowercase_ok", "named", "people_ok", "proper", "t",
    )  # fmt: skip

    def __init__(self, j: int, head: tuple[str, ...], lowercase_ok: bool, people_ok: bool) -> None:
        self.j = j  # first syllable of the body
        self.head = head
        self.lowercase_ok = lowercase_ok  # the head takes a lowercase name ("Trung tâm kiểm soát …")
        self.people_ok = people_ok  # a person's name may be part of it ("Trường THPT Lê Quý Đôn")
        self.end = j  # the body so far is [j, end)
        self.k = j  # the syllable being read
        self.named = False  # a capitalised word, number or place names it
        self.proper = False  # the last capitalised word is a proper name ("Hậu Nghĩa"), not "Sản xuất"
        self.lower_words = 0  # lowercase words since the last name
        self.t: Syllable
        self._admin = -1

    def at(self, t: Syllable) -> None:
        self.t, self._admin = t, -1

    def admin(self, r: OrganizationReader) -> int:
        """Length of the admin word at ``k`` ("tỉnh", "thành phố"; 0: none), computed once."""
        if self._admin < 0:
            toks, k, t = r.toks, self.k, self.t
            admin = match_at(toks, k, ADMIN_WORDS, 3) if t.word_start else 0  # not "nông thôn"
            if admin == 1 and t.text == "xã" and k + 1 < r.n and toks[k + 1].text == "hội":
                admin = 0  # "Giáo dục lao động xã hội": "xã hội" (society), no commune
            self._admin = admin
        return self._admin

    def named_to(self, end: int) -> bool:
        """The body is named up to ``end`` (a place, a number): go on from there."""
        self.k = self.end = end
        self.named = self.proper = True
        self.lower_words = 0
        return True


class BodyRule(NamedTuple):
    name: str
    example: str  # what it reads, as written in news
    kinds: frozenset[str]  # syllable kinds it can apply on
    apply: Callable[[OrganizationReader, Body], bool | None]


NAME = frozenset({"cap", "abbr"})
NUM = frozenset({"num"})
LOWER = frozenset({"lower"})
PUNCT = frozenset({"punct"})


# ----------------------------------------------------------------------------- capitalised words


def headline_runs_on(r: OrganizationReader, b: Body) -> bool | None:
    """"vụ án Công ty Đông Nam Theo thông báo …": a headline runs into the text; "Gửi tới: Ban
    Biên tậpTiêu đề:": a field glued to the name (a lost line break the normaliser parted)."""
    return False if (b.k > b.j and r.starts_sentence(b.k)) or b.t.start in r.glued else None


def place_after_city_prefix(r: OrganizationReader, b: Body) -> bool | None:
    """"Sở Y tế TP Hồ Chí Minh": a place after "TP", not a person."""
    toks, k = r.toks, b.k
    if not (k > b.j and any(match_at(toks, k - m, CAP_LOC_PREFIXES, 2) == m for m in (1, 2) if k - m >= b.j)):
        return None
    place = r.place_at(k)
    return b.named_to(k + place) if place else None


def person_follows(r: OrganizationReader, b: Body) -> bool | None:
    """"Sở TTTT Lai Xuân Thành", "Hạ viện Dennis Hastert": a person follows, the name ends —
    unless a head named after people came before ("Ban Giám đốc Học viện … Hồ Chí Minh")."""
    toks, k, t = r.toks, b.k, b.t
    inner = r.head_at(k)
    if inner and r.key_at(k, inner) in NAMED_AFTER_PEOPLE:
        b.people_ok = True  # noted for the rest of the body
    foreign = t.text in r.lex.foreign_given and k + 1 < r.n and toks[k + 1].kind == "cap"
    if foreign and not b.named and b.head in r.lex.heads and not r.lex.heads[b.head].standalone:
        return None  # "Hiệp hội Max Planck": a head that needs a name is named after a person
    if not b.people_ok and (r.is_person_start(k) or foreign):
        return False
    if b.people_ok and b.proper and k > b.j and toks[k - 1].kind == "cap" and r.full_name_ends_run(k):
        # "tập đoàn Mường Thanh Lê Thanh Thản", "Công ty Hoàng Long Nguyễn Văn Tâm": a body named
        # after a person has the name first ("Trường THPT Lê Quý Đôn"), so a full name after a
        # proper name is the holder of the title written before the body
        return False
    return None


def ministry_sector(r: OrganizationReader, b: Body) -> bool | None:
    """"Sở Văn hóa, Thể thao và Du lịch": a ministry's field written with a comma names a
    department as it names the ministry (the comma ends other names)."""
    m = match_at(r.toks, b.k, COMMA_SECTORS, COMMA_SECTOR_LEN) if b.k == b.j else 0
    return b.named_to(b.k + m) if m else None


def document_follows(r: OrganizationReader, b: Body) -> bool | None:
    """"… và Quyết định số 93": a document, not the name (but "Trường ĐH Kinh tế - Luật")."""
    return False if r.document_at(b.k, b.head) and r.toks[b.k - 1].text not in "-–" else None


def hyphenated_place(r: OrganizationReader, b: Body) -> bool | None:
    """"… tiểu thủ công nghiệp Bà Rịa - Vũng Tàu": a place across a hyphen."""
    k = b.k
    whole = r.place_at(k) if k > b.j else 0
    if whole > 1 and any(r.toks[q].text in "-–" for q in range(k, k + whole)):
        return b.named_to(k + whole)
    return None


def capitalised_word(r: OrganizationReader, b: Body) -> bool | None:
    """Any other capitalised word or abbreviation names the body ("Thông tin", "TTTT"); it is
    a proper name unless a common word capitalised ("Sản xuất", "Phát triển")."""
    toks, k, t, n = r.toks, b.k, b.t, r.n
    prev = toks[k - 1] if k > b.j else None
    nxt = toks[k + 1] if k + 1 < n else None
    b.proper = bool(
        (prev is not None and k > b.j and prev.kind in ("cap", "abbr"))
        or (t.kind == "abbr" and not r.head_at(k))
        or r.place_at(k, None, lexicon.TIER_BARE)
        # a brand, no Vietnamese word: "Tập đoàn Vingroup bàn giao …" ends at it
        or (t.kind == "cap" and len(t.text) > 3 and t.text.lower() not in r.lex.words)
    )
    if nxt is not None and nxt.kind == "lower" and not nxt.word_start and not r.is_brand(k):
        b.proper = False  # "Sản xuất", "Phát triển": a common word capitalised
    b.k += 1
    b.end, b.named, b.lower_words = b.k, True, 0
    return True


# ----------------------------------------------------------------------------- numbers


def _ends_here(r: OrganizationReader, q: int) -> bool:
    nxt = r.toks[q] if q < r.n else None
    return nxt is None or nxt.kind == "punct" or bool(r.stop_at(q))


def numbered_head(r: OrganizationReader, b: Body) -> bool | None:
    """"Bệnh viện 175 - Bộ Quốc phòng", "Quân khu 7": a number names the body."""
    k = b.k
    if (
        k == b.j
        and b.head in NUMBERED_HEADS
        and b.t.text.isdigit()
        and (_ends_here(r, k + 1) or r.head_at(k + 1))
    ):
        return b.named_to(k + 1)
    return None


def number_in_name(r: OrganizationReader, b: Body) -> bool | None:
    """A number ending a named body or an admin unit ("… phường 12")."""
    k = b.k
    prev = r.toks[k - 1]
    named_before = b.named or r._admin_before(k)
    if k > b.j and prev.kind in ("cap", "abbr", "lower") and named_before and _ends_here(r, k + 1):
        b.k += 1
        b.end = b.k
        return True
    return None


# ----------------------------------------------------------------------------- lowercase words


def foreign_connector(r: OrganizationReader, b: Body) -> bool | None:
    """"Journal of Research in Personality", "Proceedings of the Royal Society"."""
    toks, k, n = r.toks, b.k, r.n
    if not (b.t.text in FOREIGN_CONNECTORS and b.named and toks[k - 1].kind in ("cap", "abbr")):
        return None
    q = k
    while q < n and q - k < 2 and toks[q].text in FOREIGN_CONNECTORS:
        q += 1
    if q < n and toks[q].kind in ("cap", "abbr"):
        b.k = q
        return True
    return None


def scope_after_name(r: OrganizationReader, b: Body) -> bool | None:
    """"VKSND tối cao", "Viện KSND tối cao", "Bệnh viện Nhi trung ương": a scope word (supreme,
    central, national; not "nhà nước", state, which also describes a kind of company) right
    after a head that needs a name, or after the proper name of a body, ends the name."""
    toks, k = r.toks, b.k
    if not (
        (k == b.j and b.head in HEADS and HEADS[b.head].body == "name")
        or (b.named and k > b.j and toks[k - 1].kind in ("cap", "abbr"))
    ):
        return None
    scope = match_at(toks, k, SUPREME_SCOPE_WORDS, 2)
    if not scope or not b.t.word_start or toks[k].text == "nhà":
        return None
    return b.named_to(k + scope)


def at_place(r: OrganizationReader, b: Body) -> bool | None:
    """"Tổng lãnh sự quán Mỹ tại TP HCM": "tại" and a place belong to some heads' names."""
    if not (b.t.text == "tại" and b.head in AT_PLACE_HEADS and b.named):
        return None
    m = r._place_with_prefix(b.k + 1)
    if m:
        b.k = b.end = m
        return True
    return False


def proper_name_ends(r: OrganizationReader, b: Body) -> bool | None:
    """"Sở TTTT đã", "Bệnh viện Hậu Nghĩa chữa trị": a new word after a proper name ends it
    (also one underthesea glued to the name: "AFP trích", AFP quotes)."""
    k, t = b.k, b.t
    if (
        not b.admin(r)
        and b.named
        and b.proper
        and (t.word_start or (r.is_brand(k - 1) and not r.continues_word(k)))
    ):
        return False
    return None


def admin_unit(r: OrganizationReader, b: Body) -> bool | None:
    """"UBND tỉnh Bình Dương", "Công an huyện Củ Chi", "UBND phường 12": an admin word and its
    place or number; "UBND tỉnh" alone ends there. A person's name after the place (the
    chairman: "UBND thành phố Lê Thanh Hải") is not part of the body."""
    admin = b.admin(r)
    if not admin:
        return None
    toks, n, k = r.toks, r.n, b.k
    after = k + admin
    run_end = r.cap_run(after) if r.is_name_tok(after) else after
    if r.is_name_tok(after) and not (
        r.is_person_start(after) and r.place_at(after, run_end, lexicon.TIER_COMMUNE) < run_end - after
    ):
        stop = r.cap_run(after)
        whole = r.place_at(after)
        if whole > stop - after:
            stop = after + whole  # "UBND tỉnh Bà Rịa - Vũng Tàu": across the hyphen
        # keep the place; a person's name after it is not part of the body
        m = r.place_at(after, stop)
        if m and m < stop - after and r.is_person_start(after + m, stop):
            stop = after + m
        else:
            for q in range(after + 1, stop):
                if r.is_person_start(q, stop) and not r.place_at(q, stop, lexicon.TIER_DISTRICT):
                    stop = q
                    break
        return b.named_to(stop)
    if after < n and toks[after].kind == "num":
        b.k = b.end = after + 1
        b.named = b.proper = True
        return True
    b.end = after  # "UBND tỉnh", "Công an huyện": the admin word ends it
    return False


def numbered_unit(r: OrganizationReader, b: Body) -> bool | None:
    """"Công ty Xây dựng số 3", "HTX Bốc xếp số 4"."""
    k = b.k
    if b.t.text == "số" and b.named and k + 1 < r.n and r.toks[k + 1].text.isdigit():
        b.k = b.end = k + 2
        return True
    return None


def word_continues(r: OrganizationReader, b: Body) -> bool | None:
    """The rest of a word begun before: "Y tế", "Tài chính"."""
    if b.k > b.j and r.continues_word(b.k):
        b.k += 1
        b.end = b.k
        return True
    return None


def and_joins(r: OrganizationReader, b: Body) -> bool | None:
    """"Bộ Văn hóa, Thể thao và Du lịch": "và" (and) before another capitalised word of the
    name; a lowercase name going on to its proper name ("Công ty chế biến thủy sản và xuất
    nhập khẩu Cà Mau"); otherwise "và" ends the name."""
    toks, k = r.toks, b.k
    if b.t.text not in ("và", "&"):
        return None
    if (
        r.is_name_tok(k + 1)
        and not r.head_at(k + 1)
        and not r.is_person_start(k + 1)
        and not match_at(toks, k + 1, DOCUMENT_KEYS, 2)
        and not r.place_at(k + 1, None, lexicon.TIER_DISTRICT)
    ):
        b.k += 1
        return True
    if (
        b.lowercase_ok
        and not b.named
        and b.lower_words
        and r.lower_run_reaches_name(k + 1, MAX_LOWER_WORDS - b.lower_words)
    ):
        b.k += 1
        return True
    return False


def investigation_police(r: OrganizationReader, b: Body) -> bool | None:
    """"Cảnh sát điều tra": investigation police, not the verb "điều tra" (investigate)."""
    toks, k = r.toks, b.k
    if (
        b.t.text == "điều"
        and k + 1 < r.n
        and toks[k + 1].text == "tra"
        and k >= 2
        and toks[k - 1].text == "sát"
        and toks[k - 2].text in ("Cảnh", "cảnh")
    ):
        b.k = b.end = k + 2
        return True
    return None


def crime_field(r: OrganizationReader, b: Body) -> bool | None:
    """"Cục Cảnh sát điều tra tội phạm về ma túy", "… tội phạm về tham nhũng, kinh tế, buôn
    lậu": the fields of crime a police unit handles end its name ("tội phạm" = crime, "về" =
    about); a list of fields joined by "," and "và" (and) is read whole."""
    toks, k, n = r.toks, b.k, r.n
    if not (k >= 2 and toks[k - 2].text.lower() == "tội" and toks[k - 1].text == "phạm"):
        return None
    q = k + 1 if b.t.text == "về" else k
    end = 0
    while m := match_at(toks, q, CRIME_FIELDS, 5):
        end = q = q + m
        if q + 1 < n and toks[q].text in (",", "và") and match_at(toks, q + 1, CRIME_FIELDS, 5):
            q += 1
    return b.named_to(end) if end else None


def regional_unit(r: OrganizationReader, b: Body) -> bool | None:
    """"Viện KSND khu vực 15", "TAND khu vực 2", "Chi cục Thuế khu vực XV": courts, procuracies
    and tax offices numbered by region ("khu vực" = region) since 2025; the number ends the name."""
    toks, k = r.toks, b.k
    if b.t.text == "khu" and k + 2 < r.n and toks[k + 1].text == "vực":
        number = toks[k + 2].text
        if number.isdigit() or (number.isupper() and set(number) <= set("IVXLC")):
            return b.named_to(k + 3)
    return None


def seated_court(r: OrganizationReader, b: Body) -> bool | None:
    """"TAND cấp cao tại Hà Nội", "Viện kiểm sát nhân dân Cấp cao tại TP.HCM": a high court or
    procuracy of the 2014 organisation laws is named by its level ("cấp cao" = high level, any
    case) and its seat ("tại" = at, then a place); the seat ends the name."""
    toks, k = r.toks, b.k
    if k - b.j > 1 or b.head + r.key_at(b.j, k - b.j) not in SEATED_COURT_HEADS:  # "Viện" + "KSND"
        return None
    level = next(
        (n for n in (2, 1) if tuple(t.text.lower() for t in toks[k : k + n]) in SEATED_COURT_LEVELS), 0
    )
    at = k + level
    if not level or at >= r.n or toks[at].text != "tại":
        return None
    prefix = match_at(toks, at + 1, CAP_LOC_PREFIXES, 4) or match_at(toks, at + 1, LOC_PREFIXES, 3)
    place = r.place_at(at + 1 + prefix)  # the place only: "… tại Hà Nội Nguyễn Văn Hùng"
    seat = at + 1 + prefix + place if place else r._place_with_prefix(at + 1)
    if not seat:
        return None
    b.end = seat
    b.named = b.proper = True
    return False  # ends after the seat: "… tại Đà Nẵng tuyên y án" (upheld the sentence)


def lowercase_to_place(r: OrganizationReader, b: Body) -> bool | None:
    """"Học viện khoa học địa chất Trung Quốc", "Cơ quan tình báo bí mật Australia": right
    after a head, two to five lowercase words (``OrganizationReader.lower_run``: no stop or admin
    word) that end on the name of a country or province are the body, the place included."""
    toks, n, k = r.toks, r.n, b.k
    if b.named or k != b.j or b.lowercase_ok:
        return None
    end, words = r.lower_run(k, MAX_LOWER_WORDS)
    if not 2 <= words <= MAX_LOWER_WORDS or (end < n and toks[end].kind == "lower"):
        return None
    place = r.place_at(end, None, lexicon.TIER_BARE)
    if place and not r.is_name_tok(end + place):
        return b.named_to(end + place)
    return None


def scope_words(r: OrganizationReader, b: Body) -> bool | None:
    """"Hội đồng bầu cử quốc gia": some heads take a lowercase name ending in a scope word."""
    if not b.named and not b.lowercase_ok and b.head in SCOPE_BODY_HEADS:
        scope_end = r.scope_end(b.k, b.head)
        if scope_end:
            b.k = b.end = scope_end
            b.named = b.proper = True
            return True
    return None


def plural_members(r: OrganizationReader, b: Body) -> bool | None:
    """"Hội các nhà doanh nghiệp trẻ Việt Nam", "Liên hiệp các tổ chức hữu nghị thành phố Hà
    Nội": "các" (the, plural) right after a head taking a lowercase name, before its members
    whose words lead to a name or an admin unit, belongs to the name; elsewhere "các" ends it."""
    if not (b.t.text == "các" and b.k == b.j and b.lowercase_ok):
        return None
    if r.lower_run_reaches_name(b.k + 1, MAX_LOWER_WORDS):
        b.k += 1
        return True
    return None


def stop_word(r: OrganizationReader, b: Body) -> bool | None:
    """A verb or function word ends the name (but "Khoa Hồi sức cấp cứu": a ward's name)."""
    if r.stop_at(b.k) and not (b.head == ("Khoa",) and match_at(r.toks, b.k, WARD_WORDS, 2) == 2):
        return False
    return None


def lowercase_word(r: OrganizationReader, b: Body) -> bool | None:
    """A lowercase word goes on a name already named, or after a head that takes lowercase
    names ("Trung tâm kiểm soát bệnh tật"), up to MAX_LOWER_WORDS words."""
    if not (b.named or b.lowercase_ok) or b.lower_words >= MAX_LOWER_WORDS:
        return False
    b.lower_words += 1
    b.k += 1
    b.end = b.k
    return True


# ----------------------------------------------------------------------------- punctuation


def list_of_trades(r: OrganizationReader, b: Body) -> bool | None:
    """"Tổ hợp tác sản xuất, kinh doanh tôm giống Tân Bình": a list of trades in the name."""
    if (
        b.t.text == ","
        and b.lowercase_ok
        and not b.named
        and b.lower_words
        and r.lower_run_reaches_name(b.k + 1, MAX_LOWER_WORDS - b.lower_words)
    ):
        b.k += 1
        return True
    return None


def hyphen_joins(r: OrganizationReader, b: Body) -> bool | None:
    """"Cục Quản lý Khám chữa bệnh - Bộ Y tế" (a head after the hyphen), "Phòng tài nguyên -
    môi trường" (lowercase words on both sides)."""
    toks, k = r.toks, b.k
    if not (b.t.text in "-–" and k > b.j):
        return None
    if r.head_at(k + 1) or (
        toks[k - 1].kind == "lower" and k + 1 < r.n and toks[k + 1].kind == "lower" and not r.stop_at(k + 1)
    ):
        b.k += 1
        return True
    return None


def ampersand(r: OrganizationReader, b: Body) -> bool | None:
    """"GD & ĐT": "&" before a capitalised word."""
    if b.t.text == "&" and r.is_name_tok(b.k + 1):
        b.k += 1
        return True
    return None


def hyphen_before_name(r: OrganizationReader, b: Body) -> bool | None:
    """"Trường ĐH Kinh tế - Luật": a hyphen before a capitalised word that is no person or place."""
    toks, k = r.toks, b.k
    if (
        b.t.text in "-–"
        and k > b.j
        and b.named
        and k + 1 < r.n
        and toks[k + 1].kind == "cap"
        and not r.is_person_start(k + 1)
        and not r.place_at(k + 1, None, lexicon.TIER_DISTRICT)
    ):
        b.k += 1
        return True
    return None


def city_abbreviation_dot(r: OrganizationReader, b: Body) -> bool | None:
    """"TP. Hồ Chí Minh" (but "Công an TP. Tòa đã …" ends the sentence)."""
    toks, k = r.toks, b.k
    if (
        b.t.text == "."
        and k > b.j
        and toks[k - 1].text in ("TP", "Tp")
        and r.is_name_tok(k + 1)
        and (toks[k + 1].kind == "abbr" or r.place_at(k + 1))
    ):
        b.k += 1
        return True
    return None


def abbreviation_in_parentheses(r: OrganizationReader, b: Body) -> bool | None:
    """"Ngành Thông tin và Truyền thông (TTTT) tỉnh Bình Dương": the short name inside, then an
    admin unit."""
    toks, k = r.toks, b.k
    if (
        b.t.text == "("
        and b.named
        and k + 3 < r.n
        and toks[k + 1].kind == "abbr"
        and toks[k + 2].text == ")"
        and match_at(toks, k + 3, ADMIN_WORDS, 3)
    ):
        b.k += 3
        return True
    return None


#: The body's rules, in the order they are tried at each syllable (per kind).
BODY_RULES: tuple[BodyRule, ...] = (
    BodyRule("seated_court", "TAND cấp cao tại Hà Nội", NAME | LOWER, seated_court),
    BodyRule("headline_runs_on", "Công ty Đông Nam Theo thông báo", NAME, headline_runs_on),
    BodyRule("place_after_city_prefix", "Sở Y tế TP Hồ Chí Minh", NAME, place_after_city_prefix),
    BodyRule("ministry_sector", "Sở Văn hóa, Thể thao và Du lịch", NAME, ministry_sector),
    BodyRule("person_follows", "Sở TTTT Lai Xuân Thành", NAME, person_follows),
    BodyRule("document_follows", "Ban Chỉ đạo và Quyết định số 93", NAME, document_follows),
    BodyRule("hyphenated_place", "… Bà Rịa - Vũng Tàu", NAME, hyphenated_place),
    BodyRule("capitalised_word", "Sở Thông tin", NAME, capitalised_word),
    BodyRule("numbered_head", "Bệnh viện 175", NUM, numbered_head),
    BodyRule("number_in_name", "UBND phường 12", NUM, number_in_name),
    BodyRule("foreign_connector", "Journal of Research", LOWER, foreign_connector),
    BodyRule("regional_unit", "Viện KSND khu vực 15", LOWER, regional_unit),
    BodyRule("scope_after_name", "VKSND tối cao", LOWER, scope_after_name),
    BodyRule("at_place", "Tổng lãnh sự quán Mỹ tại TP HCM", LOWER, at_place),
    BodyRule("proper_name_ends", "Sở TTTT đã", LOWER, proper_name_ends),
    BodyRule("admin_unit", "UBND tỉnh Bình Dương", LOWER, admin_unit),
    BodyRule("numbered_unit", "Công ty Xây dựng số 3", LOWER, numbered_unit),
    BodyRule("word_continues", "Bộ Y tế", LOWER, word_continues),
    BodyRule("and_joins", "Bộ Văn hóa, Thể thao và Du lịch", LOWER, and_joins),
    BodyRule("investigation_police", "Cảnh sát điều tra", LOWER, investigation_police),
    BodyRule("crime_field", "Cục Cảnh sát điều tra tội phạm về ma túy", LOWER, crime_field),
    BodyRule("lowercase_to_place", "Học viện khoa học địa chất Trung Quốc", LOWER, lowercase_to_place),
    BodyRule("scope_words", "Hội đồng bầu cử quốc gia", LOWER, scope_words),
    BodyRule("plural_members", "Hội các nhà doanh nghiệp trẻ Việt Nam", LOWER, plural_members),
    BodyRule("stop_word", "Sở Y tế cho biết", LOWER, stop_word),
    BodyRule("lowercase_word", "Trung tâm kiểm soát bệnh tật", LOWER, lowercase_word),
    BodyRule("list_of_trades", "Tổ hợp tác sản xuất, kinh doanh", PUNCT, list_of_trades),
    BodyRule("hyphen_joins", "Cục Quản lý Khám chữa bệnh - Bộ Y tế", PUNCT, hyphen_joins),
    BodyRule("ampersand", "GD & ĐT", PUNCT, ampersand),
    BodyRule("hyphen_before_name", "Trường ĐH Kinh tế - Luật", PUNCT, hyphen_before_name),
    BodyRule("city_abbreviation_dot", "TP. Hồ Chí Minh", PUNCT, city_abbreviation_dot),
    BodyRule("abbreviation_in_parentheses", "Ngành … (TTTT) tỉnh", PUNCT, abbreviation_in_parentheses),
)

#: The body's rules that can apply on each syllable kind, in BODY_RULES order.
BODY_RULES_BY_KIND = {
    kind: tuple(rule for rule in BODY_RULES if kind in rule.kinds)
    for kind in ("cap", "abbr", "lower", "num", "punct")
}
