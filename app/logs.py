"""Logging to a rotating file in the platform's log directory (and to stderr when asked).

Where the log goes (the first that applies): ``$MEMBERDESK_LOG_DIR``; ``<data dir>/logs`` when
the terminal runs on a data directory other than the default one (tests, a second terminal on
one PC: its log stays beside its data); otherwise the platform's log directory
(``platformdirs.user_log_dir``, e.g. ``~/.local/state/memberdesk/log`` on Linux,
``%LOCALAPPDATA%\\memberdesk\\Logs`` on Windows, ``~/Library/Logs/memberdesk`` on macOS).
Rotated at 2 MB, five old files kept.

Logs carry no personal data, whoever logs (the terminal, the embedded ledger, a library):
every line goes through ``PrivateFormatter``, which masks phone numbers (``139****5684``),
withholds member-code texts, and escapes control characters in the message, so a field
with a newline cannot forge a line. The log files are the user's only (0600, in a 0700
directory). Names are never passed to a log call (a filter cannot tell a name from a word).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
from pathlib import Path
from typing import Any

from platformdirs import user_log_dir

from app.paths import default_data_dir

LOG_NAME = "memberdesk.log"
LOG_DIR_ENV = "MEMBERDESK_LOG_DIR"
MAX_BYTES = 2_000_000
BACKUPS = 5

_current: Path | None = None

# A mainland mobile (with or without +86 / 86), or any E.164 number: kept are its first
# three and last four digits.
_MOBILE = re.compile(
    r"(?<![0-9A-Za-z])(?:\+?86[ -]?)?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?![0-9A-Za-z])"
)
_E164 = re.compile(r"(?<![0-9A-Za-z+])\+\d{4,11}(\d{4})(?![0-9A-Za-z])")
# A member code (MD1C card, MD1D phone) or a signed step message (MD1S): never in a log.
_CODE = re.compile(r"MD1[A-Z][.|][^\s'\"]*|MD1[A-Z](?=[^A-Za-z0-9]|$)")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char, f"\\x{ord(char):02x}")


def private(text: str) -> str:
    """``text`` with phones masked and member codes withheld (not escaped)."""
    text = _CODE.sub("[member code withheld]", text)
    text = _MOBILE.sub(r"\1****\3", text)
    return _E164.sub(r"+****\1", text)


class PrivateFormatter(logging.Formatter):
    """Masks personal data in every line and escapes control characters in the message
    (a traceback keeps its lines, masked)."""

    def format(self, record: logging.LogRecord) -> str:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a bad format string: log what there is
            message = f"{record.msg!r} {record.args!r}"
        clean = logging.makeLogRecord(record.__dict__)
        clean.msg = _CONTROL.sub(_escape, private(message))
        clean.args = None
        return private(super().format(clean))


class PrivateFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file only its user can read (every file it opens, after each rotation)."""

    def _open(self) -> Any:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        os.fchmod(fd, 0o600)  # an older, wider file is narrowed too
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        """A full or read-only disk loses the line, quietly: the command goes on, and the
        one that needs the disk says what is wrong (no '--- Logging error ---' on stderr)."""


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
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if path.parent.stat().st_mode & 0o077:
        path.parent.chmod(0o700)
    root = logging.getLogger()
    root.setLevel(level)
    for old in list(root.handlers):
        if getattr(old, "_memberdesk", False):
            root.removeHandler(old)
            old.close()
    handlers: list[logging.Handler] = [
        PrivateFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    ]
    if console:
        handlers.append(logging.StreamHandler())
    for handler in handlers:
        handler.setFormatter(PrivateFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler._memberdesk = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    _current = path
    return path
