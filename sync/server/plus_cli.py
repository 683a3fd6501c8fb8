"""``memberdesk-ledger plus-codes``: PLUS activation codes for other channels, made in
batches (the codes are printed once: the ledger keeps only their hashes) and reported; and
``memberdesk-ledger entitlements``: partner benefits issued with PLUS, redeemed once."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.domain.plus_codes import CHANNELS
from sync.server import plus_codes, plus_events
from sync.server.models import PlusEntitlement

Opener = Callable[[argparse.Namespace], Engine]
Emit = Callable[[argparse.Namespace, Any, str], None]


def register(
    sub: Any, add: Callable[..., argparse.ArgumentParser], open_: Opener, emit: Emit
) -> None:
    codes = sub.add_parser("plus-codes", help="PLUS activation codes").add_subparsers(
        dest="plus_codes_command", metavar="ACTION", required=True
    )

    def create(args: argparse.Namespace) -> int:
        now = datetime.now(UTC)
        batch = args.batch or f"{args.channel}-{now:%Y%m%d-%H%M%S}"
        with Session(open_(args)) as session, session.begin():
            made = plus_codes.create_batch(
                session,
                channel=args.channel,
                count=args.count,
                validity_days=args.days,
                usable_days=args.usable_days,
                batch=batch,
                now=now,
            )
        emit(
            args,
            {"batch": batch, "channel": args.channel, "days": args.days, "codes": made},
            "\n".join(made),
        )
        return 0

    def report(args: argparse.Namespace) -> int:
        with Session(open_(args)) as session:
            rows = plus_codes.channel_report(session)
        lines = [
            f"{r['channel']:<10} {r['batch']:<32} codes {r['codes']}, claimed {r['claimed']}, "
            f"activated {r['activated']}"
            for r in rows
        ]
        emit(args, rows, "\n".join(lines) or "No PLUS activation codes yet.")
        return 0

    p = add(codes, "create", create, "make a batch of PLUS activation codes (printed once)")
    p.add_argument("--channel", required=True, choices=CHANNELS)
    p.add_argument("--count", type=int, required=True, help="how many codes")
    p.add_argument("--days", type=int, default=365, help="days of PLUS a code gives")
    p.add_argument(
        "--usable-days", type=int, default=365, help="days from today a code can be redeemed"
    )
    p.add_argument("--batch", help="the batch's name (default: channel and time)")
    add(codes, "report", report, "codes made, claimed and activated, by channel and batch")
    _register_entitlements(sub, add, open_, emit)


def _entitlement(row: PlusEntitlement) -> dict[str, Any]:
    return {
        "code": row.code,
        "member_id": row.member_id,
        "benefit": row.benefit,
        "partner": row.partner,
        "valid_until": row.valid_until.isoformat(),
        "redeemed_at": row.redeemed_at.isoformat() if row.redeemed_at else None,
        "redeemed_by": row.redeemed_by,
    }


def _register_entitlements(
    sub: Any, add: Callable[..., argparse.ArgumentParser], open_: Opener, emit: Emit
) -> None:
    parent = sub.add_parser(
        "entitlements", help="partner benefits issued with PLUS"
    ).add_subparsers(dest="entitlements_command", metavar="ACTION", required=True)

    def redeem(args: argparse.Namespace) -> int:
        with Session(open_(args)) as session, session.begin():
            row = plus_events.redeem_entitlement(
                session, args.code, by=args.by, now=datetime.now(UTC)
            )
            shown = _entitlement(row)
        emit(
            args,
            shown,
            f"Entitlement {shown['code']} ({shown['benefit']}, {shown['partner']}) of member "
            f"{shown['member_id']} redeemed by {shown['redeemed_by']}.",
        )
        return 0

    def list_(args: argparse.Namespace) -> int:
        with Session(open_(args)) as session:
            query = select(PlusEntitlement).order_by(PlusEntitlement.valid_until)
            if args.member:
                query = query.where(PlusEntitlement.member_id == args.member)
            rows = [_entitlement(r) for r in session.scalars(query.limit(1000))]
        lines = [
            f"{r['code']}  {r['member_id']}  {r['benefit']} ({r['partner']}) until "
            f"{r['valid_until']}: "
            + (
                f"redeemed {r['redeemed_at'][:10]} by {r['redeemed_by']}"
                if r["redeemed_at"]
                else "open"
            )
            for r in rows
        ]
        emit(args, rows, "\n".join(lines) or "No partner entitlements.")
        return 0

    p = add(parent, "redeem", redeem, "record that a partner took an entitlement (once)")
    p.add_argument("code")
    p.add_argument("--by", required=True, help="the partner's reference for the redemption")
    p = add(parent, "list", list_, "entitlements, soonest to expire first")
    p.add_argument("--member", help="only this member's")
