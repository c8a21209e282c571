"""Read a CRFsuite model file ("lCRF" binary, as underthesea_core writes it) into Python.

underthesea's word segmentation model (``ws_crf_vlsp2013_20230727/models.bin``) is a linear-chain
CRF in CRFsuite's format: a header, a FEAT chunk of (type, source, target, weight) records and two
CQDB string tables (labels, attributes). We only need the weights, so only those parts are read;
the hash tables of the CQDB chunks are skipped and the id → string array is used instead.
Format: chokkan/crfsuite ``lib/crf/src/crf1d_model.c`` and ``lib/cqdb/src/cqdb.c``.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping

import attrs

from vnextract.errors import VnextractError

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CHUNK = struct.Struct("<4sII")
_FEATURE = struct.Struct("<IIId")
_CQDB_HEADER = struct.Struct("<4sIIIII")
_RECORD = struct.Struct("<iI")  # a CQDB record's id and size
_STATE, _TRANSITION = 0, 1


class ModelFormatError(VnextractError):
    """The file is not a CRFsuite model this reader understands."""


@attrs.frozen(kw_only=True)
class CRFModel:
    """Labels, per-attribute state weights (one per label) and label → label transitions."""

    labels: tuple[str, ...]
    state: Mapping[str, tuple[float, ...]]
    transition: tuple[tuple[float, ...], ...]  # transition[previous][next]


def _strings(data: bytes, offset: int) -> list[str]:
    """The id → string array of the CQDB chunk at ``offset``."""
    magic, _size, _flag, _order, count, backward = _CQDB_HEADER.unpack_from(data, offset)
    if magic != b"CQDB":
        raise ModelFormatError(f"no CQDB chunk at offset {offset}")
    out: list[str] = []
    # the record offsets in one unpack, no copy of the file's tail (start-up time)
    records = struct.unpack_from(f"<{count}I", data, offset + backward)
    head = _RECORD.unpack_from
    for index, record in enumerate(records):
        at = offset + record
        number, size = head(data, at)
        if number != index:
            raise ModelFormatError(f"CQDB record {index} has id {number}")
        out.append(data[at + 8 : at + 7 + size].decode("utf-8"))  # size counts the final NUL
    return out


def read_crfsuite(data: bytes) -> CRFModel:
    """Parse the bytes of a CRFsuite model file (raises ModelFormatError on anything else)."""
    if len(data) < _HEADER.size:
        raise ModelFormatError("file too short for a CRFsuite header")
    magic, _size, kind, _version, _nf, n_labels, _na, off_features, off_labels, off_attrs, *_ = (
        _HEADER.unpack_from(data, 0)
    )
    if magic != b"lCRF" or kind != b"FOMC":
        raise ModelFormatError(f"not a CRFsuite 1st-order model (magic {magic!r}, type {kind!r})")
    labels = _strings(data, off_labels)
    attributes = _strings(data, off_attrs)
    if len(labels) != n_labels:
        raise ModelFormatError(f"header says {n_labels} labels, table has {len(labels)}")
    chunk, _chunk_size, count = _CHUNK.unpack_from(data, off_features)
    if chunk != b"FEAT":
        raise ModelFormatError("no FEAT chunk")
    start = off_features + _CHUNK.size
    records = data[start : start + _FEATURE.size * count]
    # by attribute id, in order of first appearance (as a dict by name would be: ids name
    # distinct attributes), a row made only when it is new (start-up time)
    state: dict[int, list[float]] = {}
    transition = [[0.0] * n_labels for _ in range(n_labels)]
    for kind_of, source, target, weight in _FEATURE.iter_unpack(records):
        if kind_of == _STATE:
            row = state.get(source)
            if row is None:
                row = state[source] = [0.0] * n_labels
            row[target] += weight
        elif kind_of == _TRANSITION:
            transition[source][target] += weight
        else:
            raise ModelFormatError(f"unknown feature type {kind_of}")
    return CRFModel(
        labels=tuple(labels),
        state={attributes[source]: tuple(w) for source, w in state.items()},
        transition=tuple(tuple(row) for row in transition),
    )
