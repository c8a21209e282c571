"""A headline that quotes a role, and the person the summary names: one person with the title.

Short news items are a headline line, then a summary. A headline often quotes a speaker by
role alone and the summary opens with the speaker's name:

    Tiền vệ Thái Lan: 'Phải thắng trên sân nhà'          (Thailand's midfielder: "We must win …")
    Seksan Ratree kỳ vọng người hâm mộ đến sân …          (Seksan Ratree hopes the fans …)

The title is the person's (and each person's of a list opening the summary: "A và B cho rằng").
"""

from __future__ import annotations

import regex

from vnextract.records import Title

# The role opens the headline and a quotation follows it: "Cầu thủ Malaysia: 'Chúng tôi …'"
# (not a name: "Vua phá lưới ASEAN Cup: Xuân Son 'đua' với Đình Bắc" is a race for the title).
_AFTER_ROLE = regex.compile(r"""[ \t]*:[ \t]*['"‘“]""")
# What may come before the summary's subject: a few words, no clause ("Theo báo cáo của Sở
# Xây dựng, ông A …" names A as the signer, not as the speaker).
_SUBJECT_PREFIX = regex.compile(r"(?:[\p{L}]+[ \t]+){0,3}")


def speaker_line(s: str, title: Title) -> int | None:
    """Where the summary starts when ``title`` opens the text's first line and a colon and a
    quotation follow it (the headline quotes the role); None otherwise.

    >>> s = "Tiền vệ Thái Lan: 'Phải thắng'\\nSeksan Ratree kỳ vọng"
    >>> speaker_line(s, Title(text="Tiền vệ Thái Lan", start=0, end=16, role="Tiền vệ"))
    31
    """
    if s[: title.start].strip() or _AFTER_ROLE.match(s, title.end) is None:
        return None
    newline = s.find("\n", title.end)
    if newline < 0:
        return None
    start = newline + 1
    while start < len(s) and s[start] in " \t\n":
        start += 1
    return start if start < len(s) else None


def opens_summary(s: str, line_start: int, mention_start: int) -> bool:
    """Whether a mention at ``mention_start`` opens the summary: at most three words before it
    ("Tiền vệ Seksan Ratree", "Ông Nguyễn Văn An")."""
    return _SUBJECT_PREFIX.fullmatch(s, line_start, mention_start) is not None
