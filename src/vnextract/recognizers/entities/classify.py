"""Places written with their prefix, and the classification of a capitalised run (person, place,
organisation, or unknown until the document pass)."""

from __future__ import annotations

from vnextract import lexicon
from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon.roles import apposition_roles
from vnextract.recognizers.entities.organizations import OrganizationReader
from vnextract.recognizers.entities.tables import (
    ADMIN_KINDS,
    BIRTH_ORDER,
    BRANCHES,
    CAMEL_CASE,
    CAP_LOC_PREFIXES,
    COMPASS,
    CUE_MODIFIERS,
    FOREIGN_ORG_WORDS,
    FOREIGN_SYLLABLE,
    GENERIC_ABBREVIATIONS,
    GENERIC_BODIES,
    INITIALS,
    LOC_PREFIXES,
    MC_NAME,
    MIDDLE_NAMES,
    NAME_SYLLABLE,
    NOT_NAME_SYLLABLES,
    NOT_NAMES,
    NUMBERED,
    PLACE_PREPOSITIONS,
    REGION_KINDS,
    SENTENCE_CASE_PREFIXES,
    SENTENCE_STARTERS,
    STEMS,
    STREET_LIKE_KINDS,
    SURNAME_PREFIXES,
    Cand,
    match_at,
)
from vnextract.text.spelling import looks_foreign

#: An abbreviation of letters, its parts maybe joined by "-" or "&": "FFRD", "GD-ĐT", "GD&ĐT"
#: (the ministries' and sectors' short forms), not "U23" or "COVID-19".
JOINED_LETTERS = lazy_compile(r"[^\W\d_]+(?:[-&][^\W\d_]+)*")

#: nguyên, cựu (former), quyền (acting), tân (new) before a role in an apposition (the
#: modifiers of titles.grammar.MODIFIERS that can open one: "Kane, cựu tiền đạo Tottenham"),
#: and the article một (a, one: "Thomas, một phi hành gia của NASA, …"): grammar.
FORMER: frozenset[tuple[str, ...]] = frozenset(
    {("nguyên",), ("cựu",), ("quyền",), ("tân",), ("Nguyên",), ("Cựu",), ("một",)}
)
#: The longest role of the apposition table, in syllables.
_ROLE_LEN = max(map(len, apposition_roles()))


class Classifier(OrganizationReader):
    """Places with a prefix and capitalised runs in one sentence."""

    #: Starts of the capitalised runs right after the role of an apposition whose holder was
    #: just named ("Kane, tiền đạo [Tottenham], ghi bàn"): the holder's organisation, not a
    #: person. Filled by the scan (scan_rules.capitalised_run), one set per sentence.
    apposition_bodies: frozenset[int] | set[int] = frozenset()

    def _place(self, i: int, at_sentence_start: bool) -> Cand | None:
        """A place written with its prefix at ``i``: "tỉnh Bình Dương", "TP.HCM", "quận 12"."""
        toks = self.toks
        m = match_at(toks, i, CAP_LOC_PREFIXES, 4)
        if m and self.key_at(i, m) in SURNAME_PREFIXES and self.is_person_start(i):
            return None  # "Đường Thị Quế": Đường is also a surname
        include = bool(m)
        kind = CAP_LOC_PREFIXES.get(self.key_at(i, m)) if m else None
        if m and (self.key_at(i, m) in SENTENCE_CASE_PREFIXES):
            include = not at_sentence_start and self.key_at(i, m) not in SURNAME_PREFIXES
            if at_sentence_start:
                include = False
        if not m and (toks[i].word_start or (i + 1 < self.n and toks[i + 1].kind == "cap")):
            # a whole word ("thôn" but not "nông thôn 1"), or one underthesea glued to a name
            m = match_at(toks, i, LOC_PREFIXES, 4)
            kind = LOC_PREFIXES.get(self.key_at(i, m)) if m else None
            include = False
        if not m:
            return None
        j = i + m
        if j >= self.n or toks[j].text in SENTENCE_STARTERS:
            return None  # "… thẩm quyền của TP. Nếu TP …": the next sentence, not a name
        if match_at(toks, j, CAP_LOC_PREFIXES, 4) or match_at(toks, j, LOC_PREFIXES, 4):
            return self._place(j, False)  # "khu vực Cửa khẩu quốc tế La Lay"
        nxt = toks[j]
        if nxt.kind == "num" and kind in NUMBERED and (m > 0):
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
        elif kind not in STREET_LIKE_KINDS:
            for q in range(j + 1, end):
                if self.is_person_start(q, end) and not self.place_at(q, end, lexicon.TIER_DISTRICT):
                    end = q
                    break
        if (
            kind in ADMIN_KINDS
            and end - j >= 3
            and p < end - j
            and self.is_person_start(j, end)
            and toks[j + 1].text in MIDDLE_NAMES
        ):
            return None  # "chủ tịch xã Phạm Văn Tuấn": the chairman, not a commune
        if (
            end + 1 < self.n
            and toks[end].kind == "num"
            and toks[end + 1].kind == "punct"
            and toks[end].text.isdigit()
        ):
            end += 1  # "làng Kép 2,"
        if end - j == 1 and toks[j].text in COMPASS and kind in REGION_KINDS:
            return None  # "vùng núi Bắc": the northern mountains, not a place called Bắc
        start = i if include else j
        return Cand("LOC", start, end, kind=kind if kind != "vùng" else self.place_kind(j, end - j) or kind)

    def _classify(
        self, i: int, end: int, pending: str | None, at_sentence_start: bool, out: list[Cand]
    ) -> list[Cand]:
        """Classify the capitalised run [i, end)."""
        toks = self.toks
        n_run = end - i
        if i > 0 and toks[i - 1].text in ("phía", "hướng") and all(t.text in COMPASS for t in toks[i:end]):
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
        if n_run == 2 and toks[i].text in STEMS and toks[i + 1].text in BRANCHES:
            return []  # "Tết Giáp Thân": a year of the cycle
        if pending is not None and n_run >= 2:
            m = match_at(toks, i, self.lex.orgs, min(self.lex.org_len, n_run - 1))
            if m:  # "Tổng thư ký NATO George Robertson"
                return [Cand("ORG", i, i + m), *self._classify(i + m, end, pending, False, out)]
        if n_run >= 2 and any(t.text in FOREIGN_ORG_WORDS for t in toks[i + 1 : end]):
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
        if p and p < n_run and INITIALS.fullmatch(toks[i + p].text):  # "Ấn Độ L.Mittal"
            return [Cand("LOC", i, i + p, kind=self.place_kind(i, p)), Cand("PER", i + p, end)]
        if pending == "" and i in self.apposition_bodies and not self.is_person_start(i, end):
            return [Cand("ORG", i, end)]  # "Kane, tiền đạo Tottenham, …": the holder's club
        if pending == "" and self.national_body(i, end):
            return [Cand("ORG", i, end)]  # "Phó chủ tịch Duma Nga": a country's body, not a person
        if pending is not None:
            if self.abbreviation_then_person(i, end):
                # "Bộ trưởng GD-ĐT Nguyễn Kim Sơn", "Chủ tịch VASEP Hồ Quốc Lực": the body the
                # title heads, then its holder (a generic body, "HĐQT", is no name)
                generic = toks[i].text in GENERIC_ABBREVIATIONS or toks[i].text in GENERIC_BODIES
                body = [] if generic else [Cand("ORG", i, i + 1)]
                return [*body, Cand("PER", i + 1, end, honorific=pending or None)]
            if all(t.kind == "abbr" and "." not in t.text for t in toks[i:end]):
                if (
                    pending == ""
                    and n_run == 1
                    and i > 0
                    and toks[i - 1].kind in ("lower", "cap")
                    and len(toks[i].text) >= 3
                    and JOINED_LETTERS.fullmatch(toks[i].text)
                    and toks[i].text not in GENERIC_ABBREVIATIONS
                    and toks[i].text not in GENERIC_BODIES
                ):
                    return [Cand("ORG", i, end)]  # "Giám đốc FFRD": the body the title heads
                return []  # "(ảnh: CTV)": an abbreviation, not a name
            if n_run == 1 and CAMEL_CASE.search(toks[i].text) and not MC_NAME.fullmatch(toks[i].text):
                return [Cand("ORG", i, end)]  # "Chủ tịch LienVietPostBank": a brand
            if any(c.isdigit() for t in toks[i:end] for c in t.text) or toks[i].text in NOT_NAMES:
                return []  # "bệnh nhân Covid-19", "Bí thư Trung ương Đảng": not a name
            if not all(
                FOREIGN_SYLLABLE.fullmatch(t.text)
                or INITIALS.fullmatch(t.text)
                or t.kind == "abbr"
                or t.text == "."
                for t in toks[i:end]
            ):
                return []  # "LS V-League": not a name ("." of a middle initial is: "Thomas A. Bussiere")
            if toks[i].kind == "abbr" and "." not in toks[i].text:
                if (
                    n_run >= 3
                    and toks[i + 1].text in self.lex.foreign_given
                    and all(FOREIGN_SYLLABLE.fullmatch(t.text) for t in toks[i + 2 : end])
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
                and NAME_SYLLABLE.fullmatch(toks[i + 1].text)
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
            and toks[i].text not in NOT_NAME_SYLLABLES
            and not p
            and all(NAME_SYLLABLE.fullmatch(t.text) for t in toks[i:end])
            and not (end < self.n and toks[end].kind == "lower" and not toks[end].word_start)
        ):
            return [Cand("PER", i, end)]  # "Simo Fotso Victor và Tala Pierre Marie"
        if self.is_person_start(i, end) and n_run <= 4:
            return [Cand("PER", i, end)]
        if (
            2 <= n_run <= 4
            and toks[i].text in self.lex.foreign_given
            and not p
            and all(FOREIGN_SYLLABLE.fullmatch(t.text) for t in toks[i + 1 : end])
        ):
            return [Cand("PER", i, end)]  # "Bill Gates", "Vladimir Putin"
        if (
            n_run <= 4
            and not p
            and self.age_after(end)
            and all(FOREIGN_SYLLABLE.fullmatch(t.text) for t in toks[i:end])
            and not self.head_at(i)
        ):
            return [Cand("PER", i, end)]  # "bắt giữ Saki Sudo, 25 tuổi": only a person has an age
        if (
            n_run <= 4
            and not p
            and all(FOREIGN_SYLLABLE.fullmatch(t.text) for t in toks[i:end])
            and toks[i].text not in NOT_NAMES
            and not self._ends_title_reading(i)
            and not (i > 0 and toks[i - 1].text in PLACE_PREPOSITIONS)
            and not self.head_at(i)
            and match_at(toks, i, self.lex.orgs, self.lex.org_len) < n_run
            and self.apposition_role(end)[0]
        ):
            return [Cand("PER", i, end)]  # "Kane, tiền đạo Tottenham, ghi bàn": a role describes a person
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

    def abbreviation_then_person(self, i: int, end: int) -> bool:
        """The run [i, end) is an abbreviation, then a Vietnamese full name of three or four
        syllables that ends the run: "GD-ĐT Nguyễn Kim Sơn" (a two-syllable run after it may
        be the body's own name: "HĐQT Tân Tạo")."""
        toks = self.toks
        return (
            toks[i].kind == "abbr"
            and JOINED_LETTERS.fullmatch(toks[i].text) is not None
            and 3 <= end - i - 1 <= 4
            and all(t.kind == "cap" for t in toks[i + 1 : end])
            and self.is_person_start(i + 1, end)
            and not self.place_at(i + 1, end, lexicon.TIER_BARE)  # "TNCS Hồ Chí Minh"
        )

    def national_body(self, i: int, end: int) -> bool:
        """Whether the run [i, end) after a title is a foreign body and its country: "Duma
        Nga", "Knesset Israel", "Bundestag Đức". A person's name never ends in a country
        after a title; the words before the country are foreign (no Vietnamese syllable:
        "ca sĩ Đức Anh" is a person), not a known given name."""
        toks = self.toks
        for q in range(i + 1, min(end, i + 4)):
            c = self.place_at(q, end, lexicon.TIER_BARE)
            if c == end - q and self.place_kind(q, c) == "quốc gia":
                return toks[i].text not in self.lex.foreign_given and all(
                    looks_foreign(t.text) and FOREIGN_SYLLABLE.fullmatch(t.text) for t in toks[i:q]
                )
        return False

    def _ends_title_reading(self, i: int) -> bool:
        """Whether the run at ``i`` ends a title read since the last mark ("… cựu trưởng đoàn
        bóng đá Thể Công, một nhân chứng …": the body of a title, not the holder of the next
        apposition): a lowercase word before it and a role in the same stretch."""
        toks = self.toks
        if i == 0 or toks[i - 1].kind != "lower":
            return False
        q = i - 1
        while q > 0 and toks[q - 1].kind != "punct" and q > i - 8:
            q -= 1
        roles = apposition_roles()
        return any(match_at(toks, j, roles, _ROLE_LEN) for j in range(q, i))

    def apposition_role(self, end: int) -> tuple[int, bool]:
        """Where the role of an apposition after ``end`` ends, and whether the capitalised run
        after it, up to the closing comma, is the holder's organisation; (0, False) when none:
        "Kane, tiền đạo Tottenham, ghi bàn", "Jensen Huang, nhà sáng lập kiêm CEO Nvidia, cho
        biết". The apposition must close on a comma and a
        lowercase predicate within a few syllables ("Starmer, Tổng thống Macron và …" is a
        list of persons, not an apposition)."""
        toks, n = self.toks, self.n
        if end + 1 >= n or toks[end].text != ",":
            return 0, False
        k, office = self._role_chain(end + 1)
        if not k:
            return 0, False
        for q in range(k, min(n - 1, k + 12)):
            if toks[q].kind == "punct":
                closes = toks[q].text == "," and toks[q + 1].kind == "lower" and toks[q + 1].text != "và"
                words = toks[k:q]
                # what the role is followed by: nothing, lowercase words ("chuyên gia phân tích
                # tại ngân hàng"), or words ending in a name ("… tại Commerzbank"); not a name
                # then a verb ("Kiatisuk, tiền đạo Minh Hải đánh đầu …, …": two persons)
                described = not words or words[-1].kind in ("cap", "abbr") or all(
                    t.kind == "lower" for t in words
                )
                if not (closes and described):
                    return 0, False
                body = bool(words) and all(t.kind in ("cap", "abbr") for t in words)
                return k, office and body
        return 0, False

    def _role_chain(self, k: int) -> tuple[int, bool]:
        """End of the role at ``k`` with its modifiers ("HLV trưởng") and a joined role ("nhà
        sáng lập kiêm CEO"), and whether an organisation may follow the last one."""
        roles, toks = apposition_roles(), self.toks
        former = match_at(toks, k, FORMER, 1)  # "cựu tiền đạo Tottenham"
        m = match_at(toks, k + former, roles, _ROLE_LEN)
        if not m:
            return 0, False
        office = roles[self.key_at(k + former, m)]
        k += former + m
        while mod := match_at(toks, k, CUE_MODIFIERS, 2):
            if toks[k].text == "kiêm" and (joined := self._role_chain(k + 1))[0]:
                return joined  # one holder, two roles: "nhà sáng lập kiêm CEO"
            k += mod
        return k, office

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
            and toks[k].text in BIRTH_ORDER
            and toks[k + 1].kind == "cap"
            and NAME_SYLLABLE.fullmatch(toks[k + 1].text)
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


