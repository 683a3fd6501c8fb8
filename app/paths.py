"""Where the program's own files and the user's data live."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir


def resources_dir() -> Path:
    """``resources/`` of a source checkout, or of a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def default_rule_book() -> Path:
    return resources_dir() / "rules" / "default.json"


DATA_DIR_ENV = "MEMBERDESK_DATA_DIR"


def default_data_dir() -> Path:
    """``$MEMBERDESK_DATA_DIR``, else the platform's user data directory."""
    explicit = os.environ.get(DATA_DIR_ENV)
    return Path(explicit) if explicit else Path(user_data_dir("memberdesk", appauthor=False))
