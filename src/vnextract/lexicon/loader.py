"""The one loader of the data tables in ``vnextract/data`` (UTF-8 TSV, a header row, NFC).

Every table is read here, once per process, the same way: tab-separated, no quoting (a ``"`` in
a gloss is a character like any other), each row a read-only mapping from the header's column
names. A missing table is an error, never an empty lexicon.

Phrases in the tables are looked up as tuples of syllables (:data:`Key`): ``key("Bình Dương")
== ("Bình", "Dương")``, cut the way the entity scanner cuts text, with canonical tone marks.
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import unicodedata
from collections.abc import Iterator, Mapping
from importlib import resources
from types import MappingProxyType

from vnextract.text.normalize import canonical_tones
from vnextract.text.syllables import SYLLABLE

#: A phrase as its syllables: ("Ủy", "ban", "nhân", "dân").
Key = tuple[str, ...]


@functools.cache
def load_tsv(name: str) -> tuple[Mapping[str, str], ...]:
    """Rows of ``vnextract/data/<name>``, each a read-only mapping of column → value.

    >>> load_tsv("surnames.tsv")[0]["surname"]
    'Nguyễn'
    """
    return read_rows(resources.files("vnextract.data").joinpath(name).read_text(encoding="utf-8"))


def read_rows(text: str) -> tuple[Mapping[str, str], ...]:
    """The rows of a table's text, as ``csv.DictReader`` (tab, no quoting) reads them."""
    lines = [line for line in text.split("\n") if line]  # csv skips empty lines too
    if lines and not text.startswith("\n"):  # (csv would take an empty first line as the header)
        header = lines[0].split("\t")
        cells = [line.split("\t") for line in lines[1:]]
        if all(len(row) == len(header) for row in cells):  # about twice as fast as csv (start-up)
            return tuple(MappingProxyType(dict(zip(header, row, strict=True))) for row in cells)
    # a row short or long: csv's reading (None for missing cells, extra cells under None)
    rows = csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple(MappingProxyType(dict(row)) for row in rows)


def rows_where(name: str, column: str, value: str) -> Iterator[Mapping[str, str]]:
    """The rows of a table whose ``column`` is ``value`` (``rows_where("roles.tsv", "cue", "yes")``)."""
    return (row for row in load_tsv(name) if row[column] == value)


def norm(phrase: str) -> str:
    """NFC with canonical tone marks, stripped: how the normaliser writes text."""
    return canonical_tones(unicodedata.normalize("NFC", phrase.strip()))


def key(phrase: str) -> Key:
    """The lexicon key of a phrase: its syllables. ``key("Bình Dương") == ("Bình", "Dương")``."""
    return tuple(SYLLABLE.findall(norm(phrase)))


def spaced_key(phrase: str) -> Key:
    """A key written with its syllables separated by single spaces, kept as written: the tables
    whose entries are syllables the scanner sees ("TP." in "TP.HCM", "Tp ." as two)."""
    return tuple(phrase.split(" "))


def casings(words: Key, *, first: bool = True) -> Iterator[Key]:
    """Every spelling of ``words`` with each syllable in lower case or capitalised (from the
    second syllable on when ``first`` is False): news writes "Phó Chủ tịch", "Phó chủ tịch",
    "phó chủ tịch" for one title."""
    fixed, rest = ((), words) if first else (words[:1], words[1:])
    for cased in itertools.product(*((w.lower(), w[:1].upper() + w[1:]) for w in rest)):
        yield fixed + tuple(cased)
