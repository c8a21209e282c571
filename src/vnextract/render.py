"""Old import path of :mod:`vnextract.output.render`, kept for code that
imports it: ``vnextract.render`` is also the public function (see vnextract/__init__.py)."""

from vnextract.output.render import *  # noqa: F403
from vnextract.output.render import __all__  # noqa: F401
