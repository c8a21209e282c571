"""The text layer's token view (vnextract.text.view): the syllables every rule reads."""

from __future__ import annotations

import doctest
import importlib

import pytest

import vnextract
from vnextract import lexicon
from vnextract.text import Text
from vnextract.text.view import longest_entry, token_view


def test_sentences_are_cut_on_whole_syllables_keeping_initials() -> None:
    """underthesea's splitter cuts inside "V.P.H.N"; the view keeps the initials whole."""
    text = Text.from_string("Ông V.P.H.N. đã đến. Ngày 5 tháng 6, TP. Hồ Chí Minh mưa.")
    view = token_view(text)
    assert [[s.text for s in sentence] for sentence in view.sentences] == [
        ["Ông", "V.P.H.N", ".", "đã", "đến", "."],
        ["Ngày", "5", "tháng", "6", ",", "TP", ".", "Hồ", "Chí", "Minh", "mưa", "."],
    ]
    for sentence in view.sentences:
        for s in sentence:
            assert text.normalized[s.start : s.end] == s.text


def test_document_sentences_are_the_views_sentences() -> None:
    """One cut: the Text's sentences (and so the Document's) are the sentences the rules read."""
    original = "Ông V.P.H.N. đã đến.  Bà Lê Thị Hoa (TP. Hồ Chí Minh) nói. Tốt!\nSáng 5-6, mưa"
    text = Text.from_string(original)
    view = token_view(text)
    assert [(s.start, s.end) for s in text.sentences] == [(x[0].start, x[-1].end) for x in view.sentences]
    doc = vnextract.extract(original)
    assert [s.text for s in doc.sentences] == [
        "Ông V.P.H.N. đã đến.",
        "Bà Lê Thị Hoa (TP. Hồ Chí Minh) nói.",
        "Tốt!",
        "Sáng 5-6, mưa",
    ]
    assert all(original[s.start : s.end] == s.text for s in doc.sentences)


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        # a closing quote after the end mark stays with the sentence it closes
        ('Ông Hòa nói: "Tôi sẽ đến." Sau đó ông đi.', ['Ông Hòa nói: "Tôi sẽ đến."', "Sau đó ông đi."]),
        ("Ông Hòa nói: “Tôi sẽ đến.” Sau đó ông đi.", ["Ông Hòa nói: “Tôi sẽ đến.”", "Sau đó ông đi."]),
        ("Bà Lan hỏi: ‘Ai đến?’ Không ai đáp.", ["Bà Lan hỏi: ‘Ai đến?’", "Không ai đáp."]),
        # a quote that opens the next sentence goes with it, as before
        ('Ông Hòa đến. "Tôi đi," ông nói.', ["Ông Hòa đến.", '"Tôi đi," ông nói.']),
        # a quoted speech of two sentences: the second keeps the closing quote
        ('Ông nói: "Tôi đến. Tôi đi." Sau đó', ['Ông nói: "Tôi đến.', 'Tôi đi."', "Sau đó"]),
        # glued on both sides: the line's open quote decides
        ('Ông nói: "Tôi đến."Sau đó', ['Ông nói: "Tôi đến."', "Sau đó"]),
        ('Ông nói "vâng".Ông đến."Tôi đi"', ['Ông nói "vâng".', "Ông đến.", '"Tôi đi"']),
        # a closing bracket too
        ("Ông khóa cửa lại (!) Té ra không ai.", ["Ông khóa cửa lại (!)", "Té ra không ai."]),
    ],
)
def test_closing_quotes_stay_with_their_sentence(original: str, expected: list[str]) -> None:
    assert [s.text for s in Text.from_string(original).sentences] == expected


def test_syllables_know_their_kind_and_word() -> None:
    text = Text.from_string("Sở Y tế tỉnh Bình Dương có 12 bác sĩ.")
    sentence = token_view(text).sentences[0]
    kinds = {s.text: s.kind for s in sentence}
    assert (kinds["Sở"], kinds["tế"], kinds["12"], kinds["."]) == ("cap", "lower", "num", "punct")
    y_te = [s for s in sentence if s.text in ("Y", "tế")]
    assert [(s.word_start, s.word) for s in y_te] == [(True, "Y tế"), (False, "")]
    assert longest_entry(sentence, 4, lexicon.places()) == 2  # "Bình Dương"
    assert longest_entry(sentence, 0, lexicon.org_heads()) == 1  # "Sở"


def test_view_is_built_once_per_text() -> None:
    text = Text.from_string("Ông Trần Thanh Liêm.")
    assert token_view(text) is token_view(text)


@pytest.mark.parametrize(
    "module",
    [
        "vnextract.text.normalize",
        "vnextract.text.syllables",
        "vnextract.text.text",
        "vnextract.text.view",
        "vnextract.lexicon.loader",
        "vnextract.recognizers.entities.document",
    ],
)
def test_docstring_examples_run(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0
    assert result.failed == 0
