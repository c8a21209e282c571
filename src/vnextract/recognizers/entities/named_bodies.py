"""Rules of the scan for organisations named through a cue around them: a describing phrase
after an introducer ("hãng hàng không Qantas"), a relation written like a head ("Ban lãnh đạo
Techcombank"), a branch's place after an abbreviation ("PC Quảng Ngãi"), and the team heads
before a country alone, which name the national team ("Đội Lào": a place), and a stock's
ticker after "cổ phiếu" ("cổ phiếu HPG": the company).

They are entries of :data:`~vnextract.recognizers.entities.scan_rules.RULES`, written as the
rules there: ``apply(scanner, at) -> bool``, False leaving everything as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vnextract import lexicon
from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon import phrase_class
from vnextract.recognizers.entities.tables import (
    ADMIN_WORDS,
    CAP_LOC_PREFIXES,
    CAPITALISED_INTRODUCERS,
    CURRENCIES,
    GENERIC_ABBREVIATIONS,
    GENERIC_BODIES,
    LOC_PREFIXES,
    ORG_INTRODUCERS,
    PERSON_NAMED_INTRODUCERS,
    PLACE_ACRONYMS,
    STOCK_MARKET_WORDS,
    TICKER_CUES,
    Cand,
    match_at,
)

if TYPE_CHECKING:  # the scanner calls the rules; the rules only need its types
    from vnextract.recognizers.entities.scan import Scanner
    from vnextract.recognizers.entities.scan_rules import At


#: Heads of a team or delegation: before a country alone they name the national team, which
#: the guideline tags as the country (corpus/ANNOTATING.md §6): "Đội Lào", "CLB Đức".
TEAM_HEADS = phrase_class("team_head")
#: An age group or the Olympic team between the head and the country ("Đội U23 Lào").
TEAM_GRADE = lazy_compile(r"U\d{2}|Olympic")


def national_team(s: Scanner, at: At) -> bool:
    """"Đội Lào", "Đội Olympic Áo", "Đoàn VN", "một CLB Anh khác": a team, club or delegation
    head before a country and nothing more is the country's team: a place, not an
    organisation ("Đội Cảnh sát cơ động", "CLB Hà Nội" are left to the head)."""
    i, toks = at.i, s.toks
    h = match_at(toks, i, TEAM_HEADS, 3) if at.t.kind in ("cap", "abbr") else 0
    if not h:
        return False
    j = i + h
    if j < s.n and TEAM_GRADE.fullmatch(toks[j].text):
        j += 1
    place = s.place_at(j, None, lexicon.TIER_BARE)
    if not place or s.place_kind(j, place) != "quốc gia":
        return False
    end = j + place
    if end < s.n and toks[end].kind in ("cap", "abbr", "num"):
        return False
    at.out.append(Cand("LOC", j, end, kind="quốc gia"))
    at.i, at.pending = end, None
    return True


#: A relation to a body, written like a head: "Ban lãnh đạo" (the leadership), "Công ty mẹ"
#: (the parent company); the name after it is the organisation, the relation is not.
RELATION_HEADS = phrase_class("relation_head")


def relation_of_body(s: Scanner, at: At) -> bool:
    """"Ban lãnh đạo Corinthians", "Công ty mẹ Google": the leadership or the parent of a named
    body; the name alone is the organisation (a country alone stays a place: "ban lãnh đạo
    Palestine"). A head after the relation is left to the head ("Ban Giám đốc Sở TDTT")."""
    i, toks = at.i, s.toks
    m = match_at(toks, i, RELATION_HEADS, 4) if at.t.kind == "cap" else 0
    j = i + m
    if not (m and s.is_name_tok(j)) or s.head_at(j) or s.is_person_start(j):
        return False
    end = s.cap_run(j)
    place = s.place_at(j, end, lexicon.TIER_BARE)
    if place == end - j:
        at.out.append(Cand("LOC", j, end, kind=s.place_kind(j, place)))
    else:
        at.out.append(Cand("ORG", j, end))
    at.i, at.pending = s._after_org(at.out, end), None
    return True


#: Lowercase words an introducer's description may hold before the name ("hãng hàng không
#: Qantas", "báo thể thao hàng đầu Tây Ban Nha AS"): at most this many words.
MAX_DESCRIPTION_WORDS = 4
#: Words after which an introducer's description names a place or an owner, not the
#: organisation ("đội bóng xứ Nghệ", "công ty vợ chồng Phú Lê").
DESCRIPTION_STOPS = phrase_class("description_stop")


def _description_end(s: Scanner, k: int) -> int:
    """End of the lowercase words describing an introducer from ``k`` ("hàng không", "thống kê
    hàng đầu thế giới"), or ``k`` when there are none or too many. A stop word (a verb or a
    function word: "giữ Bitcoin", "của"), an admin word, a place word ("miền Trung", "xứ
    Nghệ", "châu Á") or an honorific ends the description: what follows is no name of it."""
    toks, n = s.toks, s.n
    words = 0
    q = k
    while q < n and toks[q].kind == "lower":
        if toks[q].word_start:
            if (
                s.stop_at(q)
                or match_at(toks, q, ADMIN_WORDS, 3)
                or match_at(toks, q, LOC_PREFIXES, 3)
                or s.place_at(q, None, lexicon.TIER_BARE)
                or toks[q].text in s.lex.honorifics
                or match_at(toks, q, DESCRIPTION_STOPS, 2)
            ):
                return k
            words += 1
            if words > MAX_DESCRIPTION_WORDS:
                return k
        q += 1
    return q


def described_introduction(s: Scanner, at: At) -> bool:
    """A lowercase introducer, a few words describing it, then the name: "hãng hàng không
    Qantas" (the airline Qantas), "chuyên trang chuyển nhượng Transfermarkt", "báo thể thao hàng
    đầu Tây Ban Nha AS" (a country inside the description stays a place). The capitalised run
    is the organisation, as after a bare introducer ("báo Tuổi Trẻ"); a person, a head or a
    place after the description is left to their own rules."""
    i, toks = at.i, s.toks
    intro = match_at(toks, i, ORG_INTRODUCERS, 4) if at.t.text in s.firsts.introducers else 0
    # the introducer is a whole word: not "báo" of "báo cáo" (report), "trường" of "trường phái"
    if not (intro and at.t.word_start and i + intro < s.n and toks[i + intro].word_start):
        return False
    j = _description_end(s, i + intro)
    if j == i + intro or not s.is_name_tok(j):
        return False
    run = s.cap_run(j)
    place = s.place_at(j, run, lexicon.TIER_BARE)
    name = j + place  # "… hàng đầu Tây Ban Nha AS": the name after the country
    if (
        name >= run
        or s.head_at(name)
        or s.is_person_start(name)
        or toks[name].text in s.lex.foreign_given
        or (run - name == 1 and toks[name].text in GENERIC_ABBREVIATIONS)  # "công ty AI"
        or (run < s.n and s.continues_word(run))  # "Hồi giáo": a word, not a name
    ):
        return False
    end = next(
        (q for q in range(name + 1, run) if s.is_person_start(q, run) or toks[q].text in s.lex.foreign_given),
        run,
    )  # "hãng nghiên cứu thị trường IDC David Linsalata": its analyst follows
    if place:
        at.out.append(Cand("LOC", j, name, kind=s.place_kind(j, place)))
    at.out.append(Cand("ORG", name, end))
    at.i = s._after_org(at.out, end)
    at.pending = None
    return True


def capitalised_introduction(s: Scanner, at: At) -> bool:
    """An introducer written with a capital, at a sentence's start or as part of the name, and
    the name after it: "Hãng tin TASS", "Nhà mạng Vietnam Post" — one organisation, the head
    inside (a head of the lexicon, "Công ty", is left to its rule; "Báo Malaysia", the papers
    of a country, and "Đài Bắc", a place, are no such name)."""
    i, toks = at.i, s.toks
    intro = match_at(toks, i, CAPITALISED_INTRODUCERS, 4)
    j = i + intro
    if not (intro and s.is_name_tok(j)) or s.head_at(i) >= intro or s.head_at(j):
        return False
    if s.place_at(i) or s.place_at(j, None, lexicon.TIER_BARE):  # "Doanh nghiệp Việt", "Đài Bắc"
        return False
    known = match_at(toks, j, s.lex.orgs, s.lex.org_len)
    if known and s.cap_run(j) == j + known:
        end = j + known  # "Hãng tin TASS"
    elif known or (s.is_person_start(j) and toks[i].text.lower() not in PERSON_NAMED_INTRODUCERS):
        return False  # "Nhóm Phan Trọng Hiếu": the group of a person
    else:
        end = s.org_body(j, ("Công", "ty"))[0]
    if end <= j or (end == j + 1 and toks[j].text in lexicon.given_names()):
        return False  # "Doanh nghiệp Việt" (Vietnamese firms): one name syllable names no firm
    at.out.append(Cand("ORG", i, end))
    at.i = s._after_org(at.out, end)
    at.pending = None
    return True


def abbreviation_at_place(s: Scanner, at: At) -> bool:
    """An organisation's abbreviation and the place of its branch, nothing capitalised after:
    "PC Quảng Ngãi" (the power company of Quảng Ngãi), "CSGT TP.HCM" (Hồ Chí Minh City's
    traffic police), "HP Việt Nam" — one organisation. Abbreviations of kinds ("AI", "FDI"),
    of a body every organisation has ("HĐQT"), of titles, currencies and place prefixes
    ("CHDCND Lào") are no such names. Only a province, city or district: after a country the
    abbreviation is as often a kind ("UAV Anh", British drones; "ĐT Áo", the Austrian team)."""
    i, t, toks = at.i, at.t, s.toks
    if not (
        t.kind == "abbr"
        and t.text.isalpha()
        and 2 <= len(t.text) <= 6
        and t.text not in GENERIC_ABBREVIATIONS
        and t.text not in GENERIC_BODIES
        and t.text not in CURRENCIES
        and t.text not in PLACE_ACRONYMS
        and (t.text,) not in s.lex.cues  # "HLV Malaysia": a title
        and not s.place_at(i, i + 1, lexicon.TIER_BARE)
        and not match_at(toks, i, CAP_LOC_PREFIXES, 2)
        and (i == 0 or toks[i - 1].kind not in ("cap", "abbr"))
    ):
        return False
    j = i + 1
    if not s.is_name_tok(j):
        return False
    place = s.place_at(j, None, lexicon.TIER_DISTRICT)
    end = j + place
    if place and s.place_kind(j, place) in ("quốc gia", "vùng"):
        return False
    if not place:
        prefixed = s._place(j, False)  # "TP.HCM", "TP Đà Nẵng"
        if prefixed is None or prefixed.start != j:
            return False
        end = prefixed.end
    if end < s.n and toks[end].kind in ("cap", "abbr", "num"):
        return False  # a longer name goes on: left to the capitalised run
    at.out.append(Cand("ORG", i, end))
    at.i, at.pending = s._after_org(at.out, end), None
    return True


#: A Vietnamese ticker: three capitals or digits, a capital first ("HPG", "TS4"; not "VN30").
TICKER = lazy_compile(r"[A-Z][A-Z0-9]{2}")


def _is_ticker(s: Scanner, j: int) -> bool:
    toks = s.toks
    return (
        j < s.n
        and toks[j].kind == "abbr"
        and TICKER.fullmatch(toks[j].text) is not None
        and toks[j].text not in CURRENCIES
        and toks[j].text not in GENERIC_ABBREVIATIONS
        and not (j + 1 < s.n and toks[j + 1].kind in ("cap", "abbr"))  # "cổ phiếu FPT Retail"
    )


def ticker_after_cue(s: Scanner, at: At) -> bool:
    """A stock's ticker after "cổ phiếu" (shares) or "mã CK" (securities code), and the tickers
    listed after it: "cổ phiếu HPG", "mã VIC", "cổ phiếu VTC, TMS và SFC" (the companies)."""
    i, toks = at.i, s.toks
    m = match_at(toks, i, TICKER_CUES, 3)
    if not (m and _is_ticker(s, i + m)):
        return False
    if m == 1 and toks[i].text.lower() == "mã" and not _speaks_of_stocks(s):
        return False  # "mã OTP" (a one-time code), "mã PIN"
    j = i + m
    at.out.append(Cand("ORG", j, j + 1))
    j += 1
    # the list goes on after a comma or "và" (and): grammar
    while j + 1 < s.n and toks[j].text in (",", "và") and _is_ticker(s, j + 1):
        at.out.append(Cand("ORG", j + 1, j + 2))
        j += 2
    at.i, at.pending = j, None
    return True


def _speaks_of_stocks(s: Scanner) -> bool:
    """The sentence has a word of the stock market ("chứng khoán", "HoSE", "VN-Index")."""
    return any(match_at(s.toks, q, STOCK_MARKET_WORDS, 2) for q in range(s.n))
