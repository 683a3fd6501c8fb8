"""sync_push: events per second a terminal's sync client pushes to the ledger.

A terminal makes its awards offline (not timed), then pairs with a ledger and
``Syncer.push`` sends the whole outbox in batches of ``MAX_BATCH``, marking what the ledger
took. The baseline posts the very same request bodies (serialized beforehand, byte for byte
what the client sends) with a bare ``requests`` session to a second ledger that starts in the
same state (a fresh database, the same terminal id paired), so the ledger does the same work
for both; the difference is the client's own cost (reading the outbox, building and
validating the messages, parsing the replies, acknowledging in the terminal's database).
Both ledgers run on SQLite, each ``memberdesk-ledger serve`` in its own subprocess.
"""

from __future__ import annotations

import random
import time
import uuid

import requests
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.bootstrap import open_terminal
from app.config import Settings
from app.services import replica
from app.services.context import FixedClock
from app.services.staff import SYSTEM
from bench.award import basket
from bench.common import BENCH_NOW, Figure, note, scratch_dir
from bench.ledger_proc import ledger
from sync.client.authorizer import connect
from sync.client.commands import make_syncer, pair_terminal
from sync.protocol import API, MAX_BATCH, PushRequest, WireEvent
from sync.server.db import sqlite_url
from sync.server.models import Event

TERMINAL = "T01"
STORE = "S001"
MEMBERS = 50


def _bodies(events: list[replica.PendingEvent]) -> list[bytes]:
    """The push requests exactly as ``LedgerClient.push`` serializes them."""
    bodies = []
    for start in range(0, len(events), MAX_BATCH):
        batch = [
            WireEvent(
                event_id=e.event_id,
                terminal_id=e.terminal_id,
                seq=e.seq,
                kind=e.kind,
                payload=e.payload,
                prev_hash=e.prev_hash,
                hash=e.hash,
                created_at=e.created_at,
            )
            for e in events[start : start + MAX_BATCH]
        ]
        bodies.append(PushRequest(events=batch).model_dump_json().encode())
    return bodies


def _applied(session: Session) -> tuple[int, int]:
    """(events stored, events applied) at a ledger."""
    total = session.scalar(select(func.count(Event.event_id))) or 0
    applied = (
        session.scalar(select(func.count(Event.event_id)).where(Event.status == "applied")) or 0
    )
    return int(total), int(applied)


def run(quick: bool) -> Figure:
    awards = 300 if quick else 2000
    rng = random.Random(20261124)
    with scratch_dir("push") as tmp:
        data = tmp / "terminal"
        clock = FixedClock(BENCH_NOW)
        terminal = open_terminal(
            data,
            clock=clock,
            settings=Settings(data_dir=data, terminal_id=TERMINAL),
            connect=connect,
        )
        try:
            terminal.add_cashier(SYSTEM, "lin", "Lin Cashier", "cashier", "1111")
            cashier = terminal.actor("lin")
            started = time.perf_counter()
            members = [
                terminal.enroll(
                    f"push-enroll-{n}", cashier, phone=f"1391000{n:04d}", name=f"Push {n}"
                ).member_id
                for n in range(MEMBERS)
            ]
            for _ in range(awards):
                clock.advance(seconds=30)
                terminal.award(str(uuid.uuid4()), cashier, rng.choice(members), basket(rng))
            pending = replica.pending_events(terminal.ctx, 10**9)
            bodies = _bodies(pending)
            note(
                f"sync_push: {len(pending)} events ({MEMBERS} enrollments, {awards} awards) "
                f"made in {time.perf_counter() - started:.1f} s; {len(bodies)} batches, "
                f"{sum(map(len, bodies)) / 1e6:.2f} MB"
            )
            with (
                ledger(sqlite_url(tmp / "bare-ledger.db")) as bare,
                ledger(sqlite_url(tmp / "sync-ledger.db")) as synced,
            ):
                credential = bare.pair(TERMINAL, STORE)
                pair_terminal(terminal, synced.url, synced.add_terminal(TERMINAL, STORE))
                syncer = make_syncer(terminal)
                assert syncer is not None
                http = requests.Session()
                headers = {
                    "Accept": "application/json",
                    "Content-Type": "application/json",
                    "Authorization": f"Bearer {credential}",
                }
                started = time.perf_counter()
                for body in bodies:
                    reply = http.post(f"{bare.url}{API}/events", data=body, headers=headers)
                    reply.raise_for_status()
                bare_s = time.perf_counter() - started
                http.close()

                started = time.perf_counter()
                sent, rejected = syncer.push()
                sync_s = time.perf_counter() - started
                syncer.client.close()
                with Session(bare.engine) as a, Session(synced.engine) as b:
                    bare_counts, sync_counts = _applied(a), _applied(b)
            if (
                sent != len(pending)
                or bare_counts != sync_counts
                or replica.events_waiting(terminal.ctx)
            ):
                raise RuntimeError(
                    f"the two ledgers differ: sent {sent} of {len(pending)}, "
                    f"bare {bare_counts}, sync {sync_counts}"
                )
        finally:
            terminal.close()
    count = len(pending)
    note(
        f"sync_push: Syncer.push {count} events in {sync_s:.2f} s "
        f"({sync_s / count * 1000:.3f} ms each, {rejected} rejected); bare posts of the same "
        f"{len(bodies)} bodies in {bare_s:.2f} s ({bare_s / count * 1000:.3f} ms each); "
        f"ledger events (total, applied): {sync_counts}"
    )
    return Figure("sync_push", count / sync_s, "events/s", count / bare_s)
