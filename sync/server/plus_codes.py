"""PLUS activation codes at the ledger: made in batches for a channel, claimed online by a
counter for one member, used by that claim's ``plus_sold`` event, reported by channel."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput
from app.domain.plus_codes import CHANNELS, code_hash, new_code
from sync.server.errors import Refused
from sync.server.models import PlusCode

MAX_BATCH = 100_000


@dataclass(frozen=True)
class Claim:
    channel: str
    batch: str
    validity_days: int
    code_hash: str
    last4: str


def create_batch(
    session: Session,
    *,
    channel: str,
    count: int,
    validity_days: int,
    usable_days: int,
    batch: str,
    now: datetime,
) -> list[str]:
    """``count`` new codes of one batch; the codes themselves are returned once, never kept."""
    if channel not in CHANNELS:
        raise Refused(422, "bad_channel", f"The channel must be one of {', '.join(CHANNELS)}.")
    if not 1 <= count <= MAX_BATCH:
        raise Refused(422, "bad_count", f"A batch has 1 to {MAX_BATCH} codes.")
    if not 1 <= validity_days <= 3660 or not 1 <= usable_days <= 3660:
        raise Refused(422, "bad_days", "Days must be between 1 and 3660.")
    batch = batch.strip()
    if not batch or len(batch) > 64:
        raise Refused(422, "bad_batch", "Name the batch (1 to 64 characters).")
    if session.scalar(select(PlusCode.code_hash).where(PlusCode.batch == batch).limit(1)):
        raise Refused(409, "batch_exists", f"There is already a batch {batch!r}.")
    codes = [new_code() for _ in range(count)]
    until = now.date() + timedelta(days=usable_days - 1)
    session.add_all(
        PlusCode(
            code_hash=code_hash(code),
            last4=code[-4:],
            batch=batch,
            channel=channel,
            validity_days=validity_days,
            usable_until=until,
            created_at=now,
        )
        for code in codes
    )
    return codes


def claim(
    session: Session,
    *,
    terminal_id: str,
    code: str,
    member_id: str,
    request_id: str,
    now: datetime,
) -> Claim:
    """Bind the code to this member and this terminal's request; the same claim again
    (a retry) gets the same answer. Refused: unknown, expired, or claimed by another."""
    try:
        hashed = code_hash(code)
    except InvalidInput as error:
        raise Refused(422, "bad_plus_code", error.message) from None
    row = session.get(PlusCode, hashed, with_for_update=True)
    if row is None:
        raise Refused(404, "unknown_plus_code", "No such PLUS activation code.")
    mine = (row.member_id, row.terminal_id, row.request_id) == (
        member_id,
        terminal_id,
        request_id,
    )
    if row.claimed_at is not None and not mine:
        raise Refused(
            409,
            "plus_code_used",
            f"This PLUS activation code was already used on {row.claimed_at.date().isoformat()}.",
        )
    if row.claimed_at is None:
        if now.date() > row.usable_until:
            raise Refused(
                409,
                "plus_code_expired",
                f"This PLUS activation code could be used until {row.usable_until.isoformat()}.",
            )
        row.member_id, row.terminal_id, row.request_id = member_id, terminal_id, request_id
        row.claimed_at = now
    return Claim(row.channel, row.batch, row.validity_days, row.code_hash, row.last4)


def used_by_event(
    session: Session, *, terminal_id: str, payload: Mapping[str, Any], event_id: str
) -> str | None:
    """Mark the code a ``plus_sold`` event names as used by it. Returns why the event must be
    refused (a code this terminal did not claim for this member), or None: no code, or done."""
    activation = payload.get("activation")
    if activation is None:
        return None
    hashed = activation.get("code_hash") if isinstance(activation, dict) else None
    row = session.get(PlusCode, hashed) if isinstance(hashed, str) else None
    if row is None or (row.member_id, row.terminal_id) != (payload.get("member_id"), terminal_id):
        return "The PLUS activation code was not claimed by this terminal for this member."
    if row.event_id is not None and row.event_id != event_id:
        return "The PLUS activation code was already used."
    row.event_id = event_id
    return None


def channel_report(session: Session) -> list[dict[str, Any]]:
    """Per batch: its channel, codes made, claimed at a counter, and activated (their PLUS
    event at the ledger)."""
    rows = session.execute(
        select(
            PlusCode.channel,
            PlusCode.batch,
            func.count(PlusCode.code_hash),
            func.count(PlusCode.claimed_at),
            func.count(PlusCode.event_id),
        )
        .group_by(PlusCode.channel, PlusCode.batch)
        .order_by(PlusCode.channel, PlusCode.batch)
    ).all()
    return [
        {"channel": c, "batch": b, "codes": n, "claimed": k, "activated": a}
        for c, b, n, k, a in rows
    ]
