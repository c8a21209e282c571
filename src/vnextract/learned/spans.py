"""Learned spans: a classifier for the capitalised runs no rule and no model took.

After the rules and the entity CRF (:mod:`vnextract.learned.model`), some capitalised runs are
still covered by nothing: sentence openers and title words ("Theo", "Chủ tịch"), but also bare
brands and acronyms ("IRGC", "Agibot"), foreign names and places outside the lists ("Kryvyi
Rih"). This step types each such run as PER, ORG, LOC or nothing from what it is (shape, length,
lexicon memberships), what stands around it (the syllables and the entities before and after)
and what the document says of the same string elsewhere (lowercase elsewhere, capitalised
mid-sentence, in the headline only). The model is a multinomial logistic regression
(:class:`SpanModel`, weights as JSON in ``vnextract/data/models/spans.json``), trained on the
corpus by ``python -m vnextract.learned.spans_train``; a run is tagged when its best type is at
least the card's threshold sure.

Not shipped: cross-validated on folds 1-3 it moved entity micro-F1 by 0.1 at most (out-of-fold,
the CRF leaves about 380 such runs that are names among 10,000 that are not, and most of the
names have no cue the features see: docs/accuracy.md). The step is kept with its trainer so the
measurement can be repeated; to ship a model, write ``spans.json`` with ``--out`` and put
``("learned_spans", spans.link)`` after ``learned_entities`` in ``pipeline.LINKERS``.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

import attrs

from vnextract.learned.features import lexicons, word_shape
from vnextract.learned.model import packaged_file
from vnextract.learned.view import Syllable, SyllableIndex, sentence_syllables
from vnextract.mentions import Mentions
from vnextract.records import Location, Organization, Person, Span
from vnextract.text import Text

_MODEL = "spans.json"

#: Syllable kinds (text.syllables) that start with a capital.
_CAPITALISED = frozenset({"cap", "abbr"})
#: The labels a run can get; "O" is nothing.
LABELS = ("O", "PER", "ORG", "LOC")
#: Runs longer than this are not candidates (a run of eight capitals is a headline in capitals).
MAX_LENGTH = 6


class Candidate(NamedTuple):
    """A capitalised run nothing covers: syllables ``[first, last)`` of sentence ``sentence``."""

    sentence: int
    first: int
    last: int
    start: int  # offsets into Text.normalized
    end: int


_ENTITY_FIELDS = ("persons", "organizations", "locations")
_LABEL_OF: dict[type, str] = {Person: "PER", Organization: "ORG", Location: "LOC"}


def _marks(
    sentences: Sequence[Sequence[Syllable]], found: Mentions, index: SyllableIndex
) -> list[list[str]]:
    """What covers each syllable: "PER", "ORG", "LOC", "TTL" (a title), "DATE", or "" (nothing)."""
    marks = [[""] * len(s) for s in sentences]
    fields = (("titles", "TTL"), ("dates", "DATE"), ("persons", "PER"), ("organizations", "ORG"),
              ("locations", "LOC"))
    for field, label in fields:  # entities last: they win over a title or a date they overlap
        for r in getattr(found, field):
            for si, yi in index.covered(r.start, r.end):
                marks[si][yi] = label
    return marks


def candidates(sentences: Sequence[Sequence[Syllable]], marks: Sequence[Sequence[str]]) -> list[Candidate]:
    """The maximal runs of capitalised syllables no entity covers (at most MAX_LENGTH long) and,
    where a run opens its sentence with a dictionary word ("Theo Reuters"), the run without it."""
    common = lexicons().common
    out: list[Candidate] = []
    for si, sentence in enumerate(sentences):
        row = marks[si]
        i, n = 0, len(sentence)
        while i < n:
            if sentence[i].kind not in _CAPITALISED or row[i] in _ENTITY:
                i += 1
                continue
            j = i + 1
            while j < n and sentence[j].kind in _CAPITALISED and row[j] not in _ENTITY:
                j += 1
            if j - i <= MAX_LENGTH:
                out.append(Candidate(si, i, j, sentence[i].start, sentence[j - 1].end))
                if i == 0 and j - i > 1 and sentence[0].text.lower() in common:
                    out.append(Candidate(si, 1, j, sentence[1].start, sentence[j - 1].end))
            i = j
    return out


_ENTITY = frozenset({"PER", "ORG", "LOC"})


class DocumentForms(NamedTuple):
    """What a document says of its forms, for the features of every candidate in it."""

    lowercase: frozenset[str]  # syllables written in lowercase somewhere (a common word)
    mid_capital: frozenset[str]  # capitalised syllables standing inside a sentence somewhere
    counts: Mapping[tuple[str, ...], int]  # how often each candidate's forms occur (as candidates)
    entity_types: Mapping[str, frozenset[str]]  # syllable → types of the entities it is part of


def document_forms(
    sentences: Sequence[Sequence[Syllable]], marks: Sequence[Sequence[str]], found: Sequence[Candidate]
) -> DocumentForms:
    lowercase: set[str] = set()
    mid: set[str] = set()
    types: dict[str, set[str]] = {}
    for sentence, row in zip(sentences, marks, strict=True):
        for i, s in enumerate(sentence):
            if s.kind == "lower":
                lowercase.add(s.text)
            elif s.kind in _CAPITALISED:
                if i > 0:
                    mid.add(s.text)
                if row[i] in _ENTITY:
                    types.setdefault(s.text, set()).add(row[i])
    counts: dict[tuple[str, ...], int] = {}
    for c in found:
        key = tuple(s.text for s in sentences[c.sentence][c.first : c.last])
        counts[key] = counts.get(key, 0) + 1
    return DocumentForms(frozenset(lowercase), frozenset(mid), counts,
                         {k: frozenset(v) for k, v in types.items()})


def span_features(
    c: Candidate, sentences: Sequence[Sequence[Syllable]], marks: Sequence[Sequence[str]],
    doc: DocumentForms,
) -> list[str]:
    """The feature strings of one candidate ("len=2", "shape=Xx_Xx", "p1=tại", …)."""
    lex = lexicons()
    sentence, row = sentences[c.sentence], marks[c.sentence]
    syllables = sentence[c.first : c.last]
    forms = [s.text for s in syllables]
    lows = [f.lower() for f in forms]
    n = len(forms)
    f = [
        "bias",
        "len=" + str(min(n, 4)),
        "shape=" + "_".join(word_shape(x, 6) for x in forms[:3]),
        "t=" + " ".join(lows),
        "first=" + lows[0],
        "last=" + lows[-1],
        "suf=" + lows[-1][-3:],
    ]
    if all(x.isascii() for x in forms):
        f.append("ascii")  # no Vietnamese diacritic: foreign names, brands, acronyms
    if any(s.kind == "abbr" for s in syllables):
        f.append("abbr" + ("1" if n == 1 else "+"))
    # where it stands
    if c.first == 0:
        f.append("sent_start")
    if c.sentence == 0:
        f.append("first_sentence")  # the headline of a short item
    for k, name in ((1, "p1"), (2, "p2")):
        j = c.first - k
        f.append(name + "=" + (sentence[j].text.lower() if j >= 0 else "BOS"))
        if j >= 0 and row[j]:
            f.append(name + "m=" + row[j])
    for k, name in ((0, "n1"), (1, "n2")):
        j = c.last + k
        f.append(name + "=" + (sentence[j].text.lower() if j < len(sentence) else "EOS"))
        if j < len(sentence) and row[j]:
            f.append(name + "m=" + row[j])
    if c.first > 0:
        f.append("p1n1=" + sentence[c.first - 1].text.lower() + "|"
                 + (sentence[c.last].text.lower() if c.last < len(sentence) else "EOS"))
    f.extend("in=" + m for m in sorted({m for m in row[c.first : c.last] if m}))
    # what the lexicons say
    if forms[0] in lex.surnames:
        f.append("surname_first")
    if all(x in lex.given or x in lex.surnames for x in forms):
        f.append("all_name_syllables")
    if any(x in lex.foreign_given for x in forms):
        f.append("foreign_given")
    n_common = sum(x in lex.common for x in lows)
    f.append("common=" + ("all" if n_common == n else "some" if n_common else "none"))
    key = tuple(forms)
    if key in lex.places.keys:
        f.append("place")
    if forms[0] in lex.heads.firsts:
        f.append("head_first")
    if forms[0] in lex.roles.firsts:
        f.append("role_first")
    if lows[0] in lex.stops:
        f.append("stop_first")
    # what the document says of the same forms
    if any(x.lower() in doc.lowercase for x in forms):
        f.append("lower_elsewhere")
    if c.first == 0 and forms[0] in doc.mid_capital:
        f.append("mid_elsewhere")
    times = doc.counts.get(key, 1)
    f.append("times=" + str(min(times, 3)))
    for t in sorted({t for x in forms for t in doc.entity_types.get(x, ())}):
        f.append("part_of=" + t)
    return f


def _softmax(scores: Sequence[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


@attrs.frozen
class SpanModel:
    """A multinomial logistic regression over feature strings: per feature, one weight a label."""

    labels: tuple[str, ...]
    weights: Mapping[str, tuple[float, ...]]
    threshold: float
    card: Mapping[str, Any] = attrs.field(factory=dict)

    def probabilities(self, features: Sequence[str]) -> list[float]:
        scores = [0.0] * len(self.labels)
        for name in features:
            w = self.weights.get(name)
            if w is not None:
                for k, v in enumerate(w):
                    scores[k] += v
        return _softmax(scores)

    def to_json(self) -> dict[str, Any]:
        return {**self.card, "labels": list(self.labels), "threshold": self.threshold,
                "weights": {k: [round(v, 4) for v in w] for k, w in sorted(self.weights.items())}}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SpanModel:
        card = {k: v for k, v in data.items() if k not in ("labels", "threshold", "weights")}
        return cls(tuple(data["labels"]), {k: tuple(w) for k, w in data["weights"].items()},
                   float(data["threshold"]), card)


@functools.cache
def packaged_model() -> SpanModel | None:
    """The span model shipped in ``vnextract/data/models``, or None when the package has none."""
    path = packaged_file(_MODEL)
    if not path.is_file():
        return None
    return SpanModel.from_json(json.loads(path.read_text(encoding="utf-8")))


class Scored(NamedTuple):
    candidate: Candidate
    label: str  # the most likely type other than "O"
    probability: float


def score(model: SpanModel, text: Text, found: Mentions) -> list[Scored]:
    """Every candidate of the document with its most likely type and how sure the model is."""
    sentences = sentence_syllables(text)
    index = SyllableIndex(sentences)
    marks = _marks(sentences, found, index)
    found_runs = candidates(sentences, marks)
    if not found_runs:
        return []
    doc = document_forms(sentences, marks, found_runs)
    out = []
    for c in found_runs:
        probs = model.probabilities(span_features(c, sentences, marks, doc))
        k = max(range(1, len(probs)), key=probs.__getitem__)
        out.append(Scored(c, model.labels[k], probs[k]))
    return out


def _record(normalized: str, label: str, c: Candidate) -> Span:
    surface = normalized[c.start : c.end]
    if label == "PER":
        return Person(text=surface, start=c.start, end=c.end, name=surface, mentions=((c.start, c.end),))
    if label == "ORG":
        return Organization(text=surface, start=c.start, end=c.end, name=surface)
    return Location(text=surface, start=c.start, end=c.end, name=surface)


def apply(model: SpanModel, text: Text, found: Mentions, threshold: float | None = None) -> Mentions:
    """The entities of ``found`` with the candidates the model types at least ``threshold`` sure
    (default: the model's); of two overlapping candidates the surer one."""
    cut = model.threshold if threshold is None else threshold
    sure = sorted((s for s in score(model, text, found) if s.probability >= cut),
                  key=lambda s: (-s.probability, s.candidate.start))
    if not sure:
        return found
    taken: list[tuple[int, int]] = []
    added: dict[str, list[Span]] = {field: [] for field in _ENTITY_FIELDS}
    for s in sure:
        c = s.candidate
        if any(a < c.end and c.start < b for a, b in taken):
            continue
        taken.append((c.start, c.end))
        record = _record(text.normalized, s.label, c)
        added[_FIELD[s.label]].append(record)
    return attrs.evolve(found, **{
        field: tuple(sorted((*getattr(found, field), *records), key=lambda r: (r.start, r.end)))
        for field, records in added.items() if records
    })


_FIELD = {"PER": "persons", "ORG": "organizations", "LOC": "locations"}


def link(text: Text, found: Mentions) -> Mentions:
    """Pipeline step: the packaged span model over what the rules and the entity CRF left
    (nothing if none ships)."""
    model = packaged_model()
    return found if model is None else apply(model, text, found)
