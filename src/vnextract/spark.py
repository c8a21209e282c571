"""Old import path of :mod:`vnextract.output.spark`, kept for code that
imports it: docs/spark.md imports ``from vnextract.spark import extract_records``."""

from vnextract.output.spark import *  # noqa: F403
from vnextract.output.spark import __all__  # noqa: F401
