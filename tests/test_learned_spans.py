"""The span classifier of the learned layer (not shipped): candidates, features, the model."""

from __future__ import annotations

from vnextract import pipeline
from vnextract.learned import spans
from vnextract.learned.model import EntityModel
from vnextract.learned.spans_train import Example, linkers, train
from vnextract.learned.view import SyllableIndex, sentence_syllables
from vnextract.mentions import Mentions
from vnextract.text import Text

# Sentences written for these tests.
TEXT = "Theo Agibot, công ty sẽ mở nhà máy ở Hà Nội.\nÔng Nam nói hãng Agibot đã ký với KTRB."


def _candidates(text: Text, found: Mentions) -> tuple[list[spans.Candidate], list[list[str]]]:
    sentences = sentence_syllables(text)
    marks = spans._marks(sentences, found, SyllableIndex(sentences))
    return spans.candidates(sentences, marks), marks


def test_candidates_are_capitalised_runs_nothing_covers() -> None:
    text = Text.from_string(TEXT)
    found = pipeline.found_before(text, "learned_entities")
    runs, _ = _candidates(text, Mentions())  # nothing found: every capitalised run
    words = [text.normalized[c.start : c.end] for c in runs]
    assert words == ["Theo Agibot", "Agibot", "Hà Nội", "Ông Nam", "Nam", "Agibot", "KTRB"]
    runs, _ = _candidates(text, found)  # the rules took "Hà Nội" (and more)
    assert "Hà Nội" not in [text.normalized[c.start : c.end] for c in runs]


def test_span_features_read_the_run_its_context_and_the_document() -> None:
    text = Text.from_string(TEXT)
    sentences = sentence_syllables(text)
    runs, marks = _candidates(text, Mentions())
    forms = spans.document_forms(sentences, marks, runs)
    by_text = {text.normalized[c.start : c.end]: c for c in runs}
    unknown = spans.span_features(by_text["KTRB"], sentences, marks, forms)
    assert {"len=1", "shape=X", "ascii", "abbr1", "p1=với", "n1=.", "times=1"} <= set(unknown)
    first_agibot = next(c for c in runs if text.normalized[c.start : c.end] == "Agibot")
    agibot = spans.span_features(first_agibot, sentences, marks, forms)
    assert {"times=2", "p1=theo", "n1=,", "first_sentence"} <= set(agibot)
    assert "sent_start" not in agibot  # "Theo" opens the sentence, not "Agibot"
    opener = spans.span_features(by_text["Theo Agibot"], sentences, marks, forms)
    assert {"sent_start", "common=some", "len=2", "shape=Xx_Xx"} <= set(opener)


def _model(weights: dict[str, tuple[float, ...]], threshold: float = 0.6) -> spans.SpanModel:
    return spans.SpanModel(spans.LABELS, weights, threshold)


def test_model_probabilities_and_json_round_trip() -> None:
    model = _model({"bias": (2.0, 0.0, 0.0, 0.0), "abbr1": (0.0, 0.0, 4.0, 0.0)})
    assert max(range(4), key=model.probabilities(["bias"]).__getitem__) == 0
    p = model.probabilities(["bias", "abbr1"])
    assert round(p[2], 3) == 0.853  # e^4 / (e^2 + e^4 + 2)
    again = spans.SpanModel.from_json(model.to_json())
    assert again.probabilities(["bias", "abbr1"]) == p and again.threshold == 0.6


def test_apply_adds_the_runs_the_model_is_sure_of() -> None:
    text = Text.from_string("Ông Nam nói hãng Agibot đã ký với KTRB.")
    found = pipeline.found_before(text, "learned_entities")
    model = _model({"bias": (3.0, 0.0, 0.0, 0.0), "abbr1": (0.0, 0.0, 6.0, 0.0)})
    out = spans.apply(model, text, found)
    added = {o.text for o in out.organizations} - {o.text for o in found.organizations}
    assert added == {"KTRB"}
    assert spans.apply(model, text, found, threshold=0.99) == found


def test_training_learns_a_separable_cue() -> None:
    data = [Example("d", 1, ["bias", "abbr1"], "ORG"), Example("d", 1, ["bias", "sent_start"], "O")] * 20
    model = train(data, 0.5)
    org = model.probabilities(["bias", "abbr1"])
    assert org[spans.LABELS.index("ORG")] > 0.9
    assert model.probabilities(["bias", "sent_start"])[0] > 0.9


def test_the_trainer_puts_the_step_after_the_entity_model() -> None:
    rules_only = EntityModel(None, "rules", {})  # the entity step returns what the rules found
    names = [name for name, _ in linkers(rules_only, None)]
    assert names[names.index("learned_entities") + 1] == "learned_spans"
    assert "learned_spans" not in [name for name, _ in pipeline.LINKERS]  # not shipped
