"""Train the entity CRF on the project's corpus, cross-validate it, and write the packaged model.

    python -m vnextract.learned.train --news ../shared/news --scorer ../shared/eval/score.py \\
        [--corpus corpus] [--cv] [--by-sentence] [--strategy add+doc] [--out src/vnextract/data/models]

- ``--cv``: 5-fold cross-validation by document (the folds of corpus/documents.jsonl): for each
  fold a model is trained on the other four and every strategy of
  :mod:`vnextract.learned.combine` is scored on the held-out fold with the shared scorer (full
  pipeline, persons and titles included), separately for short 2026 items and full articles.
  Prints one table; ``--json FILE`` writes the figures.
- ``--out``: train on every document and write ``entities.crf`` and its card ``entities.json``
  (strategy, training data, features, size, the cross-validated figures when ``--cv`` ran).
Deterministic in what it scores: the same corpus gives the same figures (L-BFGS, fixed order, no
sampling), but not the same bytes: two runs of ``--out`` on the same corpus wrote files of the same
size that differ in 201,599 bytes and score the same on fold 4 and dev (the trainer's floating-point
sums, it seems, are not made in a fixed order).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.util
import json
import sys
import tempfile
import time
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from tqdm import tqdm

from vnextract import pipeline
from vnextract.learned import combine as combining
from vnextract.learned import model as learned
from vnextract.learned.corpus import Document, load
from vnextract.learned.features import WINDOW_REACH, document_windows, rule_marks
from vnextract.learned.view import Syllable, sentence_syllables
from vnextract.text import Text

#: The CRF's settings (chosen on the folds; see docs/accuracy.md).
L1, L2, ITERATIONS = 0.1, 0.01, 150
#: The packaged model learns from these folds; fold 0 stays out, so it scores the model as shipped.
TRAIN_FOLDS = "1,2,3,4"
STEP = "learned_entities"
#: The strategy of the packaged model (cross-validation chose it: docs/accuracy.md).
SHIPPED_STRATEGY = "swap@0.1+doc"


class Prepared(NamedTuple):
    doc: Document
    features: list[list[list[str]]]  # per window the model reads (features.windows)
    labels: list[list[str]]  # the gold BIO labels of the same windows
    misaligned: int  # gold entities whose edges fall inside a syllable


def gold_labels(
    text: Text, sentences: Sequence[Sequence[Syllable]], entities: Sequence[dict]
) -> tuple[list[list[str]], int]:
    """BIO labels of every syllable from gold entities (offsets into the original string), and
    how many entities have an edge inside a syllable (labelled by the syllables they start in)."""
    spans = sorted((e["start"], e["end"], e["type"]) for e in entities)
    edges: set[int] = set()
    opened: set[int] = set()
    labels: list[list[str]] = []
    for sentence in sentences:
        row = []
        for syllable in sentence:
            a, b = text.to_original(syllable.start, syllable.end)
            edges.update((a, b))
            tag = "O"
            for q, (s, e, label) in enumerate(spans):
                if s <= a < e or (a < s < b):
                    tag = ("I-" if q in opened else "B-") + label
                    opened.add(q)
                    break
            row.append(tag)
        labels.append(row)
    misaligned = sum(1 for s, e, _ in spans if s not in edges or e not in edges)
    return labels, misaligned


def prepare(docs: Sequence[Document], gazetteer: bool = False) -> list[Prepared]:
    """Features and gold labels of every document (``gazetteer``: with the organisation
    gazetteer's features, :func:`vnextract.learned.features.sentence_features`)."""
    out = []
    for doc in tqdm(docs, desc="features", unit="doc", leave=False):
        text = Text.from_string(doc.text)
        sentences = sentence_syllables(text)
        found = pipeline.found_before(text, STEP)
        read = document_windows(sentences, rule_marks(sentences, found), gazetteer)
        labels, misaligned = gold_labels(text, sentences, doc.gold["entities"])
        out.append(Prepared(doc, [w.features for w in read],
                            [labels[w.sentence][w.first : w.last] for w in read], misaligned))
    return out


class Settings(NamedTuple):
    l1: float = L1
    l2: float = L2
    iterations: int = ITERATIONS


SETTINGS = Settings()


class Trainable(Protocol):
    """What :func:`train` reads of a prepared document (the entity and the title trainers')."""

    @property
    def features(self) -> list[list[list[str]]]: ...
    @property
    def labels(self) -> list[list[str]]: ...


def train(prepared: Sequence[Trainable], path: Path, settings: Settings = SETTINGS) -> None:
    from underthesea_core import CRFTrainer

    xs = [f for p in prepared for f in p.features]
    ys = [y for p in prepared for y in p.labels]
    trainer = CRFTrainer(loss_function="lbfgs", l1_penalty=settings.l1, l2_penalty=settings.l2,
                         max_iterations=settings.iterations, verbose=0)
    trainer.train(xs, ys).save(str(path))


def _linkers(model: learned.EntityModel) -> tuple[tuple[str, pipeline.Linker], ...]:
    def step(text: Text, found: Any) -> Any:
        return learned.apply(model, text, found)

    return tuple((name, step if name == STEP else link) for name, link in pipeline.LINKERS)


def load_scorer(path: Path) -> Any:
    """The shared scorer (../shared/eval/score.py) as a module."""
    spec = importlib.util.spec_from_file_location("vnextract_shared_score", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(f"{path}: not the shared scorer")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_with(scorer: Any, golds: list[dict], runner: Callable[[str], dict], by_sentence: bool) -> dict:
    """The shared scorer's figures, with vnextract run by ``runner``."""
    saved = scorer.run_vnextract
    scorer.run_vnextract = runner
    try:
        return dict(scorer.score(golds, "vnextract", sentences=by_sentence))
    finally:
        scorer.run_vnextract = saved


def runner_for(model: learned.EntityModel) -> Callable[[str], dict]:
    linkers = _linkers(model)

    def run(text: str) -> dict:
        prepared = Text.from_string(text)
        if not prepared.sentences:
            return {}
        return pipeline.extract_from_text(prepared, linkers=linkers).to_dict()

    return run


def cross_validate(
    prepared: list[Prepared],
    scorer: Any,
    strategies: Sequence[str],
    by_sentence: bool,
    folds: Sequence[int] = (0, 1, 2, 3, 4),
    test_folds: Sequence[int] | None = None,
    settings: Settings = SETTINGS,
    batches: Collection[int] | None = None,
    models: Path | None = None,
    gazetteer: bool = False,
) -> dict:
    """Figures per strategy and per source on held-out folds.

    Only documents of ``folds`` take part; each of ``test_folds`` (default: every fold of
    ``folds``) is scored by a model trained on the other folds of ``folds`` (only on their
    documents of ``batches`` when given). ``models``: a folder where the fold models are kept,
    named by what they learned from, and reused when the same documents and settings come again.
    ``gazetteer``: the documents were prepared with the gazetteer's features, and the fold models
    read them."""
    results: dict[str, dict[str, dict]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for fold in test_folds if test_folds is not None else folds:
            train_on = [p for p in prepared if p.doc.fold != fold and p.doc.fold in folds
                        and (batches is None or p.doc.batch in batches)]
            test_on = [p for p in prepared if p.doc.fold == fold]
            if not test_on or not train_on:
                continue
            learned_from = hashlib.sha1(
                "\n".join([*(p.doc.id for p in train_on), repr(tuple(settings)),
                           *(["gazetteer"] if gazetteer else [])]).encode()
            ).hexdigest()[:12]
            path = (models or Path(tmp)) / f"fold{fold}-{learned_from}.crf"
            if path.exists():
                print(f"fold {fold}: the model of {len(train_on)} documents kept in {path}", file=sys.stderr)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                started = time.process_time()
                train(train_on, path, settings)
                print(f"fold {fold}: trained on {len(train_on)} documents in "
                      f"{time.process_time() - started:.0f} s CPU ({path.name})", file=sys.stderr)
            for strategy in strategies:
                run = runner_for(learned.load_model(str(path), strategy, {"gazetteer_features": gazetteer}))
                for source in ("modern2026.jsonl", "big.jsonl.gz"):
                    docs = [p.doc.gold for p in test_on if p.doc.source == source]
                    if docs:
                        fold_result = score_with(scorer, docs, run, by_sentence)
                        _accumulate(results.setdefault(strategy, {}), source, fold_result)
    return {s: {src: _finish(t) for src, t in by_source.items()} for s, by_source in results.items()}


def _accumulate(into: dict, source: str, result: dict) -> None:
    tallies = into.setdefault(source, {})
    for key, value in result.items():
        if isinstance(value, dict) and "pred" in value:
            t = tallies.setdefault(key, {"tp_p": 0.0, "pred": 0, "tp_g": 0.0, "gold": 0})
            t["tp_p"] += value["P"] / 100 * value["pred"]
            t["pred"] += value["pred"]
            t["tp_g"] += value["R"] / 100 * value["gold"]
            t["gold"] += value["gold"]


def _finish(tallies: dict) -> dict:
    out = {}
    for key, t in tallies.items():
        p = t["tp_p"] / t["pred"] if t["pred"] else (1.0 if not t["gold"] else 0.0)
        r = t["tp_g"] / t["gold"] if t["gold"] else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[key] = {"P": round(100 * p, 1), "R": round(100 * r, 1), "F1": round(100 * f, 1),
                    "pred": t["pred"], "gold": t["gold"]}
    return out


_ROWS = ("entity.micro", "entity.PER", "entity.ORG", "entity.LOC", "entity_lenient.micro",
         "persons", "person_titles")


def print_table(figures: dict) -> None:
    for source in ("modern2026.jsonl", "big.jsonl.gz"):
        print(f"\n{source} (F1; P/R for entity.micro)")
        print(f"{'strategy':12s} " + " ".join(f"{r:>20s}" for r in _ROWS))
        for strategy, by_source in figures.items():
            row = by_source.get(source)
            if not row:
                continue
            cells = []
            for r in _ROWS:
                v = row.get(r)
                if not v:
                    cells.append(f"{'-':>20s}")
                elif r == "entity.micro":
                    cells.append(f"{v['F1']:6.1f} ({v['P']:4.1f}/{v['R']:4.1f})")
                else:
                    cells.append(f"{v['F1']:20.1f}")
            print(f"{strategy:12s} " + " ".join(cells))


def add_training_arguments(ap: argparse.ArgumentParser, settings: Settings, model_file: str) -> None:
    """The options both trainers take (this one and ``learned.titles_train``): the data, the
    scorer, the CRF's settings, where the figures and the model go."""
    ap.add_argument("--news", type=Path, required=True, help="folder with modern2026.jsonl and big.jsonl.gz")
    ap.add_argument("--corpus", type=Path, default=Path("corpus"), help="default: ./corpus")
    ap.add_argument("--scorer", type=Path, help="the shared scorer (../shared/eval/score.py), for --cv")
    ap.add_argument("--cv", action="store_true", help="cross-validation by fold of every strategy")
    ap.add_argument("--l1", type=float, default=settings.l1, help=f"L1 penalty (default {settings.l1})")
    ap.add_argument("--l2", type=float, default=settings.l2, help=f"L2 penalty (default {settings.l2})")
    ap.add_argument("--iterations", type=int, default=settings.iterations,
                    help=f"L-BFGS iterations ({settings.iterations})")
    ap.add_argument("--json", type=Path, help="write the cross-validated figures here")
    ap.add_argument("--train-folds", default=TRAIN_FOLDS,
                    help=f"folds the --out model learns from (default {TRAIN_FOLDS}: fold 0 stays sealed)")
    ap.add_argument("--out", type=Path, help=f"folder to write {model_file} and its card into")


def check_training_arguments(
    ap: argparse.ArgumentParser, args: argparse.Namespace, is_strategy: Callable[[str], bool], known: str
) -> Settings:
    """Refuse what cannot run (``--cv`` without the scorer, an unknown strategy: ``known`` says
    which are); the CRF settings asked for."""
    if args.cv and not args.scorer:
        ap.error("--cv needs --scorer ../shared/eval/score.py")
    for name in (args.strategy, *args.strategies.split(",")):
        if not is_strategy(name):
            ap.error(f"{name!r} is no strategy: {known}")
    return Settings(args.l1, args.l2, args.iterations)



def write_card(
    model: Path, strategy: str, settings: Settings, folds: Iterable[int], ids: Sequence[str], *,
    training_data: dict[str, Any], about: dict[str, Any], cross_validation: Any,
) -> None:
    """Write the card of a trained model beside it (``entities.crf`` → ``entities.json``): its
    strategy, date, training data (folds, counts, a hash of the document ids), CRF settings,
    what its features read, size and cross-validated figures."""
    card = {
        "strategy": strategy,
        "trained": dt.date.today().isoformat(),
        "training_data": {
            "folds": sorted(folds),
            **training_data,
            "ids_sha1": hashlib.sha1("\n".join(ids).encode()).hexdigest(),
            "source": "corpus/ (the project's own annotations, see corpus/README.md)",
        },
        "crf": {**settings._asdict(), "trainer": "underthesea_core.CRFTrainer"},
        **about,
        "size_bytes": model.stat().st_size,
        "cross_validation": cross_validation,
    }
    text = json.dumps(card, indent=1, ensure_ascii=False) + "\n"
    model.with_suffix(".json").write_text(text, encoding="utf-8")
    print(f"wrote {model} ({model.stat().st_size:,} bytes) and its card", file=sys.stderr)

def _batches(spec: str) -> set[int]:
    """"0-25" or "0-25,30" → the batch numbers."""
    out: set[int] = set()
    for part in spec.split(","):
        first, _, last = part.partition("-")
        out.update(range(int(first), int(last or first) + 1))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m vnextract.learned.train", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    add_training_arguments(ap, SETTINGS, "entities.crf")
    ap.add_argument("--by-sentence", action="store_true", help="score one sentence at a time (with --cv)")
    ap.add_argument("--folds", default="0,1,2,3,4",
                    help="folds taking part in --cv (tuning: 1,2,3,4 — fold 0 is sealed)")
    ap.add_argument("--test-folds", help="score only these folds, each by a model trained on the others "
                    "of --folds (the sealed check: --folds 0,1,2,3,4 --test-folds 0)")
    ap.add_argument("--strategies", default=",".join(combining.STRATEGIES))
    ap.add_argument("--train-batches", help="learn only from these annotation batches, e.g. 0-25 (the "
                    "data of an older model, to compare with; --cv and --out)")
    ap.add_argument("--models", type=Path, help="keep the --cv fold models in this folder (outside the "
                    "repository) and reuse them when the same documents and settings come again")
    ap.add_argument("--gazetteer-features", action="store_true", help="features of the organisation "
                    "gazetteer too (organizations_world.tsv; measured, not in the shipped model)")
    ap.add_argument("--strategy", default=SHIPPED_STRATEGY,
                    help=f"the packaged model's strategy (default {SHIPPED_STRATEGY}, the shipped one)")
    args = ap.parse_args(argv)
    settings = check_training_arguments(
        ap, args, combining.is_strategy, "rules, model, add, keep@P or swap@P (0 <= P <= 1), each "
        "optionally followed by +doc")
    cv_folds = [int(f) for f in args.folds.split(",")]
    test_folds = [int(f) for f in args.test_folds.split(",")] if args.test_folds else None
    train_folds = {int(f) for f in args.train_folds.split(",")}
    batches = _batches(args.train_batches) if args.train_batches else None
    # only the folds this run needs: a tuning run (--folds 1,2,3) never reads the sealed fold
    needed = {*(cv_folds if args.cv else ()), *(train_folds if args.out else ())}
    docs = load(args.corpus, args.news, folds=needed)
    if not docs:
        print(f"{args.corpus}: no annotated documents", file=sys.stderr)
        return 2
    prepared = prepare(docs, args.gazetteer_features)
    n_ent = sum(len(d.gold["entities"]) for d in docs)
    print(f"{len(docs)} documents ({sum(d.source.startswith('modern') for d in docs)} short 2026 items), "
          f"{n_ent} entity mentions, {sum(p.misaligned for p in prepared)} with an edge inside a syllable",
          file=sys.stderr)
    figures = None
    if args.cv:
        figures = cross_validate(
            prepared, load_scorer(args.scorer), args.strategies.split(","), args.by_sentence,
            folds=cv_folds,
            test_folds=test_folds,
            settings=settings, batches=batches, models=args.models, gazetteer=args.gazetteer_features,
        )
        print_table(figures)
        if args.json:
            args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        path = args.out / "entities.crf"
        learn = [p for p in prepared
                 if p.doc.fold in train_folds and (batches is None or p.doc.batch in batches)]
        learned_docs = [p.doc for p in learn]
        train(learn, path, settings)
        write_card(
            path, args.strategy, settings, train_folds, [d.id for d in learned_docs],
            training_data={
                "documents": len(learned_docs),
                "short_items": sum(d.source.startswith("modern") for d in learned_docs),
                "articles": sum(d.source.startswith("big") for d in learned_docs),
                "entity_mentions": sum(len(d.gold["entities"]) for d in learned_docs),
                "batches": f"{min(d.batch for d in learned_docs)}-{max(d.batch for d in learned_docs)}",
            },
            about={
                "features": "learned/features.py: form, shape, case, word position, lexicons (given names "
                            "included), rules' labels, a window of two syllables, what a form is elsewhere "
                            "in the document",
                "window_reach": WINDOW_REACH,
                "gazetteer_features": args.gazetteer_features,
                "cross_validated_on": {
                    "folds": cv_folds,
                    "test_folds": test_folds or cv_folds,
                    "training_batches": args.train_batches or "all",
                } if args.cv else None,
            },
            cross_validation=figures,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
