"""Moved to :mod:`vnextract.text.underthesea`; this name is the same module object (its state,
such as the loaded segmenter, is shared), kept for the modules that still import it (cli.py)."""

import sys
from typing import TYPE_CHECKING

from vnextract.text import underthesea as _moved

if TYPE_CHECKING:
    from vnextract.text.underthesea import _segmenter as _segmenter
    from vnextract.text.underthesea import _warm as _warm

sys.modules[__name__] = _moved
