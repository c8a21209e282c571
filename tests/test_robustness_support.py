"""Helpers shared by the robustness and property tests (no tests here).

``check_offsets`` walks every record of a Document, nested ones included (a fine's money and
violations, a person's titles and mentions), and asserts the offset contract;
``values`` is what a Document says with the offsets left out, so texts that differ only in
spelling of the same characters (NFC/NFD, entities, zero-width characters) can be compared.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from vnextract.records import Document, Person, Span

ROOT = Path(__file__).resolve().parent.parent
#: Real news, read at test time (never copied into the project).
NEWS = ROOT.parent / "shared" / "news" / "articles.jsonl"

DOCUMENT_FIELDS = (
    "sentences", "persons", "organizations", "locations", "dates", "durations", "counts",
    "percentages", "money", "fines", "abbreviations", "quantities",
)  # fmt: skip


def load_articles() -> list[str] | None:
    """The texts of ../shared/news/articles.jsonl, or None when the file is not there."""
    if not NEWS.is_file():
        return None
    with NEWS.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines if line.strip()]


def iter_spans(value: Any, path: str = "") -> Iterator[tuple[str, Span]]:
    """Every Span inside ``value`` (a record, a tuple of them), with a readable path."""
    if isinstance(value, Span):
        yield path, value
        for field in attrs.fields(type(value)):
            inner = getattr(value, field.name)
            if isinstance(inner, (Span, tuple)):
                yield from iter_spans(inner, f"{path}.{field.name}")
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from iter_spans(item, f"{path}[{i}]")


def check_offsets(doc: Document, original: str) -> None:
    """``original[start:end] == text`` for every record and nested record; mentions in range."""
    assert doc.text == original
    for key in DOCUMENT_FIELDS:
        for path, span in iter_spans(getattr(doc, key), key):
            assert 0 <= span.start < span.end <= len(original), (path, span)
            assert original[span.start : span.end] == span.text, (path, span)
            if isinstance(span, Person):
                for start, end in span.mentions:
                    assert 0 <= start < end <= len(original), (path, span.mentions)


def _value(value: Any, original: str, surface: bool) -> Any:
    if isinstance(value, Span):
        fields: dict[str, Any] = {"kind": type(value).__name__}
        if surface:
            fields["text"] = unicodedata.normalize("NFC", value.text)
        for field in attrs.fields(type(value)):
            if field.name in ("text", "start", "end"):
                continue
            inner = getattr(value, field.name)
            if isinstance(value, Person) and field.name == "mentions":
                if surface:
                    fields["mentions"] = [unicodedata.normalize("NFC", original[s:e]) for s, e in inner]
                else:
                    fields["mentions"] = len(inner)
            else:
                fields[field.name] = _value(inner, original, surface)
        return fields
    if isinstance(value, tuple):
        return [_value(item, original, surface) for item in value]
    return value


def values(doc: Document, *, surface: bool = True) -> dict[str, Any]:
    """What ``doc`` found, without offsets; surface texts in NFC (left out if not ``surface``)."""
    out = {key: _value(getattr(doc, key), doc.text, surface) for key in DOCUMENT_FIELDS if key != "sentences"}
    out["published"] = doc.published
    return out


def record_count(doc: Document) -> int:
    """How many top-level records ``doc`` holds (sentences not counted)."""
    return sum(len(getattr(doc, key)) for key in DOCUMENT_FIELDS if key != "sentences")
