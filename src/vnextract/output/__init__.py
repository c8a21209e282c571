"""The output formats of a Document: JSON-safe dicts (serialize), rows and pandas/Arrow tables
(rows, frames), the Arrow/Spark/JSON Schema (schema), HTML (render) and Spark (spark).

``serialize``, ``rows`` and ``render`` take a Document without importing
:mod:`vnextract.document` (it calls them for ``to_dict()``, ``to_frame()`` and
``_repr_html_()``); ``frames``, ``schema`` and ``spark`` sit above it. The old import paths
``vnextract.frames``, ``vnextract.render``, ``vnextract.schema`` and ``vnextract.spark`` still
work (re-export modules).
"""
