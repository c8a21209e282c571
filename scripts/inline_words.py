"""Word lists written inline in the package's code, and whether each says why it is there.

    python scripts/inline_words.py [--all]

Lexicons are data (``vnextract/data/*.tsv``, read by ``vnextract.lexicon``); a list of words in
the code is allowed only when it is grammar (a handful of function words a rule is written
around) and a comment says so. This lists every literal set, list, tuple or dict of at least
``MIN_WORDS`` strings of which one is Vietnamese (has a letter outside ASCII), and every regex
alternation of at least ``MIN_WORDS`` such words, and counts them per module: "grammar" when a
comment on the lines of its statement or on the three lines above it says "grammar", "left"
otherwise.
``--all`` prints the grammar ones too. Exits 0: it reports, the reviewer judges.

Lists of English or other ASCII words are not seen (a limit of the heuristic).
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import regex

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "vnextract"
MIN_WORDS = 3
_VIETNAMESE = regex.compile(r"[^\x00-\x7f]")
_WORD = regex.compile(r"\p{L}+(?: \p{L}+)*")
# Alternatives of a regex group written as plain words ("ông|bà|cô|anh|chị").
_ALTERNATION = regex.compile(r"(?:\p{L}+(?:\\s\+|\s|\\ )?)+(?:\|(?:\p{L}+(?:\\s\+|\s|\\ )?)+){2,}")


class Found(NamedTuple):
    path: Path
    line: int
    words: list[str]
    grammar: bool


def _is_words(strings: list[str]) -> bool:
    return (
        len(strings) >= MIN_WORDS
        and all(_WORD.fullmatch(s) for s in strings)
        and any(_VIETNAMESE.search(s) for s in strings)
    )


def _explained(lines: list[str], first: int, last: int) -> bool:
    """A comment on the lines of the literal or the three lines above says "grammar"."""
    for number in range(max(1, first - 3), last + 1):
        text = lines[number - 1]
        if "#" in text and "grammar" in text[text.index("#") :].casefold():
            return True
    return False


def inline_lists(path: Path) -> list[Found]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    found: list[Found] = []
    tree = ast.parse(source)
    # the first line of the statement each node is in (a comment above it explains the node)
    statement_of: dict[ast.AST, int] = {}
    for statement in ast.walk(tree):
        if isinstance(statement, ast.stmt):
            for inner in ast.walk(statement):
                statement_of[inner] = statement.lineno  # the innermost statement wins (walked last)
    docstrings = {
        id(statement.value)
        for statement in ast.walk(tree)
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
    }
    for node in ast.walk(tree):
        if id(node) in docstrings:
            continue  # an example in a docstring is no word list
        strings: list[str] = []
        if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
            elements = node.elts
        elif isinstance(node, ast.Dict):
            elements = [k for k in node.keys if k is not None]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            elements = []
            for m in _ALTERNATION.finditer(node.value):
                words = [regex.sub(r"\\s\+|\\ ", " ", w).strip() for w in m.group().split("|")]
                if _is_words(words):
                    strings += words
        else:
            continue
        if elements:
            if not all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in elements):
                continue
            strings = [e.value for e in elements if isinstance(e, ast.Constant)]
        if _is_words(strings):
            end = getattr(node, "end_lineno", None) or node.lineno
            first = statement_of.get(node, node.lineno)
            found.append(Found(path, node.lineno, strings, _explained(lines, first, end)))
    return sorted(found, key=lambda f: f.line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--all", action="store_true", help="print the grammar lists too")
    args = parser.parse_args(argv)
    counts: Counter[tuple[str, bool]] = Counter()
    for path in sorted(PACKAGE.rglob("*.py")):
        for f in inline_lists(path):
            module = str(path.relative_to(PACKAGE))
            counts[(module, f.grammar)] += 1
            if args.all or not f.grammar:
                label = "grammar" if f.grammar else "left"
                print(f"{module}:{f.line}: {label}: {len(f.words)} words {f.words[:5]}")
    modules = sorted({module for module, _ in counts})
    print(f"\n{'module':42} grammar  left")
    for module in modules:
        print(f"{module:42} {counts[(module, True)]:7} {counts[(module, False)]:5}")
    grammar = sum(n for (_, g), n in counts.items() if g)
    left = sum(n for (_, g), n in counts.items() if not g)
    print(f"{'total':42} {grammar:7} {left:5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
