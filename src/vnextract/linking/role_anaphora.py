"""A role standing for a person named before it: the role is that person's title.

News names a person once, then goes on with a role instead of the name. Two shapes the
persons linker reads here (each a named rule; :data:`RULES` lists them in order):

- ``headline_subject``: a short item's headline names the person, the summary opens with a role
  as its subject —

      Bà Melania tái xuất sau một tháng vắng bóng           (Mrs Melania reappears …)
      Đệ nhất phu nhân Mỹ xuất hiện tại Nhà Trắng …          (The US First Lady appears …)

- ``demonstrative``: the role opening a clause with "này"/"ấy" (this/that) or "nói trên" (the
  above), or with the person's age, stands for the person mentioned last before its sentence —
  "Hậu vệ trái này lên tiếng …" (this left-back speaks out), "Tiền vệ 33 tuổi cũng cho biết …"
  (the 33-year-old midfielder also said).

A counted or plural role ("các bị cáo này", the defendants) stands for a group, not one person:
no rule here reads it.
"""

from __future__ import annotations

import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon.words import alternation
from vnextract.records import Title

#: The rules of this module, in the order the persons linker tries them.
RULES = ("headline_subject", "demonstrative")

# After the role: an optional age or nationality, then the demonstrative: "Hậu vệ trái này",
# "Nhà cầm quân người Hà Lan này", "tiền vệ 33 tuổi này", "bị cáo nói trên" (grammar: the
# demonstratives này = this, ấy = that, nói trên = aforesaid).
_DEMONSTRATIVE = lazy_compile(
    r"""[ \t]+(?:\d{1,3}[ \t]+tuổi[ \t]+)?                                  # an age
        (?:người[ \t]+\p{Lu}[\p{L}\-]*(?:[ \t]+\p{Lu}[\p{L}\-]*){0,2}[ \t]+)?     # a nationality
        (?:này|ấy|nói[ \t]+trên)(?![\p{L}])""",
    regex.VERBOSE,
)
# After a role opening a clause: the age, then a lowercase word (the predicate, not a name):
# "Tiền vệ 33 tuổi cũng cho biết", "Nam tài tử 33 tuổi cho biết".
_AGED_SUBJECT = lazy_compile(r"[ \t]+\d{1,3}[ \t]+tuổi[ \t]+\p{Ll}")
# A count or a plural marker right before the role: a group, not one person ("hai bị can trên";
# the number words two to ten are word_classes.tsv "group_count"; grammar: the plural markers).
_PLURAL_BEFORE = lazy_compile(
    r"(?<![\p{L}\p{N}])(?:\d{1,3}|(?i:" + alternation("group_count") + r"|các|những|cả))[ \t]+"
    r"(?:(?i:nam|nữ)[ \t]+)?$"
)
# What may open a clause before a role: a sentence or clause boundary, "Nam"/"Nữ" (male/female).
_CLAUSE_OPENING = lazy_compile(r"(?:^|[.!?;:,\n\"“(]|\s[-–])[ \t]*(?:(?i:nam|nữ)[ \t]+)?$")
_LOOK_BACK = 12  # characters before a role that the two patterns above read


def _plural(s: str, title: Title) -> bool:
    return _PLURAL_BEFORE.search(s, max(0, title.start - _LOOK_BACK), title.start) is not None


def summary_after_headline(s: str, title: Title) -> int | None:
    """Where the headline ends when ``title`` opens the line after it (the summary's first
    line); None otherwise.

    >>> s = "Bà Melania tái xuất\\nĐệ nhất phu nhân Mỹ xuất hiện."
    >>> role = Title(text="Đệ nhất phu nhân Mỹ", start=20, end=39, role="Đệ nhất phu nhân")
    >>> summary_after_headline(s, role)
    19
    """
    head_start = len(s) - len(s.lstrip())
    head_end = s.find("\n", head_start)
    if head_end < 0 or head_end >= title.start or s[head_end : title.start].strip():
        return None
    return None if _plural(s, title) else head_end


def stands_for_person_before(s: str, title: Title) -> bool:
    """Whether ``title`` stands for one person named before it: "Hậu vệ trái này" (this
    left-back), "Tiền vệ 33 tuổi cũng cho biết" (a role and an age opening a clause).

    >>> s = "Hậu vệ trái này lên tiếng."
    >>> stands_for_person_before(s, Title(text="Hậu vệ trái", start=0, end=11, role="Hậu vệ"))
    True
    """
    if _plural(s, title) or not _CLAUSE_OPENING.search(s, max(0, title.start - _LOOK_BACK), title.start):
        return False  # an object ("loại thành viên này", struck this member off) is someone else
    end = title.end
    return bool(_DEMONSTRATIVE.match(s, end, end + 40) or _AGED_SUBJECT.match(s, end, end + 20))
