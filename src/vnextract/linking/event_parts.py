"""The parts of an event's clause, for the events linker: the trigger table
(``data/event_triggers.tsv``), clauses, trimmed phrases, the persons and organisations of a span,
who stands before a verb, the status, the reason and the term."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import TypeVar

import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon import key, load_tsv, org_heads
from vnextract.lexicon.words import alternation, yield_to_longer
from vnextract.mentions import Mentions
from vnextract.records import (
    Duration,
    Money,
    Party,
    Phrase,
    Span,
)
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
# "đối với" (towards) the target, after the value: "cấm giao dịch 18 tháng đối với ông A"
_TOWARD = lazy_compile(r"[\ ,]*(?:đối\ +với|với)(?![\p{L}])", regex.I)
# a role word before a name: "bị cáo" (defendant), "bị can" (accused), "ông" (Mr) …
# (lower-case words: names are capitalised): "đối với cầu thủ Phan Văn Tú" (towards player …)
# "đối với 3 ông bà: A, B, C" (towards 3 gentlemen and ladies: …)
_ROLE_BEFORE_NAME = lazy_compile(r"[\ ,:]*(?:[\p{Ll}\d]+[\ :]+){0,3}")
# what may stand between a sentence word and the outcome it states: "tuyên án tử hình", "phạt 3
# án tù chung thân" (three life sentences), "tuyên phạt mức án tử hình", "mức án cao nhất là tử
# hình" (the highest sentence, death)
_OUTCOME_LEAD = lazy_compile(
    r"\ *(?:\d+\ +)?(?:mức\ +)?(?:án\ +|hình\ +phạt\ +)?(?:cao\ +nhất\ *(?:là\ +|[:\-–]\ *)?)?", regex.I
)
# a sum of several defendants' terms: "tổng cộng" (in total), "tổng mức án" (the total sentence),
# "và đồng phạm" (and accomplices: "tuyên phạt A và đồng phạm 38 năm tù")
_TOTAL = lazy_compile(
    r"(?<![\p{L}])(?:tổng\ +cộng|tổng\ +mức\ +án|tổng\ +số|và\ +(?:các\ +)?đồng\ +phạm)\ +$", regex.I
)
# how far after a term its outcome may stand: "3 năm tù nhưng cho hưởng án treo" (characters)
_OUTCOME_REACH = 30
# a target named by a bare noun phrase ("tài xế" = driver) has at most this many words
_GROUP_WORDS = 6
# what may close a phrase: "(Lazada)", "50%", a quoted charge: về tội “Giết người”
_CLOSERS = frozenset(')%”"»’')
_CLAUSE_END = lazy_compile(r"[;\n]")
# "bị" (passive) and "được" (passive, good things); not "bị cáo"/"bị can" (defendant, accused)
# (grammar: the passive markers and the three nouns they start)
# nor a "được" closing a phrase ("nhắc nhở không được," = reminding did not work)
_PASSIVE = lazy_compile(
    r"(?<![\p{L}])(?:bị|được)(?!\ +(?:cáo|can|hại)(?![\p{L}]))(?![\p{L}])(?!\ *[,.;:])", regex.I
)
# words opening the noun phrase of a target that are not part of it ("đã" = already, "cũng" = also,
# "chỉ" = only; word_classes.tsv "target_hedge")
_HEDGES = lazy_compile(rf"^(?:(?:{alternation('target_hedge')})(?:\ +|$))+", regex.I)
# ... and closing it before "bị" ("tài xế có thể bị phạt": the driver may be fined) or before an
# outcome ("tuyên phạt vị luật sư này mức án chung thân"; "target_trailing_hedge")
_TRAILING_HEDGES = lazy_compile(rf"(?:\ +(?:{alternation('target_trailing_hedge')}))+$", regex.I)


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
    lead = r"(?:mức\ +án\ +|mức\ +hình\ +phạt\ +|mức\ +|án\ +|hình\ +phạt\ +)?"
    bound = r"(?:(?:từ|lên\ +đến|đến|tới)\ +)?"  # grammar: the prepositions of a range
    # the one sentenced may stand between: "Tòa tuyên Nguyễn Văn A tử hình" (a name: capitalised
    # words, "bị cáo" = defendant before it)
    named = r"(?:(?:bị\ +cáo\ +)?(?-i:\p{Lu}\p{Ll}*(?:\ +\p{Lu}\p{Ll}*){0,4})\ +)?"  # case kept
    return rf"(?=\ +{named}{lead}{bound}(?:\d|(?:{outcomes})(?![\p{{L}}])))"


def _value(role: str, phrase: str) -> str:
    """The value of a phrase the role's pattern matched ("trừ 6 điểm" is the row "trừ # điểm")."""
    words = " ".join(phrase.casefold().split())
    return _table()[role].get(words) or _table()[role][regex.sub(r"\d+", _NUMBER, words)]


def _outcome_trigger(norm: str, outcome: regex.Match[str] | None, kind: str) -> Phrase | None:
    """The trigger of an outcome kind: its outcome word ("tử hình" = death, "tù chung thân" =
    life, "án treo" = suspended), the words that state the sanction, not the sentencing verb
    ("tuyên phạt A tử hình"); None for other kinds (the verb states them)."""
    if outcome is None or kind not in _OUTCOMES:
        return None
    return _phrase(norm, outcome.start(), outcome.end())


def _clauses(text: Text) -> Iterator[tuple[int, int]]:
    """(start, end) of every clause: each sentence cut at ";" and line ends."""
    norm = text.normalized
    for sentence in text.sentences:
        start = sentence.start
        for stop in _CLAUSE_END.finditer(norm, sentence.start, sentence.end):
            if stop.start() > start:
                yield start, stop.start()
            start = stop.end()
        if sentence.end > start:
            yield start, sentence.end


def _phrase(norm: str, start: int, end: int) -> Phrase | None:
    """The span [start, end) trimmed of spaces and punctuation at its edges, or None if empty."""
    while start < end and not (norm[start].isalnum()):
        start += 1
    while end > start and not (norm[end - 1].isalnum() or norm[end - 1] in _CLOSERS):
        end -= 1
    return Phrase(text=norm[start:end], start=start, end=end) if end > start else None


_R = TypeVar("_R", bound=Span)


def _inside(records: Sequence[_R], start: int, end: int) -> list[_R]:
    return [r for r in records if start <= r.start and r.end <= end]


def _entities(norm: str, found: Mentions, start: int, end: int) -> list[Party]:
    """Persons (by any mention of them: "ông Liêm") and organisations in [start, end), in order."""
    parties = [
        Party(text=o.text, start=o.start, end=o.end, kind="organization", name=o.name)
        for o in found.organizations
        if start <= o.start and o.end <= end
    ]
    for person in found.persons:
        for m_start, m_end in person.mentions or ((person.start, person.end),):
            if start <= m_start and m_end <= end:
                parties.append(
                    Party(text=norm[m_start:m_end], start=m_start, end=m_end, kind="person", name=person.name)
                )
    parties += _two_word_mentions(norm, found, start, end)
    return sorted(parties, key=lambda p: (p.start, p.end))


def _two_word_mentions(norm: str, found: Mentions, start: int, end: int) -> list[Party]:
    """A person named by the last two words of their name ("Trường Sơn" for "Vũ Trường Sơn",
    "Văn Sơn" for "Nguyễn Văn Sơn"), when no other person of the text ends so: lists of
    defendants use them to tell apart those who share a given name ("Phú, Trường Sơn, Nhật Sơn
    mỗi bị cáo 3 năm"). The persons linker links one given name alone ("Sơn"), not these."""
    tails: dict[str, list[str]] = {}
    for person in found.persons:
        words = person.name.split()
        if len(words) >= 3:
            tails.setdefault(" ".join(words[-2:]), []).append(person.name)
    taken = [(m_start, m_end) for p in found.persons for m_start, m_end in p.mentions or ((p.start, p.end),)]
    out = []
    for tail, names in tails.items():
        if len(set(names)) != 1:
            continue  # two persons end so: the words name neither
        for at, stop in _whole_word_occurrences(norm, tail, start, end):
            if not any(m_start < stop and at < m_end for m_start, m_end in taken):
                out.append(Party(text=tail, start=at, end=stop, kind="person", name=names[0]))
    return out


def _whole_word_occurrences(norm: str, words: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each occurrence of ``words`` in ``norm[start:end]`` with no letter just
    before or after it inside that stretch, left to right, not overlapping. A plain search, not a
    pattern built per name: compiling one per person and call was ~1 % of extract()'s time.

    >>> _whole_word_occurrences("Trường Sơn, Nhật Sơn và Sơnla", "Sơn", 0, 29)
    [(7, 10), (17, 20)]
    """
    out: list[tuple[int, int]] = []
    at = norm.find(words, start, end)
    while at >= 0:
        stop = at + len(words)
        if (at == start or not norm[at - 1].isalpha()) and (stop == end or not norm[stop].isalpha()):
            out.append((at, stop))  # str.isalpha is \p{L}: the letter categories Lu Ll Lt Lm Lo
            at = norm.find(words, stop, end)
        else:
            at = norm.find(words, at + 1, end)
    return out


def _group(norm: str, start: int, end: int) -> Party | None:
    """A short noun phrase in [start, end) after its last comma, without hedges ("có thể")."""
    comma = norm.rfind(",", start, end)
    phrase = _phrase(norm, comma + 1 if comma >= 0 else start, end)
    if phrase is None:
        return None
    hedge = _HEDGES.match(phrase.text)
    if hedge:
        phrase = _phrase(norm, phrase.start + hedge.end(), phrase.end)
    trailing = _TRAILING_HEDGES.search(phrase.text) if phrase else None
    if phrase is not None and trailing is not None:
        phrase = _phrase(norm, phrase.start, phrase.start + trailing.start())
    if phrase is None or len(phrase.text.split()) > _GROUP_WORDS:
        return None
    if phrase.text.split()[0].casefold() in _table()["not_a_party"]:
        return None  # "trong 3 tháng" (for 3 months), "sau khi …" (after …): no one
    return Party(text=phrase.text, start=phrase.start, end=phrase.end, kind="group")


def _last_comma(norm: str, start: int, end: int) -> int:
    """The last comma in [start, end) outside parentheses ("A (30 tuổi, trú Hà Nội)"), or -1."""
    depth = 0
    for at in range(end - 1, start - 1, -1):
        char = norm[at]
        if char == ")":
            depth += 1
        elif char == "(":
            depth = max(0, depth - 1)
        elif char == "," and depth == 0:
            return at
    return -1


def _names_an_authority(phrase: str) -> bool:
    """Whether a bare phrase opens with an organisation head ("Tòa án", "Cơ quan …") or an
    authority of the table ("HĐXX", "Chủ tịch nước"): not "Theo đó mức" (accordingly, the level)."""
    words = key(phrase[:1].upper() + phrase[1:])
    heads = org_heads()
    authorities = _table()["authority"]
    openings = (words[:n] for n in range(1, min(4, len(words)) + 1))
    return any(opening in heads or " ".join(opening).casefold() in authorities for opening in openings)


def _no_authority(party: Party) -> bool:
    """Rule ``party_is_no_authority``: the ``not_an_authority`` rows of the table ("Đảng" = the
    Party as a whole, where one is expelled from or disciplined in) decide nothing: "Ban thường vụ
    tỉnh ủy ra quyết định cảnh cáo về mặt Đảng và đề nghị cách chức …" is the standing committee's."""
    return " ".join(party.text.casefold().split()) in _table()["not_an_authority"]


def _party_before(norm: str, found: Mentions, start: int, end: int) -> Party | None:
    """Who stands in [start, end): the first entity after its last comma outside parentheses or
    after "gồm" (including: "Hai bị cáo của A gồm B và C cùng bị phạt"), else the first of all,
    or a short noun phrase ("tài xế")."""
    entities = _entities(norm, found, start, end)
    if entities:
        including = [m.end() for m in _INCLUDING.finditer(norm, start, end)]
        comma = max([_last_comma(norm, start, end), *including])
        after = [e for e in entities if e.start > comma]
        return after[0] if after else entities[0]
    return _group(norm, start, end)


# "và" (and) joining two predicates: "A (1982, trú tại X) bị phạt 58 tháng tù và B (1984) bị phạt 30
# tháng tù" (grammar: the conjunction)
_AND = lazy_compile(r"(?<![\p{L}])và(?![\p{L}])", regex.I)


def _joined_subject_start(norm: str, start: int, passive_at: int) -> int:
    """Rule ``joined_passive``: where the subject of a passive joined by "và" to an earlier
    sanction stands: after the "và" that follows that sanction's trigger ("A bị phạt 58 tháng tù
    và B bị phạt 30 tháng tù": B's passive is B's, not A's), else ``start``."""
    earlier = None
    for earlier in _pattern("trigger").finditer(norm, start, passive_at):  # noqa: B007 - the last one
        pass
    if earlier is None:
        return start
    # the "và" right after the earlier sanction, no comma between ("tuyên phạt A 5 năm tù, B và C
    # bị phạt 3 năm tù": B and C, a list after a comma, share the passive)
    joined = _AND.search(norm, earlier.end(), passive_at)
    if joined is None or _last_comma(norm, earlier.end(), joined.start()) >= 0:
        return start
    return joined.end()


def _elided_subject(norm: str, start: int, subject: Party, comma: int) -> bool:
    """Rule ``elided_subject``: a verb of receiving after a comma with no subject of its own has the
    clause's: "Theo đó, A (sinh 1985, trú tại X) là người trực tiếp đâm anh B, nhận án 5 năm tù"
    (A, born …, is the one who stabbed B, receives 5 years) — a person opening the clause (after
    an opening part and a comma, at most two words before it: "bị cáo A"), no sanction between."""
    if subject.kind != "person":
        return False
    opening = max(start, _last_comma(norm, start, subject.start) + 1)
    if len(norm[opening : subject.start].split()) > 2:
        return False
    return _pattern("trigger").search(norm, subject.end, comma) is None


# a counted group of defendants opening a clause: "Mười bị cáo còn lại" (the ten remaining
# defendants), "Các bị cáo khác" (the other defendants), "Ba đồng phạm" (three accomplices)
_SPACES = r"\ +"
_COUNTED_PARTIES = lazy_compile(
    rf"""\s*(?P<group>(?:các|những|{alternation("group_count", _SPACES)}|\d+)\ +
        (?:{alternation("party_word", _SPACES)})(?:\ +(?:còn\ +lại|khác))?)(?![\p{{L}}])""",
    regex.I | regex.VERBOSE,
)


def _counted_opening(norm: str, start: int, trigger_at: int) -> Party | None:
    """Rule ``counted_defendants_opening``: a counted group of defendants opening the clause of a
    verb of receiving, with a description between ("Mười bị cáo còn lại nguyên là thuyền trưởng,
    thuyền phó các tàu … lãnh 7-8 năm tù" = the ten remaining, formerly captains and mates of the
    ships of …, get 7-8 years), is who receives it, when no sanction stands between."""
    opening = _COUNTED_PARTIES.match(norm, start, trigger_at)
    if opening is None or _pattern("trigger").search(norm, opening.end(), trigger_at):
        return None
    group = _phrase(norm, opening.start("group"), opening.end("group"))
    return None if group is None else Party(text=group.text, start=group.start, end=group.end, kind="group")


# "gồm" (including), "bao gồm": the names of a group follow
_INCLUDING = lazy_compile(r"(?<![\p{L}])(?:bao\ +)?gồm(?![\p{L}])\ *:?", regex.I)


def _status(norm: str, start: int, trigger: Phrase, money: Money | None, term: Duration | None) -> str:
    """ "possible" after "có thể" (may), "sẽ bị" …, or for a range: the law's bracket."""
    ranged = (money and money.amount_to is not None) or (term and term.value_to is not None)
    cues = [_value("status", m.group()) for m in _pattern("status").finditer(norm, start, trigger.start)]
    bracket = " ".join(trigger.text.casefold().split()) in _table()["status"]  # "khung hình phạt"
    if ranged or bracket or "possible" in cues:  # "theo đề nghị" (at the proposal of) is no cue: value "none"
        return "possible"
    return "imposed"


# what opens a new predicate after a sentence's value: "bị" / "được" (passive: another acts),
# "nhưng" (but) (grammar: the passive markers and the conjunction); not a comma ("đề nghị phạt A
# 5 năm tù, phạt bổ sung …" is one demand)
_NEW_PREDICATE = lazy_compile(r"(?<![\p{L}])(?:bị|được|nhưng)(?![\p{L}])", regex.I)


def _status_start(norm: str, found: Mentions, start: int, trigger: Phrase) -> int:
    """Where the status cues of ``trigger`` may begin (rule ``cue_of_the_earlier_sentence``):
    after the value of an earlier trigger of its clause when a new predicate ("bị", "được",
    "nhưng") follows that value: "Ba bị cáo trước đó bị VKS đề nghị tử hình đã được HĐXX xem xét,
    chỉ xử phạt mức án chung thân" (earlier demanded death, then given life: the life sentence is
    imposed); not "đề nghị phạt A 5 năm tù và phạt bổ sung 20 triệu đồng" (one demand)."""
    values = [m.end() for m in _pattern("outcome").finditer(norm, start, trigger.start)]
    values += [r.end for r in (*found.durations, *found.fines) if start <= r.start and r.end <= trigger.start]
    if not values:
        return start
    value_end = max(values)
    earlier = _pattern("trigger").search(norm, start, value_end)
    if earlier is None or not _NEW_PREDICATE.search(norm, value_end, trigger.start):
        return start
    return value_end


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


# "tù" (prison) as a word, in a term or right after it
_PRISON_WORD = lazy_compile(r"(?<![\p{L}])tù(?![\p{L}])")
_PRISON_AFTER = lazy_compile(r"\ *tù(?![\p{L}])")


def _is_prison_term(norm: str, duration: Duration, end: int | None = None) -> bool:
    """ "18 năm tù" (the recogniser keeps "tù" = prison in the span) or "18 năm tù giam"; the word
    after the term is looked for before ``end`` (a clause's end) when given."""
    limit = duration.end + 4 if end is None else min(end, duration.end + 4)
    word_after = _PRISON_AFTER.match(norm[duration.end : limit]) is not None
    return word_after or _PRISON_WORD.search(duration.text) is not None


# what may stand between a sentence word and its term: "phạt tù đến 7 năm" (up to 7 years)
# or "mức án" (the sentence of: "bị tuyên phạt mức án 20 năm")
_BRACKET_WORDS = lazy_compile(r"\ *(?:(?:lên\ +)?(?:đến|tới)\ +|mức\ +(?:án\ +)?)?", regex.I)


def _term_of_measure(norm: str, found: Mentions, trigger: Phrase, end: int) -> Duration | None:
    """The term of a suspension or a ban, close after its trigger: a Duration ("đình chỉ thi đấu
    6 tháng") or a count of matches ("treo giò 3 trận", kept as a Duration with no ISO value)."""
    reach = min(end, trigger.end + _TERM_REACH)
    durations = _inside(found.durations, trigger.end, reach)
    matches = [
        Duration(text=c.text, start=c.start, end=c.end, value=Decimal(c.value), unit=c.unit)
        for c in _inside(found.counts, trigger.end, reach)
        if c.unit == "trận"  # trận = match (a game)
    ]
    found_terms = sorted([*durations, *matches], key=lambda d: d.start)
    return found_terms[0] if found_terms else None


def _is_total(norm: str, start: int, duration: Duration) -> bool:
    """Whether a term after ``start`` is a sum of several defendants' terms: "tổng cộng 15 năm tù"."""
    return _TOTAL.search(norm, max(start, duration.start - 20), duration.start) is not None


def _right_after(norm: str, trigger: Phrase, duration: Duration) -> bool:
    """A term right after a sentence word is its term, "tù" (prison) or not: "lãnh án 13 năm",
    "bị phạt tù từ 2 đến 7 năm"."""
    return _BRACKET_WORDS.fullmatch(norm, trigger.end, duration.start) is not None


# from a defendant's name to the bare term a sentence word gives them: "tuyên phạt Sơn 4 năm",
# "A (30 tuổi) mức án 6 năm", "A, B mỗi bị cáo 3 năm" (each) (grammar: distributives and the
# sentence's nouns)
_NAME_TO_TERM = lazy_compile(
    r"""(?:\ *\([^()]{0,60}\))?[\ ,]*(?:(?:cùng|đều|mỗi\ +(?:bị\ +cáo|người))\ +)?
        (?:(?:mức\ +án|mức|án)\ +)?""",
    regex.I | regex.VERBOSE,
)


def _after_named(norm: str, found: Mentions, trigger: Phrase, value: Duration | regex.Match[str]) -> bool:
    """A bare term right after the persons a sentence word names is their term: "HĐXX tuyên phạt
    Sơn 4 năm, Tiến 3 năm" (no "tù" = prison said), not a term further on in the clause; so is an
    outcome after the persons a fine word names ("xử phạt A án chung thân")."""
    start = value.start if isinstance(value, Duration) else value.start()
    people = [p for p in _entities(norm, found, trigger.end, start) if p.kind == "person"]
    return (
        bool(people)
        and _ROLE_BEFORE_NAME.fullmatch(norm, trigger.end, people[0].start) is not None
        and _NAME_TO_TERM.fullmatch(norm, people[-1].end, start) is not None
    )


def _toward(norm: str, found: Mentions, start: int, end: int, *, anywhere: bool = False) -> Party | None:
    """ "… 18 tháng đối với ông Trần Văn Nam" (towards): the person or organisation named after
    "đối với" right after the event's value (``anywhere``: the first "đối với" in [start, end))."""
    cue = (_TOWARD.search if anywhere else _TOWARD.match)(norm, start, end)
    if cue is None:
        return None
    named = _entities(norm, found, cue.end(), end)
    return named[0] if named and _ROLE_BEFORE_NAME.fullmatch(norm, cue.end(), named[0].start) else None


def _stands_alone(passive: bool, target: Party | None, authority: Party | None) -> bool:
    """Whether a fine stated without its amount is an event: "Công ty X bị xử phạt" (passive,
    someone fined), "Sở Y tế xử phạt Công ty X" (a named authority fines a named target), not
    "mức xử phạt" (the level of fines) nor "quyết định xử phạt số 12" (a decision's number)."""
    if target is None:
        return False
    named = ("person", "organization")
    # a named authority fines a named target, or the cases it counts ("phạt nguội 280.000 trường hợp")
    return passive or (authority is not None and authority.kind in named and target.kind in (*named, "count"))


def _opening_authority(norm: str, start: int, end: int) -> Party | None:
    """A court word or an authority of the table opening [start, end): "HĐXX bác đề nghị …"."""
    words = sorted({*_table()["court_word"], *_table()["authority"]}, key=len, reverse=True)
    at = _after_spaces(norm, start)
    for phrase in words:
        stop = at + len(phrase)
        if stop <= end and norm[at:stop].casefold() == phrase and not norm[stop : stop + 1].isalpha():
            return Party(text=norm[at:stop], start=at, end=stop, kind="group")
    return None


# a counted group: "hai thanh niên" (two young men), "3 bị cáo"
_COUNTED = lazy_compile(r"(?:" + alternation("group_count", r"\ +") + r"|\d+)\ ", regex.I)
# a bound of a range before a term: "từ" (from), "đến" / "tới" (to) (grammar: the prepositions of a range)
_RANGE_BOUND = lazy_compile(r"(?<![\p{L}])(?:từ|đến|tới)\ +$", regex.I)
# the rest of a list of sentences: "còn lại" (remaining), "khác" (other)
_REST = lazy_compile(r"(?<![\p{L}])(?:còn\ +lại|khác)(?![\p{L}])", regex.I)
# each, both, all: "cùng" (together), "mỗi" (each), "đều" (all alike), "cả" (all) (grammar:
# the quantifiers of a shared predicate)
_EACH = lazy_compile(r"(?<![\p{L}])(?:cùng|mỗi|đều|cả)(?![\p{L}])", regex.I)


def _is_their_total(norm: str, target: Party, trigger: Phrase, term: Duration | None) -> bool:
    """Rule ``counted_group_total``: one term a counted group receives, not a range and not said
    of each ("cùng", "mỗi", "đều", "cả"), is the sum of their sentences: "Hai người nước ngoài
    lãnh 31 năm" (two foreigners get 31 years: 16 and 15), not "Ba bị cáo cùng lĩnh 3 năm tù"
    nor the rest of a list ("hai đồng phạm còn lại" = the two remaining accomplices)."""
    if target.kind != "group" or term is None or term.value_to is not None:
        return False
    if _RANGE_BOUND.search(norm, max(0, term.start - 10), term.start):
        return False  # "từ 15 tháng đến 10 năm tù": a range read as two terms
    if not _COUNTED.match(target.text) or _REST.search(target.text):
        return False  # "hai đồng phạm còn lại nhận mức án 2 năm" (the two remaining): each theirs
    return _EACH.search(norm, target.start, trigger.start) is None


def _after_spaces(norm: str, at: int) -> int:
    """The first offset from ``at`` that is not a space."""
    while at < len(norm) and norm[at] == " ":
        at += 1
    return at
