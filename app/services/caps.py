"""Redeeming points: online the ledger authorises it; offline the rule book's caps apply.

A standalone terminal (never paired) is its own ledger: no caps. A paired terminal asks the
ledger first; if the ledger cannot be reached it may redeem within the caps (per redemption,
per member per day, per terminal until the next sync) and only while it has not been offline
too long nor has its clock moved too far from ledger time.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.errors import LedgerUnavailable, OfflineLimit, RequestConflict
from app.services.context import ServiceContext
from app.store.models import JournalEntry, OutboxEvent, TerminalState

log = logging.getLogger(__name__)
SPEND_KINDS = ("spend", "redeem_order", "redeem_gift", "redeem_coupon")


@contextmanager
def online_hold(
    ctx: ServiceContext, member_id: str, points: int, request_id: str
) -> Iterator[str | None]:
    """Ask the ledger to hold the points for the block that spends them; yields the hold id,
    or None when the terminal is standalone or the ledger is out of reach (then
    ``check_offline_caps`` decides inside the transaction). When the block fails (out of
    stock, a cap, the journal refused it) the hold is released at once: asked too after a
    lost reply, since the ledger may have made the hold the terminal never heard of."""
    authorizer = ctx.authorizer
    if points <= 0 or authorizer is None:
        yield None
        return
    try:
        hold_id: str | None = authorizer.authorize(member_id, points, request_id)
    except LedgerUnavailable as error:
        log.info("ledger unavailable for authorisation, offline rules apply: %s", error)
        hold_id = None
    try:
        yield hold_id
    except RequestConflict:
        raise  # the request id is another request's, which may be using this very hold
    except BaseException:
        authorizer.release(request_id)
        raise


def check_offline_caps(ctx: ServiceContext, session: Session, member_id: str, points: int) -> None:
    state = session.get(TerminalState, 1)
    if points <= 0 or state is None or state.paired_at is None:
        return
    caps = ctx.rules.offline
    now = ctx.now()
    last = state.last_sync_at or state.paired_at
    if now < last - timedelta(minutes=5):
        raise OfflineLimit(
            "The terminal's clock went back in time since the last sync; "
            "points cannot be redeemed offline. Check the clock.",
            kind="clock_back",
        )
    if now - last > timedelta(hours=caps.max_offline_hours):
        raise OfflineLimit(
            f"The terminal has been offline for more than "
            f"{caps.max_offline_hours} hours; redeem points once it is back "
            "online.",
            kind="offline_too_long",
            hours=caps.max_offline_hours,
        )
    if abs(state.clock_offset_s) > caps.max_clock_drift_seconds:
        raise OfflineLimit(
            "The terminal's clock is too far from the ledger's; points cannot "
            "be redeemed offline until it is corrected.",
            kind="clock_drift",
        )
    if points > caps.per_redemption_points:
        raise OfflineLimit(
            f"Offline, at most {caps.per_redemption_points} points can be redeemed at once.",
            cap=caps.per_redemption_points,
            kind="per_redemption",
        )
    start = datetime.combine(ctx.today(), time(), tzinfo=ctx.timezone)
    spent_today = -(
        session.scalar(
            select(func.coalesce(func.sum(JournalEntry.points), 0)).where(
                JournalEntry.member_id == member_id,
                JournalEntry.kind.in_(SPEND_KINDS),
                JournalEntry.created_at >= start,
            )
        )
        or 0
    )
    if spent_today + points > caps.per_member_per_day_points:
        raise OfflineLimit(
            f"Offline, a member can redeem at most "
            f"{caps.per_member_per_day_points} points a day; this member has "
            f"redeemed {spent_today} today.",
            cap=caps.per_member_per_day_points,
            kind="per_member_day",
            spent=spent_today,
        )
    unconfirmed = -(
        session.scalar(
            select(func.coalesce(func.sum(JournalEntry.points), 0))
            .join(OutboxEvent, OutboxEvent.seq == JournalEntry.event_seq)
            .where(JournalEntry.kind.in_(SPEND_KINDS), OutboxEvent.acked_at.is_(None))
        )
        or 0
    )
    if unconfirmed + points > caps.per_terminal_total_points:
        raise OfflineLimit(
            f"This terminal has redeemed {unconfirmed} points offline, its "
            f"limit is {caps.per_terminal_total_points} until it syncs.",
            cap=caps.per_terminal_total_points,
            kind="per_terminal",
            spent=unconfirmed,
        )
