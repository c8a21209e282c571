import unicodedata

from vnextract.text import Text, canonical_tones, normalize


def test_canonical_tones_moves_old_style_marks():
    assert canonical_tones("Uỷ ban hoà bình, thuỷ lợi, khoẻ") == "Ủy ban hòa bình, thủy lợi, khỏe"


def test_canonical_tones_leaves_qu_and_closed_syllables():
    assert canonical_tones("quý khách hoàn thành QUÝ") == "quý khách hoàn thành QUÝ"


def test_normalize_nfd_maps_back_to_original():
    original = unicodedata.normalize("NFD", "Trần Thanh Liêm")
    norm = normalize(original)
    assert norm.text == "Trần Thanh Liêm"
    assert norm.starts is not None and norm.ends is not None
    # "Liêm" in the normalised text maps to the NFD letters of "Liêm" in the original
    start = norm.text.index("Liêm")
    span = original[norm.starts[start] : norm.ends[start + 3]]
    assert unicodedata.normalize("NFC", span) == "Liêm"


def test_normalize_drops_zero_width_and_plain_spaces():
    norm = normalize("Bình\u200b Dương\u00a0mới")
    assert norm.text == "Bình Dương mới"


def test_tokens_are_substrings_of_the_normalised_text():
    text = Text.from_string("Ông  Trần Thanh Liêm, Uỷ viên Thường vụ Tỉnh ủy.\nDòng thứ hai")
    assert [s.text for s in text.sentences] == [
        "Ông  Trần Thanh Liêm, Ủy viên Thường vụ Tỉnh ủy.",
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
