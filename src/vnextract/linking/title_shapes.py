"""The shapes of text between names and titles that say who holds a title.

Each is a regular expression over the gap between a name and a title ("NAME, TITLE", "TITLE
NAME", "A và B, hai TITLE …"), between two titles of one person, or before a title that a
predicate gives to its subject ("là", "giữ chức", "trên cương vị"). Moved out of
:mod:`vnextract.linking.persons` (issue 14); :mod:`persons` reads them in its attachment step.
"""

from __future__ import annotations

import functools

import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon import Key, phrase_class
from vnextract.lexicon.roles import roles_with
from vnextract.lexicon.words import alternation
from vnextract.text import Text
from vnextract.text.view import phrase_before

# These are patterns over characters, not over the token view's syllables, because what they read
# is the gap between two spans: punctuation, brackets, ages and a few words that no token holds.

# Between a name and a title after it: "Trần Thanh Liêm, Ủy viên …", "Bùi Ngọc Cẩm - Chủ tịch …",
# "Chu Quang Việt (25 tuổi, Giám đốc …", "Nguyễn Minh Hoa (sinh 1952), hiện là chủ tịch …".
POST_GAP = lazy_compile(
    r"""
    [ \t]*
    (?:\([^()\n]{0,60}\)[ \t]*)?                       # a closed aside: "(sinh 1952)"
    [,:\-–—(][ \t]*                                    # the separator
    (?:(?:\d{1,3}[ \t]+tuổi|(?:SN|sinh(?:[ \t]+năm)?)[ \t]*\d{4}|quốc[ \t]+tịch[ \t]+[\p{L} \t]{1,20}?)
       [ \t]*[,;][ \t]*)*+                                # age, birth year, nationality
    # grammar: the adverbs of time that may stand before "là" (currently, former, originally, also)
    (?:(?:hiện[ \t]+đang|hiện|đang|nguyên|vốn|cũng)[ \t]+)?(?:là[ \t]+)?
(?:một[ \t]+)?  # "…, một …"
    (?:(?:kiêm|đồng[ \t]+thời[ \t]+là)[ \t]+)?
    """,
    regex.VERBOSE,
)


# Between a list of names and the title they share, counted: "A và B, hai Phó Chủ tịch UBND
# tỉnh", "A, B và C, cùng là giáo viên", "…, cả ba đều là tài xế" (all three are drivers; only
# after two names or more: "Gates, 4 tỉ phú còn lại" is no apposition).
# The count is a word of class group_count ("hai", "ba" …) or a digit.
PLURAL_GAP = lazy_compile(
    r"[ \t]*,[ \t]*(?:(?:cả[ \t]+)?(?:" + alternation("group_count", r"[ \t]+") + r"|\d)[ \t]+"
    r"(?:(?:cùng|đều)[ \t]+(?:là[ \t]+)?)?"
    r"|(?:cùng|đều)[ \t]+(?:là[ \t]+)?)"
)

# The same list when each name carries an aside, the title shared and counted after the last:
# "A (SN 1979, ngụ Bình Thạnh), B (SN 1966) và C (SN 1978), cả ba đều là tài xế" (all three
# are drivers). Without the count an aside-broken list is not read as sharing the title.
PLURAL_GAP_ASIDE = lazy_compile(r"[ \t]*(?:\([^()\n]{0,120}\))?" + PLURAL_GAP.pattern)
LIST_GAP_ASIDE = lazy_compile(r"[ \t]*(?:\([^()\n]{0,120}\)[ \t]*)?(?:,|và|,[ \t]*và)[ \t]*")


# Between a title and the name it precedes: "Giám đốc Sở TTTT Lai Xuân Thành", "vua thép người
# Ấn Độ L.Mittal" (a nationality between), "Chủ tịch Hiệp hội là ông Đỗ Hà Nam".
# An abbreviation in brackets may close the organisation: "Tổng thư ký Hiệp hội Chè Việt Nam
# (Vitas) Nguyễn Tấn Phong".
PRE_GAP = lazy_compile(
    r"[ \t]*(?:\(\p{Lu}[\p{L}\p{N}&.\-]{1,11}\)[ \t]+)?"
    r"(?:người[ \t]+(?:\p{Lu}[\p{L}\-]*[ \t]+){1,3})?(?:là[ \t]+)?"
)

# "phóng viên tự do người Mỹ Steven Vincent" (the American freelance reporter): a few lowercase
# words describing the role, then the nationality, then the name (the words pass
# :func:`describes_role`).
PRE_GAP_NATIONALITY = lazy_compile(
    r"(?:[ \t]+\p{Ll}[\p{L}\p{M}]*){1,3}[ \t]+người[ \t]+(?:\p{Lu}[\p{L}\-]*[ \t]+){1,3}"
)
# "Một tay vợt trẻ người Nga khác, Maria Kirilenko, …" (another young Russian player, NAME):
# an article before a role opening a clause (read on the token view, ARTICLE_REACH characters
# back, on the same line).
ARTICLE = frozenset({("một",)})  # grammar: the indefinite article
ARTICLE_REACH = 5

# "một công nhân tên Nguyễn Văn Hòa" (a worker named …), "Người đầu bếp có công bắt cướp tên là
# Nguyễn Hải" (the cook who caught the robber, named …): a role, a few lowercase words describing
# it, then "tên" / "có tên" / "tên là" (named) and the holder's name. (grammar: the words of
# naming)
PRE_GAP_NAMED = lazy_compile(
    r"(?P<words>(?:[ \t]+\p{Ll}[\p{L}\p{M}]*){0,6}?)[ \t]+(?:có[ \t]+)?tên(?:[ \t]+là)?[ \t]+"
)


def named_holder(s: str, end: int, name_start: int) -> bool:
    """Whether the text between a title ending at ``end`` and a name at ``name_start`` is
    "(describing words) tên (là)": the name is the holder's ("một công nhân tên Nguyễn Văn Hòa")."""
    m = PRE_GAP_NAMED.fullmatch(s, end, name_start) if end <= name_start else None
    return m is not None and describes_role(s, m.start("words"), m.end("words"))


# "Ba bị can gồm A, B và C", "Các bị cáo gồm: A, B": a role in a case shared by the names listed.
PRE_GAP_LIST = lazy_compile(r"[ \t]*(?:bao[ \t]+)?gồm(?:[ \t]+có)?[ \t]*:?[ \t]*")


# "Tay vợt người Bỉ, Justine Henin, …" (the Belgian player): a nationality may come between.
PRE_GAP_COMMA = lazy_compile(
    r"(?:[ \t]+người[ \t]+\p{Lu}[\p{L}\-]*(?:[ \t]+\p{Lu}[\p{L}\-]*){0,2})?[ \t]*,[ \t]*"
)


# "Trong pha bóng đó, hậu vệ Indonesia - Rizky Pratama đã …" (the Indonesian defender, NAME): a
# spaced dash between a title opening a clause and its holder.
PRE_GAP_DASH = lazy_compile(r"[ \t]+[\-–][ \t]+")


# "Cơ thủ nổi tiếng người Philippines, Efren Reyes, đánh bại …" (the famous Filipino billiards
# player, NAME, beat …): a title opening a clause, a few words describing it, then its holder's
# name set off by commas; :data:`APPOSITION_CLOSE` must follow the name.
PRE_GAP_DESCRIBED = lazy_compile(r"(?:[ \t]+[^ \t\n,.;:()\"“”]+){1,6}?[ \t]*,[ \t]*")
# What closes an apposition after the name: a comma, a colon, an aside or a dash.
APPOSITION_CLOSE = lazy_compile(r"[ \t]*(?:[,:(]|[\-–][ \t])")


@functools.cache
def _not_describing() -> frozenset[Key]:
    return phrase_class("speech_verb") | phrase_class("clause_marker") | phrase_class("preposition")


def describes_role(s: str, start: int, end: int) -> bool:
    """Whether the words of ``s[start:end]`` may describe a role written before them ("nổi tiếng
    người Philippines"): no verb of saying, no word that opens a predicate ("đã", "là") and no
    preposition before an object ("bác sĩ điều trị cho …", the doctor treating …)."""
    words = [w.casefold() for w in regex.findall(r"[\p{L}\p{N}]+", s[start:end])]
    table = _not_describing()
    return not any(
        tuple(words[i : i + n]) in table for i in range(len(words)) for n in (1, 2)
    )


# "Nguyên đơn của vụ kiện hy hữu này là cô …": a title opening a clause, a few words, "là".
PRE_GAP_CLAUSE = lazy_compile(r"(?:[ \t]+[^ \t\n,.;:()\"“”]+){1,7}?[ \t]+là[ \t]+")


# Between two titles of one person: "…, Phó Chủ tịch …", "… kiêm giám đốc …", "… làm Trưởng đoàn".
# (grammar: the conjunctions that chain two posts: concurrently, at the same time, and, as)
CHAIN_GAP = lazy_compile(
    r"[ \t]*(?:[,\-–][ \t]*)?(?:(?:kiêm(?:[ \t]+nhiệm)?|đồng[ \t]+thời[ \t]+là|và|làm)[ \t]+)?"
)


# Between two names of a list that shares the title after it: "ông A và bà B, Phó Giám đốc …".
LIST_GAP = lazy_compile(r"[ \t]*(?:,|và|,[ \t]*và)[ \t]*")


# A predicate right before a title: "là người mẫu", "giữ chức vụ phó giám đốc", "trên cương vị …"
# (word_classes.tsv "title_predicate"), read on the token view within PREDICATE_REACH characters.
PREDICATES = phrase_class("title_predicate")
PREDICATE_REACH = 40


# "Là sinh viên …, Diệp Hồng …", "với tư cách là thành viên, bà Nguyễn Minh Hoa": the
# predicate opens the clause and the name follows the title.
OPENING_PREDICATE = lazy_compile(
    r"(?:^|[,;:.]\s*|\n)(?:\p{L}+\s+){0,2}?(?i:là|với\s+tư\s+cách(?:\s+là)?)\s+$"
)


OPENING_WINDOW = 120  # characters before a title that OPENING_PREDICATE reads (a few words)


# A bare pronoun standing for a person mentioned before ("ông giữ chức vụ …"): not followed by
# a name, not part of "ông bà" or "người đàn ông". (grammar: the five pronouns of a person
# referred back to, and the two words they must not be part of)
PRONOUN = lazy_compile(
    r"(?<![\p{L}])(?<!đàn\s)(?<!người\s)(?P<p>(?i:ông|bà|cô|anh|chị))(?![\p{L}])(?!\s+(?:\p{Lu}|bà|ông))"
)


# "giả làm Tổng giám đốc" (posing as), "mạo danh là Thiếu tá" (impersonating), "không còn là"
# (no longer), "là"/"làm" after the cue or not: not a title held (word_classes.tsv "pretending_cue").
PRETENDING = phrase_class("pretending_cue")
_BE = frozenset({("là",), ("làm",)})  # grammar: is, works as


def pretending(text: Text, at: int) -> bool:
    """Whether a word of posing or denial (PRETENDING) stands before ``at``, with "là"/"làm"
    after it or not, read on the token view: "giả làm Tổng giám đốc" holds no title."""
    if phrase_before(text, at, PRETENDING, PREDICATE_REACH) is not None:
        return True
    verb = phrase_before(text, at, _BE, PREDICATE_REACH)
    reach = PREDICATE_REACH - (at - verb[0]) if verb is not None else 0
    return verb is not None and phrase_before(text, verb[0], PRETENDING, reach) is not None


# Bracketed asides do not count as words between a subject and its predicate.
ASIDE = lazy_compile(r"\([^()\n]*\)")


# A residence clause between a subject and its predicate does not count as words either: "Trần
# Bá Ngọc Dung (33 tuổi), ngụ tại phường An Hòa, quận Ninh Kiều, là kẻ cầm đầu …".
# The cue is a word of word_classes.tsv "residence_cue" ("trú", "ngụ", "quê" …), as for a person's
# residence (person_details).
RESIDENCE_CLAUSE = lazy_compile(
    r"^[ \t]*,[ \t]*(?:" + alternation("residence_cue", r"[ \t]+") + r")(?:[ \t]+(?:tại|ở))?"
    r"[ \t]+[^;:.()\n]*?,[ \t]*$"
)


#: How many names and titles back a predicate looks for its subject (bounds the work per title).
PREDICATE_LOOKBACK = 40


#: How many words may stand between a name and a bare "là"/"làm" that gives it a title.
WEAK_PREDICATE_REACH = 6


# Another subject between a name and a predicate: a pronoun or "còn" (whereas). (grammar: the
# third-person pronouns, and the honorifics as pronouns, capitalised at a sentence's start)
OTHER_SUBJECT = lazy_compile(
    r"(?<![\p{L}])(?:hắn|họ|gã|ông\s+ta|bà\s+ta|anh\s+ta|cô\s+ta|chị\s+ta|người\s+này|ông\s+này|còn|[Ôô]ng|[Bb]à|[Aa]nh|[Cc]hị|[Cc]ô)(?![\p{L}])"
)


# "Theo Giám đốc Sở X, ông Y …" (according to): read on the token view, THEO_REACH characters back.
THEO = frozenset({("theo",)})  # grammar: according to
THEO_REACH = 6


# "Trò chuyện với Putin và Schroeder, Tổng thống Pháp cũng hồi tưởng …": names that are the
# object of a preposition or verb, then a title followed straight by its predicate (no comma
# closing an apposition) — the title is the subject of a new clause, not the names' title.
# (word_classes.tsv "title_object_before", read by the learned titles' features too; on the
# token view, OBJECT_REACH characters back)
OBJECT_BEFORE = phrase_class("title_object_before")
OBJECT_REACH = 12


# (word_classes.tsv "predicate_opener": the adverbs that open a predicate, verbs of saying)
PREDICATE_AFTER = lazy_compile(r"[ \t]+(?:" + alternation("predicate_opener", r"[ \t]+") + r")(?![\p{L}])")


# Roles that serve another office-holder: "phát ngôn viên văn phòng Thủ tướng Anh Tony Blair"
# (the spokesman of Blair's office): the next title, not this one, belongs to the name after.
SERVING_ROLES = roles_with("serving")


AND_BEFORE = lazy_compile(r"\s(?:và|,)\s+$")
