"""The learned title layer: windows around person mentions, labels from the corpus's titles,
span decoding and trimming, the combination with the rules' titles, and the packaged model.

Examples are written for these tests (no sentence of the news files)."""

from __future__ import annotations

import pytest

import vnextract
from titles_corpus import load as load_cases
from vnextract import pipeline
from vnextract.learned import titles as learned
from vnextract.learned.titles_train import linkers_with, window_labels
from vnextract.learned.view import sentence_syllables
from vnextract.text import Text, normalize


def _titles(doc: vnextract.Document) -> dict[str, list[str]]:
    return {p.name: [t.text for t in p.titles] for p in doc.persons}


def _rules_only(text: str) -> dict[str, list[str]]:
    prepared = Text.from_string(text)
    return _titles(pipeline.extract_from_text(prepared, linkers=linkers_with(None)))


def test_one_window_per_mention_inside_its_sentence() -> None:
    text = Text.from_string("Ông Lê Văn Tám, giám đốc hợp tác xã Tân Tiến, cho biết.")
    found = pipeline.found_before(text, "learned_titles")
    (window,) = learned.mention_windows(sentence_syllables(text), found)
    assert (window.first, window.last, window.mention) == (0, 16, (1, 4))
    giam = window.features[5]  # "giám", two syllables after the name, past a comma
    assert "f=R2" in giam and "gc=R1" in giam and "rt=own" in giam and "r=B-TTL" in giam


def test_tagging_reads_only_sentences_with_a_person_and_a_title_cue() -> None:
    text = Text.from_string("Trời mưa to. Ông Lê Văn Tám cho biết. Giám đốc Trần Văn Hải nói.")
    found = pipeline.found_before(text, "learned_titles")
    sentences = learned.person_sentences(text, found)
    assert [s[0].text for s in sentences] == ["Ông", "Giám"]  # not the first sentence
    ungated = learned.mention_windows(sentences, found)
    gated = learned.mention_windows(sentences, found, gate=True)
    assert len(ungated) == 2 and [w.sentence for w in gated] == [1]  # "Giám đốc" may start a title


def test_labels_mark_the_nearest_occurrence_of_each_gold_title() -> None:
    text = Text.from_string("Hai tay vợt Maria Sanchez và Olga Petrova đều thắng.")
    sentences = sentence_syllables(text)
    found = pipeline.found_before(text, "learned_titles")
    windows = learned.mention_windows(sentences, found)
    gold = [{"name": "Maria Sanchez", "titles": ["tay vợt"]}, {"name": "Olga Petrova", "titles": ["tay vợt"]}]
    labels, labelled = window_labels(text.normalized, sentences, windows, found, gold)
    assert labelled == {(0, 0), (1, 0)}
    for window, row in zip(windows, labels, strict=True):
        # "tay vợt" is the second and third syllable: both persons of the listed group hold it
        assert row[1 - window.first : 3 - window.first] == ["B-T", "I-T"]
    # a title the nearer person does not hold is not labelled for the farther one
    gold_other = [{"name": "Maria Sanchez", "titles": []}, {"name": "Olga Petrova", "titles": ["tay vợt"]}]
    labels, labelled = window_labels(text.normalized, sentences, windows, found, gold_other)
    assert labelled == set() and all(tag == "O" for row in labels for tag in row)


def test_spans_keep_whole_words_and_drop_edge_words_and_names() -> None:
    text = Text.from_string("Ông Ji Ming làm việc tại Viện Địa chất về mùa hè.")
    sentence = sentence_syllables(text)[0]
    forms = [s.text for s in sentence]
    i = forms.index("tại")
    tags = ["B-T", "I-T", "I-T", "I-T", "I-T"]  # "tại Viện Địa chất về"
    ((a, b),) = learned.spans_of(tags, sentence, i)
    assert forms[a:b] == ["Viện", "Địa", "chất"]  # no "tại" (at) before, no "về" after
    j = forms.index("Ông")
    assert learned.spans_of(["B-T", "I-T", "I-T"], sentence, j, frozenset({j + 1, j + 2})) == [(j, j + 1)]


@pytest.mark.parametrize(
    ("span", "role", "organization"),
    [
        ("Giám đốc điều hành của hãng Lumen Systems", "Giám đốc điều hành", "hãng Lumen Systems"),
        ("Thẩm phán Tây Ban Nha", "Thẩm phán", "Tây Ban Nha"),
        ("hạt giống số 2", "hạt giống số 2", None),  # no role of the lexicon: the span is the role
    ],
)
def test_a_model_span_is_read_by_the_title_grammar(span: str, role: str, organization: str | None) -> None:
    title = learned.title_from_span(span, 0, len(span))
    assert (title.text, title.role, title.organization) == (span, role, organization)


def test_strategies_are_named_with_a_threshold() -> None:
    assert learned.threshold("add@0.5") == 0.5 and learned.threshold("rules") is None
    assert not learned.is_strategy("swap") and not learned.is_strategy("add")


# The packaged model on sentences the rules read short or not at all.
# (A sentence shaped like one of corpus folds 1-3; "chuyên gia phân tích của hãng …" is read
# whole by the rules since the role's apposition reads to the clause's end, title_bodies.py.)
CUT_SHORT = ("Theo ông Peter Brown, giám đốc điều hành hãng phát triển trò chơi Digital Chocolate, "
             "thị trường sẽ tăng.")
# ("Thẩm phán Tây Ban Nha Carlos Ruiz" is read by the rules since titles.rules.country_before_name.)
NO_ROLE_CUE = "Thẩm phán cấp cao Carlos Ruiz đã ký lệnh bắt."


def test_the_model_reads_the_organisation_the_rules_cut_short() -> None:
    assert _rules_only(CUT_SHORT) == {"Peter Brown": ["giám đốc điều hành"]}
    (person,) = vnextract.extract(CUT_SHORT).persons
    (title,) = person.titles
    assert title.text == "giám đốc điều hành hãng phát triển trò chơi Digital Chocolate"
    assert (title.role, title.organization) == (
        "giám đốc điều hành", "hãng phát triển trò chơi Digital Chocolate"
    )
    assert CUT_SHORT[title.start : title.end] == title.text


def test_the_model_gives_a_title_the_rules_leave_unattached() -> None:
    assert _rules_only(NO_ROLE_CUE) == {"Carlos Ruiz": []}
    doc = vnextract.extract(NO_ROLE_CUE)
    assert _titles(doc) == {"Carlos Ruiz": ["Thẩm phán cấp cao"]}


def test_a_title_after_a_quotation_belongs_to_its_speaker() -> None:
    text = 'Xã sẽ tuyên dương em Lê Thu Hà" - Chủ tịch xã Tiên Lộc cho hay.'
    assert _titles(vnextract.extract(text)).get("Lê Thu Hà", []) == []


def test_the_packaged_model_ships_with_its_card() -> None:
    model = learned.packaged_model()
    assert model is not None and learned.is_strategy(model.strategy)
    card = model.card
    assert 0 not in card["training_data"]["folds"]  # the sealed fold stays out
    assert card["reach"] == learned.REACH and card["size_bytes"] > 0


@pytest.mark.parametrize("case_id", ["chairman-kiem-ceo", "two-ranks-list", "minh-triet-politburo"])
def test_a_model_span_joins_no_two_rule_titles_and_no_other_persons_title(case_id: str) -> None:
    """The written title examples the rules read apart stay apart through the whole pipeline:
    the model's span "Chủ tịch HĐQT kiêm Tổng giám đốc …" covers two of the rules' titles, and
    "… Công an TP.HCM và thượng tá" runs into the next person's rank (titles.combine's guards)."""
    case = next(p.values[0] for p in load_cases("titles") if p.values[0]["id"] == case_id)
    doc = vnextract.extract(case["text"])
    got = [[normalize(t.text).text for t in person.titles] for person in doc.persons]
    assert got == [person["titles"] for person in case["persons"]]
