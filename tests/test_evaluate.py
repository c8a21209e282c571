"""The evaluate engine: readers for our gold JSONL and CoNLL/BIO files, exact/overlap scoring."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vnextract import evaluate as ev

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "evaluate"


def test_conll_word_level_vlsp_style_with_tag_column() -> None:
    """VLSP 2016 keeps the NE tag in column 4 (nested NE last); word tokens use underscores."""
    docs = ev.read_conll(FIXTURES / "vlsp_style_word.conll", tag_column=3)
    assert len(docs) == 1
    doc = docs[0]
    assert doc.text == "Ông Trần Thanh Liêm làm việc tại UBND tỉnh Bình Dương .\nÔng Liêm đến Hà Nội ."
    assert [(e.type, doc.text[e.start : e.end]) for e in doc.entities] == [
        ("PER", "Trần Thanh Liêm"),
        ("ORG", "UBND tỉnh Bình Dương"),
        ("PER", "Liêm"),
        ("LOC", "Hà Nội"),
    ]


def test_conll_last_column_is_the_default() -> None:
    """With the default (last column) the nested tags of the same file are read."""
    doc = ev.read_conll(FIXTURES / "vlsp_style_word.conll")[0]
    assert [(e.type, doc.text[e.start : e.end]) for e in doc.entities] == [("LOC", "tỉnh Bình Dương")]


def test_conll_syllable_level_phoner_style_with_map() -> None:
    """PhoNER_COVID19 types renamed with --map; AGE maps to nothing and is left out."""
    table = ev.parse_map("PERSON_NAME=PER,LOCATION=LOC,ORGANIZATION=ORG,AGE=")
    docs = ev.read_conll(FIXTURES / "phoner_style_syllable.conll", tag_map=table)
    doc = docs[0]
    assert [(e.type, doc.text[e.start : e.end]) for e in doc.entities] == [
        ("PER", "Nguyễn Văn An"),
        ("LOC", "Củ Chi"),
        ("ORG", "Bệnh viện Chợ Rẫy"),
        ("ORG", "Sở Y tế TP.HCM"),
    ]


def test_iob1_and_bioes_tags(tmp_path: Path) -> None:
    """I- after O opens an entity (IOB1); S-/E- close one (BIOES)."""
    path = tmp_path / "t.conll"
    path.write_text("Ông O\nNam I-PER\nở O\nHuế S-LOC\nvà O\nĐà B-LOC\nNẵng E-LOC\n", encoding="utf-8")
    doc = ev.read_conll(path)[0]
    assert [(e.type, doc.text[e.start : e.end]) for e in doc.entities] == [
        ("PER", "Nam"),
        ("LOC", "Huế"),
        ("LOC", "Đà Nẵng"),
    ]


def test_parse_map_rejects_unknown_targets() -> None:
    with pytest.raises(ValueError, match="not one of"):
        ev.parse_map("PERSON_NAME=HUMAN")
    with pytest.raises(ValueError, match="NAME=TYPE"):
        ev.parse_map("PERSON_NAME")


def test_exact_and_overlap_scores() -> None:
    """A boundary error counts in overlap but not in exact; a type error counts in neither."""
    doc = ev.Document(
        "UBND tỉnh Bình Dương họp ở Hà Nội với ông An.",
        (ev.Entity("ORG", 0, 20), ev.Entity("LOC", 27, 33), ev.Entity("PER", 42, 44)),
    )

    def predict(text: str) -> list[ev.Entity]:
        return [ev.Entity("ORG", 0, 9), ev.Entity("LOC", 27, 33), ev.Entity("ORG", 42, 44)]

    result = ev.evaluate([doc], predict)
    assert result["exact"]["LOC"] == {"P": 100.0, "R": 100.0, "F1": 100.0, "pred": 1, "gold": 1}
    assert result["exact"]["ORG"]["P"] == 0.0
    assert result["overlap"]["ORG"] == {"P": 50.0, "R": 100.0, "F1": 66.7, "pred": 2, "gold": 1}
    assert result["exact"]["micro"] == {"P": 33.3, "R": 33.3, "F1": 33.3, "pred": 3, "gold": 3}
    assert result["overlap"]["PER"]["R"] == 0.0


def test_gold_jsonl_reader_keeps_only_entity_types(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    row = {
        "text": "Bộ Y tế họp.",
        "entities": [{"type": "ORG", "start": 0, "end": 7}, {"type": "DATE", "start": 8, "end": 11}],
    }
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    assert ev.read_gold_jsonl(path) == [ev.Document("Bộ Y tế họp.", (ev.Entity("ORG", 0, 7),))]


def test_command_line_runs_the_real_system_on_conll(capsys: pytest.CaptureFixture[str]) -> None:
    """main_evaluate on the VLSP-style file: vnextract finds all four entities."""
    code = ev.main_evaluate([str(FIXTURES / "vlsp_style_word.conll"), "--tag-column", "3", "--json"])
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    assert result["documents"] == 1
    assert result["exact"]["micro"]["gold"] == 4
    assert result["exact"]["micro"]["R"] == 100.0


def test_command_line_reports_a_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert ev.main_evaluate([str(tmp_path / "missing.jsonl")]) == 2
    assert "missing.jsonl" in capsys.readouterr().err
