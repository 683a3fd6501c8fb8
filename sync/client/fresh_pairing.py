"""Pairing a demo terminal with the mall's real ledger (the first-run wizard).

A terminal on the embedded default holds demo members and demo sales; none of that may reach
a real ledger, and its event numbers would not fit the ledger's. So pairing with a real
ledger starts a fresh terminal database: it is made and paired in ``<data dir>/pairing-staged``
while the counter keeps running, and swapped in at the next start (``apply_staged``), when no
database is open. The old files are kept in ``<data dir>/before-pairing-<time>/``.
"""

from __future__ import annotations

import dataclasses
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.config import DATABASE_NAME, load_settings
from app.store import identity
from sync.client import credentials

# The counter window asks ``on_real_ledger`` and ``staged`` while it starts: this module stays
# light (no HTTP client, no ORM) so that the window does not wait for them to load.

STAGING = "pairing-staged"
READY = "READY"


def _replaced() -> tuple[str, ...]:
    """What belongs to the terminal being replaced (its database, the demo ledger, its
    credential)."""
    from sync.client.engine import SNAPSHOT_FILE

    databases = (
        f"{base}{suffix}"
        for base in (DATABASE_NAME, "embedded-ledger.db")
        for suffix in ("", "-wal", "-shm")
    )
    return (*databases, identity.FILE_NAME, credentials.FILE_NAME, SNAPSHOT_FILE, "phones")


@dataclass(frozen=True)
class Paired:
    ledger_url: str
    terminal_id: str
    store_code: str


def on_real_ledger(data_dir: Path) -> str | None:
    """The real ledger this terminal is paired with, or None (the embedded default: demo)."""
    credential = credentials.load(data_dir)
    if credential is None or credential.embedded:
        return None
    return credential.ledger_url


def staged(data_dir: Path) -> Paired | None:
    """A pairing made by the wizard and waiting for the next start, if any."""
    marker = data_dir / STAGING / READY
    if not marker.is_file():
        return None
    url, terminal_id, store = marker.read_text(encoding="utf-8").splitlines()[:3]
    return Paired(url, terminal_id, store)


def pair_fresh(
    data_dir: Path, ledger_url: str, code: str, terminal_id: str | None = None
) -> Paired:
    """Make a fresh terminal database beside the running one and pair it with the ledger.

    Raises what ``pair_terminal`` raises (LedgerRefused, TransientError); nothing is left
    behind on failure.
    """
    from app.bootstrap import open_terminal
    from sync.client.authorizer import connect
    from sync.client.commands import pair_terminal

    staging = data_dir / STAGING
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    base = load_settings(data_dir)
    settings = dataclasses.replace(
        base, data_dir=staging, terminal_id=terminal_id or base.terminal_id
    )
    try:
        terminal = open_terminal(staging, settings=settings, connect=connect)
        try:
            store = pair_terminal(terminal, ledger_url.rstrip("/"), code.strip(), terminal_id)
            paired = Paired(ledger_url.rstrip("/"), terminal.ctx.terminal_id, store)
        finally:
            terminal.close()
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    (staging / READY).write_text(
        f"{paired.ledger_url}\n{paired.terminal_id}\n{paired.store_code}\n", encoding="utf-8"
    )
    return paired


def _set_aside(data_dir: Path, label: str, names: tuple[str, ...]) -> Path:
    """Move the terminal's files ``names`` into ``<data dir>/<label>-<time>/``."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = data_dir / f"{label}-{stamp}"
    aside.mkdir(parents=True, exist_ok=True)
    for name in names:
        if (data_dir / name).exists():
            (data_dir / name).replace(aside / name)
    return aside


def has_terminal(data_dir: Path) -> bool:
    """Whether ``data_dir`` holds anything ``reset`` would set aside."""
    return any((data_dir / name).exists() for name in (*_replaced(), STAGING))


def remove_database(data_dir: Path) -> None:
    """Delete the terminal's database files (only for one made a moment ago, never used)."""
    for suffix in ("", "-wal", "-shm"):
        (data_dir / f"{DATABASE_NAME}{suffix}").unlink(missing_ok=True)
    identity.remove(data_dir)


def reset(data_dir: Path) -> Path | None:
    """``memberdesk reset``: set the terminal's database, credential, sync progress and any
    staged pairing aside in ``<data dir>/before-reset-<time>/`` (returned; None when there
    was nothing), leaving an empty terminal that can pair. The settings file and the logs
    stay. The terminal must not be running."""
    if not has_terminal(data_dir):
        return None
    return _set_aside(data_dir, "before-reset", (*_replaced(), STAGING))


def apply_staged(data_dir: Path) -> Path | None:
    """At start, before the terminal opens: swap a staged pairing in.

    Returns the folder the replaced files were moved to, or None when nothing was staged.
    """
    if staged(data_dir) is None:
        return None
    staging = data_dir / STAGING
    aside = _set_aside(data_dir, "before-pairing", _replaced())
    for item in staging.iterdir():
        if item.name not in (READY, "logs"):
            item.replace(data_dir / item.name)
    shutil.rmtree(staging, ignore_errors=True)
    return aside
