"""Feature strings for each syllable: form, shape, lexicons, word position, the rules' labels.

The rules' own labels are features (stacking), so the model learns where the rules are right and
where a name has no cue a rule could key on. Every feature is a plain string ("w=bình",
"r=B-LOC", "-1:w=tỉnh"); the CRF weighs them.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from vnextract import lexicon as gz
from vnextract.learned.view import Syllable
from vnextract.mentions import Mentions
from vnextract.records import Location, Organization, Person, Span, Title

#: Lexicon keys longer than this are not looked up (no name we need is longer).
_MAX_KEY = 6


class _Table(NamedTuple):
    keys: frozenset[tuple[str, ...]]
    firsts: frozenset[str]
    longest: int


def _table(keys: Iterable[tuple[str, ...]]) -> _Table:
    kept = frozenset(k for k in keys if 0 < len(k) <= _MAX_KEY)
    return _Table(kept, frozenset(k[0] for k in kept), max(map(len, kept), default=0))


class _Lexicons(NamedTuple):
    places: _Table
    place_tiers: Mapping[tuple[str, ...], int]
    heads: _Table
    roles: _Table
    organizations: _Table
    surnames: frozenset[str]
    honorifics: frozenset[str]
    foreign_given: frozenset[str]
    common: frozenset[str]
    stops: frozenset[str]


@functools.cache
def lexicons() -> _Lexicons:
    """The project's lexicons as the features read them (loaded once)."""
    places = gz.places()
    return _Lexicons(
        places=_table(places),
        place_tiers={k: p.tier for k, p in places.items()},
        heads=_table(gz.org_heads()),
        roles=_table(gz.person_cues()),
        organizations=_table(gz.known_organizations()),
        surnames=frozenset(gz.surnames()),
        honorifics=gz.honorifics(),
        foreign_given=gz.foreign_given_names(),
        common=gz.common_words(),
        stops=frozenset(k[0] for k in gz.stopwords() if len(k) == 1),
    )


def _shape(form: str) -> str:
    """"Bình" → "Xx", "UBND" → "X", "20.8" → "d.d", "Sang-sik" → "Xx-x"."""
    out: list[str] = []
    for ch in form:
        cls = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != cls:
            out.append(cls)
    return "".join(out)[:8]


def _case(form: str) -> str:
    if form[:1].isupper():
        if len(form) > 1 and form.isupper():
            return "U"  # all capitals: an abbreviation
        return "C"
    if form[:1].isalpha():
        return "L"
    if form[:1].isdigit():
        return "D"
    return "P"


def _spans_of(forms: Sequence[str], table: _Table) -> list[str]:
    """B/I marks of the longest lexicon matches over a sentence's syllables ("" elsewhere)."""
    marks = [""] * len(forms)
    i = 0
    while i < len(forms):
        length = 0
        if forms[i] in table.firsts:
            for k in range(min(table.longest, len(forms) - i), 0, -1):
                if tuple(forms[i : i + k]) in table.keys:
                    length = k
                    break
        if length:
            marks[i] = "B"
            for q in range(i + 1, i + length):
                marks[q] = "I"
            i += length
        else:
            i += 1
    return marks


_RULE_LABELS: tuple[tuple[type[Span], str], ...] = (
    (Person, "PER"),
    (Organization, "ORG"),
    (Location, "LOC"),
    (Title, "TTL"),
)


def rule_marks(sentences: Sequence[Sequence[Syllable]], found: Mentions) -> list[list[str]]:
    """The rules' label of every syllable ("B-PER", "I-ORG", "B-TTL" … or "O")."""
    starts: list[int] = []
    where: list[tuple[int, int]] = []
    for si, sentence in enumerate(sentences):
        for yi, syllable in enumerate(sentence):
            starts.append(syllable.start)
            where.append((si, yi))
    marks = [["O"] * len(sentence) for sentence in sentences]
    records: list[tuple[Span, str]] = [
        (r, label)
        for kind, label in _RULE_LABELS
        for r in getattr(found, _FIELD[kind])
    ]
    for record, label in records:
        first = bisect.bisect_left(starts, record.start)
        last = bisect.bisect_left(starts, record.end)
        for n, q in enumerate(range(first, last)):
            si, yi = where[q]
            if marks[si][yi] == "O" or label != "TTL":
                marks[si][yi] = ("B-" if n == 0 else "I-") + label
    return marks


_FIELD: dict[type[Span], str] = {
    Person: "persons", Organization: "organizations", Location: "locations", Title: "titles"
}


@functools.lru_cache(maxsize=65_536)  # bounded: news repeats a few ten thousand syllables
def _form_features(form: str) -> tuple[str, ...]:
    """What a syllable says on its own: form, shape, case, lexicon memberships."""
    lex = lexicons()
    low = form.lower()
    case = _case(form)
    f = ["w=" + low, "s=" + _shape(form), "c=" + case]
    if form in lex.surnames:
        f.append("surname")
    if low in lex.honorifics:
        f.append("honorific")
    if form in lex.foreign_given:
        f.append("foreign_given")
    if low in lex.common:
        f.append("common")
    if low in lex.stops:
        f.append("stop")
    if case in "CU" and form.isascii() and form.isalpha():
        f.append("ascii_cap")  # no Vietnamese diacritic: foreign names and brands
        f.append("suf=" + low[-3:])
    return tuple(f)


def _capitalised_runs(cases: Sequence[str]) -> list[str]:
    """Where each syllable stands in its run of capitalised syllables: "run=1" alone, "run=B3"
    first of three, "run=I", "run=E" last; "" outside a run."""
    out = [""] * len(cases)
    i = 0
    while i < len(cases):
        if cases[i] in "CU":
            j = i
            while j < len(cases) and cases[j] in "CU":
                j += 1
            if j - i == 1:
                out[i] = "run=1"
            else:
                out[i] = f"run=B{min(j - i, 4)}"
                for q in range(i + 1, j - 1):
                    out[q] = "run=I"
                out[j - 1] = "run=E"
            i = j
        else:
            i += 1
    return out


def sentence_features(sentence: Sequence[Syllable], rules: Sequence[str]) -> list[list[str]]:
    """The feature strings of each syllable of one sentence."""
    lex = lexicons()
    forms = [s.text for s in sentence]
    lowers = [f.lower() for f in forms]
    cases = [_case(f) for f in forms]
    runs = _capitalised_runs(cases)
    places = _spans_of(forms, lex.places)
    heads = _spans_of(forms, lex.heads)
    roles = _spans_of(forms, lex.roles)
    orgs = _spans_of(forms, lex.organizations)
    n = len(sentence)
    padded_cases = "^^" + "".join(cases) + "$$"
    feats: list[list[str]] = []
    for i, syllable in enumerate(sentence):
        f = list(_form_features(forms[i]))
        f.append("r=" + rules[i])
        f.append("wp=" + ("B" if syllable.in_word == 0 else "I") + str(min(syllable.word_length, 4)))
        f.append("cc=" + padded_cases[i : i + 5])
        if runs[i]:
            f.append(runs[i])
        if i == 0:
            f.append("first")
        for name, marks in (("place", places), ("head", heads), ("role", roles), ("org", orgs)):
            if marks[i]:
                f.append(name + "=" + marks[i])
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f.append(f"{d}:w={lowers[j]}")
                f.append(f"{d}:r={rules[j]}")
        for d in (-1, 1):
            j = i + d
            if 0 <= j < n:
                for name, marks in (("place", places), ("head", heads), ("role", roles)):
                    if marks[j]:
                        f.append(f"{d}:{name}={marks[j]}")
        f.append("-1|0=" + (lowers[i - 1] if i else "BOS") + "|" + lowers[i])
        f.append("0|1=" + lowers[i] + "|" + (lowers[i + 1] if i + 1 < n else "EOS"))
        feats.append(f)
    return feats


def document_features(
    sentences: Sequence[Sequence[Syllable]], found: Mentions
) -> list[list[list[str]]]:
    """Features of every sentence of a document, given what the rules found in it."""
    marks = rule_marks(sentences, found)
    return [sentence_features(s, m) for s, m in zip(sentences, marks, strict=True)]
