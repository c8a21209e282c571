"""Records → JSON-safe data with cattrs (no hand-written dict building)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

import cattrs

from vnextract.kinds import DOCUMENT_FIELDS

if TYPE_CHECKING:
    from vnextract.document import Document


def decimal_to_json(value: Decimal) -> int | str:
    """Whole Decimals become int (504000000), others their plain string ("12.5")."""
    if value == value.to_integral_value():
        return int(value)
    return format(value.normalize(), "f")


@cache
def converter() -> cattrs.Converter:
    """The one converter vnextract uses; built once."""
    # tuples (records hold tuples) become lists, as JSON has them.
    conv = cattrs.Converter(unstruct_collection_overrides={tuple: list})
    conv.register_unstructure_hook(Decimal, decimal_to_json)
    conv.register_unstructure_hook(dt.datetime, lambda d: d.isoformat(timespec="minutes"))
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    # int | Decimal (Count.value) is a union: route each member by its runtime type.
    conv.register_unstructure_hook_func(
        lambda t: t == (int | Decimal), lambda v: decimal_to_json(v) if isinstance(v, Decimal) else v
    )
    return conv


def document_to_dict(doc: Document) -> dict[str, Any]:
    """``Document.to_dict()``: the contract keys (:data:`vnextract.kinds.DOCUMENT_KEYS`), then
    ``quantities`` and ``published``."""
    conv = converter()
    out: dict[str, Any] = {key: conv.unstructure(getattr(doc, key)) for key in DOCUMENT_FIELDS}
    out["published"] = conv.unstructure(doc.published)
    return out
