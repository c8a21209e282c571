"""The document: the sentences scanned one by one, then the passes over the whole document, in
the order :func:`recognize` calls them (names written in full elsewhere, short names of
organisations, titled "persons" that are organisations, names met before)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vnextract import lexicon
from vnextract.recognizers.entities.clubs import clubs_by_city
from vnextract.recognizers.entities.scan import Scanner
from vnextract.recognizers.entities.tables import (
    ADMIN_WORDS,
    COMPANY_FORMS,
    FOREIGN_SYLLABLE,
    NAME_SYLLABLE,
    NAMED_AFTER_PEOPLE,
    NOT_SHORT_NAMES,
    PLACE_NAMED_HEADS,
    Cand,
    lexicons,
    match_at,
)
from vnextract.records import Location, Organization, Person, Span
from vnextract.text import Text
from vnextract.text.syllables import Syllable
from vnextract.text.view import glued_starts, token_view


def _bylines(segments: Sequence[list[Syllable]]) -> set[int]:
    """Indices of the last short segments that are only a name (the author: "Nguyễn Thảo")."""
    found: set[int] = set()
    for idx in range(len(segments) - 1, max(-1, len(segments) - 5), -1):
        words = segments[idx]
        if 2 <= len(words) <= 4 and all(NAME_SYLLABLE.fullmatch(w.text) for w in words):
            found.add(idx)
    return found


def _records(text: Text, toks: Sequence[Syllable], c: Cand) -> Span:
    start, end = toks[c.start].start, toks[c.end - 1].end
    surface = text.normalized[start:end]
    if c.label == "PER":
        return Person(
            text=surface, start=start, end=end, name=surface, honorific=c.honorific, mentions=((start, end),)
        )
    if c.label == "ORG":
        return Organization(text=surface, start=start, end=end, name=surface)
    return Location(text=surface, start=start, end=end, name=surface, kind=c.kind)


def _same_name_elsewhere(sentences: list[tuple[list[Syllable], list[Cand]]]) -> None:
    """Organisations the document names in full elsewhere, whatever the case of their words
    here: "Học viện Báo chí" before "và tuyên truyền" grows to the "Học viện Báo chí và Tuyên
    truyền" met in another sentence; "Học viện Báo chí và Tuyên truyền phát triển" loses the
    lowercase verb the full name never has. Changes the candidates in place."""
    names: set[tuple[str, ...]] = set()
    for toks, cands in sentences:
        for c in cands:
            if c.label == "ORG" and c.end - c.start >= 3:
                names.add(tuple(t.text.casefold() for t in toks[c.start : c.end]))
    if not names:
        return
    by_start: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for name in names:
        by_start.setdefault(name[:2], []).append(name)
    for toks, cands in sentences:
        for q, c in enumerate(cands):
            if c.label != "ORG" or c.end - c.start < 2:
                continue
            here = tuple(t.text.casefold() for t in toks[c.start : c.end])
            longest = c.end
            for name in by_start.get(here[:2], ()):
                n = len(name)
                if n > len(here) and name[: len(here)] == here and c.start + n <= len(toks):
                    if tuple(t.text.casefold() for t in toks[c.start : c.start + n]) == name and (
                        q + 1 == len(cands) or cands[q + 1].start >= c.start + n
                    ):
                        longest = max(longest, c.start + n)  # grows to the full name
                elif (
                    5 <= n < len(here)  # a long full name only: "Trung tâm Y tế" + "dự phòng" is another
                    and here[:n] == name
                    and all(t.kind == "lower" for t in toks[c.start + n : c.end])
                    and not match_at(toks, c.start + n, ADMIN_WORDS, 3)
                    and longest == c.end
                ):
                    longest = c.start + n  # loses lowercase words the full name never has
            if longest != c.end:
                cands[q] = c._replace(end=longest)


Scanned = list[tuple[list[Syllable], list[Cand]]]  # each sentence's syllables and candidates


def scan_sentences(text: Text, trace: list[str] | None = None) -> Scanned:
    """Every sentence scanned by the rules of :mod:`~vnextract.recognizers.entities.scan_rules`; a
    byline (a last short line that is only a name: "Nguyễn Thảo") is a person whole."""
    lex = lexicons()
    segments = token_view(text).sentences
    bylines = _bylines(segments)
    glued = glued_starts(text)
    sentences: Scanned = []
    for idx, toks in enumerate(segments):
        if not toks:
            continue
        if (
            idx in bylines
            and all(t.kind == "cap" for t in toks)
            and Scanner(toks, lex).place_at(0, None, lexicon.TIER_DISTRICT) < len(toks)
        ):
            sentences.append((toks, [Cand("PER", 0, len(toks))]))
            if trace is not None:
                trace.append("byline")
            continue
        sentences.append((toks, Scanner(toks, lex, glued).scan(trace)))
    clubs_by_city(sentences, trace)  # "hậu vệ Liverpool": in a match report, the club
    return sentences


def organization_names(sentences: Scanned) -> set[str]:
    """Names of the organisations found, and the short names they give: "Bình Lộc" of
    "doanh nghiệp tư nhân Bình Lộc", "Holcim Foundation" of "Công ty Holcim Foundation",
    "Saigontourist" of "Công ty dịch vụ lữ hành Saigontourist"."""
    lex = lexicons()
    org_names: set[str] = set()
    for toks, cands in sentences:
        for c in cands:
            if c.label == "ORG":
                words = tuple(t.text for t in toks[c.start : c.end])
                if all(toks[q].kind in ("cap", "abbr") for q in range(c.start, c.end)) and not (
                    match_at(toks, c.start, lex.heads, lex.head_len)
                ):
                    org_names.add(" ".join(words))  # "doanh nghiệp tư nhân Bình Lộc" → "Bình Lộc"
                h = match_at(toks, c.start, lex.heads, lex.head_len) or _lowercase_head(toks, c)
                form = match_at(toks, c.start + h, COMPANY_FORMS, 3) if h else 0
                h += form  # "công ty TNHH Vương Vũ" → "Vương Vũ": the legal form is no name
                body = words[h:]
                if (
                    h
                    and body
                    and words[: h - form] not in PLACE_NAMED_HEADS  # "Đại học Lanzhou": a city
                    and all(toks[c.start + h + q].kind == "cap" for q in range(len(body)))
                    and (len(body) >= 2 or body[0].lower() not in lex.words)
                    and not Scanner(list(toks[c.start + h : c.end]), lex).place_at(
                        0, None, lexicon.TIER_DISTRICT
                    )
                ):
                    org_names.add(" ".join(body))  # "Công ty Holcim Foundation" → "Holcim Foundation"
                tail = c.end
                while tail > c.start and toks[tail - 1].kind == "cap":
                    tail -= 1
                if (
                    h
                    and c.start + h < tail < c.end
                    and c.end - tail <= 3
                    and toks[tail - 1].kind == "lower"
                    and not any(
                        match_at(toks, tail - m, ADMIN_WORDS, m) == m for m in (1, 2) if tail - m >= 0
                    )
                    and (c.end - tail > 1 or toks[tail].text.lower() not in lex.words)
                    and Scanner(list(toks[tail : c.end]), lex).place_at(0, None, lexicon.TIER_DISTRICT)
                    < c.end - tail
                ):
                    # "Công ty dịch vụ lữ hành Saigontourist" → "Saigontourist";
                    # "Công ty Cổ phần Đầu tư và Công nghiệp Tân Tạo" → "Tân Tạo"
                    org_names.add(" ".join(t.text for t in toks[tail : c.end]))
    return org_names


def _lowercase_head(toks: Sequence[Syllable], c: Cand) -> int:
    """The length of a head written in lowercase at the organisation's start, when a company
    form follows it ("công ty TNHH Vương Vũ", rule company_with_form), else 0."""
    lex = lexicons()
    if toks[c.start].kind != "lower":
        return 0
    capitalised = [toks[c.start]._replace(text=toks[c.start].text.capitalize()), *toks[c.start + 1 : c.end]]
    h = match_at(capitalised, 0, lex.heads, lex.head_len)
    return h if h and match_at(toks, c.start + h, COMPANY_FORMS, 3) else 0


def bare_persons_named_as_organizations(sentences: Scanned, org_names: set[str]) -> None:
    """A "person" read from the shape of a name alone (no honorific, no title), named like the
    short name of an organisation the document gives with its head, is that organisation:
    "công ty TNHH Vương Vũ … khả năng thanh toán của Vương Vũ". Not when the head is one named
    after people without a company form ("Trường THPT Lê Lợi … Lê Lợi là vị vua": the king), nor
    when the name is a person's elsewhere (after an honorific or a title). Changes the
    candidates in place."""
    lex = lexicons()
    cued: set[str] = set()  # persons named with an honorific or a title somewhere
    after_people: set[str] = set()  # "Trường Lê Lợi": the king is meant elsewhere
    for toks, cands in sentences:
        for c in cands:
            if c.label == "PER" and (c.honorific or c.by_cue):
                cued.add(" ".join(t.text for t in toks[c.start : c.end]))
            elif c.label == "ORG":
                h = match_at(toks, c.start, lex.heads, lex.head_len)
                head = tuple(t.text for t in toks[c.start : c.start + h])
                if h and head in NAMED_AFTER_PEOPLE and not match_at(toks, c.start + h, COMPANY_FORMS, 3):
                    after_people.add(" ".join(t.text for t in toks[c.start + h : c.end]))
    names = org_names - cued - after_people
    if not names:
        return
    for toks, cands in sentences:
        for q, c in enumerate(cands):
            if (
                c.label == "PER"
                and not (c.honorific or c.by_cue)
                and " ".join(t.text for t in toks[c.start : c.end]) in names
            ):
                cands[q] = c._replace(label="ORG")


def titled_organizations(sentences: Scanned, org_names: set[str]) -> None:
    """A "person" found only because a title came before, named like an organisation found
    elsewhere, is that organisation ("Giám đốc Vinaisalpro"). Changes the candidates in place."""
    for toks, cands in sentences:
        for q, c in enumerate(cands):
            if c.label == "PER" and c.by_cue and " ".join(t.text for t in toks[c.start : c.end]) in org_names:
                cands[q] = c._replace(label="ORG")


def person_and_place_names(sentences: Scanned) -> tuple[set[str], set[str]]:
    """Names of the persons found, with their short forms ("Liêm" and "Thanh Liêm" of "Trần
    Thanh Liêm", "Tala" of "Tala Pierre Marie"), and of the places found."""
    lex = lexicons()
    person_names: set[str] = set()
    loc_names: set[str] = set()
    for toks, cands in sentences:
        for c in cands:
            words = tuple(t.text for t in toks[c.start : c.end])
            if c.label == "PER":
                person_names.add(" ".join(words))
                if len(words) >= 2 and words[0] in lex.surnames:
                    person_names.add(words[-1])
                    if len(words) >= 3:
                        person_names.add(" ".join(words[-2:]))
                elif len(words) >= 2:  # a foreign name: "Tala Pierre Marie" → "Tala"
                    for w in (words[0], words[-1]):
                        if FOREIGN_SYLLABLE.fullmatch(w):
                            person_names.add(w)
            elif c.label == "LOC":
                loc_names.add(" ".join(words))
    return person_names - NOT_SHORT_NAMES, loc_names


def names_met_before(
    text: Text, sentences: Scanned, person_names: set[str], org_names: set[str], loc_names: set[str]
) -> Iterator[Span]:
    """The records, with the names met before settled: a run left unknown by the scan is the
    person, organisation or place of that name ("ông Liêm", "Vinaisalpro"), a sentence-initial
    syllable taken for a common word joins the name after it ("Tiến Minh đăng quang")."""
    lex = lexicons()
    for toks, cands in sentences:
        if cands and cands[0].start == 1 and toks[0].kind == "cap" and cands[0].label in ("PER", "UNK"):
            # "Tiến Minh đăng quang": the sentence-initial syllable was taken for a common word
            whole = " ".join(t.text for t in toks[: cands[0].end])
            if whole in person_names:
                cands[0] = cands[0]._replace(start=0, label="PER")
        settled: list[Cand] = []
        for c in cands:
            if c.label == "LOC" and c.by_cue and toks[c.start].text in person_names:
                c = c._replace(label="PER", kind=None)  # "thiếu úy Huỳnh Minh Đức" … "thiếu úy Đức"
            if c.label == "UNK":
                surface = " ".join(t.text for t in toks[c.start : c.end])
                if c.kind == "sentence-start" and (surface.lower(),) in lex.stops:
                    continue  # "Ba cha con anh Đúng": "three", not the Ba met before
                if surface in person_names:
                    c = c._replace(label="PER")
                elif surface in org_names:
                    c = c._replace(label="ORG")
                elif surface in loc_names:
                    c = c._replace(label="LOC")
            settled.append(c)
        for c in _coordinated_persons(toks, settled):
            if c.label != "UNK" and c.end > c.start:  # never an empty span, whatever a rule above decided
                yield _records(text, toks, c)


def _joined(toks: Sequence[Syllable], a: Cand, b: Cand) -> bool:
    """Whether ``a`` and ``b`` are next to each other in a list: only ",", "và" (and) or ", và"
    between them."""
    between = [t.text for t in toks[a.end : b.start]]
    return between in ([","], ["và"], [",", "và"])


def _coordinated_persons(toks: Sequence[Syllable], cands: list[Cand]) -> list[Cand]:
    """A run left unknown, listed with a person ("John Magnier và JP McManus", "Rio Ferdinand,
    Wes Brown và Roy Carroll"), is a person too: a list joins names of one kind. Only a name of
    two to four capitalised words (a single word beside a person may be a club or a brand:
    "Messi và Barca")."""
    out = list(cands)
    changed = True
    while changed:
        changed = False
        for q, c in enumerate(out):
            if c.label != "UNK" or not 2 <= c.end - c.start <= 4:
                continue
            if not all(FOREIGN_SYLLABLE.fullmatch(t.text) for t in toks[c.start : c.end]):
                continue
            before = q > 0 and out[q - 1].label == "PER" and _joined(toks, out[q - 1], c)
            after = q + 1 < len(out) and out[q + 1].label == "PER" and _joined(toks, c, out[q + 1])
            if before or after:
                out[q] = c._replace(label="PER", kind=None)
                changed = True
    return out


def recognize(text: Text) -> Iterator[Span]:
    """Yield Person, Organization and Location records (offsets into ``text.normalized``).

    >>> from vnextract.text import Text
    >>> t = Text.from_string("Giám đốc Sở TTTT Lai Xuân Thành làm việc tại tỉnh Bình Dương.")
    >>> [(type(r).__name__, r.text) for r in recognize(t)]
    [('Organization', 'Sở TTTT'), ('Person', 'Lai Xuân Thành'), ('Location', 'Bình Dương')]
    """
    sentences = scan_sentences(text)
    _same_name_elsewhere(sentences)  # "Học viện Báo chí" grows to the full name met elsewhere
    org_names = organization_names(sentences)
    titled_organizations(sentences, org_names)
    bare_persons_named_as_organizations(sentences, org_names)
    person_names, loc_names = person_and_place_names(sentences)
    yield from names_met_before(text, sentences, person_names, org_names, loc_names)


def rules_fired(text: Text) -> list[str]:
    """The names of the rules that applied to ``text``, in order (for tests and debugging): the
    scan's, "byline", "club_by_city", and the organisation body's as "body:<name>".

    >>> from vnextract.text import Text
    >>> rules_fired(Text.from_string("Giám đốc Sở TTTT Lai Xuân Thành."))
    ['title_cue', 'body:capitalised_word', 'body:person_follows', 'organization_head', 'capitalised_run']
    """
    trace: list[str] = []
    scan_sentences(text, trace)
    return trace
