"""The ``vnextract`` command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from vnextract import __version__
from vnextract.pipeline import extract


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def _cmd_extract(args: argparse.Namespace) -> int:
    for path in args.files:
        try:
            text = _read(path)
        except OSError as err:
            print(f"vnextract: cannot read {path}: {err.strerror}", file=sys.stderr)
            return 2
        except UnicodeDecodeError as err:
            print(f"vnextract: {path} is not UTF-8 (byte {err.start})", file=sys.stderr)
            return 2
        doc = extract(text)
        json.dump(doc.to_dict(), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vnextract", description="Typed records from Vietnamese text.")
    parser.add_argument("--version", action="version", version=f"vnextract {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="print one JSON object per input document")
    p.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text file, or - for standard input")
    p.set_defaults(func=_cmd_extract)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
