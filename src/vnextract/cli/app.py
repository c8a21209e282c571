"""``main``: parse the arguments, run the command, turn what ended it into an exit code."""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Sequence

from vnextract.cli.errors import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_TERMINATED,
    EXIT_USAGE,
    InputError,
    OutputError,
    Terminated,
    UsageError,
    WorkerDied,
    raise_terminated,
    silence_stdout,
)
from vnextract.cli.parser import build_parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (see the module docstring).

    ``main(["extract", "bai_bao.txt", "--format", "table"])`` prints the records of bai_bao.txt
    ("bài báo" = newspaper article) as a table.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    # SIGTERM's default ends the process at once: output still in a buffer would be lost and
    # worker processes left to notice alone. As an exception it unwinds like Ctrl-C does.
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, raise_terminated)
    try:
        code: int = args.func(args)
    except UsageError as err:
        # The usage line of the subcommand (vnextract extract …), then the error; exits with 2.
        getattr(args, "subparser", parser).error(str(err))
    except InputError as err:
        if isinstance(err, OutputError) and err.to_stdout:
            silence_stdout()
        print(f"vnextract: {err}", file=sys.stderr)
        return EXIT_USAGE
    except WorkerDied as err:
        print(f"vnextract: {err}", file=sys.stderr)
        return EXIT_INTERNAL
    except Terminated:
        print("vnextract: terminated (SIGTERM); output so far is kept", file=sys.stderr)
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        print("vnextract: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # Python flushes stdout again at exit: point it at /dev/null so that is quiet too.
        silence_stdout()
        return EXIT_BROKEN_PIPE
    except Exception as err:  # a bug: say so in one line, output so far is kept
        if os.environ.get("VNEXTRACT_DEBUG"):
            raise
        print(f"vnextract: internal error, please report it: {type(err).__name__}: {err}", file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return code
