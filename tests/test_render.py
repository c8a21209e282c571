"""The HTML renderer: every kind drawn, values on hover, escaping, nesting and crossing spans."""

from __future__ import annotations

from decimal import Decimal
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vnextract
from sample_documents import sample_document, span, with_event, with_location
from vnextract.output.render import KINDS, describe, marks, render, vietnamese_number
from vnextract.records import Count, Document, Money, Organization, Person, Title


class Drawn(HTMLParser):
    """Reads the renderer's HTML back: the visible text, every mark fragment, labels, legend."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.stack: list[str] = []
        self.open_marks: list[dict[str, str | None]] = []
        self.fragments: list[tuple[str, int, int, str]] = []  # kind, start, end, tooltip
        self.fragment_text: dict[int, str] = {}
        self.labels: list[str] = []
        self.legend: list[str] = []
        self.nesting: list[tuple[str, str]] = []  # (outer kind, inner kind)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        cls = a.get("class") or ""
        self.stack.append(cls.split()[0] if cls else tag)
        if tag == "mark":
            if self.open_marks:
                self.nesting.append((str(self.open_marks[-1]["data-kind"]), str(a["data-kind"])))
            a["_index"] = str(len(self.fragments))
            self.fragments.append(
                (str(a["data-kind"]), int(a["data-start"] or 0), int(a["data-end"] or 0), str(a["title"]))
            )
            self.fragment_text[len(self.fragments) - 1] = ""
            self.open_marks.append(a)
        if cls == "vnx-legend-item" and a.get("data-kind"):
            self.legend.append(str(a["data-kind"]))

    def handle_endtag(self, tag: str) -> None:
        self.stack.pop()
        if tag == "mark":
            self.open_marks.pop()

    def handle_data(self, data: str) -> None:
        if "vnx-label" in self.stack:
            self.labels.append(data)
        elif "vnx-text" in self.stack:
            self.text += data
            for mark in self.open_marks:
                self.fragment_text[int(str(mark["_index"]))] += data


def read(markup: str) -> Drawn:
    parser = Drawn()
    parser.feed(markup)
    parser.close()
    assert parser.stack == [], "unbalanced tags"
    return parser


# ----------------------------------------------------------------------------- values


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("504000000"), "504.000.000"),
        (144, "144"),
        (Decimal("1.5"), "1,5"),
        (Decimal("12.50"), "12,5"),
        (Decimal("1234567.25"), "1.234.567,25"),
        (Decimal("-0.5"), "-0,5"),
        (Decimal("5E+8"), "500.000.000"),
    ],
)
def test_vietnamese_number_groups_with_dots_and_uses_a_decimal_comma(value, expected):
    assert vietnamese_number(value) == expected


def test_hover_values_are_the_normalised_values():
    doc = sample_document()
    assert describe(doc.money[0]) == "504.000.000 VND (hơn)"
    assert describe(doc.dates[0]) == "2015-08-24T07:38"
    assert describe(doc.dates[1]) == "2011/2015\n2011-01-01 … 2015-12-31"
    assert describe(doc.counts[0]) == "144 trường hợp"
    assert describe(doc.percentages[0]) == "80%"
    assert describe(doc.durations[0]) == "P5Y · 5 year"
    assert describe(doc.quantities[0]) == "3,5 ha"
    assert describe(doc.abbreviations[0]) == "TTTT = Thông tin và Truyền thông"
    assert describe(doc.fines[0]) == "phạt 504.000.000 VND (hơn)\nvi phạm: 144 trường hợp"
    person = describe(doc.persons[0])
    assert person.splitlines() == [
        "ông Trần Thanh Liêm",
        "• Phó Chủ tịch Thường trực UBND tỉnh Bình Dương (Ủy ban nhân dân tỉnh Bình Dương)",
        "2 mentions",
    ]


def test_ranges_and_percentage_points_and_relative_dates():
    t = "từ 5 đến 7 triệu đồng, tăng 0,5 điểm phần trăm, 10-15%, hôm qua"
    money = span(
        Money, t, "từ 5 đến 7 triệu đồng", amount=Decimal(5000000), amount_to=Decimal(7000000), currency="VND"
    )
    from vnextract.records import DateMention, Percentage

    assert describe(money) == "5.000.000–7.000.000 VND"
    point = span(Percentage, t, "0,5 điểm phần trăm", value=Decimal("0.5"), unit="percentage_point")
    assert describe(point) == "0,5 điểm %"
    assert describe(span(Percentage, t, "10-15%", value=Decimal(10), value_to=Decimal(15))) == "10–15%"
    assert describe(span(DateMention, t, "hôm qua", iso=None)).startswith("(tương đối")


# ----------------------------------------------------------------------------- drawing


def test_every_kind_is_drawn_with_label_legend_and_tooltip():
    doc = with_event(with_location(sample_document()))
    drawn = read(render(doc))
    kinds = {kind for kind, *_ in drawn.fragments}
    # money shares its span with no fine here (the fine starts at "tiền phạt"), so it is drawn too
    assert kinds == set(KINDS)
    assert set(drawn.legend) == set(KINDS)
    assert {KINDS[k].label for k in KINDS} == set(drawn.labels)
    tooltips = {(kind, doc.text[s:e]): tip for kind, s, e, tip in drawn.fragments}
    assert tooltips[("money", "hơn 504 triệu đồng")] == "504.000.000 VND (hơn)"
    assert tooltips[("date", "24/08/2015 - 07:38")] == "2015-08-24T07:38"
    assert "Phó Chủ tịch Thường trực UBND tỉnh Bình Dương" in tooltips[("person", "Trần Thanh Liêm")]
    # an event is drawn on its trigger word, its fields in the tooltip
    assert tooltips[("event", "tiền phạt")] == (
        "fine · imposed\nđối tượng (target): 144 trường hợp\ntiền (money): 504.000.000 VND (hơn)"
    )


def test_rendered_text_is_exactly_the_document_text():
    doc = sample_document()
    assert read(render(doc)).text == doc.text


def test_legend_counts_records_not_mentions():
    doc = sample_document()  # one person mentioned twice
    markup = render(doc)
    assert "người · person × 1<" in markup
    assert markup.count('data-kind="person" data-start') == 2


def test_every_mention_of_a_person_is_highlighted_with_the_same_tooltip():
    doc = sample_document()
    people = [(s, e, tip) for kind, s, e, tip in read(render(doc)).fragments if kind == "person"]
    assert [doc.text[s:e] for s, e, _ in people] == ["Trần Thanh Liêm", "Liêm"]
    assert people[0][2] == people[1][2]


def test_nested_records_become_nested_marks():
    doc = with_location(sample_document())
    drawn = read(render(doc))
    assert ("title", "organization") in drawn.nesting  # "UBND tỉnh Bình Dương" inside the title
    assert ("organization", "location") in drawn.nesting  # "Bình Dương" inside the organisation
    assert ("fine", "money") in drawn.nesting  # "hơn 504 triệu đồng" inside "tiền phạt hơn …"


def test_a_fine_on_exactly_the_money_span_is_drawn_once():
    t = "Số tiền phạt hơn 504 triệu đồng."
    money = span(
        Money, t, "hơn 504 triệu đồng", amount=Decimal(504000000), currency="VND", qualifier="more_than"
    )
    from vnextract.records import Fine

    fine = span(Fine, t, "hơn 504 triệu đồng", money=money)
    drawn = read(render(Document(text=t, money=(money,), fines=(fine,))))
    assert [(k, tip) for k, _, _, tip in drawn.fragments] == [("fine", "phạt 504.000.000 VND (hơn)")]


def test_crossing_records_are_cut_into_fragments_with_one_label_each():
    t = "Bộ trưởng Bộ Y tế Nguyễn Thanh Long"
    org = span(Organization, t, "Bộ Y tế Nguyễn", name="x")  # crosses the person on purpose
    person = span(Person, t, "tế Nguyễn Thanh Long", name="y")
    drawn = read(render(Document(text=t, organizations=(org,), persons=(person,))))
    assert drawn.text == t
    pieces = [(kind, drawn.fragment_text[i]) for i, (kind, *_rest) in enumerate(drawn.fragments)]
    assert pieces == [
        ("organization", "Bộ Y tế Nguyễn"),
        ("person", "tế Nguyễn"),
        ("person", " Thanh Long"),
    ]
    assert drawn.labels == ["ORG", "PER"]


def test_input_html_is_escaped_in_text_and_tooltips():
    t = 'Công ty <script>alert("x")</script> & "Sữa" phạt 5 triệu đồng'
    org = span(Organization, t, '<script>alert("x")</script>', name='<img src=x onerror="alert(1)">')
    money = span(Money, t, "5 triệu đồng", amount=Decimal(5000000), currency="VND")
    markup = render(Document(text=t, organizations=(org,), money=(money,)))
    assert "<script>" not in markup
    assert "<img" not in markup
    assert "&lt;script&gt;" in markup
    drawn = read(markup)
    assert drawn.text == t
    assert drawn.fragments[0][3] == '<img src=x onerror="alert(1)">'  # safely inside the attribute


def test_kinds_filter_and_switches():
    doc = sample_document()
    drawn = read(render(doc, kinds=["money", "person"], labels=False, legend=False))
    assert {kind for kind, *_ in drawn.fragments} == {"money", "person"}
    assert drawn.labels == []
    assert drawn.legend == []
    assert drawn.text == doc.text
    with pytest.raises(ValueError, match="unknown kinds"):
        render(doc, kinds=["people"])


def test_empty_document_and_page():
    page = render(Document(text="Không có gì <b>ở đây</b>\n"), page=True)
    assert page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page
    assert "không có bản ghi" in page
    assert "&lt;b&gt;ở đây&lt;/b&gt;" in page


def test_render_refuses_what_is_not_a_document():
    with pytest.raises(TypeError, match="takes a Document"):
        render("Tuyên dương 13 tập thể")  # type: ignore[arg-type]


def test_repr_html_is_the_rendering():
    doc = sample_document()
    assert doc._repr_html_() == render(doc)
    assert type(doc._repr_html_()) is str
    # render() gives a str that a notebook also draws when it ends a cell
    shown = render(doc, kinds=["person"])
    assert isinstance(shown, str)
    assert shown._repr_html_() == str(shown)
    assert vnextract.render(doc) == render(doc)


def test_marks_are_ordered_outer_first_and_deduplicated():
    doc = sample_document()
    doubled = Document(text=doc.text, counts=doc.counts * 2, money=doc.money, fines=doc.fines)
    drawn = marks(doubled)
    assert [(m.kind, doc.text[m.start : m.end]) for m in drawn] == [
        ("count", "144 trường hợp"),
        ("fine", "tiền phạt hơn 504 triệu đồng"),
        ("money", "hơn 504 triệu đồng"),
    ]


def test_real_extraction_of_the_reference_article_renders_its_text(reference_article):
    doc = vnextract.extract(reference_article)
    drawn = read(render(doc))
    assert drawn.text == reference_article
    # every record found is drawn (a fine on exactly its money's span is one mark)
    assert {(r.start, r.end) for r in doc.records()} <= {(s, e) for _, s, e, _ in drawn.fragments}


# ----------------------------------------------------------------------------- any spans

_ALPHABET = st.sampled_from(list("ab <>&\"'\nđồng\u0301"))


@st.composite
def documents_with_random_spans(draw: st.DrawFn) -> Document:
    text = draw(st.text(alphabet=_ALPHABET, min_size=1, max_size=40))
    bounds = st.tuples(st.integers(0, len(text) - 1), st.integers(1, len(text))).filter(lambda p: p[0] < p[1])
    pairs = draw(st.lists(bounds, max_size=8))
    counts = tuple(Count(text=text[a:b], start=a, end=b, value=1, unit="x") for a, b in pairs)
    titles = draw(st.lists(bounds, max_size=3))
    people = tuple(
        Person(
            text=text[a:b],
            start=a,
            end=b,
            name="p",
            titles=tuple(Title(text=text[c:d], start=c, end=d, role="r") for c, d in titles),
        )
        for a, b in draw(st.lists(bounds, max_size=2))
    )
    return Document(text=text, counts=counts, persons=people)


@settings(max_examples=150, deadline=None)
@given(documents_with_random_spans())
def test_any_spans_render_balanced_html_that_reads_back_as_the_text(doc):
    drawn = read(render(doc))
    assert drawn.text == doc.text
    wanted = marks(doc)
    # every record is drawn (possibly in fragments) and labelled exactly once
    assert {(m.kind, m.start, m.end) for m in wanted} == {(k, s, e) for k, s, e, _ in drawn.fragments}
    assert len(drawn.labels) == len(wanted)
    # the fragments of a record cover exactly its span
    covered: dict[tuple[str, int, int], str] = {}
    for i, (kind, s, e, _tip) in enumerate(drawn.fragments):
        covered[(kind, s, e)] = covered.get((kind, s, e), "") + drawn.fragment_text[i]
    for (kind, s, e), inside in covered.items():
        assert inside == doc.text[s:e], (kind, s, e)


@pytest.mark.parametrize(
    "module", ["vnextract.output.render", "vnextract.output.frames", "vnextract.output.rows"]
)
def test_docstring_examples_run(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0
    assert result.failed == 0
