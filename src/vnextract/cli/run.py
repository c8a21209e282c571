"""The run: documents from the one engine behind :func:`vnextract.pipe`, in input order, with
the problems met while reading in their places; the progress bar."""

from __future__ import annotations

import datetime as dt
import sys
from collections import deque
from collections.abc import Generator, Iterator
from typing import Any

from vnextract.cli.errors import WorkerDied, worker_death_message
from vnextract.cli.inputs import Item, Problem
from vnextract.errors import PipeError


def progress_bar(enabled: bool | None, total: int | None) -> Any:
    """A tqdm bar on stderr; by default only on a terminal and only once a run takes > 1 s."""
    from tqdm import tqdm

    auto = enabled is None
    return tqdm(
        total=total,
        unit="doc",
        file=sys.stderr,
        disable=(not sys.stderr.isatty()) if auto else not enabled,
        delay=1.0 if auto else 0.0,
        dynamic_ncols=True,
        leave=True,
    )


def results_in_order(
    entries: Iterator[Item | Problem],
    *,
    n_process: int,
    reference_date: dt.date | None,
    max_length: int | None,
    stop_at_problem: bool,
    learned: bool = True,
) -> Generator[tuple[Item | Problem, Any], None, None]:
    """(item, Document or PipeError) and (problem, None), in input order, for any n_process.

    One process or several, the documents come from the same engine (the one behind
    ``vnextract.pipe``) with ``return_exceptions=True``: a text that fails comes back in its
    place, so ``--on-error`` acts on it the same way whatever ``--n-process`` is. Problems met
    while reading (a bad JSONL line) wait in ``order`` until the documents read before them are
    out. With ``stop_at_problem`` nothing after the first problem is read.
    """
    from vnextract.pipeline import pipe

    order: deque[Item | Problem] = deque()
    sent: dict[int, Item] = {}  # the engine's index of each text in flight → its item
    # Each text's reference date: the engine reads it right after the text (in step), so the
    # one date texts() has just put here is the one it takes.
    pending: deque[dt.date | None] = deque()

    def texts() -> Iterator[tuple[str, Item]]:
        for entry in entries:
            order.append(entry)
            if isinstance(entry, Problem):
                if stop_at_problem:
                    return
                continue
            sent[len(sent) + done] = entry
            pending.append(entry.reference_date or reference_date)
            yield entry.text, entry

    def dates() -> Iterator[dt.date | None]:
        while pending:
            yield pending.popleft()

    done = 0

    engine: Iterator[tuple[Any, Item]] = pipe(
        texts(),
        n_process=n_process,
        as_tuples=True,
        reference_dates=dates(),
        return_exceptions=True,
        max_length=max_length,
        learned=learned,
    )
    try:
        for doc, item in engine:
            while order[0] is not item:  # problems read before this document
                yield order.popleft(), None
            order.popleft()
            del sent[done]
            done += 1
            yield item, doc
        while order:
            yield order.popleft(), None
    except PipeError as err:  # a worker died: name the document, not the engine's index
        on = sent.get(err.index) if err.index is not None else None
        raise WorkerDied(worker_death_message(err, on.source if on is not None else None)) from err
    finally:
        close = getattr(engine, "close", None)
        if close is not None:
            close()  # stops the worker processes when the caller stops early
