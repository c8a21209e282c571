"""Entity evaluation: precision, recall and F1 for PER/ORG/LOC against annotated files.

Two input formats:

- our gold JSONL (one document per line: ``{"text", "entities": [{"type", "start", "end"}]}``,
  as in ``shared/gold/dev.jsonl``);
- CoNLL/BIO columns as VLSP 2016 and PhoNER_COVID19 publish them: one token per line, the tag
  in the last column (or ``--tag-column``), a blank line between sentences, ``-DOCSTART-``
  between documents; syllable-level ("Hà", "Nội") or word-level ("Hà_Nội", underscores become
  spaces). Tags are BIO/IOB1 (``B-PER``, ``I-PER``, ``O``); ``--map NAME=PER,...`` renames the
  data set's types (PhoNER: ``PERSON_NAME=PER,LOCATION=LOC,ORGANIZATION=ORG``); types that map
  to nothing are left out of the score.

Matching: *exact* needs the same type, start and end; *overlap* counts a gold entity found when
a predicted entity of the same type overlaps it (and a prediction correct when it overlaps a
gold entity of its type), as the shared scorer does.

Command line (wired as ``vnextract evaluate``)::

    python -m vnextract.evaluate ../shared/gold/dev.jsonl
    python -m vnextract.evaluate test.conll --format conll --map PERSON_NAME=PER,LOCATION=LOC
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

TYPES: tuple[str, ...] = ("PER", "ORG", "LOC")

#: Tag names seen in public Vietnamese data sets, mapped to ours (``--map`` adds or overrides).
DEFAULT_MAP: dict[str, str | None] = {
    "PER": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "PERSON": "PER",
    "PERSON_NAME": "PER",
    "ORGANIZATION": "ORG",
    "ORGANISATION": "ORG",
    "LOCATION": "LOC",
    "GPE": "LOC",
    "MISC": None,
}


class Entity(NamedTuple):
    type: str
    start: int
    end: int


class Document(NamedTuple):
    """A text and its gold entities (types already mapped to PER/ORG/LOC)."""

    text: str
    entities: tuple[Entity, ...]


Predictor = Callable[[str], Iterable[Entity]]


# ----------------------------------------------------------------------------- readers


def parse_map(spec: str | None) -> dict[str, str | None]:
    """``"PERSON_NAME=PER,LOCATION=LOC,AGE="`` → a tag map (empty right side drops the type).

    >>> parse_map("PERSON_NAME=PER,LOCATION=LOC")["LOCATION"]
    'LOC'
    """
    table = dict(DEFAULT_MAP)
    if not spec:
        return table
    for item in spec.split(","):
        if not item.strip():
            continue
        name, sep, target = item.partition("=")
        if not sep:
            raise ValueError(f"--map item {item!r} is not NAME=TYPE")
        target = target.strip().upper()
        if target and target not in TYPES:
            raise ValueError(f"--map target {target!r} is not one of {', '.join(TYPES)} (or empty)")
        table[name.strip()] = target or None
    return table


def read_gold_jsonl(path: str | Path) -> list[Document]:
    """Documents of our gold JSONL format (only PER/ORG/LOC entities are kept)."""
    docs = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}:{n}: not JSON ({err.msg})") from None
            ents = tuple(
                Entity(e["type"], int(e["start"]), int(e["end"]))
                for e in obj.get("entities", [])
                if e.get("type") in TYPES
            )
            docs.append(Document(obj["text"], ents))
    return docs


def _sentences(lines: Iterable[str], tag_column: int) -> Iterator[list[tuple[str, str]] | None]:
    """(token, tag) lists per sentence; None marks a ``-DOCSTART-`` document break."""
    current: list[tuple[str, str]] = []
    for raw in lines:
        line = raw.rstrip("\n\r")
        if not line.strip():
            if current:
                yield current
                current = []
            continue
        cols = line.split("\t") if "\t" in line else line.split()
        if cols[0] == "-DOCSTART-":
            if current:
                yield current
                current = []
            yield None
            continue
        if len(cols) < 2:
            raise ValueError(f"CoNLL line without a tag column: {line!r}")
        current.append((cols[0], cols[tag_column]))
    if current:
        yield current


def read_conll(
    path: str | Path,
    *,
    tag_map: dict[str, str | None] | None = None,
    tag_column: int = -1,
    sentences_per_document: int = 50,
) -> list[Document]:
    """Documents rebuilt from a CoNLL/BIO file: tokens joined by spaces, one sentence a line.

    Word-level tokens keep their syllables apart ("Hà_Nội" → "Hà Nội"). Without ``-DOCSTART-``
    lines, every ``sentences_per_document`` sentences make one document (names met earlier in a
    document help to recognise short references later).
    """
    table = tag_map if tag_map is not None else dict(DEFAULT_MAP)
    docs: list[Document] = []
    pieces: list[str] = []
    ents: list[Entity] = []
    length = 0
    count = 0

    def flush() -> None:
        nonlocal pieces, ents, length, count
        if pieces:
            docs.append(Document("".join(pieces), tuple(ents)))
        pieces, ents, length, count = [], [], 0, 0

    with open(path, encoding="utf-8") as f:
        for sent in _sentences(f, tag_column):
            if sent is None:
                flush()
                continue
            if count >= sentences_per_document:
                flush()
            if pieces:
                pieces.append("\n")
                length += 1
            open_type: str | None = None
            open_start = open_end = 0
            for k, (token, tag) in enumerate(sent):
                word = token.replace("_", " ")
                if k:
                    pieces.append(" ")
                    length += 1
                start, end = length, length + len(word)
                pieces.append(word)
                length = end
                prefix, name = _split_tag(tag)
                mapped = table.get(name, name if name in TYPES else None)
                if prefix in ("B", "S", "U", "O") or mapped != open_type:
                    if open_type is not None:  # close the entity before this token
                        ents.append(Entity(open_type, open_start, open_end))
                    open_type, open_start = (mapped, start) if prefix != "O" and mapped else (None, 0)
                open_end = end
                if prefix in ("S", "U", "E") and open_type is not None:  # single or last token
                    ents.append(Entity(open_type, open_start, open_end))
                    open_type = None
            if open_type is not None:
                ents.append(Entity(open_type, open_start, open_end))
            count += 1
    flush()
    return docs


def _split_tag(tag: str) -> tuple[str, str]:
    """``"B-PER"`` → ("B", "PER"); ``"O"`` → ("O", ""); a bare type ``"PER"`` → ("I", "PER")."""
    if tag in ("O", "", "_", "-"):
        return "O", ""
    if len(tag) > 2 and tag[1] in "-_" and tag[0] in "BIESU":
        return tag[0], tag[2:]
    return "I", tag


# ----------------------------------------------------------------------------- scoring


class Counts(NamedTuple):
    """Tallies for one type: correct predictions, predictions, found gold, gold."""

    tp_pred: int
    pred: int
    tp_gold: int
    gold: int

    def prf(self) -> tuple[float, float, float]:
        p = self.tp_pred / self.pred if self.pred else (1.0 if not self.gold else 0.0)
        r = self.tp_gold / self.gold if self.gold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def _add(a: Counts, b: Counts) -> Counts:
    return Counts(*(x + y for x, y in zip(a, b, strict=True)))


def score_document(gold: Sequence[Entity], pred: Sequence[Entity]) -> dict[str, dict[str, Counts]]:
    """Per-type exact and overlap tallies for one document."""
    out: dict[str, dict[str, Counts]] = {"exact": {}, "overlap": {}}
    for typ in TYPES:
        g = [e for e in gold if e.type == typ]
        p = [e for e in pred if e.type == typ]
        gs, ps = {(e.start, e.end) for e in g}, {(e.start, e.end) for e in p}
        both = len(gs & ps)
        out["exact"][typ] = Counts(both, len(ps), both, len(gs))
        hit_g = sum(any(a.start < b.end and b.start < a.end for b in p) for a in g)
        hit_p = sum(any(a.start < b.end and b.start < a.end for a in g) for b in p)
        out["overlap"][typ] = Counts(hit_p, len(p), hit_g, len(g))
    return out


def vnextract_entities(text: str) -> list[Entity]:
    """Predicted entities of ``vnextract.extract``: every person mention, organisation, place."""
    from vnextract import extract

    doc = extract(text)
    ents = [Entity("PER", s, e) for p in doc.persons for s, e in (p.mentions or ((p.start, p.end),))]
    ents += [Entity("ORG", o.start, o.end) for o in doc.organizations]
    ents += [Entity("LOC", loc.start, loc.end) for loc in doc.locations]
    return ents


def evaluate(docs: Iterable[Document], predict: Predictor = vnextract_entities) -> dict[str, Any]:
    """Score a system over documents: P/R/F1 per type, micro and macro, exact and overlap.

    >>> doc = Document("Ông Trần Văn An ở Hà Nội.", (Entity("PER", 4, 15), Entity("LOC", 18, 24)))
    >>> evaluate([doc], lambda text: [Entity("PER", 4, 15)])["exact"]["micro"]["R"]
    50.0
    """
    totals: dict[str, dict[str, Counts]] = {
        m: {t: Counts(0, 0, 0, 0) for t in TYPES} for m in ("exact", "overlap")
    }
    chars = 0
    n_docs = 0
    seconds = 0.0
    for doc in docs:
        t0 = time.perf_counter()
        pred = list(predict(doc.text))
        seconds += time.perf_counter() - t0
        chars += len(doc.text)
        n_docs += 1
        for mode, per_type in score_document(doc.entities, pred).items():
            for typ, c in per_type.items():
                totals[mode][typ] = _add(totals[mode][typ], c)
    result: dict[str, Any] = {
        "documents": n_docs,
        "chars": chars,
        "seconds": round(seconds, 3),
        "kchars_per_s": round(chars / seconds / 1000, 1) if seconds else None,
    }
    for mode, per_type in totals.items():
        rows: dict[str, dict[str, float | int]] = {}
        for typ, c in per_type.items():
            rows[typ] = _row(c)
        micro = Counts(0, 0, 0, 0)
        for c in per_type.values():
            micro = _add(micro, c)
        rows["micro"] = _row(micro)
        present = [rows[t] for t in TYPES if per_type[t].gold or per_type[t].pred]
        rows["macro"] = {
            "P": round(sum(float(r["P"]) for r in present) / len(present), 1) if present else 0.0,
            "R": round(sum(float(r["R"]) for r in present) / len(present), 1) if present else 0.0,
            "F1": round(sum(float(r["F1"]) for r in present) / len(present), 1) if present else 0.0,
            "pred": micro.pred,
            "gold": micro.gold,
        }
        result[mode] = rows
    return result


def _row(c: Counts) -> dict[str, float | int]:
    p, r, f = c.prf()
    return {
        "P": round(100 * p, 1),
        "R": round(100 * r, 1),
        "F1": round(100 * f, 1),
        "pred": c.pred,
        "gold": c.gold,
    }


def format_table(result: dict[str, Any]) -> str:
    """The result as the text table ``vnextract evaluate`` prints."""
    lines = [
        f"{result['documents']} documents, {result['chars']} chars, {result['seconds']} s "
        f"({result['kchars_per_s']} k chars/s)",
        f"{'measure':18s} {'P':>6s} {'R':>6s} {'F1':>6s} {'pred':>6s} {'gold':>6s}",
    ]
    for mode in ("exact", "overlap"):
        for key in (*TYPES, "micro", "macro"):
            r = result[mode][key]
            name = f"{mode}.{key}"
            numbers = f"{r['P']:6.1f} {r['R']:6.1f} {r['F1']:6.1f} {r['pred']:6d} {r['gold']:6d}"
            lines.append(f"{name:18s} {numbers}")
    return "\n".join(lines)


# ----------------------------------------------------------------------------- command line


def build_parser(parser: argparse.ArgumentParser | None = None) -> argparse.ArgumentParser:
    """Add the evaluate options to ``parser`` (a subcommand's parser) or make a new one."""
    p = parser or argparse.ArgumentParser(
        prog="vnextract evaluate", description="Entity precision/recall/F1 of vnextract on an annotated file."
    )
    p.add_argument("path", help="gold file: our JSONL format or CoNLL/BIO columns")
    p.add_argument(
        "--format",
        choices=("auto", "jsonl", "conll"),
        default="auto",
        help="input format (auto: .jsonl/.json → jsonl, anything else → conll)",
    )
    p.add_argument(
        "--map",
        dest="tag_map",
        default=None,
        metavar="NAME=TYPE,...",
        help="rename the file's entity types to PER/ORG/LOC, "
        "e.g. PERSON_NAME=PER,LOCATION=LOC,ORGANIZATION=ORG",
    )
    p.add_argument("--tag-column", type=int, default=-1, help="CoNLL column holding the tag (default: last)")
    p.add_argument(
        "--sentences-per-document",
        type=int,
        default=50,
        help="CoNLL without -DOCSTART-: sentences grouped into one document (default 50)",
    )
    p.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    return p


def run(args: argparse.Namespace, predict: Predictor = vnextract_entities) -> int:
    """Run an evaluation from parsed arguments; print the table (or JSON); return the exit code."""
    path = Path(args.path)
    fmt = args.format
    if fmt == "auto":
        fmt = "jsonl" if path.suffix in (".jsonl", ".json") else "conll"
    try:
        if fmt == "jsonl":
            docs = read_gold_jsonl(path)
        else:
            docs = read_conll(
                path,
                tag_map=parse_map(args.tag_map),
                tag_column=args.tag_column,
                sentences_per_document=args.sentences_per_document,
            )
    except (OSError, ValueError, KeyError) as err:
        print(f"vnextract evaluate: {path}: {err}", file=sys.stderr)
        return 2
    if args.limit is not None:
        docs = docs[: args.limit]
    if not docs:
        print(f"vnextract evaluate: {path}: no documents", file=sys.stderr)
        return 2
    result = evaluate(docs, predict)
    print(json.dumps(result, ensure_ascii=False) if args.json else format_table(result))
    return 0


def main_evaluate(argv: Sequence[str] | None = None) -> int:
    """Entry point: ``main_evaluate(["dev.jsonl"])`` prints the table and returns 0."""
    return run(build_parser().parse_args(argv))


if __name__ == "__main__":
    sys.exit(main_evaluate())
