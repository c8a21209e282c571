"""Who receives an event, for the events linker: the party before a verb (a name, an
organisation, a short noun phrase such as "tài xế" = driver), the subject of a joined or elided
predicate, a counted group of defendants, "đối với" (towards) a party, and when a fine without an
amount stands alone."""

from __future__ import annotations

import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon.words import alternation
from vnextract.linking.event_spans import _entities, _last_comma, _phrase
from vnextract.linking.event_table import _pattern, _table
from vnextract.mentions import Mentions
from vnextract.records import Duration, Party, Phrase

# "đối với" (towards) the target, after the value: "cấm giao dịch 18 tháng đối với ông A"
_TOWARD = lazy_compile(r"[\ ,]*(?:đối\ +với|với)(?![\p{L}])", regex.I)


# a role word before a name: "bị cáo" (defendant), "bị can" (accused), "ông" (Mr) …
# (lower-case words: names are capitalised): "đối với cầu thủ Phan Văn Tú" (towards player …)
# "đối với 3 ông bà: A, B, C" (towards 3 gentlemen and ladies: …)
_ROLE_BEFORE_NAME = lazy_compile(r"[\ ,:]*(?:[\p{Ll}\d]+[\ :]+){0,3}")


# a target named by a bare noun phrase ("tài xế" = driver) has at most this many words
_GROUP_WORDS = 6


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


# "là" (is) naming who a description is, and "của" (of) owning the description (grammar: the
# copula and the possessive preposition)
_NAMED_AS = lazy_compile(r"(?<![\p{L}])là(?![\p{L}])", regex.I)
_OF = lazy_compile(r"(?<![\p{L}])của(?![\p{L}])", regex.I)


def _party_before(norm: str, found: Mentions, start: int, end: int) -> Party | None:
    """Who stands in [start, end): the first entity after its last comma outside parentheses or
    after "gồm" (including: "Hai bị cáo của A gồm B và C cùng bị phạt"), else the first of all,
    or a short noun phrase ("tài xế")."""
    entities = _entities(norm, found, start, end)
    if entities:
        including = [m.end() for m in _INCLUDING.finditer(norm, start, end)]
        # rule ``named_as_after_possessor``: "Em trai của A là B bị tuyên phạt …" (A's younger
        # brother, B, is sentenced): after "của … là" (of … is) the one named is who
        named_as = [m.end() for m in _NAMED_AS.finditer(norm, start, end)
                    if _OF.search(norm, start, m.start())
                    and any(e.kind == "person" and e.start >= m.end() for e in entities)]  # fmt: skip
        comma = max([_last_comma(norm, start, end), *including, *named_as])
        after = [e for e in entities if e.start > comma]
        return after[0] if after else entities[0]
    group, whoever = _group(norm, start, end), _whoever(norm, start, end)
    if whoever is not None and (group is None or group.start != whoever.start):
        return whoever  # the deed described after "Người nào" is long or has commas in it
    return group


# the subject of a law's article: "Người nào" (whoever), after the item's number ("1. Người nào
# …") (grammar: the law's indefinite pronoun)
_WHOEVER = lazy_compile(r"[\s\d.]*(?P<who>người\ +nào)(?![\p{L}])", regex.I)


def _whoever(norm: str, start: int, end: int) -> Party | None:
    """Rule ``whoever_of_the_law``: "Người nào …" (whoever …) opening a law's article quoted in
    the text is who its penalty is for, however long the deed described after it: "Người nào tàng
    trữ trái phép chất ma túy thì bị phạt tù từ 1 năm đến 5 năm"."""
    who = _WHOEVER.match(norm, start, end)
    if who is None:
        return None
    return Party(text=who.group("who"), start=who.start("who"), end=who.end("who"), kind="group")


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


# "Đối với" (as for, towards) fronted at the clause's start, "riêng" (as for … alone) before it:
# "Đối với bị cáo A, HĐXX tuyên phạt 12 năm tù" (grammar: the prepositions)
_FRONTED_TOWARD = lazy_compile(r"\s*(?:riêng\ +)?đối\ +với\ +", regex.I)


def _fronted_toward(norm: str, found: Mentions, start: int, trigger_at: int) -> tuple[Party, int] | None:
    """Rule ``fronted_toward``: the one named by "Đối với …" opening a clause, up to its comma,
    before the trigger ("Đối với bị cáo A, HĐXX tuyên phạt mức án tử hình" = as for defendant A,
    the panel sentences death): that party and where the rest of the clause begins (after the
    comma). None when the clause does not open so or its opening names no one (one person or
    organisation, a role word before it: "bị cáo", "ông")."""
    cue = _FRONTED_TOWARD.match(norm, start, trigger_at)
    comma = norm.find(",", cue.end(), trigger_at) if cue is not None else -1
    if cue is None or comma < 0:
        return None
    named = [e for e in _entities(norm, found, cue.end(), comma) if e.kind in ("person", "organization")]
    if len(named) != 1 or not _ROLE_BEFORE_NAME.fullmatch(norm, cue.end(), named[0].start):
        return None
    if norm[named[0].end : comma].strip(" )").split("(")[0].strip():
        return None  # more words after the name than an aside in brackets: not a bare party
    return named[0], comma + 1
