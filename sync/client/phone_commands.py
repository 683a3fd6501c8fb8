"""``memberdesk phone bind|list|remove``: members' own phones, at the counter or the service
desk. ``bind`` asks the ledger for a one-time binding code and prints it as the QR the
member scans with the phone's camera (it expires in minutes and works once)."""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import qrcode

from app import codes_render
from app.cli.main import terminal_for
from sync.client.http import LedgerClient, LedgerRefused, TransientError, paired_client


def _client(data_dir: Path) -> LedgerClient:
    client = paired_client(data_dir)
    if client is None:
        raise SystemExit(
            "memberdesk: this terminal is not paired; phones are bound at the ledger "
            "('memberdesk pair', or start 'memberdesk run' once)."
        )
    return client


def _emit(args: argparse.Namespace, value: dict[str, Any], text: str) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2) if args.json else text)


def _failed(what: str, error: Exception) -> int:
    print(f"memberdesk: {what}: {error}", file=sys.stderr)
    return 1


def text_qr(text: str) -> str:
    """The QR as text for a terminal window (two rows of modules per line)."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2)
    code.add_data(text)
    out = io.StringIO()
    code.print_ascii(out=out, invert=True)
    return out.getvalue()


def cmd_bind(args: argparse.Namespace) -> int:
    data_dir = Path(args.data_dir)
    member_id = terminal_for(args).identify(args.member)
    try:
        reply = _client(data_dir).phone_binding(member_id)
    except (LedgerRefused, TransientError) as error:
        return _failed("the ledger could not make a binding code", error)
    files = [str(codes_render.write_png(reply.url, Path(args.png)))] if args.png else []
    _emit(
        args,
        {"member_id": reply.member_id, "url": reply.url, "expires_at": reply.expires_at},
        f"{text_qr(reply.url)}\nScan with the member's phone camera (works once, until "
        f"{reply.expires_at}):\n{reply.url}" + "".join(f"\nwrote {f}" for f in files),
    )
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    member_id = terminal_for(args).identify(args.member)
    try:
        reply = _client(Path(args.data_dir)).phones(member_id)
    except (LedgerRefused, TransientError) as error:
        return _failed("the ledger could not list the phones", error)
    lines = [f"{p.device_id}  {p.label}  bound {p.bound_at}" for p in reply.phones]
    _emit(
        args,
        reply.model_dump(),
        "\n".join(lines) or f"member {reply.member_id} has no phone bound",
    )
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    member_id = terminal_for(args).identify(args.member)
    try:
        reply = _client(Path(args.data_dir)).remove_phone(member_id, args.device)
    except (LedgerRefused, TransientError) as error:
        return _failed("the ledger could not remove the phone", error)
    _emit(
        args,
        reply.model_dump(),
        f"removed; terminals refuse the phone's codes from their next sync ({reply.device_id})",
    )
    return 0


def register(sub: Any, common: Callable[..., None]) -> None:
    group = sub.add_parser("phone", help="members' own phones (the member page)").add_subparsers(
        dest="phone_command", metavar="ACTION", required=True
    )
    parser = group.add_parser(
        "bind",
        help="a one-time QR that binds the member's phone",
        description="Print the binding QR (and its link) the member scans with the phone's "
        "camera: the member page opens and makes the phone's key. It works once, for minutes.",
    )
    common(parser)
    parser.add_argument("member", metavar="MEMBER_OR_PHONE")
    parser.add_argument("--png", help="save the QR code as PNG")
    parser.set_defaults(handler=cmd_bind)
    parser = group.add_parser("list", help="the member's bound phones")
    common(parser)
    parser.add_argument("member", metavar="MEMBER_OR_PHONE")
    parser.set_defaults(handler=cmd_list)
    parser = group.add_parser(
        "remove",
        help="remove a member's phone (a lost phone): its codes are refused",
        description="Remove a bound phone: its page stops at once, and every terminal refuses "
        "its codes from its next sync.",
    )
    common(parser)
    parser.add_argument("member", metavar="MEMBER_OR_PHONE")
    parser.add_argument("device", metavar="PHONE_ID", help="as 'memberdesk phone list' shows")
    parser.set_defaults(handler=cmd_remove)
