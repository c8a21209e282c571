"""``python -m vnextract.cli``: the same command line as ``vnextract``."""

import signal
import sys

from vnextract.cli import main

if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.default_int_handler)
    sys.exit(main())
