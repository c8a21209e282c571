"""The rules of the scan of one sentence: at each syllable they are tried in the order of RULES.

A rule is a name, an example of what it matches, what it produces and a function
``apply(scanner, at) -> bool``: False leaves everything as it was (the next rule is tried);
True means the rule consumed syllables (``at.i`` moved on), maybe appended candidates to
``at.out`` and set ``at.pending`` (a title or honorific whose person may follow). :data:`RULES`
is the order, in one place; the first rule that applies wins. A syllable no rule takes is
stepped over. ``Rule.kinds`` and ``Rule.starts`` say on which syllables a rule can apply at all
(a shortcut for speed, implied by the rule's own conditions), so the scanner does not call a
rule that cannot apply.

Each rule is exercised by at least one case of ``fixtures/entities/*.jsonl`` that names it in
its ``rules`` field (tests/test_named_rules.py fails when a rule is named by no case).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from vnextract import lexicon
from vnextract.recognizers.entities.named_bodies import (
    abbreviation_at_place,
    capitalised_introduction,
    described_introduction,
    national_team,
    relation_of_body,
    ticker_after_cue,
)
from vnextract.recognizers.entities.tables import (
    COMPANY_FORMS,
    CUE_MODIFIERS,
    CURRENCIES,
    FOREIGN_ORG_WORDS,
    GENERIC_ABBREVIATIONS,
    HEADS,
    INITIALS,
    NAME_SYLLABLE,
    ORG_INTRODUCERS,
    PERSON_NAMED_INTRODUCERS,
    PHOTO,
    PLURAL,
    PREFIX_IN_WORD,
    SENTENCE_STARTERS,
    Cand,
    match_at,
)
from vnextract.text.syllables import Syllable

if TYPE_CHECKING:  # the scanner calls the rules; the rules only need its type
    from vnextract.recognizers.entities.scan import Scanner


class At:
    """Where the scan is, what it has found, and facts about the syllable at ``i``."""

    __slots__ = ("_head", "_run_end", "at_sentence_start", "i", "out", "pending", "t")

    def __init__(self, out: list[Cand]) -> None:
        self.out = out
        self.i = 0
        #: None; "" after a title cue; the honorific after one ("ông"): a person may follow
        self.pending: str | None = None
        self.t: Syllable
        self.at_sentence_start = False
        self._head = self._run_end = -1

    def move_to(self, i: int, t: Syllable, at_sentence_start: bool) -> None:
        self.i, self.t, self.at_sentence_start = i, t, at_sentence_start
        self._head = self._run_end = -1

    def head(self, scanner: Scanner) -> int:
        """Length of the organisation head at ``i`` (0: none), computed once per position."""
        if self._head < 0:
            self._head = scanner.head_at(self.i) if self.t.text in scanner.firsts.heads else 0
        return self._head

    def run_end(self, scanner: Scanner) -> int:
        """End of the capitalised run at ``i`` (Scanner.cap_run), computed once per position."""
        if self._run_end < 0:
            self._run_end = scanner.cap_run(self.i)
        return self._run_end


class Firsts(NamedTuple):
    """First syllables of each table: a set look-up rules a table out before match_at runs."""

    orgs: dict[str, tuple[int, ...]]
    heads: dict[str, tuple[int, ...]]
    cues: dict[str, tuple[int, ...]]
    introducers: dict[str, tuple[int, ...]]
    place_prefixes: frozenset[str]


class Rule(NamedTuple):
    name: str
    example: str  # what it matches, as written in news
    #: "ORG", "LOC", "PER", "skip" (consumes, finds nothing) or "pending" (a person may follow)
    produces: str
    kinds: frozenset[str]  # syllable kinds it can apply on
    #: the syllables it can start on: None (any), a set of words, or the name of a lexicon
    #: whose first syllables they are (see _start_tables)
    starts: str | frozenset[str] | None
    apply: Callable[[Scanner, At], bool]


ANY = frozenset({"cap", "abbr", "lower", "num", "punct"})
NAME = frozenset({"cap", "abbr"})
LOWER = frozenset({"lower"})


# ----------------------------------------------------------------------------- skips


def currency_code(s: Scanner, at: At) -> bool:
    """"29.000 USD Hoa chiếm đoạt": a currency code, then a name."""
    if at.t.text not in CURRENCIES:
        return False
    at.i += 1
    at.pending = None
    return True


def club_at_sentence_start(s: Scanner, at: At) -> bool:
    """"Đội bóng Hà Nội thắng", "Câu lạc bộ Hải Phòng …": the club named after its province."""
    text, i = at.t.text, at.i
    if not (at.at_sentence_start and text in ("Đội", "Câu")):
        return False
    intro = 3 if text == "Câu" else 2
    club = s._club_after(i, intro)
    if not club:
        return False
    at.out.append(Cand("ORG", i + intro, club))
    at.i, at.pending = club, None
    return True


def sentence_starter(s: Scanner, at: At) -> bool:
    """"Theo AFP, Reuters": a function word opening the sentence is never a name."""
    t = at.t
    if not (at.at_sentence_start and t.text in SENTENCE_STARTERS and t.kind == "cap" and at.i + 1 < s.n):
        return False
    at.i += 1
    at.pending = None
    return True


def non_governmental(s: Scanner, at: At) -> bool:
    """"tổ chức phi Chính phủ" (non-governmental): a kind, not the body."""
    i, text, toks, lex = at.i, at.t.text, s.toks, s.lex
    if not (i > 0 and toks[i - 1].text == "phi" and (text in s.firsts.orgs or text in s.firsts.heads)):
        return False
    skip = max(match_at(toks, i, lex.orgs, lex.org_len), match_at(toks, i, lex.heads, lex.head_len))
    if not skip:
        return False
    at.i += skip
    at.pending = None
    return True


# ----------------------------------------------------------------------------- organisations


def known_organization(s: Scanner, at: At) -> bool:
    """A well-known organisation ("WHO", "Dân trí", "Viettel Mobile"), not inside a longer
    capitalised run."""
    i, toks, lex = at.i, s.toks, s.lex
    m = match_at(toks, i, lex.orgs, lex.org_len) if at.t.text in s.firsts.orgs else 0
    while m and i + m < s.n and toks[i + m].text in FOREIGN_ORG_WORDS:
        m += 1  # "Viettel Mobile", "EVN Telecom"
    if not (
        m
        and (not s.is_name_tok(i + m) or s.is_person_start(i + m))
        and not (i > 0 and toks[i - 1].kind == "cap" and toks[i - 1].text not in SENTENCE_STARTERS)
    ):
        return False
    at.out.append(Cand("ORG", i, i + m))
    at.i += m
    # "cựu HLV Tottenham, Mauricio Pochettino": the title's person may still follow its
    # organisation (as after an organisation read by capitalised_run)
    at.pending = "" if at.pending == "" else None
    return True


def member_title(s: Scanner, at: At) -> bool:
    """"Tỉnh ủy viên", "Đảng ủy viên": a member's title, not the body."""
    i, toks, lex = at.i, s.toks, s.lex
    if not (at.t.text in s.firsts.heads and at.t.kind in ("cap", "abbr")):
        return False
    m = match_at(toks, i, lex.heads, lex.head_len)
    if not (m and i + m < s.n and toks[i + m].text == "viên"):
        return False
    at.i += m + 1
    at.pending = None
    return True


def postgraduate(s: Scanner, at: At) -> bool:
    """"sau ĐH" (postgraduate): not a university."""
    i = at.i
    h = at.head(s)
    if not (h and i > 0 and s.toks[i - 1].text == "sau" and s.key_at(i, h) in {("ĐH",), ("Đại", "học")}):
        return False
    at.i += h
    at.pending = None
    return True


def plural_head(s: Scanner, at: At) -> bool:
    """"6 CLB Anh", "các Sở": several, not one named organisation ("thứ 6 …" is one)."""
    i, toks = at.i, s.toks
    h = at.head(s)
    if not (
        h
        and i > 0
        and (
            (toks[i - 1].kind == "num" and not (i > 1 and toks[i - 2].text == "thứ"))
            or toks[i - 1].text in PLURAL
        )
    ):
        return False
    at.i += h
    at.pending = None
    return True


def organization_head(s: Scanner, at: At) -> bool:
    """An organisation head and its body: "Sở TTTT", "UBND tỉnh Bình Dương", "Trung tâm kiểm
    soát bệnh tật". A place that starts like a head ("Đài Loan", "Hội An") is left to the
    rules after; a head naming nothing ("của Học viện;") is stepped over."""
    i = at.i
    h = at.head(s)
    if not h:
        return False
    p = s.place_at(i, None, lexicon.TIER_DISTRICT)
    head = s.key_at(i, h)
    end, named = s.org_body(i + h, head)
    if p >= end - i and p > 0:
        return False  # "Đài Loan", "Hội An": a place that starts like a head
    run = s.cap_run(i)
    if h == 1 and end <= run and s.is_person_start(i, run) \
            and (run >= s.n or s.toks[run].word_start) \
            and match_at(s.toks, i, s.lex.orgs, s.lex.org_len) < run - i:
        # "Đoàn Văn Hậu": a head that is also a surname, then only a name's syllables (the last
        # not glued to a lowercase one: "Đoàn Thanh niên" is the Youth Union)
        return False
    if named or (s.lex.heads[head].standalone or end > i + h):
        at.out.append(Cand("ORG", i, end))
        at.i = s._after_org(at.out, end)
        # after a title's body its holder may still follow ("Chủ tịch Liên đoàn Bóng đá
        # Malaysia (FAM) Joehari Ayub"); after an honorific or nothing, no one is pending
        at.pending = "" if at.pending == "" else None
        return True
    if not (at.pending or s.is_person_start(i)):
        # a head naming nothing ("của Học viện;", "chiến sĩ Công an và") is no name
        at.i += h
        at.pending = None
        return True
    return False


def sector_abbreviation(s: Scanner, at: At) -> bool:
    """"ngành TTTT": a sector named by an abbreviation."""
    i = at.i
    if not (at.t.text == "ngành" and i + 1 < s.n and s.toks[i + 1].kind == "abbr"):
        return False
    end, _ = s.org_body(i + 1, ("Ngành",))
    at.out.append(Cand("ORG", i, max(end, i + 2)))
    at.i = max(end, i + 2)
    return True




def company_with_form(s: Scanner, at: At) -> bool:
    """A lowercase introducer that is also a head ("công ty"), a company form, then the name:
    "công ty TNHH Vương Vũ", "công ty cổ phần Đồng Xuân" — one organisation, head included,
    as when the head is capitalised; "công ty Hoàng Nguyên" is left to introduced_organization."""
    i, toks = at.i, s.toks
    intro = match_at(toks, i, ORG_INTRODUCERS, 4) if at.t.text in s.firsts.introducers else 0
    if not (intro and at.t.word_start):
        return False
    head = (toks[i].text.capitalize(), *(t.text for t in toks[i + 1 : i + intro]))
    if head not in HEADS:
        return False
    form = match_at(toks, i + intro, COMPANY_FORMS, 3)
    j = i + intro + form
    if not form or j >= s.n or not s.is_name_tok(j):
        return False
    end, _ = s.org_body(i + intro, head)
    if end <= j:
        return False
    at.out.append(Cand("ORG", i, end))
    at.i = s._after_org(at.out, end)
    at.pending = None
    return True


def introduced_organization(s: Scanner, at: At) -> bool:
    """A lowercase introducer and the name after it: "công ty Hoàng Nguyên", "báo Tuổi Trẻ",
    "đội bóng Bình Định"; "trường THPT …" is left to the head, "doanh nghiệp FDI" is a kind."""
    i, text, toks, t = at.i, at.t.text, s.toks, at.t
    intro = match_at(toks, i, ORG_INTRODUCERS, 4) if text in s.firsts.introducers else 0
    if not (
        intro
        and t.word_start
        and s.is_name_tok(i + intro)
        and (not s.is_person_start(i + intro) or toks[i].text in PERSON_NAMED_INTRODUCERS)
        and not (i > 0 and toks[i - 1].kind == "lower" and not t.word_start)
    ):
        return False
    j = i + intro
    if s.head_at(j):
        at.i = j  # "trường THPT …": the head decides
        return True
    if toks[j].text in GENERIC_ABBREVIATIONS:
        at.i = j + 1  # "doanh nghiệp FDI": a kind of enterprise, not a name
        return True
    club = s._club_after(i, intro)
    if club:  # "đội bóng Bình Định", "câu lạc bộ Hải Phòng"
        at.out.append(Cand("ORG", j, club))
        at.i = club
        return True
    if s.place_at(j, None, lexicon.TIER_BARE) < s.cap_run(j) - j:
        # "báo Sài Gòn Tiếp Thị" (but "đài Hà Nội" is a place): the name reads like a
        # company's ("công ty Hoàng Nguyên", "báo Tuổi Trẻ")
        end, _ = s.org_body(j, ("Công", "ty"))
        if end > j:
            at.out.append(Cand("ORG", j, end))
            at.i = s._after_org(at.out, end)
            return True
    return False


# ----------------------------------------------------------------------------- places


def lowercase_place(s: Scanner, at: At) -> bool:
    """A place name that starts in lowercase: "châu Á", "đồng bằng sông Cửu Long"."""
    i = at.i
    p = s.place_at(i, None, lexicon.TIER_BARE)
    if not p:
        return False
    at.out.append(Cand("LOC", i, i + p, kind=s.place_kind(i, p)))
    at.i += p
    return True


def place_prefix(s: Scanner, at: At) -> bool:
    """A place prefix and its name: "tỉnh Bình Dương", "TP.HCM", "quận 12". A lowercase prefix
    inside a word names a place only when a known place of two syllables or more follows
    ("nhảy cầu Châu Giang", to jump off the Châu Giang bridge): "bản" (a highland village) ends
    "cơ bản" (basic), "cầu" (bridge) "yêu cầu" (to ask), "làng" (village) "lão làng" (veteran);
    after the words of class prefix_in_word ("yêu cầu Hà Nội", asked Hanoi) never."""
    if at.t.kind == "lower" and not at.t.word_start and (
        s.toks[at.i - 1].word.lower() in PREFIX_IN_WORD or s.place_at(at.i + 1) < 2
    ):
        return False
    place = s._place(at.i, at.at_sentence_start) if at.t.text in s.firsts.place_prefixes else None
    if place is None:
        return False
    at.out.append(place)
    at.i = place.end
    at.pending = None
    return True


# ----------------------------------------------------------------------------- persons


def _honorific_here(s: Scanner, at: At) -> bool:
    t = at.t
    return t.text.lower() in s.lex.honorifics and (t.kind in ("lower", "cap") or at.at_sentence_start)


def place_after_honorific_word(s: Scanner, at: At) -> bool:
    """A place whose first syllable is an honorific: "Bà Rịa", "Ông Đốc"."""
    if not _honorific_here(s, at):
        return False
    p = s.place_at(at.i, None, lexicon.TIER_DISTRICT)
    if p < 2:
        return False
    at.out.append(Cand("LOC", at.i, at.i + p, kind=s.place_kind(at.i, p)))
    at.i += p
    return True


def honorific(s: Scanner, at: At) -> bool:
    """"ông", "bà" … before a capitalised name or initials: the name is a person's."""
    i, toks = at.i, s.toks
    if not _honorific_here(s, at):
        return False
    name_next = s.is_name_tok(i + 1) and toks[i + 1].kind == "cap"
    if not (name_next or (i + 1 < s.n and INITIALS.fullmatch(toks[i + 1].text))):
        return False
    at.pending = at.t.text.lower()
    at.i += 1
    return True


def _cue_length(s: Scanner, at: At) -> int:
    return match_at(s.toks, at.i, s.lex.cues, s.lex.cue_len) if at.t.text in s.firsts.cues else 0


def body_in_title(s: Scanner, at: At) -> bool:
    """"Trưởng Ban quản lý Khu kinh tế Phú Quốc": the title's last word heads a named body; the
    person, if any, follows the body."""
    c = _cue_length(s, at)
    body = s._head_in_cue(at.i, c) if c else None
    if body is None:
        return False
    at.out.append(Cand("ORG", body[0], body[1]))
    at.i = body[1]
    at.pending = at.pending or ""
    return True


def title_cue(s: Scanner, at: At) -> bool:
    """A title or role ("Giám đốc", "Thiếu tá", "bị cáo") and the words that belong to it
    ("Phó Chủ tịch Thường trực"): the next capitalised run is a person."""
    c = _cue_length(s, at)
    if not c:
        return False
    at.i += c
    while mod := match_at(s.toks, at.i, CUE_MODIFIERS, 2):
        at.i += mod
    at.pending = at.pending or ""
    return True


def photo_credit(s: Scanner, at: At) -> bool:
    """"Ảnh: Nguyễn Hưng": a photo credit names a person or an organisation."""
    i = at.i
    if not (at.t.text in PHOTO and i + 1 < s.n and s.toks[i + 1].text == ":"):
        return False
    at.i += 2
    at.pending = ""
    return True


def initials(s: Scanner, at: At) -> bool:
    """Initials, alone or before a surname: "W.Buffett", "H.T.P" (not "TP.", nor "T.Ư" =
    Trung ương, central)."""
    t, toks = at.t, s.toks
    if not (
        t.kind in ("cap", "abbr")
        and t.text not in ("T.Ư", "TƯ", "T.W", "TW")  # Trung ương (central), not initials
        and INITIALS.fullmatch(t.text)
        and not t.text.startswith(("TP.", "Tp."))
    ):
        return False
    end = at.i + 1
    while end < s.n and toks[end].kind == "cap" and NAME_SYLLABLE.fullmatch(toks[end].text):
        end += 1
    at.out.append(Cand("PER", at.i, end, honorific=at.pending or None))
    at.i, at.pending = end, None
    return True


# ----------------------------------------------------------------------------- capitalised runs


def fans_club(s: Scanner, at: At) -> bool:
    """"các CĐV Hải Phòng" (the fans of Hải Phòng): the club named after its province."""
    i = at.i
    if at.t.text != "CĐV":
        return False
    p = s.place_at(i + 1, None, lexicon.TIER_BARE)
    if not p or s.is_name_tok(i + 1 + p):
        return False
    at.out.append(Cand("ORG", i + 1, i + 1 + p))
    at.i, at.pending = i + 1 + p, None
    return True


def place_across_run(s: Scanner, at: At) -> bool:
    """A place name longer than the capitalised run it starts: "Thừa Thiên - Huế"."""
    i = at.i
    if at.t.kind not in ("cap", "abbr"):
        return False
    p = s.place_at(i, None, lexicon.TIER_BARE)
    if p <= at.run_end(s) - i:
        return False
    at.out.append(Cand("LOC", i, i + p, kind=s.place_kind(i, p)))
    at.i, at.pending = i + p, None
    return True


def capitalised_run(s: Scanner, at: At) -> bool:
    """A capitalised run, classified (person, place, organisation or unknown until the
    document pass); an alias in parentheses after a person ("Tô Văn Tốt (Ba Mạnh)")."""
    i, pending = at.i, at.pending
    if at.t.kind not in ("cap", "abbr"):
        return False
    end = at.run_end(s)
    got = s._classify(i, end, pending, at.at_sentence_start, at.out)
    at.out.extend(got)
    if got and got[-1].label == "PER" and got[-1].end == end and (alias := s.alias_after(end)):
        at.out.append(Cand("PER", alias - 2, alias))  # "Tô Văn Tốt (Ba Mạnh)"
        at.i, at.pending = alias, None
        return True
    if got and got[-1].label == "PER" and got[-1].end == end:
        role_end, office = s.apposition_role(end)
        if office and isinstance(s.apposition_bodies, set):
            s.apposition_bodies.add(role_end)  # "Kane, tiền đạo Tottenham, …": the club follows
    # "Chủ tịch European Super League, Florentino Perez": the title's person may still follow
    # its organisation
    at.i, at.pending = end, (pending if got and got[-1].label in ("ORG", "LOC") else None)
    return True


# ----------------------------------------------------------------------------- addresses


def house_number_street(s: Scanner, at: At) -> bool:
    """A house number before a street: "số 56 Nơ Trang Long"."""
    i, toks = at.i, s.toks
    if not (
        at.t.text == "số"
        and (i == 0 or toks[i - 1].text in (",", "(", "tại", "ở", "nhà", "-"))
        and i + 2 < s.n
        and toks[i + 1].kind == "num"
        and toks[i + 2].kind == "cap"
        and not s.head_at(i + 2)
    ):
        return False
    end = s.cap_run(i + 2)
    if not 2 <= end - i - 2 <= 4:
        return False
    at.out.append(Cand("LOC", i + 2, end, kind="đường"))
    at.i = end
    return True


def address_number_street(s: Scanner, at: At) -> bool:
    """An address number before a street named after a person: "32/8 Đặng Văn Ngữ"."""
    i, toks = at.i, s.toks
    if not (i + 3 < s.n and toks[i + 1].text == "/" and toks[i + 2].kind == "num"):
        return False
    j = i + 3
    if not (s.is_name_tok(j) and s.is_person_start(j)):
        return False
    end = s.cap_run(j)
    at.out.append(Cand("LOC", j, end, kind="đường"))
    at.i = end
    return True


#: The scan's rules, in the order they are tried at each syllable.
RULES: tuple[Rule, ...] = (
    Rule("currency_code", "29.000 USD Hoa", "skip", NAME, CURRENCIES, currency_code),
    Rule(
        "club_at_sentence_start", "Đội bóng Hà Nội thắng", "ORG", NAME, frozenset({"Đội", "Câu"}),
        club_at_sentence_start,
    ),
    Rule("sentence_starter", "Theo AFP", "skip", NAME, SENTENCE_STARTERS, sentence_starter),
    Rule(
        "non_governmental", "tổ chức phi Chính phủ", "skip", ANY, "organizations or heads",
        non_governmental,
    ),
    Rule("ticker_after_cue", "cổ phiếu HPG, mã CK VIC", "ORG", ANY, "ticker cues", ticker_after_cue),
    Rule(
        "known_organization", "WHO, Dân trí, Viettel Mobile", "ORG", ANY, "organizations",
        known_organization,
    ),
    Rule("member_title", "Tỉnh ủy viên", "skip", NAME, "heads", member_title),
    Rule("postgraduate", "sau ĐH", "skip", ANY, "heads", postgraduate),
    Rule("plural_head", "6 CLB Anh, các Sở", "skip", ANY, "heads", plural_head),
    Rule("national_team", "Đội Lào, CLB Đức", "LOC", NAME, None, national_team),
    Rule("relation_of_body", "Ban lãnh đạo Corinthians", "ORG", NAME, None, relation_of_body),
    Rule(
        "capitalised_introduction", "Hãng tin TASS", "ORG", NAME, "capitalised introducers",
        capitalised_introduction,
    ),
    Rule("organization_head", "Sở TTTT, UBND tỉnh Bình Dương", "ORG", ANY, "heads", organization_head),
    Rule("sector_abbreviation", "ngành TTTT", "ORG", LOWER, frozenset({"ngành"}), sector_abbreviation),
    Rule("lowercase_place", "châu Á", "LOC", LOWER, "places", lowercase_place),
    Rule("company_with_form", "công ty TNHH Vương Vũ", "ORG", LOWER, "introducers", company_with_form),
    Rule("introduced_organization", "báo Tuổi Trẻ", "ORG", LOWER, "introducers", introduced_organization),
    Rule(
        "described_introduction", "hãng hàng không Qantas", "ORG", LOWER, "introducers",
        described_introduction,
    ),
    Rule("place_prefix", "tỉnh Bình Dương, TP.HCM, quận 12", "LOC", ANY, "place prefixes", place_prefix),
    Rule("place_after_honorific_word", "Bà Rịa", "LOC", ANY, "places", place_after_honorific_word),
    Rule("honorific", "ông Liêm", "pending", ANY, None, honorific),
    Rule("body_in_title", "Trưởng Ban quản lý Khu kinh tế Phú Quốc", "ORG", ANY, "roles", body_in_title),
    Rule("title_cue", "Phó Chủ tịch Thường trực", "pending", ANY, "roles", title_cue),
    Rule("photo_credit", "Ảnh: …", "pending", ANY, PHOTO, photo_credit),
    Rule("initials", "W.Buffett, H.T.P", "PER", NAME, None, initials),
    Rule("fans_club", "CĐV Hải Phòng", "ORG", NAME, frozenset({"CĐV"}), fans_club),
    Rule("abbreviation_at_place", "PC Quảng Ngãi, CSGT TP.HCM", "ORG", NAME, None, abbreviation_at_place),
    Rule("place_across_run", "Thừa Thiên - Huế", "LOC", NAME, "places", place_across_run),
    Rule("capitalised_run", "Lai Xuân Thành, Bình Dương", "PER/LOC/ORG", NAME, None, capitalised_run),
    Rule("house_number_street", "số 56 Nơ Trang Long", "LOC", LOWER, frozenset({"số"}), house_number_street),
    Rule(
        "address_number_street", "32/8 Đặng Văn Ngữ", "LOC", frozenset({"num"}), None,
        address_number_street,
    ),
)
