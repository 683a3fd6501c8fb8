"""The terminal's credential: a file only its user can read, in the data directory
(a headless counter PC has no keyring)."""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

FILE_NAME = "ledger-credential.json"
PENDING_NAME = "ledger-credential.pending.json"  # offered to a ledger, answer not heard yet


@dataclass(frozen=True)
class Credential:
    ledger_url: str
    terminal_id: str
    secret: str
    embedded: bool = False  # the loopback ledger `make run` starts beside the terminal


def path_for(data_dir: Path) -> Path:
    return data_dir / FILE_NAME


def _write(path: Path, data: dict[str, object]) -> Path:
    """Write a secret's file whole (or not at all), readable by this user only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(data, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    return path


def save(data_dir: Path, credential: Credential) -> Path:
    return _write(
        path_for(data_dir),
        {
            "ledger_url": credential.ledger_url,
            "terminal_id": credential.terminal_id,
            "secret": credential.secret,
            "embedded": credential.embedded,
        },
    )


def offered_secret(data_dir: Path, ledger_url: str, terminal_id: str) -> str:
    """The secret this terminal offers when it pairs, written down before it is sent: the
    secret of an earlier try with the same ledger and id whose answer was never heard (the
    ledger may have taken it and spent the code), else a new one."""
    path = data_dir / PENDING_NAME
    if path.exists():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("ledger_url") == ledger_url and data.get("terminal_id") == terminal_id:
                return str(data["secret"])
        except (ValueError, KeyError, OSError):
            pass  # unreadable: a new secret replaces it
    secret = secrets.token_urlsafe(32)  # the ledger keeps only its hash
    _write(path, {"ledger_url": ledger_url, "terminal_id": terminal_id, "secret": secret})
    return secret


def forget_offered(data_dir: Path) -> None:
    """The ledger answered (paired, or refused for good): the offered secret is done."""
    (data_dir / PENDING_NAME).unlink(missing_ok=True)


def remove(data_dir: Path) -> None:
    path_for(data_dir).unlink(missing_ok=True)


def load(data_dir: Path) -> Credential | None:
    path = path_for(data_dir)
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Credential(
        str(data["ledger_url"]),
        str(data["terminal_id"]),
        str(data["secret"]),
        bool(data.get("embedded", False)),
    )
