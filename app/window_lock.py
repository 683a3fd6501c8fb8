"""One counter window per data directory.

Two windows on the same terminal would each run a sync and each take scans for the same
counter; the second one refuses to start instead. The window holds an OS lock on
``window.lock`` in the data directory for its whole life: the OS drops it when the process
ends, a crash included, so a stale lock never blocks the next start. Command-line commands
never take it: they keep working beside the window (SQLite orders their writes).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import IO

from app.domain.errors import WindowAlreadyOpen
from app.store import failures
from app.store.db import PRIVATE_DIR, PRIVATE_FILE

LOCK_FILE = "window.lock"


class WindowLock:
    """Held while the window is open; ``release`` (or the process's end) lets it go."""

    def __init__(self, path: Path, handle: IO[str]) -> None:
        self.path = path
        self._handle: IO[str] | None = handle

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing the file drops the OS lock
            self._handle = None


def _try_lock(handle: IO[str]) -> bool:
    """Take the lock without waiting; False when another process holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except (BlockingIOError, PermissionError):
        return False
    return True


def hold_window_lock(data_dir: Path) -> WindowLock:
    """The data directory's window lock, or ``WindowAlreadyOpen`` naming the process that
    holds it."""
    path = data_dir / LOCK_FILE
    try:
        data_dir.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        handle = os.fdopen(os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE), "r+")
    except OSError as error:
        raise failures.explain(error, path) or error from None
    if not _try_lock(handle):
        holder = ""
        with contextlib.suppress(OSError, ValueError):
            holder = handle.read(32).strip()
        handle.close()
        raise WindowAlreadyOpen(
            f"A MemberDesk window is already open on {data_dir} (process {holder or '?'}): "
            "use that window; this one does not start. Command-line commands keep working "
            "beside it.",
            data_dir=str(data_dir),
            pid=holder,
        )
    handle.seek(0)
    handle.truncate()
    handle.write(f"{os.getpid()}\n")
    handle.flush()
    return WindowLock(path, handle)
