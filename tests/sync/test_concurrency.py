"""Many terminals pushing at the same moment: every push commits, nothing waits for ever.

The ledger's endpoints are plain functions run on a pool of worker threads (40 by default).
A push holds locks until it commits (PostgreSQL: the change counter's row; SQLite: the write
lock). If the commit waited for a worker thread of its own while every thread was held by a
request blocked on those locks, the ledger would hang for good. Here the pool is shrunk to
three threads, so three times as many terminals push at once as there are threads.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import anyio.to_thread
from fastapi import FastAPI
from sqlalchemy.orm import Session

from sync.client.http import LedgerClient
from sync.protocol import PushResponse, WireEvent
from sync.server import ledger as ledger_rules

from .conftest import LedgerServer
from .faults.checks import ledger_applied_each_once, ledger_balances_add_up
from .support import ledger_points, make_chain

THREADS = 3
TERMINALS = 9
BATCHES = 3
PER_BATCH = 4
POINTS = 10


def shrink_worker_pool(ledger: LedgerServer, tokens: int) -> None:
    app = ledger.server.config.app
    assert isinstance(app, FastAPI)

    async def limit() -> dict[str, int]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = tokens
        return {"tokens": tokens}

    app.add_api_route("/test-only/threads", limit, methods=["POST"])
    client = LedgerClient(ledger.url)
    try:
        reply = client.http.post(f"{ledger.url}/test-only/threads", timeout=10)
        assert reply.json() == {"tokens": tokens}
    finally:
        client.close()


def test_more_concurrent_pushes_than_worker_threads_all_commit(ledger: LedgerServer) -> None:
    with Session(ledger.engine) as session, session.begin():
        ledger_rules.import_members(
            session,
            [{"member_id": "M1", "phone": "13900000001", "enrolled_on": "2026-01-05"}],
            ledger_rules.rule_book(session),
        )
    clients = []
    for n in range(TERMINALS):
        terminal_id = f"C{n:02d}"
        code = ledger.add_terminal(terminal_id, "S001")
        credential = LedgerClient(ledger.url).pair(terminal_id, code).credential
        chain = make_chain(
            terminal_id,
            [("adjust", {"member_id": "M1", "points": POINTS, "store": "S001"})]
            * (BATCHES * PER_BATCH),
        )
        # A deadlock shows as a read timeout (PostgreSQL waits for ever; SQLite for 30 s).
        clients.append((LedgerClient(ledger.url, credential, timeout=(3.0, 20.0)), chain))
    shrink_worker_pool(ledger, THREADS)
    start = threading.Barrier(TERMINALS)

    def push_all(client: LedgerClient, chain: list[WireEvent]) -> list[PushResponse]:
        start.wait()
        return [client.push(chain[i : i + PER_BATCH]) for i in range(0, len(chain), PER_BATCH)]

    with ThreadPoolExecutor(TERMINALS) as pool:
        replies = list(pool.map(lambda pair: push_all(*pair), clients))
    for client, _ in clients:
        client.close()

    assert [r[-1].applied_through_seq for r in replies] == [BATCHES * PER_BATCH] * TERMINALS
    assert all(x.status == "applied" for r in replies for reply in r for x in reply.results)
    assert ledger_points(ledger, "M1") == (TERMINALS * BATCHES * PER_BATCH * POINTS, 0)
    ledger_applied_each_once(ledger.engine)
    ledger_balances_add_up(ledger.engine)
