"""Guards on the model's PER spans, where knowledge or grammar says the span is no person.

The entity model reads shapes: a capitalised run with no cue is a person as often as not, so
out of sample it also tags brands, products and peoples as persons ("Anthropic Claude",
"trình duyệt Firefox", "người Nauy"). Before the model's spans meet the rules' entities
(``combine.combine``), each PER span goes through these rules, in order:

- *known_organization_start*: the span starts with a name the organisation gazetteer reads
  alone ("Anthropic", "Cathay Life": ``lexicon.known_organizations``): that name is an
  organisation, and what follows it (a product, "Claude") is nothing; when what follows is a
  place ("Mujahideen Iraq"), the whole span is the organisation named with its place.
- *after_product_noun*: the span follows a noun for a product or a contest's part (word class
  ``product_noun``: "dòng" line, "trình duyệt" browser, "robot", "phần thi" round …), an
  opening quote between or not: the name of a thing (nothing, by the guideline's products
  convention). Nouns that are also verbs taking a person ("điện thoại" to phone, "đề cử" to
  nominate) are not in the class. The document's other PER spans holding those words go too.
- *after_origin_noun*: the span follows "người" (people of) or "gốc" (of origin), word class
  ``origin_noun``: a nationality or a group ("người Nauy", "gốc Việt"), tagged LOC as the
  guideline tags "người Mỹ"; a person is named after a longer noun ("người mẫu", "người đẹp").
- *camel_case_start*: the span starts with a word written with one lowercase letter then a capital
  ("iPhone Air", "eBay", "iPad Pro"): a brand's or a product's spelling, never a person's
  name (folds 1-3 gold: 9 such entities, all ORG, no PER).
- *after_site_noun*: the span follows a noun for a site (word classes ``site_place_noun``:
  "căn cứ" base, "trại tị nạn" refugee camp, "khu vực" area → LOC; ``site_body_noun``:
  "khách sạn" hotel, "nhà hàng" restaurant, "rạp" cinema → ORG): the site's name, as the
  corpus tags names after these nouns (no PER after any of them in folds 1-3).
- *listed_after_noun*: the span is an item of a list opened by "như" (such as) or "bao gồm"
  (including), word class ``list_opener``, after a noun phrase headed by one of those nouns
  ("các khách sạn lớn như Hương Giang, Duy Tân" the big hotels such as …; "các ứng dụng lõi,
  như Word, Power Point" the core applications such as …): an instance of that noun, read as
  the noun right before it would be read.
"""

from __future__ import annotations

from collections.abc import Sequence

from vnextract import lexicon as gz
from vnextract.lazy_regex import lazy_compile
from vnextract.learned.combine import Proposal
from vnextract.learned.view import Syllable

#: One lowercase letter then a capital: "iPhone", "eBay" (a brand's spelling; not a word glued
#: before a name, "lờiCharles Graner", which linking/span_edges.py cuts off).
_CAMEL_CASE = lazy_compile(r"\p{Ll}\p{Lu}")

#: Opening quotes a name of a thing may stand in: grammar, not a word list.
_OPEN_QUOTES = frozenset({"'", '"', "“", "‘", "«"})


def _before(sentence: Sequence[Syllable], first: int) -> list[str]:
    """The lowercase syllables before ``first`` (up to four: "nghĩa trang liệt sĩ"), an
    opening quote right before the name skipped."""
    k = first
    if k > 0 and sentence[k - 1].text in _OPEN_QUOTES:
        k -= 1
    return [s.text.lower() for s in sentence[max(0, k - 4) : k]]


def _ends_with(words: list[str], phrases: frozenset[tuple[str, ...]]) -> bool:
    return any(len(words) >= n and tuple(words[-n:]) in phrases for n in (1, 2, 3, 4))


def guard(p: Proposal, sentences: Sequence[Sequence[Syllable]]) -> Proposal | None:
    """The proposal ``p`` as the guards read it: unchanged, relabelled, cut, or None (nothing).

    Only PER spans are guarded; the rules are tried in the order of the module's docstring.
    """
    if p.label != "PER":
        return p
    sentence = sentences[p.sentence]
    last = p.first
    while last + 1 < len(sentence) and sentence[last + 1].end <= p.end:
        last += 1
    words = tuple(s.text for s in sentence[p.first : last + 1])
    known = gz.known_organizations()
    for n in range(len(words), 0, -1):  # known_organization_start
        if words[:n] in known:
            if n < len(words) and words[n:] in gz.places():  # "Mujahideen Iraq": named with its place
                return p._replace(label="ORG")
            return p._replace(label="ORG", end=sentence[p.first + n - 1].end)
    if _CAMEL_CASE.match(words[0]):  # camel_case_start
        return None
    before = _before(sentence, p.first)
    if _ends_with(before, gz.phrase_class("product_noun")):  # after_product_noun
        return None
    quoted = p.first > 0 and sentence[p.first - 1].text in _OPEN_QUOTES
    if not quoted and before and (before[-1],) in gz.phrase_class("origin_noun"):  # after_origin_noun
        return p._replace(label="LOC")
    if not quoted and _ends_with(before, gz.phrase_class("site_place_noun")):  # after_site_noun
        return p._replace(label="LOC")
    if not quoted and _ends_with(before, gz.phrase_class("site_body_noun")):
        return p._replace(label="ORG")
    head = _list_head(sentence, p.first)  # listed_after_noun
    if head == "product_noun":
        return None
    if head is not None:
        return p._replace(label=_SITE_LABEL[head])
    return p


#: Marks between a list's noun phrase and its opener ("các ứng dụng lõi, như …").
_LIST_MARKS = frozenset({",", ":"})
#: The label of a name a site noun stands before.
_SITE_LABEL = {"site_place_noun": "LOC", "site_body_noun": "ORG"}
#: How many syllables of a list's noun phrase are read ("các ứng dụng lõi" the core applications).
_HEAD_REACH = 6


def _list_head(sentence: Sequence[Syllable], first: int) -> str | None:
    """The class of the noun a list the span belongs to is introduced by, or None.

    "các khách sạn lớn như Hương Giang, Duy Tân" (the big hotels such as …), "các ứng dụng lõi,
    như Word, Excel, Power Point" (the core applications, such as …): the names listed after
    "như" (such as) or "bao gồm" (including), word class ``list_opener``, are instances of the
    noun phrase before it; when that phrase starts (after a plural marker: "các", "những") with
    a noun of ``product_noun``, ``site_place_noun`` or ``site_body_noun``, so are they."""
    k = first  # walk back over the earlier items: names, commas, "và" (and)
    joiners = gz.phrase_class("list_joiner")
    while k > 0 and (sentence[k - 1].kind in _NAME_KINDS or sentence[k - 1].text == ","
                     or (sentence[k - 1].text,) in joiners):
        k -= 1
    words = [s.text.lower() for s in sentence[max(0, k - 2) : k]]
    openers = gz.phrase_class("list_opener")
    opener = next((n for n in (2, 1) if len(words) >= n and tuple(words[-n:]) in openers), 0)
    if not opener:
        return None
    k -= opener
    if k > 0 and sentence[k - 1].text in _LIST_MARKS:
        k -= 1
    start = k  # the noun phrase: lowercase syllables back to a mark, a name or the sentence's start
    while start > 0 and k - start < _HEAD_REACH and sentence[start - 1].kind == "lower":
        start -= 1
    syllables = sentence[start:k]
    phrase = [s.text.lower() for s in syllables]
    plural = gz.phrase_class("plural_marker")
    for i in range(len(phrase)):  # the head: at the phrase's start or after a plural marker
        if i and (phrase[i - 1],) not in plural:
            continue
        for name in ("product_noun", "site_place_noun", "site_body_noun"):
            nouns = gz.phrase_class(name)
            for n in range(1, min(4, len(phrase) - i) + 1):
                # a whole word: "game" (a game), not "game thủ" (a gamer, a person)
                whole = i + n == len(phrase) or syllables[i + n].word_start
                if whole and tuple(phrase[i : i + n]) in nouns:
                    return name
    return None


def _words(p: Proposal, sentences: Sequence[Sequence[Syllable]]) -> tuple[str, ...]:
    return tuple(s.text for s in sentences[p.sentence][p.first :] if s.end <= p.end)


def guarded(proposals: Sequence[Proposal], sentences: Sequence[Sequence[Syllable]]) -> list[Proposal]:
    """The model's proposals after :func:`guard` (those it takes left out). A name the text
    calls a thing once ("trình duyệt Firefox") is that thing in its other mentions too, where
    no cue stands before it ("Firefox có ít tổn thương hơn", "Spread Firefox"): PER spans
    holding it go as well."""
    out: list[Proposal | None] = [guard(p, sentences) for p in proposals]
    things = {_words(p, sentences) for p, q in zip(proposals, out, strict=True) if q is None}
    if any(p.label == "PER" for p in proposals):
        things |= _named_things(sentences)
    return [
        q for q in out
        if q is not None and not (q.label == "PER" and _names_thing(_words(q, sentences), things))
    ]


def _named_things(sentences: Sequence[Sequence[Syllable]]) -> set[tuple[str, ...]]:
    """The capitalised runs written right after a product noun anywhere in the document
    ("trình duyệt Firefox" → ("Firefox",)), whoever tagged them."""
    found: set[tuple[str, ...]] = set()
    nouns = gz.phrase_class("product_noun")
    for sentence in sentences:
        i = 0
        while i < len(sentence):
            if sentence[i].kind in _NAME_KINDS and _ends_with(_before(sentence, i), nouns):
                j = i
                while j < len(sentence) and sentence[j].kind in _NAME_KINDS:
                    j += 1
                found.add(tuple(s.text for s in sentence[i:j]))
                i = j
            else:
                i += 1
    return found


#: The kinds of syllable a name is written in ("Firefox", "IE").
_NAME_KINDS = frozenset({"cap", "abbr"})


def _names_thing(words: tuple[str, ...], things: set[tuple[str, ...]]) -> bool:
    """``words`` hold a thing's name ("Spread Firefox" after "trình duyệt Firefox")."""
    return any(words[i : i + len(t)] == t for t in things for i in range(len(words) - len(t) + 1))

