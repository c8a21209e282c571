"""Helpers shared by the robustness and property tests (no tests here).

``check_offsets`` walks every record of a Document, nested ones included (a fine's money and
violations, a person's titles and mentions), and asserts the offset contract;
``values`` is what a Document says with the offsets left out, so texts that differ only in
spelling of the same characters (NFC/NFD, entities, zero-width characters) can be compared.
"""

from __future__ import annotations

import json
import logging
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import regex
from hypothesis import strategies as st

from vnextract.records import Document, Person, Span


class WarningCollector(logging.Handler):
    """Keeps vnextract's warnings: the token alignment's fallback logs one, and the property
    tests and the fuzz script count any as a failure."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())

ROOT = Path(__file__).resolve().parent.parent
#: Real news, read at test time (never copied into the project).
NEWS = ROOT.parent / "shared" / "news" / "articles.jsonl"

DOCUMENT_FIELDS = (
    "sentences", "persons", "organizations", "locations", "dates", "durations", "counts",
    "percentages", "money", "fines", "abbreviations", "quantities",
)  # fmt: skip


def load_articles() -> list[str] | None:
    """The texts of ../shared/news/articles.jsonl, or None when the file is not there."""
    if not NEWS.is_file():
        return None
    with NEWS.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines if line.strip()]


ARTICLES = load_articles()

# ----------------------------------------------------------------------------- strategies

VI_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
VI_ALPHABET = VI_LETTERS + VI_LETTERS.upper() + "0123456789 .,;:-/%()\"'\n"

# Pieces recognisers react to, and pieces that break naive code.
FRAGMENTS = [
    # numbers, money, counts, percentages, durations
    "504", "1.200", "1,5", "8.700", "0,5", "3.000.000", "1.000.000.000", "12,345.67", "2-3",
    " triệu", " tỷ", " nghìn", " ngàn", " đồng", " USD", " VNĐ", " %", " phần trăm", " điểm phần trăm",
    " trường hợp", " hộ dân", " người", " năm", " tháng", " ngày", " giờ", " phút", " ha", " km",
    "hơn ", "khoảng ", "gần ", "trên ", "dưới ", "ít nhất ", "tối đa ", "từ ", " đến ", " - ",
    "phạt ", "xử phạt ", "vi phạm ", "tù ", "triệu tư", "mười lăm", "hai mươi",
    # dates
    "24/08/2015", "07:38", "14h30", "1/10", "quý II/2024", "năm 2020", "giai đoạn 2011-2015",
    "sáng nay", "hôm qua", "tháng 9", "đầu năm", "cuối tháng",
    # persons, titles, organisations, places
    "ông ", "bà ", "anh ", "chị ", "Nguyễn Văn ", "Trần Thanh Liêm", "Lai Xuân Thành", "Lê Duy Minh",
    "Chủ tịch ", "Phó Chủ tịch Thường trực ", "Giám đốc ", "Cục trưởng ", "Bộ trưởng ", "nguyên ",
    "UBND tỉnh ", "Ủy ban nhân dân ", "Sở TTTT", "Bộ Y tế", "Cục Thuế", "TP.HCM", "TPHCM", "Hà Nội",
    "Bình Dương", "Đà Nẵng", "huyện ", "xã ", "Trung Quốc", "(", ")", "Thông tin và Truyền thông (TTTT)",
    # punctuation and layout
    ". ", ", ", "; ", ": ", "\n", "\n\n", " ", "  ", "...", "!", "?", "“", "”", "\"", "–", "&",
    # what scrapers and old editors leave
    "&nbsp;", "&amp;", "&quot;", "&#8220;", "&#x1EA1;", "&#769;", "&lt;", "&foo;", "&#0;", "&#55296;",
    "\u00a0", "\u200b", "\u200d", "\ufeff", "\u00ad", "\r\n", "\r", "\t", "\x00", "\x0c", "\u2028",
    "\u0301", "\u0323\u0302", "hoà", "Uỷ", "thuỷ", "khoẻ", "Ð", "ð", "😀", "👨‍👩‍👧", "Москва", "北京",
    "a." * 60, "1" * 40, "x" * 120,
]  # fmt: skip

fragment_texts = st.lists(
    st.one_of(
        st.sampled_from(FRAGMENTS),
        st.text(alphabet=VI_ALPHABET, max_size=12),
        st.text(max_size=3),
    ),
    max_size=40,
).map("".join)



@st.composite
def news_cuts(draw: st.DrawFn, max_length: int = 400) -> str:
    """A random stretch (up to ``max_length`` characters) of a real article, cut anywhere."""
    if ARTICLES is None:  # the tests using this skip first
        return ""
    article = draw(st.sampled_from(ARTICLES))
    start = draw(st.integers(0, max(0, len(article) - 1)))
    length = draw(st.integers(0, max_length))
    return article[start : start + length]


def old_style(text: str) -> str:
    """Canonical tone placement back to the old style: "hòa" → "hoà", "Ủy" → "Uỷ"."""
    tone = "([\u0300\u0301\u0309\u0303\u0323])"
    moved = unicodedata.normalize("NFD", text)
    for pair in (f"([oO]){tone}([aAeE])", f"([uU]){tone}([yY])"):
        moved = regex.sub(rf"(?<![qQ]){pair}(?![\p{{L}}\p{{M}}])", r"\1\3\2", moved)
    return unicodedata.normalize("NFC", moved)



# ----------------------------------------------------------------------------- checks


def iter_spans(value: Any, path: str = "") -> Iterator[tuple[str, Span]]:
    """Every Span inside ``value`` (a record, a tuple of them), with a readable path."""
    if isinstance(value, Span):
        yield path, value
        for field in attrs.fields(type(value)):
            inner = getattr(value, field.name)
            if isinstance(inner, (Span, tuple)):
                yield from iter_spans(inner, f"{path}.{field.name}")
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from iter_spans(item, f"{path}[{i}]")


def check_offsets(doc: Document, original: str) -> None:
    """``original[start:end] == text`` for every record and nested record; mentions in range."""
    assert doc.text == original
    for key in DOCUMENT_FIELDS:
        for path, span in iter_spans(getattr(doc, key), key):
            assert 0 <= span.start < span.end <= len(original), (path, span)
            assert original[span.start : span.end] == span.text, (path, span)
            if isinstance(span, Person):
                for start, end in span.mentions:
                    assert 0 <= start < end <= len(original), (path, span.mentions)


def _value(value: Any, original: str, surface: bool) -> Any:
    if isinstance(value, Span):
        fields: dict[str, Any] = {"kind": type(value).__name__}
        if surface:
            fields["text"] = unicodedata.normalize("NFC", value.text)
        for field in attrs.fields(type(value)):
            if field.name in ("text", "start", "end"):
                continue
            inner = getattr(value, field.name)
            if isinstance(value, Person) and field.name == "mentions":
                if surface:
                    fields["mentions"] = [unicodedata.normalize("NFC", original[s:e]) for s, e in inner]
                else:
                    fields["mentions"] = len(inner)
            else:
                fields[field.name] = _value(inner, original, surface)
        return fields
    if isinstance(value, tuple):
        return [_value(item, original, surface) for item in value]
    return value


def values(doc: Document, *, surface: bool = True) -> dict[str, Any]:
    """What ``doc`` found, without offsets; surface texts in NFC (left out if not ``surface``)."""
    out = {key: _value(getattr(doc, key), doc.text, surface) for key in DOCUMENT_FIELDS if key != "sentences"}
    out["published"] = doc.published
    return out


def record_count(doc: Document) -> int:
    """How many top-level records ``doc`` holds (sentences not counted)."""
    return sum(len(getattr(doc, key)) for key in DOCUMENT_FIELDS if key != "sentences")
