"""The ledger's log lines carry no personal data and cannot be forged.

- A field that came from outside (a terminal id, a path) is escaped: a control character is
  written as ``\\xNN`` / ``\\uNNNN``, so a terminal id with a newline stays on its own line.
- A phone number in a log line (a lookup by phone in an access line, a database error that
  quotes a key) is masked: ``139****5684``.
- Names and code texts are never passed to a log call; the SQL engine hides statement
  parameters from its errors (``db.make_engine``).

Every line the ``memberdesk-ledger`` process writes, its own and uvicorn's (each worker's
too), goes through ``ScrubbingFormatter`` (``logging_config``).
"""

from __future__ import annotations

import logging
import re
from typing import Any
from urllib.parse import unquote

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Seven or more digits, possibly written with single spaces or dashes, perhaps with a +:
# what a phone looks like. An ISO date (2026-12-06) is left alone.
_PHONE = re.compile(r"(?<![0-9A-Za-z])\+?[0-9０-９](?:[ -]?[0-9０-９]){6,}(?![0-9A-Za-z])")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def _escape_one(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def field(value: object) -> str:
    """A value from outside, as one log field: control characters escaped."""
    return _CONTROL.sub(_escape_one, str(value))


def _mask_one(match: re.Match[str]) -> str:
    text = match.group()
    if _DATE.fullmatch(text):
        return text
    digits = [c for c in text if c not in " -+"]
    head = 3 if len(digits) >= 10 else 0
    return "".join(digits[:head]) + "*" * (len(digits) - head - 4) + "".join(digits[-4:])


def mask_phones(text: str) -> str:
    return _PHONE.sub(_mask_one, text)


def scrub(text: str) -> str:
    """A log message as it may be written: phones masked, control characters escaped."""
    return field(mask_phones(text))


class ScrubbingFormatter(logging.Formatter):
    """Formats a record with its message scrubbed (one line, phones masked); a traceback keeps
    its lines, with phones masked."""

    def __init__(self, fmt: str | None = FORMAT, datefmt: str | None = None) -> None:
        super().__init__(fmt, datefmt)

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 - logging's name
        message = record.message
        if record.name == "uvicorn.access":  # its path is %-quoted: a phone would pass
            message = unquote(message)
        record.message = scrub(message)
        return super().formatMessage(record)

    def formatException(self, ei: Any) -> str:  # noqa: N802 - logging's name
        return mask_phones(super().formatException(ei))

    def formatStack(self, stack_info: str) -> str:  # noqa: N802 - logging's name
        return mask_phones(super().formatStack(stack_info))


def logging_config(level: str) -> dict[str, Any]:
    """The ledger process's logging (``logging.config.dictConfig``): one handler on stderr
    through ``ScrubbingFormatter``, uvicorn's loggers into it. uvicorn applies it in each
    worker process too (``uvicorn.run(log_config=...)``)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"scrubbed": {"()": f"{__name__}.ScrubbingFormatter"}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "scrubbed",
                "stream": "ext://sys.stderr",
            }
        },
        "root": {"handlers": ["stderr"], "level": level},
        "loggers": {
            name: {"handlers": [], "propagate": True, "level": level}
            for name in ("uvicorn", "uvicorn.error", "uvicorn.access")
        }
        | {"alembic": {"level": "WARNING"}},
    }
