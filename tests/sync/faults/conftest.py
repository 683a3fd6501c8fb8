"""Faults between a terminal and the ledger: a proxy that breaks requests on cue, and helpers
to open terminals paired with a ledger that runs in another process."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.bootstrap import Terminal, open_terminal
from app.config import Settings
from app.services.context import Clock, FixedClock
from app.services.staff import SYSTEM
from sync.client import credentials
from sync.client.authorizer import connect
from sync.client.commands import make_syncer, pair_terminal
from sync.client.engine import Syncer
from sync.client.http import LedgerClient

from ..conftest import Counter, LedgerServer
from .proxy import FaultProxy

# Short enough that a delayed reply times out quickly; long enough for a loaded CI machine
# to answer an undisturbed push.
FAST_TIMEOUT = (2.0, 5.0)


@pytest.fixture
def proxy(ledger: LedgerServer) -> Iterator[FaultProxy]:
    with FaultProxy(ledger.url) as running:
        yield running


def client_for(
    terminal: Terminal, url: str, timeout: tuple[float, float] = FAST_TIMEOUT
) -> LedgerClient:
    credential = credentials.load(terminal.settings.data_dir)
    assert credential is not None, "the terminal is not paired"
    return LedgerClient(url, credential.secret, timeout=timeout)


def through(counter: Counter, proxy: FaultProxy, **kwargs: tuple[float, float]) -> Counter:
    """Send this terminal's sync through the proxy (Syncer.client swapped, as make_syncer
    builds it but for the address)."""
    counter.syncer.client.close()
    counter.syncer.client = client_for(counter.terminal, proxy.url, **kwargs)
    return counter


def open_paired(
    data_dir: Path,
    terminal_id: str,
    store: str,
    *,
    ledger_url: str,
    pairing_code: str | None,
    clock: Clock | None = None,
) -> tuple[Terminal, Syncer]:
    """Open (and, with a pairing code, create and pair) a terminal in ``data_dir``."""
    terminal = open_terminal(
        data_dir,
        clock=clock or FixedClock(datetime.now(UTC)),
        settings=Settings(data_dir=data_dir, terminal_id=terminal_id, store_code=store),
        connect=connect,
    )
    if pairing_code is not None:
        terminal.add_cashier(SYSTEM, "lin", "Lin Cashier", "cashier", "1111")
        pair_terminal(terminal, ledger_url, pairing_code)
    syncer = make_syncer(terminal)
    assert syncer is not None
    return terminal, syncer
