"""A headline that quotes a role, and the person the summary names: one person with the title.

Short news items are a headline line, then a summary. A headline often quotes a speaker by
role alone and the summary opens with the speaker's name:

    Tiền vệ Thái Lan: 'Phải thắng trên sân nhà'          (Thailand's midfielder: "We must win …")
    Seksan Ratree kỳ vọng người hâm mộ đến sân …          (Seksan Ratree hopes the fans …)

The title is the person's (and each person's of a list opening the summary: "A và B cho rằng").

A headline may also open with a role as its subject, and the summary go on with the person
(the corpus guideline: the title belongs to the person the summary plainly continues with):

    Anh nông dân phát minh máy quạt lúa                  (A farmer invents a rice winnower)
    Anh Đỗ Văn Trai (phường Nhơn Phú, TP Quy Nhơn) …
    Nữ diễn viên phim 'Vợ ba' giờ ra sao?                 (The actress of 'Vợ ba', now?)
    Sau 'Vợ ba', Trà My tập trung cho việc học …          (After 'Vợ ba', Trà My …)
"""

from __future__ import annotations

from vnextract.lazy_regex import lazy_compile
from vnextract.records import Title

# The role opens the headline and a quotation follows it: "Cầu thủ Malaysia: 'Chúng tôi …'"
# (not a name: "Vua phá lưới ASEAN Cup: Xuân Son 'đua' với Đình Bắc" is a race for the title).
_AFTER_ROLE = lazy_compile(r"""[ \t]*:[ \t]*['"‘“]""")
# What may come before the summary's subject: a few words, no clause ("Theo báo cáo của Sở
# Xây dựng, ông A …" names A as the signer, not as the speaker).
_SUBJECT_PREFIX = lazy_compile(r"(?:[\p{L}]+[ \t]+){0,3}")


def _next_line(s: str, at: int) -> int | None:
    """Where the first non-blank line after ``at``'s line starts (the summary after a
    headline), or None when there is none."""
    newline = s.find("\n", at)
    if newline < 0:
        return None
    start = newline + 1
    while start < len(s) and s[start] in " \t\n":
        start += 1
    return start if start < len(s) else None


def speaker_line(s: str, title: Title) -> int | None:
    """Where the summary starts when ``title`` opens the text's first line and a colon and a
    quotation follow it (the headline quotes the role); None otherwise.

    >>> s = "Tiền vệ Thái Lan: 'Phải thắng'\\nSeksan Ratree kỳ vọng"
    >>> speaker_line(s, Title(text="Tiền vệ Thái Lan", start=0, end=16, role="Tiền vệ"))
    31
    """
    if s[: title.start].strip() or _AFTER_ROLE.match(s, title.end) is None:
        return None
    return _next_line(s, title.end)


def opens_summary(s: str, line_start: int, mention_start: int) -> bool:
    """Whether a mention at ``mention_start`` opens the summary: at most three words before it
    ("Tiền vệ Seksan Ratree", "Ông Nguyễn Văn An")."""
    return _SUBJECT_PREFIX.fullmatch(s, line_start, mention_start) is not None


# Before a role opening a headline as its subject: a gender or kinship word, "cựu" (former), a
# count: "Nữ diễn viên …", "Anh nông dân …", "Cựu HLV …" (grammar: gender words, the commonest
# honorifics, small number words).
_BEFORE_SUBJECT_ROLE = lazy_compile(
    r"[ \t]*(?:(?i:nam|nữ|anh|chị|cô|ông|bà|cựu|hai|ba|bốn|năm|\d{1,3})[ \t]+)?"
)
# A short phrase fronted before the summary's subject: "Sau 'Vợ ba', Trà My …", "Được mệnh
# danh là 'máy in sống', Natalie Harp …" (one comma, no sentence end).
_FRONTED_PHRASE = lazy_compile(r"[^,.;:!?\n]{1,48},[ \t]*")


def subject_line(s: str, title: Title) -> int | None:
    """Where the summary starts when ``title`` opens the text's first line as its subject (not
    "ROLE: …", a quoted speaker or a topic); None otherwise.

    >>> s = "Anh nông dân phát minh máy quạt lúa\\nAnh Đỗ Văn Trai vừa …"
    >>> subject_line(s, Title(text="nông dân", start=4, end=12, role="nông dân"))
    36
    """
    line_start = len(s) - len(s.lstrip())
    if _BEFORE_SUBJECT_ROLE.fullmatch(s, line_start, title.start) is None:
        return None
    if _COLON_AFTER.match(s, title.end, title.end + 3):
        return None
    return _next_line(s, title.end)


_COLON_AFTER = lazy_compile(r"[ \t]*:")


def subject_of_summary(s: str, line_start: int, mention_start: int) -> bool:
    """Whether a mention at ``mention_start`` is the summary's subject: it opens the summary
    (:func:`opens_summary`) or follows one short fronted phrase ("Sau 'Vợ ba', Trà My")."""
    if opens_summary(s, line_start, mention_start):
        return True
    fronted = _FRONTED_PHRASE.match(s, line_start, mention_start)
    return fronted is not None and opens_summary(s, fronted.end(), mention_start)
