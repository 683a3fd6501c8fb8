"""The service desk's view of the ledger's flags: list a member's (or every) open flag and
close one with a note, online. The counter calls these from a background thread."""

from __future__ import annotations

from pathlib import Path

from sync.client.http import LedgerClient, paired_client
from sync.protocol import FlagView


class NotPaired(Exception):
    """This terminal has no ledger to ask."""


def _client(data_dir: Path) -> LedgerClient:
    client = paired_client(data_dir)
    if client is None:
        raise NotPaired("This terminal is not paired with a ledger.")
    return client


def open_flags(data_dir: Path, member_id: str | None = None) -> list[FlagView]:
    """Raises NotPaired, TransientError (offline) or LedgerRefused."""
    client = _client(data_dir)
    try:
        return client.flags(member_id).flags
    finally:
        client.close()


def resolve_flag(data_dir: Path, flag_id: int, note: str, resolved_by: str) -> FlagView:
    """Close a flag; a closed one comes back with its first resolution (compare
    ``resolved_by``). Raises NotPaired, TransientError or LedgerRefused."""
    client = _client(data_dir)
    try:
        return client.resolve_flag(flag_id, note, resolved_by)
    finally:
        client.close()
