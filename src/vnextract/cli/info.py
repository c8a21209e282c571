"""``vnextract info`` (version, dependencies, data files) and ``vnextract schema``."""

from __future__ import annotations

import argparse
import csv
import importlib
import json
import sys
from pathlib import Path
from typing import Any

from vnextract import __version__
from vnextract.cli.errors import EXIT_OK, EXIT_USAGE


def data_files() -> list[tuple[str, int, list[str], list[str]]]:
    """(file name, entries, header columns, distinct values of its ``source`` column) per .tsv."""
    out = []
    for path in sorted((Path(__file__).parent.parent / "data").glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            header = next(reader, [])
            rows = [row for row in reader if row and not row[0].startswith("#")]
        sources: list[str] = []
        if "source" in header:
            column = header.index("source")
            sources = list(dict.fromkeys(row[column] for row in rows if len(row) > column and row[column]))
        out.append((path.name, len(rows), header, sources))
    return out


def _segmentation() -> str:
    """Which word segmentation runs: underthesea's model computed by vnextract, or, for a model
    vnextract does not reproduce, underthesea's own tagger (same words, about 3x slower)."""
    from vnextract import _underthesea, word_segmenter

    _underthesea._warm()
    model = word_segmenter.MODEL_DIR.name
    if _underthesea._segmenter is not None:
        return f"underthesea's CRF model {model}, tags computed by vnextract.word_segmenter"
    return f"underthesea's own word_tokenize (its model is not {model} with the known features)"


def run_info(args: argparse.Namespace) -> int:
    import platform
    from importlib import metadata

    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "not installed"

    print(f"vnextract {__version__}")
    print(f"python {platform.python_version()} ({sys.executable})")
    for dep in (
        "underthesea",
        "underthesea_core",
        "regex",
        "attrs",
        "cattrs",
        "msgspec",
        "pandas",
        "pyarrow",
    ):
        print(f"  {dep} {version(dep)}")
    print(f"word segmentation: {_segmentation()}")
    print("data files (src/vnextract/data):")
    for name, entries, header, sources in data_files():
        print(f"  {name}: {entries} entries (columns: {', '.join(header)})")
        for source in sources[:8]:
            print(f"    source: {source}")
        if len(sources) > 8:
            print(f"    … and {len(sources) - 8} more sources")
    return EXIT_OK


def run_schema(args: argparse.Namespace) -> int:
    try:
        schema: Any = importlib.import_module("vnextract.output.schema")
    except ImportError:
        print("vnextract: no JSON Schema in this build (vnextract.output.schema is missing)", file=sys.stderr)
        return EXIT_USAGE
    json.dump(schema.json_schema(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK
