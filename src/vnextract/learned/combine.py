"""How the model's spans and the rules' entities become one set: named strategies.

Chosen by 5-fold cross-validation on the corpus (docs/accuracy.md has the table):

- ``rules``   the rules alone (the model is not run);
- ``model``   the model's spans replace the rules' persons, organisations and places;
- ``add``     the rules' entities stay; a model span is added where it overlaps none of them
              (the model only fills what the rules left untouched: bare brands, names with no
              cue, places outside the lists).
- ``keep@P``  a rule's entity stays unless the model gives its labels a probability below P on
              some syllable (the smallest marginal over the span); the model's spans fill the
              rest. ``keep@0`` is ``add``; a high P comes close to ``model``.
- ``swap@P``  as ``keep@P``, but a doubted rule's entity gives way only to a model span that
              overlaps it (a competing reading); where the model sees nothing the rule stands
              (the rules know shapes the corpus has few of: "ngành TTTT").
For ``keep@P`` and ``swap@P``, a rule's organisation that starts with a head and ends with a
place after some words ("UBND tỉnh Bình Dương", "TAND cấp cao tại Hà Nội") is not doubted by
model spans lying inside it: cutting it into its head and its place is no competing reading of
the name (the guideline keeps the place in the organisation's name). It keeps the high courts
whole (a retrained model read "TAND Cấp cao tại Hà Nội" as "Hà Nội") and changes no entity of
folds 1-3 out of fold (without "after some words" it changed one, wrongly: "Báo Tây Ban Nha",
the Spanish press, is no body named by its place).
Nor is a rule's company written with a lowercase head and its legal form ("công ty TNHH Vương
Vũ") doubted by a model span inside it: the form makes the head part of the name.
Beside the rules, a model span starting on a lowercase word is no name (a name starts with a
capital or a digit; "ePass" is no lowercase word): the lowercase words the guideline takes into
some names ("châu Á", "đồng bằng sông Cửu Long") the rules read from their lists. Out of fold on
folds 1-3 such spans were 17 wrong ("dân lập Văn Hiến", "vực phía Nam") for 3 right ("phía
Nam") with ``swap@0.1+doc``; ``model`` keeps them (without the rules they are often right).
Each strategy may be followed by the document pass (``+doc``): a name the combination found
once labels its other mentions that nothing covers ("Wildberries" found once, tagged again).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

import attrs

from vnextract import lexicon as gz
from vnextract.lazy_regex import lazy_compile
from vnextract.learned.view import Syllable, SyllableIndex
from vnextract.mentions import Mentions
from vnextract.records import Location, Organization, Person, Span

STRATEGIES: tuple[str, ...] = ("rules", "model", "add", "model+doc", "add+doc", "swap@0.1+doc")
_STRATEGY = lazy_compile(r"(?:rules|model|add|(?:keep|swap)@(?:0|1|0?\.\d+))(?:\+doc)?")


def is_strategy(name: str) -> bool:
    """``rules``, ``model``, ``add``, ``keep@P`` or ``swap@P`` (0 ≤ P ≤ 1), each optionally ``+doc``."""
    return _STRATEGY.fullmatch(name) is not None


class Support(NamedTuple):
    """The model's marginal probabilities: per sentence index, per syllable, per label (None
    where the model did not read the syllable)."""

    labels: tuple[str, ...]
    by_sentence: dict[int, list[list[float] | None]]
    syllables: SyllableIndex | None = None  # the document's syllables by offset (built by propose)


class Proposal(NamedTuple):
    label: str  # PER, ORG, LOC
    start: int  # offsets into Text.normalized
    end: int
    first: int  # index of its first syllable in the sentence
    sentence: int


def spans_of_tags(
    tags: Sequence[str], sentence: Sequence[Syllable], index: int, offset: int = 0
) -> list[Proposal]:
    """BIO tags of the syllables of one sentence from ``offset`` on → spans ("I-" after "O" opens a
    span, as conlleval reads it)."""
    out: list[Proposal] = []
    open_label: str | None = None
    first = 0
    for i, tag in enumerate([*tags, "O"]):
        label = tag[2:] if tag != "O" else None
        if open_label is not None and (label != open_label or tag.startswith("B-")):
            a, b = _without_edge_marks(sentence, offset + first, offset + i)
            if a < b:
                out.append(Proposal(open_label, sentence[a].start, sentence[b - 1].end, a, index))
            open_label = None
        if label is not None and open_label is None:
            open_label, first = label, i
    return out


#: Marks a name may end with: initials' dot ("anh C."), a closing quote (Công ty “Sao Mai”).
_NAME_END_MARKS = frozenset({".", "”", '"', "’", "'"})


def _without_edge_marks(sentence: Sequence[Syllable], first: int, last: int) -> tuple[int, int]:
    """Syllables ``[first, last)`` of a model span without the punctuation at its edges that no
    name has (no corpus entity starts with a mark or ends with "," or ";")."""
    while first < last and sentence[first].kind == "punct":
        first += 1
    while last > first and sentence[last - 1].kind == "punct":
        if sentence[last - 1].text in _NAME_END_MARKS:
            break
        last -= 1
    return first, last


def _record(normalized: str, p: Proposal, honorific: str | None) -> Span:
    surface = normalized[p.start : p.end]
    if p.label == "PER":
        return Person(text=surface, start=p.start, end=p.end, name=surface, honorific=honorific,
                      mentions=((p.start, p.end),))
    if p.label == "ORG":
        return Organization(text=surface, start=p.start, end=p.end, name=surface)
    return Location(text=surface, start=p.start, end=p.end, name=surface)


def _honorific_before(sentences: Sequence[Sequence[Syllable]], p: Proposal) -> str | None:
    if p.label != "PER" or p.first == 0:
        return None
    before = sentences[p.sentence][p.first - 1].text.lower()
    return before if before in gz.honorifics() else None


_ENTITY_FIELDS = ("persons", "organizations", "locations")


def combine(
    strategy: str,
    normalized: str,
    sentences: Sequence[Sequence[Syllable]],
    found: Mentions,
    proposals: Sequence[Proposal],
    support: Support | None = None,
) -> Mentions:
    """The entities of ``found`` (the rules') combined with the model's ``proposals`` (and its
    marginals, for ``keep@P``)."""
    base, _, doc_pass = strategy.partition("+")
    if base == "rules":
        return found
    rules: list[Span] = [r for field in _ENTITY_FIELDS for r in getattr(found, field)]
    if base != "model":
        proposals = [p for p in proposals if not sentences[p.sentence][p.first].text.islower()]
    if base == "model":
        by_span = {(type(r).__name__, r.start, r.end): r for r in rules}
        kept: list[Span] = []
        for p in proposals:
            same = by_span.get((_CLASS[p.label], p.start, p.end))
            kept.append(same or _record(normalized, p, _honorific_before(sentences, p)))
    elif base.startswith(("keep@", "swap@")):
        if support is None:
            raise ValueError(f"strategy {strategy!r} needs the model's marginals")
        threshold = float(base.partition("@")[2])
        by_span = {(type(r).__name__, r.start, r.end): r for r in rules}
        proposed = sorted((p.start, p.end) for p in proposals)
        index = support.syllables or SyllableIndex(sentences)

        def stands(r: Span) -> bool:
            if base.startswith("swap@") and not _overlaps_any(proposed, r.start, r.end):
                return True  # no competing reading: the rule stands, however doubted
            if _cut_inside(r, proposed) and _head_to_place(r, index, sentences):
                return True  # the model cuts a named body into head and place: no other reading
            if _cut_inside(r, proposed) and _company_with_form(r, index, sentences):
                return True  # "công ty TNHH Vương Vũ": the model leaves out the lowercase head
            if _within(r, proposed) and _after_admin_prefix(r, index, sentences):
                return True  # "Tỉnh Bình Dương hỗ trợ …": a province, whatever it does
            return _confidence(r, index, support) >= threshold

        kept = [r for r in rules if stands(r)]
        taken = sorted((r.start, r.end) for r in kept)
        for p in proposals:
            if not _overlaps_any(taken, p.start, p.end):
                same = by_span.get((_CLASS[p.label], p.start, p.end))
                kept.append(same or _record(normalized, p, _honorific_before(sentences, p)))
                taken.append((p.start, p.end))
    elif base == "add":
        kept = list(rules)
        taken = sorted((r.start, r.end) for r in rules)
        for p in proposals:
            if not _overlaps_any(taken, p.start, p.end):
                kept.append(_record(normalized, p, _honorific_before(sentences, p)))
    else:
        raise ValueError(f"unknown strategy {strategy!r}; known: {', '.join(STRATEGIES)}")
    if doc_pass:
        index = (support.syllables if support else None) or SyllableIndex(sentences)
        kept.extend(_other_mentions(normalized, sentences, kept, index))
    buckets: dict[str, list[Span]] = {field: [] for field in _ENTITY_FIELDS}
    for r in kept:
        buckets[_BUCKET[type(r)]].append(r)
    ordered: dict[str, Any] = {
        field: tuple(sorted(items, key=lambda r: (r.start, r.end))) for field, items in buckets.items()
    }
    return attrs.evolve(found, **ordered)


_CLASS = {"PER": "Person", "ORG": "Organization", "LOC": "Location"}
_BUCKET: dict[type, str] = {Person: "persons", Organization: "organizations", Location: "locations"}


_LABEL: dict[type, str] = {Person: "PER", Organization: "ORG", Location: "LOC"}


def _confidence(record: Span, index: SyllableIndex, support: Support) -> float:
    """The smallest probability the model gives the rule's labels over the record's syllables
    (1.0 where the model did not read them: the rule stands)."""
    label = _LABEL[type(record)]
    lowest = 1.0
    for n, (si, yi) in enumerate(index.covered(record.start, record.end)):
        rows = support.by_sentence.get(si)
        probs = rows[yi] if rows else None
        if probs is None:
            return 1.0
        want = ("B-" if n == 0 else "I-") + label
        lowest = min(lowest, probs[support.labels.index(want)])
    return lowest


def _cut_inside(r: Span, proposed: Sequence[tuple[int, int]]) -> bool:
    """Every model span overlapping the organisation ``r`` lies inside it and is shorter."""
    if not isinstance(r, Organization):
        return False
    inside = False
    for s, e in proposed:
        if s < r.end and r.start < e:
            if s < r.start or e > r.end or (s, e) == (r.start, r.end):
                return False
            inside = True
    return inside


def _head_to_place(r: Span, index: SyllableIndex, sentences: Sequence[Sequence[Syllable]]) -> bool:
    """The organisation starts with an organisation head and ends with a place name (after its
    head): "UBND tỉnh Bình Dương", "Sở Y tế Hà Nội", "TAND cấp cao tại Đà Nẵng"."""
    forms = tuple(sentences[si][yi].text for si, yi in index.covered(r.start, r.end))
    heads, places = gz.org_heads(), gz.places()
    head = next((n for n in range(min(len(forms) - 1, 6), 0, -1) if forms[:n] in heads), 0)
    # a word between them: "Báo Tây Ban Nha" (the Spanish press) is a head and a place only
    return bool(head) and any(forms[i:] in places for i in range(head + 1, len(forms)))


def _company_with_form(r: Span, index: SyllableIndex, sentences: Sequence[Sequence[Syllable]]) -> bool:
    """The organisation starts with a lowercase head and a company form (the rule
    ``company_with_form``: "công ty TNHH Vương Vũ", "công ty cổ phần Đồng Xuân"): the form
    makes the head part of the name, which a model span without the head cuts."""
    forms = tuple(sentences[si][yi].text for si, yi in index.covered(r.start, r.end))
    if not forms or not forms[0].islower():
        return False
    heads, company_forms = gz.org_heads(), gz.phrase_class("company_form")
    for n in range(min(len(forms) - 1, 3), 0, -1):
        if (forms[0].capitalize(), *forms[1:n]) in heads:
            return any(forms[n : n + k] in company_forms for k in (1, 2, 3))
    return False


def _within(r: Span, proposed: Sequence[tuple[int, int]]) -> bool:
    """Every model span overlapping ``r`` lies inside it (its own span included)."""
    return all(r.start <= s and e <= r.end for s, e in proposed if s < r.end and r.start < e)


def _after_admin_prefix(r: Span, index: SyllableIndex, sentences: Sequence[Sequence[Syllable]]) -> bool:
    """The place ``r`` follows the word of an administrative unit ("tỉnh", "Tỉnh", "thành
    phố", "huyện"): a unit, not a club or a body named after it ("Bình Dương thắng 2-0")."""
    if not isinstance(r, Location):
        return False
    covered = index.covered(r.start, r.end)
    if not covered:
        return False
    si, first = covered[0]
    before = tuple(s.text for s in sentences[si][max(0, first - 3) : first])
    prefixes = gz.place_prefixes()
    return any(
        (p := prefixes.get(before[len(before) - n :])) is not None and p.administrative
        for n in range(1, len(before) + 1)
    )


def _overlaps_any(taken: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    for s, e in taken:  # noqa: SIM110 - a plain loop is twice as fast as any() over a generator here
        if s < end and start < e:
            return True
    return False


def _other_mentions(
    normalized: str, sentences: Sequence[Sequence[Syllable]], kept: Sequence[Span], index: SyllableIndex
) -> list[Span]:
    """Uncovered runs of syllables that spell a name found elsewhere in the document."""
    names: dict[tuple[str, ...], Span] = {}
    for r in kept:
        words = tuple(sentences[si][yi].text for si, yi in index.covered(r.start, r.end))
        if words and words[0][:1].isupper() and (len(words) > 1 or len(words[0]) > 2):
            names.setdefault(words, r)
    if not names:
        return []
    longest = max(map(len, names))
    firsts = {words[0] for words in names}
    taken = sorted((r.start, r.end) for r in kept)
    added: list[Span] = []
    for si, sentence in enumerate(sentences):
        starts = [i for i, s in enumerate(sentence) if s.text in firsts]  # few: look at those only
        if not starts:
            continue
        forms = [s.text for s in sentence]
        free = 0  # found mentions do not overlap
        for i in starts:
            if i < free:
                continue
            hit = 0
            for k in range(min(longest, len(sentence) - i), 0, -1):
                if tuple(forms[i : i + k]) in names:
                    hit = k
                    break
            if hit:
                start, end = sentence[i].start, sentence[i + hit - 1].end
                if not _overlaps_any(taken, start, end):
                    model = names[tuple(forms[i : i + hit])]
                    label = {Person: "PER", Organization: "ORG", Location: "LOC"}[type(model)]
                    p = Proposal(label, start, end, i, si)
                    added.append(_record(normalized, p, _honorific_before(sentences, p)))
                    taken.append((start, end))
                free = i + hit
    return added
