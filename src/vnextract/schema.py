"""Old import path of :mod:`vnextract.output.schema`, kept for code that
imports it: docs/spark.md and docs/notebooks.md name ``vnextract.schema.arrow_schema()`` and
``json_schema()``."""

from vnextract.output.schema import *  # noqa: F403
from vnextract.output.schema import __all__  # noqa: F401
