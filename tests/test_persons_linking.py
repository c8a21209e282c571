"""The persons linker: the reference article end to end, and its rules one by one."""

from __future__ import annotations

import pytest

import vnextract
from titles_corpus import link_case
from vnextract.linking import person_mentions, persons


@pytest.fixture(scope="module")
def reference_doc(reference_article: str) -> vnextract.Document:
    return vnextract.extract(reference_article)


def test_reference_article_persons(reference_doc: vnextract.Document) -> None:
    got = {p.name: (p.honorific, [t.text for t in p.titles]) for p in reference_doc.persons}
    assert got == {
        "Lai Xuân Thành": (None, ["Giám đốc Sở TTTT"]),
        "Trần Thanh Liêm": ("ông", ["Ủy viên Thường vụ Tỉnh ủy", "Phó Chủ tịch Thường trực UBND tỉnh"]),
        "Nguyễn Thảo": (None, []),
        "Hồ Chí Minh": (None, []),
    }


def test_reference_article_title_fields(reference_doc: vnextract.Document) -> None:
    thanh = next(p for p in reference_doc.persons if p.name == "Lai Xuân Thành")
    (title,) = thanh.titles
    assert (title.role, title.organization, title.organization_expansion) == (
        "Giám đốc",
        "Sở TTTT",
        "Sở Thông tin và Truyền thông",
    )
    liem = next(p for p in reference_doc.persons if p.name == "Trần Thanh Liêm")
    assert liem.gender == "male"
    assert [(t.role, t.organization, t.organization_expansion) for t in liem.titles] == [
        ("Ủy viên Thường vụ", "Tỉnh ủy", None),
        ("Phó Chủ tịch Thường trực", "UBND tỉnh", "Ủy ban nhân dân tỉnh"),
    ]
    text = reference_doc.text
    for person in reference_doc.persons:
        assert text[person.start : person.end] == person.text == person.name
        for start, end in person.mentions:
            assert person.name.endswith(text[start:end])
        for t in person.titles:
            assert text[t.start : t.end] == t.text


def test_reference_article_abbreviations(reference_doc: vnextract.Document) -> None:
    got = {a.short: a.long for a in reference_doc.abbreviations}
    assert got["TTTT"] == "Thông tin và Truyền thông"  # defined in the text
    assert got["UBND"] == "Ủy ban nhân dân"
    # also found: "tỉnh BD" (the document names Bình Dương) and CNTT from the common list
    assert got == {
        "TTTT": "Thông tin và Truyền thông",
        "UBND": "Ủy ban nhân dân",
        "BD": "Bình Dương",
        "CNTT": "Công nghệ thông tin",
    }
    tttt = next(a for a in reference_doc.abbreviations if a.short == "TTTT")
    assert reference_doc.text[tttt.start - 1 : tttt.end + 1] == "(TTTT)"  # the definition's span


def test_reference_article_organizations(reference_doc: vnextract.Document) -> None:
    expansions = {o.name: o.expansion for o in reference_doc.organizations}
    assert expansions.get("Sở TTTT") == "Sở Thông tin và Truyền thông"
    assert expansions.get("UBND tỉnh") == "Ủy ban nhân dân tỉnh"


def test_short_reference_joins_full_name() -> None:
    case = {
        "text": "Ông Trần Thanh Liêm phát biểu. Ông Liêm nhấn mạnh, ngành cần đổi mới.",
        "mentions": ["Trần Thanh Liêm", "Liêm"],
    }
    text, found = link_case(case)
    (liem,) = found.persons
    assert liem.name == "Trần Thanh Liêm"
    assert [text.normalized[a:b] for a, b in liem.mentions] == ["Trần Thanh Liêm", "Liêm"]
    assert (liem.start, liem.end) == liem.mentions[0]


@pytest.mark.parametrize(
    ("short", "full", "expected"),
    [
        ("Liêm", "Trần Thanh Liêm", True),
        ("Diệp Hồng", "Nguyễn Nga Diệp Hồng", True),
        ("Gates", "Bill Gates", True),
        ("Tala", "Tala Pierre Marie", True),  # a foreign name's first word
        ("Nguyễn", "Nguyễn Văn A", False),  # a Vietnamese surname alone is nobody
        ("Thanh", "Trần Thanh Liêm", False),
        ("Trần Thanh Liêm", "Trần Thanh Liêm", False),
    ],
)
def test_refers_to(short: str, full: str, expected: bool) -> None:
    assert person_mentions.refers_to(short.casefold().split(), full.casefold().split()) is expected


@pytest.mark.parametrize(
    ("honorific", "gender"),
    [
        ("ông", "male"),
        ("Bà", "female"),
        ("anh", "male"),
        ("chị", "female"),
        ("cô", "female"),
        ("em", None),
        ("cháu", None),
        (None, None),
    ],
)
def test_gender_of(honorific: str | None, gender: str | None) -> None:
    assert persons.gender_of(honorific) == gender


def test_details_next_to_name() -> None:
    case = {
        "text": "Công an bắt Chu Quang Việt (25 tuổi, trú tại xã Tân Phú, huyện Đức Hòa) và bà "
        "Lê Thị Hoa (SN 1994, ngụ phường 7, quận 3).",
        "mentions": ["Chu Quang Việt", "Lê Thị Hoa"],
    }
    _, found = link_case(case)
    viet, hoa = found.persons
    assert (viet.age, viet.birth_year, viet.residence, viet.gender) == (
        25,
        None,
        "xã Tân Phú, huyện Đức Hòa",
        None,
    )
    assert (hoa.age, hoa.birth_year, hoa.residence, hoa.gender) == (None, 1994, "phường 7, quận 3", "female")


def test_kinship_compound_is_not_an_honorific() -> None:
    case = {
        "text": "Vụ án 3 chị em Đường Thị Quế, Đường Ngọc Hải bị xét xử.",
        "mentions": ["Đường Thị Quế", "Đường Ngọc Hải"],
    }
    _, found = link_case(case)
    assert [p.honorific for p in found.persons] == [None, None]


def test_unattached_titles_stay_in_found_only() -> None:
    case = {"text": "Chủ tịch xã Tiên Cẩm cho hay. Ông Nguyễn Văn A đến dự.", "mentions": ["Nguyễn Văn A"]}
    _, found = link_case(case)
    assert [t.text for t in found.titles] == ["Chủ tịch xã Tiên Cẩm"]
    assert found.persons[0].titles == ()


def test_title_expansion_uses_the_documents_definition() -> None:
    case = {
        "text": "Ngành Thông tin và Truyền thông (TTTT) tỉnh họp. Giám đốc Sở TTTT Lai Xuân Thành phát biểu.",
        "mentions": ["Lai Xuân Thành"],
    }
    _, found = link_case(case)
    (title,) = found.persons[0].titles
    assert title.organization_expansion == "Sở Thông tin và Truyền thông"


def test_an_alias_that_only_ends_like_an_earlier_name_is_not_that_person() -> None:
    # "tức Dũng" (also called Dũng) is the defendant's alias: it must neither join Nguyễn Tấn
    # Dũng to the defendant nor lose his later mention (it once raised KeyError in _attach).
    text = ("Thủ tướng Nguyễn Tấn Dũng đã phát biểu tại hội nghị. Bị can Lê Văn Tám, tức Dũng, "
            "bị bắt hôm qua. Sau đó, Phó thủ tướng Nguyễn Tấn Dũng nói thêm về vụ việc.")
    persons = {p.name: p for p in vnextract.extract(text).persons}
    assert sorted(persons) == ["Lê Văn Tám", "Nguyễn Tấn Dũng"]
    dung, tam = persons["Nguyễn Tấn Dũng"], persons["Lê Văn Tám"]
    assert [text[a:b] for a, b in dung.mentions] == ["Nguyễn Tấn Dũng", "Nguyễn Tấn Dũng"]
    assert [t.text for t in dung.titles] == ["Thủ tướng", "Phó thủ tướng"]
    assert [text[a:b] for a, b in tam.mentions] == ["Lê Văn Tám", "Dũng"]
    assert [t.text for t in tam.titles] == ["Bị can"]


@pytest.mark.parametrize(
    ("text", "name", "mentions"),
    [
        # no comma before "tức" (also called), the alias first
        ("Đây là sòng bạc của Cu Bé tức Nguyễn Thành Lợi (SN 1961).", "Nguyễn Thành Lợi",
         ["Cu Bé", "Nguyễn Thành Lợi"]),
        # a quoted nickname after the first name: "Bảy “Chà”" (Bảy the …)
        ("Công an bắt vợ chồng Bảy “Chà” tức Nguyễn Chí Đạo (SN 1972).", "Nguyễn Chí Đạo",
         ["Bảy", "Nguyễn Chí Đạo"]),
        # a quoted alias, used first in the headline
        ("Khởi tố 'Tế Điên'\nNguyễn Văn Thùy (biệt danh 'Tế Điên') đã bị khởi tố.", "Nguyễn Văn Thùy",
         ["Tế Điên", "Nguyễn Văn Thùy", "Tế Điên"]),
        # "thường được gọi là" (is usually called) and an honorific of another language
        ("Madam Pang ra tay\nChủ tịch Nualphan Lamsam, thường được gọi là Madam Pang, lên tiếng.",
         "Nualphan Lamsam", ["Pang", "Nualphan Lamsam", "Pang"]),
    ],
)
def test_an_alias_written_without_a_comma_or_in_quotes_is_the_same_person(
    text: str, name: str, mentions: list[str]
) -> None:
    (person,) = vnextract.extract(text).persons
    assert (person.name, [text[a:b] for a, b in person.mentions]) == (name, mentions)


def test_short_name_before_namesakes_is_the_first_of_them() -> None:
    """Rule short-name-before-namesakes: a headline's surname, then two persons who bear it."""
    doc = vnextract.extract(
        "Con trai Mandela qua đời\nCựu tổng thống Nam Phi Nelson Mandela thông báo người con trai "
        "cả của ông, Makgatho Mandela, đã qua đời ở tuổi 54."
    )
    got = {p.name: [doc.text[s:e] for s, e in p.mentions] for p in doc.persons}
    assert got == {"Nelson Mandela": ["Mandela", "Nelson Mandela"], "Makgatho Mandela": ["Makgatho Mandela"]}


def test_short_name_after_a_namesake_is_not_moved_before_it() -> None:
    """The rule takes only a short name written before every longer name it fits."""
    doc = vnextract.extract(
        "Ông Nguyễn Văn Hùng nói. Sau đó Hùng về nhà. Bà Trần Thị Hùng cũng có mặt."
    )
    hung = next(p for p in doc.persons if p.name == "Nguyễn Văn Hùng")
    assert [doc.text[s:e] for s, e in hung.mentions] == ["Nguyễn Văn Hùng", "Hùng"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Bà Trịnh Thuỳ Linh, Giám đốc Sở Tài chính tỉnh Hà Nam, cho biết bà sẽ nghỉ hưu.",
         "Trịnh Thuỳ Linh"),
        ("Ông Phạm Văn Hoà, Chủ tịch UBND xã, phát biểu.", "Phạm Văn Hoà"),
        ("Ông Phạm Văn Hòa, Chủ tịch UBND xã, phát biểu.", "Phạm Văn Hòa"),
    ],
)
def test_name_keeps_the_tone_placement_of_the_text(text: str, name: str) -> None:
    """Rule name-as-written: old-style "Thuỳ", "Hoà" are not rewritten to "Thùy", "Hòa"."""
    (person,) = vnextract.extract(text).persons
    assert person.name == name == person.text


def test_a_generation_suffix_is_no_name_of_its_own() -> None:
    # "Johnson" is the "Paul Johnson III" of the sentence before (the suffix "III" aside)
    doc = vnextract.extract(
        "Kỹ sư Paul Johnson III bị bắt cóc hôm thứ bảy. Nhóm bắt cóc đe dọa sẽ giết Johnson trong 72 giờ."
    )
    assert [(p.name, len(p.mentions)) for p in doc.persons] == [("Paul Johnson III", 2)]
