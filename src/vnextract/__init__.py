"""vnextract: typed records from Vietnamese text.

>>> import vnextract
>>> doc = vnextract.extract("Giám đốc Sở TTTT Lai Xuân Thành trao thưởng cho 13 tập thể.")
>>> [c.text for c in doc.counts]
['13 tập thể']
"""

from vnextract.errors import (
    AlignmentError,
    InputError,
    InvalidUTF8Error,
    TextTooLongError,
    VnextractError,
)
from vnextract.frames import to_arrow
from vnextract.numerals import parse_number
from vnextract.pipeline import extract, pipe
from vnextract.records import (
    Abbreviation,
    Count,
    DateMention,
    Document,
    Duration,
    Fine,
    Location,
    Money,
    Organization,
    Percentage,
    Person,
    Quantity,
    Sentence,
    Title,
)
from vnextract.render import render
from vnextract.text import MAX_LENGTH

__version__ = "0.1.0"

__all__ = [
    "MAX_LENGTH",
    "Abbreviation",
    "AlignmentError",
    "Count",
    "DateMention",
    "Document",
    "Duration",
    "Fine",
    "InputError",
    "InvalidUTF8Error",
    "Location",
    "Money",
    "Organization",
    "Percentage",
    "Person",
    "Quantity",
    "Sentence",
    "TextTooLongError",
    "Title",
    "VnextractError",
    "__version__",
    "extract",
    "parse_number",
    "pipe",
    "render",
    "to_arrow",
]
