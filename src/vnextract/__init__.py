"""vnextract: typed records from Vietnamese text.

>>> import vnextract
>>> doc = vnextract.extract("Giám đốc Sở TTTT Lai Xuân Thành trao thưởng cho 13 tập thể.")
>>> [c.text for c in doc.counts]
['13 tập thể']

The names below are imported on first use (PEP 562), not by ``import vnextract``: the
pipeline loads its lexicons and patterns when ``extract`` is first looked up, so
``vnextract --help`` and scripts that only need a record class start quickly.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# The one module whose name is also a public function's: imported now so that the function is
# what ``vnextract.render`` names (importing a submodule later would rebind the name to it). It
# is the old path, a re-export of vnextract.output.render.
from vnextract import render as _render_module
from vnextract.kinds import KINDS as _KINDS  # loaded with the renderer already

__version__ = "0.1.0"

#: Public name -> the module defining it.
_EXPORTS: dict[str, str] = {
    "MAX_LENGTH": "vnextract.text",
    "extract": "vnextract.pipeline",
    "pipe": "vnextract.pipeline",
    "replace_surrogates": "vnextract.pipeline",
    "to_arrow": "vnextract.output.frames",
    "to_frame": "vnextract.output.frames",
    "parse_number": "vnextract.numerals",
    **dict.fromkeys(
        ("AlignmentError", "InputError", "InvalidUTF8Error", "LoneSurrogateError", "PipeError",
         "TextTooLongError", "VnextractError"),
        "vnextract.errors",
    ),
    "Document": "vnextract.document",
    # the class of every kind of record (vnextract.kinds), and the parts records are made of
    **dict.fromkeys((kind.record.__name__ for kind in _KINDS), "vnextract.records"),
    **dict.fromkeys(("Party", "Phrase", "Sentence"), "vnextract.records"),
}  # fmt: skip

render = _render_module.render

__all__ = [  # the names of _EXPORTS, "render" and "__version__" (a test checks they agree)
    "MAX_LENGTH", "Abbreviation", "AlignmentError", "Count", "DateMention", "Document", "Duration",
    "Event", "Fine", "InputError", "InvalidUTF8Error", "Location", "LoneSurrogateError", "Money",
    "Organization", "Party", "Percentage", "Person", "Phrase", "PipeError", "Quantity", "Sentence",
    "TextTooLongError",
    "Title", "VnextractError", "__version__", "extract", "parse_number", "pipe", "render",
    "replace_surrogates", "to_arrow", "to_frame",
]  # fmt: skip


def __getattr__(name: str) -> Any:
    """Import a public name from its module the first time it is asked for."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'vnextract' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


if TYPE_CHECKING:  # what type checkers and editors see
    from vnextract.document import Document
    from vnextract.errors import (
        AlignmentError,
        InputError,
        InvalidUTF8Error,
        LoneSurrogateError,
        PipeError,
        TextTooLongError,
        VnextractError,
    )
    from vnextract.numerals import parse_number
    from vnextract.output.frames import to_arrow, to_frame
    from vnextract.pipeline import extract, pipe, replace_surrogates
    from vnextract.records import (
        Abbreviation,
        Count,
        DateMention,
        Duration,
        Event,
        Fine,
        Location,
        Money,
        Organization,
        Party,
        Percentage,
        Person,
        Phrase,
        Quantity,
        Sentence,
        Title,
    )
    from vnextract.text import MAX_LENGTH
