"""The learned entity layer: its token view, features, span decoding, strategies and labels."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

import vnextract
from vnextract import pipeline
from vnextract.learned import combine as combining
from vnextract.learned import model as learned
from vnextract.learned.features import document_windows, rule_marks, sentence_features, windows
from vnextract.learned.train import gold_labels
from vnextract.learned.view import sentence_syllables
from vnextract.text import Text

# Worked example B of corpus/ANNOTATING.md (written for the guide).
ITEM = (
    "HLV Kim Sang-sik gọi Đình Bắc, Xuân Son lên tuyển\n"
    "Ngày 20.8, Liên đoàn Bóng đá Việt Nam (VFF) công bố danh sách 30 cầu thủ đội tuyển Việt Nam "
    "dự ASEAN Cup 2026, trong đó có tiền đạo Nguyễn Xuân Son."
)


def test_syllables_carry_offsets_and_word_positions() -> None:
    text = Text.from_string(ITEM)
    first = sentence_syllables(text)[0]
    assert [s.text for s in first[:3]] == ["HLV", "Kim", "Sang-sik"]
    kim, sang_sik = first[1], first[2]
    assert (kim.word_start, kim.word, sang_sik.word_start) == (True, "Kim Sang-sik", False)
    assert all(text.normalized[s.start : s.end] == s.text for s in first)
    features = sentence_features(first, ["O"] * len(first))
    assert "wp=B2" in features[1] and "wp=I" in features[2]  # "Kim Sang-sik" is one word


def test_rule_marks_and_features_read_the_rules_output() -> None:
    text = Text.from_string(ITEM)
    sentences = sentence_syllables(text)
    found = pipeline.found_before(text, "learned_entities")
    marks = rule_marks(sentences, found)
    forms = [s.text for s in sentences[1]]
    i = forms.index("Liên")
    assert marks[1][i] == "B-ORG" and marks[1][i + 1] == "I-ORG"
    features = sentence_features(sentences[1], marks[1])
    assert "r=B-ORG" in features[i] and "w=liên" in features[i] and "c=C" in features[i]
    assert "1:r=I-ORG" in features[i] and "run=1" in features[i]  # "Liên" before lowercase "đoàn"
    v = forms.index("Việt")
    assert "run=B2" in features[v] and "run=E" in features[v + 1]  # "Việt Nam"
    assert "-1:w=BOS" in features[0] and "-1:w=BOS" not in features[1]  # the sentence opens


def test_given_name_syllables_are_a_feature() -> None:
    text = Text.from_string("Tiền đạo Đình Bắc ghi bàn.")
    sentence = sentence_syllables(text)[0]
    features = sentence_features(sentence, ["O"] * len(sentence))
    by_form = dict(zip((s.text for s in sentence), features, strict=True))
    assert "given" in by_form["Đình"] and "given" in by_form["Bắc"]
    assert "given" not in by_form["ghi"]




def test_gazetteer_entries_are_a_feature_with_their_kind_and_reading() -> None:
    text = Text.from_string("Tiền đạo của Man Utd thua Liverpool, còn SpaceX phóng tên lửa.")
    sentence = sentence_syllables(text)[0]
    features = sentence_features(sentence, ["O"] * len(sentence), gazetteer=True)
    by_form = dict(zip((s.text for s in sentence), features, strict=True))
    assert {"gaz=B", "gaz=club", "gaz=alone"} <= set(by_form["Man"]) and "gaz=I" in by_form["Utd"]
    assert {"gaz=B", "gaz=club", "gaz=context"} <= set(by_form["Liverpool"])  # the club or the city
    assert {"gaz=B", "gaz=company_world", "gaz=alone"} <= set(by_form["SpaceX"])
    assert not [f for f in by_form["thua"] if f.startswith("gaz")]
    # the shipped model learned without them, and is not given them
    plain = sentence_features(sentence, ["O"] * len(sentence))
    assert not [f for fs in plain for f in fs if f.startswith("gaz")]
    assert not learned.packaged_model().card.get("gazetteer_features")  # type: ignore[union-attr]


def test_bio_tags_become_spans() -> None:
    text = Text.from_string("Ông Marc Chandler nói ở Hormuz.")
    sentence = sentence_syllables(text)[0]
    tags = ["O", "B-PER", "I-PER", "O", "O", "I-LOC", "O"]
    spans = combining.spans_of_tags(tags, sentence, 0)
    assert [(p.label, text.normalized[p.start : p.end]) for p in spans] == [
        ("PER", "Marc Chandler"),
        ("LOC", "Hormuz"),  # an I- after O opens a span, as conlleval reads it
    ]


def test_model_spans_leave_out_the_marks_no_name_has_at_their_edges() -> None:
    text = Text.from_string("Ông An về Học viện; sau đó gặp anh C. ở “Sao Mai”")
    sentence = sentence_syllables(text)[0]
    forms = [s.text for s in sentence]
    tags = ["O"] * len(forms)
    h, c, q = forms.index("Học"), forms.index("C"), forms.index("“")
    tags[h : h + 3] = ["B-ORG", "I-ORG", "I-ORG"]  # "Học viện ;"
    tags[c : c + 2] = ["B-PER", "I-PER"]  # "C ."
    tags[q : q + 4] = ["B-ORG", "I-ORG", "I-ORG", "I-ORG"]  # "“ Sao Mai ”"
    spans = combining.spans_of_tags(tags, sentence, 0)
    assert [(p.label, text.normalized[p.start : p.end], p.first) for p in spans] == [
        ("ORG", "Học viện", h), ("PER", "C.", c), ("ORG", "Sao Mai”", q + 1),
    ]


def test_beside_the_rules_model_spans_start_with_a_capital_or_a_digit() -> None:
    text = Text.from_string("Trường dân lập Văn Hiến mở ngành mới, đối tác là ePass và 3M.")
    sentence = sentence_syllables(text)[0]
    forms = [s.text for s in sentence]
    tags = ["O"] * len(forms)
    d, e, m = forms.index("dân"), forms.index("ePass"), forms.index("3M")
    tags[d : d + 4] = ["B-ORG", "I-ORG", "I-ORG", "I-ORG"]  # "dân lập Văn Hiến": a lowercase start
    tags[e] = tags[m] = "B-ORG"
    spans = combining.spans_of_tags(tags, sentence, 0)
    found = pipeline.found_before(text, "learned_entities")
    rules = {o.text for o in found.organizations}
    combined = combining.combine("add", text.normalized, [sentence], found, spans)
    assert {o.text for o in combined.organizations} - rules == {"ePass", "3M"}
    combined = combining.combine("model", text.normalized, [sentence], found, spans)
    assert {o.text for o in combined.organizations} == {"dân lập Văn Hiến", "ePass", "3M"}


def _proposals(text: Text, wanted: list[tuple[str, str]]) -> list[combining.Proposal]:
    out = []
    for si, sentence in enumerate(sentence_syllables(text)):
        forms = [s.text for s in sentence]
        for label, surface in wanted:
            words = surface.split()
            for i in range(len(forms) - len(words) + 1):
                if forms[i : i + len(words)] == words:
                    out.append(
                        combining.Proposal(label, sentence[i].start, sentence[i + len(words) - 1].end, i, si)
                    )
    return out


@pytest.mark.parametrize(
    ("strategy", "expected"),
    [
        ("rules", {("PER", "Nguyễn Văn An")}),
        ("model", {("ORG", "Wildberries")}),
        ("add", {("PER", "Nguyễn Văn An"), ("ORG", "Wildberries")}),
    ],
)
def test_strategies_combine_rules_and_model(strategy: str, expected: set[tuple[str, str]]) -> None:
    text = Text.from_string("Ông Nguyễn Văn An mua hàng của Wildberries.")
    found = pipeline.found_before(text, "learned_entities")
    assert {(p.text) for p in found.persons} == {"Nguyễn Văn An"}
    proposals = _proposals(text, [("ORG", "Wildberries")])
    combined = combining.combine(strategy, text.normalized, sentence_syllables(text), found, proposals)
    got = {("PER", p.text) for p in combined.persons} | {("ORG", o.text) for o in combined.organizations}
    got |= {("LOC", loc.text) for loc in combined.locations}
    assert got == expected


def test_document_pass_labels_other_mentions() -> None:
    text = Text.from_string("Wildberries mở kho mới. Năm nay Wildberries tuyển 300 người.")
    found = pipeline.found_before(text, "learned_entities")
    proposals = _proposals(text, [("ORG", "Wildberries")])[:1]  # the model saw only the first
    combined = combining.combine("add+doc", text.normalized, sentence_syllables(text), found, proposals)
    assert [o.start for o in combined.organizations if o.text == "Wildberries"] == [0, 32]


def test_unknown_strategy_is_refused() -> None:
    text = Text.from_string("Hà Nội.")
    found = pipeline.found_before(text, "learned_entities")
    with pytest.raises(ValueError, match="unknown strategy"):
        combining.combine("guess", text.normalized, sentence_syllables(text), found, [])


def test_gold_labels_from_original_offsets() -> None:
    original = "Ông  Trần Văn Hùng ở tỉnh Nghệ An."  # two spaces: normalised offsets differ
    text = Text.from_string(original)
    entities = [
        {"type": "PER", "start": 5, "end": 18},
        {"type": "LOC", "start": 26, "end": 33},
    ]
    assert original[5:18] == "Trần Văn Hùng" and original[26:33] == "Nghệ An"
    labels, misaligned = gold_labels(text, sentence_syllables(text), entities)
    assert labels[0] == ["O", "B-PER", "I-PER", "I-PER", "O", "O", "B-LOC", "I-LOC", "O"]
    assert misaligned == 0


def test_found_before_names_a_real_step() -> None:
    with pytest.raises(ValueError, match="no linking step"):
        pipeline.found_before(Text.from_string("Hà Nội."), "nothing")


def test_windows_surround_capitals_and_rule_spans_only() -> None:
    # "Hôm qua" (yesterday) opens the sentence: a dictionary word, so it opens no window.
    text = Text.from_string("Hôm qua trời mưa to ở khắp nơi, rồi ông Ba về quê.")
    sentence = sentence_syllables(text)[0]
    marks = rule_marks([sentence], pipeline.found_before(text, "learned_entities"))[0]
    forms = [s.text for s in sentence]
    spans = windows(sentence, marks)
    assert [forms[a:b] for a, b in spans] == [["rồi", "ông", "Ba", "về", "quê"]]


def test_document_features_say_what_a_form_is_elsewhere() -> None:
    # The second "Hòa" opens its sentence; the first stands inside one, labelled by the rules.
    text = Text.from_string("Anh Nguyễn Văn Hòa đến sớm. Hòa nói sẽ về muộn.")
    sentences = sentence_syllables(text)
    marks = rule_marks(sentences, pipeline.found_before(text, "learned_entities"))
    read = {
        (w.sentence, w.first + i): f
        for w in document_windows(sentences, marks)
        for i, f in enumerate(w.features)
    }
    opener = read[(1, 0)]
    assert sentences[1][0].text == "Hòa"
    assert "d=mid" in opener and "d=PER" in opener


def test_keep_strategy_drops_a_rule_entity_the_model_doubts() -> None:
    text = Text.from_string("Ông Nguyễn Văn An mua hàng của Wildberries.")
    sentences = sentence_syllables(text)
    found = pipeline.found_before(text, "learned_entities")
    labels = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC")
    proposals = _proposals(text, [("ORG", "Wildberries")])

    def support(per_probability: float) -> combining.Support:
        rows: list[list[float] | None] = []
        for syllable in sentences[0]:
            p = per_probability if syllable.text in ("Nguyễn", "Văn", "An") else 0.0
            rows.append([1 - p, p, p, 0.0, 0.0, 0.0, 0.0])
        return combining.Support(labels, {0: rows})

    def names(per_probability: float) -> set[str]:
        combined = combining.combine("keep@0.1", text.normalized, sentences, found, proposals,
                                     support(per_probability))
        return {r.text for r in (*combined.persons, *combined.organizations)}

    assert names(0.9) == {"Nguyễn Văn An", "Wildberries"}  # confident: the rule's person stays
    assert names(0.05) == {"Wildberries"}  # doubted below 0.1: dropped
    assert combining.is_strategy("keep@0.01+doc") and not combining.is_strategy("keep@2")


def test_a_model_span_inside_a_named_body_does_not_doubt_it() -> None:
    text = Text.from_string("Sáng nay, TAND Cấp cao tại Hà Nội mở phiên phúc thẩm.")
    sentences = sentence_syllables(text)
    found = pipeline.found_before(text, "learned_entities")
    assert [o.text for o in found.organizations] == ["TAND Cấp cao tại Hà Nội"]
    labels = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC")
    rows: list[list[float] | None] = [[1.0, 0, 0, 0, 0, 0, 0] for _ in sentences[0]]  # the model doubts it
    support = combining.Support(labels, {0: rows})

    def names(wanted: list[tuple[str, str]]) -> set[str]:
        combined = combining.combine("swap@0.1", text.normalized, sentences, found,
                                     _proposals(text, wanted), support)
        return {r.text for r in (*combined.organizations, *combined.locations)}

    # head and seat cut apart: no other reading of the name, the rule's organisation stands
    assert names([("LOC", "Hà Nội")]) == {"TAND Cấp cao tại Hà Nội"}
    assert names([("ORG", "TAND Cấp cao"), ("LOC", "Hà Nội")]) == {"TAND Cấp cao tại Hà Nội"}
    # a span reaching outside it is a competing reading: the doubted rule gives way
    assert names([("ORG", "Sáng nay , TAND Cấp cao")]) == {"Sáng nay, TAND Cấp cao"}


def test_a_model_span_without_a_companys_lowercase_head_does_not_doubt_it() -> None:
    text = Text.from_string("Họ đến trụ sở của công ty TNHH Vương Vũ để đòi tiền.")
    sentences = sentence_syllables(text)
    found = pipeline.found_before(text, "learned_entities")
    assert [o.text for o in found.organizations] == ["công ty TNHH Vương Vũ"]
    labels = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC")
    rows: list[list[float] | None] = [[1.0, 0, 0, 0, 0, 0, 0] for _ in sentences[0]]  # the model doubts it

    def names(wanted: list[tuple[str, str]]) -> set[str]:
        combined = combining.combine("swap@0.1", text.normalized, sentences, found,
                                     _proposals(text, wanted), combining.Support(labels, {0: rows}))
        return {r.text for r in (*combined.organizations, *combined.persons)}

    # the company form makes the lowercase head part of the name: a span without it is no rival
    assert names([("ORG", "TNHH Vương Vũ")]) == {"công ty TNHH Vương Vũ"}
    assert names([("PER", "Vương Vũ")]) == {"công ty TNHH Vương Vũ"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Tỉnh Bình Dương hỗ trợ 2 tỷ đồng.", ("Location", "Bình Dương")),  # a unit: it stays a place
        # the club, read so by the model only ("Bình Dương thắng 2-0" is now the rules' own club:
        # entities.clubs, rule province_club)
        ("Bình Dương đứng đầu bảng sau lượt đi.", ("Organization", "Bình Dương")),
    ],
)
def test_a_place_after_its_unit_word_is_not_retyped(sentence: str, expected: tuple[str, str]) -> None:
    text = Text.from_string(sentence)
    sentences = sentence_syllables(text)
    found = pipeline.found_before(text, "learned_entities")
    assert [loc.text for loc in found.locations] == ["Bình Dương"]
    labels = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC")
    rows: list[list[float] | None] = [[0, 0, 0, 1.0, 1.0, 0, 0] for _ in sentences[0]]  # ORG, surely
    support = combining.Support(labels, {0: rows})
    proposals = _proposals(text, [("ORG", "Bình Dương")])
    combined = combining.combine("swap@0.1", text.normalized, sentences, found, proposals, support)
    assert [(type(r).__name__, r.text) for r in (*combined.locations, *combined.organizations)] == [expected]


# The packaged model (trained on corpus folds 1-4), on sentences written for these tests: names
# with no cue a rule keys on. A retrained model that misses them fails here on purpose.
def test_the_packaged_model_ships_and_names_its_training_data() -> None:
    model = learned.packaged_model()
    assert model is not None
    assert combining.is_strategy(model.strategy)
    assert model.card["training_data"]["folds"] == [1, 2, 3, 4]  # fold 0 stays sealed


@pytest.mark.parametrize(
    ("sentence", "missed_by_rules"),
    [
        ("Ronaldo và Messi cùng có mặt tại Riyadh hôm qua.", {("PER", "Ronaldo"), ("PER", "Messi")}),
        ("HLV Kim Sang-sik gọi Đình Bắc và Xuân Son lên tuyển Việt Nam.", {("PER", "Đình Bắc")}),
        ("Cổ phiếu của Wolfspeed và Tesla giảm mạnh phiên hôm qua.", {("ORG", "Wolfspeed")}),
    ],
)
def test_the_packaged_model_finds_names_the_rules_miss(
    sentence: str, missed_by_rules: set[tuple[str, str]]
) -> None:
    doc = vnextract.extract(sentence)
    got = {("PER", r.text) for r in doc.persons} | {("ORG", r.text) for r in doc.organizations}
    assert missed_by_rules <= got
    text = Text.from_string(sentence)
    rules = pipeline.found_before(text, "learned_entities")
    by_rules = {("PER", r.text) for r in rules.persons} | {("ORG", r.text) for r in rules.organizations}
    assert not missed_by_rules & by_rules


@pytest.mark.parametrize(
    ("sentence", "court"),
    [
        ("Sáng nay, TAND Cấp cao tại Hà Nội mở phiên phúc thẩm vụ án.", "TAND Cấp cao tại Hà Nội"),
        ("Tòa án nhân dân cấp cao tại Đà Nẵng giữ nguyên mức án với bị cáo.",
         "Tòa án nhân dân cấp cao tại Đà Nẵng"),
        ("VKSND Cấp cao tại TP.HCM đã kháng nghị bản án.", "VKSND Cấp cao tại TP.HCM"),
    ],
)
def test_the_high_courts_stay_whole_with_the_packaged_model(sentence: str, court: str) -> None:
    doc = vnextract.extract(sentence)
    assert [o.text for o in doc.organizations] == [court]
    assert doc.locations == ()


# extract(learned=False): the rules alone, through every entry point.
RULES_ONLY = "HLV Kim Sang-sik gọi Đình Bắc và Xuân Son lên tuyển Việt Nam."


def _persons(doc: Any) -> set[str]:
    return {r.text for r in doc.persons}


def test_learned_false_runs_the_rules_alone() -> None:
    assert "Đình Bắc" in _persons(vnextract.extract(RULES_ONLY))
    rules_only = vnextract.extract(RULES_ONLY, learned=False)
    assert "Đình Bắc" not in _persons(rules_only)
    assert "Kim Sang-sik" in _persons(rules_only)  # what the rules find stays
    with pytest.raises(TypeError, match="learned must be True or False"):
        vnextract.extract(RULES_ONLY, learned="no")  # type: ignore[arg-type]


@pytest.mark.parametrize("n_process", [1, 2])
def test_pipe_passes_learned_false_to_every_text(n_process: int) -> None:
    texts = [RULES_ONLY, "Cổ phiếu của Nvidia và Tesla giảm mạnh phiên hôm qua."]
    piped = [d.to_dict() for d in vnextract.pipe(texts, n_process=n_process, learned=False)]
    assert piped == [vnextract.extract(t, learned=False).to_dict() for t in texts]
    assert "Đình Bắc" not in {p["text"] for p in piped[0]["persons"]}


def test_a_models_card_is_written_beside_it(tmp_path: Path) -> None:
    from vnextract.learned.train import Settings, write_card

    model = tmp_path / "entities.crf"
    model.write_bytes(b"12345")
    write_card(model, "swap@0.1+doc", Settings(0.1, 0.01, 150), {2, 1}, ["b", "a"],
               training_data={"documents": 2}, about={"window_reach": 2}, cross_validation=None)
    card = json.loads((tmp_path / "entities.json").read_text(encoding="utf-8"))
    assert list(card) == ["strategy", "trained", "training_data", "crf", "window_reach", "size_bytes",
                          "cross_validation"]
    assert card["training_data"]["folds"] == [1, 2]
    assert card["training_data"]["documents"] == 2
    assert card["training_data"]["ids_sha1"] == hashlib.sha1(b"b\na").hexdigest()
    assert card["crf"] == {"l1": 0.1, "l2": 0.01, "iterations": 150, "trainer": "underthesea_core.CRFTrainer"}
    assert card["size_bytes"] == 5
