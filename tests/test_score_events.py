"""The events scorer (vnextract.evaluate_events, scripts/score_events.py): matching and fields."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from vnextract import evaluate_events as ev

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "events" / "own.jsonl"
TEXT = "Ông A bị phạt 5 triệu đồng; công ty B bị xử phạt 20 triệu đồng do xả thải."


def _span(text: str, surface: str, nth: int = 1) -> dict[str, object]:
    start = -1
    for _ in range(nth):
        start = text.index(surface, start + 1)
    return {"text": surface, "start": start, "end": start + len(surface)}


def _gold(**fields: object) -> dict[str, object]:
    event: dict[str, object] = dict.fromkeys(("target", "authority", "reason", "money", "amount", "term"))
    event.update({"kind": "fine", "status": "imposed"}, **fields)
    return event


def _write_news(folder: Path, text: str) -> None:
    folder.mkdir()
    (folder / "modern2026.jsonl").write_text(json.dumps({"id": "d1", "text": text}) + "\n", encoding="utf-8")
    with gzip.open(folder / "big.jsonl.gz", "wt", encoding="utf-8") as out:
        out.write(json.dumps({"id": "d2", "text": "Không có gì."}) + "\n")


def test_corpus_gold_is_joined_by_id_and_scored_by_overlap(tmp_path: Path) -> None:
    """Two fines in the text, gold for both: the second gold's reason differs from ours."""
    news = tmp_path / "news"
    _write_news(news, TEXT)
    events = [
        _gold(trigger=_span(TEXT, "phạt"), target=_span(TEXT, "Ông A"), money=_span(TEXT, "5 triệu đồng"),
              amount=5_000_000),
        _gold(trigger=_span(TEXT, "xử phạt"), target=_span(TEXT, "công ty B"),
              money=_span(TEXT, "20 triệu đồng"), amount=20_000_000, reason=_span(TEXT, "xả thải")),
    ]  # fmt: skip
    gold = tmp_path / "gold.jsonl"
    rows = [{"id": "d1", "fold": 1, "events": events}, {"id": "d2", "fold": 0, "events": []}]
    gold.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    tally = ev.score(ev.read_gold(gold, news))
    assert (tally.documents, tally.gold["fine"], tally.pred["fine"], tally.found["fine"]) == (2, 2, 2, 2)
    assert (tally.right["amount"], tally.asked["amount"]) == (2, 2)
    assert (tally.right["reason"], tally.asked["reason"]) == (2, 2)  # "do xả thải" overlaps "xả thải"
    assert [d.id for d in ev.read_gold(gold, news, folds={0})] == ["d2"]


def test_matching_is_one_to_one_and_needs_the_kind() -> None:
    trigger = ev.Part("phạt", 10, 14)
    fine = ev.Item("fine", "imposed", trigger, None, None, None, None, None, None)
    prison = fine._replace(kind="prison")
    assert ev.match([fine], [fine, fine]) == [(0, 0)]
    assert ev.match([fine], [prison]) == []
    assert ev.prf(*(1, 2, 1)) == (0.5, 1.0, 2 / 3)


def test_own_fixtures_score_as_the_corpus_test_says(capsys: object) -> None:
    """Every fixture whose events are met exactly is found in full; the known gaps miss."""
    docs = ev.read_gold(FIXTURES)
    tally = ev.score(docs)
    gold = sum(tally.gold.values())
    assert gold == sum(len(d.events) for d in docs)
    gaps = [json.loads(line) for line in FIXTURES.read_text(encoding="utf-8").splitlines()]
    assert sum(tally.found.values()) >= gold - sum(len(g["events"]) for g in gaps if g["xfail"])
    assert ev.main([str(FIXTURES)]) == 0
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert out.startswith(f"{len(docs)} documents") and "found events: target" in out


COURT_CASE = (
    "Sáng 12/3, TAND tỉnh Bắc Giang mở phiên tòa xét xử bị cáo Trần Văn Hùng và bị cáo Lê Văn Nam. "
    "HĐXX tuyên phạt Hùng 8 năm tù về tội trộm cắp tài sản."
)


def _court_case_tally(tmp_path: Path, **fields: object) -> ev.Tally:
    news = tmp_path / "news"
    _write_news(news, COURT_CASE)
    trigger, term = _span(COURT_CASE, "tuyên phạt"), _span(COURT_CASE, "8 năm")
    event = _gold(kind="prison", trigger=trigger, term=term, **fields)
    row = {"id": "d1", "fold": 1, "events": [event]}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(row, ensure_ascii=False), encoding="utf-8")
    return ev.score(ev.read_gold(gold, news))


def test_a_mention_of_the_gold_entity_is_right_by_entity_only(tmp_path: Path) -> None:
    """Gold: the full name and the court named before; ours: "Hùng" and "HĐXX" in the clause."""
    tally = _court_case_tally(
        tmp_path,
        target=_span(COURT_CASE, "Trần Văn Hùng"),
        authority=_span(COURT_CASE, "TAND tỉnh Bắc Giang"),
        reason=_span(COURT_CASE, "về tội trộm cắp tài sản"),
    )  # fmt: skip
    assert tally.found["prison"] == 1
    assert (tally.right["target"], tally.right_entity["target"]) == (0, 1)
    assert (tally.right["authority"], tally.right_entity["authority"]) == (0, 1)
    assert "by entity: target 100.0 % (1/1), authority 100.0 % (1/1)" in ev.format_table(tally)


def test_a_bare_court_word_in_the_gold_names_the_court_of_the_case(tmp_path: Path) -> None:
    """Gold "HĐXX" names TAND tỉnh Bắc Giang, as our "HĐXX" does; the other defendant is wrong."""
    tally = _court_case_tally(
        tmp_path, target=_span(COURT_CASE, "Lê Văn Nam"), authority=_span(COURT_CASE, "HĐXX"),
    )  # fmt: skip
    assert (tally.right["authority"], tally.right_entity["authority"]) == (1, 1)
    assert (tally.right["target"], tally.right_entity["target"]) == (0, 0)
    assert (tally.right["reason"], tally.right_entity["reason"]) == (0, 0)  # gold null, ours a charge
