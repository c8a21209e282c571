"""Score vnextract's events against annotated events: P/R/F1 by kind, field accuracies.

    python scripts/score_events.py GOLD.jsonl [--news ../shared/news] [--folds 0] [--errors]

GOLD is corpus gold (ids, folds and span dicts; texts read from --news) or the surface fixtures
of fixtures/events/own.jsonl. See vnextract.evaluate_events for the matching rules.
"""

from __future__ import annotations

import sys

from vnextract.evaluate_events import main

if __name__ == "__main__":
    sys.exit(main())
