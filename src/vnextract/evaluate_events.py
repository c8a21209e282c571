"""Event evaluation: vnextract's events against annotated events (precision, recall, F1, fields).

Two gold formats, one document a line:

- corpus gold: ``{"id", "fold", "events": [{"kind", "status", "trigger": {text, start, end},
  "target": span|null, "authority", "reason", "money", "amount": int|null, "term", …}]}``, the
  texts joined from the news files by id (``modern2026.jsonl``, ``big.jsonl.gz``);
- surface fixtures (``fixtures/events/own.jsonl``): ``{"id", "text", "events": [{"kind",
  "trigger": "xử phạt", "target": "Công ty X", …}]}``, each field its surface text.

A gold event is *found* by one predicted event of its kind whose trigger, money or term overlaps
its own (surface fixtures: one text holds the other); the matching is one-to-one, the pairs with
most parts in common taken first. For found events the fields are compared: target, authority
and reason agree when both are null or they overlap; the amount is exact (a range: its upper
bound; surface fixtures: the money's text); the status is equal.

The table gives the fields twice. By span (above), and by entity: a field also agrees when both
sides name the same entity, one rule for every field. A predicted target or authority names the
record it links to (its ``name``: "Hùng" in the clause is a mention of "Trần Văn Hùng"; a bare
"HĐXX" = trial panel is a mention of the court of the case); a gold span names the person or
organisation record whose mention it is, or, for a bare court word, the court the text named last
before it; any other span (a reason, a noun phrase) names its own words. A user reading an event
gets the full name from the record (``Party.name``), so a short mention of the right person is
the right answer; a mention of another person is not.

    python scripts/score_events.py GOLD.jsonl [--news ../shared/news] [--folds 0]
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from vnextract.learned.corpus import load_texts

#: The event kinds, in the order the table prints them.
KINDS: tuple[str, ...] = (
    "fine", "prison", "suspended_prison", "life_prison", "death",
    "licence_revoked", "suspension", "ban", "expulsion", "award",
)  # fmt: skip
#: The fields compared on found events.
FIELDS: tuple[str, ...] = ("target", "authority", "reason", "amount", "status")


class Part(NamedTuple):
    """One field of an event: its text, and its offsets when the gold states them."""

    text: str
    start: int | None = None
    end: int | None = None
    name: str | None = None  # the entity it names (a prediction's linked record), if known


class Item(NamedTuple):
    """An event reduced to what is scored."""

    kind: str
    status: str
    trigger: Part | None
    target: Part | None
    authority: Part | None
    reason: Part | None
    money: Part | None
    term: Part | None
    amount: int | None  # corpus gold: the VND amount; predictions: the upper bound


class GoldDocument(NamedTuple):
    id: str
    fold: int | None
    text: str
    events: list[Item]
    surface: bool  # fields given as surface text only (no offsets)


def _part(value: Any) -> Part | None:
    if value is None:
        return None
    if isinstance(value, str):
        return Part(value)
    return Part(value["text"], value["start"], value["end"])


def _gold_item(event: dict[str, Any]) -> Item:
    return Item(
        kind=event["kind"],
        status=event.get("status") or "imposed",
        trigger=_part(event.get("trigger")),
        target=_part(event.get("target")),
        authority=_part(event.get("authority")),
        reason=_part(event.get("reason")),
        money=_part(event.get("money")),
        term=_part(event.get("term")),
        amount=event.get("amount"),
    )


def read_gold(
    path: str | Path, news: Path | None = None, folds: set[int] | None = None
) -> list[GoldDocument]:
    """The documents of a gold file (texts from ``news`` by id when a line has none)."""
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    if folds is not None:
        rows = [r for r in rows if r.get("fold") in folds]
    wanted = {r["id"] for r in rows if "text" not in r}
    texts = load_texts(news, wanted) if wanted and news is not None else {}
    if wanted - texts.keys():
        raise ValueError(f"{len(wanted - texts.keys())} documents have no text: pass --news")
    return [
        GoldDocument(
            id=r["id"],
            fold=r.get("fold"),
            text=r["text"] if "text" in r else texts[r["id"]],
            events=[_gold_item(e) for e in r["events"]],
            surface=any(isinstance(e.get("trigger"), str) for e in r["events"]),
        )
        for r in rows
    ]


def _span(record: Any) -> Part | None:
    if record is None:
        return None
    return Part(record.text, record.start, record.end, getattr(record, "name", None))


@functools.lru_cache(maxsize=4)
def _extracted(text: str) -> Any:
    import vnextract

    return vnextract.extract(text)


def vnextract_events(text: str) -> list[Item]:
    """vnextract's events of ``text`` as scored items."""
    items = []
    for e in _extracted(text).events:
        amount = None
        if e.money is not None:
            value: Decimal = e.money.amount_to if e.money.amount_to is not None else e.money.amount
            amount = int(value)
        items.append(Item(e.kind, e.status, _span(e.trigger), _span(e.target), _span(e.authority),
                          _span(e.reason), _span(e.money), _span(e.term), amount))  # fmt: skip
    return items


def overlaps(gold: Part | None, pred: Part | None) -> bool:
    """Whether two fields overlap (offsets), or one's text holds the other's (surface gold)."""
    if gold is None or pred is None:
        return False
    if gold.start is None or gold.end is None or pred.start is None or pred.end is None:
        return bool(gold.text and pred.text) and (gold.text in pred.text or pred.text in gold.text)
    return gold.start < pred.end and pred.start < gold.end


def agrees(gold: Part | None, pred: Part | None) -> bool:
    """Both null, or overlapping."""
    return (gold is None and pred is None) or overlaps(gold, pred)


def _key(words: str) -> str:
    return " ".join(words.casefold().split())


def entity_namer(text: str) -> Callable[[Part], str]:
    """What a gold span of ``text`` names (see the module's doc): the name of the person or
    organisation record it is a mention of (exactly, else the first mention inside it), the court
    of the case for a bare court word ("HĐXX", "Tòa"), else its own words."""
    from vnextract.linking.event_courts import court_before, is_court_word

    doc = _extracted(text)
    mentions: list[tuple[int, int, str]] = [(o.start, o.end, o.name) for o in doc.organizations]
    for person in doc.persons:
        for start, end in person.mentions or ((person.start, person.end),):
            mentions.append((start, end, person.name))
    mentions.sort()

    def name(part: Part) -> str:
        if part.start is None or part.end is None:
            return _key(part.text)
        if is_court_word(part.text):
            court = court_before(doc.organizations, part.start)
            return _key(court.name if court is not None and court.name else part.text)
        exact = [n for s, e, n in mentions if (s, e) == (part.start, part.end)]
        inside = [n for s, e, n in mentions if part.start <= s and e <= part.end]
        return _key((exact or inside or [part.text])[0])

    return name


def same_entity(gold: Part | None, pred: Part | None, gold_name: Callable[[Part], str]) -> bool:
    """Both null, overlapping, or naming the same entity (the prediction's ``name``, else its
    words, against what the gold span names)."""
    if agrees(gold, pred):
        return True
    if gold is None or pred is None:
        return False
    return gold_name(gold) == _key(pred.name or pred.text)


def _anchors(gold: Item, pred: Item) -> int:
    """How many of trigger, money and term the two events share (0: not the same event)."""
    if gold.kind != pred.kind:
        return 0
    return sum(overlaps(getattr(gold, f), getattr(pred, f)) for f in ("trigger", "money", "term"))


def match(gold: Sequence[Item], pred: Sequence[Item]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, the pairs sharing most anchors first."""
    pairs = sorted(
        ((-_anchors(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred) if _anchors(g, p)),
    )
    taken_gold: set[int] = set()
    taken_pred: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i not in taken_gold and j not in taken_pred:
            taken_gold.add(i)
            taken_pred.add(j)
            out.append((i, j))
    return sorted(out)


def field_agrees(
    name: str, gold: Item, pred: Item, *, surface: bool, gold_name: Callable[[Part], str] | None = None
) -> bool | None:
    """Whether a found event's field is right (None: the field does not apply to this pair);
    with ``gold_name``, by entity (a span field is also right when both name the same entity)."""
    if name == "status":
        return gold.status == pred.status
    if name == "amount":
        if surface:  # no amount in surface fixtures: the money's text stands for it
            if gold.money is None and pred.money is None:
                return None
            return gold.money is not None and pred.money is not None and gold.money.text == pred.money.text
        if gold.amount is None and pred.amount is None:
            return None
        return gold.amount == pred.amount
    part_gold, part_pred = getattr(gold, name), getattr(pred, name)
    if surface and part_gold is not None and part_pred is not None:
        return bool(part_gold.text == part_pred.text)
    if gold_name is not None:
        return same_entity(part_gold, part_pred, gold_name)
    return agrees(part_gold, part_pred)


class Tally:
    """Counts of gold, predicted and found events by kind, and field agreements."""

    def __init__(self) -> None:
        self.gold: dict[str, int] = dict.fromkeys(KINDS, 0)
        self.pred: dict[str, int] = dict.fromkeys(KINDS, 0)
        self.found: dict[str, int] = dict.fromkeys(KINDS, 0)
        self.right: dict[str, int] = dict.fromkeys(FIELDS, 0)
        self.right_entity: dict[str, int] = dict.fromkeys(FIELDS, 0)  # by entity, see the module doc
        self.asked: dict[str, int] = dict.fromkeys(FIELDS, 0)
        self.documents = 0
        self.errors: list[str] = []

    def add(
        self,
        doc: GoldDocument,
        pred: Sequence[Item],
        *,
        keep_errors: bool = False,
        gold_name: Callable[[Part], str] | None = None,
    ) -> None:
        """Count one document; ``gold_name`` tells what a gold span names (else: its words)."""
        self.documents += 1
        for g in doc.events:
            self.gold[g.kind] = self.gold.get(g.kind, 0) + 1
        for p in pred:
            self.pred[p.kind] = self.pred.get(p.kind, 0) + 1
        pairs = match(doc.events, pred)
        for i, j in pairs:
            g, p = doc.events[i], pred[j]
            self.found[g.kind] = self.found.get(g.kind, 0) + 1
            for name in FIELDS:
                ok = field_agrees(name, g, p, surface=doc.surface)
                if ok is None:
                    continue
                namer = gold_name or (lambda part: _key(part.text))
                same = field_agrees(name, g, p, surface=doc.surface, gold_name=namer)
                self.asked[name] += 1
                self.right[name] += ok
                self.right_entity[name] += bool(same)
                if keep_errors and not ok:
                    wrong = f"gold {getattr(g, name)!r} pred {getattr(p, name)!r}"
                    entity = " (same entity)" if same else ""
                    self.errors.append(f"{doc.id}: {g.kind} {name}: {wrong}{entity}")
        if keep_errors:
            matched_gold = {i for i, _ in pairs}
            matched_pred = {j for _, j in pairs}
            self.errors += [f"{doc.id}: missed {g.kind} {g.trigger}" for i, g in enumerate(doc.events)
                            if i not in matched_gold]  # fmt: skip
            self.errors += [f"{doc.id}: spurious {p.kind} {p.trigger}" for j, p in enumerate(pred)
                            if j not in matched_pred]  # fmt: skip


def prf(found: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = found / pred if pred else 0.0
    r = found / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(
    docs: Iterable[GoldDocument],
    predict: Callable[[str], list[Item]] = vnextract_events,
    *,
    keep_errors: bool = False,
) -> Tally:
    tally = Tally()
    for doc in docs:
        gold_name = entity_namer(doc.text) if predict is vnextract_events and not doc.surface else None
        tally.add(doc, predict(doc.text), keep_errors=keep_errors, gold_name=gold_name)
    return tally


def format_table(tally: Tally) -> str:
    """Event P/R/F1 overall and by kind, then the found events' field accuracies."""
    gold, pred, found = (sum(d.values()) for d in (tally.gold, tally.pred, tally.found))
    lines = [f"{tally.documents} documents", f"{'kind':17s} {'gold':>5s} {'pred':>5s} {'found':>5s} "
             f"{'P':>6s} {'R':>6s} {'F1':>6s}"]  # fmt: skip
    kinds = [k for k in tally.gold if tally.gold[k] or tally.pred[k]]
    rows = [(k, tally.gold[k], tally.pred[k], tally.found[k]) for k in kinds]
    for name, g, p, f in [*rows, ("all", gold, pred, found)]:
        precision, recall, f1 = prf(f, p, g)
        figures = f"{100 * precision:6.1f} {100 * recall:6.1f} {100 * f1:6.1f}"
        lines.append(f"{name:17s} {g:5d} {p:5d} {f:5d} {figures}")
    for label, rights in (("found events", tally.right), ("by entity", tally.right_entity)):
        accuracies = []
        for name in FIELDS:
            right, asked = rights[name], tally.asked[name]
            figure = f"{100 * right / asked:.1f} % ({right}/{asked})" if asked else "-"
            accuracies.append(f"{name} {figure}")
        lines.append(f"{label}: " + ", ".join(accuracies))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path, help="gold events (corpus format, or surface fixtures with texts)")
    ap.add_argument("--news", type=Path, default=Path("../shared/news"), help="folder of the news files")
    ap.add_argument("--folds", help="comma-separated folds to score (default: all)")
    ap.add_argument("--errors", action="store_true", help="list every miss (only on data you may read)")
    args = ap.parse_args(argv)
    folds = {int(f) for f in args.folds.split(",")} if args.folds else None
    docs = read_gold(args.gold, args.news, folds)
    tally = score(docs, keep_errors=args.errors)
    print(format_table(tally))
    if args.errors:
        print("\n".join(tally.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
