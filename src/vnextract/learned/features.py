"""Feature strings for each syllable: form, shape, lexicons, word position, the rules' labels.

The rules' own labels are features (stacking), so the model learns where the rules are right and
where a name has no cue a rule could key on. Every feature is a plain string ("w=bình",
"r=B-LOC", "-1:w=tỉnh"); the CRF weighs them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from vnextract import lexicon as gz
from vnextract.learned.view import Syllable, SyllableIndex
from vnextract.lexicon.names import hand_listed_foreign_given_names
from vnextract.mentions import Mentions
from vnextract.records import Location, Organization, Person, Span, Title

#: Lexicon keys longer than this are not looked up (no name we need is longer).
_MAX_KEY = 6


class _Table(NamedTuple):
    keys: frozenset[tuple[str, ...]]
    firsts: frozenset[str]
    lengths: Mapping[str, tuple[int, ...]]  # first syllable → lengths of its entries, longest first


def _table(keys: Iterable[tuple[str, ...]]) -> _Table:
    kept = frozenset(k for k in keys if 0 < len(k) <= _MAX_KEY)
    lengths: dict[str, set[int]] = {}
    for key in kept:
        lengths.setdefault(key[0], set()).add(len(key))
    return _Table(
        kept, frozenset(lengths), {first: tuple(sorted(ls, reverse=True)) for first, ls in lengths.items()}
    )


class _Lexicons(NamedTuple):
    places: _Table
    place_tiers: Mapping[tuple[str, ...], int]
    heads: _Table
    roles: _Table
    organizations: _Table
    world: _Table  # the gazetteer of organisations named bare (organizations_world.tsv)
    world_kinds: Mapping[tuple[str, ...], tuple[str, ...]]  # its entry → the features of its first syllable
    surnames: frozenset[str]
    honorifics: frozenset[str]
    foreign_given: frozenset[str]
    given: frozenset[str]
    common: frozenset[str]
    stops: frozenset[str]
    any_first: frozenset[str]  # the first syllables of every entry of the span tables


@functools.cache
def lexicons() -> _Lexicons:
    """The project's lexicons as the features read them (loaded once)."""
    places = gz.places()
    spans = [_table(places), _table(gz.org_heads()), _table(gz.person_cues()),
             _table(gz.listed_organizations())]
    world = gz.world_organizations()
    return _Lexicons(
        places=spans[0],
        place_tiers={k: p.tier for k, p in places.items()},
        heads=spans[1],
        roles=spans[2],
        organizations=spans[3],
        world=_table(world),
        world_kinds={
            k: ("gaz=" + o.kind, "gaz=alone" if o.alone else "gaz=context") for k, o in world.items()
        },
        surnames=frozenset(gz.surnames()),
        honorifics=gz.honorifics(),
        # the list the shipped models were trained with (names.hand_listed_foreign_given_names)
        foreign_given=hand_listed_foreign_given_names(),
        given=gz.given_names(),
        common=gz.common_words(),
        stops=frozenset(k[0] for k in gz.stopwords() if len(k) == 1),
        any_first=frozenset().union(*(t.firsts for t in spans), (k[0] for k in world)),
    )


def word_shape(form: str, limit: int = 8) -> str:
    """"Bình" → "Xx", "UBND" → "X", "20.8" → "d.d", "Sang-sik" → "Xx-x" (at most ``limit``
    classes: the CRF's features keep 8, the span classifier's 6)."""
    out: list[str] = []
    for ch in form:
        cls = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != cls:
            out.append(cls)
    return "".join(out)[:limit]


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


def _spans_of(
    forms: Sequence[str], table: _Table, candidates: Sequence[int] | None = None
) -> list[tuple[int, str]]:
    """(syllable, "B"/"I") of the longest lexicon matches over a sentence's syllables
    (``candidates``: the positions where some table's entry may start, if known)."""
    marks: list[tuple[int, str]] = []
    n = len(forms)
    free = 0  # matches do not overlap: the next one starts at or after this
    lengths_of, keys = table.lengths, table.keys
    where = range(n) if candidates is None else candidates
    for i in where:
        if i < free:
            continue
        lengths = lengths_of.get(forms[i])
        if lengths is None:
            continue
        for k in lengths:  # only the lengths some entry starting with this syllable has
            if k <= n - i and (k == 1 or tuple(forms[i : i + k]) in keys):
                marks.append((i, "B"))
                marks.extend((q, "I") for q in range(i + 1, i + k))
                free = i + k
                break
    return marks


_RULE_LABELS: tuple[tuple[type[Span], str], ...] = (
    (Person, "PER"),
    (Organization, "ORG"),
    (Location, "LOC"),
    (Title, "TTL"),
)


def rule_marks(
    sentences: Sequence[Sequence[Syllable]], found: Mentions, index: SyllableIndex | None = None
) -> list[list[str]]:
    """The rules' label of every syllable ("B-PER", "I-ORG", "B-TTL" … or "O")."""
    where = index or SyllableIndex(sentences)
    marks = [["O"] * len(sentence) for sentence in sentences]
    records: list[tuple[Span, str]] = [
        (r, label)
        for kind, label in _RULE_LABELS
        for r in getattr(found, _FIELD[kind])
    ]
    for record, label in records:
        for n, (si, yi) in enumerate(where.covered(record.start, record.end)):
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
    f = ["w=" + low, "s=" + word_shape(form), "c=" + case]
    if form in lex.surnames:
        f.append("surname")
    if low in lex.honorifics:
        f.append("honorific")
    if form in lex.foreign_given:
        f.append("foreign_given")
    if form in lex.given:
        f.append("given")  # a Vietnamese given-name syllable ("Xuân Son" has no surname)
    if low in lex.common:
        f.append("common")
    if low in lex.stops:
        f.append("stop")
    if case in "CU" and form.isascii() and form.isalpha():
        f.append("ascii_cap")  # no Vietnamese diacritic: foreign names and brands
        f.append("suf=" + low[-3:])
    return tuple(f)


_CAPITALISED_RUN = re.compile("[CU]+")


def _capitalised_runs(cases: str) -> list[str]:
    """Where each syllable stands in its run of capitalised syllables: "run=1" alone, "run=B3"
    first of three, "run=I", "run=E" last; "" outside a run (``cases``: one letter a syllable,
    as _case gives)."""
    out = [""] * len(cases)
    for run in _CAPITALISED_RUN.finditer(cases):
        i, j = run.span()
        if j - i == 1:
            out[i] = "run=1"
        else:
            out[i] = _RUN_BEGIN[min(j - i, 4)]
            out[i + 1 : j - 1] = ["run=I"] * (j - i - 2)
            out[j - 1] = "run=E"
    return out


_RUN_BEGIN = {n: f"run=B{n}" for n in (2, 3, 4)}


#: The model reads only the syllables within this many of a capitalised one or of one a rule
#: labelled (a sentence's first syllable counts only when it is no dictionary word: "Theo", "Ngày"
#: open sentences): about a third of the corpus's syllables and 98.9 % of its entities' syllables
#: (the rest are lowercase words far from any name, which the model never tags). Training reads
#: the same windows.
WINDOW_REACH = 2


#: Syllable kinds (text.syllables) that start with a capital.
_CAPITALISED = frozenset({"cap", "abbr"})


def windows(
    sentence: Sequence[Syllable], rules: Sequence[str], reach: int = WINDOW_REACH
) -> list[tuple[int, int]]:
    """The runs ``[first, last)`` of syllables the model reads in one sentence: around each
    syllable a rule labelled or that starts with a capital (a sentence's first syllable only when
    it is no dictionary word)."""
    opening = [
        i for i, (syllable, rule) in enumerate(zip(sentence, rules, strict=True))
        if rule != "O" or syllable.kind in _CAPITALISED
    ]
    if opening and opening[0] == 0 and rules[0] == "O" and sentence[0].text.lower() in lexicons().common:
        opening.pop(0)  # "Theo", "Ngày" open sentences
    n = len(sentence)
    out: list[tuple[int, int]] = []
    for i in opening:
        a, b = max(0, i - reach), min(n, i + reach + 1)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


class _Context(NamedTuple):
    """What features read around a syllable, computed once per sentence. Lists prefixed ``padded_``
    hold two sentinels on each side ("BOS", "EOS"), so syllable ``i`` is at ``i + 2``."""

    sentence: Sequence[Syllable]
    forms: list[str]
    padded_lowers: list[str]
    padded_rules: list[str]
    padded_cases: str  # "^^" + one case letter per syllable + "$$"
    runs: list[str]
    #: syllable → its lexicon features ("place=B", "head=I" …) and those its neighbours read
    #: ("-1:place=B" from the next one, "1:place=B" from the previous one; organisations' own
    #: spans are not read from the neighbours)
    lexicon: dict[int, list[str]]
    before_next: dict[int, list[str]]  # features of syllable i read by syllable i + 1
    after_previous: dict[int, list[str]]  # features of syllable i read by syllable i - 1


_NEIGHBOURS_READ = ("place", "head", "role")


def _context(sentence: Sequence[Syllable], rules: Sequence[str], gazetteer: bool = False) -> _Context:
    lex = lexicons()
    forms = [s.text for s in sentence]
    cases = "".join([_CASE_OF_KIND[s.kind] for s in sentence])
    lexicon: dict[int, list[str]] = {}
    before_next: dict[int, list[str]] = {}
    after_previous: dict[int, list[str]] = {}
    candidates = [i for i, form in enumerate(forms) if form in lex.any_first]  # few syllables
    for name, table in (("place", lex.places), ("head", lex.heads), ("role", lex.roles),
                        ("org", lex.organizations)):
        for i, mark in _spans_of(forms, table, candidates):
            lexicon.setdefault(i, []).append(name + "=" + mark)
            if name in _NEIGHBOURS_READ:
                before_next.setdefault(i, []).append("-1:" + name + "=" + mark)
                after_previous.setdefault(i, []).append("1:" + name + "=" + mark)
    for i, mark in _spans_of(forms, lex.world, candidates) if gazetteer else ():
        if mark == "B":  # the gazetteer's kind and reading on the first syllable of its entry
            lexicon.setdefault(i, []).extend(("gaz=B", *_world_entry(forms, i, lex)))
        else:
            lexicon.setdefault(i, []).append("gaz=I")
    return _Context(
        sentence,
        forms,
        ["BOS", "BOS", *map(str.lower, forms), "EOS", "EOS"],
        ["BOS", "BOS", *rules, "EOS", "EOS"],
        "^^" + cases + "$$",
        _capitalised_runs(cases),
        lexicon,
        before_next,
        after_previous,
    )


def _world_entry(forms: Sequence[str], i: int, lex: _Lexicons) -> tuple[str, ...]:
    """The features of the longest gazetteer entry starting at syllable ``i`` ("gaz=club",
    "gaz=context": a club named after its city)."""
    for k in lex.world.lengths[forms[i]]:
        entry = lex.world_kinds.get(tuple(forms[i : i + k]))
        if entry is not None:
            return entry
    return ()


#: The case letter of each syllable kind (text.syllables.syllable_kind): what _case says.
_CASE_OF_KIND = {"cap": "C", "abbr": "U", "lower": "L", "num": "D", "punct": "P"}


#: At a word's start: "wp=B" + the word's length in syllables (at most 4).
_WORD_START = ("wp=B1", "wp=B2", "wp=B3", "wp=B4")


def _features(ctx: _Context, first: int, last: int) -> list[list[str]]:
    """The feature strings of syllables ``first`` to ``last`` of the context's sentence. Written
    for speed (it runs for every syllable the model reads): one list display per syllable."""
    forms, low, rule, cases = ctx.forms, ctx.padded_lowers, ctx.padded_rules, ctx.padded_cases
    sentence, runs, form_features = ctx.sentence, ctx.runs, _form_features
    lexicon, before_next, after_previous = ctx.lexicon, ctx.before_next, ctx.after_previous
    feats: list[list[str]] = []
    for i in range(first, last):
        k = i + 2  # in the padded lists
        w = low[k]
        s = sentence[i]
        f = [
            *form_features(forms[i]),
            "r=" + rule[k],
            # where it stands in its word ("wp=B2": first of two syllables, "wp=I" inside), read
            # here for the syllables in windows only, not for the whole sentence (a third of them)
            _WORD_START[min(s.word.count(" "), 3)] if s.word_start else "wp=I",
            "cc=" + cases[i : i + 5],
            "-2:w=" + low[k - 2],
            "-1:w=" + low[k - 1],
            "1:w=" + low[k + 1],
            "2:w=" + low[k + 2],
            "-2:r=" + rule[k - 2],
            "-1:r=" + rule[k - 1],
            "1:r=" + rule[k + 1],
            "2:r=" + rule[k + 2],
            "-1|0=" + low[k - 1] + "|" + w,
            "0|1=" + w + "|" + low[k + 1],
        ]
        if runs[i]:
            f.append(runs[i])
        if i in lexicon:
            f.extend(lexicon[i])
        if i - 1 in before_next:
            f.extend(before_next[i - 1])
        if i + 1 in after_previous:
            f.extend(after_previous[i + 1])
        feats.append(f)
    return feats


def sentence_features(
    sentence: Sequence[Syllable], rules: Sequence[str], first: int = 0, last: int | None = None,
    gazetteer: bool = False,
) -> list[list[str]]:
    """The feature strings of the syllables ``first`` to ``last`` (default: all) of one sentence;
    context features look at the whole sentence. ``gazetteer``: with the features of the
    organisation gazetteer (``organizations_world.tsv``: "gaz=B", "gaz=club", "gaz=context" …),
    which only a model trained with them reads (its card says ``gazetteer_features``)."""
    ctx = _context(sentence, rules, gazetteer)
    return _features(ctx, first, len(sentence) if last is None else last)


class Window(NamedTuple):
    sentence: int  # index of the sentence
    first: int  # its syllables [first, last)
    last: int
    features: list[list[str]]


def _document_labels(
    sentences: Sequence[Sequence[Syllable]], marks: Sequence[Sequence[str]]
) -> dict[str, tuple[str, ...]]:
    """For each capitalised form of a document, what it is elsewhere in it: the rules' labels it
    got ("d=PER" …) and "d=mid" when it stands capitalised inside a sentence somewhere (so a
    sentence-opening "Hòa" is a name if "Hòa" is written capitalised mid-sentence elsewhere)."""
    seen: dict[str, set[str]] = {}
    for sentence, sentence_marks in zip(sentences, marks, strict=True):
        for i, syllable in enumerate(sentence):
            if syllable.kind in _CAPITALISED:
                entry = seen.setdefault(syllable.text, set())
                mark = sentence_marks[i]
                if mark != "O":
                    entry.add("d=" + mark[2:])
                if i > 0:
                    entry.add("d=mid")
    return {form: tuple(sorted(entry)) for form, entry in seen.items() if entry}


def document_windows(
    sentences: Sequence[Sequence[Syllable]], marks: Sequence[Sequence[str]], gazetteer: bool = False
) -> list[Window]:
    """The windows the model reads in a document, with their features (training and tagging;
    ``gazetteer`` as for :func:`sentence_features`)."""
    elsewhere = _document_labels(sentences, marks)
    out: list[Window] = []
    for si, (sentence, sentence_marks) in enumerate(zip(sentences, marks, strict=True)):
        spans = windows(sentence, sentence_marks)
        if spans:
            ctx = _context(sentence, sentence_marks, gazetteer)
            for a, b in spans:
                feats = _features(ctx, a, b)
                for f, syllable in zip(feats, sentence[a:b], strict=True):
                    f.extend(elsewhere.get(syllable.text, ()))
                out.append(Window(si, a, b, feats))
    return out
