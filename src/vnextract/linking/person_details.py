"""The details news gives next to a person's name: age ("25 tuổi"), birth year ("SN 1994",
"sinh năm 1994"), residence ("trú tại …", "ngụ …", an address in brackets), the gender the
honorific implies, and the name as written ("Lê Thị Th." keeps its dot). Moved out of
:mod:`vnextract.linking.persons` (issue 14).
"""

from __future__ import annotations

import regex

from vnextract.lazy_regex import lazy_compile
from vnextract.lexicon.words import alternation
from vnextract.linking.person_mentions import Cluster, Mention, gender_of

# Person details next to a mention.
_AGE = lazy_compile(r"\s*[,(]\s*(?:SN\s*\d{4}\s*,\s*)?(\d{1,3})\s+tuổi")


# (grammar: the three ways a birth year is written, "SN" = sinh năm = born in)
_BIRTH_YEAR = lazy_compile(r"\s*,?\s*\(?\s*(?:\d{1,3}\s+tuổi\s*,\s*)?(?:SN|sinh\s+năm|sinh)\s*(\d{4})(?!\d)")


# the unit words of an address: "thôn" (hamlet), "phường" (ward), "TP." … (word_classes.tsv
# "address_unit")
_PLACE_UNIT = "(?:" + alternation("address_unit", r"\s+") + ")"


_PLACE_CHUNK = rf"""
    (?:{_PLACE_UNIT}\s*)?
    [\p{{Lu}}\p{{N}}][\p{{L}}\p{{N}}/\-]*(?:\s+[\p{{Lu}}\p{{N}}][\p{{L}}\p{{N}}/\-]*)*"""


# the words before an address: "trú" (resides), "ngụ" (lives), "quê" (home town) (word_classes.tsv
# "residence_cue")
_RESIDENCE_CUE = alternation("residence_cue", r"\s+")

# "trú tại xã Tân Phú, huyện Đức Hòa", "ngụ huyện Bình Chánh", "ở thôn 2, xã Quảng Bị".
_RESIDENCE = lazy_compile(
    rf"""\s*[,(]\s*(?:[^,()\n]{{0,30}}?,\s*){{0,2}}?            # "(25 tuổi, " / ", 65 tuổi, "
    (?:{_RESIDENCE_CUE})(?:\s+(?:tại|ở))?\s+                  # "trú tại", "ngụ", "quê"
    (?P<r>{_PLACE_CHUNK}(?:\s*,\s*{_PLACE_CHUNK})*)""",
    regex.VERBOSE,
)


# An address in brackets right after the name: "cô Nguyễn Thị Hồng Xương (xã Long An, Long Hồ,
# Vĩnh Long)", "nạn nhân Bùi Thanh Hải (ngõ Quan Thổ 1, quận Đống Đa)".
_ADDRESS_ASIDE = lazy_compile(
    rf"""[ \t]*\([ \t]*(?P<r>(?={_PLACE_UNIT}\s){_PLACE_CHUNK}(?:\s*,\s*{_PLACE_CHUNK})*)[ \t]*\)""",
    regex.VERBOSE,
)


_DETAILS_LOOK_AHEAD = 200  # an address after a name: "(ngõ Quan Thổ 1, quận Đống Đa, Hà Nội)"


def details_of(s: str, cluster: Cluster) -> dict[str, object]:
    out: dict[str, object] = {}
    for m in cluster.mentions:
        end = m.end + _DETAILS_LOOK_AHEAD
        if "age" not in out and (a := _AGE.match(s, m.end, end)):
            out["age"] = int(a.group(1))
        if "birth_year" not in out and (b := _BIRTH_YEAR.match(s, m.end, end)):
            out["birth_year"] = int(b.group(1))
        if "residence" not in out and (
            r := _RESIDENCE.match(s, m.end, end) or _ADDRESS_ASIDE.match(s, m.end, end)
        ):
            out["residence"] = " ".join(r.group("r").split())
    for h in cluster.honorifics:
        if (g := gender_of(h)) is not None:
            out["gender"] = g
            break
    return out


# A given name cut to its first consonants, as the press writes a suspect's or a victim's name:
# "Lê Thị Th.", "Nguyễn Văn H." — the dot is part of the name ("Nguyễn Văn An." is not cut: a
# syllable has a vowel).
_CUT_GIVEN_NAME = lazy_compile(r"(?:^|\s)(?i:[bcdđghklmnpqrstvx]{1,3})$")


def written_name(s: str, mention: Mention) -> str:
    """The person's name as written: "Lê Thị Th." keeps the dot of its cut given name."""
    if s.startswith(".", mention.end) and _CUT_GIVEN_NAME.search(mention.name):
        return mention.name + "."
    return mention.name
