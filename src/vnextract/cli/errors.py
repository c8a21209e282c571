"""Exit codes, the errors that end a run with one, and how bad inputs are reported on stderr."""

from __future__ import annotations

import contextlib
import os
import sys
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vnextract.cli.inputs import Problem
    from vnextract.errors import PipeError

EXIT_OK = 0
EXIT_SKIPPED = 1
EXIT_USAGE = 2
EXIT_STOPPED = 3
EXIT_INTERNAL = 4
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141
EXIT_TERMINATED = 143  # 128 + SIGTERM, as a shell reports a process SIGTERM killed

EXIT_CODES_HELP = """exit codes:
  0    every input document was processed
  1    finished, but bad input lines or files were reported and skipped (--on-error skip)
  2    usage error, a missing or unreadable input file, or an output that cannot be written
  3    stopped at a bad input line (--on-error stop); all output before it was written
  4    an internal error stopped the run (a bug: please report it), or a worker process died;
       output so far is kept
  130  interrupted (Ctrl-C); output so far is kept
  141  the reader of the output went away (e.g. | head)
  143  terminated (SIGTERM, as from kill or a job scheduler); output so far is kept"""


class InputError(Exception):
    """A file that cannot be read at all, or an output that cannot be opened (exit code 2)."""


class OutputError(InputError):
    """Writing the output failed during the run (exit code 2); what was written is kept."""

    def __init__(self, message: str, to_stdout: bool) -> None:
        super().__init__(message)
        self.to_stdout = to_stdout


class UsageError(Exception):
    """A usage error found after parsing (exit code 2)."""


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived: unwound like Ctrl-C (workers stopped, output flushed), exit code 143."""


def raise_terminated(signum: int, frame: Any) -> None:
    """The SIGTERM handler during a run: unwind as an exception (see :class:`Terminated`)."""
    raise Terminated


class WorkerDied(Exception):
    """A worker process of --n-process died (exit code 4)."""


def worker_death_message(error: PipeError, source: str | None) -> str:
    """What to say when a worker process died: the engine's account of it (the pid, the exit
    code, what it was doing), naming the document by its ``source`` ("news.jsonl:12") when known.
    """
    death = error.worker
    if death is None:  # not a death (cannot happen with return_exceptions=True): say it as it is
        return f"{error}; output so far is kept"
    return f"{death.describe(source, batch=False, explain=True)}; output so far is kept"


def failure_message(error: Any) -> str:
    """What to say about a document extract() refused or failed on."""
    from vnextract.errors import InputError as TextInputError
    from vnextract.errors import TextTooLongError

    cause = error.__cause__
    if isinstance(cause, TextTooLongError):
        return f"text too long ({cause.length:,} characters, more than --max-length {cause.max_length:,})"
    if isinstance(cause, TextInputError):  # the text's fault (a lone surrogate, bytes not UTF-8)
        return str(cause)
    # Anything else inside extract() is a bug in vnextract, not in the input.
    return f"extraction failed ({error.reason})"


def close_quietly(stream: IO[bytes]) -> None:
    with contextlib.suppress(OSError):
        stream.close()


def silence_stdout() -> None:
    """Point standard output at /dev/null, so Python's own flush at exit fails no more."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


class ProblemReport:
    """Bad inputs said on stderr, one line each as they come: at most ``max_errors`` (all of them
    with ``--on-error stop``), a problem of the same ``repeat`` once; then how many were not shown.
    """

    def __init__(self, on_error: str, max_errors: int) -> None:
        self.on_error = on_error
        self.max_errors = max_errors
        self.stop = on_error == "stop"
        self.shown = 0
        self.problems = 0
        self.repeated: dict[str, int] = {}  # Problem.repeat -> how many were not printed
        self.bar_shown = False  # a progress bar is drawn on stderr: write above it

    def say(self, message: str) -> None:
        if self.bar_shown:  # above the progress bar, which is drawn again below it
            from tqdm import tqdm

            tqdm.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)

    def report(self, problem: Problem) -> None:
        self.problems += 1
        if problem.repeat is not None and problem.repeat in self.repeated:
            self.repeated[problem.repeat] += 1  # said once already, with the keys seen
            return
        if problem.repeat is not None:
            self.repeated[problem.repeat] = 0
        if self.shown < self.max_errors or self.stop:
            self.shown += 1
            action = {"stop": "stopping", "skip": "skipped", "record": "recorded"}[self.on_error]
            self.say(f"vnextract: {problem.source}: {problem.message}; {action}")

    def summary(self) -> int:
        """Say how many problems were not shown; the exit code of the run."""
        for repeat, more in self.repeated.items():
            if more:
                print(f"vnextract: {more:,} more inputs with {repeat} (not shown)", file=sys.stderr)
        hidden = self.problems - self.shown - sum(self.repeated.values())
        if hidden > 0:
            skipped = f"{self.problems:,} inputs skipped in all"
            print(f"vnextract: {skipped} ({hidden:,} not shown; see --max-errors)", file=sys.stderr)
        if self.problems and self.stop:
            return EXIT_STOPPED
        return EXIT_SKIPPED if self.problems else EXIT_OK
