"""Example corpora of the numbers recogniser (fixtures/numbers/*.jsonl), one test per example.

Each example lists EVERY record the recogniser must yield for its text (money, counts,
percentages, durations, quantities), so an extra record fails as surely as a missing one.
Corpora by source: own.jsonl (written here), news.jsonl (phrasings found in ../shared/news),
duckling.jsonl (phrasings from Duckling's Vietnamese corpus), vague.jsonl (vague amounts, the 2026
convention: "hàng chục triệu đồng" → 10,000,000 at_least; written here), negative.jsonl (must
yield nothing).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from vnextract.recognizers import numbers
from vnextract.records import Count, Duration, Money, Percentage, Quantity, Span
from vnextract.text import Text

CORPORA = Path(__file__).resolve().parent.parent / "fixtures" / "numbers"


def _num(value: Any) -> str | None:
    return None if value is None else format(Decimal(value).normalize(), "f")


def as_expected(record: Span) -> dict[str, Any]:
    """A record in the corpus format (decimals as normalised strings)."""
    if isinstance(record, Money):
        return {"kind": "money", "text": record.text, "amount": _num(record.amount),
                "amount_to": _num(record.amount_to), "currency": record.currency,
                "qualifier": record.qualifier}
    if isinstance(record, Count):
        return {"kind": "count", "text": record.text, "value": _num(record.value),
                "value_to": _num(record.value_to), "unit": record.unit, "qualifier": record.qualifier}
    if isinstance(record, Percentage):
        return {"kind": "percentage", "text": record.text, "value": _num(record.value),
                "value_to": _num(record.value_to), "unit": record.unit, "qualifier": record.qualifier}
    if isinstance(record, Duration):
        return {"kind": "duration", "text": record.text, "value": _num(record.value),
                "value_to": _num(record.value_to), "unit": record.unit, "iso": record.iso,
                "qualifier": record.qualifier}
    if isinstance(record, Quantity):
        return {"kind": "quantity", "text": record.text, "value": _num(record.value),
                "value_to": _num(record.value_to), "unit": record.unit, "qualifier": record.qualifier}
    raise TypeError(type(record).__name__)


def _normalise(expected: dict[str, Any]) -> dict[str, Any]:
    out = dict(expected)
    if out.get("kind") == "count":
        out.setdefault("value_to", None)  # a count range is the exception: most examples omit it
    for key in ("amount", "amount_to", "value", "value_to"):
        if key in out:
            out[key] = _num(out[key])
    return out


def load(name: str) -> list[Any]:
    params = []
    for line in (CORPORA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        example = json.loads(line)
        marks = [pytest.mark.xfail(reason=example["xfail"], strict=True)] if example.get("xfail") else []
        params.append(pytest.param(example["text"], example["records"], id=example["id"], marks=marks))
    return params


def check(text: str, records: list[dict[str, Any]]) -> None:
    doc = Text.from_string(text)
    found = sorted(numbers.recognize(doc), key=lambda r: (r.start, r.end))
    for record in found:  # offsets are sacred
        assert doc.normalized[record.start : record.end] == record.text
    assert [as_expected(r) for r in found] == [_normalise(r) for r in records]


@pytest.mark.parametrize(("text", "records"), load("own.jsonl"))
def test_own_examples(text: str, records: list[dict[str, Any]]) -> None:
    check(text, records)


@pytest.mark.parametrize(("text", "records"), load("news.jsonl"))
def test_news_phrasings(text: str, records: list[dict[str, Any]]) -> None:
    check(text, records)


@pytest.mark.parametrize(("text", "records"), load("duckling.jsonl"))
def test_duckling_phrasings(text: str, records: list[dict[str, Any]]) -> None:
    check(text, records)


@pytest.mark.parametrize(("text", "records"), load("vague.jsonl"))
def test_vague_amounts(text: str, records: list[dict[str, Any]]) -> None:
    check(text, records)


@pytest.mark.parametrize(("text", "records"), load("negative.jsonl"))
def test_negative_examples(text: str, records: list[dict[str, Any]]) -> None:
    assert records == []
    check(text, records)
