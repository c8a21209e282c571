"""The organisation reader: where a capitalised run ends, where the name after a head noun ends
("Sở" + "Thông tin và Truyền thông tỉnh Bình Dương"), named bodies inside title cues, and what
may follow an organisation."""

from __future__ import annotations

from vnextract import lexicon
from vnextract.recognizers.entities.sentence import SentenceSyllables
from vnextract.recognizers.entities.tables import (
    ADMIN_WORDS,
    AT_PLACE_HEADS,
    CAP_LOC_PREFIXES,
    CLUB_INTRODUCERS,
    CUE_MODIFIERS,
    DOCUMENT_KEYS,
    FOREIGN_CONNECTORS,
    FOREIGN_SYLLABLE,
    LOC_PREFIXES,
    LOWERCASE_BODY_HEADS_LOWER,
    MAX_LOWER_WORDS,
    NAMED_AFTER_PEOPLE,
    NUMBERED_HEADS,
    ONE_WORD_BODY_HEADS,
    PLACE_ACRONYMS,
    SCOPE_BODY_HEADS,
    SCOPE_WORDS,
    TEACHING_HEAD_ENDS,
    UNIT_HEADS_IN_CUES,
    WARD_WORDS,
    Cand,
    match_at,
)


class OrganizationReader(SentenceSyllables):
    """Reads organisation names in one sentence."""

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
                and match_at(self.toks, k, self.lex.orgs, self.lex.org_len)
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
                and FOREIGN_SYLLABLE.fullmatch(self.toks[k + 1].text)
            ):
                k += 1  # a middle initial: "Thomas A. Bussiere", "Q. Liêm"
        return k

    # --------------------------------------------------------------- organisation body

    def org_body(self, j: int, head: tuple[str, ...]) -> tuple[int, bool]:
        """End of an organisation's body starting at ``j``; and whether it names something."""
        toks, n = self.toks, self.n
        lowercase_ok = tuple(w.lower() for w in head) in LOWERCASE_BODY_HEADS_LOWER
        people_ok = head in NAMED_AFTER_PEOPLE
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
                    match_at(toks, k - m, CAP_LOC_PREFIXES, 2) == m for m in (1, 2) if k - m >= j
                ):
                    place = self.place_at(k)
                    if place:  # "Sở Y tế TP Hồ Chí Minh": a place after "TP", not a person
                        k = end = k + place
                        named = proper = True
                        lower_words = 0
                        continue
                inner = self.head_at(k)
                if inner and self.key_at(k, inner) in NAMED_AFTER_PEOPLE:
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
                    and head in NUMBERED_HEADS
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
                admin = match_at(toks, k, ADMIN_WORDS, 3) if t.word_start else 0  # not "nông thôn"
                if admin == 1 and t.text == "xã" and k + 1 < n and toks[k + 1].text == "hội":
                    admin = 0  # "Giáo dục lao động xã hội": "xã hội" (society), no commune
                if t.text in FOREIGN_CONNECTORS and named and toks[k - 1].kind in ("cap", "abbr"):
                    q = k
                    while q < n and q - k < 2 and toks[q].text in FOREIGN_CONNECTORS:
                        q += 1
                    if q < n and toks[q].kind in ("cap", "abbr"):
                        k = q  # "Journal of Research in Personality", "Proceedings of the Royal Society"
                        continue
                if t.text == "tại" and head in AT_PLACE_HEADS and named:
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
                        and not match_at(toks, k + 1, DOCUMENT_KEYS, 2)
                        and not self.place_at(k + 1, None, lexicon.TIER_DISTRICT)
                    ):
                        k += 1
                        continue
                    if (
                        lowercase_ok
                        and not named
                        and lower_words
                        and self.lower_run_reaches_name(k + 1, MAX_LOWER_WORDS - lower_words)
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
                if not named and not lowercase_ok and head in SCOPE_BODY_HEADS:
                    scope_end = self.scope_end(k, head)
                    if scope_end:
                        k = end = scope_end  # "Hội đồng bầu cử quốc gia"
                        named = proper = True
                        continue
                if self.stop_at(k) and not (head == ("Khoa",) and match_at(toks, k, WARD_WORDS, 2) == 2):
                    break
                if not (named or lowercase_ok) or lower_words >= MAX_LOWER_WORDS:
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
                and self.lower_run_reaches_name(k + 1, MAX_LOWER_WORDS - lower_words)
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
                and match_at(toks, k + 3, ADMIN_WORDS, 3)
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
            and not (lower_words == 1 and tuple(w.lower() for w in head) in ONE_WORD_BODY_HEADS)
        ):
            return j, False  # "trường THPT chuyên của …": one generic word names nothing
        return end, named

    def document_at(self, k: int, head: tuple[str, ...] = ()) -> int:
        """Length of a document word at ``k`` ("Quyết định", "Điều 5"), or 0. "Điều" and
        "Khoản" are one only before a number ("Cục Điều tra" is an investigation department);
        "Luật" after a teaching head is the subject ("Trường Đại học Luật Hà Nội")."""
        m = match_at(self.toks, k, DOCUMENT_KEYS, 2)
        if m == 1:
            word = self.toks[k].text
            if word in ("Điều", "Khoản") and not (k + 1 < self.n and self.toks[k + 1].kind == "num"):
                return 0
            if word == "Luật" and head and head[-1] in TEACHING_HEAD_ENDS:
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
        within MAX_LOWER_WORDS words and before any function word; 0 when there is none.
        "nhà nước" (state) is no scope after "Cơ quan" ("Cơ quan quản lý nhà nước" is any
        state agency)."""
        toks, n = self.toks, self.n
        function_words = lexicon.function_words()
        words = 0
        q = k
        while q < n and words <= MAX_LOWER_WORDS:
            if toks[q].text in "-–" and q > k and q + 1 < n and toks[q + 1].kind == "lower":
                q += 1  # "giám định pháp y - pháp y tâm thần trung ương"
                continue
            if toks[q].kind != "lower":
                return 0
            scope = match_at(toks, q, SCOPE_WORDS, 2)
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
            if self.stop_at(k) or (match_at(toks, k, ADMIN_WORDS, 3) and toks[k].word_start):
                return bool(match_at(toks, k, ADMIN_WORDS, 3)) and words > 0
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
        return any(match_at(self.toks, k - m, ADMIN_WORDS, 3) == m for m in (1, 2) if k - m >= 0)

    def _place_with_prefix(self, j: int) -> int:
        """End of "[TP] <place>" at ``j`` or 0."""
        k = j
        m = match_at(self.toks, k, CAP_LOC_PREFIXES, 4) or match_at(self.toks, k, LOC_PREFIXES, 3)
        k += m
        if self.is_name_tok(k):
            return self.cap_run(k)
        return 0

    # --------------------------------------------------------------- the scan


    def _club_after(self, i: int, intro: int) -> int:
        """End of a club named after its province after "đội bóng"/"câu lạc bộ" at ``i``
        (``intro`` syllables long), or 0: "đội bóng Bình Định" is the club, not the province."""
        if tuple(t.lower() for t in self.key_at(i, intro)) not in CLUB_INTRODUCERS:
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
            if toks[q].text not in UNIT_HEADS_IN_CUES or not (h := self.head_at(q)) or q + h < i + c:
                continue
            if match_at(toks, q + h, CUE_MODIFIERS, 2):
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
        if not any(match_at(toks, k, ADMIN_WORDS, 3) and toks[k].kind == "lower" for k in range(q + 2, end)):
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
            if toks[end + 1].text in PLACE_ACRONYMS:
                out.append(Cand("LOC", end + 1, end + 2, kind="quốc gia"))  # "Đại sứ quán Mỹ (USA)"
            else:
                out.append(Cand("ORG", end + 1, end + 2))
            return end + 3
        return end

