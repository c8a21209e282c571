"""The guards on the model's PER spans (learned/person_guards.py), on sentences written here."""

from __future__ import annotations

import pytest

import vnextract
from vnextract.learned import combine as combining
from vnextract.learned.person_guards import guarded
from vnextract.learned.view import sentence_syllables
from vnextract.text import Text


def _proposals(text: Text, wanted: list[tuple[str, str]]) -> list[combining.Proposal]:
    """The proposals of ``wanted`` (label, surface), at every place the surface is written."""
    out = []
    for si, sentence in enumerate(sentence_syllables(text)):
        forms = [s.text for s in sentence]
        for label, surface in wanted:
            words = Text.from_string(surface).normalized.replace("'", " ' ").split()
            for i in range(len(forms) - len(words) + 1):
                if forms[i : i + len(words)] == words:
                    out.append(
                        combining.Proposal(label, sentence[i].start, sentence[i + len(words) - 1].end, i, si)
                    )
    return sorted(out, key=lambda p: p.start)


def _guard(sentence: str, wanted: list[tuple[str, str]]) -> list[tuple[str, str]]:
    text = Text.from_string(sentence)
    proposals = _proposals(text, wanted)
    assert len(proposals) >= len(wanted)  # the helper found every span asked for
    kept = guarded(proposals, sentence_syllables(text))
    return [(p.label, text.normalized[p.start : p.end]) for p in kept]


@pytest.mark.parametrize(
    ("sentence", "wanted", "expected"),
    [
        pytest.param(  # the gazetteer's name, then a product of it: the maker alone
            "Anthropic Claude vừa ra bản mới.", [("PER", "Anthropic Claude")], [("ORG", "Anthropic")],
            id="known_organization_start",
        ),
        pytest.param(  # the gazetteer's name with its country: the organisation's whole name
            "Công ty Cathay Life Việt Nam tăng vốn.", [("PER", "Cathay Life Việt Nam")],
            [("ORG", "Cathay Life Việt Nam")], id="known_organization_with_place",
        ),
        pytest.param(
            "Hãng vừa ra mắt dòng máy tính Orbis giá rẻ.", [("PER", "Orbis")], [], id="after_product_noun",
        ),
        pytest.param(  # an opening quote between the noun and the name
            "Nhóm sinh viên mang robot 'Hổ Vàng' đi thi.", [("PER", "Hổ Vàng")], [], id="product_in_quotes",
        ),
        pytest.param(  # a thing once is a thing throughout, in a longer span too
            "Trình duyệt Orbis được tải nhiều. Những người tạo ra Orbis tin rằng Quảng bá Orbis là đúng.",
            [("PER", "Orbis"), ("PER", "Quảng bá Orbis")], [], id="thing_named_elsewhere",
        ),
        pytest.param(
            "Người Nauy giờ sưởi ấm nhà bằng nước thải.", [("PER", "Nauy")], [("LOC", "Nauy")],
            id="after_origin_noun",
        ),
        pytest.param(
            "Anh là người gốc Ghana.", [("PER", "Ghana")], [("LOC", "Ghana")], id="after_origin_noun_goc",
        ),
        pytest.param(
            "Pháo kích vào căn cứ Tal Rimah đêm qua.", [("PER", "Tal Rimah")], [("LOC", "Tal Rimah")],
            id="after_site_noun_place",
        ),
        pytest.param(  # a brand's spelling: lowercase, then a capital
            "Apple sẽ bán iPhone Air từ tháng sau.", [("PER", "iPhone Air")], [], id="camel_case_start",
        ),
        pytest.param(  # a word glued before a name is no brand's spelling: the text layer parts it
            # ("lời Charles"), and a span opening on a lowercase word is left to span_edges
            "Cô nghe theo lờiCharles Graner.",
            [("PER", "lờiCharles Graner")],
            [("PER", "lời Charles Graner")],
            id="glued_word_is_no_camel_case",
        ),
        pytest.param(  # a noun of four syllables
            "Hài cốt được đưa về nghĩa trang liệt sĩ Tân Hòa.", [("PER", "Tân Hòa")], [("LOC", "Tân Hòa")],
            id="after_site_noun_four_syllables",
        ),
        pytest.param(
            "Đoàn khách nghỉ tại khách sạn Sao Biển.", [("PER", "Sao Biển")], [("ORG", "Sao Biển")],
            id="after_site_noun_body",
        ),
        pytest.param(  # a longer noun for a person before the name: a person
            "Ảnh của người mẫu Lan Khuê được chia sẻ.", [("PER", "Lan Khuê")], [("PER", "Lan Khuê")],
            id="person_noun_is_no_origin",
        ),
        pytest.param(  # names listed after "như" (such as) are instances of the noun before it
            "Các khách sạn lớn như Hương Giang, Duy Tân và Bình Minh đều kín phòng.",
            [("PER", "Hương Giang"), ("PER", "Duy Tân"), ("PER", "Bình Minh")],
            [("ORG", "Hương Giang"), ("ORG", "Duy Tân"), ("ORG", "Bình Minh")],
            id="listed_after_site_body_noun",
        ),
        pytest.param(  # a modifier and a comma between the noun and "như"; a product list is nothing
            "Bản mới thêm tính năng cho các ứng dụng lõi, như Word, Power Point và Publisher.",
            [("PER", "Power Point"), ("PER", "Publisher")], [], id="listed_after_product_noun",
        ),
        pytest.param(  # "game thủ" (gamer) is a person noun that starts with "game" (a game)
            "Các game thủ như Trần Văn Hùng, Lê Minh Tuấn đều có mặt.",
            [("PER", "Trần Văn Hùng"), ("PER", "Lê Minh Tuấn")],
            [("PER", "Trần Văn Hùng"), ("PER", "Lê Minh Tuấn")], id="listed_after_person_noun",
        ),
        pytest.param(  # "như" after a noun no class holds: the model's reading stands
            "Nhiều nghệ sĩ như Hồng Nhung, Thanh Lam tham gia.",
            [("PER", "Hồng Nhung"), ("PER", "Thanh Lam")],
            [("PER", "Hồng Nhung"), ("PER", "Thanh Lam")], id="listed_after_other_noun",
        ),
        pytest.param(  # no cue, no known name: the model's reading stands
            "Hôm qua Trần Văn Hùng và Robben ra sân, còn Vinamilk tăng giá.",
            [("PER", "Trần Văn Hùng"), ("PER", "Robben"), ("ORG", "Vinamilk")],
            [("PER", "Trần Văn Hùng"), ("PER", "Robben"), ("ORG", "Vinamilk")], id="untouched",
        ),
    ],
)
def test_guards_on_the_models_persons(
    sentence: str, wanted: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    assert _guard(sentence, wanted) == expected


@pytest.mark.parametrize(
    ("sentence", "organizations"),
    [
        ("Anthropic Claude bị phản ứng vì gắn nhãn AI vào văn bản.", ["Anthropic"]),
        ("Công ty vừa ra mắt dòng máy tính Vibird. Khách hàng mục tiêu của Vibird là sinh viên.", []),
    ],
)
def test_the_packaged_model_keeps_no_brand_or_product_as_a_person(
    sentence: str, organizations: list[str]
) -> None:
    # without the guards the packaged model reads "Anthropic Claude" and "Vibird" as persons
    doc = vnextract.extract(sentence)
    assert [p.name for p in doc.persons] == []
    assert [o.name for o in doc.organizations] == organizations
