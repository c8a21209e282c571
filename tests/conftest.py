from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Hypothesis's default deadline (200 ms per example) and its too_slow health check are timed
# assertions: on a busy machine a garbage collection or a neighbour's load fails them (issue 17).
# Speed is measured by benchmarks/, so every property test runs without them.
# derandomize: every run tries the same examples, so CI's verdict does not depend on a random draw
settings.register_profile(
    "vnextract", deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
settings.load_profile("vnextract")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"

#: Date tests always pass an explicit reference date; never today().
REFERENCE_DATE = dt.date(2021, 6, 15)


@pytest.fixture(scope="session")
def reference_article() -> str:
    return (FIXTURES / "reference_article.txt").read_text(encoding="utf-8")
