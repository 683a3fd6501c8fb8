"""Writers of one process take the terminal database's write lock in turn, in the order
they asked.

SQLite's busy handler polls: a writer that finds the lock taken sleeps 1, 2, 5 … 100 ms and
tries again. A sync that commits a chunk and begins the next at once takes the lock back
before a sleeping award wakes up, chunk after chunk, so the award waits for the whole sync.
Within the process (the window's sync thread and its executor share one ``Terminal``) this
turn hands the lock to the writer that waited longest the moment the holder lets go. Writers
in other processes still meet SQLite's busy timeout.
"""

from __future__ import annotations

import threading
from collections import deque


class WriteTurn:
    """A fair, re-entrant lock: ``acquire`` waits its turn (False after ``timeout_s``)."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._waiting: deque[tuple[int, threading.Event]] = deque()
        self._owner: int | None = None
        self._depth = 0

    def acquire(self, timeout_s: float) -> bool:
        me = threading.get_ident()
        with self._guard:
            if self._owner == me:
                self._depth += 1
                return True
            if self._owner is None and not self._waiting:
                self._owner, self._depth = me, 1
                return True
            turn = threading.Event()
            self._waiting.append((me, turn))
        if turn.wait(timeout_s):
            return True  # ``release`` made this thread the owner
        with self._guard:
            if turn.is_set():  # handed over just as the wait ran out
                return True
            self._waiting.remove((me, turn))
            return False

    def wanted(self) -> bool:
        """Whether another writer waits for its turn (a long writer then ends its chunk)."""
        return bool(self._waiting)

    def release(self) -> None:
        with self._guard:
            if self._owner != threading.get_ident():
                raise RuntimeError("the write turn is released by a thread that does not hold it")
            self._depth -= 1
            if self._depth:
                return
            if self._waiting:
                owner, turn = self._waiting.popleft()
                self._owner, self._depth = owner, 1
                turn.set()
            else:
                self._owner = None
