"""Tools for annotators of the project's corpus (corpus/). Needs no vnextract: annotation is done
from the text, never from vnextract's output.

    python scripts/corpus_annotate.py show NEWS_DIR BATCH [--double]   # print the texts to annotate
    python scripts/corpus_annotate.py resolve NEWS_DIR DRAFT OUT        # draft -> offsets, checked

A draft is JSONL, one line per document, every list in TEXT ORDER (each occurrence listed):
    {"id": "...",
     "entities":    [["PER", "Trần Thanh Liêm"], ["ORG", "Sở TTTT"], ["LOC", "Bình Dương"], ...],
     "persons":     [{"name": "Trần Thanh Liêm", "titles": ["Phó Chủ tịch UBND tỉnh"], "honorific": "ông"}],
     "money":       [["hơn 504 triệu đồng", 504000000, null, "VND", "more_than", true]],
                    #  text, amount, amount_to, currency, qualifier, is_fine
     "percentages": [["12,5%", 12.5, null, null]],          # text, value, value_to, qualifier
     "dates":       [["ngày 17-8", "--08-17"]]}             # text, iso (null for relative dates)
An item may end with the span's exact start offset (["PER", "Kiều Loan", 2725]) to skip an
occurrence that is not tagged, or to place a span glued to the word before it ("6/2Nam Định").
`resolve` finds each span after the previous one of the same list, at word boundaries, and writes
the guideline's gold format with offsets (no article text). It stops on any span it cannot place
and warns where an annotated name occurs again with no annotation over it (a possible miss).
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import unicodedata
from pathlib import Path

QUALIFIERS = {None, "more_than", "less_than", "about", "nearly", "at_least", "at_most"}
ISO = re.compile(
    r"^(?:--)?(?:\d{4}|\d{2})?(?:-?(?:\d{2}|Q[1-4]|W\d{2}|H[12]))*(?:T[\d:]+(?:[+-]\d{2}:?\d{2}|Z)?)?$"
)


def load_texts(news: Path, wanted: set[str]) -> dict[str, str]:
    texts: dict[str, str] = {}
    with open(news / "modern2026.jsonl", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if row["id"] in wanted:
                texts[row["id"]] = row["text"]
    with gzip.open(news / "big.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if row["id"] in wanted:
                texts[row["id"]] = row["text"]
    return texts


def documents() -> list[dict]:
    path = Path(__file__).resolve().parent.parent / "corpus" / "documents.jsonl"
    return [json.loads(line) for line in open(path, encoding="utf-8")]


def double_ids(batch: int) -> list[str]:
    """The 4 documents of batch (batch + 5) % 10 that the annotator of `batch` annotates a second
    time, independently: its first 2 short items and first 2 full articles."""
    other = [d for d in documents() if d["batch"] == (batch + 5) % 10]
    modern = [d["id"] for d in other if d["source"] == "modern2026.jsonl"][:2]
    articles = [d["id"] for d in other if d["source"] == "big.jsonl.gz"][:2]
    return modern + articles


def show(news: Path, batch: int, double: bool) -> None:
    ids = double_ids(batch) if double else [d["id"] for d in documents() if d["batch"] == batch]
    texts = load_texts(news, set(ids))
    for doc_id in ids:
        print(f"=== {doc_id} ({len(texts[doc_id])} chars)")
        print(texts[doc_id])
        print()


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch) == "Mn"


def find_span(text: str, surface: str, start: int) -> int:
    """First occurrence of `surface` at or after `start` that begins and ends at word boundaries."""
    pos = start
    while True:
        k = text.find(surface, pos)
        if k < 0:
            return -1
        before = text[k - 1] if k > 0 else " "
        after = text[k + len(surface)] if k + len(surface) < len(text) else " "
        left_ok = not (_is_word_char(before) and _is_word_char(surface[0]))
        right_ok = not (_is_word_char(after) and _is_word_char(surface[-1]))
        if left_ok and right_ok:
            return k
        pos = k + 1


class DraftError(ValueError):
    pass


def place(text: str, doc_id: str, kind: str, surfaces: list[tuple[str, int | None]]) -> list[tuple[int, int]]:
    """Offsets of each span: the next occurrence at word boundaries after the previous span, or
    exactly at the start offset the annotator gave (to skip an occurrence, or for glued text)."""
    spans = []
    pos = 0
    for surface, at in surfaces:
        if not surface or surface != surface.strip():
            raise DraftError(f"{doc_id} {kind}: span {surface!r} is empty or has spaces at its ends")
        if at is not None:
            if not isinstance(at, int) or text[at : at + len(surface)] != surface or at < pos:
                raise DraftError(f"{doc_id} {kind}: {surface!r} is not at offset {at!r} (or is before "
                                 f"the previous {kind} span, at {pos})")
            spans.append((at, at + len(surface)))
            pos = at + len(surface)
            continue
        k = find_span(text, surface, pos)
        if k < 0:
            anywhere = find_span(text, surface, 0)
            hint = (f"it occurs at {anywhere}, before the previous {kind} span (list in text order)"
                    if anywhere >= 0 else "it is not in the text as written (copy it exactly)")
            raise DraftError(f"{doc_id} {kind}: cannot place {surface!r} after offset {pos}: {hint}")
        spans.append((k, k + len(surface)))
        pos = k + len(surface)
    return spans


def resolve_document(text: str, draft: dict) -> tuple[dict, list[str]]:
    doc_id = draft["id"]
    warnings: list[str] = []
    out: dict = {"id": doc_id}

    entities = draft.get("entities", [])
    for item in entities:
        if len(item) not in (2, 3) or item[0] not in ("PER", "ORG", "LOC"):
            raise DraftError(f"{doc_id} entities: {item!r} is not [TYPE, text] (or [TYPE, text, start])")
    spans = place(text, doc_id, "entities", [(e[1], e[2] if len(e) == 3 else None) for e in entities])
    out["entities"] = [{"type": e[0], "text": e[1], "start": s, "end": t}
                       for e, (s, t) in zip(entities, spans, strict=True)]
    covered = [(s, t) for s, t in spans]
    for surface in sorted({e[1] for e in entities}):
        k = find_span(text, surface, 0)
        while k >= 0:
            if not any(s < k + len(surface) and k < t for s, t in covered):
                line_start = text.rfind("\n", 0, k) + 1
                context = text[max(line_start, k - 30):k + len(surface) + 30].replace("\n", " ")
                warnings.append(f"{doc_id}: {surface!r} at {k} has no annotation over it: …{context}…")
            k = find_span(text, surface, k + 1)

    persons = []
    for p in draft.get("persons", []):
        if set(p) - {"name", "titles", "honorific"} or not isinstance(p.get("titles", []), list):
            raise DraftError(f"{doc_id} persons: {p!r} needs name, titles (a list), honorific")
        if p["name"] not in text:
            warnings.append(f"{doc_id}: person name {p['name']!r} is not written in the text")
        for title in p.get("titles", []):
            if title not in text:
                warnings.append(f"{doc_id}: title {title!r} of {p['name']!r} is not written as such")
        persons.append({"name": p["name"], "titles": list(p.get("titles", [])),
                        "honorific": p.get("honorific")})
    out["persons"] = persons

    money = draft.get("money", [])
    spans = place(text, doc_id, "money", [(m[0], m[6] if len(m) == 7 else None) for m in money])
    out["money"] = []
    for m, (s, t) in zip(money, spans, strict=True):
        if len(m) not in (6, 7) or m[4] not in QUALIFIERS or not isinstance(m[5], bool):
            raise DraftError(f"{doc_id} money: {m!r} is not [text, amount, amount_to, currency, qualifier, "
                             "is_fine]")
        out["money"].append({"text": m[0], "start": s, "end": t, "amount": m[1], "amount_to": m[2],
                             "currency": m[3], "qualifier": m[4], "is_fine": m[5]})

    percentages = draft.get("percentages", [])
    spans = place(text, doc_id, "percentages", [(p[0], p[4] if len(p) == 5 else None) for p in percentages])
    out["percentages"] = []
    for p, (s, t) in zip(percentages, spans, strict=True):
        if len(p) not in (4, 5) or p[3] not in QUALIFIERS:
            raise DraftError(f"{doc_id} percentages: {p!r} is not [text, value, value_to, qualifier]")
        out["percentages"].append({"text": p[0], "start": s, "end": t, "value": p[1],
                                   "value_to": p[2], "qualifier": p[3]})

    dates = draft.get("dates", [])
    spans = place(text, doc_id, "dates", [(d[0], d[2] if len(d) == 3 else None) for d in dates])
    out["dates"] = []
    for d, (s, t) in zip(dates, spans, strict=True):
        if len(d) not in (2, 3) or not (d[1] is None or all(ISO.match(part) for part in d[1].split("/"))):
            raise DraftError(f"{doc_id} dates: {d!r} is not [text, iso-or-null] with an ISO 8601 value")
        out["dates"].append({"text": d[0], "start": s, "end": t, "iso": d[1]})
    return out, warnings


def resolve(news: Path, draft_path: Path, out_path: Path) -> int:
    lines = draft_path.read_text(encoding="utf-8").splitlines()
    drafts = [json.loads(line) for line in lines if line.strip()]
    known = {d["id"] for d in documents()}
    unknown = [d["id"] for d in drafts if d["id"] not in known]
    if unknown:
        print(f"not corpus documents: {unknown}", file=sys.stderr)
        return 2
    ids = [d["id"] for d in drafts]
    if len(ids) != len(set(ids)):
        print("a document appears twice in the draft", file=sys.stderr)
        return 2
    texts = load_texts(news, set(ids))
    lines, failures, mentions = [], 0, 0
    for draft in drafts:
        try:
            resolved, warnings = resolve_document(texts[draft["id"]], draft)
        except DraftError as error:
            print(f"ERROR {error}", file=sys.stderr)
            failures += 1
            continue
        for warning in warnings:
            print(f"warning {warning}", file=sys.stderr)
        mentions += len(resolved["entities"])
        lines.append(json.dumps(resolved, ensure_ascii=False))
    if failures:
        print(f"{failures} document(s) failed; nothing written", file=sys.stderr)
        return 1
    out_path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    print(f"{len(lines)} documents, {mentions} entity mentions -> {out_path}")
    return 0


def main(argv: list[str]) -> int:
    if len(argv) >= 3 and argv[0] == "show":
        if "--double" in argv and int(argv[2]) > 9:
            # the partner rule (batch + 5) % 10 pairs batches 0-9 only: a later batch would be
            # shown documents of batches 0-9 that already have a second annotation
            print("--double pairs batches 0-9 only; for a later batch, list the documents "
                  "to annotate twice and give them to the annotator by id", file=sys.stderr)
            return 2
        show(Path(argv[1]), int(argv[2]), "--double" in argv)
        return 0
    if len(argv) == 4 and argv[0] == "resolve":
        return resolve(Path(argv[1]), Path(argv[2]), Path(argv[3]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
