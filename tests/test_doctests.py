"""The examples in the package's docstrings run and print what they say (the test command runs
tests/ only, so without this a wrong example in a docstring would go unnoticed)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from types import ModuleType

import pytest

import vnextract


def _modules() -> list[str]:
    names = [m.name for m in pkgutil.walk_packages(vnextract.__path__, "vnextract.")]
    return sorted(n for n in names if not n.endswith("__main__"))


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples(name: str) -> None:
    module: ModuleType = importlib.import_module(name)
    if module.__name__ != name:  # a kept old import path for a moved module: tested under its new name
        pytest.skip(f"{name} is {module.__name__}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} of {result.attempted} docstring examples of {name} failed"
