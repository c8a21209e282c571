"""Moved to :mod:`vnextract.text.word_segmenter`; this name is the same module object, kept for
the modules that still import it (cli.py)."""

import sys
from typing import TYPE_CHECKING

from vnextract.text import word_segmenter as _moved

if TYPE_CHECKING:
    from vnextract.text.word_segmenter import MODEL_DIR as MODEL_DIR

sys.modules[__name__] = _moved
