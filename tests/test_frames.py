"""Rows, pandas DataFrames and Arrow tables of records."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

import vnextract
from duration_cases import DURATION_CASES
from sample_documents import sample_document
from vnextract.output.frames import COLUMNS, record_rows
from vnextract.output.serialize import decimal_to_json
from vnextract.records import Document


def test_one_row_per_record_in_text_order_with_titles_as_rows():
    doc = sample_document()
    rows = list(record_rows(doc))
    assert [(r["kind"], r["text"]) for r in rows] == [
        ("date", "24/08/2015 - 07:38"),
        ("person", "Trần Thanh Liêm"),
        ("title", "Phó Chủ tịch Thường trực UBND tỉnh Bình Dương"),
        ("organization", "UBND tỉnh Bình Dương"),
        ("abbreviation", "TTTT"),
        ("count", "144 trường hợp"),
        ("fine", "tiền phạt hơn 504 triệu đồng"),
        ("money", "hơn 504 triệu đồng"),
        ("duration", "5 năm"),
        ("percentage", "80%"),
        ("quantity", "3,5 ha"),
        ("date", "giai đoạn 2011-2015"),
    ]
    assert all(tuple(r) == COLUMNS for r in rows)
    assert all(doc.text[r["start"] : r["end"]] == r["text"] for r in rows)


def test_row_values():
    rows: dict = {}
    for row in record_rows(sample_document()):
        rows.setdefault(row["kind"], row)  # the first row of each kind
    assert rows["person"]["name"] == "Trần Thanh Liêm"
    assert rows["person"]["honorific"] == "ông"
    assert rows["person"]["titles"] == ["Phó Chủ tịch Thường trực UBND tỉnh Bình Dương"]
    assert rows["title"]["person"] == "Trần Thanh Liêm"
    assert rows["title"]["role"] == "Phó Chủ tịch Thường trực"
    assert rows["title"]["organization"] == "UBND tỉnh Bình Dương"
    assert (rows["money"]["amount"], rows["money"]["currency"], rows["money"]["qualifier"]) == (
        504000000,
        "VND",
        "more_than",
    )
    # a fine row carries its money's fields and its violation count
    assert (rows["fine"]["amount"], rows["fine"]["money"]) == (504000000, "hơn 504 triệu đồng")
    assert (rows["fine"]["violations"], rows["fine"]["violations_value"]) == ("144 trường hợp", 144)
    assert rows["count"]["value"] == 144 and rows["count"]["unit"] == "trường hợp"
    assert rows["abbreviation"]["long"] == "Thông tin và Truyền thông"
    assert rows["date"]["iso"] == "2015-08-24T07:38"
    # the sentence index: the dateline is sentence 0, the fine is in sentence 1
    assert rows["date"]["sentence"] == 0
    assert rows["fine"]["sentence"] == 1
    assert rows["quantity"]["sentence"] == 2


def test_an_event_row_has_its_fields_as_columns():
    """One row per event: its kind beside the row kind, each part's text, the target's kind, the
    term's ISO value; a fine's money columns as a fine row has them; recipients in one cell."""
    doc = vnextract.extract(
        "Bị cáo Nguyễn Văn Hùng bị TAND TP Cần Thơ tuyên phạt 18 năm tù về tội lừa đảo chiếm đoạt tài sản. "
        "Công ty A bị Sở Y tế xử phạt 85 triệu đồng. Sở TTTT đã tặng Giấy khen cho 13 tập thể và 24 cá nhân."
    )
    prison, fine, award = (r for r in record_rows(doc) if r["kind"] == "event")
    assert (prison["event_kind"], prison["status"], prison["trigger"]) == ("prison", "imposed", "tuyên phạt")
    assert (prison["target"], prison["target_kind"], prison["authority"]) == (
        "Nguyễn Văn Hùng", "person", "TAND TP Cần Thơ",
    )  # fmt: skip
    assert (prison["reason"], prison["term"], prison["term_iso"]) == (
        "về tội lừa đảo chiếm đoạt tài sản", "18 năm tù", "P18Y",
    )  # fmt: skip
    assert (fine["event_kind"], fine["target"], fine["target_kind"], fine["authority"]) == (
        "fine", "Công ty A", "organization", "Sở Y tế",
    )  # fmt: skip
    assert (fine["amount"], fine["currency"], fine["money"]) == (85_000_000, "VND", "85 triệu đồng")
    assert (award["event_kind"], award["award"], award["recipients"]) == (
        "award", "Giấy khen", "13 tập thể; 24 cá nhân",
    )  # fmt: skip
    assert all(doc.text[r["start"] : r["end"]] == r["text"] for r in (prison, fine, award))


def test_an_event_row_names_its_parties_by_their_records():
    """The target and authority cells name who the event concerns: the full name of the person a
    short mention stands for ("Hùng" → "Nguyễn Văn Hùng"), the court a bare "HĐXX" stands for."""
    doc = vnextract.extract(
        "Bị cáo Nguyễn Văn Hùng bị bắt năm 2020. Sáng 12/3, TAND tỉnh Bắc Giang mở phiên tòa. "
        "HĐXX tuyên phạt Hùng 18 năm tù về tội giết người."
    )
    (prison,) = (r for r in record_rows(doc) if r["kind"] == "event")
    assert (prison["target"], prison["authority"]) == ("Nguyễn Văn Hùng", "TAND tỉnh Bắc Giang")
    assert (doc.events[0].target.text, doc.events[0].authority.text) == ("Hùng", "HĐXX")


def test_location_kind_does_not_clash_with_the_row_kind():
    from sample_documents import with_location

    row = next(r for r in record_rows(with_location(sample_document())) if r["kind"] == "location")
    assert (row["name"], row["location_kind"]) == ("Bình Dương", "tỉnh")


def test_to_frame_types_and_values():
    pd = pytest.importorskip("pandas")
    frame = sample_document().to_frame()
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) == 12
    money = frame[frame.kind == "money"].iloc[0]
    assert money.amount == 504000000.0
    assert str(frame.amount.dtype) == "float64"
    assert str(frame.start.dtype) == "Int64"
    assert frame[frame.kind == "quantity"].value.iloc[0] == 3.5
    assert frame.groupby("kind").size()["date"] == 2
    assert pd.isna(frame[frame.kind == "person"].amount.iloc[0])


def test_to_frame_of_an_empty_document_has_the_columns():
    pytest.importorskip("pandas")
    frame = Document(text="Không có gì.").to_frame()
    assert frame.empty
    assert list(frame.columns) == list(COLUMNS)


def test_missing_pandas_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(ImportError, match=r"vnextract\[frames\]"):
        sample_document().to_frame()


def test_missing_pyarrow_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r"vnextract\[frames\]"):
        vnextract.to_arrow([sample_document()])


def test_to_arrow_has_one_row_per_document_with_nested_records():
    pa = pytest.importorskip("pyarrow")
    from decimal import Decimal

    from vnextract.output import schema

    empty = Document(text="Không có gì.")
    table = vnextract.to_arrow([sample_document(), empty])
    assert table.num_rows == 2
    assert table.schema == schema.arrow_schema()
    assert table.schema.names == list(sample_document().to_dict())
    money = table.column("money")[0][0]
    assert money["amount"].as_py() == Decimal(504000000)
    assert money["qualifier"].as_py() == "more_than"
    title = table.column("persons")[0][0]["titles"][0]
    assert (title["role"].as_py(), title["organization"].as_py()) == (
        "Phó Chủ tịch Thường trực",
        "UBND tỉnh Bình Dương",
    )
    assert table.column("fines")[0][0]["violations"]["value"].as_py() == Decimal(144)
    assert table.column("published").to_pylist() == ["2015-08-24T07:38", None]
    assert table.column("money")[1].as_py() == []
    assert pa.types.is_list(table.schema.field("dates").type)


def test_to_arrow_with_text_and_from_a_generator():
    pytest.importorskip("pyarrow")
    docs = (d for d in [sample_document(), Document(text="Hai.")])
    table = vnextract.to_arrow(docs, include_text=True)
    assert table.schema.names[0] == "text"
    assert table.column("text").to_pylist() == [sample_document().text, "Hai."]
    assert vnextract.to_arrow(sample_document()).num_rows == 1  # one Document, one row


@pytest.mark.parametrize("text", DURATION_CASES)
def test_to_arrow_keeps_a_duration_as_to_dict_has_it(text):
    pytest.importorskip("pyarrow")
    doc = vnextract.extract(text)
    assert len(doc.durations) == 1, doc.durations
    table = vnextract.to_arrow(doc)
    (durations,) = table.column("durations").to_pylist()
    assert durations[0]["value"] == doc.durations[0].value
    assert [{**d, "value": decimal_to_json(d["value"])} for d in durations] == doc.to_dict()["durations"]


def test_dates_are_datetime64_columns():
    pytest.importorskip("pandas")
    frame = sample_document().to_frame()
    assert str(frame.earliest.dtype) == str(frame.latest.dtype) == "datetime64[s]"
    dates = frame[frame.kind == "date"]
    # a date-time (the dateline) and a period of years in one column, no mix of object types
    assert [str(v) for v in dates.earliest] == ["NaT", "2011-01-01 00:00:00"]
    assert [str(v) for v in dates.latest] == ["NaT", "2015-12-31 00:00:00"]
    doc = vnextract.extract("Lúc 14h30 ngày 2/9/2020 và năm 1010", reference_date=dt.date(2021, 1, 1))
    extracted = doc.to_frame()
    assert str(extracted.earliest.dtype) == "datetime64[s]"
    assert [str(v) for v in extracted.earliest] == ["2020-09-02 14:30:00", "1010-01-01 00:00:00"]
    assert frame[frame.kind == "money"].earliest.isna().all()


def test_corpus_frame_has_the_document_id_first():
    pytest.importorskip("pandas")
    docs = [sample_document(), Document(text="Không có gì."), vnextract.extract("Tuyên dương 13 tập thể.")]
    frame = vnextract.to_frame(docs, ids=["a", "b", "c"])
    assert list(frame.columns) == ["doc_id", *COLUMNS]
    assert len(frame) == 12 + 0 + 2
    assert frame[frame.doc_id == "c"][["kind", "text"]].values.tolist() == [
        ["event", "Tuyên dương 13 tập thể"],  # an award: the count is its recipients
        ["count", "13 tập thể"],
    ]
    assert set(frame.doc_id) == {"a", "c"}  # a document without records has no row
    assert str(frame.amount.dtype) == "float64" and str(frame.earliest.dtype) == "datetime64[s]"
    # by default the id is the position; a generator (such as pipe()'s) is read once
    by_position = vnextract.to_frame(d for d in docs)
    assert by_position.doc_id.tolist() == [0] * 12 + [2, 2]
    assert vnextract.to_frame(sample_document()).doc_id.tolist() == [0] * 12


def test_corpus_frame_refuses_ids_of_another_length():
    pytest.importorskip("pandas")
    docs = [sample_document(), sample_document()]
    with pytest.raises(ValueError, match=r"ids has fewer items than docs \(1\)"):
        vnextract.to_frame(docs, ids=["a"])
    with pytest.raises(ValueError, match="ids has more items than docs"):
        vnextract.to_frame(docs, ids=["a", "b", "c"])


@pytest.mark.parametrize("function", ["to_frame", "to_arrow"])
def test_texts_instead_of_documents_are_a_type_error_naming_documents(function):
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    convert = getattr(vnextract, function)
    with pytest.raises(TypeError, match=rf"{function}\(\) expects Documents .* got str at index 0; extract"):
        convert(["Tuyên dương 13 tập thể."])
    with pytest.raises(TypeError, match=r"got a str; extract the text first"):
        convert("Tuyên dương 13 tập thể.")
    with pytest.raises(TypeError, match=r"expects a Document or an iterable of Documents, got int"):
        convert(5)


def test_to_arrow_has_the_events_of_to_dict():
    """Arrow (and Spark, same schema) hold the events as a list of structs per document."""
    pytest.importorskip("pyarrow")
    doc = vnextract.extract("Tài xế có thể bị phạt tới 26 triệu đồng.")
    (events,) = vnextract.to_arrow(doc).column("events").to_pylist()
    assert [(e["kind"], e["status"], e["trigger"]["text"], e["money"]["currency"]) for e in events] == [
        ("fine", "possible", "phạt", "VND")
    ]
    assert events[0]["money"]["amount"] == 26_000_000
