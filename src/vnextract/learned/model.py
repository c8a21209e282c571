"""The packaged entity model and the pipeline step that runs it.

The model (``vnextract/data/models/entities.crf``, CRFsuite format written by
``underthesea_core.CRFTrainer``) and its card (``entities.json``: strategy, training data,
features, size, cross-validated figures) ship in the package and load once per process. The
step reads what the rules found (after overlap resolution, before person linking), tags the
windows of each sentence around its capitalised syllables and the rules' spans
(:func:`vnextract.learned.features.windows`), and combines the model's
spans with the rules' by the strategy the card names.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any, NamedTuple

from vnextract.learned.combine import Proposal, Support, combine, spans_of_tags
from vnextract.learned.features import document_windows, rule_marks
from vnextract.learned.person_guards import guarded
from vnextract.learned.view import Syllable, SyllableIndex, sentence_syllables
from vnextract.mentions import Mentions
from vnextract.text import Text

if TYPE_CHECKING:  # importlib.resources.abc is Python 3.11+
    from importlib.resources.abc import Traversable

_MODEL = "entities.crf"
_CARD = "entities.json"


class EntityModel(NamedTuple):
    """A trained CRF with the strategy that combines it with the rules, and its card (the
    entity model here; the title model of :mod:`vnextract.learned.titles` has the same shape)."""

    tagger: Any  # underthesea_core.CRFTagger
    strategy: str
    card: dict[str, Any]


def load_model(path: str, strategy: str, card: dict[str, Any] | None = None) -> EntityModel:
    """A model file written by ``CRFModel.save`` (training, evaluation)."""
    from underthesea_core import CRFTagger

    tagger = CRFTagger()
    tagger.load(path)
    return EntityModel(tagger, strategy, card or {})


def packaged_file(name: str) -> Traversable:
    """A file of ``vnextract/data/models`` (a model or its card; it may not exist)."""
    return resources.files("vnextract.data") / "models" / name


def load_packaged(model_name: str, card_name: str, what: str) -> EntityModel | None:
    """A model shipped in ``vnextract/data/models`` with its card, or None when the package
    carries none; ``what`` names it in the error of a damaged install."""
    model, card = packaged_file(model_name), packaged_file(card_name)
    if not (model.is_file() and card.is_file()):
        return None
    meta = json.loads(card.read_text(encoding="utf-8"))
    with resources.as_file(model) as path:
        try:
            return load_model(str(path), meta["strategy"], meta)
        except OSError as error:  # a damaged install: say what to do, not just "Unknown file format"
            raise OSError(f"vnextract's packaged {what} {path} cannot be read ({error}); "
                          "reinstall vnextract") from error


@functools.cache
def packaged_model() -> EntityModel | None:
    """The entity model shipped in the package, or None when the package carries none."""
    return load_packaged(_MODEL, _CARD, "entity model")


def _worth_tagging(marks: Sequence[str], sentence: Sequence[Syllable]) -> bool:
    """A sentence where some capitalised syllable is covered by no rule's span. Elsewhere the
    ``add`` strategy could only add all-lowercase names, which the corpus does not tag."""
    return any(
        m == "O" and s.text[:1].isupper() for m, s in zip(marks, sentence, strict=True)
    )


def _disagree(tags: Sequence[str], marks: Sequence[str]) -> bool:
    """Whether the model reads a window's names otherwise than the rules (titles aside). Where
    both agree, weighing the rules' spans changes nothing, so no marginals are computed."""
    return any(t != (m if not m.endswith("TTL") else "O") for t, m in zip(tags, marks, strict=True))


def propose(
    model: EntityModel, sentences: Sequence[Sequence[Syllable]], found: Mentions
) -> tuple[list[Proposal], Support | None]:
    """The model's spans over the windows worth tagging (and its marginals when the strategy
    weighs the rules' entities by them)."""
    positions = SyllableIndex(sentences)
    marks = rule_marks(sentences, found, positions)
    if model.strategy.startswith("add"):  # only sentences where the rules left a name untouched
        worth = [i for i, (s, m) in enumerate(zip(sentences, marks, strict=True)) if _worth_tagging(m, s)]
    else:
        worth = list(range(len(sentences)))
    weigh = model.strategy.startswith(("keep@", "swap@"))
    support = Support(tuple(model.tagger.labels()), {}, positions) if weigh else None
    proposals: list[Proposal] = []
    read = document_windows([sentences[i] for i in worth], [marks[i] for i in worth],
                            gazetteer=model.card.get("gazetteer_features", False))
    for window in read:
        index = worth[window.sentence]
        tags = model.tagger.tag(window.features)
        proposals.extend(spans_of_tags(tags, sentences[index], index, window.first))
        if support is not None and _disagree(tags, marks[index][window.first : window.last]):
            rows = support.by_sentence.setdefault(index, [None] * len(sentences[index]))
            rows[window.first : window.last] = model.tagger.marginals(window.features)
    return proposals, support


def apply(model: EntityModel, text: Text, found: Mentions) -> Mentions:
    """The rules' entities combined with the model's, by the model's strategy."""
    if model.strategy == "rules":
        return found
    sentences = sentence_syllables(text)
    proposals, support = propose(model, sentences, found)
    proposals = guarded(proposals, sentences)  # brands, products, peoples read as persons
    return combine(model.strategy, text.normalized, sentences, found, proposals, support)


def link(text: Text, found: Mentions) -> Mentions:
    """Pipeline step: the packaged model over what the rules found (nothing if none ships)."""
    model = packaged_model()
    return found if model is None else apply(model, text, found)
