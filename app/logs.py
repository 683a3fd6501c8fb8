"""Logging to a rotating file in the platform's log directory (and to stderr when asked).

Where the log goes (the first that applies): ``$MEMBERDESK_LOG_DIR``; ``<data dir>/logs`` when
the terminal runs on a data directory other than the default one (tests, a second terminal on
one PC: its log stays beside its data); otherwise the platform's log directory
(``platformdirs.user_log_dir``, e.g. ``~/.local/state/memberdesk/log`` on Linux,
``%LOCALAPPDATA%\\memberdesk\\Logs`` on Windows, ``~/Library/Logs/memberdesk`` on macOS).
Rotated at 2 MB, five old files kept.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from platformdirs import user_log_dir

from app.paths import default_data_dir

LOG_NAME = "memberdesk.log"
LOG_DIR_ENV = "MEMBERDESK_LOG_DIR"
MAX_BYTES = 2_000_000
BACKUPS = 5

_current: Path | None = None


def log_dir(data_dir: Path | None = None) -> Path:
    explicit = os.environ.get(LOG_DIR_ENV)
    if explicit:
        return Path(explicit)
    if data_dir is not None and data_dir.resolve() != default_data_dir().resolve():
        return data_dir / "logs"
    return Path(user_log_dir("memberdesk", appauthor=False))


def log_path(data_dir: Path | None = None) -> Path:
    return log_dir(data_dir) / LOG_NAME


def current_log_path() -> Path | None:
    """The file this process logs to (None before ``setup_logging``)."""
    return _current


def setup_logging(
    data_dir: Path | None = None, level: str = "INFO", *, console: bool = False
) -> Path:
    global _current  # noqa: PLW0603 - one log per process
    path = log_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    root.setLevel(level)
    for old in list(root.handlers):
        if getattr(old, "_memberdesk", False):
            root.removeHandler(old)
            old.close()
    handlers: list[logging.Handler] = [
        logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    ]
    if console:
        handlers.append(logging.StreamHandler())
    for handler in handlers:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler._memberdesk = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    _current = path
    return path
