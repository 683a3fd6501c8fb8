"""The terminal's credential: a file only its user can read, in the data directory
(a headless counter PC has no keyring)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

FILE_NAME = "ledger-credential.json"


@dataclass(frozen=True)
class Credential:
    ledger_url: str
    terminal_id: str
    secret: str
    embedded: bool = False  # the loopback ledger `make run` starts beside the terminal


def path_for(data_dir: Path) -> Path:
    return data_dir / FILE_NAME


def save(data_dir: Path, credential: Credential) -> Path:
    path = path_for(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(
            {
                "ledger_url": credential.ledger_url,
                "terminal_id": credential.terminal_id,
                "secret": credential.secret,
                "embedded": credential.embedded,
            },
            handle,
        )
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    return path


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
