"""Train the title CRF on the project's corpus, cross-validate it, and write the packaged model.

    python -m vnextract.learned.titles_train --news ../shared/news --scorer ../shared/eval/score.py \\
        [--corpus corpus] [--cv --folds 1,2,3 --test-folds 1,2,3] [--entities MODEL.crf] \\
        [--out src/vnextract/data/models]

The corpus gives each person's titles as written, not their offsets. The training windows are the
pipeline's own (every mention of every person the rules and the entity model found, at the step
where the title model runs); a predicted person is matched to a gold person by name as the shared
scorer matches them, and in each window of its mentions the occurrence of each of the gold
person's titles nearest to the mention is labelled B-T/I-T, unless another person's mention is
nearer to it and that person does not hold the same title (then the title is theirs). Persons no
gold person matches teach the model to give them no title.

- ``--cv``: for each of ``--test-folds`` a model is trained on the other folds of ``--folds`` and
  every strategy (:data:`vnextract.learned.titles.STRATEGIES`) is scored on the held-out fold with
  the shared scorer, short 2026 items and full articles apart.
- ``--entities``: the entity model the pipeline runs before the title step (default: the packaged
  one); for honest held-out figures pass one trained without the held-out fold.
- ``--out``: train on ``--train-folds`` and write ``titles.crf`` and its card ``titles.json``.
Deterministic: the same corpus gives the same model (L-BFGS, fixed order).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from tqdm import tqdm

from vnextract import pipeline
from vnextract.learned import model as entity_model
from vnextract.learned import titles as learned
from vnextract.learned.corpus import Document, load
from vnextract.learned.train import (
    Settings,
    add_training_arguments,
    check_training_arguments,
    load_scorer,
    train,
    write_card,
)
from vnextract.learned.view import Syllable, SyllableIndex, sentence_syllables
from vnextract.mentions import Mentions
from vnextract.text import Text
from vnextract.text.normalize import normalize

#: The CRF's settings.
L1, L2, ITERATIONS = 0.1, 0.01, 100
STEP = "learned_titles"
#: The strategy of the packaged model (the title model's spans added whatever their confidence).
SHIPPED_STRATEGY = "add@0"
SOURCES = ("modern2026.jsonl", "big.jsonl.gz")


class Prepared(NamedTuple):
    doc: Document
    features: list[list[list[str]]]
    labels: list[list[str]]
    titles: int  # gold (person, title) pairs of the document
    labelled: int  # of them, how many got a labelled occurrence in some window


def _norm(s: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", s or "").casefold().split())


def same_person(a: str, b: str) -> bool:
    """The shared scorer's name match: equal, or one is the other's last word(s)."""
    a, b = _norm(a), _norm(b)
    return bool(a and b) and (a == b or a.endswith(" " + b) or b.endswith(" " + a))


def match_persons(gold: Sequence[dict], names: Sequence[str]) -> dict[int, int]:
    """Predicted person index → gold person index, greedily in gold order (as the scorer does)."""
    used: dict[int, int] = {}
    for gi, person in enumerate(gold):
        j = next((j for j, name in enumerate(names)
                  if j not in used and same_person(person["name"], name)), None)
        if j is not None:
            used[j] = gi
    return used


def _occurrences(
    s: str, sentence: Sequence[Syllable], first: int, last: int, title: str
) -> list[tuple[int, int]]:
    """Syllable runs [i, j) of the window that spell ``title`` (case-insensitive, normalised)."""
    needle = normalize(title).text.lower()
    if not needle:
        return []
    starts = {sentence[i].start: i for i in range(first, last)}
    ends = {sentence[i].end: i for i in range(first, last)}
    lo, hi = sentence[first].start, sentence[last - 1].end
    hay = s[lo:hi].lower()
    out = []
    k = hay.find(needle)
    while k >= 0:
        a, b = lo + k, lo + k + len(needle)
        if a in starts and b in ends:
            out.append((starts[a], ends[b] + 1))
        k = hay.find(needle, k + 1)
    return out


def window_labels(
    s: str,
    sentences: Sequence[Sequence[Syllable]],
    windows: Sequence[learned.MentionWindow],
    found: Mentions,
    gold: Sequence[dict],
) -> tuple[list[list[str]], set[tuple[int, int]]]:
    """The B-T/I-T/O labels of each window, and the (gold person, title index) pairs labelled."""
    owner = match_persons(gold, [p.name for p in found.persons])
    # every person mention, by sentence: (syllable start, end, predicted person)
    index = SyllableIndex(sentences)
    mentions: dict[int, list[tuple[int, int, int]]] = {}
    for pi, person in enumerate(found.persons):
        for start, end in person.mentions:
            covered = index.covered(start, end)
            if covered:
                si = covered[0][0]
                ys = [y for q, y in covered if q == si]
                mentions.setdefault(si, []).append((ys[0], ys[-1] + 1, pi))
    labelled: set[tuple[int, int]] = set()
    out = []
    for w in windows:
        labels = ["O"] * (w.last - w.first)
        gi = owner.get(w.person)
        if gi is not None:
            a, b = w.mention
            sentence = sentences[w.sentence]
            for ti, title in enumerate(gold[gi]["titles"]):
                best: tuple[int, int, int] | None = None
                for i, j in _occurrences(s, sentence, w.first, w.last, title):
                    if i < b and a < j:
                        continue  # inside the name itself
                    distance = a - j if j <= a else i - b
                    others = mentions.get(w.sentence, ())
                    if not _theirs(i, j, distance, w.person, others, owner, gold, title):
                        continue
                    if best is None or distance < best[0]:
                        best = (distance, i, j)
                if best is not None:
                    _, i, j = best
                    if all(x == "O" for x in labels[i - w.first : j - w.first]):
                        labels[i - w.first] = "B-T"
                        for q in range(i + 1, j):
                            labels[q - w.first] = "I-T"
                        labelled.add((gi, ti))
        out.append(labels)
    return out, labelled


def _theirs(
    i: int, j: int, distance: int, person: int, mentions: Sequence[tuple[int, int, int]],
    owner: dict[int, int], gold: Sequence[dict], title: str,
) -> bool:
    """Whether a title occurrence [i, j) may be labelled for ``person``: no other person's
    mention is nearer to it, or every nearer one holds the same title (a listed group)."""
    for a, b, other in mentions:
        if other == person:
            continue
        d = a - j if j <= a else i - b if b <= i else -1
        if d < 0 or d >= distance:
            continue
        gi = owner.get(other)
        if gi is None or _norm(title) not in {_norm(t) for t in gold[gi]["titles"]}:
            return False
    return True


def prepare(
    docs: Sequence[Document], linkers: tuple[tuple[str, pipeline.Linker], ...] = pipeline.LINKERS
) -> list[Prepared]:
    out = []
    for doc in tqdm(docs, desc="title features", unit="doc", leave=False):
        text = Text.from_string(doc.text)
        sentences = sentence_syllables(text)
        found = pipeline.found_before(text, STEP, linkers)
        windows = learned.mention_windows(sentences, found)
        labels, labelled = window_labels(text.normalized, sentences, windows, found, doc.gold["persons"])
        pairs = sum(len(p["titles"]) for p in doc.gold["persons"])
        out.append(Prepared(doc, [w.features for w in windows], labels, pairs, len(labelled)))
    return out


SETTINGS = Settings(L1, L2, ITERATIONS)


def linkers_with(
    titles: learned.TitleModel | None, entities: entity_model.EntityModel | None = None
) -> tuple[tuple[str, pipeline.Linker], ...]:
    """The pipeline's steps with another title model (and entity model) in place of the packaged."""

    def title_step(text: Text, found: Mentions) -> Mentions:
        return found if titles is None else learned.apply(titles, text, found)

    def entity_step(text: Text, found: Mentions) -> Mentions:
        return entity_model.apply(entities, text, found) if entities is not None else found

    out: list[tuple[str, pipeline.Linker]] = []
    for name, step in pipeline.LINKERS:
        if name == STEP:
            out.append((name, title_step))
        elif name == "learned_entities" and entities is not None:
            out.append((name, entity_step))
        else:
            out.append((name, step))
    return tuple(out)


def _runner(linkers: tuple[tuple[str, pipeline.Linker], ...]) -> Callable[[str], dict]:
    def run(text: str) -> dict:
        prepared = Text.from_string(text)
        if not prepared.sentences:
            return {}
        return pipeline.extract_from_text(prepared, linkers=linkers).to_dict()

    return run


def score(scorer: Any, golds: list[dict], run: Callable[[str], dict]) -> dict:
    saved = scorer.run_vnextract
    scorer.run_vnextract = run
    try:
        return dict(scorer.score(golds, "vnextract"))
    finally:
        scorer.run_vnextract = saved


_KEYS = ("persons", "person_titles")


def cross_validate(
    prepared: list[Prepared], scorer: Any, strategies: Sequence[str], folds: Sequence[int],
    test_folds: Sequence[int], entities: entity_model.EntityModel | None, settings: Settings,
) -> dict[str, dict[str, dict[str, list[float]]]]:
    """Tallies [tp_pred, pred, tp_gold, gold] per strategy, source and measure over the test folds."""
    tallies: dict[str, dict[str, dict[str, list[float]]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for fold in test_folds:
            train_on = [p for p in prepared if p.doc.fold != fold and p.doc.fold in folds]
            test_on = [p for p in prepared if p.doc.fold == fold]
            if not train_on or not test_on:
                continue
            path = Path(tmp) / f"titles{fold}.crf"
            train(train_on, path, settings)
            for strategy in strategies:
                model = learned.load_model(str(path), strategy)
                run = _runner(linkers_with(model, entities))
                for source in SOURCES:
                    golds = [p.doc.gold for p in test_on if p.doc.source == source]
                    if not golds:
                        continue
                    result = score(scorer, golds, run)
                    into = tallies.setdefault(strategy, {}).setdefault(source, {})
                    for key in _KEYS:
                        v = result[key]
                        t = into.setdefault(key, [0.0, 0, 0.0, 0])
                        t[0] += v["P"] / 100 * v["pred"]
                        t[1] += v["pred"]
                        t[2] += v["R"] / 100 * v["gold"]
                        t[3] += v["gold"]
    return tallies


def figures(tallies: dict[str, dict[str, dict[str, list[float]]]]) -> dict:
    out: dict = {}
    for strategy, by_source in tallies.items():
        for source, by_key in by_source.items():
            for key, (tp_p, pred, tp_g, gold) in by_key.items():
                p = tp_p / pred if pred else 1.0
                r = tp_g / gold if gold else 1.0
                f = 2 * p * r / (p + r) if p + r else 0.0
                out.setdefault(strategy, {}).setdefault(source, {})[key] = {
                    "P": round(100 * p, 1), "R": round(100 * r, 1), "F1": round(100 * f, 1),
                    "pred": int(pred), "gold": int(gold)}
    return out


def print_table(table: dict) -> None:
    for source in SOURCES:
        print(f"\n{source}: persons / person_titles F1 (P/R)")
        for strategy, by_source in table.items():
            row = by_source.get(source)
            if row:
                cells = [f"{row[k]['F1']:5.1f} ({row[k]['P']:5.1f}/{row[k]['R']:5.1f})" for k in _KEYS]
                print(f"  {strategy:8s} " + "   ".join(cells))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m vnextract.learned.titles_train", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    add_training_arguments(ap, SETTINGS, "titles.crf")
    ap.add_argument("--folds", default="1,2,3,4", help="folds taking part (fold 0 is sealed)")
    ap.add_argument("--test-folds", help="the folds scored (default: every fold of --folds)")
    ap.add_argument("--entities", type=Path, help="an entity model (.crf) to run instead of the packaged one")
    ap.add_argument("--entity-strategy", default="swap@0.1+doc")
    ap.add_argument("--strategies", default=",".join(learned.STRATEGIES))
    ap.add_argument("--strategy", default=SHIPPED_STRATEGY,
                    help=f"the packaged model's strategy (default {SHIPPED_STRATEGY}, the shipped one)")
    args = ap.parse_args(argv)
    settings = check_training_arguments(ap, args, learned.is_strategy, "rules or add@P (0 <= P <= 1)")
    entities = entity_model.load_model(str(args.entities), args.entity_strategy) if args.entities else None
    folds = [int(f) for f in args.folds.split(",")]
    train_folds = {int(f) for f in args.train_folds.split(",")}
    wanted = set(folds) | (train_folds if args.out else set())
    docs = load(args.corpus, args.news, folds=wanted)  # never the texts of a fold not wanted
    prepared = prepare(docs, linkers_with(None, entities))
    pairs, labelled = sum(p.titles for p in prepared), sum(p.labelled for p in prepared)
    print(f"{len(docs)} documents, {pairs} gold title pairs, {labelled} labelled next to a mention "
          f"of a person the pipeline finds", file=sys.stderr)
    table = None
    if args.cv:
        test_folds = [int(f) for f in args.test_folds.split(",")] if args.test_folds else folds
        table = figures(cross_validate(prepared, load_scorer(args.scorer), args.strategies.split(","),
                                       folds, test_folds, entities, settings))
        print_table(table)
        if args.json:
            args.json.write_text(json.dumps(table, indent=1), encoding="utf-8")
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        path = args.out / "titles.crf"
        learn = [p for p in prepared if p.doc.fold in train_folds]
        train(learn, path, settings)
        write_card(
            path, args.strategy, settings, train_folds, [p.doc.id for p in learn],
            training_data={
                "documents": len(learn),
                "title_pairs": sum(p.titles for p in learn),
                "labelled_pairs": sum(p.labelled for p in learn),
                "windows": sum(len(p.labels) for p in learn),
            },
            about={
                "features": "learned/titles.py: the entity model's syllable features (form, shape, case, "
                            "lexicons with the role lexicon, rules' labels, two syllables of context) and, "
                            "relative to the focal person mention, position and distance, commas, 'và' and "
                            "other names between, and whom the rules gave the title to",
                "reach": learned.REACH,
            },
            cross_validation=table,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
