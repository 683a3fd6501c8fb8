"""``memberdesk activity|realname|winback|visit``: growth from more than buying and the
lifecycle benefits, at the service desk and the counter (app/services/growth.py)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from app.cli.main import _done, _emit, _request_id, terminal_for
from app.services import growth
from app.services.views import Given


def _said(given: Given) -> str:
    parts = [f"+{given.points} points"] if given.points else []
    parts += [f"coupon {code}" for code in given.coupons]
    return f"{given.what}" + (f": {', '.join(parts)}" if parts else "")


def cmd_activity(args: argparse.Namespace) -> int:
    terminal = terminal_for(args)
    member_id = terminal.identify(args.member)
    given = growth.record_activity(
        terminal.ctx,
        request_id=_request_id(args),
        actor=terminal.actor(args.cashier),
        member_id=member_id,
        activity=args.activity,
        receipt_no=getattr(args, "receipt", None),
    )
    _emit(args, given, f"Recorded {_said(given)}." + _done(given.member_id, given.event_id))
    return 0


def cmd_realname(args: argparse.Namespace) -> int:
    terminal = terminal_for(args)
    member_id = terminal.identify(args.member)
    given = growth.verify_real_name(
        terminal.ctx,
        request_id=_request_id(args),
        actor=terminal.actor(args.cashier),
        member_id=member_id,
        id_number=args.id_number,
        name_on_document=args.name,
    )
    _emit(args, given, "Real name verified." + _done(given.member_id, given.event_id))
    return 0


def cmd_winback(args: argparse.Namespace) -> int:
    terminal = terminal_for(args)
    member_id = terminal.identify(args.member)
    given = growth.issue_winback(
        terminal.ctx,
        request_id=_request_id(args),
        actor=terminal.actor(args.cashier),
        member_id=member_id,
    )
    _emit(args, given, f"Gave {_said(given)}." + _done(given.member_id, given.event_id))
    return 0


def cmd_visit(args: argparse.Namespace) -> int:
    terminal = terminal_for(args)
    member_id = terminal.identify(args.member)
    result = growth.visit(
        terminal.ctx,
        request_id=_request_id(args),
        actor=terminal.actor(args.cashier),
        member_id=member_id,
    )
    lines = [f"Gave {_said(g)} (member {g.member_id})." for g in result.given] or [
        "Nothing is due for this member today."
    ]
    _emit(args, result, "\n".join(lines))
    return 0


def register(sub: Any, common: Callable[..., None]) -> None:
    def add(parent: Any, name: str, handler: Any, text: str) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = parent.add_parser(name, help=text, description=text)
        common(parser, mutating=True)
        parser.add_argument("member", metavar="MEMBER_OR_PHONE")
        parser.set_defaults(handler=handler)
        return parser

    activity = sub.add_parser("activity", help="non-purchase activity").add_subparsers(
        dest="activity_command", metavar="ACTION", required=True
    )
    p = add(activity, "review", cmd_activity, "record a member's review of a purchase")
    p.add_argument("--receipt", required=True, metavar="RECEIPT_NO")
    p.set_defaults(activity="review")
    p = add(activity, "checkin", cmd_activity, "record a member's check-in at the service desk")
    p.set_defaults(activity="checkin")
    p = add(sub, "realname", cmd_realname, "verify a member's real name (a supervisor)")
    p.add_argument("--id-number", required=True, help="the 18-character ID number")
    p.add_argument("--name", required=True, help="the name on the document")
    add(sub, "winback", cmd_winback, "give a dormant member the win-back coupon")
    add(
        sub,
        "visit",
        cmd_visit,
        "give what is due at a visit: birthday benefit, medal coupons, referral reward",
    )
