"""The package's shape (issue 14): small modules, and no import cycle at module level."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "vnextract"
MAX_LINES = 600
#: Modules still over MAX_LINES, to be cut (none since linking/persons.py was cut). The test fails when one
#: of them shrinks under the limit, so the list stays honest.
STILL_LONG: set[str] = set()


def _modules() -> dict[str, Path]:
    out: dict[str, Path] = {}
    for path in SRC.rglob("*.py"):
        parts = ("vnextract", *path.relative_to(SRC).with_suffix("").parts)
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def test_no_module_is_over_600_lines() -> None:
    sizes = {
        p.relative_to(SRC).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
        for p in SRC.rglob("*.py")
    }
    assert {name for name, n in sizes.items() if n > MAX_LINES} == STILL_LONG


def _imports(modules: dict[str, Path], name: str) -> set[str]:
    """Modules ``name`` imports when it is loaded: its top-level imports (not those under ``if
    TYPE_CHECKING:`` or inside functions), and the packages those modules live in."""
    out: set[str] = set()
    for node in ast.parse(modules[name].read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("vnextract"):
            subs = {f"{node.module}.{a.name}" for a in node.names} & modules.keys()
            targets = subs or {node.module}
        elif isinstance(node, ast.Import):
            targets = {a.name for a in node.names if a.name.startswith("vnextract")}
        else:
            continue
        for target in targets:
            parts = target.split(".")
            for k in range(2, len(parts) + 1):  # a module's packages are loaded before it
                module = ".".join(parts[:k])
                if module in modules and module != name and not name.startswith(module + "."):
                    out.add(module)
    return out


def test_no_import_cycle() -> None:
    modules = _modules()
    graph = {name: _imports(modules, name) for name in modules}
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(graph[name]):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_no_import_cycle_through_lazy_imports_either() -> None:
    """scripts/import_cycles.py counts imports inside functions too (a lazy import is still a
    dependency): records <-> frames/render/serialize and pipeline <-> parallel were such cycles."""
    script = SRC.parent.parent / "scripts" / "import_cycles.py"
    spec = importlib.util.spec_from_file_location("import_cycles", script)
    assert spec is not None and spec.loader is not None
    checker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checker)
    edges, shims = checker.graph()
    assert checker.cycles(edges) == []
    assert "vnextract.records" in edges["vnextract.document"]  # the check sees real imports
    assert shims == [("vnextract.records", "vnextract.document")]  # the one old path kept


def test_the_sample_document_has_a_record_of_every_kind() -> None:
    """The hand-built sample of the renderer, frame and CLI tests covers the registry's kinds."""
    from sample_documents import sample_document, with_event, with_location
    from vnextract.kinds import KINDS
    from vnextract.output.rows import kinded_records

    doc = with_location(with_event(sample_document()))
    assert {kind for kind, _record, _extra in kinded_records(doc)} == {k.name for k in KINDS}


def test_the_old_public_import_paths_still_work() -> None:
    """The output formats moved to vnextract.output; the paths docs and users import stay."""
    import vnextract
    import vnextract.frames
    import vnextract.records
    import vnextract.render
    import vnextract.schema
    import vnextract.spark
    from vnextract.document import Document
    from vnextract.output import frames, render, schema, spark

    assert vnextract.frames.COLUMNS is frames.COLUMNS and vnextract.frames.to_frame is frames.to_frame
    assert vnextract.schema.arrow_schema is schema.arrow_schema
    assert vnextract.spark.extract_records is spark.extract_records
    assert vnextract.render is render.render  # the function, even after importing the module
    assert vnextract.records.Document is Document is vnextract.Document


def test_inline_word_lists_are_found_and_grammar_ones_told_apart(tmp_path: Path) -> None:
    """scripts/inline_words.py sees Vietnamese word lists in code, also inside a regex, and
    counts one as grammar only when a comment says so."""
    script = SRC.parent.parent / "scripts" / "inline_words.py"
    spec = importlib.util.spec_from_file_location("inline_words", script)
    assert spec is not None and spec.loader is not None
    checker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checker)
    module = tmp_path / "example.py"
    module.write_text(
        '"""Docstring: "m(?:ốt|ột|ười)" is an example, not a list."""\n'
        'ADJECTIVES = frozenset({"cao", "thấp", "lớn"})\n'
        "# grammar: the three conjunctions a range is written with\n"
        'RANGE = r"(?:đến|tới|hoặc)"\n'
        'KINDS = ("cap", "abbr", "lower")\n',
        encoding="utf-8",
    )
    found = checker.inline_lists(module)
    assert [(f.line, f.words, f.grammar) for f in found] == [
        (2, ["cao", "thấp", "lớn"], False),
        (4, ["đến", "tới", "hoặc"], True),
    ]


def test_no_word_list_is_left_inline() -> None:
    """Every Vietnamese word list in the package's code is data (read through vnextract.lexicon)
    or says, in a comment, that it is grammar: scripts/inline_words.py counts none "left"."""
    script = SRC.parent.parent / "scripts" / "inline_words.py"
    spec = importlib.util.spec_from_file_location("inline_words", script)
    assert spec is not None and spec.loader is not None
    checker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checker)
    left = [
        f"{f.path.relative_to(SRC).as_posix()}:{f.line} {f.words[:3]}"
        for path in sorted(SRC.rglob("*.py"))
        for f in checker.inline_lists(path)
        if not f.grammar
    ]
    assert left == []
    assert sum(len(checker.inline_lists(path)) for path in SRC.rglob("*.py")) > 50  # it sees them


def test_no_reference_to_a_design_file_the_repository_lacks() -> None:
    """The design notes live outside the repository: code and docs point to docs/ instead."""
    root = SRC.parent.parent
    name = "DESIGN" + ".md"  # spelled apart so this file does not name it
    paths = [*SRC.rglob("*.py"), *(root / "docs").rglob("*.md"), *(root / "scripts").glob("*.py")]
    paths.append(root / "README.md")
    naming = sorted(p.relative_to(root).as_posix() for p in paths if name in p.read_text(encoding="utf-8"))
    assert naming == [] or (root / name).is_file()
