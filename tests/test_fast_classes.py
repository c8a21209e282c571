"""fast_classes spells regex's Unicode classes out for the stdlib re, on news characters."""

from __future__ import annotations

import re

import regex
from hypothesis import given
from hypothesis import strategies as st

from vnextract.text.fast_classes import fast_chars, only_fast_chars, spelled


def test_spelled_classes_hold_what_regex_says() -> None:
    upper = set(spelled(r"\p{Lu}").replace("\\", ""))
    assert {"A", "Đ", "Ố", "Ự"} <= upper and not {"a", "đ", "ố", "1"} & upper
    assert "ạ" in spelled(r"[^\p{Lu}]") and " " not in spelled(r"\S")


def test_only_fast_chars() -> None:
    assert only_fast_chars().fullmatch("Ủy ban nhân dân tỉnh Bình Dương – 2,5 tỷ ₫")
    assert not only_fast_chars().fullmatch("北京 Bắc Kinh")
    assert not only_fast_chars().fullmatch("a\nb") and only_fast_chars("\n").fullmatch("a\nb")


@given(st.text(alphabet=st.sampled_from(fast_chars()), max_size=40))
def test_a_spelled_pattern_cuts_like_its_regex_original(s: str) -> None:
    original = regex.compile(r"[\p{L}\p{N}]++|[^\p{L}\p{N}\s]")
    letters, marks = spelled(r"[\p{L}\p{N}]"), spelled(r"[^\p{L}\p{N}\s]")
    fast = re.compile(f"[{letters}]++|[{marks}]")
    assert [m.span() for m in fast.finditer(s)] == [m.span() for m in original.finditer(s)]
