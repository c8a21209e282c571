"""Fines: money in a penalty context, linked to its violation count (fixtures/fines/fines.jsonl)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from vnextract.linking import fines
from vnextract.mentions import Mentions
from vnextract.recognizers import numbers
from vnextract.text import Text

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "fines" / "fines.jsonl"


def _examples() -> list[Any]:
    params = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        example = json.loads(line)
        marks = [pytest.mark.xfail(reason=example["xfail"], strict=True)] if example.get("xfail") else []
        params.append(pytest.param(example, id=example["id"], marks=marks))
    return params


def _link(text: str) -> Mentions:
    doc = Text.from_string(text)
    return fines.link(doc, Mentions.collect(numbers.recognize(doc)))


@pytest.mark.parametrize("example", _examples())
def test_fines_corpus(example: dict[str, Any]) -> None:
    found = _link(example["text"])
    got = [{"money": f.money.text, "violations": f.violations and f.violations.text} for f in found.fines]
    assert got == example["fines"]
    for fine in found.fines:  # the Fine's span is its money's span, and the money stays in money
        assert (fine.start, fine.end, fine.text) == (fine.money.start, fine.money.end, fine.money.text)
        assert fine.money in found.money
    assert [m.text for m in found.money if m.text in example["not_fines"]] == example["not_fines"]
