"""Logging to a rotating file in the data directory (and to stderr when asked)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_NAME = "memberdesk.log"


def log_path(data_dir: Path) -> Path:
    return data_dir / "logs" / LOG_NAME


def setup_logging(data_dir: Path, level: str = "INFO", *, console: bool = False) -> Path:
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
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    ]
    if console:
        handlers.append(logging.StreamHandler())
    for handler in handlers:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler._memberdesk = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    return path
