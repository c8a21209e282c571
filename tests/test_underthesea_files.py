"""underthesea's sentence splitter, syllable pattern and character map, read from its files
without importing the package (vnextract.text.underthesea_files), are the package's own."""

from __future__ import annotations

from pathlib import Path

import pytest
import underthesea
from underthesea.pipeline.text_normalize.character_normalize import normalize_characters_in_text
from underthesea.pipeline.word_tokenize import regex_tokenize

from vnextract.text import underthesea as _underthesea
from vnextract.text import underthesea_files

REFERENCE = Path(__file__).resolve().parent.parent / "fixtures" / "reference_article.txt"
# Written for this test: abbreviations that end no sentence, quotes, marks, non-standard letters
# ("Ð" U+00D0 for "Đ", full-width "Ａ"), and a decomposed tone mark.
SAMPLES = [
    "TP.HCM có 22 quận. Ông Nguyễn Văn A nói: \"Tôi đồng ý.\" Sau đó ông về Q.1 lúc 9h.",
    "Ðà Nẵng ｘｉｎ chào ＡＢＣ! Hòa hay hoà? Thuỵ Điển… v.v. Mr. Smith đến. Tp. Huế đẹp.",
    "Giá vàng tăng 2,5%; USD giảm.Hôm nay (20.8) trời mưa",
    "Tie\u0301u đề",
]


@pytest.fixture(scope="module")
def pieces() -> underthesea_files.Pieces:
    loaded = underthesea_files.load()
    assert loaded is not None, "the installed underthesea's files no longer read as expected"
    return loaded


def test_the_package_folder_is_the_imported_one() -> None:
    assert underthesea_files.package_root() == Path(underthesea.__file__).parent


def test_the_pattern_is_underthesea_s(pieces: underthesea_files.Pieces) -> None:
    assert pieces.pattern == regex_tokenize.regex_patterns_combine


@pytest.mark.parametrize("text", SAMPLES)
def test_characters_are_normalised_as_underthesea_does(pieces: underthesea_files.Pieces, text: str) -> None:
    assert pieces.normalize(text) == normalize_characters_in_text(text)


def test_the_character_map_changes_something(pieces: underthesea_files.Pieces) -> None:
    assert pieces.normalize("Ðà Nẵng") == "Đà Nẵng"  # "Ð" (eth) read as "Đ"


@pytest.mark.parametrize("text", [*SAMPLES, *REFERENCE.read_text(encoding="utf-8").split("\n")])
def test_sentences_are_underthesea_s(pieces: underthesea_files.Pieces, text: str) -> None:
    assert pieces.sent_tokenize(text) == underthesea.sent_tokenize(text)


def test_files_of_another_release_fall_back_to_importing_underthesea(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(underthesea_files, "package_root", lambda: Path("/nonexistent"))
    assert underthesea_files.load() is None
    monkeypatch.setattr(_underthesea, "_warmed", False)
    monkeypatch.setattr(underthesea_files, "load", lambda: None)
    _underthesea._warm()
    assert _underthesea._sent_tokenize == underthesea.sent_tokenize
    words = _underthesea.word_tokenize("Chủ tịch UBND tỉnh Bình Dương")
    assert words == ["Chủ tịch", "UBND", "tỉnh", "Bình Dương"]
