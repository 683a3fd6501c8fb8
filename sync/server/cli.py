"""``memberdesk-ledger``: run and operate the central ledger.

Subcommands work on the database directly (the operator's machine); ``serve`` runs the HTTP
API. Every subcommand takes ``--json``. Exit status: 0 done, 1 refused, 2 usage.
"""

from __future__ import annotations

import argparse
import dataclasses
import ipaddress
import json
import logging
import logging.config
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from platformdirs import user_data_dir
from pydantic import TypeAdapter, ValidationError
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.domain.errors import MemberDeskError
from app.domain.money import format_fen
from app.paths import default_rule_book
from sync.protocol import FlagView, TerminalId
from sync.server import (
    budgets,
    clearing,
    flags,
    keys,
    ledger,
    member_import,
    member_view,
    plus_cli,
)
from sync.server.clearing_chart import clearing_svg
from sync.server.db import make_engine, migrate, private_directory, sqlite_url
from sync.server.errors import Refused
from sync.server.logsafe import logging_config
from sync.server.models import Terminal

log = logging.getLogger("memberdesk.ledger")
ADMIN_TOKEN_ENV = "MEMBERDESK_LEDGER_ADMIN_TOKEN"  # noqa: S105 - a variable name
DATABASE_ENV = "MEMBERDESK_LEDGER_DATABASE"
PUBLIC_URL_ENV = "MEMBERDESK_LEDGER_PUBLIC_URL"


def default_database_url() -> str:
    folder = Path(user_data_dir("memberdesk-ledger", appauthor=False))
    private_directory(folder)
    folder.chmod(0o700)  # the ledger's own folder: others may not even list it
    return sqlite_url(folder / "ledger.db")


def open_ledger(url: str, signing_key: Ed25519PrivateKey | None = None) -> Engine:
    """Open and migrate the ledger; an empty ledger gets the built-in rule book. With a
    ``signing_key`` kept outside the database, that key signs member codes and the database
    keeps no private key (``keys.adopt_outside_key``)."""
    engine = make_engine(url)
    migrate(engine)
    with Session(engine) as session, session.begin():
        keys.ensure_key(session, signing_key)
        if ledger.rule_book(session) is None:
            document = json.loads(default_rule_book().read_text(encoding="utf-8"))
            ledger.publish_rules(session, document)
            log.info("published the built-in rule book v%s", document.get("version"))
    return engine


def _open(args: argparse.Namespace) -> Engine:
    """Open the ledger for one command; ``main`` closes it when the command is done."""
    engine = open_ledger(args.database_url, args.signing_key)
    args.engines.append(engine)
    return engine


def _emit(args: argparse.Namespace, value: Any, text: str) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str) if args.json else text)


LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or an address) can only be reached from this machine."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from sync.server.api import create_app

    if bool(args.ssl_certfile) != bool(args.ssl_keyfile):
        raise Refused(422, "tls_incomplete", "TLS needs both --ssl-certfile and --ssl-keyfile.")
    if not args.ssl_certfile and not is_loopback(args.host) and not args.insecure:
        raise Refused(
            422,
            "clear_text",
            f"refusing to serve on {args.host} without TLS: pairing codes, terminal "
            "credentials, the admin token and members' phones and names would cross the "
            "network in clear text, readable and changeable by anyone on it. Give "
            "--ssl-certfile and --ssl-keyfile, serve on 127.0.0.1 behind a TLS proxy, or add "
            "--insecure for a private test network you trust.",
        )
    engine = _open(args)  # migrates once, here, before any worker starts
    token = os.environ.get(ADMIN_TOKEN_ENV)
    workers = max(1, args.workers)
    print(
        f"MemberDesk ledger on {'https' if args.ssl_certfile else 'http'}://{args.host}:"
        f"{args.port} ({engine.dialect.name}, {workers} worker"
        f"{'s' if workers > 1 else ''}); API docs at /docs",
        flush=True,
    )
    if not args.ssl_certfile and not is_loopback(args.host):
        print(
            "WARNING: --insecure: serving without TLS beyond loopback; credentials and "
            "members' data cross the network in clear text.",
            file=sys.stderr,
            flush=True,
        )
    target: Any
    if workers > 1:
        # uvicorn forks workers only from an import string; each opens its own pool.
        os.environ[DATABASE_ENV] = args.database_url
        if args.signing_key_file:
            os.environ[keys.SIGNING_KEY_FILE_ENV] = args.signing_key_file
        if args.public_url:
            os.environ[PUBLIC_URL_ENV] = args.public_url
        target = "sync.server.asgi:create_from_env"
    else:
        target = create_app(
            engine, admin_token=token, signing_key=args.signing_key, public_url=args.public_url
        )
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
        log_config=logging_config(args.log_level),  # each worker's lines scrubbed too
    )
    return 0


TERMINAL_ID = TypeAdapter(TerminalId)


def cmd_terminal_add(args: argparse.Namespace) -> int:
    try:  # the pairing request's own rule: an id that is added here can pair
        TERMINAL_ID.validate_python(args.terminal_id)
    except ValidationError:
        raise Refused(
            422,
            "bad_terminal_id",
            f"{args.terminal_id[:70]!r} cannot be a terminal id: 1 to 64 letters, digits, "
            "'.', '_' or '-', starting with a letter or digit (e.g. T07).",
            fields=["terminal_id"],
        ) from None
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


def _problems(problems: list[member_import.Problem]) -> list[dict[str, Any]]:
    return [dataclasses.asdict(p) for p in problems]


def cmd_members_import(args: argparse.Namespace) -> int:
    rows, misfits = member_import.read_rows(Path(args.file))  # a broken file: refused
    engine = _open(args)
    at = ledger.now_utc()
    with Session(engine) as session, session.begin():
        rules = ledger.rule_book(session)
        plan = member_import.plan_import(session, rows, rules, at.date())
        plan.rows += len({p.line for p in misfits})  # rows that do not fit the header
        problems = sorted([*misfits, *plan.problems], key=lambda p: p.line)
        if problems and not args.skip_bad:
            raise member_import.ImportRefused(problems, plan.rows)
        count = member_import.write_members(session, plan.new, rules, at)
        scored = member_import.write_credit_scores(session, plan.credit_scores)
    skipped = "".join(f"\n  skipped {p}" for p in problems)
    _emit(
        args,
        {
            "imported": count,
            "rows": plan.rows,
            "existing": plan.existing,
            "skipped": _problems(problems),
        }
        | ({"credit_scores": scored} if scored else {}),
        f"Imported {count} of {plan.rows} members (existing ids were left as they were"
        + (f"; {len({p.line for p in problems})} bad rows skipped" if problems else "")
        + ")."
        + (f" Credit scores of {scored} existing members refreshed." if scored else "")
        + skipped,
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
        *(
            [f"  by scope: {' | '.join(f'{k} {v}' for k, v in sorted(m.scopes.items()))}"]
            if set(m.scopes) - {"mall"}
            else []
        ),
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
        rules = ledger.rule_book(session)
        value = rules.points.value_fen_per_point if rules else 1
        charges = clearing.funder_charges(session, value)
    lines = [
        f"Members {data['members']}; points liability {data['liability_points']} "
        f"({data['liability_fen'] / 100:.2f} yuan); overdrafts {data['overdraft_points']}",
        *(f"  {o['from']} owes {o['to']} {o['fen'] / 100:.2f}" for o in data["owed"]),
        "Funders charged, net of points clawed back by refunds:",
        *(
            f"  {f['funder']} is charged {f['net_points']} points ({f['fen'] / 100:.2f} yuan): "
            f"gave {f['issued']}, {f['clawed_back']} clawed back by refunds"
            for f in data["funders"]
        ),
        f"Overdrafts to review: {len(data['overdrafts'])}; open flags: {data['open_flags']} "
        "(memberdesk-ledger flags list)",
        *(f"  [{f['kind']}] {f['member_id'] or '-'}: {f['detail']}" for f in data["flags"][:20]),
    ]
    if args.chart:
        Path(args.chart).write_text(
            clearing_svg(charges, "Points charged to each funder, net of refund claw-backs"),
            encoding="utf-8",
        )
        lines.append(f"Chart written to {args.chart}")
    _emit(args, data, "\n".join(lines))
    return 0


def cmd_budget_fund(args: argparse.Namespace) -> int:
    engine = _open(args)
    with Session(engine) as session, session.begin():
        shown = budgets.fund(
            session, ledger.rule_book(session), args.store, args.points, args.note,
            ledger.now_utc(),
        )  # fmt: skip
    _emit(args, shown, _budget_line(shown))
    return 0


def _budget_line(b: dict[str, Any]) -> str:
    return (
        f"{b['store']}: funded {b['funded']:,} points, granted {b['granted']:,}, left {b['left']:,}"
    )


def cmd_budget_show(args: argparse.Namespace) -> int:
    engine = _open(args)
    with Session(engine) as session:
        shown = [budgets.budget_of(session, args.store)] if args.store else budgets.budgets(session)
    _emit(args, shown, "\n".join(_budget_line(b) for b in shown) or "No store has a budget.")
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
    if args.signing_key is not None:
        raise Refused(
            409,
            "signing_key_outside",
            "The signing key is kept outside the database: make a new key file "
            "('memberdesk-ledger keys new-file PATH'), point the ledger at it and restart.",
        )
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


def cmd_keys_new_file(args: argparse.Namespace) -> int:
    path = Path(args.path)
    keys.write_key_file(path)
    _emit(
        args,
        {"key_file": str(path)},
        f"Wrote a new signing key to {path} (mode 0600). Give it to the ledger with "
        f"--signing-key-file {path} (or ${keys.SIGNING_KEY_FILE_ENV}); it signs new codes "
        "from then on and the database keeps no private key.",
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
    parser.add_argument(
        "--signing-key-file",
        default=None,
        help="the member-code signing key, kept outside the database: a PEM file of mode 0600 "
        f"(default: ${keys.SIGNING_KEY_FILE_ENV}, else the base64 key in "
        f"${keys.SIGNING_KEY_ENV}, else the key in the database)",
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
        "--public-url",
        default=os.environ.get(PUBLIC_URL_ENV),
        help="where members' phones reach the ledger, e.g. https://members.example-mall.com "
        "(the member page's binding links; default: the address a terminal used; or "
        f"${PUBLIC_URL_ENV})",
    )
    p.add_argument(
        "--insecure",
        action="store_true",
        help="serve plain HTTP on an address beyond loopback (only on a private network you "
        "trust: credentials and members' data travel in clear text)",
    )
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
    p.add_argument(
        "--skip-bad",
        action="store_true",
        help="import the good rows and list the bad ones (default: any bad row imports nothing)",
    )
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
        "new-file",
        cmd_keys_new_file,
        "write a new signing key to a file (mode 0600), to keep the key outside the database",
    )
    p.add_argument("path")
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

    p = add(
        sub,
        "report",
        cmd_report,
        "liability, what stores and funders owe, overdrafts, flags",
    )
    p.add_argument("--chart", help="also write the funders' charges as an SVG chart to this file")

    budget_cmd = sub.add_parser("budget", help="stores' points budgets").add_subparsers(
        dest="budget_command", metavar="ACTION", required=True
    )
    p = add(budget_cmd, "fund", cmd_budget_fund, "add points a store bought to its budget")
    p.add_argument("store")
    p.add_argument("points", type=int)
    p.add_argument("--note", required=True, help="what was paid (an invoice number)")
    p = add(budget_cmd, "show", cmd_budget_show, "what each store funded, granted, has left")
    p.add_argument("store", nargs="?")
    plus_cli.register(sub, add, _open, _emit)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if not logging.getLogger().handlers:  # as basicConfig: a host process keeps its own
        logging.config.dictConfig(logging_config(args.log_level))
    args.engines = []
    problems: list[member_import.Problem] = []
    try:
        args.signing_key = None
        if args.handler is not cmd_keys_new_file:  # which needs neither key nor database
            args.signing_key = keys.load_outside_key(args.signing_key_file)
            args.database_url = args.database_url or default_database_url()
        return int(args.handler(args))
    except member_import.ImportRefused as error:
        message, problems = error.message, error.problems
    except Refused as error:
        message = error.message
    except MemberDeskError as error:
        message = error.message
    finally:
        for engine in args.engines:
            engine.dispose()
    if getattr(args, "json", False):
        body: dict[str, Any] = {"error": message}
        if problems:
            body["problems"] = _problems(problems)
        print(json.dumps(body, ensure_ascii=False))
    print(f"memberdesk-ledger: {message}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
