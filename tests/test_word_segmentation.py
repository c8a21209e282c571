"""vnextract's word segmentation gives underthesea's words (same model, computed faster).

Each case is checked against underthesea's own ``word_tokenize`` in the same run, and the
expected words of a few are written out, so a change on either side shows up.
"""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest
import underthesea
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from underthesea.pipeline.text_normalize.character_normalize import normalize_characters_in_text
from underthesea.pipeline.word_tokenize import regex_tokenize

from vnextract.text import syllable_tokenizer as syllables
from vnextract.text import underthesea as _underthesea
from vnextract.text import word_segmenter
from vnextract.text.crfsuite_model import ModelFormatError, read_crfsuite

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
UNDERTHESEA = Path(underthesea.__file__).parent
MODEL_DIR = UNDERTHESEA / "pipeline" / "word_tokenize" / "models" / "ws_crf_vlsp2013_20230727"

# Sentences written for this test: names, titles, numbers, dates, URLs, abbreviations, marks,
# and the shapes underthesea's tokenizer treats specially (v.v., TP., H'Mông, 43H-0530 …).
SENTENCES = [
    "Chủ tịch UBND tỉnh Bình Dương Trần Thanh Liêm đã ký quyết định khen thưởng 13 tập thể.",
    "Ông Nguyễn Văn A (SN 1975, trú tại phường 7, quận 12, TP.HCM) bị phạt hơn 504 triệu đồng.",
    "Ngày 20/11/2021, Bộ Y tế ghi nhận 10.223 ca mắc mới, tăng 2,5% so với hôm qua.",
    "Xem chi tiết tại https://vnexpress.net/thoi-su hoặc gửi thư tới ban.bien.tap@gmail.com nhé.",
    "Các dân tộc Tày, Nùng, H'Mông, v.v. sống ở xã N’Thôn Hạ; xe 43H-0530 bị tạm giữ.",
    "Theo NĐ-CP, T.Ư và Th.S Lê Văn B --> kết luận: 3x4 = 12 ... ʺđúngʺ :D",
    "Tổng thống Donald Trump gặp người đồng nhiệm Nga Vladimir Putin tại Helsinki.",
    "HÀ NỘI - SÁNG NAY, TRỜI MƯA TO",
    "a",
    "1",
    "Ashutosh Lobo Gajiwala vào vai Salim thời niên thiếu trong bộ phim Triệu phú ổ chuột.",
]


def reference_sentences() -> list[str]:
    """The sentences of the reference article (fixtures/reference_article.txt)."""
    text = (FIXTURES / "reference_article.txt").read_text(encoding="utf-8")
    return [s for line in text.split("\n") if line.strip() for s in underthesea.sent_tokenize(line)]


@pytest.mark.parametrize("sentence", SENTENCES + reference_sentences())
def test_words_equal_underthesea(sentence: str) -> None:
    assert _underthesea.word_tokenize(sentence) == underthesea.word_tokenize(
        sentence, use_token_normalize=False
    )


@pytest.mark.parametrize("sentence", SENTENCES)
def test_syllables_equal_underthesea(sentence: str) -> None:
    patterns = regex_tokenize.patterns
    assert syllables.tokenize(sentence, patterns, normalize_characters_in_text) == regex_tokenize.tokenize(
        sentence, use_token_normalize=False
    )


def test_expected_words() -> None:
    assert _underthesea.word_tokenize(SENTENCES[0]) == [
        "Chủ tịch", "UBND", "tỉnh", "Bình Dương", "Trần Thanh Liêm", "đã", "ký", "quyết định",
        "khen thưởng", "13", "tập thể", ".",
    ]  # fmt: skip
    assert _underthesea.word_tokenize("Xem https://vnexpress.net/thoi-su ngay") == [
        "Xem", "https://vnexpress.net/thoi-su", "ngay",
    ]  # fmt: skip


def test_the_fast_segmenter_is_in_use() -> None:
    _underthesea._warm()
    assert isinstance(_underthesea._segmenter, word_segmenter.WordSegmenter)


def test_a_full_cache_takes_no_more_and_words_stay_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    segmenter = word_segmenter.load(MODEL_DIR)
    assert segmenter is not None
    monkeypatch.setattr(word_segmenter, "_CACHE_LIMIT", {1: 5, 2: 5, 3: 5})
    sentence = SENTENCES[1]
    tokens = regex_tokenize.tokenize(sentence, use_token_normalize=False)
    first = segmenter.tag(tokens)
    assert [len(cache) for cache in segmenter._cache.values()] == [5, 5, 5]
    kept = {n: dict(cache) for n, cache in segmenter._cache.items()}
    assert segmenter.tag(tokens) == first
    assert segmenter._cache == kept  # the first windows stay, nothing else comes in
    expected = underthesea.word_tokenize(sentence, use_token_normalize=False)
    assert word_segmenter.words(tokens, first) == expected


def test_other_templates_fall_back_to_underthesea(tmp_path: Path) -> None:
    for name in ("models.bin", "dictionary.bin"):
        shutil.copy(MODEL_DIR / name, tmp_path / name)
    with open(tmp_path / "features.bin", "wb") as f:
        pickle.dump(["T[0]", "T[1]"], f)
    assert word_segmenter.load(tmp_path) is None


def test_missing_model_falls_back(tmp_path: Path) -> None:
    assert word_segmenter.load(tmp_path) is None


# Sentences whose two best taggings score exactly the same: a repeated name across a line break
# (as underthesea's sentence splitter hands it over) and tokens the model knows nothing about.
TIES = [
    "Ashutosh Lobo Gajiwala\nAshutosh Lobo Gajiwala vào vai Salim thời niên thiếu.",
    "BH=Ạr<Ề1=_-ạ_Đ;'qậ2ưậỜằàỡẳ lAn2 3-!Ềẳạ)TaẦ?Hờ(ờab@'73Ô 1o",
    '_ ưẠ+dƯá3 Â>  Tôê$T68cẳ=ʺẾTỡẦʺ7l=t m4kkÔ$a_2=6 t°ỜTợÁưăỀ°ƯÀ+màÔậở oẵ;4,"ơƯ_À$ợ9',
]


@pytest.mark.parametrize("sentence", TIES)
def test_ties_are_broken_as_underthesea_breaks_them(sentence: str) -> None:
    segmenter = word_segmenter.load(MODEL_DIR)
    assert segmenter is not None
    tokens = regex_tokenize.tokenize(sentence, use_token_normalize=False)
    exact = segmenter._exact_tags
    calls: list[list[str]] = []
    segmenter._exact_tags = lambda tokens: calls.append(tokens) or exact(tokens)  # type: ignore[method-assign]
    expected = underthesea.word_tokenize(sentence, use_token_normalize=False)
    assert word_segmenter.words(tokens, segmenter.tag(tokens)) == expected
    assert calls == [tokens]  # the fast path saw the tie and handed the sentence over


def test_the_exact_path_is_underthesea_on_every_sentence() -> None:
    # The slow path for ties, run on ordinary sentences too: underthesea's tags every time.
    segmenter = word_segmenter.load(MODEL_DIR)
    assert segmenter is not None
    for sentence in SENTENCES + TIES + reference_sentences()[:20]:
        tokens = regex_tokenize.tokenize(sentence, use_token_normalize=False)
        expected = underthesea.word_tokenize(sentence, use_token_normalize=False)
        assert word_segmenter.words(tokens, segmenter._exact_tags(tokens)) == expected


def test_no_tie_no_exact_path(monkeypatch: pytest.MonkeyPatch) -> None:
    segmenter = word_segmenter.load(MODEL_DIR)
    assert segmenter is not None
    calls: list[list[str]] = []
    monkeypatch.setattr(segmenter, "_exact_tags", lambda tokens: calls.append(tokens) or [])
    for sentence in SENTENCES[:8]:
        segmenter.tag(regex_tokenize.tokenize(sentence, use_token_normalize=False))
    assert calls == []
    segmenter.tag(regex_tokenize.tokenize(TIES[0], use_token_normalize=False))
    assert len(calls) == 1


def test_model_reader_rejects_other_files() -> None:
    with pytest.raises(ModelFormatError):
        read_crfsuite(b"")
    with pytest.raises(ModelFormatError):
        read_crfsuite(b"PK\x03\x04" + bytes(60))


def test_model_reader_reads_the_word_model() -> None:
    model = read_crfsuite((MODEL_DIR / "models.bin").read_bytes())
    assert model.labels == ("B-W", "I-W")
    assert len(model.state) == 50_671
    # "Bình Dương" is one word: the pair's attribute favours I-W on its second syllable.
    begin, inside = model.state["T[-1,0].lower=bình dương"]
    assert inside > begin


def test_token_offsets_from_the_tokenizer_equal_aligned_words(monkeypatch: pytest.MonkeyPatch) -> None:
    from vnextract.text import Text

    text = (FIXTURES / "reference_article.txt").read_text(encoding="utf-8") + "\n" + "\n".join(SENTENCES)
    direct = Text.from_string(text).tokens
    monkeypatch.setattr(_underthesea, "word_spans", lambda sentence: None)
    aligned = Text.from_string(text).tokens
    assert direct == aligned
    assert ("Trần Thanh Liêm" in [t.text for t in direct]) and len(direct) > 500


def test_word_spans_defers_when_underthesea_would_respell() -> None:
    # underthesea respells eth "ð" as "đ" (and NFC-normalises); then its words are not
    # substrings of the sentence and the caller aligns underthesea's words instead. (Our own
    # normalisation respells "ð" first, so extract() never takes this way.)
    sentence = "Ông A đến Hà Nội."
    assert _underthesea.word_spans(sentence) == [(0, 3), (4, 5), (6, 9), (10, 16), (16, 17)]
    assert _underthesea.word_spans("Ông A ðến Hà Nội.") is None
    assert _underthesea.word_tokenize("Ông A ðến Hà Nội.") == ["Ông", "A", "đến", "Hà Nội", "."]


# Text drawn from what news is made of: Vietnamese letters of both cases, digits, marks that
# underthesea's tokenizer treats specially, and spaces.
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯBHNTàáảãạằắẳẵặầấẩẫậÀÁẢÃẠẦẤỀẾờớởỡợỜỚ0123456789"
_MARKS = ".,:;!?-–/()'’\"&@%$°+=<>ʺ_"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=_ALPHABET + _MARKS + "   ", min_size=1, max_size=120))
def test_random_text_gives_underthesea_words(sentence: str) -> None:
    try:
        expected = underthesea.word_tokenize(sentence, use_token_normalize=False)
    except BaseException:  # underthesea's own failures (a Rust panic) are not ours to match
        assume(False)
    assert _underthesea.word_tokenize(sentence) == expected
