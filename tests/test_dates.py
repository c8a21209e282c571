"""Dates: the example corpus (fixtures/dates/examples.jsonl), the negative corpus, the reference
article, the dateline and the lunar calendar.

Every example gives the whole text and the exact records expected (span text, iso, and where
given granularity, earliest, latest, part). Relative examples carry their own fixed
reference date; no test reads today's date.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vnextract.recognizers import dates
from vnextract.recognizers.date_lunar import lunar_to_solar, sexagenary_years
from vnextract.records import DateMention
from vnextract.text import Text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "dates"


def _load(name: str) -> list[dict[str, Any]]:
    with (FIXTURES / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


EXAMPLES = _load("examples.jsonl")
NEGATIVES = _load("negative.jsonl")


def _id(entry: dict[str, Any]) -> str:
    return f"{entry['group']}:{entry['text'][:60]}"


def _value(value: object) -> object:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def _found(text: str, reference: str | None) -> list[DateMention]:
    ref = dt.date.fromisoformat(reference) if reference else None
    return list(dates.mentions(text, ref))


@pytest.mark.parametrize("entry", EXAMPLES, ids=[_id(e) for e in EXAMPLES])
def test_example_corpus(entry: dict[str, Any]) -> None:
    found = _found(entry["text"], entry["reference_date"])
    for record in found:
        assert entry["text"][record.start : record.end] == record.text
    assert [(r.text, r.iso) for r in found] == [(e["text"], e["iso"]) for e in entry["expected"]]
    for record, expected in zip(found, entry["expected"], strict=True):
        for field in ("granularity", "earliest", "latest", "part"):
            if field in expected:
                # earliest/latest compare as ISO strings; a datetime's starts with its date
                got = _value(getattr(record, field))
                want = expected[field]
                if field in ("earliest", "latest") and isinstance(got, str) and want is not None:
                    got = got[: len(want)]
                assert got == want, field


@pytest.mark.parametrize("entry", NEGATIVES, ids=[_id(e) for e in NEGATIVES])
def test_negative_corpus(entry: dict[str, Any]) -> None:
    assert [(r.text, r.iso) for r in _found(entry["text"], "2021-06-15")] == []


def test_corpus_sizes() -> None:
    assert len(EXAMPLES) >= 150
    assert len(NEGATIVES) >= 30


def test_every_resolved_mention_has_granularity_and_bounds() -> None:
    for entry in EXAMPLES:
        for record in _found(entry["text"], entry["reference_date"]):
            assert record.granularity is not None
            # yearless ("--09-02") and BC ("-0062") values have no bounds: Python's dates start at 1 AD
            if record.iso is not None and not record.iso.startswith("-"):
                assert record.earliest is not None and record.latest is not None, record
                assert record.earliest <= record.latest


def test_reference_article(reference_article: str) -> None:
    text = Text.from_string(reference_article)
    found = [r for r in dates.recognize(text) if isinstance(r, DateMention)]
    assert [(r.text, r.iso) for r in found] == [
        ("24/08/2015 - 07:38", "2015-08-24T07:38"),
        ("giai đoạn 2011-2015", "2011/2015"),
        ("năm 2020", "2020"),
        ("giai đoạn 2011-2015", "2011/2015"),
    ]
    assert dates.published(text) == dt.datetime(2015, 8, 24, 7, 38)
    for r in found:
        assert text.normalized[r.start : r.end] == r.text
    assert not any("80%" in r.text or "5 năm qua" in r.text for r in found)


def test_dateline_is_the_default_reference_date() -> None:
    text = Text.from_string("Tin nhanh\n\nThứ Hai, 24/8/2015 07:38 (GMT+7)\n\nHôm qua, hội nghị khai mạc.")
    assert dates.published(text) == dt.datetime(2015, 8, 24, 7, 38)
    found = {r.text: r.iso for r in dates.recognize(text) if isinstance(r, DateMention)}
    assert found["Hôm qua"] == "2015-08-23"


def test_caller_reference_date_wins_over_the_dateline() -> None:
    text = Text.from_string(
        "24/08/2015 - 07:38\nHôm qua, hội nghị khai mạc.", reference_date=dt.date(2021, 6, 15)
    )
    found = {r.text: r.iso for r in dates.recognize(text) if isinstance(r, DateMention)}
    assert found["Hôm qua"] == "2021-06-14"


def test_no_dateline_in_the_middle_of_a_sentence() -> None:
    assert dates.published(Text.from_string("Ngày 24/8/2015, Sở TTTT tổ chức hội nghị tổng kết.")) is None
    assert dates.published(Text.from_string("Hội nghị tổng kết năm 2015.")) is None


@pytest.mark.parametrize(
    ("lunar", "solar"),
    [
        ((1, 1, 2021), dt.date(2021, 2, 12)),  # Tết Tân Sửu
        ((1, 1, 2020), dt.date(2020, 1, 25)),  # Tết Canh Tý
        ((1, 1, 1985), dt.date(1985, 1, 21)),  # Vietnam (UTC+7) kept Tết a month before China that year
        ((15, 8, 2023), dt.date(2023, 9, 29)),  # Tết Trung thu
        ((3, 3, 2021), dt.date(2021, 4, 14)),
    ],
)
def test_lunar_to_solar(lunar: tuple[int, int, int], solar: dt.date) -> None:
    assert lunar_to_solar(*lunar) == solar


def test_lunar_rejects_impossible_dates() -> None:
    assert lunar_to_solar(31, 1, 2021) is None
    assert lunar_to_solar(1, 13, 2021) is None
    assert sexagenary_years(0, 1) is None  # Giáp never pairs with Sửu
    assert 2021 in (sexagenary_years(7, 1) or ())  # Tân Sửu


def test_every_keyword_starts_with_a_first_char_of_the_scan() -> None:
    from vnextract.recognizers import date_grammar as grammar

    words = [
        *grammar.MONTH_WORDS,
        *grammar.WEEKDAYS,
        *grammar.NUMBER_WORDS,
        *grammar.PARTS_OF_DAY,
        *grammar.RELATIVE,
        "ngày",
        "mồng",
        "mùng",
        "tháng",
        "quý",
        "năm học",
        "niên khóa",
        "giai đoạn",
        "thời kỳ",
        "nhiệm kỳ",
        "mùa giải",
        "thập niên",
        "những năm",
        "đầu",
        "giữa",
        "cuối",
        "hạ tuần",
        "trung tuần",
        "thượng tuần",
        "nửa",
        "tết",
        "cách đây",
        "nay",
        "gmt",
        "utc",
        "(",
    ]
    assert all(w[0].lower() in grammar.ATOM_FIRST_CHARS for w in words)


_PIECES = [
    "ngày",
    "mùng",
    "tháng",
    "năm",
    "quý",
    "II",
    "giai đoạn",
    "từ",
    "đến",
    "và",
    "-",
    "/",
    ".",
    ",",
    " ",
    "(",
    ")",
    "0",
    "00",
    "1",
    "9",
    "12",
    "13",
    "29",
    "30",
    "31",
    "99",
    "2000",
    "0000",
    "9999",
    "1899",
    "2021",
    "h",
    "giờ",
    "phút",
    ":",
    "sáng",
    "tối",
    "nay",
    "qua",
    "hôm",
    "tuần",
    "trước",
    "tới",
    "thứ",
    "hai",
    "sáu",
    "Tân",
    "Sửu",
    "Tết",
    "Nguyên đán",
    "cách đây",
    "đầu",
    "cuối",
    "GMT+7",
    "\n",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(_PIECES), max_size=25).map("".join),
    st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))),
)
def test_any_text_gives_well_formed_mentions(text: str, reference: dt.date | None) -> None:
    for record in dates.mentions(text, reference):
        assert text[record.start : record.end] == record.text
        if record.earliest is not None and record.latest is not None:
            assert record.earliest <= record.latest


def test_reference_article_through_extract(reference_article: str) -> None:
    import vnextract

    doc = vnextract.extract(reference_article)
    assert [(d.text, d.iso) for d in doc.dates] == [
        ("24/08/2015 - 07:38", "2015-08-24T07:38"),
        ("giai đoạn 2011-2015", "2011/2015"),
        ("năm 2020", "2020"),
        ("giai đoạn 2011-2015", "2011/2015"),
    ]
    assert doc.published == dt.datetime(2015, 8, 24, 7, 38)
    for d in doc.dates:
        assert reference_article[d.start : d.end] == d.text


# ----------------------------------------------------------------------------- the anchored scan

_SCAN_PIECES = [
    *_PIECES,
    *("Ngày", "THÁNG", "İ", "ſáng", "nayy", "khai", "_", "x", "𝟐", "٣", "/", "ĐẦU", "vào", "rơi"),
    *("Chủ nhật", "thứ Bảy", "Nguyên đán", "- ", "chiều", "những", "thời", "kỳ", "một", "đây", "–"),
]


def _same_scan(text: str) -> None:
    from vnextract.recognizers import date_grammar as grammar

    plain = [(m.span(), m.lastgroup) for m in grammar.ATOM_RE.finditer(text)]
    assert [(m.span(), m.lastgroup) for m in grammar.atom_matches(text)] == plain


def test_anchored_scan_equals_the_plain_scan_on_the_corpora(reference_article: str) -> None:
    """atom_matches (anchors first, the atom regex only there) finds what finditer finds."""
    for entry in EXAMPLES + NEGATIVES:
        _same_scan(entry["text"])
    _same_scan(reference_article)
    _same_scan("Sáng 5/6, Thứ Hai (24/8/2015), CN 9-10-2005 (GMT+7), năm học 2020-2021.")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SCAN_PIECES), max_size=25).map("".join))
def test_anchored_scan_equals_the_plain_scan(text: str) -> None:
    _same_scan(text)
