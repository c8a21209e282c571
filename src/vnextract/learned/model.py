"""The packaged entity model and the pipeline step that runs it.

The model (``vnextract/data/models/entities.crf``, CRFsuite format written by
``underthesea_core.CRFTrainer``) and its card (``entities.json``: strategy, training data,
features, size, cross-validated figures) ship in the package and load once per process. The
step reads what the rules found (after overlap resolution, before person linking), tags every
sentence that still holds a capitalised syllable no rule covered, and combines the model's
spans with the rules' by the strategy the card names.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from importlib import resources
from typing import Any, NamedTuple

from vnextract.learned.combine import Proposal, combine, spans_of_tags
from vnextract.learned.features import rule_marks, sentence_features
from vnextract.learned.view import Syllable, sentence_syllables
from vnextract.mentions import Mentions
from vnextract.text import Text

_MODEL = "entities.crf"
_CARD = "entities.json"


class EntityModel(NamedTuple):
    tagger: Any  # underthesea_core.CRFTagger
    strategy: str
    card: dict[str, Any]


def load_model(path: str, strategy: str, card: dict[str, Any] | None = None) -> EntityModel:
    """A model file written by ``CRFModel.save`` (training, evaluation)."""
    from underthesea_core import CRFTagger

    tagger = CRFTagger()
    tagger.load(path)
    return EntityModel(tagger, strategy, card or {})


@functools.cache
def packaged_model() -> EntityModel | None:
    """The model shipped in the package, or None when the package carries none."""
    folder = resources.files("vnextract.data") / "models"
    model, card = folder / _MODEL, folder / _CARD
    if not (model.is_file() and card.is_file()):
        return None
    meta = json.loads(card.read_text(encoding="utf-8"))
    with resources.as_file(model) as path:
        return load_model(str(path), meta["strategy"], meta)


def _worth_tagging(marks: Sequence[str], sentence: Sequence[Syllable]) -> bool:
    """A sentence where some capitalised syllable is covered by no rule's span. Elsewhere the
    ``add`` strategy could only add all-lowercase names, which the corpus does not tag."""
    return any(
        m == "O" and s.text[:1].isupper() for m, s in zip(marks, sentence, strict=True)
    )


def propose(model: EntityModel, sentences: Sequence[Sequence[Syllable]], found: Mentions) -> list[Proposal]:
    """The model's spans over the sentences worth tagging."""
    marks = rule_marks(sentences, found)
    every = not model.strategy.startswith("add")
    proposals: list[Proposal] = []
    for index, (sentence, sentence_marks) in enumerate(zip(sentences, marks, strict=True)):
        if every or _worth_tagging(sentence_marks, sentence):
            tags = model.tagger.tag(sentence_features(sentence, sentence_marks))
            proposals.extend(spans_of_tags(tags, sentence, index))
    return proposals


def apply(model: EntityModel, text: Text, found: Mentions) -> Mentions:
    """The rules' entities combined with the model's, by the model's strategy."""
    if model.strategy == "rules":
        return found
    sentences = sentence_syllables(text)
    return combine(model.strategy, text.normalized, sentences, found, propose(model, sentences, found))


def link(text: Text, found: Mentions) -> Mentions:
    """Pipeline step: the packaged model over what the rules found (nothing if none ships)."""
    model = packaged_model()
    return found if model is None else apply(model, text, found)
