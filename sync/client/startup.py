"""Starting sync beside the counter window: the one door between the terminal's own sync
path and the embedded ledger.

A terminal paired with a real ledger syncs through ``sync.client`` only (HTTP client, push,
pull, worker): nothing of ``sync.server`` (FastAPI, uvicorn, the ledger's models and its
database drivers) is imported on that path. Only a terminal on the embedded default (a demo,
``make run``, never paired with a real ledger) goes through ``sync.client.embedded``, which
starts the reference ledger on loopback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sync.client import credentials

if TYPE_CHECKING:
    from app.bootstrap import Terminal
    from sync.client.embedded import EmbeddedLedger
    from sync.client.engine import Syncer


def on_real_ledger(terminal: Terminal) -> bool:
    """Whether the terminal is paired with a real ledger (not the embedded default)."""
    credential = credentials.load(terminal.settings.data_dir)
    return credential is not None and not credential.embedded


def start_sync(terminal: Terminal) -> tuple[EmbeddedLedger | None, Syncer | None]:
    """(the embedded ledger or None, the syncer or None) for the window's sync worker."""
    if on_real_ledger(terminal):
        from sync.client.commands import make_syncer

        return None, make_syncer(terminal)
    from sync.client.embedded import start_embedded  # the demo ledger's own door

    return start_embedded(terminal)
