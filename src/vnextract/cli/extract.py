"""``vnextract extract``: check the options, read the inputs, run, write, report."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import IO

from vnextract.cli.errors import (
    InputError,
    OutputError,
    ProblemReport,
    UsageError,
    close_quietly,
    failure_message,
)
from vnextract.cli.inputs import Problem, check_paths, expected_documents, os_reason, read_inputs
from vnextract.cli.run import progress_bar, results_in_order
from vnextract.cli.writers import SUFFIX_FORMATS, Writer


def output_format(args: argparse.Namespace) -> str:
    """--format, else the format the -o file's suffix names (none: JSONL); an unknown suffix is
    refused rather than written as JSONL under a misleading name."""
    if args.format:
        chosen: str = args.format
        return chosen
    if args.output in (None, "-"):
        return "jsonl"
    suffix = Path(args.output).suffix.lower()
    if not suffix:
        return "jsonl"
    if suffix not in SUFFIX_FORMATS:
        known = ", ".join(SUFFIX_FORMATS)
        raise UsageError(
            f"-o {args.output}: no output format for {suffix!r} (known: {known}); or use --format"
        )
    return SUFFIX_FORMATS[suffix]


def csv_columns(args: argparse.Namespace) -> list[str] | None:
    """The CSV columns asked for with --columns, checked against the known ones."""
    if args.columns is None:
        return None
    if args.format not in ("csv", "parquet"):
        raise UsageError("--columns chooses CSV or Parquet columns; it needs --format csv or parquet")
    from vnextract.output.rows import COLUMNS

    chosen = [c.strip() for c in args.columns.split(",") if c.strip()]
    known = [*args.keep, "source", *COLUMNS]
    unknown = [c for c in chosen if c not in known]
    if unknown or not chosen:
        raise UsageError(f"unknown --columns {unknown}; choose from {', '.join(known)}")
    return chosen


def run_extract(args: argparse.Namespace) -> int:
    """``vnextract extract``: the exit code of the run (see :mod:`vnextract.cli`)."""
    files: list[str] = args.files or ["-"]
    args.format = output_format(args)
    if "-" in files and sys.stdin.isatty():
        print("vnextract: reading text from standard input (Ctrl-D to end)", file=sys.stderr)
    if args.keep and args.input_format == "text":
        raise UsageError("--keep copies fields of JSONL input; it needs --input-format jsonl")
    if args.format == "parquet" and args.output in (None, "-"):
        raise UsageError("Parquet is written to a file: give -o FILE.parquet")
    from vnextract.kinds import DOCUMENT_FIELDS

    output_keys = {*DOCUMENT_FIELDS, "published"}
    if args.on_error == "record":
        output_keys |= {"source", "error"}
    clash = set(args.keep) & output_keys
    if clash:
        raise UsageError(f"--keep {sorted(clash)[0]} would overwrite an output key of the same name")

    columns = csv_columns(args)
    check_paths(files, args.output)

    stop = args.on_error == "stop"
    report = ProblemReport(args.on_error, args.max_errors)
    entries = read_inputs(
        files,
        chosen_format=args.input_format,
        text_key=args.text_key,
        keep=args.keep,
        date_key=args.date_key,
        say=report.say,
    )
    total = expected_documents(files, args.input_format)

    to_stdout = args.output in (None, "-")
    where = "standard output" if to_stdout else args.output
    with contextlib.ExitStack() as stack:
        if to_stdout:
            stream: IO[bytes] = sys.stdout.buffer
        else:
            try:
                stream = open(args.output, "wb")  # noqa: SIM115 (closed by the stack)
            except OSError as err:
                raise InputError(f"cannot write {args.output}: {os_reason(err)}") from None
            # Quietly: after a failed write (a full disk) closing fails the same way, and that
            # was reported already; after a good run Writer.close() has flushed everything.
            stack.callback(close_quietly, stream)
        bar = stack.enter_context(progress_bar(args.progress, total))
        report.bar_shown = not bar.disable
        results = results_in_order(
            entries,
            n_process=args.n_process,
            reference_date=args.reference_date,
            max_length=args.max_length or None,
            stop_at_problem=stop,
            learned=args.learned,
        )
        stack.callback(results.close)  # stops the workers however the loop ends
        try:
            writer = Writer(args.format, stream, args.keep, columns)
            try:
                for entry, doc in results:
                    bar.update(1)
                    if isinstance(entry, Problem):
                        problem = entry
                    elif not isinstance(doc, Exception):
                        writer.write(entry, doc)
                        continue
                    else:
                        problem = Problem(entry.source, failure_message(doc), entry.kept)
                    report.report(problem)
                    if stop:
                        break
                    if args.on_error == "record":
                        writer.write_error(problem)
            except BaseException:
                with contextlib.suppress(OSError, ValueError):
                    writer.close()  # keep what was written; the first error is the one to tell
                raise
            writer.close()
            if bar.total is not None and bar.n < bar.total and not (stop and report.problems):
                bar.total = bar.n  # blank lines were counted as lines: end the bar at 100 %
                bar.refresh()
        except BrokenPipeError:
            raise
        except OSError as err:  # a full disk, a quota, a network file system gone
            raise OutputError(f"cannot write {where}: {os_reason(err)}", to_stdout) from None
    return report.summary()
