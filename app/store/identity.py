"""The terminal's identity and position, kept in a small file beside its database.

``terminal-identity.json`` says which terminal the data directory belongs to (terminal id,
store, the ledger it is paired with, its chain epoch) and how far its event chain had come
(the last sequence number) when it was last written: at every open, pairing and close. When
the database is missing or empty but this file is there, the terminal refuses to start
instead of silently becoming a new, empty terminal: a vanished database is named, and the
way back (a backup, or a re-bootstrap from the ledger) is said.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # light to import: the window asks before the ORM is loaded
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

FILE_NAME = "terminal-identity.json"


@dataclass(frozen=True)
class Identity:
    terminal_id: str
    store_code: str
    ledger_url: str | None
    epoch: int
    last_seq: int

    def describe(self) -> str:
        ledger = f"paired with {self.ledger_url}" if self.ledger_url else "not paired"
        return (
            f"terminal {self.terminal_id} of store {self.store_code}, {ledger}, "
            f"{self.last_seq} events written"
        )


def path_for(data_dir: Path) -> Path:
    return data_dir / FILE_NAME


def read(data_dir: Path) -> Identity | None:
    """The identity kept in ``data_dir`` (None: none kept). A damaged file still says that a
    terminal lived here: its fields then read '?'."""
    path = path_for(data_dir)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    try:
        data = json.loads(raw)
        return Identity(
            terminal_id=str(data["terminal_id"]),
            store_code=str(data["store_code"]),
            ledger_url=None if data.get("ledger_url") is None else str(data["ledger_url"]),
            epoch=int(data.get("epoch", 1)),
            last_seq=int(data.get("last_seq", 0)),
        )
    except (ValueError, KeyError, TypeError):
        log.warning("%s is damaged; it still marks this directory as a terminal's", path.name)
        return Identity("?", "?", None, 0, 0)


def of_database(session: Session) -> Identity | None:
    from app.store.models import TerminalState

    state = session.get(TerminalState, 1)
    if state is None:
        return None
    return Identity(
        terminal_id=state.terminal_id,
        store_code=state.store_code,
        ledger_url=state.ledger_url if state.paired_at is not None else None,
        epoch=state.epoch,
        last_seq=state.next_seq - 1,
    )


def write(data_dir: Path, identity: Identity) -> None:
    """Keep ``identity`` beside the database (readable by this user only), atomically, and
    only when it changed. A directory that cannot be written keeps the old file: the caller's
    own write then says why."""
    path = path_for(data_dir)
    body = json.dumps(asdict(identity), indent=1, sort_keys=True) + "\n"
    try:
        if path.read_text(encoding="utf-8") == body:
            return
    except (OSError, ValueError):
        pass
    temporary = path.with_name(f".{FILE_NAME}.{os.getpid()}.tmp")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(body)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        log.warning("could not keep %s: %s", path.name, error.strerror)


def remove(data_dir: Path) -> None:
    path_for(data_dir).unlink(missing_ok=True)
