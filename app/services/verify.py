"""Check the journal: the event hash chain, the sequence, and the balance invariants."""

from __future__ import annotations

from sqlalchemy import func, select, text

from app.services.context import ServiceContext
from app.services.views import VerifyReport
from app.store import failures
from app.store.models import Balance, JournalEntry, OutboxEvent, TerminalState
from app.store.outbox import GENESIS_HASH, event_hash

MAX_LISTED = 50


def verify_journal(ctx: ServiceContext) -> VerifyReport:
    problems: list[str] = []
    with ctx.read() as session:
        integrity = [row[0] for row in session.execute(text("PRAGMA integrity_check"))]
        if integrity != ["ok"]:
            # A damaged file: one message and the way out, not a list of what it spoiled.
            raise failures.corrupt(
                ctx.database.path, "SQLite's integrity check: " + "; ".join(integrity[:3])
            )
        prev_hash, expected_seq, events = GENESIS_HASH, 1, 0
        for ev in session.scalars(select(OutboxEvent).order_by(OutboxEvent.seq)).yield_per(2000):
            events += 1
            if ev.seq != expected_seq:
                problems.append(f"event sequence jumps from {expected_seq - 1} to {ev.seq}")
            if ev.prev_hash != prev_hash:
                problems.append(f"event {ev.seq} does not follow the previous event's hash")
            recomputed = event_hash(
                prev_hash=ev.prev_hash,
                event_id=ev.event_id,
                terminal_id=ev.terminal_id,
                seq=ev.seq,
                kind=ev.kind,
                payload=ev.payload,
                created_at=ev.created_at.isoformat(timespec="microseconds"),
            )
            if recomputed != ev.hash:
                problems.append(f"event {ev.seq} was changed after it was written")
            prev_hash, expected_seq = ev.hash, ev.seq + 1
        state = session.get(TerminalState, 1)
        if state is not None and (state.next_seq != expected_seq or state.last_hash != prev_hash):
            problems.append("the terminal's chain head does not match its last event")

        orphans = session.scalar(
            select(func.count(JournalEntry.entry_id)).where(
                JournalEntry.event_seq.not_in(select(OutboxEvent.seq))
            )
        )
        if orphans:
            problems.append(f"{orphans} journal entries have no outbox event")

        sums: dict[str, int] = {
            m: int(v)
            for m, v in session.execute(
                select(JournalEntry.member_id, func.sum(JournalEntry.points)).group_by(
                    JournalEntry.member_id
                )
            )
        }
        free: dict[str, int] = {
            m: int(v)
            for m, v in session.execute(
                select(JournalEntry.member_id, -func.sum(JournalEntry.points))
                .where(JournalEntry.is_lot.is_(False), JournalEntry.lot_id.is_(None))
                .group_by(JournalEntry.member_id)
            )
        }
        balances = session.scalars(select(Balance)).all()
        for row in balances:
            if row.points != sums.get(row.member_id, 0):
                problems.append(
                    f"member {row.member_id}: cached balance {row.points} but the "
                    f"journal sums to {sums.get(row.member_id, 0)}"
                )
            if row.open_overdraft != free.get(row.member_id, 0) or row.open_overdraft < 0:
                problems.append(
                    f"member {row.member_id}: overdraft {row.open_overdraft} does "
                    f"not match the journal ({free.get(row.member_id, 0)})"
                )
        missing = set(sums) - {row.member_id for row in balances}
        problems.extend(f"member {m}: journal entries but no balance" for m in sorted(missing))
        lots = session.execute(
            text(
                "SELECT l.entry_id, l.member_id, "
                "l.points + COALESCE(SUM(t.points), 0) AS computed, b.remaining AS cached "
                "FROM journal l LEFT JOIN journal t ON t.lot_id = l.entry_id "
                "LEFT JOIN lot_balances b ON b.lot_id = l.entry_id "
                "WHERE l.is_lot GROUP BY l.entry_id "
                # not "remaining": in HAVING that name is b.remaining, not the sum
                "HAVING computed < 0 OR cached IS NULL OR cached != computed"
            )
        ).all()
        for lot, member, remaining, cached in lots:
            if remaining < 0:
                problems.append(f"member {member}: lot {lot} is overdrawn ({remaining})")
            else:
                problems.append(
                    f"member {member}: lot {lot} holds {remaining} points but "
                    f"its cached balance says {cached}"
                )
        # The lots added up by expiry day (what the card reads) against the lots.
        days = session.execute(
            text(
                "SELECT COALESCE(a.member_id, d.member_id), COALESCE(a.day, d.expires_on), "
                "COALESCE(a.total, 0), COALESCE(d.remaining, 0) FROM (SELECT member_id, "
                "COALESCE(expires_on, '9999-12-31') AS day, SUM(remaining) AS total "
                "FROM lot_balances GROUP BY 1, 2) a FULL OUTER JOIN lot_days d "
                "ON d.member_id = a.member_id AND d.expires_on = a.day "
                "WHERE COALESCE(a.total, 0) != COALESCE(d.remaining, 0)"
            )
        ).all()
        problems.extend(
            f"member {member}: lots ending {day} hold {total} points but lot_days says {cached}"
            for member, day, total, cached in days
        )
        entries = session.scalar(select(func.count(JournalEntry.entry_id))) or 0
    listed = problems[:MAX_LISTED]
    if len(problems) > MAX_LISTED:
        listed.append(f"... and {len(problems) - MAX_LISTED} more")
    return VerifyReport(not problems, events, entries, len(balances), listed)
