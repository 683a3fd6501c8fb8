"""``memberdesk-ledger``: run and operate the central ledger.

Subcommands work on the database directly (the operator's machine); ``serve`` runs the HTTP
API. Every subcommand takes ``--json``. Exit status: 0 done, 1 refused, 2 usage.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.domain.errors import MemberDeskError
from app.domain.money import format_fen
from app.paths import default_rule_book
from sync.protocol import FlagView
from sync.server import flags, keys, ledger, member_view
from sync.server.db import make_engine, migrate, sqlite_url
from sync.server.errors import Refused
from sync.server.models import Terminal

log = logging.getLogger("memberdesk.ledger")
ADMIN_TOKEN_ENV = "MEMBERDESK_LEDGER_ADMIN_TOKEN"  # noqa: S105 - a variable name
DATABASE_ENV = "MEMBERDESK_LEDGER_DATABASE"


def default_database_url() -> str:
    folder = Path(user_data_dir("memberdesk-ledger", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return sqlite_url(folder / "ledger.db")


def open_ledger(url: str) -> Engine:
    """Open and migrate the ledger; an empty ledger gets the built-in rule book."""
    engine = make_engine(url)
    migrate(engine)
    with Session(engine) as session, session.begin():
        keys.ensure_key(session)
        if ledger.rule_book(session) is None:
            document = json.loads(default_rule_book().read_text(encoding="utf-8"))
            ledger.publish_rules(session, document)
            log.info("published the built-in rule book v%s", document.get("version"))
    return engine


def _open(args: argparse.Namespace) -> Engine:
    """Open the ledger for one command; ``main`` closes it when the command is done."""
    engine = open_ledger(args.database_url)
    args.engines.append(engine)
    return engine


def _emit(args: argparse.Namespace, value: Any, text: str) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str) if args.json else text)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from sync.server.api import create_app

    engine = _open(args)  # migrates once, here, before any worker starts
    token = os.environ.get(ADMIN_TOKEN_ENV)
    workers = max(1, args.workers)
    print(
        f"MemberDesk ledger on {'https' if args.ssl_certfile else 'http'}://{args.host}:"
        f"{args.port} ({engine.dialect.name}, {workers} worker"
        f"{'s' if workers > 1 else ''}); API docs at /docs",
        flush=True,
    )
    target: Any
    if workers > 1:
        # uvicorn forks workers only from an import string; each opens its own pool.
        os.environ[DATABASE_ENV] = args.database_url
        target = "sync.server.asgi:create_from_env"
    else:
        target = create_app(engine, admin_token=token)
    uvicorn.run(
        target,
        factory=workers > 1,
        workers=workers if workers > 1 else None,
        host=args.host,
        port=args.port,
        log_level=args.log_level.lower(),
        ssl_certfile=args.ssl_certfile,
        ssl_keyfile=args.ssl_keyfile,
        limit_concurrency=args.limit_concurrency,
        timeout_keep_alive=30,
    )
    return 0


def cmd_terminal_add(args: argparse.Namespace) -> int:
    engine = _open(args)
    with Session(engine) as session, session.begin():
        code = ledger.add_terminal(session, args.terminal_id, args.store, ledger.rule_book(session))
    _emit(
        args,
        {"terminal_id": args.terminal_id, "store_code": args.store, "pairing_code": code},
        f"Terminal {args.terminal_id} of store {args.store}: pairing code {code} (valid 24 "
        f"hours, once). On the terminal: memberdesk pair --ledger URL --code {code}",
    )
    return 0


def cmd_terminal_list(args: argparse.Namespace) -> int:
    engine = _open(args)
    with Session(engine) as session:
        rows = [
            {
                "terminal_id": t.terminal_id,
                "store_code": t.store_code,
                "paired": t.paired_at is not None,
                "revoked": t.revoked_at is not None,
                "epoch": t.epoch,
                "last_seq": t.last_seq,
                "last_seen_at": t.last_seen_at.isoformat() if t.last_seen_at else None,
            }
            for t in session.scalars(select(Terminal).order_by(Terminal.terminal_id))
        ]
    _emit(
        args,
        rows,
        "\n".join(
            f"{r['terminal_id']:10} {r['store_code']:8} "
            f"{'revoked' if r['revoked'] else 'paired' if r['paired'] else 'not paired':11} "
            f"chain {r['epoch']:>2} events {r['last_seq']:>8}  last seen {r['last_seen_at'] or '-'}"
            for r in rows
        )
        or "No terminals yet.",
    )
    return 0


def cmd_terminal_revoke(args: argparse.Namespace) -> int:
    engine = _open(args)
    with Session(engine) as session, session.begin():
        ledger.revoke(session, args.terminal_id)
    _emit(
        args,
        {"terminal_id": args.terminal_id, "status": "revoked"},
        f"Terminal {args.terminal_id} is revoked; its credential stops working now.",
    )
    return 0


def cmd_rules_publish(args: argparse.Namespace) -> int:
    try:
        document = json.loads(Path(args.file).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise Refused(422, "unreadable", f"{args.file}: {error}") from None
    engine = _open(args)
    with Session(engine) as session, session.begin():
        rules = ledger.publish_rules(session, document)
    _emit(
        args,
        {"version": rules.version},
        f"Published rule book v{rules.version}; terminals take it at their next sync.",
    )
    return 0


def cmd_members_import(args: argparse.Namespace) -> int:
    try:
        with Path(args.file).open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as error:
        raise Refused(422, "unreadable", f"{args.file}: {error}") from None
    engine = _open(args)
    with Session(engine) as session, session.begin():
        count = ledger.import_members(session, rows, ledger.rule_book(session))
    _emit(
        args,
        {"imported": count, "rows": len(rows)},
        f"Imported {count} of {len(rows)} members (existing ids were left as they were).",
    )
    return 0


def cmd_members_codes(args: argparse.Namespace) -> int:
    engine = _open(args)
    with Session(engine) as session, session.begin():
        member = ledger.set_codes_revoked(session, args.member_id, args.action == "revoke")
        status = member.status
    _emit(
        args,
        {"member_id": args.member_id, "status": status},
        f"Member {args.member_id}: codes {'withdrawn' if args.action == 'revoke' else 'valid'}"
        " from the terminals' next sync.",
    )
    return 0


def cmd_members_show(args: argparse.Namespace) -> int:
    engine = _open(args)
    with Session(engine) as session:
        member = member_view.member_at_ledger(session, args.member)
    _emit(args, dataclasses.asdict(member), _member_text(member))
    return 0


def _profile_text(p: member_view.ProfileLine | None) -> list[str]:
    if p is None:
        return []
    medals = ", ".join(f"{code} {level}/{levels}" for code, level, levels in p.medals)
    coupons = ", ".join(
        f"{code} ({template}, until {until})" for code, template, until in p.coupons
    )
    return [
        f"  profile on {p.as_of}: {p.tier_name} (growth {p.growth}), stage {p.stage}; "
        f"last 365 days: {p.purchases} purchases, {format_fen(p.spend_fen)} yuan net",
        f"  medals: {medals or '-'}",
        f"  coupons: {coupons or 'none'}",
    ]


def _member_text(m: member_view.MemberAtLedger) -> str:
    plus = f", PLUS until {m.plus_expires_on}" if m.plus_expires_on else ""
    lots = " | ".join(
        f"{lot.points} expire {lot.expires_on}" if lot.expires_on else f"{lot.points} never expire"
        for lot in m.lots
    )
    lines = [
        f"{m.member_id}  {m.name}  {m.phone}  {m.status}, home store {m.home_store or '-'}, "
        f"enrolled {m.enrolled_on}{plus}",
        f"  points {m.points} (held {m.held}, available {m.available}); overdraft {m.overdraft}",
        f"  lots: {lots or '-'}",
        *_profile_text(m.profile),
        f"  open holds: {len(m.holds) or 'none'}",
        *(
            f"    {h.points} points for terminal {h.terminal_id}, request {h.request_id}, "
            f"until {h.expires_at}"
            for h in m.holds
        ),
        f"  recent events that moved points, newest first: {len(m.events) or 'none'}",
        *(
            f"    {e.ledger_time}  {e.kind:14} {e.points:+8d}  store {e.store_code}  "
            f"terminal {e.terminal_id or '-'}  event {e.event_id or '-'}"
            + (f"  day {e.business_day}" if e.business_day else "")
            + (f"  [{e.status}]" if e.status and e.status != "applied" else "")
            for e in m.events
        ),
        f"  open flags: {len(m.flags) or 'none'}",
        *(
            f"    #{f['flag_id']} [{f['kind']}] event {f['event_id'] or '-'}: {f['detail']}"
            for f in m.flags
        ),
    ]
    return "\n".join(lines)


def _flag_line(flag: FlagView) -> str:
    line = f"  #{flag.flag_id} [{flag.kind}] {flag.member_id or '-'}: {flag.detail}"
    if flag.resolved_at:
        line += f" — resolved by {flag.resolved_by} at {flag.resolved_at}: {flag.note}"
    return line


def cmd_flags_list(args: argparse.Namespace) -> int:
    engine = _open(args)
    with Session(engine) as session:
        found = flags.list_flags(session, member_id=args.member, open_only=not args.all)
    heading = f"{len(found)} {'flags' if args.all else 'open flags'}" + (
        f" of member {args.member}" if args.member else ""
    )
    _emit(
        args,
        [flag.model_dump() for flag in found],
        "\n".join([heading, *(_flag_line(flag) for flag in found)]),
    )
    return 0


def cmd_flags_resolve(args: argparse.Namespace) -> int:
    engine = _open(args)
    with Session(engine) as session, session.begin():
        flag = flags.resolve_flag(
            session, args.flag_id, note=args.note, resolved_by=args.by, terminal_id=None
        )
    _emit(args, flag.model_dump(), _flag_line(flag).strip())
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    engine = _open(args)
    with Session(engine) as session:
        data = ledger.report(session)
    lines = [
        f"Members {data['members']}; points liability {data['liability_points']} "
        f"({data['liability_fen'] / 100:.2f} yuan); overdrafts {data['overdraft_points']}",
        *(f"  {o['from']} owes {o['to']} {o['fen'] / 100:.2f}" for o in data["owed"]),
        f"Overdrafts to review: {len(data['overdrafts'])}; open flags: {data['open_flags']} "
        "(memberdesk-ledger flags list)",
        *(f"  [{f['kind']}] {f['member_id'] or '-'}: {f['detail']}" for f in data["flags"][:20]),
    ]
    _emit(args, data, "\n".join(lines))
    return 0


def cmd_keys_list(args: argparse.Namespace) -> int:
    engine = _open(args)
    with Session(engine) as session:
        rows = [k.model_dump() for k in keys.public_keys(session)]
    _emit(
        args,
        rows,
        "\n".join(
            f"{r['key_id']:6} {'revoked' if r['revoked'] else 'active':8} {r['public_key']}"
            for r in rows
        ),
    )
    return 0


def cmd_keys_rotate(args: argparse.Namespace) -> int:
    engine = _open(args)
    with Session(engine) as session, session.begin():
        key_id = keys.rotate(session)
    _emit(
        args,
        {"key_id": key_id},
        f"New signing key {key_id}; new codes use it, older "
        "codes keep working until their key is revoked.",
    )
    return 0


def cmd_keys_revoke(args: argparse.Namespace) -> int:
    engine = _open(args)
    with Session(engine) as session, session.begin():
        keys.revoke(session, args.key_id)
    _emit(
        args,
        {"key_id": args.key_id, "revoked": True},
        f"Key {args.key_id} revoked; codes signed with it are refused after the next sync.",
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="memberdesk-ledger", description="The MemberDesk central points ledger."
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get(DATABASE_ENV),
        help="SQLAlchemy URL, e.g. postgresql+psycopg://user@host/db "
        f"(default: ${DATABASE_ENV}, else SQLite in the user data directory)",
    )
    parser.add_argument(
        "--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"]
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def add(parent: Any, name: str, handler: Any, help_text: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = parent.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--json", action="store_true", help="print the result as JSON")
        p.set_defaults(handler=handler)
        return p

    p = add(
        sub, "serve", cmd_serve, f"serve the HTTP API (operator endpoints need ${ADMIN_TOKEN_ENV})"
    )
    p.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1; 0.0.0.0: all)"
    )
    p.add_argument("--port", type=int, default=8470, help="port (default 8470)")
    p.add_argument("--ssl-certfile", help="serve HTTPS with this certificate (PEM)")
    p.add_argument("--ssl-keyfile", help="the certificate's private key (PEM)")
    p.add_argument(
        "--limit-concurrency",
        type=int,
        default=200,
        help="requests a worker serves at once; past that it answers 503 (default 200)",
    )
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        help="worker processes (default 1); with PostgreSQL one per CPU core, with SQLite one",
    )

    terminal = sub.add_parser("terminal", help="terminals").add_subparsers(
        dest="terminal_command", metavar="ACTION", required=True
    )
    p = add(terminal, "add", cmd_terminal_add, "create a terminal and print its pairing code")
    p.add_argument("terminal_id")
    p.add_argument("--store", required=True, help="store code from the rule book")
    add(terminal, "list", cmd_terminal_list, "list terminals")
    p = add(terminal, "revoke", cmd_terminal_revoke, "revoke a terminal at once")
    p.add_argument("terminal_id")

    rules = sub.add_parser("rules", help="rule books").add_subparsers(
        dest="rules_command", metavar="ACTION", required=True
    )
    p = add(rules, "publish", cmd_rules_publish, "validate and publish a rule book (JSON)")
    p.add_argument("file")

    members = sub.add_parser("members", help="members").add_subparsers(
        dest="members_command", metavar="ACTION", required=True
    )
    p = add(
        members,
        "import",
        cmd_members_import,
        "import members from a CSV file "
        "(member_id, phone, name, birthday, enrolled_on, home_store, points)",
    )
    p.add_argument("file")
    p = add(
        members,
        "codes",
        cmd_members_codes,
        "withdraw (revoke) or restore a member's card and phone codes (a lost card or phone)",
    )
    p.add_argument("action", choices=["revoke", "restore"])
    p.add_argument("member_id")
    p = add(
        members,
        "show",
        cmd_members_show,
        "one member: balance, overdraft, lots, open holds, the last 20 events that moved "
        "points, open flags",
    )
    p.add_argument("member", metavar="MEMBER_OR_PHONE")

    key_cmd = sub.add_parser("keys", help="member-code signing keys").add_subparsers(
        dest="keys_command", metavar="ACTION", required=True
    )
    add(key_cmd, "list", cmd_keys_list, "list the signing keys")
    add(key_cmd, "rotate", cmd_keys_rotate, "make a new signing key (old ones still read)")
    p = add(
        key_cmd,
        "revoke",
        cmd_keys_revoke,
        "revoke a key: codes signed with it stop working at the terminals' next sync",
    )
    p.add_argument("key_id")

    flag_cmd = sub.add_parser("flags", help="flags to review").add_subparsers(
        dest="flags_command", metavar="ACTION", required=True
    )
    p = add(flag_cmd, "list", cmd_flags_list, "list the open flags, newest first")
    p.add_argument("--member", help="only this member's")
    p.add_argument("--all", action="store_true", help="resolved ones too")
    p = add(flag_cmd, "resolve", cmd_flags_resolve, "close a flag with a note")
    p.add_argument("flag_id", type=int)
    p.add_argument("--note", required=True, help="what was checked and done")
    p.add_argument("--by", required=True, help="who resolves it")

    add(sub, "report", cmd_report, "liability, what stores owe each other, overdrafts, flags")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=args.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("alembic").setLevel(logging.WARNING)
    args.database_url = args.database_url or default_database_url()
    args.engines = []
    try:
        return int(args.handler(args))
    except Refused as error:
        message = error.message
    except MemberDeskError as error:
        message = error.message
    finally:
        for engine in args.engines:
            engine.dispose()
    if getattr(args, "json", False):
        print(json.dumps({"error": message}, ensure_ascii=False))
    print(f"memberdesk-ledger: {message}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
