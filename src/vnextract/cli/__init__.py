"""The ``vnextract`` command line: extract, evaluate, info, schema.

One module per part: ``parser`` (the options), ``inputs`` (reading files, JSONL and standard
input), ``run`` (documents in input order from :func:`vnextract.pipe`, one process or many),
``writers`` (the output formats), ``errors`` (exit codes and bad-input reports), ``extract``
and ``info`` (the commands), ``app`` (``main``).

Exit codes (also in ``vnextract --help`` and docs/cli.md):

====  =====================================================================================
0     success: every input document was processed
1     finished, but some input lines or files were bad (or failed) and were skipped
2     usage error, a missing or unreadable input file, or an output that cannot be written
3     stopped at a bad input line (``--on-error stop``); everything before it was written
4     an internal error stopped the run (a bug: please report it), or a worker process died;
      output so far is kept
130   interrupted (Ctrl-C); output so far is kept
141   the reader of the output went away (``vnextract extract … | head``)
143   terminated (SIGTERM); output so far is kept
====  =====================================================================================
"""

from vnextract.cli.app import main
from vnextract.cli.errors import (
    EXIT_BROKEN_PIPE,
    EXIT_CODES_HELP,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_SKIPPED,
    EXIT_STOPPED,
    EXIT_TERMINATED,
    EXIT_USAGE,
)
from vnextract.cli.info import data_files
from vnextract.cli.inputs import Item, Problem
from vnextract.cli.parser import build_parser
from vnextract.cli.writers import FORMATS, Writer

__all__ = [
    "EXIT_BROKEN_PIPE", "EXIT_CODES_HELP", "EXIT_INTERNAL", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_SKIPPED",
    "EXIT_STOPPED", "EXIT_TERMINATED", "EXIT_USAGE", "FORMATS", "Item", "Problem", "Writer", "build_parser",
    "data_files", "main",
]  # fmt: skip
