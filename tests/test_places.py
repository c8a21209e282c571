"""Place resolution: administrative units of both eras, ISO 3166 codes (vnextract.linking.places).

fixtures/places/own.jsonl holds sentences written here: each names its mentions (as the entity
recogniser would give them: text and kind) and the unit each must resolve to — or ``null`` when
the text leaves a choice and the mention must stay unresolved. The expected codes were checked by
hand in data/admin_units_vn.tsv. The resolution pass is tested on its own (mentions built from
the fixture), then through ``extract`` on a few sentences.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vnextract
from vnextract import places
from vnextract.linking.places import resolve
from vnextract.records import Location
from vnextract.text.normalize import canonical_tones

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "places" / "own.jsonl"
CASES = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
RESOLVED_FIELDS = ("level", "era", "code", "official_name", "province", "province_code", "province_2025")


def _locations(text: str, mentions: list[dict[str, Any]]) -> list[Location]:
    out, at = [], 0
    for mention in mentions:
        start = text.index(mention["text"], at)
        at = start + len(mention["text"])
        out.append(
            Location(text=mention["text"], start=start, end=at, name=mention["text"], kind=mention["kind"])
        )
    return out


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            c, id=c["id"], marks=pytest.mark.xfail(strict=True, reason=c["xfail"]) if c["xfail"] else ()
        )
        for c in CASES
    ],
)
def test_resolution_corpus(case: dict[str, Any]) -> None:
    locations = _locations(case["text"], case["mentions"])
    got = resolve(case["text"], locations, _date(case["reference_date"]))
    assert len(got) == len(locations)
    for mention, location in zip(case["mentions"], got, strict=True):
        expect = mention["expect"]
        if expect is None:  # ambiguous or not an administrative unit: nothing is guessed
            assert all(getattr(location, f) is None for f in (*RESOLVED_FIELDS, "iso3166")), mention["text"]
            assert location.successors == () and location.predecessors == ()
            assert location.kind == mention["kind"]
            continue
        for field, value in expect.items():
            actual = getattr(location, field)
            assert (list(actual) if isinstance(actual, tuple) else actual) == value, (mention["text"], field)
        # offsets and surface never change
        assert (location.text, location.start, location.end) == (
            mention["text"],
            location.start,
            location.end,
        )


def test_every_fixture_mention_is_in_its_text() -> None:
    for case in CASES:
        assert _locations(case["text"], case["mentions"])


def test_units_of_both_eras_are_loaded() -> None:
    legacy_provinces = {
        code for (era, code), u in places._units().items() if era == "legacy" and u.level == "province"
    }
    new_provinces = {
        code for (era, code), u in places._units().items() if era == "2025" and u.level == "province"
    }
    assert (len(legacy_provinces), len(new_provinces)) == (63, 34)
    assert not any(u.level == "district" for (era, _), u in places._units().items() if era == "2025")


def test_every_legacy_province_has_one_2025_province() -> None:
    for (era, _code), unit in places._units().items():
        if era == "legacy" and unit.level == "province":
            new = places.successors(unit)
            assert len(new) == 1 and places.lookup("2025", new[0]) is not None, unit.official_name


def test_reform_is_symmetric() -> None:
    hcm = places.lookup("2025", "79")
    assert hcm is not None
    for old in places.predecessors(hcm):
        unit = places.lookup("legacy", old)
        assert unit is not None and "79" in places.successors(unit)


def test_world_codes() -> None:
    assert [
        places.iso3166(n) for n in ("Hàn Quốc", "Hoa Kỳ", "Ukraina", "Ukraine", "Việt Nam", "Liên Xô")
    ] == [
        "KR",
        "US",
        "UA",
        "UA",
        "VN",
        None,  # a former state: ISO 3166-3 only
    ]


# ----------------------------------------------------------------------------- through extract


def test_extract_resolves_by_the_reference_date() -> None:
    text = "Mưa lớn gây ngập nhiều tuyến đường ở huyện Hóc Môn, TP.HCM."
    old = vnextract.extract(text, reference_date=dt.date(2016, 9, 1)).locations
    assert [(loc.text, loc.level, loc.era, loc.code) for loc in old] == [
        ("Hóc Môn", "district", "legacy", "784"),
        ("TP.HCM", "province", "legacy", "79"),
    ]
    text = "Mưa lớn gây ngập nhiều tuyến đường ở xã Hóc Môn, TP.HCM."
    new = vnextract.extract(text, reference_date=dt.date(2026, 9, 1)).locations
    assert [(loc.text, loc.kind, loc.level, loc.era, loc.code) for loc in new] == [
        ("Hóc Môn", "xã", "commune", "2025", "27559"),
        ("TP.HCM", "thành phố", "province", "2025", "79"),
    ]


def test_extract_uses_the_dateline_when_no_reference_date() -> None:
    text = "Hóc Môn ngập sâu\n\n24/08/2015 - 07:38\n\nNhiều tuyến đường ở Hóc Môn bị ngập."
    doc = vnextract.extract(text)
    assert {(loc.era, loc.level, loc.code) for loc in doc.locations if loc.name == "Hóc Môn"} == {
        ("legacy", "district", "784")
    }


def test_to_dict_has_the_resolved_fields() -> None:
    doc = vnextract.extract("Đoàn đã đến tỉnh Bình Dương và Nhật Bản.", reference_date=dt.date(2026, 9, 1))
    locations = doc.to_dict()["locations"]
    assert locations[0]["code"] == "74" and locations[0]["successors"] == ["79"]
    assert locations[0]["province_2025"] == "Thành phố Hồ Chí Minh"
    assert locations[1]["iso3166"] == "JP" and locations[1]["code"] is None


# ----------------------------------------------------------------------------- columns

UNIT_COLUMNS = ("level", "era", "code", "official_name", "province", "province_code", "province_2025")


def test_frame_arrow_and_spark_have_the_unit_columns() -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    from vnextract.output import schema

    doc = vnextract.extract("Đoàn đã đến tỉnh Bình Dương và Nhật Bản.", reference_date=dt.date(2026, 9, 1))
    frame = doc.to_frame()
    row = frame[frame.text == "Bình Dương"].iloc[0]
    assert [row[c] for c in ("level", "era", "code", "province_2025")] == [
        "province",
        "legacy",
        "74",
        "Thành phố Hồ Chí Minh",
    ]
    assert list(row["successors"]) == ["79"]
    assert frame[frame.text == "Nhật Bản"].iloc[0]["iso3166"] == "JP"

    location = schema.arrow_schema().field("locations").type.value_type
    assert [location.field(c).type for c in (*UNIT_COLUMNS, "iso3166")] == ["string"] * 8
    assert str(location.field("successors").type) == "list<element: string not null>"
    arrow_row = vnextract.to_arrow(doc).column("locations")[0][0].as_py()
    assert (arrow_row["code"], arrow_row["successors"]) == ("74", ["79"])

    pytest.importorskip("pyspark")
    spark_location = schema.spark_struct_type()["locations"].dataType.elementType
    assert {c: spark_location[c].dataType.simpleString() for c in ("code", "successors", "iso3166")} == {
        "code": "string",
        "successors": "array<string>",
        "iso3166": "string",
    }


def test_former_units_cite_their_act_and_became_known_legacy_units() -> None:
    from vnextract.numerals import load_tsv

    rows = load_tsv("admin_units_vn_former.tsv")
    assert len(rows) >= 6
    for row in rows:
        assert row["source"] and row["gloss"], row["name"]
        became = [places.lookup("legacy", code) for code in row["became"].split()]
        assert became and all(unit is not None for unit in became), row["name"]
        # the land of a former district stays in its province
        if row["province_code"]:
            assert {unit.province_code for unit in became if unit} == {row["province_code"]}, row["name"]
    assert [f.official_name for f in places.former("Q.9")] == []  # type words are the linker's
    assert [f.official_name for f in places.former("quận 9")] == ["Quận 9"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Năm 2005, ông Lâm (Đống Đa, Hà Nội) gửi tiết kiệm.", "006"),  # the district of 2005
        # no year: the one district of that name until 2025, whose successors are the 2025 wards
        ("Ông Lâm (Đống Đa, Hà Nội) gửi tiết kiệm.", "006"),
        # both eras read: still the one district of that name, with its 2025 wards
        ("Năm 2005, ông Lâm (Đống Đa, Hà Nội) gửi tiết kiệm; năm 2026 ông rút ra.", "006"),
    ],
    ids=["years-before-the-reform", "no-year", "a-year-after-it"],
)
def test_an_undated_text_whose_years_precede_the_reform_is_read_in_the_legacy_era(
    text: str, code: str | None
) -> None:
    dong_da = vnextract.extract(text).locations[0]
    assert (dong_da.text, dong_da.code) == ("Đống Đa", code)
    assert dong_da.province_2025 == "Thành phố Hà Nội"


def test_a_palace_is_no_unit_of_its_name() -> None:
    # "dinh" (palace): "dinh Thống Nhất" is the Reunification Palace in TP.HCM, not Đồng Nai's
    # district of that name, which the same undated text names with its type word
    doc = vnextract.extract("Đoàn khách tham quan dinh Thống Nhất rồi về huyện Thống Nhất, tỉnh Đồng Nai.")
    palace, district = doc.locations[0], doc.locations[1]
    assert (palace.text, palace.kind, palace.code, palace.province_2025) == ("Thống Nhất", "dinh", None, None)
    assert (district.level, district.era, district.code) == ("district", "legacy", "738")


@pytest.mark.parametrize(
    ("text", "level", "era"),
    [
        # its years precede 2025: the district-level city of Huế (split in January 2025)
        ("Năm 2006, lễ hội áo dài diễn ra ở Huế.", "district", None),
        # no year: the text may be of either era; as for "Cần Giờ" (undated_legacy_unit), the
        # unit of before the reform, whose 2025 province answers the other era
        ("Lễ hội áo dài diễn ra ở Huế.", "district", None),
        # a year of the split or later: the province-level city it is since
        ("Lễ hội áo dài năm 2026 diễn ra ở Huế.", "province", "2025"),
    ],
    ids=["years-before-the-split", "no-year", "a-year-after-it"],
)
def test_an_undated_hue_is_the_former_city_unless_a_year_says_otherwise(
    text: str, level: str, era: str | None
) -> None:
    hue = vnextract.extract(text).locations[-1]
    assert (hue.name, hue.level, hue.era, hue.province_2025) == ("Huế", level, era, "Thành phố Huế")


# Whitespace of every kind (tab, line breaks, no-break and other Unicode spaces, "\x1c" which
# Python's str.split takes for a space and regex's \s does not), hyphens and toned letters.
_FOLD_ALPHABET = "aAđĐHoà-– \t\n\x0b\x1c\x85\xa0\u2002\u2028\u2029\u202f\u3000\u200b"


@given(st.text(alphabet=_FOLD_ALPHABET, max_size=14) | st.text(max_size=14))
def test_fold_skips_only_substitutions_that_change_nothing(name: str) -> None:
    s = canonical_tones(unicodedata.normalize("NFC", name.strip()))
    assert places.fold(name) == places._HYPHEN.sub("-", places._SPACES.sub(" ", s)).casefold()


def test_fold_examples() -> None:
    assert places.fold(" Thừa  Thiên\u00a0–  Huế ") == "thừa thiên-huế"
    assert places.fold("Thanh Hoá") == "thanh hóa"
