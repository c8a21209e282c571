"""Every code example in README.md and docs/*.md runs, so the documentation never rots.

Conventions the pages follow (docs/index.md repeats them for writers):

- A ```` ```python ```` block runs after the earlier python blocks of the same page (fresh
  namespace per test, working directory the project root). A line ``print(...)  # text`` must
  print exactly ``text`` (all output of that line, so one line of output).
- A ```` ```console ```` block holds ``$ command`` lines, run by bash in a scratch folder that
  has the project's ``fixtures/`` (as from the project root), with this Python's scripts first
  on PATH; the lines after a command are its expected output, where a line ``...`` stands for
  any number of lines. Commands must exit 0.
- ```` ```sh ```` blocks (installation) and other languages are not run here: CI runs the set-up.
- An HTML comment on the line before a block, ``<!-- test: skip reason -->`` or
  ``<!-- test: xfail reason -->``, skips it or marks it as an expected failure (not strict:
  examples waiting for a recogniser still in progress).
"""

from __future__ import annotations

import ast
import io
import os
import re
import subprocess
import sys
import tokenize
from pathlib import Path
from typing import Any, NamedTuple

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_MARKER = re.compile(r"<!--\s*test:\s*(skip|xfail)\b\s*(.*?)\s*-->")
_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*([\w+-]*)")


class Block(NamedTuple):
    page: Path
    line: int  # 1-based line of the opening fence
    lang: str
    source: str
    marker: tuple[str, str] | None  # ("skip"|"xfail", reason)

    @property
    def id(self) -> str:
        page = self.page.relative_to(ROOT) if self.page.is_relative_to(ROOT) else self.page.name
        return f"{page}:{self.line}"


def blocks(page: Path) -> list[Block]:
    """The fenced code blocks of a Markdown page, with the test marker before each."""
    lines = page.read_text(encoding="utf-8").splitlines()
    out: list[Block] = []
    i = 0
    while i < len(lines):
        fence = _FENCE.match(lines[i])
        if not fence:
            i += 1
            continue
        indent, ticks, lang = fence.groups()
        body: list[str] = []
        j = i + 1
        while j < len(lines) and not lines[j].strip().startswith(ticks):
            line = lines[j]
            body.append(line[len(indent) :] if line.startswith(indent) else line.lstrip())
            j += 1
        before = next((lines[k] for k in range(i - 1, -1, -1) if lines[k].strip()), "")
        found = _MARKER.search(before)
        marker = (found.group(1), found.group(2)) if found else None
        out.append(Block(page, i + 1, lang.lower(), "\n".join(body) + "\n", marker))
        i = j + 1
    return out


ALL_BLOCKS = [b for page in PAGES if page.exists() for b in blocks(page)]
PYTHON = [b for b in ALL_BLOCKS if b.lang in ("python", "py")]
CONSOLE = [b for b in ALL_BLOCKS if b.lang == "console"]


def _params(selected: list[Block]) -> list[Any]:
    params = []
    for block in selected:
        marks: list[Any] = []
        if block.marker and block.marker[0] == "skip":
            marks.append(pytest.mark.skip(reason=block.marker[1] or "marked skip in the page"))
        elif block.marker:
            marks.append(
                pytest.mark.xfail(reason=block.marker[1] or "marked xfail in the page", strict=False)
            )
        params.append(pytest.param(block, id=block.id, marks=marks))
    return params


# ----------------------------------------------------------------------------- python


def expected_prints(source: str) -> dict[tuple[int, int], str]:
    """(first line, last line) of each ``print(...)`` call with a comment after it → the comment."""
    comments = {
        tok.start[0]: tok.string.lstrip("#").strip()
        for tok in tokenize.generate_tokens(io.StringIO(source).readline)
        if tok.type == tokenize.COMMENT
    }
    out: dict[tuple[int, int], str] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
            end = node.end_lineno or node.lineno
            if end in comments:
                out[(node.lineno, end)] = comments[end]
    return out


def run_python(block: Block, check: bool, namespace: dict[str, Any] | None = None) -> None:
    """Run a python block in ``namespace`` (shared with the page's earlier blocks)."""
    name = f"<{block.id}>"
    printed: list[tuple[int, str]] = []

    def recording_print(*args: Any, sep: str = " ", end: str = "\n", **_kw: Any) -> None:
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename != name:
            frame = frame.f_back  # type: ignore[assignment]
        line = frame.f_lineno if frame is not None else 0
        printed.append((line, sep.join(str(a) for a in args)))

    namespace = {} if namespace is None else namespace
    namespace.update(__name__="__docs__", print=recording_print)
    exec(compile(block.source, name, "exec"), namespace)
    if not check:
        return
    for (first, last), wanted in expected_prints(block.source).items():
        got = "\n".join(text for line, text in printed if first <= line <= last)
        assert got == wanted, f"{block.id} line {first} of the block prints {got!r}, the page says {wanted!r}"


@pytest.mark.parametrize("block", _params(PYTHON))
def test_python_example(block: Block, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    namespace: dict[str, Any] = {}
    for earlier in PYTHON:
        if earlier.page == block.page and earlier.line < block.line:
            run_python(earlier, check=False, namespace=namespace)
    run_python(block, check=True, namespace=namespace)


# ----------------------------------------------------------------------------- console


def commands(source: str) -> list[tuple[str, list[str]]]:
    """(command, expected output lines) of a console block."""
    out: list[tuple[str, list[str]]] = []
    lines = source.splitlines()
    i = 0
    while i < len(lines):
        if lines[i].startswith("$ "):
            command = lines[i][2:]
            while command.endswith("\\") and i + 1 < len(lines):
                i += 1
                command = command[:-1] + " " + lines[i].strip()
            out.append((command, []))
        elif out:
            out[-1][1].append(lines[i].rstrip())
        i += 1
    return out


def matches(expected: list[str], actual: list[str]) -> bool:
    """Line-by-line equality where an expected line "..." stands for any lines."""
    if not expected:
        return not actual
    head, rest = expected[0], expected[1:]
    if head == "...":
        return any(matches(rest, actual[k:]) for k in range(len(actual) + 1))
    return bool(actual) and actual[0].rstrip() == head and matches(rest, actual[1:])


@pytest.mark.parametrize("block", _params(CONSOLE))
def test_console_example(block: Block, tmp_path: Path) -> None:
    scripts = Path(sys.executable).parent
    env = {
        **os.environ,
        "PATH": f"{scripts}{os.pathsep}{os.environ.get('PATH', '')}",
        "TMPDIR": str(tmp_path),
    }
    # Commands run in a scratch folder (files they write stay out of the project) that sees the
    # project's fixtures/ as the README's commands do from the project root.
    (tmp_path / "fixtures").symlink_to(ROOT / "fixtures")
    for command, expected in commands(block.source):
        done = subprocess.run(
            ["bash", "-o", "pipefail", "-c", command], cwd=tmp_path, env=env, capture_output=True, timeout=300
        )
        assert done.returncode == 0, (
            f"{block.id}: `{command}` exited {done.returncode}: {done.stderr.decode()}"
        )
        actual = done.stdout.decode("utf-8").rstrip("\n").splitlines()  # trailing blank lines do not count
        if expected:
            assert matches(expected, actual), f"{block.id}: `{command}` printed:\n" + "\n".join(actual)


# ----------------------------------------------------------------------------- the harness itself


def test_harness_reads_markers_prints_and_ellipses(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "Intro\n\n<!-- test: xfail waiting for dates -->\n```python\nx = 1\nprint(x + 1)  # 2\n```\n\n"
        "- item\n\n  ```console\n  $ echo a; echo b; echo c\n  a\n  ...\n  c\n  ```\n",
        encoding="utf-8",
    )
    found = blocks(page)
    assert [(b.lang, b.line, b.marker) for b in found] == [
        ("python", 4, ("xfail", "waiting for dates")),
        ("console", 11, None),
    ]
    assert expected_prints(found[0].source) == {(2, 2): "2"}
    assert commands(found[1].source) == [("echo a; echo b; echo c", ["a", "...", "c"])]
    assert matches(["a", "...", "c"], ["a", "b", "c"])
    assert not matches(["a", "...", "d"], ["a", "b", "c"])
    wrong = Block(page, 1, "python", "print(1 + 1)  # 3\n", None)
    with pytest.raises(AssertionError, match="prints '2'"):
        run_python(wrong, check=True)
