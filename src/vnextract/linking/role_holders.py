"""Holders of a role written away from their name, for the persons linker's attachment step.

A role quoted in a headline ("Tiền vệ Thái Lan: '…'") or opening it as its subject is the
title of the person (or list) opening the summary (:mod:`headlines`); a role standing for a
person named before it ("Hậu vệ trái này …", :mod:`role_anaphora`); a role shared by the names
listed after it (:mod:`group_roles`). Each function takes the linker's events (start, end,
kind "p" or "t", index), sorted by start, and returns the indices of the persons' clusters.
Moved out of :mod:`vnextract.linking.persons` (issue 14).
"""

from __future__ import annotations

import bisect

from vnextract.lazy_regex import lazy_compile
from vnextract.linking.group_roles import listed_names
from vnextract.linking.headlines import opens_summary, speaker_line, subject_line, subject_of_summary
from vnextract.linking.person_mentions import Mention
from vnextract.linking.role_anaphora import stands_for_person_before, summary_after_headline
from vnextract.linking.title_shapes import CHAIN_GAP, LIST_GAP, POST_GAP, PRE_GAP
from vnextract.records import Title


def _first_person_from(events: list[tuple[int, int, str, int]], k: int, line: int) -> int | None:
    """The first person event after event ``k`` that starts at ``line`` or later."""
    return next((q for q in range(k + 1, len(events)) if events[q][2] == "p" and events[q][0] >= line), None)


def speakers_in_summary(
    s: str, title: Title, events: list[tuple[int, int, str, int]], k: int,
    mentions: list[Mention], owner: dict[int, int],
) -> list[int]:
    """"TITLE: 'quote'" opening a headline: the person (or list) opening the summary holds it."""
    line = speaker_line(s, title)
    if line is None:
        return []
    q = _first_person_from(events, k, line)
    if q is None or not opens_summary(s, line, mentions[events[q][3]].outer):
        return []
    out = [owner[events[q][3]]]
    while q + 1 < len(events) and events[q + 1][2] == "p" \
            and LIST_GAP.fullmatch(s, events[q][1], events[q + 1][0]):
        q += 1
        out.append(owner[events[q][3]])
    return out


def subject_of_summary_line(
    s: str, title: Title, events: list[tuple[int, int, str, int]], k: int,
    mentions: list[Mention], owner: dict[int, int],
) -> list[int]:
    """A role opening the headline as its subject ("Anh nông dân phát minh …") is the title of
    the person (or list) the summary opens with — unless that person has a title of their own
    written next to the name ("Ông A, giám đốc bệnh viện, …": another person)."""
    line = subject_line(s, title)
    if line is None:
        return []
    q = _first_person_from(events, k, line)
    if q is None or not subject_of_summary(s, line, mentions[events[q][3]].outer):
        return []
    out = [owner[events[q][3]]]
    while True:
        before = events[q - 1] if q > 0 else None
        after = events[q + 1] if q + 1 < len(events) else None
        if (before is not None and before[2] == "t" and before[0] >= line
                and PRE_GAP.fullmatch(s, before[1], events[q][0])) \
                or (after is not None and after[2] == "t" and POST_GAP.fullmatch(s, events[q][1], after[0])):
            return []
        if after is None or after[2] != "p" or not LIST_GAP.fullmatch(s, events[q][1], after[0]):
            return out
        q += 1
        out.append(owner[events[q][3]])


# Between a role (its words the title reader left out: "tiền vệ đội tuyển Nhật Bản") and its
# own name in apposition: ", Hidetoshi Nakata".
_APPOSITION_GAP = lazy_compile(r"[^,.;:\n]{0,40}?,[ \t]*")


#: How many sentences back a role standing for a person ("Hậu vệ trái này") looks for the name.
_ANAPHORA_SENTENCES = 3


def person_the_role_stands_for(
    s: str, title: Title, events: list[tuple[int, int, str, int]], k: int,
    mentions: list[Mention], owner: dict[int, int], sentence_starts: list[int],
) -> list[int]:
    """The person a role with no name of its own stands for (see :mod:`role_anaphora`): the
    person opening the headline when the role opens the summary, else, for "ROLE này" (this
    ROLE) or "ROLE 33 tuổi" opening a clause, the person mentioned last."""
    head_end = summary_after_headline(s, title)
    q = k + 1  # the role's own name after it: "Ngôi sao tiền vệ đội tuyển Nhật Bản, Hidetoshi Nakata"
    while q < len(events) and events[q][2] == "t" and CHAIN_GAP.fullmatch(s, events[q - 1][1], events[q][0]):
        q += 1
    if q < len(events) and events[q][2] == "p" \
            and _APPOSITION_GAP.fullmatch(s, events[q - 1][1], events[q][0]):
        return []
    if head_end is not None:
        head_start = len(s) - len(s.lstrip())
        for q in range(k):
            start, _, kind, idx = events[q]
            if start >= head_end:
                break
            if kind == "p":
                return [owner[idx]] if opens_summary(s, head_start, mentions[idx].outer) else []
    if not stands_for_person_before(s, title):
        return []
    # the first person (the subject, the topic going on) of the last earlier sentence naming
    # one; in its own sentence the role is someone else ("Posh giận đến mức loại thành viên
    # này", Posh was so angry she struck this member off; "…", Sharapova phát biểu sau khi bị
    # thua Petrova. Tay vợt 18 tuổi …: Sharapova)
    si = bisect.bisect_right(sentence_starts, title.start) - 1
    if si < 0:
        return []
    lookback = sentence_starts[max(0, si - _ANAPHORA_SENTENCES)]
    subject: int | None = None
    for q in range(k - 1, -1, -1):
        start, end, kind, idx = events[q]
        if start < lookback:
            break
        if subject is not None and not same_sentence(sentence_starts, start, events[subject][0]):
            break
        if kind == "p" and end <= sentence_starts[si]:
            subject = q
    return [owner[events[subject][3]]] if subject is not None else []


def listed_holders(s: str, title: Title, mentions: list[Mention], owner: dict[int, int]) -> list[int]:
    """Clusters of the names listed after a role they share (see :mod:`group_roles`)."""
    spans = listed_names(s, title)
    if not spans:
        return []
    at = {m.start: i for i, m in enumerate(mentions)}
    return [owner[at[a]] for a, _ in spans if a in at]


def same_sentence(sentence_starts: list[int], a: int, b: int) -> bool:
    return bisect.bisect_right(sentence_starts, a) == bisect.bisect_right(sentence_starts, b)
