from decimal import Decimal

from vnextract.mentions import Mentions
from vnextract.records import Count, DateMention, Duration, Money
from vnextract.resolve import resolve_overlaps
from vnextract.text import Text


def test_date_beats_count_and_money_beats_count():
    sentence = "Đến năm 2020 có 504 triệu đồng"
    text = Text.from_string(sentence)
    year = DateMention(text="năm 2020", start=4, end=12, iso="2020")
    bogus_count = Count(text="2020 có", start=8, end=15, value=2020, unit="có")
    money = Money(text="504 triệu đồng", start=16, end=30, amount=Decimal(504_000_000), currency="VND")
    bogus_count2 = Count(text="504 triệu", start=16, end=25, value=504, unit="triệu")
    found = Mentions(dates=(year,), counts=(bogus_count, bogus_count2), money=(money,))
    resolved = resolve_overlaps(text, found)
    assert resolved.dates == (year,)
    assert resolved.money == (money,)
    assert resolved.counts == ()


def test_disjoint_mentions_all_survive():
    sentence = "Trong 5 năm qua có 13 tập thể"
    text = Text.from_string(sentence)
    duration = Duration(text="5 năm qua", start=6, end=15, value=Decimal(5), unit="year", iso="P5Y")
    count = Count(text="13 tập thể", start=19, end=29, value=13, unit="tập thể")
    resolved = resolve_overlaps(text, Mentions(durations=(duration,), counts=(count,)))
    assert resolved.durations == (duration,) and resolved.counts == (count,)
