"""Normalisation, the position map, sentence split and token alignment (vnextract.text)."""

from __future__ import annotations

import sys
import unicodedata

import pytest
import regex

from vnextract.errors import AlignmentError
from vnextract.text import LONG_RUN, Text, canonical_tones, normalize
from vnextract.text.segment import _align_tokens


def original_of(original: str, start: int, end: int) -> str:
    """The stretch of ``original`` the normalised span [start, end) came from."""
    a, b = normalize(original).to_original(start, end)
    return original[a:b]


def test_canonical_tones_moves_old_style_marks():
    assert canonical_tones("Uỷ ban hoà bình, thuỷ lợi, khoẻ") == "Ủy ban hòa bình, thủy lợi, khỏe"


def test_canonical_tones_leaves_qu_and_closed_syllables():
    assert canonical_tones("quý khách hoàn thành QUÝ") == "quý khách hoàn thành QUÝ"


def test_canonical_tones_upper_case_and_before_a_mark():
    assert canonical_tones("HOÀ GIẢI") == "HÒA GIẢI"
    # a second mark after "à" (a typo) would land on "a" and break NFC: left alone
    assert canonical_tones("hoà\u0323") == "hoà\u0323"


def test_normalize_nfd_maps_back_to_original():
    original = unicodedata.normalize("NFD", "Trần Thanh Liêm")
    norm = normalize(original)
    assert norm.text == "Trần Thanh Liêm"
    start = norm.text.index("Liêm")
    assert unicodedata.normalize("NFC", original_of(original, start, start + 4)) == "Liêm"


def test_normalize_drops_zero_width_and_plain_spaces():
    norm = normalize("Bình\u200b Dương\u00a0mới\u00ad\ufeff")
    assert norm.text == "Bình Dương mới"
    assert original_of("Bình\u200b Dương\u00a0mới\u00ad\ufeff", 0, 4) == "Bình"
    # a dropped character at the end of a span stays outside it
    assert original_of("Bình\u200b Dương\u00a0mới\u00ad\ufeff", 11, 14) == "mới"


def test_normalize_line_breaks_and_controls():
    assert normalize("một\r\nhai\rba\u2028bốn\x0cnăm").text == "một\nhai\nba\nbốn\nnăm"
    assert normalize("a\tb\x00c\x1fd").text == "a bc d"
    assert normalize("Ủy  ban\t nhân\u00a0 dân &nbsp; tỉnh").text == "Ủy ban nhân dân tỉnh"
    assert original_of("Ủy  ban\t nhân", 2, 3) == "  "
    assert original_of("một\r\nhai", 3, 4) == "\r\n"


def test_normalize_html_entities_keep_exact_offsets():
    original = "Giá&nbsp;5&nbsp;triệu &amp; &quot;hoà giải&quot; &#8220;Uỷ ban&#x201D;"
    norm = normalize(original)
    assert norm.text == 'Giá 5 triệu & "hòa giải" “Ủy ban”'
    start = norm.text.index("5 triệu")
    assert original_of(original, start, start + len("5 triệu")) == "5&nbsp;triệu"
    start = norm.text.index("“Ủy ban”")
    assert original_of(original, start, start + len("“Ủy ban”")) == "&#8220;Uỷ ban&#x201D;"


def test_normalize_leaves_non_entities_and_decodes_once():
    assert normalize("AT&T, R&D, &foo; và &amp;nbsp;").text == "AT&T, R&D, &foo; và &nbsp;"


def test_normalize_entity_decoding_to_a_mark_joins_its_letter():
    original = "ca&#769; tra&#x300;"  # "cá trà" with the tones written as entities
    assert normalize(original).text == "cá trà"
    assert original_of(original, 0, 2) == "ca&#769;"


def test_normalize_eth_is_read_as_d_with_stroke():
    assert normalize("Ðà Nẵng, ðường").text == "Đà Nẵng, đường"


def test_normalize_lone_surrogate_becomes_replacement_character():
    assert normalize("a\udcffb").text == "a\ufffdb"


def test_normalize_hangul_jamo_compose_like_nfc():
    original = "\u1100\u1161\u11a8 x"
    assert normalize(original).text == unicodedata.normalize("NFC", original) == "각 x"
    assert original_of(original, 0, 1) == "\u1100\u1161\u11a8"


def test_normalize_is_nfc_and_clean_on_every_code_point():
    # Every code point once, after a letter (so marks have something to join): the result
    # must be NFC and hold no whitespace but " " and "\n", no controls, no format characters.
    original = "".join("a" + chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    text = normalize(original).text
    assert unicodedata.is_normalized("NFC", text)
    assert not regex.search(r"[\p{Cc}\p{Cf}\p{Cs}ðÐ--\n]", text, flags=regex.V1)
    assert {c for c in text if c.isspace()} == {" ", "\n"}


def test_to_original_refuses_empty_and_out_of_range_spans():
    norm = normalize("Hà Nội")
    for start, end in [(2, 2), (3, 1), (-1, 2), (0, 7)]:
        with pytest.raises(AlignmentError):
            norm.to_original(start, end)


def test_tokens_are_substrings_of_the_normalised_text():
    text = Text.from_string("Ông  Trần Thanh Liêm, Uỷ viên Thường vụ Tỉnh ủy.\nDòng thứ hai")
    assert [s.text for s in text.sentences] == [
        "Ông Trần Thanh Liêm, Ủy viên Thường vụ Tỉnh ủy.",
        "Dòng thứ hai",
    ]
    for token in text.tokens:
        assert text.normalized[token.start : token.end] == token.text
    assert "Trần Thanh Liêm" in [t.text for t in text.tokens]


def test_to_original_on_nfd_input():
    original = unicodedata.normalize("NFD", "Uỷ ban nhân dân tỉnh Bình Dương")
    text = Text.from_string(original)
    start = text.normalized.index("Bình Dương")
    a, b = text.to_original(start, start + len("Bình Dương"))
    assert unicodedata.normalize("NFC", original[a:b]) == "Bình Dương"


def test_eth_text_gets_the_same_words_as_d_with_stroke():
    assert [t.text for t in Text.from_string("Ðà Nẵng").tokens] == ["Đà Nẵng"]


def test_align_tokens_raises_on_a_token_not_in_the_text():
    with pytest.raises(AlignmentError):
        _align_tokens("Hà Nội", ["Hà", "Nọi"], 0, 6)
    with pytest.raises(AlignmentError):
        _align_tokens("Hà Nội xa", ["Hà Nội"], 0, 9)  # "xa" left untokenized


def test_long_runs_are_tokenized_without_underthesea(monkeypatch):
    from vnextract.text import underthesea as _underthesea

    seen: list[str] = []
    real = _underthesea.word_tokenize
    monkeypatch.setattr(_underthesea, "word_tokenize", lambda s: seen.append(s) or real(s))
    run = "a." * LONG_RUN
    text = Text.from_string(f"Xem {run} ở Hà Nội. Hết")
    assert all(run not in s for s in seen)
    assert [s.text for s in text.sentences] == [f"Xem {run} ở Hà Nội.", "Hết"]
    words = [t.text for t in text.tokens]
    assert words[:3] == ["Xem", "a", "."] and "Hà Nội" in words
    for token in text.tokens:
        assert text.normalized[token.start : token.end] == token.text


def test_sentence_without_punctuation_is_tokenized_in_chunks():
    line = "người dân " * 1200  # 12,000 characters, no sentence end
    text = Text.from_string(line)
    assert len(text.sentences) == 1
    words = [t.text for t in text.tokens]
    # every syllable is covered once; only a word at a chunk cut (every ~5,000 chars) may split
    assert " ".join(words) == line.strip()
    assert words.count("người dân") >= 1200 - 3


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        # a form's field glued to the editor's name; a weekday glued to a club (lost line breaks)
        ("Gửi tới: Ban Biên tậpTiêu đề: Góp ý", "Gửi tới: Ban Biên tập Tiêu đề: Góp ý"),
        ("Chủ nhậtAlbacete - Murcia", "Chủ nhật Albacete - Murcia"),
        # a league table's rank glued to the club; a score glued to the next fixture
        ("2Đà Nẵng 22 10 84 38 3Deportivo 25", "2 Đà Nẵng 22 10 84 38 3 Deportivo 25"),
        ("Sevilla - Sociedad: 1-0Valencia", "Sevilla - Sociedad: 1-0 Valencia"),
        # left alone: Latin inner capitals, codes, units, a capital of one letter
        ("DisplayPort, McArthur, VinFast", "DisplayPort, McArthur, VinFast"),
        ("U23Việt Nam, A4Tech, 3Ghz, 2Mbps, 5Kg, 3Ha", "U23Việt Nam, A4Tech, 3Ghz, 2Mbps, 5Kg, 3Ha"),
        ("ngườI", "ngườI"),
    ],
)
def test_normalize_parts_glued_words(original: str, expected: str) -> None:
    norm = normalize(original)
    assert norm.text == expected
    # every character maps back to a non-empty stretch; a word keeps its own offsets
    for i in range(len(norm.text)):
        a, b = norm.to_original(i, i + 1)
        assert a < b
    for word in regex.findall(r"\p{Lu}\p{L}+", expected):
        start = norm.text.index(word)
        a, b = norm.to_original(start, start + len(word))
        assert original[a:b] == word
