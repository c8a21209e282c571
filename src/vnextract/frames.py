"""Old import path of :mod:`vnextract.output.frames`, kept for code that
imports it: docs/notebooks.md names ``vnextract.frames.COLUMNS``."""

from vnextract.output.frames import *  # noqa: F403
from vnextract.output.frames import __all__  # noqa: F401
