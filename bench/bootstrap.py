"""bootstrap_1m: seconds for a new terminal to load 1,000,000 members from the ledger.

The ledger (``memberdesk-ledger serve`` in a subprocess, SQLite) holds 1,000,000 members,
each with an opening balance in one lot, written straight into its tables beforehand (not
timed). A fresh terminal pairs with it and ``Syncer.pull`` takes the paged, resumable
snapshot and the first pull after it: every member, its balance and its lots land in the
terminal's database, checkpoint by checkpoint, as a new till in a shop would get them.

What that exercises: pages of ``SNAPSHOT_PAGE`` (the protocol's ``MAX_PAGE``, 5,000) members;
the ledger builds each with two queries and one ``orjson`` call; the terminal validates each
page against the protocol's models, writes it in one transaction with multi-row INSERTs
(``app.store.bulkload``: members, balances, a ``ledger_sync`` lot each, exactly the rows the
member-by-member path writes) and fetches the next page in a worker thread meanwhile.

The baseline is the download alone: a bare ``requests`` session GETs the same snapshot pages
(same page size) from the same ledger and throws them away, so the ratio says how much the
terminal's own work (validation, the replica's writes) adds to moving the bytes.
"""

from __future__ import annotations

import random
import time
from datetime import date

import requests
from sqlalchemy import func, insert, select, text, update
from sqlalchemy.orm import Session

from app.bootstrap import open_terminal
from app.config import Settings
from app.services.context import FixedClock
from app.store.models import Member as LocalMember
from bench.common import BENCH_NOW, Figure, cpu_seconds, note, scratch_dir
from bench.ledger_proc import ledger
from sync.client.authorizer import connect
from sync.client.commands import make_syncer, pair_terminal
from sync.client.engine import SNAPSHOT_PAGE
from sync.protocol import API
from sync.server.cli import open_ledger
from sync.server.db import sqlite_url
from sync.server.models import Counter, Lot, Member

TERMINAL = "T01"
STORE = "S001"
CHUNK = 50_000


def fill_ledger(url: str, count: int) -> int:
    """``count`` members with an opening balance each (one lot), straight into the tables.
    Returns the total points."""
    engine = open_ledger(url)
    rng = random.Random(20261124)
    total = 0
    expires = date(2028, 12, 31)
    try:
        with Session(engine) as session, session.begin():
            for start in range(0, count, CHUNK):
                members, lots = [], []
                for n in range(start, min(count, start + CHUNK)):
                    points = rng.randrange(0, 5_000)
                    total += points
                    member_id = f"M{n:07d}"
                    members.append(
                        {
                            "member_id": member_id,
                            "phone": f"138{n:08d}",
                            "name": f"Member {n}",
                            "birthday": None,
                            "enrolled_on": date(2024, 1, 1),
                            "home_store": STORE,
                            "plus_expires_on": None,
                            "status": "active",
                            "growth": 0,
                            "points": points,
                            "overdraft": 0,
                            "spend_365_fen": 0,
                            "purchases": 0,
                            "cursor": n + 1,
                        }
                    )
                    if points:
                        lots.append(
                            {"member_id": member_id, "expires_on": expires, "remaining": points}
                        )
                session.execute(insert(Member), members)
                if lots:
                    session.execute(insert(Lot), lots)
            session.execute(
                update(Counter).where(Counter.name == "changes").values(value=count + 1)
            )
    finally:
        engine.dispose()
    return total


def _download(url: str, credential: str) -> tuple[float, int]:
    """Every snapshot page by bare GETs; (seconds, members)."""
    http = requests.Session()
    headers = {"Accept": "application/json", "Authorization": f"Bearer {credential}"}
    started = time.perf_counter()
    after: str | None = None
    checkpoint: int | None = None
    members = 0
    while True:
        params: dict[str, object] = {"limit": SNAPSHOT_PAGE}
        if after is not None:
            params["after"] = after
        if checkpoint is not None:
            params["checkpoint"] = checkpoint
        reply = http.get(f"{url}{API}/snapshot", params=params, headers=headers, timeout=120)
        reply.raise_for_status()
        page = reply.json()
        members += len(page["members"])
        after, checkpoint = page["after"], page["checkpoint"]
        if not page["more"]:
            break
    http.close()
    return time.perf_counter() - started, members


def run(quick: bool) -> Figure:
    count = 20_000 if quick else 1_000_000
    with scratch_dir("bootstrap") as tmp:
        url = sqlite_url(tmp / "ledger.db")
        started = time.perf_counter()
        total = fill_ledger(url, count)
        note(
            f"bootstrap_1m: ledger with {count} members ({total} points) written in "
            f"{time.perf_counter() - started:.1f} s"
        )
        with ledger(url) as server:
            bare_s, downloaded = _download(server.url, server.pair("BARE", STORE))
            if downloaded != count:
                raise RuntimeError(f"the snapshot had {downloaded} of {count} members")
            data = tmp / "terminal"
            terminal = open_terminal(
                data,
                clock=FixedClock(BENCH_NOW),
                settings=Settings(data_dir=data, terminal_id=TERMINAL, store_code=STORE),
                connect=connect,
            )
            try:
                pair_terminal(terminal, server.url, server.add_terminal(TERMINAL, STORE))
                syncer = make_syncer(terminal)
                assert syncer is not None
                ledger_cpu = cpu_seconds([server.process.pid])
                cpu = time.process_time()
                started = time.perf_counter()
                loaded, _ = syncer.pull()
                load_s = time.perf_counter() - started
                cpu = time.process_time() - cpu
                ledger_cpu = cpu_seconds([server.process.pid]) - ledger_cpu
                syncer.client.close()
                with terminal.ctx.read() as session:
                    local = session.scalar(select(func.count()).select_from(LocalMember))
                    points = session.execute(text("SELECT coalesce(sum(points), 0) FROM balances"))
                    local_points = int(points.scalar_one())
                if local != count or local_points != total:
                    raise RuntimeError(
                        f"the terminal has {local} members with {local_points} points; "
                        f"the ledger {count} with {total}"
                    )
            finally:
                terminal.close()
    note(
        f"bootstrap_1m: {loaded} members loaded in {load_s:.1f} s "
        f"({load_s / count * 1e6:.0f} µs each); the bare download of the same pages took "
        f"{bare_s:.1f} s; CPU during the load: terminal {cpu:.1f} s (both threads), "
        f"ledger {ledger_cpu:.1f} s (on a shared machine, wall time above the larger of the "
        "two is waiting for a core)"
    )
    return Figure("bootstrap_1m", load_s, "s", bare_s)
