"""The replica's day buckets of members' profiles (``ProfileDay``), in plain SQL.

The card and the award read a member's window with two aggregate statements over at most two
rows a day (the ledger's bucket and this terminal's own): the cost is that of 365 days at most,
whatever the member's history. Writes happen in the caller's transaction: an award or a refund
adds its own bucket change ("T") with its event; a checkpoint replaces the ledger's buckets
("L") of the members it carries and rebuilds their own ones from the events the ledger has not
yet counted.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any

from app.domain.events import BUSINESS_DAY
from app.domain.profile import DayDelta, Window, event_deltas, window_start

LEDGER = "L"
OWN = "T"

# Days summed first (both sources of one day add up), then the days in [?2, ?3).
_WINDOW = (
    "SELECT COALESCE(SUM(s), 0), COALESCE(SUM(p), 0), COALESCE(SUM(r), 0), "
    "COUNT(CASE WHEN p > 0 THEN 1 END), MAX(CASE WHEN p > 0 THEN day END) FROM ("
    "SELECT day, SUM(spend_fen) AS s, SUM(purchases) AS p, SUM(refunds) AS r "
    "FROM profile_days WHERE member_id = ?1 AND day >= ?2 AND day < ?3 GROUP BY day)"
)
_CATEGORIES = (
    "SELECT j.key, SUM(j.value) FROM profile_days d, json_each(d.categories) j "
    "WHERE d.member_id = ?1 AND d.day >= ?2 AND d.day < ?3 GROUP BY j.key"
)
_END = "9999-12-31"  # after every day
_ONE = (
    "SELECT spend_fen, purchases, refunds, categories FROM profile_days "
    "WHERE member_id = ? AND day = ? AND source = ?"
)
_PUT = (
    "INSERT OR REPLACE INTO profile_days (member_id, day, source, spend_fen, purchases, "
    "refunds, categories) VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_DROP = "DELETE FROM profile_days WHERE member_id = ? AND source = ?"
_UNCOUNTED = (
    "SELECT kind, payload FROM outbox WHERE member_id = ? AND seq > ? "
    "AND kind IN ('purchase', 'refund') ORDER BY seq"
)


_CACHED = "SELECT as_of, window FROM profile_windows WHERE member_id = ?"
_CACHE = "INSERT OR REPLACE INTO profile_windows (member_id, as_of, window) VALUES (?, ?, ?)"


def read_window(connection: sqlite3.Connection, member_id: str, today: date) -> Window:
    """The member's window today: the one stored with their last change (one row), less the
    days that have left the window since (as many rows as days passed, usually none); their
    buckets added up (``sum_window``) when none was stored or the clock went back."""
    row = connection.execute(_CACHED, (member_id,)).fetchone()
    if row is None or row[0] > today.isoformat():
        return sum_window(connection, member_id, today)
    stored = _window(row[1])
    if row[0] == today.isoformat():
        return stored
    start = window_start(today)
    gone = _sum(connection, member_id, window_start(date.fromisoformat(row[0])), start)
    categories = dict(stored.categories)
    for category, fen in gone.categories.items():
        categories[category] = categories.get(category, 0) - fen
    last = stored.last_purchase_on
    return Window(
        spend_fen=stored.spend_fen - gone.spend_fen,
        purchases=stored.purchases - gone.purchases,
        refunds=stored.refunds - gone.refunds,
        active_days=stored.active_days - gone.active_days,
        last_purchase_on=last if last is not None and last >= start else None,
        categories={c: fen for c, fen in categories.items() if fen},
    )


def refresh_window(connection: sqlite3.Connection, member_id: str, today: date) -> None:
    """Store the member's window as of ``today`` (after a change of their buckets)."""
    window = sum_window(connection, member_id, today)
    connection.execute(_CACHE, (member_id, today.isoformat(), window_json(window)))


def store_windows(
    connection: sqlite3.Connection, windows: Iterable[tuple[str, Window]], today: date
) -> None:
    """Windows computed elsewhere (``fold`` of a snapshot page's buckets), as of ``today``."""
    day = today.isoformat()
    connection.executemany(_CACHE, [(m, day, window_json(w)) for m, w in windows])


def window_json(window: Window) -> str:
    last = window.last_purchase_on
    return json.dumps(
        [
            window.spend_fen,
            window.purchases,
            window.refunds,
            window.active_days,
            last.isoformat() if last else None,
            dict(sorted(window.categories.items())),
        ]
    )


def _window(text: str) -> Window:
    spend, purchases, refunds, active, last, categories = json.loads(text)
    return Window(
        spend, purchases, refunds, active, date.fromisoformat(last) if last else None, categories
    )


def sum_window(connection: sqlite3.Connection, member_id: str, today: date) -> Window:
    """``app.domain.profile.fold`` of the member's buckets, in SQL (365 days at most)."""
    return _sum(connection, member_id, window_start(today), None)


def spend_since(connection: sqlite3.Connection, member_id: str, since: date) -> dict[str, int]:
    """The member's net spend per category on the days from ``since`` on (a PLUS term)."""
    return dict(_sum(connection, member_id, since, None).categories)


def _sum(connection: sqlite3.Connection, member_id: str, start: date, end: date | None) -> Window:
    """The buckets of the days in [start, end) (end None: every day from start), folded."""
    bounds = (member_id, start.isoformat(), end.isoformat() if end else _END)
    spend, purchases, refunds, active, last = connection.execute(_WINDOW, bounds).fetchone()
    categories = {
        str(category): int(fen) for category, fen in connection.execute(_CATEGORIES, bounds) if fen
    }
    return Window(
        spend_fen=int(spend),
        purchases=int(purchases),
        refunds=int(refunds),
        active_days=int(active),
        last_purchase_on=date.fromisoformat(last) if last else None,
        categories=categories,
    )


def add_own(
    connection: sqlite3.Connection,
    member_id: str,
    deltas: Iterable[DayDelta],
    today: date | None = None,
) -> None:
    """Add this terminal's bucket changes (in the transaction of the event that makes them);
    with ``today``, store the member's window as of that day too."""
    for delta in deltas:
        day = delta.day.isoformat()
        row = connection.execute(_ONE, (member_id, day, OWN)).fetchone()
        spend, purchases, refunds, categories = (
            (0, 0, 0, {})
            if row is None
            else (
                row[0],
                row[1],
                row[2],
                json.loads(row[3]),
            )
        )
        for category, fen in delta.categories.items():
            categories[category] = categories.get(category, 0) + fen
        connection.execute(
            _PUT,
            (
                member_id,
                day,
                OWN,
                spend + delta.spend_fen,
                purchases + delta.purchases,
                refunds + delta.refunds,
                json.dumps({k: v for k, v in sorted(categories.items()) if v}),
            ),
        )
    if today is not None:
        refresh_window(connection, member_id, today)


def _ledger_row(member_id: str, d: DayDelta) -> tuple[object, ...]:
    """One of the ledger's day buckets as a row of the terminal's copy."""
    return (
        member_id,
        d.day.isoformat(),
        LEDGER,
        d.spend_fen,
        d.purchases,
        d.refunds,
        json.dumps(dict(sorted(d.categories.items()))),
    )


def replace_ledger_days(
    connection: sqlite3.Connection, member_id: str, days: Iterable[DayDelta]
) -> None:
    """The ledger's buckets of a member, as the checkpoint carries them (all of its window)."""
    connection.execute(_DROP, (member_id, LEDGER))
    connection.executemany(
        _PUT,
        [_ledger_row(member_id, d) for d in days],
    )


def insert_ledger_days(
    connection: sqlite3.Connection, members: Iterable[tuple[str, Iterable[DayDelta]]]
) -> None:
    """The ledger's buckets of members new to this terminal (a snapshot page): no rows yet."""
    connection.executemany(
        _PUT,
        [_ledger_row(member_id, d) for member_id, days in members for d in days],
    )


def members_of_events(connection: sqlite3.Connection, after_seq: int, through_seq: int) -> set[str]:
    """Members of this terminal's purchases and refunds in (after_seq, through_seq]."""
    if through_seq <= after_seq:
        return set()
    return {
        str(member_id)
        for (member_id,) in connection.execute(
            "SELECT DISTINCT member_id FROM outbox WHERE seq > ? AND seq <= ? "
            "AND member_id IS NOT NULL AND kind IN ('purchase', 'refund')",
            (after_seq, through_seq),
        )
    }


_COUPON = (
    "INSERT INTO coupons (coupon_code, member_id, template_code, valid_from, valid_until, "
    "source, request_id, created_at, ledger_used) "
    "SELECT ?1, ?2, ?3, ?4, ?5, 'ledger', ?6, ?7, ?8 "
    "WHERE EXISTS (SELECT 1 FROM members WHERE member_id = ?2) "
    "ON CONFLICT (coupon_code) DO UPDATE SET ledger_used = excluded.ledger_used"
)


def put_ledger_coupons(
    connection: sqlite3.Connection,
    coupons: Iterable[tuple[str, str, str, date, date, bool]],
    request_id: str,
    at: datetime,
) -> None:
    """Coupons as the ledger knows them, (code, member, template, from, until, used): a
    coupon issued at another counter becomes usable here; one used anywhere is marked so."""
    stamp = at.astimezone(UTC).isoformat(timespec="microseconds")
    connection.executemany(
        _COUPON,
        [
            (
                code,
                member,
                template,
                start.isoformat(),
                until.isoformat(),
                request_id,
                stamp,
                int(used),
            )
            for code, member, template, start, until, used in coupons
        ],
    )


def rebuild_own(
    connection: sqlite3.Connection, member_id: str, after_seq: int, today: date
) -> None:
    """This terminal's own buckets of a member: its events after ``after_seq`` (the ones the
    ledger has not counted yet), and only those; then the member's window as of ``today``."""
    connection.execute(_DROP, (member_id, OWN))
    deltas: list[DayDelta] = []
    for kind, payload in connection.execute(_UNCOUNTED, (member_id, after_seq)).fetchall():
        body: dict[str, Any] = json.loads(payload)
        day = body.get(BUSINESS_DAY)
        if isinstance(day, str):
            deltas.extend(event_deltas(kind, body, date.fromisoformat(day)))
    add_own(connection, member_id, deltas, today)
