"""Module-level patterns compiled on first use, not at import.

``regex`` parses a pattern in pure Python: the 300-odd patterns our modules define at module
level cost about 0.4 s of CPU when compiled at import, and a short first call uses about a
quarter of them. ``lazy_compile`` takes the arguments of ``regex.compile`` and returns an
object that compiles the pattern the first time one of its attributes is read, then keeps the
compiled pattern's methods as its own attributes, so later calls cost what they cost before.

Two things differ from a compiled pattern: ``match.re`` is the compiled pattern, not this
object (so a module that compares ``m.re`` by identity compiles that pattern with
``regex.compile``), and it is not a ``regex.Pattern`` instance (nothing here asks).

>>> year = lazy_compile(r"[0-9]{4}")
>>> year.pattern, year.findall("Bình Dương, 2020-2025")
('[0-9]{4}', ['2020', '2025'])
"""

from __future__ import annotations

from typing import Any, cast

import regex

#: The pattern's methods, bound once on first use (an instance attribute is then found
#: without passing through ``__getattr__``).
_METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split",
            "splititer", "scanner")


class _LazyPattern:
    """``regex.compile(pattern, flags)`` made on the first attribute read."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern  # read by patterns built from this one, without compiling it
        self._flags = flags

    def __getattr__(self, name: str) -> Any:  # only for attributes not set yet
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self.__dict__["_compiled"] = regex.compile(self.pattern, self._flags)
            for method in _METHODS:
                self.__dict__[method] = getattr(compiled, method)
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r}, {self._flags})"


def lazy_compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, compiled when first used (see the module's doc)."""
    return cast("regex.Pattern[str]", _LazyPattern(pattern, flags))
