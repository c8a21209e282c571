"""The title recogniser on its own: role, organisation as written, modifier, kind."""

from __future__ import annotations

import pytest

from vnextract.recognizers import titles
from vnextract.recognizers.titles import grammar
from vnextract.text import Text


def _titles(sentence: str) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (t.text, t.role, t.organization, t.modifier) for t in titles.recognize(Text.from_string(sentence))
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Phát biểu, ông Trần Thanh Liêm, Ủy viên Thường vụ Tỉnh ủy, "
            "Phó Chủ tịch Thường trực UBND tỉnh đã biểu dương.",
            [
                ("Ủy viên Thường vụ Tỉnh ủy", "Ủy viên Thường vụ", "Tỉnh ủy", None),
                ("Phó Chủ tịch Thường trực UBND tỉnh", "Phó Chủ tịch Thường trực", "UBND tỉnh", None),
            ],
        ),
        (
            "Quyền Giám đốc Học viện Báo chí và Tuyên truyền từ 9h15.",
            [
                (
                    "Quyền Giám đốc Học viện Báo chí và Tuyên truyền",
                    "Giám đốc",
                    "Học viện Báo chí và Tuyên truyền",
                    "acting",
                )
            ],
        ),
        (
            "nguyên Bộ trưởng Bộ Y tế phát biểu.",
            [("nguyên Bộ trưởng Bộ Y tế", "Bộ trưởng", "Bộ Y tế", "former")],
        ),
        (
            "Tân Giám đốc Công an tỉnh ra mắt.",
            [("Tân Giám đốc Công an tỉnh", "Giám đốc", "Công an tỉnh", "new")],
        ),
        # cố = the late
        ("cố Thủ tướng Li-băng bị ám sát.", [("cố Thủ tướng Li-băng", "Thủ tướng", "Li-băng", "late")]),
        (
            "Ông Hoàng Hữu Đoàn, Giám đốc Xí nghiệp Dược phẩm Trung ương 1, cho biết.",
            [
                (
                    "Giám đốc Xí nghiệp Dược phẩm Trung ương 1",
                    "Giám đốc",
                    "Xí nghiệp Dược phẩm Trung ương 1",
                    None,
                )
            ],
        ),
        (
            "Bà Trang, trưởng phòng cấp chủ quyền nhà Sở Xây dựng TP.HCM: Trong thư",
            [
                (
                    "trưởng phòng cấp chủ quyền nhà Sở Xây dựng TP.HCM",
                    "trưởng phòng",
                    "cấp chủ quyền nhà Sở Xây dựng TP.HCM",
                    None,
                )
            ],
        ),
        (
            "ông đã từng là giảng viên khoa chính trị học, sau đó",
            [("giảng viên khoa chính trị học", "giảng viên", "khoa chính trị học", None)],
        ),
        (
            "em Bảo Trân (học sinh lớp 2A, trường TH-THCS Nguyễn Du, xã Tiên Cẩm) có nhặt",
            [
                (
                    "học sinh lớp 2A, trường TH-THCS Nguyễn Du",
                    "học sinh lớp 2A",
                    "trường TH-THCS Nguyễn Du",
                    None,
                )
            ],
        ),
        (
            "ông Bùi Ngọc Cẩm - Chủ tịch xã Tiên Cẩm (huyện Tiên Phước) xác nhận",
            [("Chủ tịch xã Tiên Cẩm", "Chủ tịch", "xã Tiên Cẩm", None)],
        ),
        # ranks and degrees never take an organisation: a name follows them
        ("Thiếu tá Dương Văn Tiến đã ứng cứu.", [("Thiếu tá", "Thiếu tá", None, None)]),
        ("PGS.TS Lưu Văn An phát biểu.", [("PGS.TS", "PGS.TS", None, None)]),
        ("PGS, TS Lưu Văn An bị đột quỵ.", [("PGS, TS", "PGS, TS", None, None)]),
        ("GS.TSKH Nguyễn Văn Đạo", [("GS.TSKH", "GS.TSKH", None, None)]),
        # case roles
        ("Nguyên đơn của vụ kiện là cô Xương.", [("Nguyên đơn", "Nguyên đơn", None, None)]),
        ("2 bị cáo Simo Fotso Victor", [("bị cáo", "bị cáo", None, None)]),
        # "chủ" (owner) only before a named business
        (
            "Bill Gates, chủ Công ty Microsoft, vẫn giữ",
            [("chủ Công ty Microsoft", "chủ", "Công ty Microsoft", None)],
        ),
    ],
)
def test_title_fields(sentence: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    assert _titles(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Simon chủ động làm quen với anh Long.",  # "chủ động" = proactively
        "Ông có quyền sử dụng đất hợp pháp.",  # "quyền" = right, not "acting"
        "Các chủ yếu tố ảnh hưởng đến giá.",
        "Giá tiêu giảm 20 USD/tấn so với tháng 6.",
    ],
)
def test_no_title(sentence: str) -> None:
    assert _titles(sentence) == []


def test_role_kind() -> None:
    assert titles.role_kind("Đại tá") == "rank"
    assert titles.role_kind("phó giám đốc") == "business"
    assert titles.role_kind("PGS.TS") == "degree"
    assert titles.role_kind("bị cáo") == "case"
    assert titles.role_kind("xe máy") is None


def test_offsets_are_exact() -> None:
    text = Text.from_string(
        "Giám đốc Sở TTTT Lai Xuân Thành khen thưởng. Uỷ viên Thường vụ Tỉnh uỷ phát biểu."
    )
    for t in titles.recognize(text):
        assert text.normalized[t.start : t.end] == t.text


def test_fast_syllable_pattern_cuts_as_the_regex_pattern() -> None:
    """The stdlib ``re`` pattern used on Latin/Vietnamese text cuts as the ``regex`` one."""
    fast = grammar.fast()
    for s in [
        "Giám đốc Sở TTTT Lai Xuân Thành, PGS.TS Lưu Văn An (GD&ĐT) - O’Neill, Li-băng 2.000 đồng…",
        "cố Thủ tướng Li-băng R.Hariri; “Tổng thống” Mỹ tại TP.HCM!\nHọc sinh lớp 2A",
    ]:
        assert fast.safe.fullmatch(s)
        syllables = [m.span() for m in grammar.SYLLABLE.finditer(s)]
        assert [m.span() for m in fast.syllable.finditer(s)] == syllables
    assert not fast.safe.fullmatch("Москва и 北京")  # other scripts take the regex patterns
