"""Train the span classifier (:mod:`vnextract.learned.spans`), cross-validate it, write the model.

    python -m vnextract.learned.spans_train --news ../shared/news --scorer ../shared/eval/score.py \\
        [--corpus corpus] [--folds 1,2,3] [--cv] [--test-folds 4] [--out src/vnextract/data/models]

The classifier types what the rules and the entity CRF left, so its training examples must come
from a CRF that did not learn the document they are in (else the CRF, which remembers its training
names, leaves almost nothing): for each fold of ``--folds`` an entity CRF is trained on the other
folds of ``--folds`` and run on it (out-of-fold stacking), and the capitalised runs left uncovered
are the classifier's examples, labelled by the gold entity with exactly their span.

- ``--cv``: for each fold of ``--folds``, the classifier trained on the other folds' examples is
  scored with the shared scorer on it (full pipeline, that fold's CRF), at every threshold of
  ``--thresholds``, against the CRF alone; short items and articles apart.
- ``--test-folds``: folds outside ``--folds`` (set aside) scored with a CRF trained on all of
  ``--folds`` and the classifier trained on all their examples, before and after.
- ``--out``: write ``spans.json`` (weights, threshold, card) trained on every example of ``--folds``.
Deterministic: fixed document order, a seeded shuffle, plain SGD.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from tqdm import tqdm

from vnextract import pipeline
from vnextract.learned import model as learned
from vnextract.learned import spans
from vnextract.learned import train as crf
from vnextract.learned.corpus import Document, load
from vnextract.learned.view import SyllableIndex, sentence_syllables
from vnextract.text import Text

#: The step's name, and the step it runs after (it is not in pipeline.LINKERS: not shipped, see
#: docs/accuracy.md; the trainer inserts it).
STEP, ENTITY_STEP = "learned_spans", "learned_entities"
#: SGD settings (chosen on folds 1-3 by --cv; docs/accuracy.md).
EPOCHS, RATE, L2 = 20, 0.5, 3e-3
THRESHOLDS = (0.5, 0.6, 0.7, 0.8)
SEED = 13


class Example(NamedTuple):
    doc: str
    fold: int
    features: list[str]
    label: str  # PER, ORG, LOC or O


def _gold_label(text: Text, c: spans.Candidate, gold: dict[tuple[int, int], str]) -> str:
    return gold.get(text.to_original(c.start, c.end), "O")


def examples(doc: Document, entity_model: learned.EntityModel) -> list[Example]:
    """The candidates the rules and ``entity_model`` leave in ``doc``, with their gold labels."""
    text = Text.from_string(doc.text)
    found = pipeline.found_before(text, STEP, linkers=linkers(entity_model, None))
    sentences = sentence_syllables(text)
    marks = spans._marks(sentences, found, SyllableIndex(sentences))
    runs = spans.candidates(sentences, marks)
    forms = spans.document_forms(sentences, marks, runs)
    gold = {(e["start"], e["end"]): e["type"] for e in doc.gold["entities"]}
    return [Example(doc.id, doc.fold, spans.span_features(c, sentences, marks, forms),
                    _gold_label(text, c, gold)) for c in runs]


def linkers(
    entity_model: learned.EntityModel, span_model: spans.SpanModel | None, threshold: float | None = None
) -> tuple[tuple[str, pipeline.Linker], ...]:
    """The pipeline's steps with this entity CRF and this span model (None: no span step)."""

    def entities(text: Text, found: Any) -> Any:
        return learned.apply(entity_model, text, found)

    def spanned(text: Text, found: Any) -> Any:
        return found if span_model is None else spans.apply(span_model, text, found, threshold)

    out: list[tuple[str, pipeline.Linker]] = []
    for name, link in pipeline.LINKERS:
        if name == ENTITY_STEP:  # the span step runs right after the entity CRF
            out.extend(((name, entities), (STEP, spanned)))
        elif name != STEP:
            out.append((name, link))
    return tuple(out)


def train(
    data: Sequence[Example], threshold: float, epochs: int = EPOCHS, rate: float = RATE, l2: float = L2
) -> spans.SpanModel:
    """A multinomial logistic regression by plain SGD (seeded shuffle: deterministic)."""
    labels = spans.LABELS
    weights: dict[str, list[float]] = {}
    order = list(range(len(data)))
    shuffle = random.Random(SEED).shuffle
    for epoch in range(epochs):
        shuffle(order)
        step = rate / (1 + 0.2 * epoch)
        for i in order:
            ex = data[i]
            rows = [weights.setdefault(f, [0.0] * len(labels)) for f in ex.features]
            scores = [sum(r[k] for r in rows) for k in range(len(labels))]
            probs = spans._softmax(scores)
            gold = labels.index(ex.label)
            for k in range(len(labels)):
                g = probs[k] - (1.0 if k == gold else 0.0)
                for r in rows:
                    r[k] -= step * (g + l2 * r[k])
    kept = {f: tuple(w) for f, w in weights.items() if max(map(abs, w)) >= 1e-3}
    return spans.SpanModel(labels, kept, threshold)


def _score(scorer: Any, docs: Sequence[Document], steps: tuple[tuple[str, pipeline.Linker], ...]) -> dict:
    def run(text: str) -> dict:
        prepared = Text.from_string(text)
        if not prepared.sentences:
            return {}
        return pipeline.extract_from_text(prepared, linkers=steps).to_dict()

    out = {}
    for source in ("modern2026.jsonl", "big.jsonl.gz"):
        golds = [d.gold for d in docs if d.source == source]
        if golds:
            out[source] = crf.score_with(scorer, golds, run, False)
    return out


def _settings(entity_model: learned.EntityModel, span_model: spans.SpanModel, thresholds: Sequence[float]
              ) -> dict[str, tuple[tuple[str, pipeline.Linker], ...]]:
    out = {"crf": linkers(entity_model, None)}
    for t in thresholds:
        out[f"crf+spans@{t}"] = linkers(entity_model, span_model, t)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m vnextract.learned.spans_train", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--news", type=Path, required=True, help="folder with modern2026.jsonl and big.jsonl.gz")
    ap.add_argument("--corpus", type=Path, default=Path("corpus"), help="default: ./corpus")
    ap.add_argument("--scorer", type=Path, help="the shared scorer (../shared/eval/score.py)")
    ap.add_argument("--folds", default="1,2,3", help="folds the classifier learns from (default 1,2,3)")
    ap.add_argument("--cv", action="store_true", help="cross-validate by fold inside --folds")
    ap.add_argument("--test-folds", default="", help="folds set aside, scored before and after")
    ap.add_argument("--thresholds", default=",".join(map(str, THRESHOLDS)))
    ap.add_argument("--threshold", type=float, default=0.6, help="the shipped model's threshold")
    ap.add_argument("--json", type=Path, help="write the figures here")
    ap.add_argument("--out", type=Path, help="folder to write spans.json into")
    args = ap.parse_args(argv)
    if (args.cv or args.test_folds) and not args.scorer:
        ap.error("--cv and --test-folds need --scorer ../shared/eval/score.py")
    folds = [int(f) for f in args.folds.split(",")]
    test_folds = [int(f) for f in args.test_folds.split(",") if f]
    thresholds = [float(t) for t in args.thresholds.split(",")]
    docs = [d for d in load(args.corpus, args.news) if d.fold in {*folds, *test_folds}]
    prepared = crf.prepare(docs)
    scorer = crf.load_scorer(args.scorer) if args.scorer else None
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        def entity_crf(on: set[int], name: str) -> learned.EntityModel:
            path = Path(tmp) / f"{name}.crf"
            crf.train([p for p in prepared if p.doc.fold in on], path)
            return learned.load_model(str(path), crf.SHIPPED_STRATEGY)

        inner = {k: entity_crf(set(folds) - {k}, f"without{k}") for k in folds}
        data = [ex for d in tqdm(docs, desc="examples", unit="doc", leave=False)
                if d.fold in folds for ex in examples(d, inner[d.fold])]
        _describe(data)
        if args.cv and scorer is not None:
            for k in folds:
                model = train([ex for ex in data if ex.fold != k], args.threshold)
                test = [d for d in docs if d.fold == k]
                for name, steps in _settings(inner[k], model, thresholds).items():
                    _add(figures.setdefault("cv", {}).setdefault(name, {}), _score(scorer, test, steps))
            figures["cv"] = {name: {src: crf._finish(t) for src, t in by.items()}
                             for name, by in figures["cv"].items()}
            _print("cross-validated, folds " + args.folds, figures["cv"])
        if test_folds and scorer is not None:
            outer = entity_crf(set(folds), "all")
            model = train(data, args.threshold)
            test = [d for d in docs if d.fold in test_folds]
            figures["set_aside"] = {name: _score(scorer, test, steps)
                                    for name, steps in _settings(outer, model, thresholds).items()}
            _print("folds " + args.test_folds + " (set aside)", figures["set_aside"])
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    if args.out:
        model = train(data, args.threshold)
        card = {
            "trained": dt.date.today().isoformat(),
            "training_data": {"folds": folds, "documents": sum(d.fold in folds for d in docs),
                              "examples": len(data),
                              "entities": sum(ex.label != "O" for ex in data),
                              "source": "corpus/ (out-of-fold runs of the entity CRF)"},
            "sgd": {"epochs": EPOCHS, "rate": RATE, "l2": L2, "seed": SEED},
            "features": "learned/spans.py span_features: shape, length, forms, two syllables and "
                        "entities on each side, lexicons, the document's other writings",
            "cross_validation": figures.get("cv"),
        }
        model = spans.SpanModel(model.labels, model.weights, args.threshold, card)
        args.out.mkdir(parents=True, exist_ok=True)
        path = args.out / spans._MODEL
        path.write_text(json.dumps(model.to_json(), ensure_ascii=False, separators=(",", ":")) + "\n",
                        encoding="utf-8")
        print(f"wrote {path} ({path.stat().st_size:,} bytes)", file=sys.stderr)
    return 0


def _add(into: dict, result: dict) -> None:
    for source, figures in result.items():
        crf._accumulate(into, source, figures)


def _describe(data: Sequence[Example]) -> None:
    by_label: dict[str, int] = {}
    for ex in data:
        by_label[ex.label] = by_label.get(ex.label, 0) + 1
    print(f"{len(data)} candidates: {by_label}", file=sys.stderr)


_ROWS = ("entity.micro", "entity.PER", "entity.ORG", "entity.LOC", "persons", "person_titles")


def _print(title: str, figures: dict) -> None:
    print(f"\n{title}")
    for source in ("modern2026.jsonl", "big.jsonl.gz"):
        print(f"{source:18s} " + " ".join(f"{r:>18s}" for r in _ROWS))
        for name, by_source in figures.items():
            row = by_source.get(source, {})
            cells = [f"{row[r]['F1']:5.1f} ({row[r]['P']:4.1f}/{row[r]['R']:4.1f})" if r in row else "-"
                     for r in _ROWS]
            print(f"{name:18s} " + " ".join(f"{c:>18s}" for c in cells))


if __name__ == "__main__":
    sys.exit(main())
