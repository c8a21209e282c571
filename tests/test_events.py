"""Events: sanctions and awards with who, by whom, how much and for what (fixtures/events/own.jsonl)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

import vnextract
from vnextract.linking.event_appeals import UPHELD
from vnextract.records import Event

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "events" / "own.jsonl"
REFERENCE = Path(__file__).resolve().parent.parent / "fixtures" / "reference_article.txt"


def _examples(*, known_gaps: bool = True) -> list[Any]:
    """The corpus as test cases; with ``known_gaps`` its gaps are strict xfails."""
    params = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        example = json.loads(line)
        gap = known_gaps and example.get("xfail")
        marks = [pytest.mark.xfail(reason=example["xfail"], strict=True)] if gap else []
        params.append(pytest.param(example, id=example["id"], marks=marks))
    return params


def _text(part: Any) -> str | None:
    return None if part is None else str(part.text)


def _summary(event: Event) -> dict[str, Any]:
    """The fields the fixtures state, each as its surface text."""
    return {
        "kind": event.kind,
        "trigger": event.trigger.text,
        "status": event.status,
        "target": _text(event.target),
        "authority": _text(event.authority),
        "reason": _text(event.reason),
        "money": _text(event.money),
        "term": _text(event.term),
        "award": _text(event.award),
        "recipients": [r.text for r in event.recipients],
    }


@pytest.mark.parametrize("example", _examples())
def test_events_corpus(example: dict[str, Any]) -> None:
    doc = vnextract.extract(example["text"])
    assert [_summary(e) for e in doc.events] == example["events"]


@pytest.mark.parametrize("example", _examples(known_gaps=False))
def test_event_spans_are_the_callers_text(example: dict[str, Any]) -> None:
    text = example["text"]
    for event in vnextract.extract(text).events:
        parts = [event, event.trigger, event.target, event.authority, event.reason, event.money, event.term,
                 event.award, *event.recipients]  # fmt: skip
        for part in parts:
            if part is not None:
                assert text[part.start : part.end] == part.text
                # the parts outside the clause: the court of the case, named before it (of a
                # sentence, or of a fine passed with one), and the charge of the case, stated
                # before it or closing its sentence (of a fine passed with one: its charge)
                outside = part.end <= event.start or part.start >= event.end
                # a reason given only by another telling of the same fact (rule
                # ``reason_of_the_twin``: the headline's "vì …") stands where that telling is
                if part is event.reason and outside and _told_twice(text, event):
                    continue
                if (part is event.authority or part is event.reason) and outside:
                    assert event.kind in ("prison", "suspended_prison", "life_prison", "death", "fine")
                    assert event.kind != "fine" or part.end <= event.start  # the sentence's, before it
                    continue
                # a demand compared with the sentence before it is that sentence's defendant's
                if part is event.target and outside and event.status == "possible":
                    assert event.kind in ("prison", "suspended_prison", "life_prison", "death")
                    continue
                # the defendants a sentence points back to ("tuyên phạt hai bị cáo 18 và 14 năm tù"),
                # named before it; a sentence upheld on appeal ("tuyên y án sơ thẩm"): the target and
                # term of the sentence it upholds, stated before it
                upheld = UPHELD.fullmatch(event.trigger.text) is not None
                if (part is event.target or (part is event.term and upheld)) and part.end <= event.start:
                    assert event.kind in ("prison", "suspended_prison", "life_prison", "death")
                    continue
                assert event.start <= part.start and part.end <= event.end


def _told_twice(text: str, event: Any) -> bool:
    """Whether the text states ``event``'s trigger twice: once in its clause, once elsewhere."""
    return text.count(event.trigger.text) > 1


def test_fine_events_keep_in_step_with_fines() -> None:
    doc = vnextract.extract("Công ty A bị phạt 50 triệu đồng; giám đốc công ty bị phạt 10 triệu đồng.")
    assert [e.money for e in doc.events if e.kind == "fine"] == [f.money for f in doc.fines]


def test_linked_parties_name_their_records() -> None:
    event = vnextract.extract(
        "Bị cáo Nguyễn Văn Hùng bị TAND TP Cần Thơ tuyên phạt 18 năm tù về tội lừa đảo chiếm đoạt tài sản."
    ).events[0]
    assert (event.target.kind, event.target.name) == ("person", "Nguyễn Văn Hùng")
    assert (event.authority.kind, event.authority.name) == ("organization", "TAND TP Cần Thơ")
    assert (event.term.iso, event.term.value) == ("P18Y", 18)


def test_a_bare_court_word_is_a_mention_of_the_court_of_the_case() -> None:
    """ "HĐXX" (the trial panel) keeps its span and names the court the article named before."""
    event = vnextract.extract(
        "Ngày 5/4, TAND TP Hải Phòng xét xử sơ thẩm vụ án ma túy. HĐXX tuyên phạt Trần Văn Long 6 năm tù."
    ).events[0]
    assert (event.authority.text, event.authority.kind, event.authority.name) == (
        "HĐXX", "organization", "TAND TP Hải Phòng",
    )  # fmt: skip


def test_counted_recipients_carry_their_counts() -> None:
    event = vnextract.extract("Sở TTTT đã tặng Giấy khen cho 13 tập thể và 24 cá nhân.").events[0]
    assert [(r.kind, r.count.value, r.count.unit) for r in event.recipients] == [
        ("count", 13, "tập thể"),
        ("count", 24, "cá nhân"),
    ]


def test_reference_article_tells_one_award_and_one_fine() -> None:
    """The headline "Tuyên dương 13 tập thể và 24 cá nhân" and the body's "tặng Giấy khen cho 13
    tập thể và 24 cá nhân" are one award; the body's is kept, as it names the giver."""
    doc = vnextract.extract(REFERENCE.read_text(encoding="utf-8"))
    assert [(e.kind, e.trigger.text) for e in doc.events] == [("fine", "tiền phạt"), ("award", "tặng")]
    award = doc.events[1]
    assert award.authority.text == "Sở TTTT"
    assert award.award.text == "Giấy khen"
    assert award.reason.text == "có thành tích xuất sắc trong phong trào thi đua giai đoạn 2011-2015"
    assert award.date is None  # "giai đoạn 2011-2015" dates the achievements, inside the reason


def test_to_dict_has_events_with_span_dicts() -> None:
    data = vnextract.extract("Tài xế có thể bị phạt tới 26 triệu đồng.").to_dict()
    (event,) = data["events"]
    assert event["kind"] == "fine" and event["status"] == "possible"
    assert event["trigger"] == {"text": "phạt", "start": 17, "end": 21}
    assert event["money"]["amount"] == 26_000_000


def test_event_offsets_are_into_the_callers_string_when_it_is_decomposed() -> None:
    """NFD input (tone marks as combining characters): every part maps back to the caller's text."""
    sentence = "Công ty A bị Thanh tra Sở Y tế xử phạt 85 triệu đồng do quảng cáo sai."
    text = unicodedata.normalize("NFD", sentence)
    (event,) = vnextract.extract(text).events
    for part in (event, event.trigger, event.target, event.authority, event.reason, event.money):
        assert part is not None and text[part.start : part.end] == part.text
    assert unicodedata.normalize("NFC", event.reason.text) == "do quảng cáo sai"


def test_the_last_two_words_of_a_name_are_a_mention_of_that_person_only() -> None:
    """ "Trường Sơn" and "Nhật Sơn" tell two defendants called Sơn apart: each its own person."""
    text = (
        "Các bị cáo Nguyễn Văn Phú, Trần Nhật Sơn và Vũ Trường Sơn bị đưa ra xét xử. "
        "HĐXX tuyên phạt Phú 4 năm tù. Trường Sơn, Nhật Sơn mỗi bị cáo 3 năm tù."
    )
    targets = [e.target for e in vnextract.extract(text).events]
    assert [(t.text, t.kind, t.name) for t in targets if t is not None] == [
        ("Phú", "person", "Nguyễn Văn Phú"),
        ("Trường Sơn", "person", "Vũ Trường Sơn"),
        ("Nhật Sơn", "person", "Trần Nhật Sơn"),
    ]


def test_numbers_listed_before_a_unit_are_terms_of_their_own() -> None:
    # "16 và 12 năm tù" (16 and 12 years in prison): 16 years to the first name, 12 to the second;
    # the document's durations stay as the recognisers read them
    doc = vnextract.extract("Tòa tuyên phạt Đỗ Văn Hải, Lê Quang Vinh mức án 16 và 12 năm tù.")
    assert [(e.target.text, e.term.iso) for e in doc.events if e.target and e.term] == [
        ("Đỗ Văn Hải", "P16Y"),
        ("Lê Quang Vinh", "P12Y"),
    ]
    assert [d.text for d in doc.durations] == ["12 năm tù"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Tòa tuyên phạt bị cáo Trần Văn Bình 5 năm tù; TUYÊN PHẠT bị cáo Lê Văn An 3 năm tù.",
        "Ông Bình bị xử phạt vi phạm hành chính 7,5 triệu đồng và tước giấy phép lái xe 2 tháng.",
        "Anh ấy thừa nhận đã nhận hối lộ, rồi nhận 3 năm tù treo.",
        "Không có gì: phạt5 lần, xửphạt, trừng phạtt.",
    ],
)
def test_trigger_phrases_are_found_as_finditer_finds_them(sentence: str) -> None:
    """phrases_in (first words found once per Text, then the alternation tried there) gives the
    trigger pattern's own finditer matches, over the whole text and over every sub-range."""
    from vnextract.linking.event_table import _pattern, phrases_in
    from vnextract.text import Text

    text = Text.from_string(sentence)
    s = text.normalized
    ranges = [(0, len(s))] + [(a, b) for a in range(0, len(s), 7) for b in range(a, len(s) + 1, 11)]
    for a, b in ranges:
        expected = [m.span() for m in _pattern("trigger").finditer(s, a, b)]
        assert [m.span() for m in phrases_in("trigger", text, a, b)] == expected, (a, b)
    assert [m.group() for m in phrases_in("trigger", text, 0, len(s))]  # the cases hold triggers


def test_outcome_gives_way_to_a_longer_outcome() -> None:
    """"án tử" (the death sentence, short) is an outcome, but in "án tử hình" the longer "tử hình"
    that starts inside it is read, not the leftmost "án tử"."""
    from vnextract.linking.event_table import _pattern

    outcome = _pattern("outcome")
    assert [m.group() for m in outcome.finditer("tuyên án tử hình, lãnh án tử.")] == ["tử hình", "án tử"]
    assert outcome.search("Hai bị cáo thoát án tử, lĩnh án treo").group() == "án tử"


def test_a_court_named_by_its_level_is_the_court_of_that_level_named_before() -> None:
    """Rule ``court_by_its_level``: "TAND tỉnh" (the provincial court, no place named) is the
    provincial court the article named before it, not a court of another level named later."""
    doc = vnextract.extract(
        "Sáng 12/3, TAND tỉnh Bạc Liêu mở phiên tòa xét xử Hà Văn Cường. Kết thúc phiên xử, "
        "TAND tỉnh tuyên phạt Cường 12 năm tù."
    )
    (event,) = doc.events
    assert event.authority is not None
    assert (event.authority.text, event.authority.name) == ("TAND tỉnh", "TAND tỉnh Bạc Liêu")
    alone = vnextract.extract("Kết thúc phiên xử, TAND tỉnh tuyên phạt Hà Văn Cường 12 năm tù.").events[0]
    assert alone.authority is not None and alone.authority.name == "TAND tỉnh"  # none named before


def test_a_bare_procuracy_word_names_the_procuracy_named_before() -> None:
    """Rule ``procuracy_named_before``: "VKS" (the procuracy) in a demand keeps its span and names
    the procuracy the article named in full before it; with none named, itself."""
    doc = vnextract.extract(
        "Ngày 2/6, VKSND tỉnh Nghệ An truy tố Phan Văn Lực về tội giết người. Tại phiên tòa, "
        "đại diện VKS đề nghị phạt Lực 15-16 năm tù."
    )
    (event,) = doc.events
    assert event.authority is not None
    assert (event.authority.text, event.authority.name) == ("VKS", "VKSND tỉnh Nghệ An")
    alone = vnextract.extract("Tại phiên tòa, VKS đề nghị phạt Phan Văn Lực 15-16 năm tù.").events[0]
    assert alone.authority is not None and alone.authority.name == "VKS"


def test_a_licence_kind_is_no_office_holder() -> None:
    """Rule ``office_holder_target`` reads the holder of an office after a suspension, a ban or a
    dismissal ("đình chỉ công tác giám đốc Sở …"), not after a licence's trigger: in "thu hồi giấy
    phép lái xe" (revoke the driving licence) "lái xe" (driver) is the licence's kind."""
    text = "Phòng CSGT Công an tỉnh Long An thu hồi giấy phép lái xe 12 tháng của tài xế Nguyễn Văn An."
    (event,) = vnextract.extract(text).events
    assert event.kind == "licence_revoked"
    assert event.target is None or event.target.text == "Nguyễn Văn An"
    suspended = vnextract.extract("Đình chỉ công tác giám đốc Sở Xây dựng tỉnh Long An").events[0]
    assert suspended.target is not None and suspended.target.text == "giám đốc Sở Xây dựng tỉnh Long An"
