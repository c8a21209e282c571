"""Recogniser: abbreviations and what they stand for.

Three sources, in this order of trust:

1. definitions in the text: "Thông tin và Truyền thông (TTTT)" (the initials of the words before
   the parenthesis spell the short form), "(viết tắt là …)", "(gọi tắt là …)", "(sau đây gọi là …)";
2. province initials the document itself resolves: "tỉnh BD" → Bình Dương when the document
   names Bình Dương (provinces from the entities recogniser's ``data/places_vn.tsv``);
3. common abbreviations of Vietnamese news (``data/abbreviations.tsv``: UBND, HĐND, CNTT …).

One Abbreviation per distinct short form: its span is the short form inside the definition when
the text defines it, else its first occurrence.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator
from types import MappingProxyType

import regex

from vnextract import lexicon
from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon import load_tsv, word_class
from vnextract.lexicon.words import alternation
from vnextract.records import Abbreviation
from vnextract.text import Text


@functools.cache
def common() -> MappingProxyType[str, str]:
    """The data file's abbreviations: common()["UBND"] == "Ủy ban nhân dân"."""
    table: dict[str, str] = {}
    for row in load_tsv("abbreviations.tsv"):
        table.setdefault(row["short"], row["long"])  # first reading wins for a repeated short form
    return MappingProxyType(table)


def _boundary(alternation: str) -> regex.Pattern[str]:
    return regex.compile(
        rf"(?<![\p{{L}}\p{{N}}&])(?:{alternation})(?![\p{{L}}\p{{N}}]|[.&\-][\p{{L}}\p{{N}}])"
    )


@functools.cache
def _common_pattern() -> regex.Pattern[str]:
    shorts = sorted(common(), key=lambda w: (-len(w), w))
    return _boundary("|".join(regex.escape(w).replace(r"\ ", r"\s") for w in shorts))


def _initials(name: str) -> list[str]:
    """"Bà Rịa - Vũng Tàu" → ["BRVT", "BR-VT"]; "Bình Dương" → ["BD"]."""
    parts = [p.split() for p in regex.split(r"\s+-\s+", name)]
    joined = ["".join(w[0] for w in part).upper() for part in parts]
    out = ["".join(joined)]
    if len(joined) > 1:
        out.append("-".join(joined))
    return out


@functools.cache
def _provinces() -> MappingProxyType[str, tuple[str, ...]]:
    """Province initials → province names ("ĐN" → Đà Nẵng, Đồng Nai)."""
    table: dict[str, set[str]] = {}
    for row in load_tsv("places_vn.tsv"):
        if row.get("kind") in ("tỉnh", "thành phố") and not row.get("province"):
            for short in _initials(row["name"]):
                if len(short.replace("-", "")) >= 2:
                    table.setdefault(short, set()).add(row["name"])
    return MappingProxyType({k: tuple(sorted(v)) for k, v in table.items()})


# An abbreviation-like token: at least two capitals, digits, "&", "-" or "." inside ("GD&ĐT",
# "BR-VT", "TP.HCM"), one lowercase letter allowed after a capital ("ThS").
_SHORT = lazy_compile(
    r"""(?=(?:\P{Ll}*\p{Lu}){2})          # two capitals somewhere
        [\p{Lu}\p{N}]
        (?:[\p{Lu}\p{N}&]
          |[.\-](?=[\p{Lu}\p{N}])         # "TP.HCM", "BR-VT"
          |(?<=\p{Lu})\p{Ll}(?=\p{Lu})     # "ThS"
        )*+""",
    regex.VERBOSE,
)
_CAPS = lazy_compile(r"(?<![\p{L}\p{N}&.\-])\p{Lu}{2,4}(?:-\p{Lu}{1,3})?(?![\p{L}\p{N}]|[.&\-][\p{L}\p{N}])")

# "(TTTT)", "(viết tắt là QSDĐ)", "(sau đây gọi tắt là Trái phiếu đô thị)".
_DEFINITION = lazy_compile(
    r"""\(\s*
    (?P<intro>(?:sau\s+đây\s+)?(?i:"""
    + alternation("abbreviation_intro", r"\s+")
    + r""")\s*:?\s*)?
    ["“']?(?P<short>[^()"“”'\n]{1,40}?)["”']?
    \s*\)""",
    regex.VERBOSE,
)
_SYLLABLE_BACK = lazy_compile(r"(?r)[\p{L}\p{N}]+|[^\s\p{L}\p{N}]")
# Words an abbreviation skips: "Thông tin và Truyền thông" → TTTT (grammar: and, of, the plural).
_SKIPPED = frozenset({"và", "&", "-", ",", "các", "của"})
# Where the words spelling an abbreviation stop, read backwards: grammar (prepositions,
# conjunctions, plural and aspect markers) that never starts a name.
_STOP_BACK = frozenset(
    {"tại", "của", "ở", "là", "về", "với", "cho", "các", "những", "từ", "đến", "theo", "do", "bởi",
     "vừa", "đã", "sẽ", "đang", "được", "bị", "hoặc", "trong", "ngoài", "khi"}
)


def _by_initials(s: str, end: int, short: str) -> int | None:
    """Start of the words before ``end`` whose initials spell ``short``, or None."""
    letters = [c for c in short if c.isalpha() and c.isupper()]
    if len(letters) < 2:
        return None
    j = len(letters) - 1
    start = None
    for m in _SYLLABLE_BACK.finditer(s, max(0, end - 120), end):
        word = m.group()
        if j < 0:
            break
        first = _base(word[0])
        if first == _base(letters[j]) or {first, _base(letters[j])} == {"D", "Đ"}:
            j -= 1
            start = m.start()
        elif word.casefold() in _SKIPPED and start is not None:
            continue
        else:
            return None
    return start if j < 0 else None


def _base(letter: str) -> str:
    """The capital without tone or vowel marks ("Ủ" → "U"); "Đ" stays a letter of its own."""
    upper = letter.upper()
    return upper if upper == "Đ" else unicodedata.normalize("NFD", upper)[0]


def _named_phrase(s: str, end: int) -> int | None:
    """Start of the capitalised phrase before ``end`` ("… phát hành Trái phiếu đô thị TPHCM")."""
    leftmost = None
    line_start = s.rfind("\n", 0, end) + 1  # a name never runs over a line break
    for count, m in enumerate(_SYLLABLE_BACK.finditer(s, max(line_start, end - 160), end)):
        word = m.group()
        if word in ("-", "&"):
            continue  # "Bà Rịa - Vũng Tàu"
        if not word[0].isalnum() or word[0].isdigit() or word.casefold() in _STOP_BACK or count >= 24:
            break
        if word[0].isupper():
            leftmost = m.start()
    return leftmost


# An acronym of foreign words: two to six Latin capitals ("VCCI", "CDC", "WHO", "UNICEF").
_LATIN_ACRONYM = lazy_compile(r"[A-Z]{2,6}")
_WORD = lazy_compile(r"[\p{L}\p{N}]+")


@functools.cache
def _org_heads() -> frozenset[tuple[str, ...]]:
    """Organisation heads of the entities recogniser ("Phòng", "Trung tâm", "Tổ chức" …)."""
    return frozenset(lexicon.org_heads())


# Countries and cities written as Latin initials ("Đại sứ quán Mỹ (USA)" names the country).
_PLACE_ACRONYMS = word_class("country_initials") | word_class("city_initials")


def _is_place(short: str) -> bool:
    """Whether ``short`` is a place's initials ("USA", "UK", "HCM"), never an organisation's."""
    return short in _PLACE_ACRONYMS or (short,) in lexicon.places()


def _organization_before(s: str, end: int) -> int | None:
    """Start of an organisation's name that ends at ``end``: the capitalised phrase before it,
    from its first organisation head ("Hợp tác với Phòng Thương mại và Công nghiệp Việt Nam"
    → "Phòng …") or from the last one after "và"/"thuộc" (a second organisation); None when
    the phrase has no head ("(Mỹ)" after "Đại sứ Nguyễn Văn A")."""
    start = _named_phrase(s, end)
    if start is None:
        return None
    heads = _org_heads()
    longest = max(map(len, heads))
    words = list(_WORD.finditer(s, start, end))
    texts = [w.group() for w in words]
    found: int | None = None
    for q, w in enumerate(words):
        if not w.group()[0].isupper():
            continue
        m = next((m for m in range(longest, 0, -1) if tuple(texts[q : q + m]) in heads), 0)
        if not m or (m == 1 and q + 1 < len(texts) and _common_word(texts[q], texts[q + 1])):
            continue  # "Bộ trưởng", "Hội nghị": a title or a meeting, not the head
        if found is None or (q > 0 and texts[q - 1] in _BETWEEN_ORGANIZATIONS):
            # "Bộ Công nghiệp và Tổng công ty Điện lực VN (EVN)": the last organisation named
            found = w.start()
    return found


# Words between two organisations' names: the abbreviation is the later one's. Grammar (và = and,
# thuộc = of, với = with) and "đạo", "lại", last syllables of verbs written between two names
# ("chỉ đạo" = directs).
_BETWEEN_ORGANIZATIONS = frozenset({"và", "thuộc", "với", "đạo", "lại"})


def _common_word(first: str, second: str) -> bool:
    """"Bộ trưởng", "Hội nghị": a one-syllable head and the next syllable make a common word."""
    return second[:1].islower() and f"{first.lower()} {second}" in lexicon.common_words()


def definitions(text: Text) -> Iterator[Abbreviation]:
    """In-text definitions, in text order.

    >>> from vnextract.text import Text
    >>> text = Text.from_string("Ngành Thông tin và Truyền thông (TTTT) tỉnh")
    >>> [(a.short, a.long) for a in definitions(text)]
    [('TTTT', 'Thông tin và Truyền thông')]
    """
    s = text.normalized
    for m in _DEFINITION.finditer(s):
        short = m.group("short").strip()
        a, b = m.span("short")
        a += len(m.group("short")) - len(m.group("short").lstrip())
        b = a + len(short)
        if not short:
            continue
        before = m.start()
        while before > 0 and s[before - 1] == " ":
            before -= 1
        looks_short = _SHORT.fullmatch(short) is not None
        start = _by_initials(s, before, short) if looks_short else None
        if start is None and m.group("intro"):
            start = _named_phrase(s, before)
        if start is None and _LATIN_ACRONYM.fullmatch(short) and not _is_place(short):
            # English initials of a Vietnamese name: "Phòng Thương mại và Công nghiệp Việt Nam
            # (VCCI)", "Trung tâm Kiểm soát bệnh tật (CDC)": the organisation before the
            # parenthesis is what it stands for
            start = _organization_before(s, before)
        if start is None or start >= before:
            continue
        yield Abbreviation(text=short, start=a, end=b, short=short, long=s[start:before])


def recognize(text: Text) -> Iterator[Abbreviation]:
    """Yield one Abbreviation per distinct short form in ``text.normalized``.

    >>> from vnextract.text import Text
    >>> [(a.short, a.long) for a in recognize(Text.from_string("UBND tỉnh BD và tỉnh Bình Dương"))]
    [('UBND', 'Ủy ban nhân dân'), ('BD', 'Bình Dương')]
    """
    s = text.normalized
    out: dict[str, Abbreviation] = {}
    for record in definitions(text):
        out.setdefault(record.short, record)
    provinces = _provinces()
    tried: set[str] = set()  # each short form is resolved once (the text is searched per name)
    for m in _CAPS.finditer(s):
        short = m.group()
        if short in tried or short in common() or short not in provinces:
            continue
        tried.add(short)
        named = [name for name in provinces[short] if name in s]
        if len(named) == 1:
            out[short] = Abbreviation(text=short, start=m.start(), end=m.end(), short=short, long=named[0])
    table = common()
    for m in _common_pattern().finditer(s):
        short = m.group()
        key = short if short in table else " ".join(short.split())
        if key in out or key not in table:
            continue
        out[key] = Abbreviation(text=short, start=m.start(), end=m.end(), short=key, long=table[key])
    yield from sorted(out.values(), key=lambda r: r.start)
