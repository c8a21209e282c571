"""Who decides an event, for the events linker: whether a phrase names an authority ("Tòa án",
"HĐXX", "Chủ tịch nước"), parties that decide nothing ("Đảng"), an authority opening a clause."""

from __future__ import annotations

from vnextract.lexicon import key, org_heads
from vnextract.linking.event_spans import _after_spaces
from vnextract.linking.event_table import _table
from vnextract.records import Party


def _names_an_authority(phrase: str) -> bool:
    """Whether a bare phrase opens with an organisation head ("Tòa án", "Cơ quan …") or an
    authority of the table ("HĐXX", "Chủ tịch nước"): not "Theo đó mức" (accordingly, the level)."""
    words = key(phrase[:1].upper() + phrase[1:])
    heads = org_heads()
    authorities = _table()["authority"]
    openings = (words[:n] for n in range(1, min(4, len(words)) + 1))
    return any(opening in heads or " ".join(opening).casefold() in authorities for opening in openings)


def _no_authority(party: Party) -> bool:
    """Rule ``party_is_no_authority``: the ``not_an_authority`` rows of the table ("Đảng" = the
    Party as a whole, where one is expelled from or disciplined in) decide nothing: "Ban thường vụ
    tỉnh ủy ra quyết định cảnh cáo về mặt Đảng và đề nghị cách chức …" is the standing committee's."""
    return " ".join(party.text.casefold().split()) in _table()["not_an_authority"]


def _opening_authority(norm: str, start: int, end: int) -> Party | None:
    """A court word or an authority of the table opening [start, end): "HĐXX bác đề nghị …"."""
    words = sorted({*_table()["court_word"], *_table()["authority"]}, key=len, reverse=True)
    at = _after_spaces(norm, start)
    for phrase in words:
        stop = at + len(phrase)
        if stop <= end and norm[at:stop].casefold() == phrase and not norm[stop : stop + 1].isalpha():
            return Party(text=norm[at:stop], start=at, end=stop, kind="group")
    return None
