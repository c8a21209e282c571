"""Many texts, in input order, on one or several processes: the engine behind :func:`vnextract.pipe`.

Design, in the order things happen:

- The input is read lazily in batches of ``batch_size`` texts; at most
  ``_BATCHES_PER_WORKER`` batches per worker are in flight, so memory stays flat however long
  (or endless) the input is.
- Each worker process loads the models once (a warm-up ``extract`` call; with ``fork`` the
  parent warms up first and the workers inherit the loaded models) and then extracts
  batch after batch. Batches are dealt round-robin and every worker answers its batches in the
  order it got them, so reading the answers round-robin gives the input order back without a
  reorder buffer.
- ``as_tuples`` contexts never leave the parent process: they need not be picklable.
- Each text travels with its own reference date: one for all (``reference_date``) or one per
  text (``reference_dates``, read in step with the texts; a length mismatch is an input error).
- A worker that raises sends the error back with the index of the text; a worker that dies
  (killed, out of memory, a crash in native code) is seen through its process sentinel, and a
  shared counter tells which text it was working on. Either way :class:`PipeError` names the
  input index and every worker is stopped.
- Workers ignore SIGINT: on Ctrl-C the parent gets the KeyboardInterrupt, stops the workers and
  re-raises it, so one clean traceback is printed instead of one per process.

:class:`PipeError` and :class:`WorkerDeath` are defined in :mod:`vnextract.errors` and
importable from here, as before.

Works with the ``fork``, ``spawn`` and ``forkserver`` start methods. With ``spawn`` (the default
on macOS and Windows) the calling script needs the usual ``if __name__ == "__main__":`` guard.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import multiprocessing
import os
import pickle
import queue
import signal
import threading
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING, Any, NamedTuple

from vnextract.errors import PipeError, WorkerDeath
from vnextract.text import MAX_LENGTH

__all__ = [
    "DEFAULT_BATCH_SIZE", "PipeError", "WorkerDeath", "pipe_parallel", "pipe_serial", "resolve_n_process",
]  # fmt: skip

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext
    from multiprocessing.process import BaseProcess
    from multiprocessing.queues import Queue

    from vnextract.document import Document

#: What runs on each text: :func:`vnextract.pipeline.extract`, which :func:`vnextract.pipe`
#: passes in (this module never imports the pipeline: it is the engine below it). A module-level
#: function, so that a worker started with "spawn" receives it by reference.
Extract = Callable[..., "Document"]

#: Texts per message to a worker: big enough that pickling and pipe overhead is amortised
#: (a news article takes tens of milliseconds; the parent spends ~1 % of the workers' CPU),
#: small enough that the first result comes soon and the workers finish together (measured on
#: 300 articles, 2 workers: batches of 4–8 finish ~10 % sooner than batches of 16–64).
DEFAULT_BATCH_SIZE = 8

#: Batches queued per worker. More than one so a worker never waits for the parent; few so
#: memory stays bounded: at most n_process × 3 × batch_size texts are held at once.
_BATCHES_PER_WORKER = 3

#: Seconds a worker gets to finish and exit after the input is done, before it is terminated.
_JOIN_TIMEOUT = 10.0

#: Warm-up text: loads the word segmentation model and every lexicon in each worker
#: ("Ông Nguyễn Văn An, Chủ tịch UBND tỉnh, ngày 2/9/2020 phạt 5 triệu đồng" = "Mr Nguyễn Văn An,
#: chairman of the provincial People's Committee, on 2/9/2020 fined 5 million dong").
_WARM_UP_TEXT = "Ông Nguyễn Văn An, Chủ tịch UBND tỉnh, ngày 2/9/2020 phạt 5 triệu đồng."


def _input_error(index: int, err: Exception) -> PipeError:
    """The PipeError of an input iterator that raised ``err`` when asked for item #index."""
    reason = f"reading the input raised {type(err).__name__}: {err}"
    done = f"the {index} texts before it were extracted" if index != 1 else "the text before it was extracted"
    return PipeError(f"text #{index}: {reason} ({done})", index=index, reason=reason)


def _text_error(index: int, type_name: str, message: str) -> PipeError:
    """The PipeError of text #index that raised ``type_name: message``."""
    reason = f"{type_name}: {message}"
    return PipeError(f"text #{index}: {reason}", index=index, reason=reason)


class _RemoteTraceback(Exception):
    """Carries a worker's formatted traceback as the cause of the error raised in the parent."""

    def __str__(self) -> str:
        return str(self.args[0])


# ----------------------------------------------------------------------------- arguments


def resolve_n_process(n_process: int) -> int:
    """Number of worker processes: ``-1`` means one per usable CPU."""
    if isinstance(n_process, bool) or not isinstance(n_process, int):
        raise TypeError(f"n_process must be an int, got {type(n_process).__name__}")
    if n_process == -1:
        return _usable_cpus()
    if n_process < 1:
        raise ValueError(f"n_process must be >= 1 or -1 (one per CPU), got {n_process}")
    return n_process


def _usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def _split_item(item: Any, as_tuples: bool, index: int) -> tuple[Any, Any]:
    """(text, context) of one input item."""
    if not as_tuples:
        return item, None
    if not isinstance(item, tuple) or len(item) != 2:
        raise PipeError(
            f"text #{index}: with as_tuples=True every item must be a (text, context) pair, "
            f"got {type(item).__name__}",
            index=index,
        )
    return item[0], item[1]


_NO_DATE = object()


class _Dates:
    """The reference date of each text, in input order: one for all, or one per text read in step
    with the texts from ``reference_dates`` (which may be lazy, as the texts may)."""

    def __init__(self, reference_date: dt.date | None, reference_dates: Iterable[Any] | None) -> None:
        self.common = reference_date
        self.each = iter(reference_dates) if reference_dates is not None else None

    def next(self, index: int) -> Any:
        """The date of text #index (raises ValueError when ``reference_dates`` has none left)."""
        if self.each is None:
            return self.common
        date = next(self.each, _NO_DATE)
        if date is _NO_DATE:
            raise ValueError(
                f"reference_dates ended after {index} date{'s' if index != 1 else ''}, "
                "but there are more texts: give one date (or None) per text"
            )
        return date

    def check_end(self, count: int) -> None:
        """After the last text: ValueError when ``reference_dates`` holds more dates than texts."""
        if self.each is not None and next(self.each, _NO_DATE) is not _NO_DATE:
            raise ValueError(
                f"reference_dates holds more dates than there are texts ({count}): "
                "give one date (or None) per text"
            )


def _dates_error(index: int, err: ValueError) -> PipeError:
    """The PipeError of a length mismatch between the texts and ``reference_dates``."""
    done = f"the {index} texts before it were extracted" if index != 1 else "the text before it was extracted"
    error = PipeError(f"text #{index}: {err} ({done})", index=index, reason=str(err))
    error.__cause__ = err
    return error


# ----------------------------------------------------------------------------- one process


def pipe_serial(
    texts: Iterable[Any],
    *,
    extract: Extract,
    as_tuples: bool,
    reference_date: dt.date | None,
    return_exceptions: bool = False,
    max_length: int | None = MAX_LENGTH,
    reference_dates: Iterable[Any] | None = None,
    learned: bool = True,
) -> Iterator[Any]:
    """Extract in this process, one text after the other."""
    items = iter(texts)
    dates = _Dates(reference_date, reference_dates)
    for index in itertools.count():
        try:
            item = next(items)
        except StopIteration:
            try:
                dates.check_end(index)
            except ValueError as err:
                raise _dates_error(index, err) from err
            return
        except Exception as err:  # the caller's iterator failed: name where
            raise _input_error(index, err) from err
        text, context = _split_item(item, as_tuples, index)
        try:
            date = dates.next(index)
        except ValueError as err:
            raise _dates_error(index, err) from err
        result: Document | PipeError
        try:
            result = extract(text, reference_date=date, max_length=max_length, learned=learned)
        except Exception as err:
            result = _text_error(index, type(err).__name__, str(err))
            result.__cause__ = err
            if not return_exceptions:
                raise result from err
        yield (result, context) if as_tuples else result


# ----------------------------------------------------------------------------- workers


def _worker_main(
    tasks: Queue[tuple[int, list[Any]] | None],
    results: Connection,
    current: Any,
    extract: Extract,
    max_length: int | None,
    learned: bool = True,
) -> None:
    """Body of a worker process: warm up once, then extract batches until told to stop.

    A batch is a list of (text, reference date) pairs."""
    # Ctrl-C in a terminal reaches every process of the group; the parent decides what to do.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A forked worker inherits the parent's SIGTERM handler (the CLI's unwinds the run): here
    # SIGTERM, as terminate() sends it, must simply end the process.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _exit_with_parent()
    extract(_WARM_UP_TEXT, learned=learned)  # load models and lexicons once, before the first batch

    # Results go out through a thread so the worker keeps extracting while the parent is busy
    # reading another worker's answer (a pipe holds only ~64 KiB).
    outbox: queue.SimpleQueue[Any] = queue.SimpleQueue()
    sender = threading.Thread(target=_send_all, args=(outbox, results), daemon=True)
    sender.start()
    try:
        while (task := tasks.get()) is not None:
            first, chunk = task
            docs: list[Document | _Failure] = []
            for offset, (text, date) in enumerate(chunk):
                current.value = first + offset
                if isinstance(text, _Done):  # settled in the parent (see _settle_odd_item)
                    docs.append(text.result)
                    continue
                try:
                    docs.append(extract(text, reference_date=date, max_length=max_length, learned=learned))
                except Exception as err:  # reported in its place; the parent raises or returns it
                    docs.append(_Failure.of(first + offset, err))
            outbox.put(docs)
    finally:
        outbox.put(None)
        sender.join()
        results.close()


#: Seconds between two checks of a worker that its parent is still there (besides the sentinel).
_PARENT_POLL = 2.0


def _exit_with_parent() -> None:
    """End this worker as soon as the process that started it is gone.

    A parent killed by SIGKILL or SIGTERM runs no clean-up: without this the workers (each
    holding the models, ~175 MB) would wait on their task queue for ever. A daemon thread waits
    on the parent's sentinel (ready when the parent exits) and, for forked siblings that hold a
    copy of it, also notices the parent id change (the orphan is adopted by another process).
    """
    parent = multiprocessing.parent_process()
    parent_id = os.getppid()

    def watch() -> None:
        sentinels = [parent.sentinel] if parent is not None else []
        while True:
            if sentinels and wait(sentinels, timeout=_PARENT_POLL):
                break
            if not sentinels:
                threading.Event().wait(_PARENT_POLL)
            if os.getppid() != parent_id:
                break
        os._exit(_EXIT_ORPHANED)

    threading.Thread(target=watch, name="vnextract-parent-watch", daemon=True).start()


#: Exit status of a worker that ended because its parent was gone.
_EXIT_ORPHANED = 3


def _send_all(outbox: queue.SimpleQueue[Any], results: Connection) -> None:
    while (message := outbox.get()) is not None:
        try:
            results.send(message)
        except (BrokenPipeError, EOFError, OSError):
            return  # the parent went away or stopped listening: nothing left to do


class _Failure(NamedTuple):
    """A text a worker could not extract, sent back in its place (exceptions may not pickle)."""

    position: int  # index of the text in the input
    type_name: str
    message: str
    formatted: str  # the worker's traceback
    pickled: bytes | None  # the exception itself, when it pickles

    @classmethod
    def of(cls, index: int, err: BaseException) -> _Failure:
        try:
            pickled: bytes | None = pickle.dumps(err)
        except Exception:
            pickled = None
        return cls(index, type(err).__name__, str(err), "".join(traceback.format_exception(err)), pickled)

    def error(self, pid: int | None) -> PipeError:
        """The PipeError to raise or return, with the original exception (or its traceback) as cause."""
        cause: BaseException = _RemoteTraceback(f"\n\nTraceback in worker process {pid}:\n{self.formatted}")
        if self.pickled is not None:
            with contextlib.suppress(Exception):
                original = pickle.loads(self.pickled)
                original.__cause__ = cause
                cause = original
        err = _text_error(self.position, self.type_name, self.message)
        err.__cause__ = cause
        return err


class _Worker:
    """A worker process with its task queue, its result pipe and its progress counter."""

    def __init__(
        self, ctx: BaseContext, extract: Extract, max_length: int | None, learned: bool = True
    ) -> None:
        self.tasks: Queue[tuple[int, list[Any]] | None] = ctx.Queue()
        receiver, sender = ctx.Pipe(duplex=False)
        self.results: Connection = receiver
        #: index of the text the worker is on (-1 before the first): names it if the worker dies.
        self.current: Any = ctx.RawValue("q", -1)
        self.process: BaseProcess = ctx.Process(  # type: ignore[attr-defined]
            target=_worker_main,
            args=(self.tasks, sender, self.current, extract, max_length, learned),
            name="vnextract-pipe",
            daemon=True,
        )
        self.process.start()
        sender.close()  # the parent's copy: EOF must reach us when the worker exits

    def submit(self, first: int, chunk: list[Any]) -> None:
        self.tasks.put((first, chunk))

    def receive(self, first: int, count: int) -> list[Document | PipeError]:
        """The documents (or errors) of the batch that starts at input index ``first``."""
        ready = wait([self.results, self.process.sentinel])
        if self.results in ready:
            try:
                message = self.results.recv()
            except EOFError:
                message = None
            if message is not None:
                return [m.error(self.process.pid) if isinstance(m, _Failure) else m for m in message]
        self.process.join(timeout=1.0)
        index = self.current.value
        # Still on a text of an earlier batch: it had finished that one and died before it
        # started this batch, so the text to name is the batch's first, not the one done.
        started = not 0 <= index < first
        text_index = None if index < 0 else index if started else first
        death = WorkerDeath(
            self.process.pid, self.process.exitcode, text_index, first, first + count - 1, started
        )
        raise PipeError(death.describe(), index=death.text_index, worker=death)

    def stop(self) -> None:
        """Ask for a clean exit (after the batches already queued)."""
        with contextlib.suppress(Exception):
            self.tasks.put(None)

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.terminate()

    def reap(self, timeout: float) -> None:
        """Wait for the process, kill it if it does not exit, release the pipes."""
        self.process.join(timeout)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout)
        # Queued tasks the worker never read must not keep the parent waiting at exit.
        self.tasks.cancel_join_thread()
        self.tasks.close()
        self.results.close()


# ----------------------------------------------------------------------------- several processes


class _Done(NamedTuple):
    """An input item already settled in the parent; the worker passes ``result`` through."""

    result: Any  # Document or _Failure


def _settle_odd_item(
    extract: Extract, item: Any, index: int, reference_date: Any, max_length: int | None
) -> Any:
    """What to send for an input item that is not text.

    Such items usually fail extract()'s type check, and some (a lambda, a socket) cannot even be
    pickled to reach a worker: the queue's feeder thread would drop them and the parent would
    wait forever. So extract() runs on them here, and its Document or error travels instead.
    """
    try:
        return _Done(extract(item, reference_date=reference_date, max_length=max_length))
    except Exception as err:
        return _Done(_Failure.of(index, err))


def _sendable(extract: Extract, text: Any, index: int, reference_date: Any, max_length: int | None) -> Any:
    """What travels to a worker for one text: always something that pickles.

    A str subclass (one defined in a function cannot be pickled) goes as a plain str of its
    own characters, a memoryview or bytearray as bytes; anything else is settled here.
    """
    if isinstance(text, str):
        return str.__str__(text)
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)  # a plain bytes, also for a bytes subclass
    return _settle_odd_item(extract, text, index, reference_date, max_length)


class _Batch(NamedTuple):
    first: int  # input index of the first text
    texts: list[tuple[Any, Any]]  # (what to send for the text, its reference date)
    contexts: list[Any]
    failure: PipeError | None = None  # the input failed right after these texts


def _batches(
    extract: Extract,
    texts: Iterable[Any],
    batch_size: int,
    as_tuples: bool,
    dates: _Dates,
    max_length: int | None,
) -> Iterator[_Batch]:
    """Batches read lazily from the input. If reading fails (the caller's iterator raises, or an
    item is not a pair with ``as_tuples``), the texts read before it still form a last batch,
    which carries the error: nothing read is lost."""
    items = iter(texts)
    first = 0
    while True:
        sendable: list[tuple[Any, Any]] = []
        contexts: list[Any] = []
        failure: PipeError | None = None
        index = first
        try:
            for item in itertools.islice(items, batch_size):
                text, context = _split_item(item, as_tuples, index)
                try:
                    date = dates.next(index)
                except ValueError as err:
                    raise _dates_error(index, err) from err
                if date is not None and not isinstance(date, dt.date):  # fails here, in its place
                    sendable.append((_settle_odd_item(extract, text, index, date, max_length), None))
                else:
                    sendable.append((_sendable(extract, text, index, date, max_length), date))
                contexts.append(context)
                index += 1
            if len(sendable) < batch_size:  # the input is done: no date may be left over
                try:
                    dates.check_end(index)
                except ValueError as err:
                    raise _dates_error(index, err) from err
        except PipeError as err:
            failure = err
        except Exception as err:  # the caller's iterator raised
            failure = _input_error(index, err)
            failure.__cause__ = err
        if sendable or failure is not None:
            yield _Batch(first, sendable, contexts, failure)
        if failure is not None or len(sendable) < batch_size:
            return
        first = index


def pipe_parallel(
    texts: Iterable[Any],
    *,
    extract: Extract,
    n_process: int,
    batch_size: int,
    as_tuples: bool,
    reference_date: dt.date | None,
    start_method: str | None = None,
    return_exceptions: bool = False,
    max_length: int | None = MAX_LENGTH,
    reference_dates: Iterable[Any] | None = None,
    learned: bool = True,
) -> Iterator[Any]:
    """Extract on ``n_process`` worker processes, yielding in input order."""
    ctx = multiprocessing.get_context(start_method)
    if ctx.get_start_method() == "fork":
        # Forked workers inherit what this process has loaded (copy-on-write): load the models
        # and lexicons here once instead of once per worker. Faster start, less memory.
        extract(_WARM_UP_TEXT, learned=learned)
    workers: list[_Worker] = []
    clean = False
    try:
        workers.extend(_Worker(ctx, extract, max_length, learned) for _ in range(n_process))
        dealer = itertools.cycle(workers)
        # In submission order: (worker, first index, batch length, contexts).
        in_flight: deque[tuple[_Worker, int, int, list[Any]]] = deque()
        dates = _Dates(reference_date, reference_dates)
        batches = _batches(extract, texts, batch_size, as_tuples, dates, max_length)
        exhausted = False
        failure: PipeError | None = None  # the input failed: raised once all before it are out
        while True:
            while not exhausted and len(in_flight) < n_process * _BATCHES_PER_WORKER:
                batch = next(batches, None)
                if batch is None or batch.failure is not None:
                    exhausted = True
                    failure = batch.failure if batch is not None else None
                if batch is None or not batch.texts:
                    break
                worker = next(dealer)
                worker.submit(batch.first, batch.texts)
                in_flight.append((worker, batch.first, len(batch.texts), batch.contexts))
            if not in_flight:
                if failure is not None:
                    raise failure
                break
            worker, first, count, contexts = in_flight.popleft()
            docs = worker.receive(first, count)
            if not return_exceptions:
                failed = next((d for d in docs if isinstance(d, PipeError)), None)
                if failed is not None:
                    # Documents before the failure first: the caller sees every text up to it.
                    good = docs[: docs.index(failed)]
                    yield from zip(good, contexts, strict=False) if as_tuples else good
                    raise failed
            if as_tuples:
                yield from zip(docs, contexts, strict=True)
            else:
                yield from docs
        clean = True
    finally:
        # Normal end: let the workers exit by themselves. Error, Ctrl-C or a consumer that
        # stopped early: terminate them now rather than let them finish queued work.
        for worker in workers:
            if clean:
                worker.stop()
            else:
                worker.kill()
        for worker in workers:
            worker.reap(_JOIN_TIMEOUT if clean else 2.0)
