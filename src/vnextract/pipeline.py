"""The pipeline: normalise → segment → recognise → resolve and link → build the Document.

Adding a recogniser is one module and one line in RECOGNIZERS; adding a linking step is one
line in LINKERS. Nothing registers itself at import time.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sized
from typing import Any

import attrs

from vnextract.document import Document
from vnextract.errors import InvalidUTF8Error, LoneSurrogateError, TextTooLongError
from vnextract.kinds import DOCUMENT_FIELDS
from vnextract.learned import model as learned_entities
from vnextract.learned import titles as learned_titles
from vnextract.linking import abbreviations as link_abbreviations
from vnextract.linking import events as link_events
from vnextract.linking import fines as link_fines
from vnextract.linking import not_entities, role_names, span_edges, street_lists
from vnextract.linking import persons as link_persons
from vnextract.linking import places as link_places
from vnextract.mentions import Mentions
from vnextract.recognizers import abbreviations, dates, entities, numbers, titles
from vnextract.records import Person, Sentence, Span
from vnextract.resolve import resolve_overlaps
from vnextract.text import MAX_LENGTH, Text, canonical_tones

Recognizer = Callable[[Text], Iterable[Span]]
Linker = Callable[[Text, Mentions], Mentions]

#: Independent recognisers, each reading the same Text; order only breaks ties.
RECOGNIZERS: tuple[tuple[str, Recognizer], ...] = (
    ("numbers", numbers.recognize),  # money, counts, percentages, durations, quantities
    ("dates", dates.recognize),
    ("entities", entities.recognize),  # persons, organisations, locations
    ("titles", titles.recognize),
    ("abbreviations", abbreviations.recognize),
)

#: Steps over everything found, in this order.
LINKERS: tuple[tuple[str, Linker], ...] = (
    ("overlaps", resolve_overlaps),
    ("learned_entities", learned_entities.link),  # the CRF over the rules' entities (learned/)
    ("abbreviations", link_abbreviations.link),  # abbreviation ↔ expansion, Organization.expansion
    ("role names", role_names.find_names),  # names a title announces that no recogniser found
    ("not_entities", not_entities.drop),  # languages, places in event names, brands in products
    ("street_lists", street_lists.link),  # names listed after a street are streets ("đường A, B và C")
    # person ↔ titles ↔ organisation, later mentions ↔ first; then, on whole persons, works,
    # named things and addresses read as persons leave, and "HLV Kim" joins Kim Sang-sik
    ("persons", link_persons.link),
    ("span_edges", span_edges.link),  # initials keep their final dot ("M.C."), glued words go
    ("learned_titles", learned_titles.link),  # the CRF's titles of each person beside the rules'
    ("fines", link_fines.link),  # money in a penalty context → Fine, with its violation count
    ("places", link_places.link),  # Location → administrative unit of its era, or ISO 3166 code
    ("events", link_events.link),  # fines, prison terms, awards: who, by whom, how much, for what
)

#: The steps that run a trained model (vnextract/learned/).
LEARNED_STEPS = frozenset({"learned_entities", "learned_titles"})
#: The same steps without the learned layer: ``extract(text, learned=False)``, rules only.
RULE_LINKERS: tuple[tuple[str, Linker], ...] = tuple(
    (name, link) for name, link in LINKERS if name not in LEARNED_STEPS
)


def _check_learned(learned: Any) -> None:
    if not isinstance(learned, bool):
        raise TypeError(f"learned must be True or False, got {type(learned).__name__}")


def _check_max_length(max_length: Any) -> None:
    if max_length is not None and (isinstance(max_length, bool) or not isinstance(max_length, int)):
        raise TypeError(f"max_length must be an int or None, got {type(max_length).__name__}")
    if max_length is not None and max_length < 0:
        raise ValueError(f"max_length must be >= 0 or None (no limit), got {max_length}")


_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD: same length, so the same offsets.

    >>> replace_surrogates("Hà Nội \\ud800 5 triệu đồng") == "Hà Nội \\ufffd 5 triệu đồng"
    True
    """
    return _SURROGATE.sub("\ufffd", text)


def _type_error(text: Any) -> TypeError:
    """What extract() says about an input that is not text, with the likely fix."""
    name = type(text).__name__
    hint = ""
    if isinstance(text, os.PathLike):
        hint = "; read the file first: extract(path.read_text(encoding='utf-8'))"
    elif isinstance(text, io.IOBase):
        hint = "; read the file first: extract(handle.read())"
    return TypeError(f"extract() expects the text as str (or UTF-8 bytes), got {name}{hint}")


def _check_input(text: Any, max_length: int | None = MAX_LENGTH) -> str:
    """The caller's text as a plain str, or a clear error (the input contract of issues 9, 17).

    str is taken as is (a str subclass by its own characters, whatever its ``__str__`` says);
    bytes (bytearray, memoryview) are decoded as UTF-8; anything else is a TypeError naming
    what was expected. A lone surrogate: LoneSurrogateError. Longer than ``max_length``
    characters: TextTooLongError.
    """
    _check_max_length(max_length)
    if isinstance(text, str):
        source = str.__str__(text)  # a plain str with the same characters, even for a subclass
    elif isinstance(text, (bytes, bytearray, memoryview)):
        data = bytes(text)
        if max_length is not None and len(data) > 4 * max_length:  # UTF-8: at most 4 bytes a character
            raise TextTooLongError(
                f"text has {len(data):,} bytes, more than max_length={max_length:,} characters can take; "
                "split it, or pass a larger max_length",
                length=len(data),
                max_length=max_length,
            )
        try:
            source = data.decode("utf-8")
        except UnicodeDecodeError as err:
            raise InvalidUTF8Error(
                f"text is not valid UTF-8: byte {data[err.start]:#04x} at position {err.start} "
                f"({err.reason}); decode it yourself (e.g. data.decode('cp1258')) and pass a str",
                position=err.start,
            ) from None
    else:
        raise _type_error(text)
    if (surrogate := _SURROGATE.search(source)) is not None:
        raise LoneSurrogateError(
            f"text holds a lone surrogate U+{ord(surrogate.group()):04X} at position {surrogate.start()} "
            "(from a JSON escape such as \"\\ud800\" or surrogateescape decoding), which no UTF-8 "
            "output can hold; replace them first: vnextract.replace_surrogates(text)",
            position=surrogate.start(),
        )
    if max_length is not None and len(source) > max_length:
        raise TextTooLongError(
            f"text has {len(source):,} characters, more than max_length={max_length:,}; "
            "split it (e.g. by paragraph), or pass a larger max_length",
            length=len(source),
            max_length=max_length,
        )
    return source


def _holds_spans(items: tuple[Any, ...]) -> bool:
    return bool(items) and isinstance(items[0], Span)


def name_as_written(name: str, written: str) -> str:
    """Rule name-as-written: a person's name keeps the tone placement of the caller's text
    ("Trịnh Thuỳ Linh" stays so, not "Trịnh Thùy Linh"); the linkers read the canonical form,
    the record gives the name as first written in full (docs/records.md)."""
    return written if written != name and canonical_tones(written) == name else name


def _remap(text: Text, value: Any) -> Any:
    """Move a record (and the records inside it) from normalised to original offsets. A record
    the move leaves as it was (most: news rarely needs normalising) is returned itself, not
    rebuilt: ``attrs.evolve`` runs every validator again."""
    if isinstance(value, Span):
        start, end = text.to_original(value.start, value.end)
        changes: dict[str, Any] = {"start": start, "end": end, "text": text.original[start:end]}
        for field in attrs.fields(type(value)):
            if field.name in ("start", "end", "text"):
                continue
            inner = getattr(value, field.name)
            if isinstance(value, Person) and field.name == "mentions":
                changes["mentions"] = tuple(text.to_original(s, e) for s, e in inner)
            elif isinstance(value, Person) and field.name == "name":
                changes["name"] = name_as_written(inner, changes["text"])
            elif isinstance(inner, (Span, tuple)) and (isinstance(inner, Span) or _holds_spans(inner)):
                changes[field.name] = _remap(text, inner)
        if all(_same(getattr(value, name), new) for name, new in changes.items()):
            return value
        return attrs.evolve(value, **changes)
    if isinstance(value, tuple):
        remapped = tuple(_remap(text, v) for v in value)
        return value if all(a is b for a, b in zip(remapped, value, strict=True)) else remapped
    return value


def _same(old: Any, new: Any) -> bool:
    """Whether _remap left a field as it was: the same object for records and tuples of records
    (it returns them themselves when unchanged), equal values for offsets, texts and names."""
    if old is new:
        return True
    if isinstance(new, Span) or (isinstance(new, tuple) and _holds_spans(new)):
        return False  # _remap rebuilt it: something inside it moved
    return bool(old == new)


def found_before(
    text: Text, step: str, linkers: tuple[tuple[str, Linker], ...] = LINKERS
) -> Mentions:
    """What the recognisers and the linkers before ``step`` (a name in ``linkers``) found: the
    learned layers train on exactly the state they see in the pipeline."""
    names = [name for name, _ in linkers]
    if step not in names:
        raise ValueError(f"no linking step {step!r}; steps: {', '.join(names)}")
    found = _recognize(text)
    for _name, link in linkers[: names.index(step)]:
        found = link(text, found)
    return found


def _recognize(text: Text) -> Mentions:
    records: list[Span] = []
    for _name, recognize in RECOGNIZERS:
        records.extend(recognize(text))
    return Mentions.collect(records)


def extract_from_text(
    text: Text, *, linkers: tuple[tuple[str, Linker], ...] = LINKERS
) -> Document:
    """Run every recogniser and linker over an already segmented Text (``linkers``: another
    sequence of steps, for evaluation)."""
    found = _recognize(text)
    for _name, link in linkers:
        found = link(text, found)
    published = dates.published(text)
    fields = {key: _remap(text, getattr(found, key)) for key in DOCUMENT_FIELDS}
    sentences: tuple[Sentence, ...] = _remap(text, text.sentences)
    return Document(text=text.original, sentences=sentences, published=published, **fields)


def extract(
    text: str | bytes,
    *,
    reference_date: dt.date | None = None,
    max_length: int | None = MAX_LENGTH,
    learned: bool = True,
) -> Document:
    """Extract every record from one Vietnamese text.

    ``text`` is a str, or bytes in UTF-8 (anything else: TypeError; bytes that are not UTF-8:
    :class:`~vnextract.errors.InvalidUTF8Error` naming the byte position). Offsets in the
    records are into this string (the decoded one for bytes). Empty, whitespace-only or
    invisible-only text gives an empty Document. Texts longer than ``max_length`` characters
    (default :data:`vnextract.text.MAX_LENGTH`, ten million; None: no limit) raise
    :class:`~vnextract.errors.TextTooLongError`; time grows linearly with the length.
    ``learned=False`` skips the learned layer (the entity and title models over the rules'
    output): about 1.7 times faster, and a few points less accurate on text the rules were not
    written from (docs/accuracy.md, docs/speed.md).

    >>> doc = extract("Ngành đã xử phạt 144 trường hợp với số tiền phạt hơn 504 triệu đồng.")
    >>> doc.money[0].amount, doc.money[0].qualifier
    (Decimal('504000000'), 'more_than')
    """
    source = _check_input(text, max_length)
    if reference_date is not None and not isinstance(reference_date, dt.date):
        raise TypeError(f"reference_date must be a datetime.date, got {type(reference_date).__name__}")
    _check_learned(learned)
    prepared = Text.from_string(source, reference_date=reference_date)
    if not prepared.sentences:  # nothing but whitespace, controls and invisible characters
        return Document(text=source)
    return extract_from_text(prepared, linkers=LINKERS if learned else RULE_LINKERS)


def pipe(
    texts: Iterable[Any],
    *,
    n_process: int = 1,
    batch_size: int | None = None,
    as_tuples: bool = False,
    reference_date: dt.date | None = None,
    reference_dates: Iterable[dt.date | None] | None = None,
    start_method: str | None = None,
    return_exceptions: bool = False,
    max_length: int | None = MAX_LENGTH,
    learned: bool = True,
) -> Iterator[Any]:
    """Extract from many texts lazily, yielding Documents in input order.

    The input is read as the output is consumed, so memory stays flat on any number of texts.
    ``n_process`` > 1 (or -1: one per CPU) runs worker processes that each load the models once;
    ``batch_size`` texts travel together to a worker (default 8). With ``as_tuples=True`` the
    items are ``(text, context)`` pairs and ``(Document, context)`` pairs come out; contexts stay
    in this process. ``start_method`` picks the multiprocessing start method ("fork", "spawn",
    "forkserver"; default: the platform's). A text that fails, or a worker that dies, raises
    :class:`vnextract.PipeError` naming the input index; all workers are then stopped,
    as they are on Ctrl-C or when the consumer stops early. With ``return_exceptions=True`` a
    failing text yields its PipeError in its place and the run goes on (a dead worker still
    raises). ``max_length`` is :func:`extract`'s, for each text (a longer one fails with
    TextTooLongError); so is ``learned`` (False: the rules alone, faster).

    ``reference_date`` is one date for every text; ``reference_dates`` gives each text its own
    (a date, or None for "no date"), in input order — the published dates of a news feed. It
    is read in step with the texts and may be lazy too; when both have a length, a mismatch is
    a ValueError at once, otherwise the text with no date (or the date with no text) is an input
    error, a PipeError whose cause is that ValueError.

    >>> import datetime as dt
    >>> news = ["Hôm qua, mưa lớn.", "Hôm qua, trời nắng."]
    >>> published = [dt.date(2015, 6, 2), dt.date(2026, 8, 20)]
    >>> [d.dates[0].iso for d in pipe(news, reference_dates=published)]
    ['2015-06-01', '2026-08-19']

    >>> docs = pipe(["Phạt 5 triệu đồng.", "Hơn 1.200 hộ dân."], n_process=1)
    >>> [d.text for d in docs]
    ['Phạt 5 triệu đồng.', 'Hơn 1.200 hộ dân.']
    """
    if isinstance(texts, (str, bytes, bytearray, memoryview)):  # would give a Document per character
        raise TypeError(
            f"pipe() expects an iterable of texts, got a single {type(texts).__name__}; "
            "for one text use extract(text), or pipe([text])"
        )
    # imported here: multiprocessing and the engine cost about 0.05 s of start-up extract() never needs
    from vnextract import parallel

    workers = parallel.resolve_n_process(n_process)
    size = parallel.DEFAULT_BATCH_SIZE if batch_size is None else batch_size
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise ValueError(f"batch_size must be a positive int, got {size!r}")
    if reference_date is not None and not isinstance(reference_date, dt.date):
        raise TypeError(f"reference_date must be a datetime.date, got {type(reference_date).__name__}")
    _check_reference_dates(texts, reference_date, reference_dates)
    _check_max_length(max_length)  # up front: not once per text, inside the workers
    _check_learned(learned)
    if workers == 1:
        return parallel.pipe_serial(
            texts,
            extract=extract,
            as_tuples=as_tuples,
            reference_date=reference_date,
            reference_dates=reference_dates,
            return_exceptions=return_exceptions,
            max_length=max_length,
            learned=learned,
        )
    return parallel.pipe_parallel(
        texts,
        extract=extract,
        n_process=workers,
        batch_size=size,
        as_tuples=as_tuples,
        reference_date=reference_date,
        reference_dates=reference_dates,
        start_method=start_method,
        return_exceptions=return_exceptions,
        max_length=max_length,
        learned=learned,
    )


def _check_reference_dates(texts: Any, reference_date: Any, reference_dates: Any) -> None:
    """What can be told of ``reference_dates`` before any text is read."""
    if reference_dates is None:
        return
    if reference_date is not None:
        raise ValueError(
            "give reference_date (one date for every text) or reference_dates (one per text), not both"
        )
    if isinstance(reference_dates, (dt.date, str, bytes)) or not isinstance(reference_dates, Iterable):
        raise TypeError(
            "reference_dates must be an iterable of dates (one per text), got a single "
            f"{type(reference_dates).__name__}; for one date for every text use reference_date="
        )
    if isinstance(texts, Sized) and isinstance(reference_dates, Sized) and len(texts) != len(reference_dates):
        raise ValueError(
            f"reference_dates has {len(reference_dates)} date(s) for {len(texts)} text(s): give one date "
            "(or None) per text"
        )
