"""Process helpers for the tests that stop worker processes (test_cli, test_pipe).

The waits here are hang guards, not speed checks: they look again until the expected state is
reached and give up after a generous number of looks (no clock is read; the callers assert on
the state found, never on how long it took), so a busy machine only makes them slower, never
wrong.
Read from /proc (Linux): callers skip without it.
"""

from __future__ import annotations

import math
import time
from pathlib import Path

_POLL = 0.2  # seconds between two looks


def alive(pid: int) -> bool:
    """The process exists and is not a zombie (an exited child its parent has not reaped)."""
    try:
        return "zombie" not in Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False


def children_of(pid: int) -> list[int]:
    """Processes whose parent is ``pid``."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _looks(seconds: float) -> int:
    """How many looks, one every _POLL seconds of sleep, make a bound of about ``seconds``."""
    return max(1, math.ceil(seconds / _POLL))


def gone_within(pids: list[int], seconds: float) -> list[int]:
    """The pids still alive after waiting up to ``seconds`` for them to exit."""
    for _ in range(_looks(seconds)):
        if not any(alive(p) for p in pids):
            break
        time.sleep(_POLL)
    return [p for p in pids if alive(p)]


def children_within(pid: int, count: int, seconds: float) -> list[int]:
    """The children of ``pid`` once there are ``count`` of them, or after ``seconds``."""
    for _ in range(_looks(seconds)):
        if len(found := children_of(pid)) >= count:
            return found
        time.sleep(_POLL)
    return children_of(pid)
