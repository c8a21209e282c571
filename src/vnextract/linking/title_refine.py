"""Titles before they are attached: their extent, and titles one person holds twice.

The organisation of a title is narrowed to the Organization record next to its role and never
runs into a name; a name an organisation record swallowed leaves it ("Thống đốc Ngân hàng Nhà
nước Nguyễn Văn Bình"); a title inside another's organisation is no title of its own; one title
per position stays (:func:`dedupe_titles`). Moved out of :mod:`vnextract.linking.persons` (issue 14).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

import attrs
import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon import surnames
from vnextract.lexicon.gazetteer import place_names
from vnextract.lexicon.organizations import listed_heads
from vnextract.linking.abbreviations import expand_title, table_for
from vnextract.linking.person_mentions import Mention
from vnextract.linking.title_bodies import apposition_end, body_end, connected_body
from vnextract.mentions import Mentions
from vnextract.recognizers.titles import MODIFIERS
from vnextract.recognizers.titles import lexicon as titles_lexicon
from vnextract.records import Organization, Person, Title
from vnextract.text import Text

_NAME_WORD = lazy_compile(r"\p{Lu}[\p{Ll}\p{M}]*+")


def names_out_of_organizations(text: Text, found: Mentions) -> Mentions:
    """TITLE ORG NAME where the organisation record swallowed the name: "Quyền Chủ tịch UBND
    tỉnh Nguyễn Văn Út", "Thống đốc Ngân hàng Nhà nước Nguyễn Văn Bình", "Hiệu trưởng Trường
    THPT Chu Văn An Nguyễn Xuân Khang". The name (a surname and one to three capitalised
    syllables, not a place) leaves the organisation when a name or an admin unit stays before it
    ("Trường THPT Lê Quý Đôn" and "Công ty Hoàng Long" stay whole)."""
    s = text.normalized
    lex = titles_lexicon()
    surnames_ = surnames()
    places = place_names()
    after_role = {end_of_role(s, t) + 1 for t in found.titles}
    organizations: list[Organization] = []
    added: list[Person] = []
    for org in found.organizations:
        if org.start not in after_role:
            organizations.append(org)
            continue
        words = list(regex.finditer(r"\S+", org.text))
        cut = None
        for i in range(len(words) - 2, 0, -1):
            tail = words[i:]
            if words[i].group() in surnames_ and 2 <= len(tail) <= 4 \
                    and all(_NAME_WORD.fullmatch(w.group()) for w in tail):
                if len(tail) == 2 and _NAME_WORD.fullmatch(words[i - 1].group()) \
                        and lex.org_head.fullmatch(words[i - 1].group()) is None:
                    # "Công ty TNHH Việt Thái Phong": two syllables going on a plain capitalised
                    # name are the company's; a person named after it has three or more
                    break
                cut = i
                break
        if cut is None:
            organizations.append(org)
            continue
        name_start = org.start + words[cut].start()
        name = s[name_start : org.end]
        head = lex.org_head.match(s, org.start)
        between = s[head.end() if head else org.start : name_start].strip()
        admin = lex.admin.fullmatch(between) is not None
        named = any(_NAME_WORD.fullmatch(w) for w in between.split())  # "THPT" alone is no name
        standalone = head is not None and not between and head.group() in _standalone_heads()
        if name in places or not (admin or named or standalone):
            organizations.append(org)
            continue
        org_end = name_start
        while s[org_end - 1] == " ":
            org_end -= 1
        organizations.append(attrs.evolve(org, text=s[org.start : org_end], end=org_end,
                                          name=s[org.start : org_end]))
        added.append(Person(text=name, start=name_start, end=org.end, name=name,
                            mentions=((name_start, org.end),)))
    if not added:
        return found
    return attrs.evolve(
        found,
        organizations=tuple(organizations),
        persons=tuple(sorted((*found.persons, *added), key=lambda p: p.start)),
    )


@functools.cache
def _standalone_heads() -> frozenset[str]:
    return frozenset(" ".join(k) for k, head in listed_heads().items() if head.standalone)


def end_of_role(s: str, title: Title) -> int:
    end = title.end - len(title.organization) if title.organization else title.end
    while end > title.start and s[end - 1] in " ,":
        end -= 1
    return end


def not_titles(s: str, mentions: list[Mention], titles: Sequence[Title]) -> list[Mention]:
    """Mentions that do not begin inside a title's role: "Trưởng Phòng Kế" (in "Trưởng Phòng Kế
    hoạch Tài chánh") or "Phó Tổng" (in "Phó Tổng cục trưởng") are positions, not names."""
    roles = sorted((t.start, end_of_role(s, t)) for t in titles)
    starts = [a for a, _ in roles]
    kept = []
    for m in mentions:
        k = bisect.bisect_right(starts, m.start) - 1
        if k >= 0 and roles[k][0] <= m.start < roles[k][1]:
            continue
        kept.append(m)
    return kept


def _title_key(title: Title) -> tuple[str, ...]:
    return tuple(regex.findall(r"[\p{L}\p{N}]+", title.text.casefold()))


# Between a name and a role in apposition after it: "Hiroyuki Hosoda, phát ngôn viên …", "ông A,
# một chuyên gia …" (an article may come between).
_AFTER_NAME = lazy_compile(r"[ \t]*,[ \t]*(?:(?i:một)[ \t]+)?")
_OF_BODY = lazy_compile(r"[ \t]+của[ \t]+")


# How far after a title the patterns above may look (characters). regex's match(s, pos) with no
# end position first scans the rest of the text for a pattern's literal ("của", "tuổi", "(" …),
# once per title or name: quadratic on long texts. Every window is far wider than such a match.
_LOOK_AHEAD = 40


_NON_SPACE = re.compile(r"\S")


def _only_spaces(s: str, start: int, end: int) -> bool:
    """``s[start:end].strip() == ""`` without copying the slice (end may be the text's end)."""
    return _NON_SPACE.search(s, start, end) is None


def refine_titles(text: Text, found: Mentions, mentions: list[Mention]) -> list[Title]:
    """Cut titles before a name, narrow them to an Organization found next to the role, drop
    titles inside an organisation's name ("Ban Giám đốc Học viện")."""
    s = text.normalized
    orgs: list[Organization] = sorted(found.organizations, key=lambda o: o.start)
    org_starts = [o.start for o in orgs]
    org_ends = {o.start: o.end for o in orgs}
    starts = [m.outer for m in mentions]
    title_starts = sorted(t.start for t in found.titles)
    out: list[Title] = []
    for t in found.titles:
        k = bisect.bisect_right(org_starts, t.start) - 1
        if k >= 0 and orgs[k].start < t.start < orgs[k].end:
            continue  # "Giám đốc" inside "Ban Giám đốc Học viện"
        role_end = end_of_role(s, t)
        # a name inside the role itself means the "title" was part of the name
        j = bisect.bisect_left(starts, t.start)
        if j < len(mentions) and mentions[j].outer < role_end and mentions[j].start < role_end:
            continue
        if j > 0 and mentions[j - 1].start < t.start < mentions[j - 1].end:
            continue  # a role word inside a name: "Brian Mc Donald"
        end = t.end
        org_start = t.end - len(t.organization) if t.organization else None
        next_name = mentions[j].outer if j < len(mentions) else len(s)
        # never run into a name: "Giám đốc Sở TTTT Lai Xuân Thành"
        reaches_name = next_name < end or (next_name >= end and _only_spaces(s, end, next_name))
        end = min(end, next_name)
        # an Organization record where our organisation reading starts (or right after the role)
        # sets the extent, unless our reading already runs up to the name the title belongs to
        at = org_start if org_start is not None else role_end + 1
        k = bisect.bisect_left(org_starts, at)
        if k < len(orgs) and orgs[k].start == at and (org_start is not None or s[role_end:at] == " ") \
                and not (reaches_name and org_start is not None):
            # a longer record must go on with a name, not plain words ("Bộ Xây dựng trao bộ hồ sơ")
            extension = s[end : orgs[k].end].lstrip(" ,-")
            # a shorter record must not cut a word group ("BCH Trung" of "BCH Trung ương Đảng")
            remainder = s[orgs[k].end : end].lstrip(" ,-")
            # …unless it runs right up to the name: "Thứ trưởng Bộ Nông nghiệp và Phát triển nông
            # thôn Bùi Bá Bổng" (the ministry's lowercase tail is still its name)
            up_to_name = next_name > orgs[k].end and _only_spaces(s, orgs[k].end, next_name)
            if (orgs[k].end > end and (not extension[:1].islower() or up_to_name)) \
                    or (orgs[k].end <= end and not remainder[:1].islower()):
                org_start, end = at, min(orgs[k].end, next_name)
        if org_start is not None:  # a long body cut at its first lowercase words
            r = bisect.bisect_left(org_starts, org_start)
            record_end = orgs[r].end if r < len(orgs) and orgs[r].start == org_start else None
            q = bisect.bisect_right(title_starts, t.start)  # nor into the next title ("… kiêm …")
            limit = min(next_name, title_starts[q]) if q < len(title_starts) else next_name
            end = body_end(s, end, limit, record_end) or end
        while end > role_end and not s[end - 1].isalnum():
            end -= 1
        if org_start is not None and end > org_start:
            organization: str | None = s[org_start:end]
        else:
            organization, end = None, role_end
        # "… của ORG": the unit belongs to a named body ("Trưởng phòng vé khu vực phía Bắc của
        # Vietnam Airlines", "Phó phòng kinh doanh vàng của Eximbank")
        of = _OF_BODY.match(s, end, end + _LOOK_AHEAD) if organization is not None else None
        if of is not None:
            k = bisect.bisect_left(org_starts, of.end())
            if k < len(orgs) and orgs[k].start == of.end() and orgs[k].end <= next_name:
                end = orgs[k].end
                organization = s[org_start:end] if org_start is not None else None
            else:
                of = None
        # "NAME, ROLE words describing it, …": a bare role in apposition reads to the clause's end
        q = bisect.bisect_right(title_starts, t.start)
        before_next = min(next_name, title_starts[q]) if q < len(title_starts) else next_name
        if organization is None and j > 0 and _AFTER_NAME.fullmatch(s, mentions[j - 1].end, t.start) \
                and (to := apposition_end(s, end, before_next)) is not None:
            end = to
            organization = s[role_end + 1 : end]
        # "ROLE của|tại|thuộc ORG": the body the role is joined to ("Giám đốc điều hành của UEFA")
        if of is None and (body := connected_body(s, end, org_ends, organization is None)) is not None \
                and body[1] <= next_name:
            end = body[1]
            # a unit written before keeps its words ("trưởng phòng … thuộc Viện X"), else the body
            unit = org_start if organization is not None and org_start is not None else body[0]
            organization = s[unit:end]
        out.append(attrs.evolve(t, text=s[t.start : end], end=end, organization=organization))
    table = table_for(found.abbreviations)
    return [expand_title(t, table) for t in _outermost(s, out)]


def _outermost(s: str, titles: list[Title]) -> list[Title]:
    """Titles not inside another title's organisation: "Trợ lý Bộ trưởng Ngoại giao Việt Nam"
    (the minister's assistant) is one position, not also the minister's."""
    out: list[Title] = []
    for t in sorted(titles, key=lambda t: (t.start, -t.end)):
        if out and out[-1].organization and end_of_role(s, out[-1]) < t.start and t.end <= out[-1].end:
            continue
        out.append(t)
    return out


def _starts_with_role(title: Title, role: str) -> bool:
    """Whether a title's words begin with ``role`` (after its modifier): "nguyên Giám đốc Sở"
    does with "giám đốc"; the workplace "Văn phòng luật sư Việt" does not with "luật sư"."""
    key = list(_title_key(title))
    if key and key[0] in MODIFIERS:
        key = key[1:]
    return " ".join(key).startswith(" ".join(regex.findall(r"[\p{L}\p{N}]+", role)))


def dedupe_titles(titles: list[Title]) -> tuple[Title, ...]:
    """One title per position: "thiếu tá" again, "PGS, TS" after "PGS.TS", "Bí thư Tỉnh ủy tỉnh
    Hà Nam" after "Bí thư Tỉnh ủy Hà Nam", and "Quyền Giám đốc Học viện" inside "Quyền Giám đốc
    Học viện Báo chí và Tuyên truyền" all go (the fuller title of one role stays)."""
    kept: list[tuple[Title, frozenset[str]]] = []
    # fullest first, then text order: a title goes when a kept one of the same role covers it
    for t in sorted(titles, key=lambda t: (-len(set(_title_key(t))), t.start)):
        words = frozenset(_title_key(t))
        role = " ".join(t.role.casefold().split())
        if not words or any(_title_key(t) == _title_key(other) for other, _ in kept) or any(
            words <= other_words
            and " ".join(other.role.casefold().split()) == role
            and _starts_with_role(other, role)  # not a workplace after the name
            and (other.modifier == t.modifier or t.organization is None or words == other_words)
            for other, other_words in kept
        ):
            continue
        kept.append((t, words))
    return tuple(sorted((t for t, _ in kept), key=lambda t: t.start))
