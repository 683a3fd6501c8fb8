"""``memberdesk-ledger plus-codes``: PLUS activation codes for other channels, made in
batches (the codes are printed once: the ledger keeps only their hashes) and reported."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.domain.plus_codes import CHANNELS
from sync.server import plus_codes

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
