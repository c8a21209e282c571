"""Years inside names: "ASEAN Cup 2026", "Miss World 2026", 'mang tên "Trúng 2004 Euro"', "lần V –
2027" — a year that ends the name of an event, competition, edition or work is part of the name,
not a date. The date atoms (:mod:`.date_atoms`) ask these checks before taking a bare year.
"""

from __future__ import annotations

from vnextract.lazy_regex import lazy_compile
from vnextract.recognizers.date_grammar import CUE_WORDS, load_table

#: Event heads ("giải vô địch", "hoa hậu", "triển lãm") and the words that end a name before a
#: year ("của", "tại", "năm" …), from data/dates_event_names.tsv.
EVENT_HEADS = frozenset(
    tuple(r["phrase"].split()) for r in load_table("dates_event_names.tsv") if r["role"] == "head"
)
_EVENT_HEAD_MAX = max(len(h) for h in EVENT_HEADS)
_NAME_STOPS = frozenset(r["phrase"] for r in load_table("dates_event_names.tsv") if r["role"] == "stop")
#: Heads that make a name only right before the year: "giải 2026" (the 2026 tournament)
_NEXT_HEADS = frozenset(r["phrase"] for r in load_table("dates_event_names.tsv") if r["role"] == "head_next")
#: Words that announce a name ("mang tên" = bearing the name): a year in the quoted name after
#: them is part of it ('mang tên "Trúng 2004 Euro"')
_NAME_CUES = frozenset(
    tuple(r["phrase"].split())
    for r in load_table("dates_event_names.tsv")
    if r["role"] in ("head", "name_cue")
)
_NAME_CUE_MAX = max(len(h) for h in _NAME_CUES)
#: "lần V", "lần thứ II", "lần thứ 24" (edition V …) right before a year: the edition's year
_EDITION_TAIL = lazy_compile(r"(?<![\p{L}])lần[^\S\n]+(?:thứ[^\S\n]+)?(?:[IVXLC]+|\d{1,3})[^\S\n]*$")
#: " – " between a name and its year: "… lần V – 2027"
_DASH_TAIL = lazy_compile(r"[^\S\n]+[-–—][^\S\n]*$")
_YEAR_WORD_TAIL = lazy_compile(r"(?<![\p{L}])năm[^\S\n]*$")  # "năm" (year) ending the window
#: an opening quote: the name in quotes starts after it
_OPEN_QUOTE = lazy_compile(r"""["“'‘][^"“”'‘’\n]*$""")
#: "SEA Games 1999, 2003": a year listed after a year of a name
_LISTED_AFTER_YEAR = lazy_compile(r"(?<![\p{N}])(\d{4})[^\S\n]*,[^\S\n]*$")
_NAME_WORDS_BACK = 10  # how far back an event head may stand ("Đại hội thể thao robot … 2026")
_CLAUSE_MARK = lazy_compile(r"""[.,;:!?\n"“”'‘’(\[|]""")
_BRACKETED_TAIL = lazy_compile(r"\([^()\n]{1,40}\)[^\S\n]*$")  # "… (Premier League) 2026-2027"


def year_in_name(text: str, start: int, *, of_range: bool = False) -> bool:
    """A bare year that ends the name of an event, competition or work, not a date:
    "ASEAN Cup 2026", "Miss World 2026", "Giải vô địch cầu lông thế giới 2026",
    "Ngoại hạng Anh (Premier League) 2026-2027" (the 2026 conventions of the shared guideline).

    The word before the year is capitalised (and is neither a cue word, "SN 1961", nor the
    first word of its clause, "Đến 2030", nor an abbreviation, "NSNN 2005"), or an event head
    stands a few words before it ("kỳ thi tốt nghiệp THPT 2026").

    >>> year_in_name("vào chung kết ASEAN Cup 2026", 25), year_in_name("Đến 2030, dự án", 4)
    (True, False)
    >>> year_in_name("tại giải cầu lông vô địch thế giới 2026", 35)
    True
    """
    window_start = max(0, start - 160)
    window = text[window_start:start].rstrip(" ")
    if edition_before(text, start):
        return True
    listed = _LISTED_AFTER_YEAR.search(window)
    if listed is not None:
        return year_in_name(text, window_start + listed.start(1))
    quoted = _OPEN_QUOTE.search(window)
    if quoted is not None and _names_after(window[: quoted.start()]):
        return True
    window = _DASH_TAIL.sub("", window)
    bracket = _BRACKETED_TAIL.search(window)
    if bracket is not None:
        window = window[: bracket.start()]
    marks = list(_CLAUSE_MARK.finditer(window))
    clause = window[marks[-1].end() :] if marks else window
    words = clause.split()
    if not words or not words[-1][:1].isalnum():
        return False
    last = words[-1]
    # an abbreviation in capitals names a thing as often as an event ("NSNN 2005": the 2005 state
    # budget, "GDP 2025"): it takes the event-head test below
    if last[:1].isupper() and not last.isupper() and len(words) > 1 and last.lower() not in CUE_WORDS:
        return True
    lowered = [w.lower() for w in words[-_NAME_WORDS_BACK:]]
    if lowered[-1] in _NEXT_HEADS and not of_range:  # "giải 2000 - 2001" is the season
        return True
    return _head_in(lowered)


def event_head_before(text: str, start: int) -> bool:
    """An event head ("lễ hội", "giải vô địch", "marathon") stands a few words before ``start`` in
    its clause, with no word between that ends a name ("tại", "của" …): what stands at ``start``
    is inside the event's name.

    >>> event_head_before("Lễ hội Sầu riêng Đắk Lắk 2026", 17), event_head_before("Lễ hội tại Đắk Lắk", 11)
    (True, False)
    """
    window = text[max(0, start - 160) : start]
    marks = list(_CLAUSE_MARK.finditer(window))
    clause = window[marks[-1].end() :] if marks else window
    return _head_in([w.lower() for w in clause.split()[-_NAME_WORDS_BACK:]])


def _head_in(lowered: list[str]) -> bool:
    """Reading back from the last word: an event head comes before a word that ends a name."""
    for i in range(len(lowered) - 1, -1, -1):
        if any(tuple(lowered[i : i + n]) in EVENT_HEADS for n in range(1, _EVENT_HEAD_MAX + 1)):
            return True
        if lowered[i] in _NAME_STOPS:
            return False
    return False


def edition_before(text: str, start: int) -> bool:
    """Rule *edition year*: "lần V – 2027", "lần thứ II năm 2026" (the second edition, 2026) —
    the year of an edition belongs to the event's name.

    >>> edition_before("Festival Thăng Long lần thứ II năm 2026", 35)
    True
    """
    window = text[max(0, start - 40) : start]
    window = _YEAR_WORD_TAIL.sub("", _DASH_TAIL.sub("", window.rstrip(" ")))
    return _EDITION_TAIL.search(window.rstrip(" ")) is not None


def _names_after(before: str) -> bool:
    """The words before an opening quote announce a name: 'mang tên "…', 'cuộc thi "…'."""
    words = tuple(w.lower() for w in before.split()[-_NAME_CUE_MAX:])
    return any(words[-n:] in _NAME_CUES for n in range(1, min(len(words), _NAME_CUE_MAX) + 1))


#: News bulletins named by their hour ("Xem nhanh 20h", "Bản tin 17h"), from data/dates_event_names.tsv
_BULLETINS = frozenset(
    tuple(r["phrase"].split()) for r in load_table("dates_event_names.tsv") if r["role"] == "bulletin"
)
_BULLETIN_MAX = max(len(b) for b in _BULLETINS)


def bulletin_hour(text: str, start: int) -> bool:
    """Rule *bulletin hour*: a clock right after a bulletin's name is part of that name, not a
    time of the date after it ("Xem nhanh 20h ngày 22.8": the 8 pm bulletin of 22 August).

    >>> bulletin_hour("Xem nhanh 20h ngày 22.8", 10), bulletin_hour("Lúc 20h ngày 22.8", 4)
    (True, False)
    """
    words = tuple(w.lower() for w in text[max(0, start - 40) : start].split()[-_BULLETIN_MAX:])
    return any(words[-n:] in _BULLETINS for n in range(1, min(len(words), _BULLETIN_MAX) + 1))


_LINE_HEAD_WORDS = 6  # a bulletin's name and its topic before the day: "Tin tức thế giới 21-8:"
_LABEL_END = lazy_compile(r"[^\S\n]*:")


def bulletin_day(text: str, start: int, end: int) -> bool:
    """Rule *bulletin day*: a bare day heading a bulletin, at the start of its line and closed by a
    colon, is a date: "Đọc nhanh 18-8: Giá dầu …", "Tin tức thế giới 21-8: Mỹ …" (a score
    "Arsenal thắng 3-1: …" has no bulletin's name before it).

    >>> bulletin_day("Đọc nhanh 18-8: Giá dầu vọt lên", 10, 14)
    True
    >>> bulletin_day("Arsenal thắng 3-1: chiến thắng", 14, 17)
    False
    """
    if _LABEL_END.match(text, end) is None:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    words = tuple(w.lower() for w in text[line_start:start].split())
    if len(words) > _LINE_HEAD_WORDS:
        return False
    return any(words[:n] in _BULLETINS for n in range(1, min(len(words), _BULLETIN_MAX) + 1))
