"""Names listed after a street are streets (linking/street_lists.py, rule *street_list*).
Examples written for these tests."""

from __future__ import annotations

import pytest

import vnextract


@pytest.mark.parametrize(
    ("text", "streets"),
    [
        (
            "Khách sạn nằm trên đường Hà Huy Tập, Bùi Thị Xuân và Quang Trung.",
            ["Hà Huy Tập", "Bùi Thị Xuân", "Quang Trung"],
        ),
        (  # a plural kind word opens the list: "các tuyến đường như" (streets such as)
            "Giá phòng trên các tuyến đường như Lê Hồng Phong, Phạm Ngọc Thạch, Trần Phú... vẫn rẻ.",
            ["Lê Hồng Phong", "Phạm Ngọc Thạch", "Trần Phú"],
        ),
        (  # a list of four, joined by commas and "và"
            "Giá thuê mặt bằng trên các tuyến đường Lê Lợi, Nguyễn Huệ, Đồng Khởi và Hai Bà Trưng tăng mạnh.",
            ["Lê Lợi", "Nguyễn Huệ", "Đồng Khởi", "Hai Bà Trưng"],
        ),
        (  # a route: streets joined by spaced dashes
            "Xe tải đi theo đường Phạm Văn Đồng - Phạm Hùng - Trần Duy Hưng để vào nội đô.",
            ["Phạm Văn Đồng", "Phạm Hùng", "Trần Duy Hưng"],
        ),
        (  # "thay vì": instead of
            "Đoàn đua sẽ chạy theo đường Nguyễn Bỉnh Khiêm thay vì Đinh Tiên Hoàng.",
            ["Nguyễn Bỉnh Khiêm", "Đinh Tiên Hoàng"],
        ),
        (  # a route: its streets chained by spaced dashes
            "Xe buýt chạy theo đường Trần Quang Khải - Phạm Văn Đồng - Khuất Duy Tiến rồi về bến.",
            ["Trần Quang Khải", "Phạm Văn Đồng", "Khuất Duy Tiến"],
        ),
    ],
)
def test_listed_names_are_streets(text: str, streets: list[str]) -> None:
    doc = vnextract.extract(text)
    assert [(x.name, x.kind) for x in doc.locations] == [(name, "đường") for name in streets]
    assert doc.persons == ()


def test_a_new_clause_after_the_street_keeps_its_subject() -> None:
    doc = vnextract.extract("Trên đường Nguyễn Huệ, Lê Văn Tám phóng xe về nhà.")
    assert [p.name for p in doc.persons] == ["Lê Văn Tám"]
    assert [x.name for x in doc.locations] == ["Nguyễn Huệ"]


@pytest.mark.parametrize("learned", [True, False])
def test_listed_names_are_streets_whichever_step_read_them(learned: bool) -> None:
    # the learned layer may read a listed name as a place (no kind) before this step; the rules
    # alone read it as a person: both give a street
    text = "Khách sạn nằm trên đường Hà Huy Tập, Bùi Thị Xuân và Quang Trung."
    doc = vnextract.extract(text, learned=learned)
    assert [(x.name, x.kind) for x in doc.locations] == [
        ("Hà Huy Tập", "đường"), ("Bùi Thị Xuân", "đường"), ("Quang Trung", "đường")
    ]


def test_a_city_after_the_street_keeps_its_kind() -> None:
    doc = vnextract.extract("Văn phòng ở số 5 đường Lê Lợi, Hà Nội, Việt Nam.")
    assert [(x.name, x.kind) for x in doc.locations] == [
        ("Lê Lợi", "đường"), ("Hà Nội", "thành phố"), ("Việt Nam", "quốc gia")
    ]


def test_a_city_opens_no_street_list() -> None:
    doc = vnextract.extract("Ở thành phố Hà Nội, Trần Văn Ba và Lê Văn Tư mở quán phở.")
    assert [p.name for p in doc.persons] == ["Trần Văn Ba", "Lê Văn Tư"]


def test_a_list_of_streets_left_open_takes_its_kind_word() -> None:
    doc = vnextract.extract("Khách sạn trên các tuyến phố như Hàng Bạc, Tạ Hiện, Mã Mây... đều kín phòng.")
    assert [(x.name, x.kind) for x in doc.locations] == [
        ("Hàng Bạc", "phố"), ("Tạ Hiện", "phố"), ("Mã Mây", "phố")
    ]
    assert doc.persons == ()


def test_a_dash_after_a_person_is_no_route() -> None:
    # no street before the dash: an apposition, not a route
    doc = vnextract.extract("Ông Nguyễn Văn Bình - Giám đốc Sở Xây dựng cho biết đường sẽ thông xe.")
    assert [p.name for p in doc.persons] == ["Nguyễn Văn Bình"]


def test_a_dash_before_a_person_with_an_honorific_ends_the_route() -> None:
    doc = vnextract.extract("Cửa hàng nằm trên đường Lê Lợi - ông Nguyễn Văn Hùng cho biết.")
    assert [x.name for x in doc.locations] == ["Lê Lợi"]
    assert [p.name for p in doc.persons] == ["Nguyễn Văn Hùng"]
