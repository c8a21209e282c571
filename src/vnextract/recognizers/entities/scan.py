"""The scan of one sentence, left to right: at each syllable the rules are tried in order."""

from __future__ import annotations

import bisect

from vnextract import lexicon
from vnextract.recognizers.entities.classify import Classifier
from vnextract.recognizers.entities.tables import (
    CUE_MODIFIERS,
    CURRENCIES,
    FOREIGN_ORG_WORDS,
    GENERIC_ABBREVIATIONS,
    INITIALS,
    NAME_SYLLABLE,
    ORG_INTRODUCERS,
    PHOTO,
    PLURAL,
    SENTENCE_STARTERS,
    Cand,
    first_index,
    look_class,
    lower_starts,
    match_at,
    prefix_first_syllables,
)


class Scanner(Classifier):
    """The scan over one sentence's syllables."""

    def scan(self) -> list[Cand]:
        toks, n, lex = self.toks, self.n, self.lex
        out: list[Cand] = []
        i = 0
        pending: str | None = None  # "" after a title cue, the honorific after one
        # First syllables of each table: a set look-up rules a table out before match_at is called
        org_firsts = first_index(lex.orgs)
        head_firsts = first_index(lex.heads)
        cue_firsts = first_index(lex.cues)
        intro_firsts = first_index(ORG_INTRODUCERS)
        place_prefix_firsts = prefix_first_syllables()
        lower_pairs = lower_starts()[1]
        # Most syllables start nothing (a lowercase word that begins no entry, a mark): the
        # scanner jumps over them. ``look`` lists the others, in order.
        looks = [look_class(t.text) for t in toks]
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
            if t.text in CURRENCIES:
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
            if at_sentence_start and text in SENTENCE_STARTERS and t.kind == "cap" and i + 1 < n:
                i += 1  # "Theo AFP, Reuters": a function word opening the sentence is never a name
                pending = None
                continue
            if i > 0 and toks[i - 1].text == "phi" and (text in org_firsts or text in head_firsts):
                skip = max(
                    match_at(toks, i, lex.orgs, lex.org_len), match_at(toks, i, lex.heads, lex.head_len)
                )
                if skip:
                    i += skip  # "tổ chức phi Chính phủ" (non-governmental): a kind, not the body
                    pending = None
                    continue

            # 1. a well-known organisation ("WHO", "Dân trí") — not inside a longer capitalised run
            m = match_at(toks, i, lex.orgs, lex.org_len) if text in org_firsts else 0
            while m and i + m < n and toks[i + m].text in FOREIGN_ORG_WORDS:
                m += 1  # "Viettel Mobile", "EVN Telecom"
            if (
                m
                and (not self.is_name_tok(i + m) or self.is_person_start(i + m))
                and not (i > 0 and toks[i - 1].kind == "cap" and toks[i - 1].text not in SENTENCE_STARTERS)
            ):
                out.append(Cand("ORG", i, i + m))
                i += m
                # "cựu HLV Tottenham, Mauricio Pochettino": the title's person may still follow
                # its organisation (as after an organisation read in step 6)
                pending = "" if pending == "" else None
                continue

            # 2. an organisation head and its body
            is_head = text in head_firsts
            m = match_at(toks, i, lex.heads, lex.head_len) if is_head and t.kind in ("cap", "abbr") else 0
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
                    or toks[i - 1].text in PLURAL
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
                intro = match_at(toks, i, ORG_INTRODUCERS, 4) if text in intro_firsts else 0
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
                    if toks[j].text in GENERIC_ABBREVIATIONS:
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
                    i + 1 < n and INITIALS.fullmatch(toks[i + 1].text)
                ):
                    pending = t.text.lower()
                    i += 1
                    continue
            c = match_at(toks, i, lex.cues, lex.cue_len) if text in cue_firsts else 0
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
                    mod = match_at(toks, i, CUE_MODIFIERS, 2)
                    if not mod:
                        break
                    i += mod
                pending = pending or ""
                continue
            if t.text in PHOTO and i + 1 < n and toks[i + 1].text == ":":
                i += 2
                pending = ""
                continue

            # 5. initials ("W.Buffett", "H.T.P")
            if (
                t.kind in ("cap", "abbr")
                and t.text not in ("T.Ư", "TƯ", "T.W", "TW")  # Trung ương (central), not initials
                and INITIALS.fullmatch(t.text)
                and not t.text.startswith(("TP.", "Tp."))
            ):
                end = i + 1
                while end < n and toks[end].kind == "cap" and NAME_SYLLABLE.fullmatch(toks[end].text):
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

