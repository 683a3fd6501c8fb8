"""ledger_ingest_pg: events per second the ledger takes on PostgreSQL from 50 terminals at once.

The ledger is ``memberdesk-ledger serve`` in a subprocess, over a scratch PostgreSQL database,
with two uvicorn workers (``INGEST_WORKERS=N`` for another count). Each worker applies the
pushes that arrived while it was busy as one group, in one transaction (group commit,
``sync/server/group_commit.py``): two processes keep both cores busy, one applying while the
other waits for the members' locks. On 2026-11-23 (2-vCPU VM, load under 1), 50 terminals x
120 purchases: 7,512–8,277 events/s with two workers, 6,812–7,669 with three, 4,978–5,069
with one; 2,450–2,825 before group commit. ``INGEST_PER_TERMINAL=600`` measures a longer run
(30,000 events: 9,302 events/s with two workers, the same day).

50 terminals are added and paired; each gets its own hash-chained purchases (built here with
``event_hash``, the way a terminal builds them, with the points the rule book gives, so the
ledger's recomputation agrees) for members they all share, and pushes them from its own thread
in batches, as fast as the ledger answers. A push the ledger answers with a 5xx (e.g. a
deadlock it detected) is retried, as the terminal's worker would, and counted.

The baseline is the database's own rate for similar rows: 50 threads, one psycopg connection
each, insert the same events (same columns as the ledger's ``events`` table, in a copy of it)
in the same batches, one transaction per batch, in the same run once the ledger has stopped
(its idle connection pool would otherwise take PostgreSQL's last connections).
"""

from __future__ import annotations

import os
import random
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, timedelta

import psycopg
import requests
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.events import GENESIS_HASH, canonical_json, event_hash
from app.domain.quote import Shopper, points_earned
from bench.common import (
    BENCH_NOW,
    Figure,
    cpu_by_process,
    cpu_since,
    note,
    percentile,
    postgres_processes,
    process_tree,
)
from bench.ledger_proc import LedgerProcess, ledger, scratch_postgres
from sync.protocol import API, PushRequest, WireEvent
from sync.server import ledger as ledger_rules
from sync.server.models import Event

TERMINALS = 50
WORKERS = int(os.environ.get("INGEST_WORKERS", "2"))
PER_TERMINAL = int(os.environ.get("INGEST_PER_TERMINAL", "120"))  # purchases each
MEMBERS = 1000
STORE = "S001"
CATEGORIES = ("grocery", "fashion", "electronics", "beauty", "dining")


@dataclass
class Terminal:
    terminal_id: str
    credential: str
    events: list[WireEvent]
    bodies: list[bytes]


def _events(terminal_id: str, count: int, rng: random.Random, session: Session) -> list[WireEvent]:
    rules = ledger_rules.rule_book(session)
    assert rules is not None
    tier = rules.tiers[0]
    events = []
    prev = GENESIS_HASH
    for seq in range(1, count + 1):
        member_id = f"B{rng.randrange(MEMBERS):07d}"
        created = BENCH_NOW + timedelta(seconds=30 * seq)
        lines = [
            [rng.choice(CATEGORIES), rng.randint(20, 600) * 100] for _ in range(rng.randint(1, 3))
        ]
        payable = sum(amount for _, amount in lines)
        earned = points_earned(
            payable,
            shopper=Shopper(member_id, tier, False, 0),
            store=STORE,
            day=created.date(),
            rules=rules,
        ).total
        payload = canonical_json(
            {
                "receipt_no": f"{terminal_id}-{seq:06d}",
                "member_id": member_id,
                "store": STORE,
                "cashier": "lin",
                "hold_id": None,
                "rule_book_version": rules.version,
                "tier": tier.code,
                "plus": False,
                "lines": lines,
                "coupon": None,
                "points_used": 0,
                "points_earned": earned,
                "payable_fen": payable,
                "coupons_issued": [],
            }
        )
        event_id = str(uuid.uuid4())
        at = created.astimezone(UTC).isoformat(timespec="microseconds")
        digest = event_hash(
            prev_hash=prev,
            event_id=event_id,
            terminal_id=terminal_id,
            seq=seq,
            kind="purchase",
            payload=payload,
            created_at=at,
        )
        events.append(
            WireEvent(
                event_id=event_id,
                terminal_id=terminal_id,
                seq=seq,
                kind="purchase",
                payload=payload,
                prev_hash=prev,
                hash=digest,
                created_at=at,
            )
        )
        prev = digest
    return events


def _setup(server: LedgerProcess, per_terminal: int, batch: int) -> list[Terminal]:
    rng = random.Random(20261124)
    with Session(server.engine) as session, session.begin():
        rows = [
            {
                "member_id": f"B{n:07d}",
                "phone": f"1392{n:07d}",
                "name": f"Shared {n}",
                "enrolled_on": "2026-01-01",
                "home_store": STORE,
                "points": "0",
            }
            for n in range(MEMBERS)
        ]
        ledger_rules.import_members(session, rows, ledger_rules.rule_book(session))
    terminals = []
    with Session(server.engine) as session:
        for n in range(TERMINALS):
            terminal_id = f"P{n:03d}"
            events = _events(terminal_id, per_terminal, rng, session)
            bodies = [
                PushRequest(events=events[i : i + batch]).model_dump_json().encode()
                for i in range(0, len(events), batch)
            ]
            terminals.append(Terminal(terminal_id, server.pair(terminal_id, STORE), events, bodies))
    return terminals


def _push_all(server: LedgerProcess, terminals: list[Terminal]) -> tuple[float, int, list[float]]:
    """Seconds for every terminal to push everything; pushes retried; each push's seconds
    from its first send to its reply (retries included)."""
    retries = 0
    latencies: list[float] = []
    lock = threading.Lock()
    start = threading.Barrier(len(terminals) + 1, timeout=300)

    def push(terminal: Terminal) -> None:
        nonlocal retries
        http = requests.Session()
        headers = {
            "Accept": "application/json",
            "Content-Type": "application/json",
            "Authorization": f"Bearer {terminal.credential}",
        }
        start.wait()
        for body in terminal.bodies:
            sent = time.perf_counter()
            for attempt in range(50):
                reply = http.post(f"{server.url}{API}/events", data=body, headers=headers)
                if reply.status_code < 500:
                    reply.raise_for_status()
                    with lock:
                        latencies.append(time.perf_counter() - sent)
                    break
                with lock:
                    retries += 1
                time.sleep(0.05 * (attempt + 1))
            else:
                raise RuntimeError(f"{terminal.terminal_id}: the ledger kept failing")
        http.close()

    with ThreadPoolExecutor(len(terminals)) as pool:
        futures = [pool.submit(push, t) for t in terminals]
        start.wait()
        started = time.perf_counter()
        for future in futures:
            future.result()
        return time.perf_counter() - started, retries, latencies


def _bare_inserts(database_url: str, terminals: list[Terminal], batch: int) -> float:
    dsn = database_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as admin:
        admin.execute("CREATE TABLE bare_events (LIKE events INCLUDING ALL)")
    at = BENCH_NOW
    start = threading.Barrier(len(terminals) + 1, timeout=300)

    def insert(terminal: Terminal) -> None:
        with psycopg.connect(dsn) as connection:
            start.wait()
            for i in range(0, len(terminal.events), batch):
                with connection.cursor() as cursor:
                    cursor.executemany(
                        "INSERT INTO bare_events (event_id, terminal_id, seq, kind, payload, "
                        "prev_hash, hash, terminal_time, status, code, reason, ledger_time) "
                        "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, 'applied', NULL, NULL, %s)",
                        [
                            (
                                e.event_id,
                                e.terminal_id,
                                e.seq,
                                e.kind,
                                e.payload,
                                e.prev_hash,
                                e.hash,
                                e.created_at,
                                at,
                            )
                            for e in terminal.events[i : i + batch]
                        ],
                    )
                connection.commit()

    with ThreadPoolExecutor(len(terminals)) as pool:
        futures = [pool.submit(insert, t) for t in terminals]
        start.wait()
        started = time.perf_counter()
        for future in futures:
            future.result()
        return time.perf_counter() - started


def run(quick: bool) -> Figure:
    per_terminal, batch = (20, 20) if quick else (PER_TERMINAL, 60)
    count = TERMINALS * per_terminal
    with scratch_postgres() as database_url:
        with ledger(database_url, WORKERS) as server:
            started = time.perf_counter()
            terminals = _setup(server, per_terminal, batch)
            note(
                f"ledger_ingest_pg: {MEMBERS} members, {TERMINALS} terminals x {per_terminal} "
                f"purchases in batches of {batch}, set up in {time.perf_counter() - started:.1f} s"
            )
            ledger_pids = process_tree(server.process.pid)
            ledger_cpu = cpu_by_process(ledger_pids)
            postgres_cpu = cpu_by_process(postgres_processes())
            clients_cpu = time.process_time()
            push_s, retries, latencies = _push_all(server, terminals)
            # PostgreSQL's backends include those the ledger's pools opened meanwhile.
            cpu = (
                cpu_since(ledger_cpu, ledger_pids),
                cpu_since(postgres_cpu, postgres_processes()),
                time.process_time() - clients_cpu,
            )
            with Session(server.engine) as session:
                applied = session.scalar(
                    select(func.count(Event.event_id)).where(Event.status == "applied")
                )
                flags = len(ledger_rules.report(session)["flags"])
            if applied != count:
                raise RuntimeError(f"the ledger applied {applied} of {count} events")
        # The ledger has stopped: its idle pool no longer takes PostgreSQL's connections.
        bare_s = _bare_inserts(database_url, terminals, batch)
    note(
        f"ledger_ingest_pg: {count} events in {push_s:.2f} s ({push_s / count * 1000:.2f} ms "
        f"each; {retries} pushes retried after a 5xx; {flags} flags); bare INSERTs of the "
        f"same rows from {TERMINALS} threads in {bare_s:.2f} s"
    )
    note(
        f"ledger_ingest_pg: a push of {batch} events waited {percentile(latencies, 50) * 1000:.0f} "
        f"ms for its reply at p50, {percentile(latencies, 99) * 1000:.0f} ms at p99 "
        f"({len(latencies)} pushes, {TERMINALS} terminals pushing at once)"
    )
    ledger_us, postgres_us, clients_us = (seconds / count * 1e6 for seconds in cpu)
    note(
        f"ledger_ingest_pg: CPU per event during the pushes: ledger {ledger_us:.0f} µs "
        f"({WORKERS} workers), PostgreSQL {postgres_us:.0f} µs, the terminals (this process) "
        f"{clients_us:.0f} µs; {os.cpu_count()} cores"
    )
    return Figure("ledger_ingest_pg", count / push_s, "events/s", count / bare_s)
