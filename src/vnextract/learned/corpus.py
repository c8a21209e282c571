"""The project's annotated corpus (``corpus/`` at the repository's top) joined with its texts.

Annotations hold document ids and offsets only; the texts stay in the news files they come from
(``modern2026.jsonl``, ``big.jsonl.gz``), read here by id. Used by training and evaluation, never
at extraction time.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any, NamedTuple

#: The news files the corpus draws from, as named in corpus/documents.jsonl.
NEWS_FILES = ("modern2026.jsonl", "big.jsonl.gz")


class Document(NamedTuple):
    id: str
    source: str  # "modern2026.jsonl" (short 2026 item) or "big.jsonl.gz" (full article)
    fold: int  # 0-4; fold 0 is sealed for rule changes
    text: str
    gold: dict[str, Any]  # the guideline's gold record, text included (the shared scorer's input)
    batch: int = 0  # the annotation batch (corpus/annotations/batch-NN.jsonl)


def _lines(path: Path) -> Iterator[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def load_texts(news: Path, wanted: set[str]) -> dict[str, str]:
    """Texts of the wanted ids from the news files in ``news``."""
    texts: dict[str, str] = {}
    for name in NEWS_FILES:
        path = news / name
        if not path.exists():
            raise FileNotFoundError(f"{path}: the corpus texts are read from it; pass the news folder")
        for row in _lines(path):
            if row["id"] in wanted:
                texts[row["id"]] = row["text"]
    missing = wanted - texts.keys()
    if missing:
        raise KeyError(f"{len(missing)} corpus ids are not in {news}: {sorted(missing)[:3]} …")
    return texts


def load(
    corpus: Path, news: Path, *, double: bool = False, folds: Collection[int] | None = None
) -> list[Document]:
    """Every annotated document (``double``: the second annotations instead), in id order;
    only those of ``folds`` when given (a tuning run never reads the sealed fold's texts)."""
    meta = {row["id"]: row for row in _lines(corpus / "documents.jsonl")}
    folder = corpus / ("double" if double else "annotations")
    annotations = [
        row for path in sorted(folder.glob("*.jsonl")) for row in _lines(path)
        if folds is None or meta[row["id"]]["fold"] in folds
    ]
    texts = load_texts(news, {row["id"] for row in annotations})
    out = []
    for row in sorted(annotations, key=lambda r: r["id"]):
        info = meta[row["id"]]
        gold = {"text": texts[row["id"]], "counts": [], **row}
        out.append(Document(row["id"], info["source"], info["fold"], texts[row["id"]], gold,
                            info.get("batch", 0)))
    return out
