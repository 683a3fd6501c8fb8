"""redeem_online: the time of an online redemption at a paired terminal, against a bare
authorise request to the same ledger.

The terminal process (this one) redeems points off an order: the request id is looked up,
the ledger is asked for a hold over HTTP, the redemption commits locally (journal + outbox).
The baseline posts the very same authorise request bodies with a bare ``requests`` session
(a second ledger in the same state, so the ledger does the same work for both: locking the
member, summing live holds, writing the hold). The difference is the terminal's own cost on
top of the network round trip it cannot avoid. Both ledgers are ``memberdesk-ledger serve``
processes on SQLite. Figure: p50 milliseconds per redemption.
"""

from __future__ import annotations

import json
import time
import uuid

import requests

from app.bootstrap import Terminal, open_terminal
from app.config import Settings
from app.domain.quote import Line
from app.services import replica
from app.services.context import FixedClock
from bench.common import BENCH_NOW, Figure, note, percentile, scratch_dir
from bench.ledger_proc import ledger
from sync.client.authorizer import connect
from sync.client.commands import make_syncer, pair_terminal
from sync.client.engine import wire_event
from sync.client.http import LedgerClient
from sync.protocol import API, WireEvent
from sync.server.db import sqlite_url

TERMINAL, STORE, POINTS = "T01", "S001", 10


def run(quick: bool) -> Figure:
    redemptions = 100 if quick else 1000
    with scratch_dir("redeem") as tmp:
        data = tmp / "terminal"
        terminal = open_terminal(
            data,
            clock=FixedClock(BENCH_NOW),
            settings=Settings(data_dir=data, terminal_id=TERMINAL),
            connect=connect,
        )
        try:
            with (
                ledger(sqlite_url(tmp / "bare-ledger.db")) as bare,
                ledger(sqlite_url(tmp / "redeem-ledger.db")) as served,
            ):
                pair_terminal(terminal, served.url, served.add_terminal(TERMINAL, STORE))
                terminal.add_first_admin("lin", "Lin", "1111")
                lin = terminal.actor("lin")
                member = terminal.enroll("b-enroll", lin, phone="13910000000", name="B").member_id
                enough = redemptions * POINTS * 2
                terminal.award("b-award", lin, member, [Line("grocery", enough * 100)])
                events = _wire(terminal)
                syncer = make_syncer(terminal)
                assert syncer is not None
                syncer.round()  # the ledger knows the member and the points
                # the bare ledger: the same member and points, by the same events
                credential = bare.pair(TERMINAL, STORE)
                http = requests.Session()
                headers = {
                    "Content-Type": "application/json",
                    "Authorization": f"Bearer {credential}",
                }
                seeding = LedgerClient(bare.url, credential)
                seeding.push(events)
                seeding.close()

                bodies = [
                    json.dumps(
                        {"member_id": member, "points": POINTS, "request_id": str(uuid.uuid4())}
                    ).encode()
                    for _ in range(redemptions)
                ]
                bare_ms = []
                for body in bodies:
                    started = time.perf_counter()
                    reply = http.post(
                        f"{bare.url}{API}/redemptions/authorize", data=body, headers=headers
                    )
                    bare_ms.append((time.perf_counter() - started) * 1000)
                    assert reply.ok and reply.json()["approved"], reply.text
                ours_ms = []
                for n in range(redemptions):
                    started = time.perf_counter()
                    terminal.redeem(
                        f"r-{n}", lin, member, "order", points=POINTS, amount_fen=POINTS * 10
                    )
                    ours_ms.append((time.perf_counter() - started) * 1000)
                held = terminal.ctx.authorizer is not None
                note(
                    f"redeem_online: {redemptions} redemptions, hold asked: {held}; p99 "
                    f"{percentile(ours_ms, 99):.2f} ms against a bare authorise's "
                    f"{percentile(bare_ms, 99):.2f} ms"
                )
                return Figure(
                    "redeem_online",
                    percentile(ours_ms, 50),
                    "ms",
                    percentile(bare_ms, 50),
                )
        finally:
            terminal.close()


def _wire(terminal: Terminal) -> list[WireEvent]:
    """The terminal's waiting events as its sync client sends them."""
    return [wire_event(e) for e in replica.pending_events(terminal.ctx, 10**6)]
