"""The ledger's side of ``redeem_undone``: a terminal undoes its own last redemption.

The points come back exactly: the redemption's points, to the expiry days the terminal took
them from, as ``redeem`` entries that cancel the redemption's (so what each store redeemed
nets out), an open overdraft settled first as any points coming in. Only the terminal that
redeemed may undo it, only an applied redemption, and only once.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, cast

import orjson
from sqlalchemy import Table, select

from sync.server.ledger import NEVER
from sync.server.models import Event
from sync.server.push.fields import MAX_AMOUNT, Rejection

if TYPE_CHECKING:
    from sync.server.push.purchase import Purchase
    from sync.server.push.state import Apply, Batch, MemberState

KIND = "redeem_undone"
EVENTS = cast(Table, Event.__table__)
MAX_LOTS = 1000


def apply_redeem_undone(
    apply: Apply,
    member: MemberState,
    payload: dict[str, Any],
    purchase: Purchase | None,
    today: date,
) -> date | None:
    """Give the redemption's points back, or raise a Rejection having changed nothing; no
    day's buckets change (a redemption never moved them)."""
    batch = apply.batch
    redeem_id = payload.get("redeem_event_id")
    if not isinstance(redeem_id, str) or not 0 < len(redeem_id) <= 36:
        raise Rejection("bad_payload", "redeem_event_id must name the redemption's event.")
    points = payload.get("points")
    if not isinstance(points, int) or isinstance(points, bool) or not 0 < points <= MAX_AMOUNT:
        raise Rejection("bad_payload", f"points must be a whole number from 1 to {MAX_AMOUNT}.")
    lots = _lots(payload.get("lots"), points)
    redeem = _redemption(batch, redeem_id)
    if redeem is None or redeem["terminal_id"] != batch.terminal.terminal_id:
        raise Rejection(
            "unknown_redemption",
            f"Terminal {batch.terminal.terminal_id} has no redemption {redeem_id} to undo.",
        )
    original = orjson.loads(redeem["payload"])
    if original.get("member_id") != member.member_id or original.get("points") != points:
        raise Rejection(
            "undo_mismatch",
            f"Redemption {redeem_id} was not {points} points of member {member.member_id}.",
        )
    if _undone_before(batch, redeem, apply.event.seq):
        raise Rejection("undone_already", f"Redemption {redeem_id} was undone already.")
    batch.expire_due(member, today)
    for day, lot_points in lots:
        apply.earn(member, "redeem", lot_points, day or NEVER)
    return None


def _lots(value: object, points: int) -> list[tuple[date | None, int]]:
    """The payload's lots: expiry days (None: never) and points, adding up to ``points``."""
    if not isinstance(value, list) or not 0 < len(value) <= MAX_LOTS:
        raise Rejection("bad_payload", "lots must list where the points were taken from.")
    lots: list[tuple[date | None, int]] = []
    for lot in value:
        expires = lot.get("expires_on") if isinstance(lot, dict) else None
        lot_points = lot.get("points") if isinstance(lot, dict) else None
        if not isinstance(lot_points, int) or isinstance(lot_points, bool) or lot_points <= 0:
            raise Rejection("bad_payload", "each lot's points must be a whole number > 0.")
        try:
            day = None if expires is None else date.fromisoformat(str(expires))
        except ValueError:
            raise Rejection("bad_payload", f"lot expiry {expires!r} is not a date.") from None
        lots.append((day, lot_points))
    if sum(n for _day, n in lots) != points:
        raise Rejection("bad_payload", "the lots do not add up to the points given back.")
    return lots


def _rejected_now(batch: Batch) -> set[str]:
    return {str(row["event_id"]) for row in batch.rejected}


def _redemption(batch: Batch, event_id: str) -> dict[str, Any] | None:
    """The applied ``redeem`` event ``event_id``: earlier in this group, or stored."""
    for row in batch.events:
        if row["event_id"] == event_id:
            applied = row["kind"] == "redeem" and event_id not in _rejected_now(batch)
            return row if applied else None
    stored = (
        batch.session.execute(
            select(EVENTS).where(
                EVENTS.c.event_id == event_id,
                EVENTS.c.kind == "redeem",
                EVENTS.c.status == "applied",
            )
        )
        .mappings()
        .first()
    )
    return dict(stored) if stored is not None else None


def _undone_before(batch: Batch, redeem: dict[str, Any], seq: int) -> bool:
    """Whether an applied undo of ``redeem`` came before this one (its chain, after it)."""
    needle = f'"redeem_event_id":"{redeem["event_id"]}"'
    rejected = _rejected_now(batch)
    for row in batch.events:
        if (
            row["kind"] == KIND
            and row["terminal_id"] == redeem["terminal_id"]
            and row["epoch"] == redeem["epoch"]
            and row["seq"] < seq
            and needle in row["payload"]
            and row["event_id"] not in rejected
        ):
            return True
    # Stored ones: this group's own rows are written before they are applied (above).
    in_group = {str(row["event_id"]) for row in batch.events}
    stored = batch.session.scalars(
        select(EVENTS.c.event_id).where(
            EVENTS.c.terminal_id == redeem["terminal_id"],
            EVENTS.c.epoch == redeem["epoch"],
            EVENTS.c.seq > redeem["seq"],
            EVENTS.c.kind == KIND,
            EVENTS.c.status == "applied",
            EVENTS.c.payload.contains(needle, autoescape=True),
        )
    ).all()
    return any(event_id not in in_group for event_id in stored)
