"""Undo the last redemption within a few minutes: a reversing event, never an edit.

The points go back to the very lots they were taken from (same expiry), a gift goes back on
the shelf, and the event ``redeem_undone`` names the redemption's own event so the ledger
gives back exactly what it took, once. A coupon bought with points is not undone here: it
is the mall's object from the moment it is issued (the service desk corrects it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import NotAllowed
from app.domain.event_kinds import RedeemUndone
from app.domain.events import business_day
from app.services.common import audit, iso, load_member, mask_name, post
from app.services.context import Actor, ServiceContext
from app.services.idempotency import run_once
from app.store.journal import shown_balance
from app.store.models import (
    GiftStock,
    JournalEntry,
    LotBalance,
    OutboxEvent,
    Redemption,
    RedemptionUndo,
)

UNDO_KIND = RedeemUndone.KIND  # the event; its ledger handler is sync/server/undo.py
UNDO_MINUTES = 5  # settings: redeem.undo_minutes
UNDOABLE = ("gift", "order")


@dataclass(frozen=True)
class UndoResult:
    member_id: str
    kind: str  # gift or order
    item: str | None
    points: int  # given back
    balance: int
    redeem_event_id: str
    event_id: str | None = None


@dataclass(frozen=True)
class LastRedemption:
    """What Ctrl+Z would undo, for the question before it."""

    member_id: str
    name: str  # privacy-masked
    kind: str
    item: str | None
    points: int
    at: str  # ISO, UTC


def last_redemption(ctx: ServiceContext) -> LastRedemption | None:
    """This terminal's newest redemption, if it is not undone yet."""
    with ctx.read() as session:
        last = session.scalar(select(Redemption).order_by(Redemption.redemption_id.desc()))
        if last is None or session.get(RedemptionUndo, last.redemption_id) is not None:
            return None
        member = load_member(session, last.member_id, for_update=False)
        return LastRedemption(
            last.member_id,
            mask_name(member.name),  # as the card shows it
            last.kind,
            last.item,
            last.points,
            last.created_at.isoformat(),
        )


def undo_last_redemption(
    ctx: ServiceContext,
    *,
    request_id: str,
    actor: Actor,
    member_id: str | None = None,
    minutes: int = UNDO_MINUTES,
    approved_by: Actor | None = None,
) -> UndoResult:
    """Undo this terminal's newest redemption (of ``member_id`` when given). Refused when it
    is older than ``minutes``, already undone, or a coupon exchange: never an older one."""

    def work(session: Session) -> UndoResult:
        query = select(Redemption).order_by(Redemption.redemption_id.desc()).limit(1)
        if member_id is not None:
            query = query.where(Redemption.member_id == member_id)
        last = session.scalar(query)
        if last is None:
            raise NotAllowed("There is no redemption to undo.", kind="undo_none")
        now = ctx.now()
        if session.get(RedemptionUndo, last.redemption_id) is not None:
            raise NotAllowed(
                f"The last redemption of {last.member_id} was undone already.",
                kind="undo_done",
                member_id=last.member_id,
            )
        if last.kind not in UNDOABLE:
            raise NotAllowed(
                "A coupon bought with points cannot be undone at the counter; send the "
                "customer to the service desk.",
                kind="undo_coupon",
            )
        if now - last.created_at > timedelta(minutes=minutes):
            raise NotAllowed(
                f"The last redemption is more than {minutes} minutes old: it can no longer be "
                "undone here; a supervisor adjusts the points at the service desk.",
                kind="undo_too_late",
                minutes=minutes,
            )
        load_member(session, last.member_id)
        taken = session.execute(
            select(JournalEntry.lot_id, JournalEntry.points, LotBalance.expires_on)
            .join(LotBalance, LotBalance.lot_id == JournalEntry.lot_id)
            .where(
                JournalEntry.member_id == last.member_id,
                JournalEntry.request_id == last.request_id,
                JournalEntry.kind == f"redeem_{last.kind}",
            )
            .order_by(JournalEntry.entry_id)
        ).all()
        redeem_event = session.scalar(
            select(OutboxEvent.event_id)
            .join(JournalEntry, JournalEntry.event_seq == OutboxEvent.seq)
            .where(
                JournalEntry.member_id == last.member_id,
                JournalEntry.request_id == last.request_id,
                OutboxEvent.kind == "redeem",
            )
            .limit(1)
        )
        if redeem_event is None or sum(-points for _lot, points, _exp in taken) != last.points:
            raise NotAllowed(
                "This redemption's journal entries are not all here; it cannot be undone.",
                kind="undo_none",
            )
        posting = post(
            session,
            RedeemUndone(
                member_id=last.member_id,
                redeem_event_id=redeem_event,
                redeem_request_id=last.request_id,
                kind=last.kind,
                item=last.item,
                points=last.points,
                # where the points were taken from: they go back to the same expiry days
                lots=tuple(
                    {"expires_on": iso(expires), "points": -points}
                    for _lot, points, expires in taken
                ),
                store=ctx.store_code,
                cashier=actor.cashier_id,
                approved_by=approved_by.cashier_id if approved_by else None,
            ),
            request_id=request_id,
            member_id=last.member_id,
            now=now,
            zone=ctx.timezone,
        )
        for lot_id, points, _expires in taken:
            if lot_id is not None:
                posting.refill("redeem_undo", lot_id, -points)
        if last.kind == "gift" and last.item is not None:
            stock = session.get(GiftStock, last.item)
            if stock is not None:
                stock.stock += 1  # the gift is back on the shelf
        session.add(
            RedemptionUndo(
                redemption_id=last.redemption_id,
                request_id=request_id,
                cashier_id=actor.cashier_id,
                approved_by=approved_by.cashier_id if approved_by else None,
                created_at=now,
            )
        )
        audit(
            session,
            actor=actor,
            action="redeem_undo",
            now=now,
            member_id=last.member_id,
            request_id=request_id,
            points=last.points,
            redemption=last.request_id,
            approved_by=approved_by.cashier_id if approved_by else None,
        )
        balance = shown_balance(session, last.member_id, business_day(now, ctx.timezone))
        return UndoResult(
            last.member_id,
            last.kind,
            last.item,
            last.points,
            balance,
            redeem_event,
            posting.event_id,
        )

    return run_once(
        ctx,
        request_id=request_id,
        operation="redeem_undo",
        inputs={"member_id": member_id},
        result_type=UndoResult,
        work=work,
    )
