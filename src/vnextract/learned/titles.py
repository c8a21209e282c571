"""Learned titles: a CRF that reads the syllables around each person mention and marks the titles
that belong to that person.

The rules (``recognizers/titles.py`` and the persons linker) find a title span and then decide
whom it belongs to; on text nobody tuned them for both steps fail about as often (a title they
found but gave to nobody, a role shared by a listed group, a title the role lexicon cannot
express, an organisation body cut short). The model does both at once: for each mention of a
person it tags a window of syllables of the mention's sentence with ``B-T``/``I-T`` where a title
of *this* person is written. Its features are the entity model's syllable features
(:func:`vnextract.learned.features.sentence_features`: form, shape, case, lexicons including the
role lexicon, the rules' labels, two syllables of context) plus where the syllable stands from
the focal mention, what lies between them (commas, "và" (and), other names), and whether the
rules gave the title covering it to this person, to another or to nobody.

Only the syllables near person mentions are read, so the step is cheap. The spans the model
finds are combined with the rules' titles (:func:`combine`): the rules' titles stay, the model
adds the titles the rules did not give this person, and where its span and a rule's overlap the
strategy decides which reading is kept.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from typing import Any, NamedTuple

import attrs

from vnextract.learned.features import rule_marks, sentence_features
from vnextract.learned.model import EntityModel, load_packaged
from vnextract.learned.model import load_model as load_crf
from vnextract.learned.view import Syllable, SyllableIndex, sentence_syllables
from vnextract.lexicon import word_class
from vnextract.mentions import Mentions
from vnextract.recognizers.titles import MODIFIERS
from vnextract.recognizers.titles import lexicon as titles_lexicon
from vnextract.records import Person, Title
from vnextract.text import Text

_MODEL = "titles.crf"
_CARD = "titles.json"

#: Syllables read on each side of a mention, inside its sentence: a title with its organisation
#: body rarely runs longer ("Giám đốc Ban Quản lý dự án Đầu tư xây dựng … TP Huế" is 14).
REACH = 14

#: Tag only the windows where a title can start (a role's first syllable or a rule's title).
GATE = True

#: The combination strategies compared by cross-validation (see :func:`combine`): the rules
#: alone, or the model's spans added where it is at least P sure.
STRATEGIES = ("rules", "add@0", "add@0.5", "add@0.7", "add@0.85")

_COMMA_LIKE = frozenset(",;()-–:")  # punctuation between a name and its title


#: The title model has the entity model's shape: its tagger, strategy and card.
TitleModel = EntityModel


def load_model(path: str, strategy: str, card: dict[str, Any] | None = None) -> TitleModel:
    """A model file written by ``CRFModel.save`` (training, evaluation)."""
    return load_crf(path, strategy, card)


@functools.cache
def packaged_model() -> TitleModel | None:
    """The title model shipped in the package, or None when the package carries none."""
    return load_packaged(_MODEL, _CARD, "title model")


# ----------------------------------------------------------------------------- windows


class MentionWindow(NamedTuple):
    person: int  # index into found.persons
    sentence: int  # index into the document's syllable sentences
    first: int  # the syllables read, [first, last)
    last: int
    mention: tuple[int, int]  # the mention's syllables, [a, b)
    features: list[list[str]]
    named: frozenset[int]  # syllables of the sentence inside some person's mention


#: "gc=L0" … "gc=R2": how many commas stand between a syllable and the mention (0, 1, 2 or more)
_GAP_COMMAS = {side: tuple(f"gc={side}{c}" for c in range(3)) for side in "LR"}


def _bucket(distance: int) -> str:
    return str(distance) if distance <= 3 else "4" if distance <= 6 else "7"


def _title_marks(
    index: SyllableIndex, titles: Sequence[Title], into: dict[tuple[int, int], str], label: str
) -> None:
    for title in titles:
        for n, where in enumerate(index.covered(title.start, title.end)):
            into.setdefault(where, ("B" if n == 0 else "I") + label)


def mention_windows(
    sentences: Sequence[Sequence[Syllable]],
    found: Mentions,
    index: SyllableIndex | None = None,
    gate: bool = False,
) -> list[MentionWindow]:
    """One window per person mention, with the features the model reads (``gate``: only the
    windows where a title can start, as tagging reads them; training reads every window).

    >>> from vnextract import pipeline
    >>> text = Text.from_string("Ông Lê Văn Tám, giám đốc hợp tác xã Tân Tiến, cho biết.")
    >>> found = pipeline.found_before(text, "fines")
    >>> [(w.first, w.last, w.mention) for w in mention_windows(sentence_syllables(text), found)]
    [(0, 16, (1, 4))]
    """
    where = index or SyllableIndex(sentences)
    rules = rule_marks(sentences, found, where)
    # who the rules gave each title syllable to: "own" is decided per window below
    holder: dict[tuple[int, int], int] = {}
    for pi, person in enumerate(found.persons):
        for title in person.titles:
            for at in where.covered(title.start, title.end):
                holder.setdefault(at, pi)
    free: dict[tuple[int, int], str] = {}
    _title_marks(where, found.titles, free, "")
    mention_of: dict[tuple[int, int], int] = {}
    spans: list[tuple[int, int, int, int]] = []  # person, sentence, a, b
    for pi, person in enumerate(found.persons):
        for start, end in person.mentions:
            covered = where.covered(start, end)
            if not covered:
                continue
            si = covered[0][0]
            ys = [y for s, y in covered if s == si]
            for at in covered:
                mention_of[at] = pi
            spans.append((pi, si, ys[0], ys[-1] + 1))
    out: list[MentionWindow] = []
    by_sentence: dict[int, list[tuple[int, int, int]]] = {}
    for pi, si, a, b in spans:
        by_sentence.setdefault(si, []).append((pi, a, b))
    cues = titles_lexicon().first_syllables
    for si in sorted(by_sentence):
        sentence = sentences[si]
        n = len(sentence)
        lowers = [s.text.lower() for s in sentence]
        marks = rules[si]
        # a window is read only where a title can start: a role's first syllable or a rule's title
        cued = [low in cues or mark.endswith("TTL") for low, mark in zip(lowers, marks, strict=True)]
        items = [
            (pi, a, b) for pi, a, b in by_sentence[si]
            if not gate or any(cued[max(0, a - REACH) : b + REACH])
        ]
        if not items:
            continue
        lo = max(0, min(a for _, a, _ in items) - REACH)
        hi = min(n, max(b for _, _, b in items) + REACH)
        base = sentence_features(sentence, marks, lo, hi)
        commas = [0] * (n + 1)
        ands = [0] * (n + 1)
        for i, low in enumerate(lowers):
            commas[i + 1] = commas[i] + (low in _COMMA_LIKE)
            ands[i + 1] = ands[i] + (low in _LIST_GAP and low != ",")
        named = frozenset(y for (q, y) in mention_of if q == si)
        # names in a stretch of the sentence, all persons' and each person's (prefix counts)
        in_names = [0] * (n + 1)
        for i in range(n):
            in_names[i + 1] = in_names[i] + (i in named)
        own_names: dict[int, list[int]] = {}
        for pi, _, _ in items:
            if pi not in own_names:
                row = own_names[pi] = [0] * (n + 1)
                for i in range(n):
                    row[i + 1] = row[i] + (mention_of.get((si, i)) == pi)
        row_rules = rules[si]
        for pi, a, b in items:
            first, last = max(0, a - REACH), min(n, b + REACH)
            own = own_names[pi]
            feats: list[list[str]] = []
            for i in range(first, last):
                # each syllable's own strings in one list display (a window reads 20 syllables,
                # each with 20-30 features: this loop is most of the step's Python time)
                if a <= i < b:
                    pos = side = "M"
                    f = [*base[i - lo], "f=M", "f|r=M|" + row_rules[i], "f|w=M|" + lowers[i]]
                else:
                    if i < a:
                        pos, side, g0, g1 = "L" + _bucket(a - i), "L", i + 1, a
                    else:
                        pos, side, g0, g1 = "R" + _bucket(i - b + 1), "R", b, i
                    f = [*base[i - lo], "f=" + pos, "f|r=" + side + "|" + row_rules[i],
                         "f|w=" + pos + "|" + lowers[i], _GAP_COMMAS[side][min(commas[g1] - commas[g0], 2)]]
                    if ands[g1] - ands[g0]:
                        f.append("ga=" + side)
                    if (in_names[g1] - in_names[g0]) - (own[g1] - own[g0]):
                        f.append("go=" + side)  # another person's name between
                at = (si, i)
                if at in holder:
                    f.append("rt=own" if holder[at] == pi else "rt=other")
                elif at in free:
                    f.append("rt=free")
                other = mention_of.get(at)
                if other is not None and other != pi:
                    f.append("per=other")
                elif other == pi and side != "M":
                    f.append("per=same")
                feats.append(f)
            out.append(MentionWindow(pi, si, first, last, (a, b), feats, named))
    return out


# ----------------------------------------------------------------------------- titles


def title_from_span(s: str, start: int, end: int) -> Title:
    """A Title over ``s[start:end]``, its role and organisation read by the rules' title grammar
    where it matches at the start ("Giám đốc điều hành của UEFA" → role "Giám đốc điều hành",
    organisation "UEFA"); otherwise the whole span is the role ("hạt giống số 2")."""
    m = titles_lexicon().title.match(s, start, end)
    modifier = None
    if m is None:
        return Title(text=s[start:end], start=start, end=end, role=s[start:end])
    if m.group("modifier"):
        modifier = MODIFIERS.get(m.group("modifier").casefold())
    role_end = m.end("role")
    rest = s[role_end:end].strip(" ,")
    for joiner in ("của ", "tại ", "thuộc "):  # of, at, belonging to
        if rest.startswith(joiner):
            rest = rest[len(joiner):]
            break
    role = s[m.start("role") : role_end]
    return Title(text=s[start:end], start=start, end=end, role=role,
                 organization=rest or None, modifier=modifier)


class Proposal(NamedTuple):
    person: int  # index into found.persons
    start: int  # normalised offsets
    end: int
    confidence: float  # the smallest marginal of the model's labels over the span


#: Words a title of the model neither starts nor ends with ("tại" (at), "về" (about), "và" (and) …).
_EDGE_WORDS = word_class("title_span_edge")


def spans_of(
    tags: Sequence[str], sentence: Sequence[Syllable], first: int, named: frozenset[int] = frozenset()
) -> list[tuple[int, int]]:
    """The B-T/I-T runs of one window as syllable ranges [i, j) of the sentence, on whole words
    (a run starting inside a word is dropped, one ending inside a word runs to its end), ending
    before a person's name ("NSND Tiến Thọ" gives "NSND") and without the punctuation and
    function words at their ends ("… Indochina Land về")."""
    out: list[tuple[int, int]] = []
    n = len(sentence)
    open_at: int | None = None
    for k, tag in enumerate([*tags, "O"]):
        if open_at is not None and (tag != "I-T" or first + k in named):
            i, j = first + open_at, first + k
            while j < n and not sentence[j].word_start:  # the word goes on
                j += 1
            while j > i and (sentence[j - 1].text.lower() in _EDGE_WORDS
                             or not sentence[j - 1].text[:1].isalnum()):
                j -= 1
            while i < j and sentence[i].text.lower() in _EDGE_WORDS:
                i += 1  # "tại Viện địa chất …" is a workplace, not a title
            if j > i and sentence[i].word_start and sentence[i].text[:1].isalnum():
                out.append((i, j))
            open_at = None
        if first + k not in named and (tag == "B-T" or (tag == "I-T" and open_at is None)):
            open_at = k
    return out


def _words(text: str) -> frozenset[str]:
    return frozenset(text.casefold().split())


def threshold(strategy: str) -> float | None:
    """The confidence a strategy asks of the model's spans: "add@0.5" → 0.5; "rules" → None."""
    name, _, value = strategy.partition("@")
    if name == "rules":
        return None
    if name != "add" or not value:
        raise ValueError(f"{strategy!r} is no title strategy: rules or add@P (0 <= P <= 1)")
    return float(value)


def is_strategy(strategy: str) -> bool:
    try:
        threshold(strategy)
    except ValueError:
        return False
    return True


def combine(s: str, found: Mentions, proposals: Sequence[Proposal], least: float) -> Mentions:
    """Persons with the model's titles merged into the rules'.

    A model span at least ``least`` sure is added to its person when it overlaps none of the
    person's titles and repeats none of them ("HLV" before each mention of a coach); where it
    covers one of them and reaches further (the organisation body the rules cut short: "Giám
    đốc điều hành Quỹ" → "… Quỹ đầu tư bất động sản Indochina Land") it replaces it, unless it
    joins two of the rules' titles or runs into a title of another person. A span that is exactly
    a title the rules read takes the rules' reading (organisation parsed).
    """
    rule_titles = sorted(found.titles, key=lambda t: (t.start, t.end))
    starts = [t.start for t in rule_titles]
    persons = list(found.persons)
    given = _Given.of(persons)
    for p in sorted(set(proposals)):
        if p.confidence < least:
            continue
        person = persons[p.person]
        titles = list(person.titles)
        mine = [t for t in titles if t.start < p.end and p.start < t.end]
        if len(mine) > 1:
            continue  # the rules read two titles there ("Chủ tịch HĐQT kiêm Tổng giám đốc …")
        if _runs_into(given, p):
            continue  # it runs into a title the rules gave another person ("… và thượng tá B")
        if mine:
            if not all(p.start <= t.start and t.end <= p.end for t in mine) or any(
                (t.start, t.end) == (p.start, p.end) for t in mine
            ):
                continue  # the rules' reading stays unless the model's covers it and reaches further
            titles = [t for t in titles if t not in mine]
        elif any(_words(s[p.start : p.end]) <= _words(t.text) for t in titles):
            continue
        k = bisect.bisect_left(starts, p.start)
        same = next((t for t in rule_titles[k : k + 1] if (t.start, t.end) == (p.start, p.end)), None)
        titles.append(same or title_from_span(s, p.start, p.end))
        persons[p.person] = attrs.evolve(person, titles=_fullest(titles))
    return attrs.evolve(found, persons=tuple(persons))


class _Given(NamedTuple):
    """The titles the rules gave each person, by start: (start, end, person) sorted."""

    spans: list[tuple[int, int, int]]
    starts: list[int]
    longest: int

    @classmethod
    def of(cls, persons: Sequence[Person]) -> _Given:
        spans = sorted((t.start, t.end, q) for q, person in enumerate(persons) for t in person.titles)
        return cls(spans, [a for a, _, _ in spans], max((b - a for a, b, _ in spans), default=0))


def _runs_into(given: _Given, p: Proposal) -> bool:
    """Whether proposal ``p`` overlaps a title the rules gave a person other than its own."""
    j = bisect.bisect_left(given.starts, p.end) - 1
    while j >= 0 and given.spans[j][0] > p.start - given.longest:
        start, end, person = given.spans[j]
        if person != p.person and start < p.end and p.start < end:
            return True
        j -= 1
    return False


def _fullest(titles: list[Title]) -> tuple[Title, ...]:
    """The titles in text order without those another title of the same first word covers
    ("giáo sư" beside "giáo sư dịch tễ học … tại Đại học Tổng hợp London")."""
    keys = [(t, _words(t.text), t.text.split()[0].casefold()) for t in titles]
    kept = [
        t for t, words, head in keys
        if not any(words < other and head == other_head for _, other, other_head in keys)
    ]
    return tuple(sorted(kept, key=lambda t: t.start))


#: Words before a title that make it the object of a verb, not the subject's position: "trao
#: đổi với phóng viên, ông X …" (talking with the reporter), "cho", "gặp" (meet), "tiếp" (receive).
_OBJECT_BEFORE = word_class("title_object_before")
#: What may stand between a shared title and a listed name: "tay vợt A, B và C".
_LIST_GAP = word_class("title_list_gap")
_QUOTES = frozenset('"“”«»')


def _kept(
    i: int, j: int, window: MentionWindow, sentence: Sequence[Syllable], others: frozenset[int]
) -> bool:
    """Whether a span [i, j) of the model may go to the window's person. Not when it is the
    object of a verb ("với phóng viên") away from the name, nor across a quotation mark (the
    title after a quote is its speaker's: "… em Bảo Trân" - Chủ tịch xã … cho hay), nor when it
    is a title the rules gave another person, unless only a list of names stands between ("tay
    vợt A và B": B's too)."""
    a, b = window.mention
    gap = range(j, a) if j <= a else range(b, i)
    if i > 0 and sentence[i - 1].text.lower() in _OBJECT_BEFORE and len(gap) > 0:
        return False
    if any(sentence[q].text in _QUOTES for q in gap):
        return False
    if others.isdisjoint(range(i, j)):
        return True
    return all(q in window.named or sentence[q].text.lower() in _LIST_GAP for q in gap)


def person_sentences(text: Text, found: Mentions) -> list[list[Syllable]]:
    """The syllables of the sentences that hold a person mention, the only ones the model reads
    (the token view's sentences, :func:`vnextract.learned.view.sentence_syllables`, built once
    per text and shared with the rules)."""
    sentences = sentence_syllables(text)
    firsts = [sentence[0].start for sentence in sentences]
    wanted = sorted({
        bisect.bisect_right(firsts, start) - 1 for person in found.persons for start, _ in person.mentions
    } - {-1})
    return [sentences[i] for i in wanted]


def propose(model: TitleModel, text: Text, found: Mentions) -> list[Proposal]:
    """The model's title spans for each person, with the model's confidence in each."""
    sentences = person_sentences(text, found)
    index = SyllableIndex(sentences)
    out: list[Proposal] = []
    labels: list[str] | None = None
    held: dict[tuple[int, int], int] = {}  # syllables of the titles the rules gave a person
    for pi, person in enumerate(found.persons):
        for title in person.titles:
            for at in index.covered(title.start, title.end):
                held.setdefault(at, pi)
    for window in mention_windows(sentences, found, index, gate=GATE):
        tags = model.tagger.tag(window.features)
        if "B-T" not in tags and "I-T" not in tags:
            continue
        sentence = sentences[window.sentence]
        spans = spans_of(tags, sentence, window.first, window.named)
        if not spans:
            continue
        labels = labels or list(model.tagger.labels())
        marginals = model.tagger.marginals(window.features)
        names = {w.casefold() for w in found.persons[window.person].name.split()}
        others = frozenset(y for (si, y), pi in held.items() if si == window.sentence and pi != window.person)
        for i, j in spans:
            while j > i and sentence[j - 1].text[:1].isupper() and sentence[j - 1].text.casefold() in names:
                j -= 1  # the person's name where the entity layer did not mark it: "NSND Trọng Bằng"
            if j == i or not _kept(i, j, window, sentence, others):
                continue
            sure = min(marginals[q - window.first][labels.index(tags[q - window.first])]
                       for q in range(i, min(j, window.last)))
            end = sentence[j - 1].end
            while text.normalized[end - 1] in ".,;:":  # "chi nhánh TP.HCM." ends a sentence
                end -= 1
            out.append(Proposal(window.person, sentence[i].start, end, sure))
    return out


def apply(model: TitleModel, text: Text, found: Mentions) -> Mentions:
    """The rules' titles of every person combined with the model's, by the model's strategy."""
    least = threshold(model.strategy)
    if least is None or not found.persons:
        return found
    return combine(text.normalized, found, propose(model, text, found), least)


def link(text: Text, found: Mentions) -> Mentions:
    """Pipeline step (after the persons linker): the packaged title model, if one ships."""
    model = packaged_model()
    return found if model is None else apply(model, text, found)
