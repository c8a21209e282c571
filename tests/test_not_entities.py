"""Places the guideline does not tag: languages, fixed names, places inside an event's name
(linking/not_entities.py). Examples written for these tests."""

from __future__ import annotations

import pytest

import vnextract
from vnextract.linking.not_entities import brand_in_product, drop, not_an_entity
from vnextract.mentions import Mentions
from vnextract.records import Organization, Person
from vnextract.text import Text


def _locations(text: str) -> list[str]:
    return [loc.text for loc in vnextract.extract(text).locations]


@pytest.mark.parametrize(
    ("text", "place", "rule"),
    [
        ("Em học tiếng Anh từ lớp 3.", "Anh", "language"),
        ("Tiếng Nhật khó hơn tiếng Hàn.", "Nhật", "language"),
        ("Arsenal đứng đầu Ngoại hạng Anh sau 3 vòng.", "Anh", "competition"),
        ("Trận tranh Siêu cúp Tây Ban Nha diễn ra tối nay.", "Tây Ban Nha", "competition"),
        ("Anh ghi 2 bàn ở VĐQG Kuwait mùa trước.", "Kuwait", "competition"),
        ("Bệnh nhi mắc viêm não Nhật Bản được chuyển viện.", "Nhật Bản", "fixed_name"),
        ("Lễ hội Sầu riêng Đắk Lắk 2026 khai mạc sáng nay.", "Đắk Lắk", "event_name"),
        ("Hơn 5.000 người chạy Marathon Vũng Tàu 2026.", "Vũng Tàu", "event_name"),
        ("Festival Thăng Long - Hà Nội lần thứ II năm 2026 bế mạc.", "Hà Nội", "event_name"),
    ],
)
def test_rule_names_the_context(text: str, place: str, rule: str) -> None:
    start = text.index(place)
    assert not_an_entity(text, start, start + len(place)) == rule
    assert place not in _locations(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Đoàn công tác đến Anh và Pháp trong 5 ngày.", "Anh"),  # the country itself
        ("Lễ hội diễn ra tại Đắk Lắk 2026 lượt khách.", "Đắk Lắk"),  # "tại" ends the event's name
        ("Năm 2026 Đắk Lắk đón 2 triệu khách.", "Đắk Lắk"),  # a year after, but no event head
        ("Ông về Nhật Bản năm 2025.", "Nhật Bản"),
    ],
)
def test_places_outside_those_contexts_stay(text: str, place: str) -> None:
    start = text.index(place)
    assert not_an_entity(text, start, start + len(place)) is None
    assert place in _locations(text)


def _organizations(text: str) -> list[str]:
    return [org.text for org in vnextract.extract(text).organizations]


@pytest.mark.parametrize(
    ("text", "brand"),
    [
        ("Ngân hàng giới thiệu ứng dụng BIDV Home cho hộ kinh doanh.", "BIDV"),
        ("Oracle Database 10g ra mắt trong tháng 7.", "Oracle"),
        ("Khách mua xe VinFast Limo Green được tặng phí sạc.", "VinFast"),
    ],
)
def test_a_brand_inside_a_product_name_is_not_tagged(text: str, brand: str) -> None:
    assert brand not in _organizations(text)


@pytest.mark.parametrize(
    ("text", "brand"),
    [
        ("HLV Arsenal Mikel Arteta hài lòng với chiến thắng.", "Arsenal"),  # a person follows
        ("Samsung cho biết doanh thu quý 2 tăng.", "Samsung"),  # the brand alone
    ],
)
def test_a_brand_before_a_person_or_a_vietnamese_word_stays(text: str, brand: str) -> None:
    assert brand in _organizations(text)


def test_a_vietnamese_word_after_a_brand_is_no_product() -> None:
    # a headline that runs on without a stop: "Vingroup Tăng vốn" (Vingroup raises capital)
    assert not brand_in_product("Vingroup Tăng vốn điều lệ", 0, 8, [])
    assert brand_in_product("Vingroup Tower mở cửa", 0, 8, [])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Malaysia chuẩn bị cho Tiger Cup với đội hình trẻ.", "Tiger"),
        ("Real Madrid vào bán kết Champions League sau trận hòa.", "Champions"),
        ("Đội tuyển dự SEA Games với 30 vận động viên.", "SEA"),
    ],
)
def test_nothing_inside_a_competitions_name_is_tagged(text: str, name: str) -> None:
    document = vnextract.extract(text)
    tagged = [r.text for r in (*document.persons, *document.organizations, *document.locations)]
    assert not any(name in t for t in tagged), tagged


def test_words_that_only_look_like_a_context() -> None:
    # "nổi tiếng" (famous) holds "tiếng" but names no language
    text = "Hãng bán lẻ nổi tiếng Mỹ Walmart mở thêm 3 cửa hàng."
    start = text.index("Mỹ")
    assert not_an_entity(text, start, start + 2) is None


def test_a_role_or_degree_alone_is_no_name() -> None:
    # rule role_word: "PGS.TS" (associate professor, doctor), "VĐV" (athlete) are title words
    text = Text.from_string("PGS.TS Lê Văn Bình và VĐV Hòa gặp Giám đốc Sở Y tế.")
    s = text.normalized

    def org(name: str) -> Organization:
        start = s.index(name)
        return Organization(text=name, start=start, end=start + len(name), name=name)

    a = s.index("Lê Văn Bình")
    b = a + len("Lê Văn Bình")
    person = Person(text=s[a:b], start=a, end=b, name=s[a:b], mentions=((a, b),))
    found = Mentions(persons=(person,), organizations=(org("PGS.TS"), org("VĐV"), org("Sở Y tế")))
    kept = drop(text, found)
    assert [o.text for o in kept.organizations] == ["Sở Y tế"]
    assert kept.persons == (person,)
