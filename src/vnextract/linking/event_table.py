"""The trigger table of the events linker (``data/event_triggers.tsv``): its phrases as
patterns by role (triggers, outcomes, status cues, reason cues …), their values, and the kinds
and reaches the event readers share."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator

import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon import load_tsv
from vnextract.lexicon.words import yield_to_longer
from vnextract.text import Text

# how far after a trigger its value (money, term, award, recipients) may stand (characters)
_VALUE_WINDOW = 120


# not (yet) done: "chưa" (not yet), "không" (not), "chưa bị xử phạt" (not fined yet) (grammar:
# the negation words)
_NEGATION = lazy_compile(r"(?<![\p{L}])(?:chưa|không|chẳng)(?![\p{L}])", regex.I)


# "mức xử phạt" (the level of fines), "quá mức xử phạt hành chính": the noun, no fine
_LEVEL = lazy_compile(r"(?<![\p{L}])mức\ +$", regex.I)


# the kinds a person alone receives
_SENTENCES = frozenset({"prison", "suspended_prison", "life_prison", "death"})


# the kinds an outcome word states ("án treo", "tù chung thân", "tử hình"): that word is their trigger
_OUTCOMES = frozenset({"suspended_prison", "life_prison", "death"})


# the kinds a trigger states by itself, with or without a term: "đình chỉ công tác", "khai trừ"
_STANDALONE_KINDS = frozenset({"licence_revoked", "suspension", "ban", "expulsion"})


# how far after a standalone trigger its term may stand: "tước giấy phép lái xe 22 tháng"
_TERM_REACH = 40


# what may stand between a sentence word and the outcome it states: "tuyên án tử hình", "phạt 3
# án tù chung thân" (three life sentences), "tuyên phạt mức án tử hình", "mức án cao nhất là tử
# hình" (the highest sentence, death)
_OUTCOME_LEAD = lazy_compile(
    r"\ *(?:\d+\ +)?(?:mức\ +)?(?:án\ +|hình\ +phạt\ +)?(?:cao\ +nhất\ *(?:là\ +|[:\-–]\ *)?)?", regex.I
)


# how far after a term its outcome may stand: "3 năm tù nhưng cho hưởng án treo" (characters)
_OUTCOME_REACH = 30


# the name after an award's noun: "Huân chương Lao động hạng Ba" (Labour Order, third class)
# (grammar: the class ordinals)
_AWARD_NAME = lazy_compile(
    r"""(?:\ +\p{Lu}\p{Ll}*(?:\ +\p{Ll}+)?)*         # "Lao động": a capital, then lower case
        (?:\ +hạng\ +(?:Nhất|Nhì|Ba|I{1,3}|[1-3]))?  # "hạng Ba" (third class)""",
    regex.VERBOSE,
)


@functools.cache
def _table() -> dict[str, dict[str, str]]:
    """role → {phrase (casefolded): value} from data/event_triggers.tsv."""
    table: dict[str, dict[str, str]] = {}
    for row in load_tsv("event_triggers.tsv"):
        table.setdefault(row["role"], {})[row["phrase"].casefold()] = row["value"]
    return table


# "#" in a phrase of the table stands for a number: "trừ # điểm" (deduct N points), "về # tội"
_NUMBER = "#"


@functools.cache
def _pattern(role: str) -> regex.Pattern[str]:
    """The phrases of one role as whole words, longest first ("tuyên phạt" before "phạt"). A
    trigger of the ``needs_term`` rows is one only with a term or an outcome right after it
    ("nhận 3 năm tù", "nhận án treo"; not "thừa nhận" = admit, "nhận hối lộ" = take bribes). An
    outcome gives way to a phrase reaching further from inside it ("án tử hình": "tử hình", not
    "án tử"; "án tử tù" = the sentence of a death-row inmate: no outcome)."""
    phrases = sorted(_table()[role], key=len, reverse=True)
    needs_term = _table().get("needs_term", {}) if role == "trigger" else {}
    body = "|".join(
        r"\ +".join(r"\d+" if word == _NUMBER else regex.escape(word) for word in p.split())
        + (_term_ahead() if p in needs_term else "")
        + (yield_to_longer(p, [*phrases, *_table()["not_outcome"]]) if role == "outcome" else "")
        for p in phrases
    )
    return regex.compile(rf"(?<![\p{{L}}])(?:{body})(?![\p{{L}}])", regex.IGNORECASE)


@functools.cache
def _first_words(role: str) -> regex.Pattern[str]:
    """Where a phrase of the role may start: its first words, with the same guard and flags as
    :func:`_pattern` (every match of the role starts with a match of this)."""
    firsts = sorted({p.split()[0] for p in _table()[role]}, key=len, reverse=True)
    body = "|".join(r"\d+" if word == _NUMBER else regex.escape(word) for word in firsts)
    return regex.compile(rf"(?<![\p{{L}}])(?:{body})", regex.IGNORECASE)


def phrases_in(role: str, text: Text, start: int, end: int) -> Iterator[regex.Match[str]]:
    """``_pattern(role).finditer(text.normalized, start, end)``, the same matches, faster: the
    role's long alternation is tried only where one of its first words stands, and those places
    are found once per Text (the events and their value lists read every clause; scanning the
    alternation at every position twice was 7 % of extract())."""
    starts = text.views.get("first_words:" + role)
    if starts is None:  # every position where a first word matches (overlapped: none skipped)
        found_all = _first_words(role).finditer(text.normalized, overlapped=True)
        starts = text.views["first_words:" + role] = [m.start() for m in found_all]
    s, match = text.normalized, _pattern(role).match
    k = bisect.bisect_left(starts, start)
    while k < len(starts) and starts[k] < end:
        found = match(s, starts[k], end)
        if found is None:
            k += 1
            continue
        yield found
        k = bisect.bisect_left(starts, found.end(), k + 1)


def _term_ahead() -> str:
    """What must follow a ``needs_term`` trigger: a number (its term, or a range's "từ" = from,
    "đến" = up to) or an outcome, behind "mức án" / "án" / "hình phạt" (the sentence, penalty of)."""
    outcomes = "|".join(r"\ +".join(regex.escape(w) for w in p.split()) for p in _table()["outcome"])
    # "lần lượt" (respectively) may open the list of terms: "bị tuyên lần lượt 20 năm và 18 năm tù"
    # so may "mỗi bị cáo" / "mỗi người" (each), "cùng" (both), "đều" (all alike)
    shared = r"(?:lần\ +lượt\ +|mỗi\ +(?:bị\ +cáo|người)\ +|cùng\ +|đều\ +)?"
    lead = shared + r"(?:mức\ +án\ +|mức\ +hình\ +phạt\ +|mức\ +|án\ +|hình\ +phạt\ +)?"
    bound = r"(?:(?:từ|lên\ +đến|đến|tới)\ +)?"  # grammar: the prepositions of a range
    # the one sentenced may stand between: "Tòa tuyên Nguyễn Văn A tử hình" (a name: capitalised
    # words, "bị cáo" = defendant before it)
    # … or several, listed: "Tòa tuyên A, B tử hình" (", " or "và" = and between them)
    name = r"(?-i:\p{Lu}\p{Ll}*(?:\ +\p{Lu}\p{Ll}*){0,4})"  # case kept
    named = rf"(?:(?:(?:các\ +)?bị\ +cáo\ +)?{name}(?:(?:\ *,\ *|\ +và\ +){name}){{0,5}}\ +)?"
    return rf"(?=\ +{named}{lead}{bound}(?:\d|(?:{outcomes})(?![\p{{L}}])))"


def _value(role: str, phrase: str) -> str:
    """The value of a phrase the role's pattern matched ("trừ 6 điểm" is the row "trừ # điểm")."""
    words = " ".join(phrase.casefold().split())
    return _table()[role].get(words) or _table()[role][regex.sub(r"\d+", _NUMBER, words)]
