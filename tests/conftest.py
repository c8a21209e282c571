from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"

#: Date tests always pass an explicit reference date; never today().
REFERENCE_DATE = dt.date(2021, 6, 15)


@pytest.fixture(scope="session")
def reference_article() -> str:
    return (FIXTURES / "reference_article.txt").read_text(encoding="utf-8")
