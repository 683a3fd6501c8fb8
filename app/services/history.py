"""A member's history as one line per thing that happened, newest first: what each line
says is a code (``what``) with its figures, so the screen says it in the cashier's language
and the command line in English (``in_words``), never as the journal's internal kinds.

A purchase, a refund, a redemption, a PLUS sale and a coupon are each read from their own
record; points that moved with no such record (an adjustment, a write-off, expiry, a ledger
correction) from the journal, one line per event.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.money import format_fen
from app.domain.rulebook import RuleBook
from app.store.models import (
    Coupon,
    CouponReturn,
    CouponUse,
    JournalEntry,
    OutboxEvent,
    PlusTerm,
    Purchase,
    Redemption,
    Refund,
)

# Events a record of their own describes (the purchase, refund or redemption line).
RECORDED_EVENTS = ("purchase", "refund", "redeem")
# The line of an event that moved points with no record of its own, by the event's kind.
EVENT_WORDS = {
    "redeem_undone": "redeem_undone",
    "adjust": "adjust",
    "expire": "expire",
    "checkpoint_applied": "ledger_sync",
}

# The codes of ``HistoryLine.what``, each with the English the command line prints.
WORDS: dict[str, str] = {
    "purchase": "Bought for {amount} (receipt {receipt}): earned {earned} points, used {used}",
    "refund": "Refund of {amount} (receipt {receipt}): {clawed} points taken back, "
    "{returned} given back",
    "refund_owed": "Refund of {amount} (receipt {receipt}): {clawed} points taken back, "
    "{returned} given back, {owed} owed",
    "redeem_gift": "Redeemed {points} points for a gift: {name}",
    "redeem_coupon": "Redeemed {points} points for a coupon: {name}",
    "redeem_order": "Redeemed {points} points for {amount} off",
    "redeem_undone": "Redemption undone: {points} points back",
    "plus_bought": "Bought PLUS for {amount}, {starts} to {ends}",
    "plus_renewed": "Renewed PLUS for {amount}, {starts} to {ends}",
    "coupon_got": "Got coupon {name} ({code}), valid until {until}",
    "coupon_used": "Used coupon {name} ({code}) on receipt {receipt}",
    "coupon_returned": "Coupon {name} ({code}) given back by a refund",
    "adjust": "Points adjusted by {points}: {reason}",
    "write_off": "Owed points written off ({points}): {reason}",
    "expire": "{points} points expired",
    "ledger_sync": "Points corrected by the ledger ({points})",
    "points_moved": "Points moved ({points})",
}


@dataclass(frozen=True)
class HistoryLine:
    at: str  # the shop's local time with its offset, as receipts show it
    what: str  # a key of WORDS
    points: int = 0  # the change of the member's points (signed; 0: none)
    amount_fen: int = 0  # the money of it: a sale, a refund, a fee, an order's deduction
    receipt_no: str | None = None
    cashier_id: str | None = None
    # the figures the words name: earned, used, clawed, returned, owed, name, code, until,
    # starts, ends, reason
    facts: dict[str, str | int] = field(default_factory=dict)


Local = Callable[[datetime], str]


def in_words(line: HistoryLine) -> str:
    """The line in English (the command line's words; the screen translates by ``what``)."""
    facts: dict[str, Any] = {
        "points": f"{line.points:+d}" if line.what in ("adjust", "ledger_sync") else "",
        "amount": f"¥{format_fen(line.amount_fen)}",
        "receipt": line.receipt_no or "",
        **line.facts,
    }
    if line.what in (
        "redeem_gift",
        "redeem_coupon",
        "redeem_order",
        "redeem_undone",
        "expire",
        "write_off",
    ):
        facts["points"] = str(abs(line.points))
    elif line.what == "points_moved":
        facts["points"] = f"{line.points:+d}"
    return WORDS[line.what].format(**facts)


def member_timeline(
    session: Session, member_id: str, rules: RuleBook, local: Local, limit: int
) -> list[HistoryLine]:
    """The member's latest ``limit`` lines, newest first."""
    dated: list[tuple[datetime, int, HistoryLine]] = []
    for order, read in enumerate(
        (_purchases, _coupons_used, _refunds, _coupon_returns, _redemptions, _plus, _coupons)
    ):
        dated += [(at, order, line) for at, line in read(session, member_id, rules, local, limit)]
    dated += [(at, 9, line) for at, line in _journal_only(session, member_id, local, limit)]
    dated.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [line for _, _, line in dated[:limit]]


Dated = list[tuple[datetime, HistoryLine]]


def _template_name(rules: RuleBook, code: str) -> str:
    template = rules.coupon_template(code)
    return template.name if template else code


def _purchases(s: Session, member_id: str, rules: RuleBook, local: Local, limit: int) -> Dated:
    rows = s.scalars(
        select(Purchase)
        .where(Purchase.member_id == member_id)
        .order_by(Purchase.created_at.desc())
        .limit(limit)
    )
    return [
        (
            p.created_at,
            HistoryLine(
                local(p.created_at),
                "purchase",
                p.points_earned - p.points_used,
                p.payable_fen,
                p.receipt_no,
                p.cashier_id,
                {"earned": p.points_earned, "used": p.points_used},
            ),
        )
        for p in rows
    ]


def _refunds(s: Session, member_id: str, rules: RuleBook, local: Local, limit: int) -> Dated:
    rows = s.scalars(
        select(Refund)
        .join(Purchase, Purchase.receipt_no == Refund.receipt_no)
        .where(Purchase.member_id == member_id)
        .order_by(Refund.refund_id.desc())
        .limit(limit)
    )
    return [
        (
            r.created_at,
            HistoryLine(
                local(r.created_at),
                "refund_owed" if r.overdraft_points else "refund",
                r.points_returned - r.points_clawed_back,
                r.amount_fen,
                r.receipt_no,
                r.cashier_id,
                {
                    "clawed": r.points_clawed_back,
                    "returned": r.points_returned,
                    "owed": r.overdraft_points,
                },
            ),
        )
        for r in rows
    ]


def _redemptions(s: Session, member_id: str, rules: RuleBook, local: Local, limit: int) -> Dated:
    rows = s.scalars(
        select(Redemption)
        .where(Redemption.member_id == member_id)
        .order_by(Redemption.redemption_id.desc())
        .limit(limit)
    )
    lines: Dated = []
    for r in rows:
        item = r.item or ""
        gift = rules.gift(item) if r.kind == "gift" else None
        name = gift.name if gift else _template_name(rules, item) if r.kind == "coupon" else item
        what = f"redeem_{r.kind}" if f"redeem_{r.kind}" in WORDS else "points_moved"
        lines.append(
            (
                r.created_at,
                HistoryLine(
                    local(r.created_at),
                    what,
                    -r.points,
                    r.amount_fen,
                    None,
                    r.cashier_id,
                    {"name": name, "code": item},
                ),
            )
        )
    return lines


def _plus(s: Session, member_id: str, rules: RuleBook, local: Local, limit: int) -> Dated:
    terms = list(
        s.scalars(
            select(PlusTerm).where(PlusTerm.member_id == member_id).order_by(PlusTerm.term_id)
        )
    )[-(limit + 1) :]
    lines: Dated = []
    for index, t in enumerate(terms):
        first = index == 0 and len(terms) <= limit
        lines.append(
            (
                t.created_at,
                HistoryLine(
                    local(t.created_at),
                    "plus_bought" if first else "plus_renewed",
                    0,
                    t.fee_fen,
                    None,
                    t.cashier_id,
                    {"starts": t.starts_on.isoformat(), "ends": t.ends_on.isoformat()},
                ),
            )
        )
    return lines[-limit:]


def _coupons(s: Session, member_id: str, rules: RuleBook, local: Local, limit: int) -> Dated:
    rows = s.scalars(
        select(Coupon)
        .where(Coupon.member_id == member_id, Coupon.source != "exchange")
        .order_by(Coupon.created_at.desc())
        .limit(limit)
    )
    return [
        (
            c.created_at,
            HistoryLine(
                local(c.created_at),
                "coupon_got",
                facts={
                    "name": _template_name(rules, c.template_code),
                    "code": c.coupon_code,
                    "until": c.valid_until.isoformat(),
                },
            ),
        )
        for c in rows
    ]


def _coupons_used(s: Session, member_id: str, rules: RuleBook, local: Local, limit: int) -> Dated:
    rows = s.execute(
        select(CouponUse, Coupon.template_code)
        .join(Coupon, Coupon.coupon_code == CouponUse.coupon_code)
        .where(Coupon.member_id == member_id)
        .order_by(CouponUse.use_id.desc())
        .limit(limit)
    ).all()
    return [
        (
            use.used_at,
            HistoryLine(
                local(use.used_at),
                "coupon_used",
                receipt_no=use.receipt_no,
                cashier_id=use.cashier_id,
                facts={"name": _template_name(rules, template), "code": use.coupon_code},
            ),
        )
        for use, template in rows
    ]


def _coupon_returns(s: Session, member_id: str, rules: RuleBook, local: Local, limit: int) -> Dated:
    rows = s.execute(
        select(CouponReturn, Coupon.template_code)
        .join(Coupon, Coupon.coupon_code == CouponReturn.coupon_code)
        .where(Coupon.member_id == member_id)
        .order_by(CouponReturn.return_id.desc())
        .limit(limit)
    ).all()
    return [
        (
            back.returned_at,
            HistoryLine(
                local(back.returned_at),
                "coupon_returned",
                facts={"name": _template_name(rules, template), "code": back.coupon_code},
            ),
        )
        for back, template in rows
    ]


def _journal_only(s: Session, member_id: str, local: Local, limit: int) -> Dated:
    """Events that moved points with no record of their own, one line each."""
    rows = s.execute(
        select(JournalEntry, OutboxEvent.kind, OutboxEvent.payload)
        .join(OutboxEvent, OutboxEvent.seq == JournalEntry.event_seq)
        .where(JournalEntry.member_id == member_id, OutboxEvent.kind.not_in(RECORDED_EVENTS))
        .order_by(JournalEntry.entry_id.desc())
        .limit(limit * 4)
    ).all()
    events: dict[int, list[tuple[JournalEntry, str, str]]] = {}
    for entry, kind, payload in rows:
        events.setdefault(entry.event_seq, []).append((entry, kind, payload))
    lines: Dated = []
    for group in events.values():
        first, kind, payload = group[-1]
        what = EVENT_WORDS.get(kind, "points_moved")
        facts = _payload(payload)
        if what == "adjust" and facts.get("resolves") == "overdraft":
            what = "write_off"
        supervisor = facts.get("supervisor")
        lines.append(
            (
                first.created_at,
                HistoryLine(
                    local(first.created_at),
                    what,
                    sum(entry.points for entry, _, _ in group),
                    receipt_no=first.receipt_no,
                    cashier_id=supervisor if isinstance(supervisor, str) else None,
                    facts={"reason": first.note or ""},
                ),
            )
        )
    return lines


def _payload(payload: str) -> dict[str, Any]:
    try:
        found = json.loads(payload)
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}
