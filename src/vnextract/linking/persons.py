"""Linking step: one Person per real person, with the titles the text gives them.

The entities recogniser yields one Person per mention ("Trần Thanh Liêm", later "ông Liêm" →
"Liêm"). This step

1. groups mentions of the same person: a later (or, for a headline, earlier) mention whose name
   is the last word(s) of a full name joins it ("Liêm" → "Trần Thanh Liêm"); a foreign full name
   also takes its first words ("Tala" → "Tala Pierre Marie"); an alias joins the name it follows
   ("Trần Bá Ngọc Dung (tức Nguyệt"); honorifics of opposite gender never join; a cut given name
   keeps its dot ("Lê Thị Th."); names of bodies ("T.Ư Đảng") are no persons
   (:mod:`person_mentions`);
2. attaches titles for the shapes Vietnamese news uses:
   TITLE ORG NAME ("Giám đốc Sở TTTT Lai Xuân Thành"),
   NAME, TITLE ORG, TITLE ORG ("ông Trần Thanh Liêm, Ủy viên Thường vụ Tỉnh ủy, Phó Chủ tịch …"),
   NAME (AGE tuổi, TITLE ORG), NAME - TITLE, "TITLE ORG là ông NAME", lists ("ông A và bà B,
   Phó Giám đốc …"), predicates ("NAME là TITLE", "giữ chức TITLE", "trên cương vị TITLE") and a
   bare pronoun subject ("ông giữ chức vụ phó giám đốc học viện") resolved to the last person;
   also counted and listed subjects ("A và B, hai Phó Chủ tịch …", "A và B đều là …", "Ba bị
   can gồm A, B và C"), titles given respectively ("A và B - tổng giám đốc và phó tổng giám
   đốc X"), a chain of titles ending on a name ("Ủy viên Bộ Chính trị, thường trực Ban Bí thư
   Phan Diễn") and the workplace after "TITLE NAME" ("Bác sĩ Phạm Luân, Khoa Hồi sức cấp cứu
   Bệnh viện Chợ Rẫy": a second title of the same role over the unit's words); roles shared
   by a list or a line-up (:mod:`group_roles`), a headline's role and the summary's person
   (:mod:`headlines`) and a role standing for a person named before it (:mod:`role_anaphora`:
   "Bà Melania tái xuất …" / "Đệ nhất phu nhân Mỹ xuất hiện …", "Hậu vệ trái này …"), these
   three read through :mod:`role_holders`; the titles' extent is set first
   (:mod:`title_refine`), the gaps between names and titles are :mod:`title_shapes`;
3. reads the details news gives next to a name: age ("25 tuổi"), birth year ("SN 1994", "sinh
   năm 1994"), residence ("trú tại …", "ngụ …") and the gender the honorific implies
   (:mod:`person_details`);
4. then, on the whole persons (every mention of one, with its titles), the steps of
   ``PERSON_STEPS`` in order: mentions that name a work, a named thing or a street leave their
   person (:mod:`not_persons`: rules *work_name*, *named_thing*, *address*, *site_name*), and a one-word
   surname joins the one longer name it starts (:mod:`surname_first`: "HLV Kim" is Kim
   Sang-sik). They need what the steps before made: whether a name is bare (no honorific, no
   title) and which persons are left.

Titles nobody holds stay in ``found.titles`` only; the Document lists persons' titles.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

import attrs
import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon import phrase_class
from vnextract.linking import not_persons, surname_first
from vnextract.linking.person_details import details_of, written_name
from vnextract.linking.person_mentions import (
    Mention,
    cluster,
    compatible,
    gender_of,
    mentions_of,
    name_words,
    named,
)
from vnextract.linking.role_holders import (
    listed_holders,
    person_the_role_stands_for,
    same_sentence,
    speakers_in_summary,
    subject_of_summary_line,
)
from vnextract.linking.title_refine import (
    dedupe_titles,
    names_out_of_organizations,
    not_titles,
    refine_titles,
)
from vnextract.linking.title_shapes import (
    AND_BEFORE,
    APPOSITION_CLOSE,
    ARTICLE,
    ARTICLE_REACH,
    ASIDE,
    CHAIN_GAP,
    LIST_GAP,
    LIST_GAP_ASIDE,
    OBJECT_BEFORE,
    OBJECT_REACH,
    OPENING_PREDICATE,
    OPENING_WINDOW,
    OTHER_SUBJECT,
    PLURAL_GAP_ASIDE,
    POST_GAP,
    PRE_GAP,
    PRE_GAP_CLAUSE,
    PRE_GAP_COMMA,
    PRE_GAP_DASH,
    PRE_GAP_DESCRIBED,
    PRE_GAP_LIST,
    PRE_GAP_NATIONALITY,
    PREDICATE_AFTER,
    PREDICATE_LOOKBACK,
    PREDICATE_REACH,
    PREDICATES,
    PRONOUN,
    RESIDENCE_CLAUSE,
    SERVING_ROLES,
    THEO,
    THEO_REACH,
    WEAK_PREDICATE_REACH,
    describes_role,
    named_holder,
    pretending,
)
from vnextract.mentions import Mentions
from vnextract.recognizers.titles import lexicon as titles_lexicon
from vnextract.recognizers.titles import organization_at, role_kind
from vnextract.records import Person, Title
from vnextract.text import Text
from vnextract.text.view import flat_syllables, longest_entry, phrase_before


def _attach(
    text: Text, mentions: list[Mention], owner: dict[int, int], titles: list[Title]
) -> dict[int, list[Title]]:
    """Titles per cluster index, from the shapes in this module's docstring."""
    s = text.normalized
    events: list[tuple[int, int, str, int]] = []  # (start, end, kind, index)
    for i, m in enumerate(mentions):
        events.append((m.outer, m.end, "p", i))
    for i, t in enumerate(titles):
        events.append((t.start, t.end, "t", i))
    events.sort()
    n = len(events)

    def gap(a: int, b: int) -> str:
        return s[a:b] if a <= b else "\x00"

    def fits(pattern: regex.Pattern[str], a: int, b: int) -> bool:
        # a pattern over the characters between two spans (title_shapes): that gap is
        # punctuation, an aside in brackets and a few function words, which one pattern reads
        return a <= b and pattern.fullmatch(s, a, b) is not None

    # backward: NAME, TITLE (, TITLE)*  — left to right
    backward: dict[int, list[int]] = {}
    for k in range(n):
        start, end, kind, idx = events[k]
        if kind != "t" or k == 0:
            continue
        _, pend, pkind, pidx = events[k - 1]
        # counted, the names may each carry an aside: "A (SN 1979), B (SN 1966), cả hai đều là …"
        plural = pkind == "p" and not fits(POST_GAP, pend, start) and fits(PLURAL_GAP_ASIDE, pend, start)
        if pkind == "p" and (plural or fits(POST_GAP, pend, start)):
            names = [owner[pidx]]
            # a list of names before the title: "Đường Thị Quế, Đường Ngọc Hải, Đường Ngọc Sơn (giám đốc …)"
            list_gap = LIST_GAP_ASIDE if plural else LIST_GAP
            q = k - 1
            while q > 0 and events[q - 1][2] == "p" and fits(list_gap, events[q - 1][1], events[q][0]):
                names.append(owner[events[q - 1][3]])
                q -= 1
            if plural and len(names) < 2:
                continue
            first = events[q][0]
            if (
                s[pend:start].strip() == ","
                and PREDICATE_AFTER.match(s, end)
                and phrase_before(text, first, OBJECT_BEFORE, OBJECT_REACH)
            ):
                continue  # "với Putin và Schroeder, Tổng thống Pháp cũng …": a new clause
            backward[k] = names
        elif pkind == "t" and (k - 1) in backward and fits(CHAIN_GAP, pend, start):
            backward[k] = backward[k - 1]
    _respectively(s, events, backward)

    # forward: TITLE (, TITLE)* NAME — right to left
    forward: dict[int, tuple[int, bool]] = {}  # event → (cluster, strict)
    # titles whose chain ends in a title written straight before its name ("…, Ủy viên Bộ Chính
    # trị, thường trực Ban Bí thư Phan Diễn"): the whole chain is that person's
    anchored: set[int] = set()
    for k in range(n - 1, -1, -1):
        start, end, kind, idx = events[k]
        if kind != "t" or k + 1 >= n:
            continue
        nstart, _, nkind, nidx = events[k + 1]
        if nkind == "p":
            if fits(PRE_GAP, end, nstart) or (
                fits(PRE_GAP_LIST, end, nstart) and role_kind(titles[idx].role) == "case"
            ) or (fits(PRE_GAP_NATIONALITY, end, nstart) and describes_role(s, end, nstart)) \
                    or named_holder(s, end, nstart):
                forward[k] = (owner[nidx], True)
                anchored.add(k)
            elif (fits(PRE_GAP_COMMA, end, nstart) or fits(PRE_GAP_DASH, end, nstart)) and (
                _opens_clause(s, first := _chain_start(s, events, k))
                or phrase_before(text, first, THEO, THEO_REACH)
            ):
                forward[k] = (owner[nidx], False)  # "Theo Giám đốc Sở X, ông Y …"
            elif (fits(PRE_GAP_CLAUSE, end, nstart) and _opens_clause(s, start)) \
                    or _described_apposition(text, events, mentions, k):
                forward[k] = (owner[nidx], False)
        elif nkind == "t" and (k + 1) in forward and fits(CHAIN_GAP, end, nstart):
            between = gap(end, nstart)
            organization = titles[idx].organization
            serving = (
                not between.strip()
                and titles[idx].role.casefold() in SERVING_ROLES
                and (organization is None or organization[:1].islower())
            )  # "phát ngôn viên văn phòng Thủ tướng Anh Tony Blair": Blair is not the spokesman
            if "và" not in between and not serving:
                strict = forward[k + 1][1] and not any(c in between for c in ",-–")
                forward[k] = (forward[k + 1][0], strict)
                if k + 1 in anchored:
                    anchored.add(k)

    result: dict[int, list[Title]] = {}
    sentence_starts = [x.start for x in text.sentences]
    by_predicate: dict[int, int] = {}  # title event → cluster, for "… và TITLE" after it
    last_predicate: int | None = None
    for k in range(n):
        start, end, kind, idx = events[k]
        if kind != "t":
            continue
        title = titles[idx]
        targets: list[int] = []
        if k in forward and forward[k][1]:
            targets = [forward[k][0], *_list_after(s, events, owner, mentions, k + 1)]
        elif k in backward and not (k in anchored and _bare_name_before(s, events, mentions, k)):
            targets = backward[k]
        elif k in forward:
            targets = [forward[k][0]]
        else:
            target = _by_predicate(text, title, mentions, owner, events, k, sentence_starts)
            if (
                target is None
                and last_predicate is not None
                and AND_BEFORE.search(s, max(0, start - 5), start)
                and same_sentence(sentence_starts, events[last_predicate][0], start)
            ):
                target = by_predicate[last_predicate]  # "làm tiến sĩ … và thực tập sinh khoa học"
            if target is not None:
                targets = [target, *_subjects_sharing(text, events, owner, k, target)]
                by_predicate[k] = target
                last_predicate = k
        if not targets:
            targets = speakers_in_summary(s, title, events, k, mentions, owner)
        if not targets:
            targets = subject_of_summary_line(s, title, events, k, mentions, owner)
        if not targets:
            targets = person_the_role_stands_for(s, title, events, k, mentions, owner, sentence_starts)
        listed = listed_holders(s, title, mentions, owner)
        if listed and (not targets or targets[0] in listed):  # "Thủ môn: A (X), B": each holds it
            targets = listed
        for c in dict.fromkeys(targets):
            result.setdefault(c, []).append(title)
        if k in forward and forward[k][1] and title.organization is None and events[k + 1][2] == "p":
            workplace = _workplace_after(text, title, mentions[events[k + 1][3]].end)
            if workplace is not None:  # the title, with the unit as its organisation
                held = result.setdefault(forward[k][0], [])
                held[:] = [workplace if t is title else t for t in held]
                if workplace not in held:
                    held.append(workplace)
    return result


# After "TITLE NAME": the place of work, as an apposition ("Bác sĩ Phạm Luân, Khoa Hồi sức cấp
# cứu Bệnh viện Chợ Rẫy, cho biết"), an aside ("luật sư Nguyễn Kỳ Việt (Văn phòng luật sư Việt
# - Chương, …)") or after a dash ("luật sư Phạm Ngọc Hiếu - văn phòng luật sư Á Châu").
# (Over characters: these two read punctuation between spans, no word.)
_WORKPLACE_GAP = lazy_compile(r"[ \t]*(?:,|\(|[\-–][ \t])[ \t]*")
# What may follow the workplace: the end of the apposition, aside or sentence.
_WORKPLACE_END = lazy_compile(r"[ \t]*(?:[,;.)]|$)", regex.MULTILINE)


def _lower_workplace_head(text: Text, at: int) -> int | None:
    """Where a workplace's head written in lowercase ends when one starts at ``at`` ("khoa Nội",
    "văn phòng luật sư …": word_classes.tsv "lower_workplace_head"), read on the token view."""
    starts, syllables = flat_syllables(text)
    j = bisect.bisect_left(starts, at)
    if j == len(starts) or starts[j] != at:
        return None
    n = longest_entry(syllables, j, phrase_class("lower_workplace_head"), longest=2)
    return syllables[j + n - 1].end if n else None


def _workplace_after(text: Text, title: Title, name_end: int) -> Title | None:
    """The bare title of a person named after it, with the unit the person works in as its
    organisation: "Bác sĩ Phạm Luân, Khoa Hồi sức cấp cứu Bệnh viện Chợ Rẫy" → the Title "Bác sĩ"
    (its span unchanged) with organization "Khoa Hồi sức cấp cứu Bệnh viện Chợ Rẫy". One title,
    not two: the position is written once."""
    s = text.normalized
    gap = _WORKPLACE_GAP.match(s, name_end)
    if gap is None:
        return None
    lex = titles_lexicon()
    at = gap.end()
    # a capitalised head of the titles' organisation grammar ("Khoa", "Bệnh viện"), or a lowercase one
    head = lex.org_head.match(s, at)
    capitalised = head is not None and head.group()[:1].isupper()
    head_end = head.end() if head is not None and capitalised else _lower_workplace_head(text, at)
    if head_end is None or lex.title.match(s, at) is not None:
        return None
    span = organization_at(text, at)
    if span is None or span[1] <= head_end or _WORKPLACE_END.match(s, span[1]) is None:
        return None
    return attrs.evolve(title, organization=s[span[0] : span[1]])


def _respectively(s: str, events: list[tuple[int, int, str, int]], backward: dict[int, list[int]]) -> None:
    """As many titles as names, the last joined by "và": one each, in order. "hai ông Trần
    Nghĩa Vinh và Hồ Mạnh Quân - tổng giám đốc và phó tổng giám đốc Pjico" gives Vinh the
    first, Quân the second (``backward`` lists the names last first)."""
    k = 0
    keys = sorted(backward)
    while k < len(keys):
        first = keys[k]
        names = backward[first]
        group = [first]
        while k + 1 < len(keys) and keys[k + 1] == group[-1] + 1 and backward[keys[k + 1]] is names:
            group.append(keys[k + 1])
            k += 1
        k += 1
        if len(names) < 2 or len(group) != len(names):
            continue
        last_gap = s[events[group[-2]][1] : events[group[-1]][0]]
        if "và" not in last_gap.split():
            continue
        for event, name in zip(group, reversed(names), strict=True):
            backward[event] = [name]


def _bare_name_before(
    s: str, events: list[tuple[int, int, str, int]], mentions: list[Mention], k: int
) -> bool:
    """Whether the name before title event ``k`` stands bare: no honorific and no title written
    straight before it ("Thay mặt Đảng, Ủy viên Bộ Chính trị, …" where a word was taken for a
    name). Such a name yields the titles after it to the name their chain ends on."""
    _, _, kind, idx = events[k - 1]
    if kind != "p" or mentions[idx].honorific is not None:
        return False
    titled = k >= 2 and events[k - 2][2] == "t" and PRE_GAP.fullmatch(s, events[k - 2][1], events[k - 1][0])
    return not titled


# "A và B đều là nhân viên …", "A, B cùng là giáo viên", "A và B là nhân viên …": the predicate
# holds for every subject of the list.
_BARE_LA = lazy_compile(r"[ \t]+là[ \t]+")  # the whole gap between a name and a title (over characters)
_ALL_ALIKE = frozenset({"đều", "cùng"})  # grammar: all alike, together
_BE = frozenset({"là", "làm"})  # grammar: is, works as
_ALL_ALIKE_REACH = 12  # characters before a title where "đều là" may start


def _said_of_all(text: Text, start: int) -> bool:
    """Whether "đều là" / "cùng làm" (all are, together work as) stands right before ``start``,
    read on the token view's syllables."""
    s = text.normalized
    starts, syllables = flat_syllables(text)
    j = bisect.bisect_left(starts, start)
    if j < 2:
        return False
    adverb, verb = syllables[j - 2], syllables[j - 1]
    return (
        adverb.start >= start - _ALL_ALIKE_REACH
        and adverb.text.casefold() in _ALL_ALIKE
        and verb.text.casefold() in _BE
        and _blank(s, adverb.end, verb.start)
        and _blank(s, verb.end, start)
    )


def _blank(s: str, start: int, end: int) -> bool:
    """Spaces or tabs only, at least one (what separates two words on a line)."""
    return start < end and not s[start:end].strip(" \t")


def _subjects_sharing(
    text: Text, events: list[tuple[int, int, str, int]], owner: dict[int, int], k: int, subject: int
) -> list[int]:
    """The other names of a listed subject when the predicate says "đều là" (all are)."""
    s = text.normalized
    start = events[k][0]
    q = k - 1
    while q >= 0 and not (events[q][2] == "p" and owner[events[q][3]] == subject):
        if events[q][2] == "t":
            return []
        q -= 1
    # "đều là" anywhere after the subject, or a bare "là" right after "A và B" (not after "Theo
    # ông A, bà B là …": a comma alone does not make the two one subject)
    if q < 0:
        return []
    if not _said_of_all(text, start) and not (
        _BARE_LA.fullmatch(s, events[q][1], start)
        and q > 0
        and "và" in s[events[q - 1][1] : events[q][0]].split()
    ):
        return []
    out: list[int] = []
    while q > 0 and events[q - 1][2] == "p" and LIST_GAP.fullmatch(s, events[q - 1][1], events[q][0]):
        out.append(owner[events[q - 1][3]])
        q -= 1
    return out


def _list_after(
    s: str, events: list[tuple[int, int, str, int]], owner: dict[int, int], mentions: list[Mention], k: int
) -> list[int]:
    """More names sharing a title before the first: "2 bị cáo Simo Fotso Victor và Tala Pierre
    Marie". Names with an honorific or a title of their own ("… và Thượng úy Trần Văn Quang",
    "… và ông B") are not in the list."""
    out: list[int] = []
    while k + 1 < len(events) and events[k + 1][2] == "p":
        nxt = events[k + 1]
        if not LIST_GAP.fullmatch(s, events[k][1], nxt[0]):
            break
        if mentions[nxt[3]].honorific is not None:
            break
        out.append(owner[nxt[3]])
        k += 1
    return out


def _chain_start(s: str, events: list[tuple[int, int, str, int]], k: int) -> int:
    """Where the chain of titles ending at event ``k`` starts: "Trợ lý" of "Trợ lý HLV Lào"."""
    while k > 0 and events[k - 1][2] == "t" and CHAIN_GAP.fullmatch(s, events[k - 1][1], events[k][0]):
        k -= 1
    return events[k][0]


def _described_apposition(
    text: Text, events: list[tuple[int, int, str, int]], mentions: list[Mention], k: int
) -> bool:
    """"TITLE words describing it, NAME," opening a clause (see ``PRE_GAP_DESCRIBED``): "Vận
    động viên số một Nhật Bản, Hisashi Yamamoto, thắng …" gives the name the title."""
    s = text.normalized
    end, (nstart, _, _, nidx) = events[k][1], events[k + 1]
    return (
        PRE_GAP_DESCRIBED.fullmatch(s, end, nstart) is not None
        and describes_role(s, end, nstart)
        and APPOSITION_CLOSE.match(s, mentions[nidx].end) is not None
        and (_opens_clause(s, first := _chain_start(s, events, k))
             or ((article := phrase_before(text, first, ARTICLE, ARTICLE_REACH, " \t")) is not None
                 and _opens_clause(s, article[0])))
    )


def _opens_clause(s: str, start: int) -> bool:
    """Whether only a clause boundary precedes ``start`` ("Nguyên đơn của vụ kiện … là cô …"):
    a punctuation mark, read as a character."""
    before = s[max(0, start - 3) : start].rstrip(" ")
    return not before or before[-1] in ",.;:!?\n\"“(" or start == 0


def _by_predicate(
    text: Text, title: Title, mentions: list[Mention], owner: dict[int, int],
    events: list[tuple[int, int, str, int]], k: int, sentence_starts: list[int],
) -> int | None:
    """"NAME là TITLE", "ông giữ chức TITLE", "Là TITLE, NAME": the subject holds the title."""
    s = text.normalized
    marker = phrase_before(text, title.start, PREDICATES, PREDICATE_REACH)
    if marker is None or pretending(text, title.start):
        return None
    # bare "là"/"làm" (is / works as) bind only a subject a few words before them
    marker_start, phrase = marker
    weak = phrase in ("là", "làm")
    si = bisect.bisect_right(sentence_starts, title.start) - 1
    sent_start = sentence_starts[si] if si >= 0 else 0
    # "Là sinh viên …, Diệp Hồng": the name after the title. The opening is read in the last
    # OPENING_WINDOW characters, not the whole sentence before each title (quadratic on a long
    # sentence); in a cut window "^" must not match at the cut, so the window is no slice there.
    lo = max(sent_start, title.start - OPENING_WINDOW)
    opening = (
        OPENING_PREDICATE.search(s[sent_start : title.start]) if lo == sent_start
        else OPENING_PREDICATE.search(s, lo, title.start)
    )
    if opening and k + 1 < len(events) \
            and events[k + 1][2] == "p" and PRE_GAP_COMMA.fullmatch(s, title.end, events[k + 1][0]):
        return owner[events[k + 1][3]]
    # the nearest name before the title in the same sentence, unless another subject comes
    # between ("… bà C. Ngoài ra, hắn khai … giả làm Tổng giám đốc")
    for q in range(k - 1, max(-1, k - 1 - PREDICATE_LOOKBACK), -1):
        _, qe, qkind, qidx = events[q]
        if qe <= sent_start:
            break
        if qkind == "p":
            if OTHER_SUBJECT.search(s, qe, title.start):
                return None
            between_text = ASIDE.sub(" ", s[qe:marker_start])
            if (close := between_text.find(")")) >= 0:
                # the name was inside an aside: "(tức Nguyệt, 33 tuổi)"
                between_text = between_text[close + 1 :]
            between = RESIDENCE_CLAUSE.sub(" ", between_text).split()
            return None if weak and len(between) > WEAK_PREDICATE_REACH else owner[qidx]
    # a pronoun subject before the title ("ông giữ chức vụ …") stands for the last person
    pronoun = None
    for pm in PRONOUN.finditer(s, sent_start, title.start):
        pronoun = pm
    if pronoun is None:
        return None
    word = pronoun.group("p").casefold()
    lookback = sentence_starts[max(0, si - 6)] if si >= 0 else 0
    best: tuple[int, int, int] | None = None
    first = bisect.bisect_left(mentions, lookback, key=lambda m: m.start)
    last = bisect.bisect_left(mentions, pronoun.start(), key=lambda m: m.start)
    for i in range(first, last):
        m = mentions[i]
        if m.end > pronoun.start():
            continue
        if not compatible(m.honorific, word):
            continue
        # the same pronoun beats the same gender, which beats a person of unknown gender
        tier = 2 if m.honorific == word else 1 if gender_of(m.honorific) else 0
        cand = (tier, m.start, owner[i])
        if best is None or cand[:2] > best[:2]:
            best = cand
    return best[2] if best else None


#: The steps over whole persons, in order (step 4 of the module's docstring): (name, step).
PERSON_STEPS: tuple[tuple[str, Callable[[Text, Mentions], Mentions]], ...] = (
    ("not_persons", not_persons.drop),  # works, named things and addresses read as persons
    ("surname_first", surname_first.join),  # "HLV Kim" of the headline is Kim Sang-sik
)
#: The named rules of those steps, in order: (name, example, what it does).
RULES: tuple[tuple[str, str, str], ...] = (*not_persons.RULES, *surname_first.RULES)


def rules_fired(text: Text, found: Mentions) -> list[str]:
    """The rules of ``RULES`` that apply when the persons linker reads ``found`` (what the
    recognisers and the linkers before it found in ``text``)."""
    state = _persons(text, found)
    fired = not_persons.rules_fired(text, state)
    return fired + surname_first.rules_fired(text, not_persons.drop(text, state))


def link(text: Text, found: Mentions) -> Mentions:
    """Merge mentions of one person, attach titles and details, then run ``PERSON_STEPS``.

    "Phát biểu, ông Trần Thanh Liêm, Ủy viên Thường vụ Tỉnh ủy, Phó Chủ tịch Thường trực UBND
    tỉnh … Ông Liêm nhấn mạnh …" with the Person mentions "Trần Thanh Liêm" and "Liêm" becomes
    one Person(name="Trần Thanh Liêm", honorific="ông", gender="male", mentions=(both spans),
    titles=("Ủy viên Thường vụ Tỉnh ủy", "Phó Chủ tịch Thường trực UBND tỉnh")).
    """
    found = _persons(text, found)
    for _name, step in PERSON_STEPS:
        found = step(text, found)
    return found


def _persons(text: Text, found: Mentions) -> Mentions:
    """Steps 1-3: one Person per cluster of mentions, with its titles and details."""
    if not found.persons and not found.titles:
        return found
    s = text.normalized
    found = names_out_of_organizations(text, found)
    mentions = named(not_titles(s, mentions_of(text, found.persons), found.titles))
    clusters = cluster(mentions, s)
    owner: dict[int, int] = {}
    position = {(m.start, m.end): i for i, m in enumerate(mentions)}
    for ci, c in enumerate(clusters):
        for m in c.mentions:
            owner[position[(m.start, m.end)]] = ci
    titles = refine_titles(text, found, mentions)
    attached = _attach(text, mentions, owner, titles)
    persons: list[Person] = []
    for ci, c in enumerate(clusters):
        full = c.full
        first_full = min(
            (m for m in c.mentions if name_words(m.name) == name_words(full.name)), key=lambda m: m.start
        )
        honorific = first_full.honorific or (c.honorifics[0] if c.honorifics else None)
        details = details_of(s, c)
        persons.append(
            Person(
                text=s[first_full.start : first_full.end],
                start=first_full.start,
                end=first_full.end,
                name=written_name(s, full),
                honorific=honorific,
                titles=dedupe_titles(attached.get(ci, [])),
                mentions=tuple(sorted((m.start, m.end) for m in c.mentions)),
                **details,  # type: ignore[arg-type]
            )
        )
    persons.sort(key=lambda p: p.start)
    return attrs.evolve(found, persons=tuple(persons), titles=tuple(titles))
