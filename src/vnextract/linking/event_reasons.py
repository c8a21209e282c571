"""Why an event was given, for the events linker: the "do/vì/về tội …" phrase of a clause (the
violation, the charge) and a charge fronted before the one sentenced."""

from __future__ import annotations

import functools

import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.linking.event_spans import _phrase
from vnextract.linking.event_table import _pattern
from vnextract.records import Phrase


def _reason(norm: str, start: int, end: int) -> Phrase | None:
    """The first "do/vì/về tội …" phrase in [start, end), up to the next comma or ";", or the
    next sanction joined to it ("về tội X và phạt bổ sung 20 triệu đồng": and an additional
    fine; "do X, đồng thời bị tước giấy phép" = at the same time)."""
    cue = _pattern("reason").search(norm, start, end)
    if cue is None:
        return None
    stop = _REASON_END.search(norm, cue.end(), end)
    stop_at = stop.start() if stop else end
    joined = _joined_trigger().search(norm, cue.end(), stop_at)
    return _phrase(norm, cue.start(), joined.start() if joined else stop_at)


def _fronted_reason(norm: str, start: int, end: int) -> Phrase | None:
    """A charge fronted before the one sentenced, as its own part of the clause: "Chiều 30/11,
    với hành vi giết người và cướp tài sản, bị cáo A đã bị … tuyên phạt 18 năm tù" (for the act
    of …). Only the charge cues ("về tội", "với/về hành vi"), not "do" or "vì" (because): a cause
    stated first is often the cause of something else."""
    cue = _FRONTED_CHARGE.search(norm, start, end)
    if cue is None:
        return None
    stop = _REASON_END.search(norm, cue.end(), end)
    phrase = _phrase(norm, cue.start("cue"), stop.start() if stop else end)
    # "Với hành vi trên, …" (with the act above): a pointer back, the charge is not stated here
    return None if phrase is None or _POINTER.search(phrase.text) else phrase


# a charge that only points back: "hành vi trên / này / đó / nói trên" (the act above, this, that)
# (grammar: the demonstratives)
_POINTER = lazy_compile(r"(?:hành\ +vi|tội)\ +(?:nói\ +)?(?:trên|này|đó|ấy)$", regex.I)


# a charge cue opening a part of the clause: at its start (\G: where the search starts, the
# clause's first character; "^" is only the text's), after a comma or a line's end
_FRONTED_CHARGE = lazy_compile(
    r"""(?:\G|(?<=,)|(?<=\n))\ *
        (?P<cue>(?:về|với)\ +hành\ +vi|về\ +(?:các\ +|hai\ +|ba\ +|\d+\ +)?tội)(?![\p{L}])""",
    regex.I | regex.VERBOSE,
)


# a comma, ";", a line's or a sentence's end ("." before a space: not "TP.HCM")
_REASON_END = lazy_compile(r"[,;\n]|\.(?=\s|$)")


@functools.cache
def _joined_trigger() -> regex.Pattern[str]:
    """A trigger joined by "và" (and), "đồng thời" (at the same time), "kèm theo" (along with)."""
    trigger = _pattern("trigger").pattern
    return regex.compile(rf"\ +(?:và|đồng\ +thời|kèm\ +theo)\ +(?:bị\ +)?{trigger}", regex.IGNORECASE)
