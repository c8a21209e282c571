"""The scan of one sentence, left to right: at each syllable the rules of
:data:`~vnextract.recognizers.entities.scan_rules.RULES` are tried in order."""

from __future__ import annotations

import bisect
import functools
import itertools

from vnextract.recognizers.entities.classify import Classifier
from vnextract.recognizers.entities.scan_rules import ANY, RULES, At, Firsts, Rule
from vnextract.recognizers.entities.tables import (
    CAPITALISED_INTRODUCERS,
    LOOKS,
    ORG_INTRODUCERS,
    TEXT,
    TICKER_CUES,
    Cand,
    first_index,
    lexicons,
    lower_starts,
    prefix_first_syllables,
)


@functools.cache
def _start_tables() -> dict[str, frozenset[str]]:
    """First syllables of the lexicons rules start on (Rule.starts names one of these)."""
    lex = lexicons()
    organizations, heads = frozenset(first_index(lex.orgs)), frozenset(first_index(lex.heads))
    return {
        "organizations": organizations,
        "heads": heads,
        "organizations or heads": organizations | heads,
        "roles": frozenset(first_index(lex.cues)),
        "introducers": frozenset(first_index(ORG_INTRODUCERS)),
        "ticker cues": frozenset(first_index(TICKER_CUES)),
        "capitalised introducers": frozenset(first_index(CAPITALISED_INTRODUCERS)),
        "places": frozenset(first_index(lex.place_keys)),
        "place prefixes": prefix_first_syllables(),
    }


@functools.cache
def _firsts() -> Firsts:
    lex = lexicons()
    return Firsts(
        first_index(lex.orgs),
        first_index(lex.heads),
        first_index(lex.cues),
        first_index(ORG_INTRODUCERS),
        prefix_first_syllables(),
    )


@functools.cache
def _rules_by_kind() -> dict[str, tuple[tuple[frozenset[str] | None, Rule], ...]]:
    """The rules that can apply on each syllable kind, in RULES order, with their start sets."""
    tables = _start_tables()
    resolved = [(tables[r.starts] if isinstance(r.starts, str) else r.starts, r) for r in RULES]
    return {kind: tuple((starts, r) for starts, r in resolved if kind in r.kinds) for kind in ANY}


class Scanner(Classifier):
    """The scan over one sentence's syllables."""

    firsts: Firsts

    def scan(self, trace: list[str] | None = None) -> list[Cand]:
        """The candidates of the sentence; ``trace`` (if given) receives the name of every rule
        that applied, in order."""
        toks, n = self.toks, self.n
        self.trace = trace
        self.firsts = _firsts()
        self.apposition_bodies = set()
        lower_pairs = lower_starts()[1]
        rules_by_kind = _rules_by_kind()
        at = At([])
        # Most syllables start nothing (a lowercase word that begins no entry, a mark): the
        # scanner jumps over them. ``look`` lists the others, in order.
        looks = list(map(LOOKS.__getitem__, map(TEXT, toks)))
        look = list(itertools.compress(range(n), looks))
        looked = set(look)
        while at.i < n:
            i = at.i
            if i not in looked:
                j = look[p] if (p := bisect.bisect_left(look, i)) < len(look) else n
                if at.pending is not None and any(toks[q].text != "," for q in range(i, j)):
                    at.pending = None  # a comma keeps a title's person pending: "ông A, Giám đốc"
                at.i = j
                continue
            t = toks[i]
            if looks[i] == 2 and (i + 1 == n or (t.text, toks[i + 1].text) not in lower_pairs):
                at.pending = None  # a lowercase syllable that starts no entry here ("học" alone)
                at.i += 1
                continue
            at.move_to(i, t, i == 0 or (i == 1 and toks[0].kind == "punct"))
            text = t.text
            for starts, rule in rules_by_kind[t.kind]:
                if starts is not None and text not in starts:
                    continue
                if rule.apply(self, at):
                    if trace is not None:
                        trace.append(rule.name)
                    break
            else:  # no rule: step over the syllable; a comma keeps a pending title
                if t.kind != "punct" or t.text not in ",":
                    at.pending = None if t.kind in ("lower", "punct", "num") else at.pending
                at.i += 1
        return at.out
