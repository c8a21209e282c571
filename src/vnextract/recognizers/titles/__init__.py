"""Recogniser: titles — positions, ranks, professions and roles in a case, with their organisation.

"Phó Chủ tịch Thường trực UBND tỉnh" → Title(role="Phó Chủ tịch Thường trực", organization="UBND tỉnh").
The recogniser finds every title in the text; the persons linker keeps those it can attach to a
person (a title nobody holds is dropped from the Document). The organisation here is our own
reading of the words after the role; the linker narrows it to an Organization record found next
to the role and cuts it before a person's name ("Giám đốc Sở TTTT Lai Xuân Thành").

- :mod:`~vnextract.recognizers.titles.grammar`: the roles, modifiers and degrees compiled from
  the data files, and where a title can start (:func:`candidates`);
- :mod:`~vnextract.recognizers.titles.rules`: :data:`TITLE_RULES`, the named rules applied to
  each title in order (its class, whether a name or an organisation follows, asides …);
- :mod:`~vnextract.recognizers.titles.reader`: the organisation after a role, read by the named
  rules of :data:`READER_RULES`.
"""

from __future__ import annotations

from collections.abc import Iterator

from vnextract.recognizers.titles.grammar import MODIFIERS, candidates, lexicon, role_kind
from vnextract.recognizers.titles.reader import READER_RULES, organization_at, read_organization
from vnextract.recognizers.titles.rules import TITLE_RULES, Found
from vnextract.records import Title
from vnextract.text import Text

__all__ = [
    "MODIFIERS",
    "READER_RULES",
    "ROLE",
    "TITLE_RULES",
    "lexicon",
    "organization_at",
    "read_organization",
    "recognize",
    "role_kind",
    "rules_fired",
]

#: The name of the grammar's own rule in traces: a role (or degree) matched, maybe with its
#: modifier ("nguyên Giám đốc"); the rules of TITLE_RULES are then applied to it.
ROLE = "role"


def _titles(text: Text, trace: list[str] | None = None) -> Iterator[Title]:
    s = text.normalized
    token_starts = [t.start for t in text.tokens]
    for m in candidates(s):
        found = Found(text, m, token_starts, trace)
        if trace is not None:
            trace.append(ROLE)
        for rule in TITLE_RULES:
            if rule.apply(found) and trace is not None:
                trace.append(rule.name)
            if found.dropped:
                break
        if found.dropped:
            continue
        role_start = m.start("role")
        if found.org is not None:
            organization: str | None = s[found.org[0] : found.org[1]]
            role = s[role_start : found.org[0]].rstrip(" ,")
            end = found.org[1]
        else:
            organization, role, end = None, s[role_start : found.end], found.end
        yield Title(
            text=s[m.start() : end],
            start=m.start(),
            end=end,
            role=role,
            organization=organization,
            modifier=found.modifier,
        )


def recognize(text: Text) -> Iterator[Title]:
    """Yield every title in ``text.normalized`` with the organisation written after it.

    >>> from vnextract.text import Text
    >>> [t.text for t in recognize(Text.from_string("Phó Chủ tịch Thường trực UBND tỉnh đã phát biểu."))]
    ['Phó Chủ tịch Thường trực UBND tỉnh']
    """
    return _titles(text)


def rules_fired(text: Text) -> list[str]:
    """The names of the title rules that applied to ``text``, in order (for tests and
    debugging): "role" for each role the grammar matched, those of :data:`TITLE_RULES`, and the
    organisation reader's as "org:<name>".

    >>> from vnextract.text import Text
    >>> rules_fired(Text.from_string("Giám đốc Sở Xây dựng TP.HCM cho biết."))[-4:]
    ['org:joined_capital_word', 'org:name_word', 'org:name_word', 'organization_after']
    """
    trace: list[str] = []
    for _ in _titles(text, trace):
        pass
    return trace
