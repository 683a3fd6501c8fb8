"""Build (once) a terminal database with many members, for the lookup benchmark.

``open_terminal`` creates the schema through Alembic exactly as the program does; then plain
``sqlite3`` ``executemany`` fills it in a few big transactions: every member with a balance row,
and, for a sample of members, a realistic history written the way the services write it (a
purchase with its lines, an outbox event chained by hash, a journal lot per purchase, some
spends from older lots, campaign coupons, some of them used, some refunds). The result is cached
under ``bench/out/`` keyed by the schema and this builder's version, so a second run reuses it.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.schema import CreateIndex, CreateTable

from app.bootstrap import open_terminal
from app.config import DATABASE_NAME
from app.services.context import FixedClock
from app.store.models import Base
from app.store.outbox import canonical_json, event_hash
from bench.common import BENCH_NOW, OUT, note

BUILDER_VERSION = "4"
CATEGORIES = ("grocery", "fashion", "electronics", "beauty", "dining")
TERMINAL = "T01"
STORE = "S001"
BATCH = 50_000


@dataclass(frozen=True)
class Population:
    members: int
    with_history: int  # members (the first of a shuffled order) who have bought things

    def member_id(self, n: int) -> str:
        return f"M{n:08d}"

    def phone(self, n: int) -> str:
        # a permutation of 0..10^9-1 (7919 is prime to 10), so phones are unique and the
        # phone index is filled in random order like a real one
        return f"13{(n * 7919 + 12345) % 1_000_000_000:09d}"


def schema_key() -> str:
    """Changes whenever the tables or indexes change, or this builder does."""
    dialect = sqlite_dialect.dialect()
    ddl = [
        str(CreateTable(table).compile(dialect=dialect)) for table in Base.metadata.sorted_tables
    ]
    ddl += [
        str(CreateIndex(index).compile(dialect=dialect))
        for table in Base.metadata.sorted_tables
        for index in sorted(table.indexes, key=lambda i: str(i.name))
    ]
    ddl.append(BUILDER_VERSION)
    return hashlib.sha256("\n".join(ddl).encode()).hexdigest()[:12]


def database_dir(population: Population) -> Path:
    return OUT / f"members-{population.members}-{population.with_history}-{schema_key()}"


def ensure_database(population: Population) -> Path:
    """The data directory of a built database (built now if there is none cached)."""
    target = database_dir(population)
    if (target / DATABASE_NAME).exists():
        note(f"reusing {target}")
        return target
    OUT.mkdir(parents=True, exist_ok=True)
    building = OUT / f"building-{uuid.uuid4().hex[:8]}"
    started = time.perf_counter()
    try:
        _build(building, population)
        building.rename(target)
    finally:
        shutil.rmtree(building, ignore_errors=True)
    for stale in OUT.glob(f"members-{population.members}-{population.with_history}-*"):
        if stale != target:  # built for an older schema: never read again
            shutil.rmtree(stale, ignore_errors=True)
    note(f"built {target} in {time.perf_counter() - started:.1f} s")
    return target


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _build(data_dir: Path, population: Population) -> None:
    terminal = open_terminal(data_dir, clock=FixedClock(BENCH_NOW))
    terminal.close()
    connection = sqlite3.connect(data_dir / DATABASE_NAME, isolation_level=None)
    try:
        # Building only: no fsync, a big cache. The file stays in WAL mode for the terminal.
        connection.execute("PRAGMA synchronous=OFF")
        connection.execute("PRAGMA cache_size=-1000000")
        _members(connection, population)
        _history(connection, population)
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def _member_rows(population: Population) -> Iterator[tuple[object, ...]]:
    rng = random.Random(1)
    today = BENCH_NOW.date()
    for n in range(population.members):
        birthday = None if rng.random() < 0.3 else date(1950 + rng.randrange(55), 1, 1)
        birthday = birthday and birthday + timedelta(days=rng.randrange(365))
        plus = today + timedelta(days=rng.randrange(-100, 300)) if rng.random() < 0.05 else None
        yield (
            population.member_id(n),
            population.phone(n),
            f"Member {n}",
            birthday and birthday.isoformat(),
            (today - timedelta(days=rng.randrange(1, 2000))).isoformat(),
            STORE,
            rng.random() < 0.6,
            rng.random() < 0.4,
            rng.randrange(40, 100),
            0,
            rng.randrange(5),
            rng.randrange(3),
            plus and plus.isoformat(),
            None,
            "active",
        )


def _batches(rows: Iterator[tuple[object, ...]]) -> Iterator[list[tuple[object, ...]]]:
    batch: list[tuple[object, ...]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _members(connection: sqlite3.Connection, population: Population) -> None:
    connection.execute("BEGIN")
    for batch in _batches(_member_rows(population)):
        connection.executemany(
            "INSERT INTO members (member_id, phone, name, birthday, enrolled_on, home_store, "
            "marketing_consent, real_name_verified, credit_score, risk_flags, reviews, "
            "referrals, plus_expires_on, pin_hash, status) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            batch,
        )
    connection.executemany(
        "INSERT INTO balances (member_id, points, open_overdraft) VALUES (?, 0, 0)",
        ((population.member_id(n),) for n in range(population.members)),
    )
    connection.execute("COMMIT")


def history_members(population: Population) -> list[int]:
    """The member numbers with a history (a fixed random sample)."""
    rng = random.Random(2)
    return sorted(rng.sample(range(population.members), population.with_history))


class _History:
    """Accumulates the rows of every table the services write for a purchase."""

    def __init__(self, next_seq: int, last_hash: str) -> None:
        self.seq = next_seq
        self.last_hash = last_hash
        self.entry_id = 0
        self.purchases: list[tuple[object, ...]] = []
        self.lines: list[tuple[object, ...]] = []
        self.outbox: list[tuple[object, ...]] = []
        self.journal: list[tuple[object, ...]] = []
        self.coupons: list[tuple[object, ...]] = []
        self.coupon_uses: list[tuple[object, ...]] = []
        self.refunds: list[tuple[object, ...]] = []
        self.lot_balances: list[tuple[object, ...]] = []
        self.requests: list[tuple[object, ...]] = []
        self.balances: list[tuple[int, str]] = []

    def event(
        self,
        kind: str,
        payload: dict[str, object],
        request_id: str,
        member_id: str,
        at: datetime,
        acked: bool,
    ) -> int:
        seq = self.seq
        event_id = str(uuid.UUID(int=random.getrandbits(128)))
        body = canonical_json(payload)
        created = _iso(at)
        digest = event_hash(
            prev_hash=self.last_hash,
            event_id=event_id,
            terminal_id=TERMINAL,
            seq=seq,
            kind=kind,
            payload=body,
            created_at=created,
        )
        self.outbox.append(
            (
                seq,
                event_id,
                TERMINAL,
                kind,
                body,
                self.last_hash,
                digest,
                request_id,
                member_id,
                created,
                _iso(at + timedelta(minutes=5)) if acked else None,
            )
        )
        self.last_hash = digest
        self.seq += 1
        return seq

    def entry(
        self,
        member_id: str,
        kind: str,
        points: int,
        lot_id: int | None,
        expires_on: date | None,
        is_lot: bool,
        request_id: str,
        receipt_no: str | None,
        seq: int,
        at: datetime,
    ) -> int:
        self.entry_id += 1
        self.journal.append(
            (
                self.entry_id,
                member_id,
                kind,
                points,
                lot_id,
                expires_on and expires_on.isoformat(),
                is_lot,
                request_id,
                receipt_no,
                seq,
                _iso(at),
                None,
            )
        )
        return self.entry_id


def _member_history(h: _History, rng: random.Random, member_id: str) -> int:
    """One member's purchases (oldest first); returns their balance."""
    purchases = min(int(rng.expovariate(1 / 12)) + 1, 120)
    now = BENCH_NOW
    ages = sorted((rng.uniform(0, 700) for _ in range(purchases)), reverse=True)
    lots: list[list[int]] = []  # [lot_id, remaining, expiry ordinal]
    expiry_of: dict[int, date] = {}
    balance = 0
    for age in ages:
        at = now - timedelta(days=age)
        day = at.date()
        request_id = str(uuid.UUID(int=rng.getrandbits(128)))
        receipt_no = f"{TERMINAL}-{h.seq:07d}"
        lines = [
            (rng.choice(CATEGORIES), rng.randint(20, 600) * 100 + rng.randint(0, 99))
            for _ in range(rng.randint(1, 3))
        ]
        subtotal = sum(amount for _, amount in lines)
        live = [lot for lot in lots if lot[1] > 0 and lot[2] >= day.toordinal()]
        spend = 0
        if live and rng.random() < 0.2:
            spend = min(sum(lot[1] for lot in live), subtotal // 100 // 10)
        payable = subtotal - spend
        earned = payable // 100
        seq = h.event(
            "purchase",
            {
                "receipt_no": receipt_no,
                "member_id": member_id,
                "store": STORE,
                "cashier": "lin",
                "lines": [list(line) for line in lines],
                "points_used": spend,
                "points_earned": earned,
                "payable_fen": payable,
            },
            request_id,
            member_id,
            at,
            acked=age > 2,
        )
        h.purchases.append(
            (
                receipt_no,
                member_id,
                STORE,
                "lin",
                subtotal,
                payable,
                subtotal - payable,
                earned,
                spend,
                None,
                1,
                canonical_json({"subtotal_fen": subtotal, "lines": lines}),
                request_id,
                _iso(at),
            )
        )
        h.lines.extend((receipt_no, category, amount) for category, amount in lines)
        h.requests.append((request_id, "award", "0" * 64, "{}", _iso(at)))
        left = spend
        for lot in sorted(live, key=lambda lot: (lot[2], lot[0])):
            if left == 0:
                break
            take = min(lot[1], left)
            h.entry(member_id, "spend", -take, lot[0], None, False, request_id, receipt_no, seq, at)
            lot[1] -= take
            left -= take
        expires = date(day.year + 1, 12, 31)
        if earned:
            lot_id = h.entry(
                member_id, "earn", earned, None, expires, True, request_id, receipt_no, seq, at
            )
            lots.append([lot_id, earned, expires.toordinal()])
            expiry_of[lot_id] = expires
        balance += earned - spend
        if rng.random() < 0.15:  # a campaign coupon, used half the time
            code = f"C{rng.getrandbits(40):010X}"
            until = day + timedelta(days=30)
            h.coupons.append(
                (
                    code,
                    member_id,
                    "PLUS10",
                    day.isoformat(),
                    until.isoformat(),
                    "campaign",
                    request_id,
                    _iso(at),
                )
            )
            if rng.random() < 0.5:
                h.coupon_uses.append((code, receipt_no, "lin", _iso(at + timedelta(days=3))))
        if rng.random() < 0.03:
            h.refunds.append(
                (receipt_no, payable // 2, 0, 0, 0, "lin", request_id, _iso(at + timedelta(days=1)))
            )
    # the daily expiry run: what is left of a lot past its last day goes, one event per member
    expired = [lot for lot in lots if lot[1] > 0 and lot[2] < now.date().toordinal()]
    if expired:
        at = datetime.combine(
            date.fromordinal(max(lot[2] for lot in expired) + 1), datetime.min.time(), tzinfo=UTC
        )
        request_id = f"expire-{TERMINAL}-{at.date().isoformat()}"
        points = sum(lot[1] for lot in expired)
        seq = h.event(
            "expire",
            {"member_id": member_id, "points": points, "day": at.date().isoformat()},
            request_id,
            member_id,
            at,
            True,
        )
        for lot in expired:
            h.entry(member_id, "expire", -lot[1], lot[0], None, False, request_id, None, seq, at)
            lot[1] = 0
        balance -= points
    h.lot_balances.extend(
        (lot_id, member_id, expiry_of[lot_id].isoformat(), remaining)
        for lot_id, remaining, _ in lots
    )
    return balance


def _history(connection: sqlite3.Connection, population: Population) -> None:
    next_seq, last_hash = connection.execute(
        "SELECT next_seq, last_hash FROM terminal_state WHERE id = 1"
    ).fetchone()
    h = _History(next_seq, last_hash)
    rng = random.Random(3)
    random.seed(4)
    for n in history_members(population):
        member_id = population.member_id(n)
        h.balances.append((_member_history(h, rng, member_id), member_id))
    connection.execute("BEGIN")
    inserts = {
        "outbox (seq, event_id, terminal_id, kind, payload, prev_hash, hash, request_id, "
        "member_id, created_at, acked_at)": h.outbox,
        "purchases (receipt_no, member_id, store_code, cashier_id, subtotal_fen, payable_fen, "
        "savings_fen, points_earned, points_used, coupon_code, rule_book_version, quote, "
        "request_id, created_at)": h.purchases,
        "purchase_lines (receipt_no, category, amount_fen)": h.lines,
        "journal (entry_id, member_id, kind, points, lot_id, expires_on, is_lot, request_id, "
        "receipt_no, event_seq, created_at, note)": h.journal,
        "lot_balances (lot_id, member_id, expires_on, remaining)": h.lot_balances,
        "coupons (coupon_code, member_id, template_code, valid_from, valid_until, source, "
        "request_id, created_at)": h.coupons,
        "coupon_uses (coupon_code, receipt_no, cashier_id, used_at)": h.coupon_uses,
        "refunds (receipt_no, amount_fen, points_clawed_back, points_returned, "
        "overdraft_points, cashier_id, request_id, created_at)": h.refunds,
        "requests (request_id, operation, fingerprint, result, created_at)": h.requests,
    }
    for table, rows in inserts.items():
        marks = ",".join("?" * table.count(",")) + ",?"
        connection.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    connection.executemany("UPDATE balances SET points = ? WHERE member_id = ?", h.balances)
    connection.execute(
        "UPDATE terminal_state SET next_seq = ?, last_hash = ? WHERE id = 1", (h.seq, h.last_hash)
    )
    connection.execute("COMMIT")
    note(
        f"history: {len(h.purchases)} purchases, {len(h.lines)} lines, {len(h.journal)} journal "
        f"entries, {len(h.lot_balances)} lots, {len(h.outbox)} events, {len(h.coupons)} coupons "
        f"({len(h.coupon_uses)} used), {len(h.refunds)} refunds"
    )
