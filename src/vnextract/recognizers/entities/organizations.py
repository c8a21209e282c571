"""The organisation reader: where a capitalised run ends, where the name after a head noun ends
("Sở" + "Thông tin và Truyền thông tỉnh Bình Dương"), named bodies inside title cues, and what
may follow an organisation."""

from __future__ import annotations

from vnextract import lexicon
from vnextract.recognizers.entities.body_rules import BODY_RULES_BY_KIND, Body
from vnextract.recognizers.entities.sentence import SentenceSyllables
from vnextract.recognizers.entities.tables import (
    ADMIN_WORDS,
    CAP_LOC_PREFIXES,
    CLUB_INTRODUCERS,
    CUE_MODIFIERS,
    DOCUMENT_KEYS,
    FOREIGN_SYLLABLE,
    LOC_PREFIXES,
    LOWERCASE_BODY_HEADS_LOWER,
    MAX_LOWER_WORDS,
    NAMED_AFTER_PEOPLE,
    ONE_WORD_BODY_HEADS,
    PLACE_ACRONYMS,
    SCOPE_WORDS,
    TEACHING_HEAD_ENDS,
    UNIT_HEADS_IN_CUES,
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

    def full_name_ends_run(self, k: int) -> bool:
        """A Vietnamese full name of three or four syllables starts at ``k`` and ends the
        capitalised run ("… Mường Thanh Lê Thanh Thản")."""
        end = self.cap_run(k)
        named = self.is_person_start(k, end) and not self.place_at(k, end, lexicon.TIER_BARE)
        return 3 <= end - k <= 4 and named

    def org_body(self, j: int, head: tuple[str, ...]) -> tuple[int, bool]:
        """End of an organisation's body starting at ``j``; and whether it names something.

        The syllables are read by the rules of :mod:`~vnextract.recognizers.entities.body_rules`
        (the first that decides, for the syllable's kind, says whether the name goes on)."""
        toks, n = self.toks, self.n
        b = Body(
            j,
            head,
            lowercase_ok=tuple(w.lower() for w in head) in LOWERCASE_BODY_HEADS_LOWER,
            people_ok=head in NAMED_AFTER_PEOPLE,
        )
        trace = self.trace
        while b.k < n:
            t = toks[b.k]
            b.at(t)
            for rule in BODY_RULES_BY_KIND[t.kind]:
                goes_on = rule.apply(self, b)
                if goes_on is not None:
                    if trace is not None:
                        trace.append("body:" + rule.name)
                    break
            else:
                goes_on = False  # no rule takes the syllable: the name ends before it
            if not goes_on:
                break
        end, named, lower_words = b.end, b.named, b.lower_words
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

    def lower_run(self, k: int, budget: int) -> tuple[int, int]:
        """``(end, words)``: the lowercase words from ``k``, up to a stop word, an admin word or
        the first syllable that is not lowercase; ``words`` over ``budget``: it ran past it."""
        toks, n = self.toks, self.n
        words = 0
        while k < n and toks[k].kind == "lower":
            if self.stop_at(k) or (match_at(toks, k, ADMIN_WORDS, 3) and toks[k].word_start):
                break
            if toks[k].word_start or not self.continues_word(k):
                words += 1
                if words > budget:
                    break
            k += 1
        return k, words

    def lower_run_reaches_name(self, k: int, budget: int) -> bool:
        """From ``k``, at most ``budget`` lowercase words (no function word) lead to a proper
        name that is neither a head nor a person: "… thủy sản và xuất nhập khẩu Cà Mau"."""
        toks, n = self.toks, self.n
        end, words = self.lower_run(k, budget)
        if not 0 < words <= budget:
            return False
        if end < n and toks[end].kind == "lower":  # a stop or admin word ended the run
            return bool(match_at(toks, end, ADMIN_WORDS, 3))
        return (
            end < n
            and toks[end].kind == "cap"
            and not self.head_at(end)
            and not self.is_person_start(end)
            and not self.document_at(end)
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

