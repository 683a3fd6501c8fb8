"""The service desk: a member's history, open overdrafts, and writing an overdraft off.

A member's history covers every counter of the mall when the ledger answers (``mall``: the
ledger's latest events that moved the member's points, each with its store and terminal), and
says it shows this counter only when it does not (offline, or a terminal with no ledger).
History and the overdraft list are read-only. Writing an overdraft off is a supervisor's
decision: it posts an ``adjust`` event (a kind the ledger already applies, where a credit
settles the member's overdraft first, exactly as it does here) with ``"resolves":
"overdraft"`` in its payload, and an audit entry ``write_off_overdraft``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput
from app.domain.event_kinds import Adjust
from app.domain.points import expiry_for
from app.services.adjust import MAX_REASON
from app.services.common import audit, find_member_id, load_member, mask_name, post
from app.services.context import Actor, ServiceContext
from app.services.history import HistoryLine, member_timeline
from app.services.idempotency import run_once
from app.services.views import AdjustResult
from app.store.journal import shown_balance
from app.store.models import (
    Balance,
    JournalEntry,
    Member,
    Overdraft,
    Purchase,
    Redemption,
    Refund,
)

HISTORY_LIMIT = 200


@dataclass(frozen=True)
class MovementView:
    """One journal entry: a points movement."""

    entry_id: int
    at: str  # local time with its offset, e.g. 2026-11-24T10:00:00+08:00
    kind: str
    points: int
    receipt_no: str | None
    note: str | None
    expires_on: str | None


@dataclass(frozen=True)
class PurchaseView:
    receipt_no: str
    at: str
    cashier_id: str
    subtotal_fen: int
    payable_fen: int
    savings_fen: int
    points_earned: int
    points_used: int
    coupon_code: str | None


@dataclass(frozen=True)
class RefundView:
    receipt_no: str
    at: str
    cashier_id: str
    amount_fen: int
    points_clawed_back: int
    points_returned: int
    overdraft_points: int


@dataclass(frozen=True)
class RedemptionView:
    at: str
    cashier_id: str
    kind: str
    item: str | None
    points: int
    amount_fen: int


@dataclass(frozen=True)
class MallEventView:
    """An event that moved the member's points at some counter, as the ledger has it."""

    at: str  # the ledger's time, in the shop's zone
    business_day: str | None
    kind: str
    points: int
    store_code: str
    terminal_id: str | None  # None: the ledger's own (expiry, import)
    event_id: str | None


# The paired ledger's history of a member (sync/client/mall_history.py): raises when it
# cannot be asked (offline, not paired, refused).
MallHistory = Callable[[str], Sequence[MallEventView]]
SCOPE_MALL = "mall"  # ``mall`` lists every counter's events
SCOPE_COUNTER = "this_counter"  # only this terminal's own records
SCOPE_OFFLINE = "this_counter_offline"  # this terminal's own: the ledger did not answer


@dataclass(frozen=True)
class MemberHistory:
    member_id: str
    name: str  # privacy-masked
    balance: int  # spendable now, less what is owed
    open_overdraft: int
    movements: list[MovementView] = field(default_factory=list)
    purchases: list[PurchaseView] = field(default_factory=list)
    refunds: list[RefundView] = field(default_factory=list)
    redemptions: list[RedemptionView] = field(default_factory=list)
    scope: str = SCOPE_COUNTER
    mall: list[MallEventView] = field(default_factory=list)  # newest first, when scope is mall
    scope_note: str = "This counter's records only."
    # one line per thing that happened here, newest first, said by code (``app.services.history``)
    timeline: list[HistoryLine] = field(default_factory=list)


@dataclass(frozen=True)
class OverdraftItem:
    """A member who owes points (refunds of points already spent, or a ledger checkpoint)."""

    member_id: str
    name: str  # privacy-masked
    points_owed: int
    reason: str  # the latest flag's reason
    receipt_no: str | None
    flagged_at: str


def _local(ctx: ServiceContext, at: datetime) -> str:
    return at.astimezone(ctx.timezone).isoformat(timespec="seconds")


def member_history(
    ctx: ServiceContext,
    query: str,
    *,
    limit: int = HISTORY_LIMIT,
    mall: MallHistory | None = None,
) -> MemberHistory:
    """The member's latest movements, purchases, refunds and redemptions here, newest first,
    and, when ``mall`` answers, their latest events at every counter."""
    local = _local_history(ctx, query, limit)
    if mall is None:
        return local
    try:
        events = list(mall(local.member_id))
    except Exception as error:  # offline, refused, not paired: this counter's records only
        return dataclasses.replace(
            local,
            scope=SCOPE_OFFLINE,
            scope_note=f"This counter's records only: the ledger did not answer ({error}).",
        )
    return dataclasses.replace(
        local,
        scope=SCOPE_MALL,
        mall=events,
        scope_note="Every counter of the mall, as the ledger has it; and this counter's records.",
    )


def _local_history(ctx: ServiceContext, query: str, limit: int) -> MemberHistory:
    with ctx.read() as session:
        member_id = find_member_id(session, query)
        member = session.get(Member, member_id)
        assert member is not None
        balance = session.get(Balance, member_id)
        owed = balance.open_overdraft if balance is not None else 0
        shown = shown_balance(session, member_id, ctx.today())
        movements = [
            MovementView(
                e.entry_id,
                _local(ctx, e.created_at),
                e.kind,
                e.points,
                e.receipt_no,
                e.note,
                e.expires_on.isoformat() if e.expires_on else None,
            )
            for e in session.scalars(
                select(JournalEntry)
                .where(JournalEntry.member_id == member_id)
                .order_by(JournalEntry.entry_id.desc())
                .limit(limit)
            )
        ]
        purchases = [
            PurchaseView(
                p.receipt_no,
                _local(ctx, p.created_at),
                p.cashier_id,
                p.subtotal_fen,
                p.payable_fen,
                p.savings_fen,
                p.points_earned,
                p.points_used,
                p.coupon_code,
            )
            for p in session.scalars(
                select(Purchase)
                .where(Purchase.member_id == member_id)
                .order_by(Purchase.created_at.desc(), Purchase.receipt_no.desc())
                .limit(limit)
            )
        ]
        refunds = [
            RefundView(
                r.receipt_no,
                _local(ctx, r.created_at),
                r.cashier_id,
                r.amount_fen,
                r.points_clawed_back,
                r.points_returned,
                r.overdraft_points,
            )
            for r in session.scalars(
                select(Refund)
                .join(Purchase, Purchase.receipt_no == Refund.receipt_no)
                .where(Purchase.member_id == member_id)
                .order_by(Refund.refund_id.desc())
                .limit(limit)
            )
        ]
        redemptions = [
            RedemptionView(
                _local(ctx, r.created_at), r.cashier_id, r.kind, r.item, r.points, r.amount_fen
            )
            for r in session.scalars(
                select(Redemption)
                .where(Redemption.member_id == member_id)
                .order_by(Redemption.redemption_id.desc())
                .limit(limit)
            )
        ]
        return MemberHistory(
            member_id,
            mask_name(member.name),
            shown,
            owed,
            movements,
            purchases,
            refunds,
            redemptions,
            timeline=member_timeline(
                session, member_id, ctx.rules, lambda at: _local(ctx, at), limit
            ),
        )


def open_overdrafts(ctx: ServiceContext) -> list[OverdraftItem]:
    """Members who owe points now, most owed first."""
    with ctx.read() as session:
        rows = session.execute(
            select(Balance.member_id, Balance.open_overdraft, Member.name)
            .join(Member, Member.member_id == Balance.member_id)
            .where(Balance.open_overdraft > 0)
            .order_by(Balance.open_overdraft.desc(), Balance.member_id)
        ).all()
        items = []
        for member_id, owed, name in rows:
            latest = _latest_flag(session, member_id)
            items.append(
                OverdraftItem(
                    member_id,
                    mask_name(name),
                    owed,
                    latest.reason if latest else "",
                    latest.receipt_no if latest else None,
                    _local(ctx, latest.created_at) if latest else "",
                )
            )
        return items


def _latest_flag(session: Session, member_id: str) -> Overdraft | None:
    newest = session.scalar(
        select(func.max(Overdraft.overdraft_id)).where(Overdraft.member_id == member_id)
    )
    return None if newest is None else session.get(Overdraft, newest)


def write_off_overdraft(
    ctx: ServiceContext, *, request_id: str, actor: Actor, member_id: str, reason: str
) -> AdjustResult:
    """A supervisor forgives what the member owes: a credit of exactly the open overdraft,
    which settles it (here and at the ledger) and leaves the spendable balance as it was."""
    actor.require("supervisor", "Writing off an overdraft")
    reason = " ".join(reason.split())
    if not reason or len(reason) > MAX_REASON:
        raise InvalidInput(
            f"Give the reason for the write-off (1 to {MAX_REASON} characters).",
            field="reason",
            kind="reason",
        )

    def work(session: Session) -> AdjustResult:
        load_member(session, member_id)
        balance = session.get(Balance, member_id)
        owed = balance.open_overdraft if balance is not None else 0
        if owed <= 0:
            raise InvalidInput(
                f"Member {member_id} owes no points; there is nothing to write off.",
                field="member_id",
                kind="no_overdraft",
                member_id=member_id,
            )
        now = ctx.now()
        posting = post(
            session,
            Adjust(
                member_id=member_id,
                points=owed,
                reason=reason,
                supervisor=actor.cashier_id,
                store=ctx.store_code,
                resolves="overdraft",
            ),
            request_id=request_id,
            member_id=member_id,
            now=now,
            zone=ctx.timezone,
            note=reason,
        )
        posting.credit("adjust", owed, expiry_for(ctx.today(), ctx.rules.points))
        audit(
            session,
            actor=actor,
            action="write_off_overdraft",
            now=now,
            member_id=member_id,
            request_id=request_id,
            points=owed,
            reason=reason,
        )
        shown = shown_balance(session, member_id, ctx.today())
        return AdjustResult(member_id, owed, reason, shown, posting.event_id)

    return run_once(
        ctx,
        request_id=request_id,
        operation="write_off_overdraft",
        inputs={"member_id": member_id, "reason": reason},
        result_type=AdjustResult,
        work=work,
    )
