"""Import cycles between the modules of src/vnextract, read from the source (issue 14).

    python scripts/import_cycles.py [--all]

Every ``import``/``from … import`` of a vnextract module counts, also inside functions (a lazy
import is still a dependency: it only moves the failure to run time); imports under
``if TYPE_CHECKING:`` do not (type checkers only). Imports inside a module-level
``__getattr__`` are old import paths kept working (PEP 562 re-exports, e.g.
``vnextract.records.Document``): they are listed apart and not counted. A package's
``__init__`` implied by importing one of its modules is not counted either.

Prints each cycle (a strongly connected set of modules with the imports that tie it) and exits
1 when there is one; ``--all`` prints every module's imports too.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "src"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, modules: set[str], here: str) -> Iterator[tuple[str, bool]]:
    """(imported vnextract module, inside a module-level __getattr__) for every import."""

    def walk(node: ast.AST, shim: bool) -> Iterator[tuple[str, bool]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for other in child.orelse:
                    yield from walk(other, shim)
                continue
            inner = shim or (
                isinstance(child, ast.FunctionDef) and node is tree and child.name == "__getattr__"
            )
            if isinstance(child, ast.Import):
                for alias in child.names:
                    if alias.name in modules:
                        yield alias.name, inner
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:  # relative: from this package
                    package = here.split(".")
                    package = package[: len(package) - child.level + (here in _packages(modules))]
                    base = ".".join([*package, base] if base else package)
                for alias in child.names:
                    target = f"{base}.{alias.name}"
                    if target in modules:
                        yield target, inner
                    elif base in modules:
                        yield base, inner
            yield from walk(child, inner)

    yield from walk(tree, False)


def _packages(modules: set[str]) -> set[str]:
    return {m for m in modules if (ROOT / m.replace(".", "/") / "__init__.py").is_file()}


def graph() -> tuple[dict[str, set[str]], list[tuple[str, str]]]:
    """Module → the vnextract modules it imports, and the (module, target) re-export shims."""
    paths = {_module_name(p): p for p in ROOT.joinpath("vnextract").rglob("*.py")}
    modules = set(paths)
    edges: dict[str, set[str]] = {m: set() for m in modules}
    shims: list[tuple[str, str]] = []
    for name, path in paths.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for target, shim in _imports(tree, modules, name):
            if target == name or name.startswith(target + "."):
                continue  # itself, or its own package's __init__
            if shim:
                shims.append((name, target))
            else:
                edges[name].add(target)
    return edges, sorted(set(shims))


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected sets of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    sys.setrecursionlimit(10_000)
    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--all", action="store_true", help="print every module's imports too")
    args = parser.parse_args()
    edges, shims = graph()
    if args.all:
        for module in sorted(edges):
            print(f"{module}: {', '.join(sorted(edges[module])) or '-'}")
    for module, target in shims:
        print(f"re-export kept for an old import path (not counted): {module} -> {target}")
    found = cycles(edges)
    for group in found:
        print(f"cycle of {len(group)} modules:")
        members = set(group)
        for module in group:
            print(f"  {module} -> {', '.join(sorted(edges[module] & members))}")
    print(f"{len(edges)} modules, {sum(map(len, edges.values()))} imports, {len(found)} cycles")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
