"""``memberdesk``: the terminal from a shell, for scripts, tests and the operator.

Every subcommand takes ``--json``; mutating ones take ``--request-id`` (a retry with the same
id applies once). Exit status: 0 done, 1 refused (the message says why), 2 bad usage.
The subcommands of other packages (the window's ``run``, sync's ``pair``), the self-test's
screen and sync checks and the ledger link are handed in as ``TerminalParts`` by the
program's composition root (``ui.composition``), so this core never imports them.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError

from app.bootstrap import Connect, Terminal, database_present, open_terminal
from app.config import use_config_file
from app.domain.codes import CODES_REVOKED
from app.domain.errors import DiskFull, InvalidInput, MemberDeskError
from app.domain.ids import uuid7
from app.domain.money import format_fen, parse_amount
from app.domain.quote import Line
from app.logs import setup_logging
from app.paths import default_data_dir
from app.selftest import Check, all_checks, check_commands, run_self_test
from app.services.growth import visit
from app.services.history import in_words
from app.services.report_table import FIGURES, TOTAL, write_csv
from app.services.views import DayReport
from app.store import failures

log = logging.getLogger("memberdesk.cli")
PRIVATE_UMASK = 0o077
Handler = Callable[[argparse.Namespace], int]
Common = Callable[..., None]
ReportPdf = Callable[[DayReport, Path], Path]
Register = Callable[[Any, Common], None]


@dataclass(frozen=True)
class TerminalParts:
    """What the program's composition root hands the command line: every part named, none
    discovered. ``connect`` wires the ledger link into every terminal a command opens."""

    connect: Connect
    commands: tuple[Register, ...] = ()
    checks: tuple[Callable[[], list[Check]], ...] = ()
    report_pdf: ReportPdf | None = None  # ``report --pdf`` (the screen's PDF writer)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return value


def _emit(args: argparse.Namespace, value: Any, text: str | None = None) -> None:
    if args.json:
        print(json.dumps(_plain(value), ensure_ascii=False, indent=2, default=str))
    elif text is not None:
        print(text)
    else:
        data = _plain(value)
        for key, item in data.items() if isinstance(data, dict) else []:
            print(f"{key}: {item}")


# Only these make a terminal database where there is none; the rest refuse a wrong --data-dir.
CREATING_COMMANDS = {"demo", "run", "pair", "restore"}


def reads_only(args: argparse.Namespace) -> bool:
    """Whether the command only reads (it then works on a read-only data directory)."""
    handler = getattr(args, "handler", None)
    if handler in READING_COMMANDS:
        return True
    return args.command == "sync" and getattr(args, "action", None) == "status"


def terminal_for(args: argparse.Namespace) -> Terminal:
    """The terminal of ``--data-dir``, wired to its ledger: every subcommand opens it so."""
    parts: TerminalParts = args.parts
    data_dir = Path(args.data_dir)
    reading = reads_only(args)
    create = args.command in CREATING_COMMANDS
    try:
        terminal = open_terminal(
            data_dir,
            create=create,
            connect=parts.connect,
            read_only=reading and data_dir.is_dir() and not failures.writable(data_dir),
        )
    except DiskFull:
        if not reading:
            raise
        # A full disk still reads: without the -shm SQLite cannot make, read-only.
        terminal = open_terminal(data_dir, create=create, connect=parts.connect, read_only=True)
    _opened.append(terminal)
    return terminal


# The terminals this command opened, closed when it ends (their identity files then say how
# far their chains came).
_opened: list[Terminal] = []


def _request_id(args: argparse.Namespace) -> str:
    return args.request_id or str(uuid7())


def _done(member_id: str | None, event_id: str | None) -> str:
    """The end of a change's line: its member and the event it wrote (the id the ledger's
    flags and 'memberdesk-ledger members show' name)."""
    return (f" Member {member_id}" if member_id else "") + (
        f", event {event_id}." if event_id else "."
    )


def _lines(specs: Sequence[str]) -> list[Line]:
    lines = []
    for spec in specs:
        category, sep, amount = spec.partition("=")
        if not sep:
            raise InvalidInput(
                f"--line {spec!r}: write CATEGORY=AMOUNT, e.g. grocery=12.50", field="line"
            )
        lines.append(Line(category.strip(), parse_amount(amount, f"--line {category}")))
    return lines


def _date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"{text!r} is not a date like 1990-05-31.", field="date") from None


# ------------------------------------------------------------------------------- handlers


def cmd_demo(args: argparse.Namespace) -> int:
    from app.demo import seed_demo

    terminal = terminal_for(args)
    summary = seed_demo(terminal)
    _emit(
        args,
        summary,
        "Demo data seeded: 4 cashiers (PINs: admin 9999, sam 2222, lin 1111, "
        "maria 3333) and 8 members (M000001..M000008)."
        if summary.seeded
        else "Demo data was already there; nothing changed.",
    )
    return 0


def cmd_enroll(args: argparse.Namespace) -> int:
    terminal = terminal_for(args)
    result = terminal.enroll(
        _request_id(args),
        terminal.actor(args.cashier),
        phone=args.phone,
        name=args.name,
        birthday=_date(args.birthday),
        consent=args.consent,
        referrer=args.referrer,
    )
    pack = f" Welcome coupons: {', '.join(result.coupons)}." if result.coupons else ""
    _emit(
        args,
        result,
        f"Enrolled {result.name} as member {result.member_id}."
        + pack
        + _done(result.member_id, result.event_id),
    )
    return 0


def cmd_member_history(args: argparse.Namespace) -> int:
    history = terminal_for(args).history(args.query, mall=args.mall)
    lines = history.timeline[: args.limit]
    if args.json:
        said = [{**dataclasses.asdict(line), "words": in_words(line)} for line in lines]
        everywhere = [dataclasses.asdict(event) for event in history.mall]
        _emit(
            args,
            {
                "member_id": history.member_id,
                "balance": history.balance,
                "lines": said,
                "scope": history.scope,
                "scope_note": history.scope_note,
                "mall": everywhere,
            },
        )
        return 0
    print(f"{history.member_id}  {history.name}  balance {history.balance} points")
    for line in lines:
        points = f"{line.points:+d}" if line.points else ""
        who = f"  [{line.cashier_id}]" if line.cashier_id else ""
        print(f"  {_receipt_time(line.at)}  {points:>7}  {in_words(line)}{who}")
    if not lines:
        print("  nothing yet")
    if args.mall:
        print(history.scope_note)
        for event in history.mall[: args.limit]:
            where = f"{event.store_code}/{event.terminal_id or 'ledger'}"
            print(f"  {_receipt_time(event.at)}  {event.points:>+7d}  {event.kind} at {where}")
    return 0


def cmd_member_show(args: argparse.Namespace) -> int:
    card = terminal_for(args).card(args.query)
    if args.json:
        _emit(args, card)
        return 0
    plus = f"PLUS until {card.plus_expires_on}" if card.plus_active else "not PLUS"
    nxt = (
        f"{card.growth_missing} growth to {card.next_tier_name}"
        if card.next_tier_name
        else "top tier"
    )
    print(f"{card.member_id}  {card.name}  {card.phone}")
    if card.status == CODES_REVOKED:
        print("  codes withdrawn: refuse the member's card and phone codes; serve by phone number")
    print(f"  tier {card.tier_name} (growth {card.growth}, {nxt}), {plus}")
    print(
        f"  points {card.points} (worth {format_fen(card.points_value_fen)})"
        + (f", {card.expiring_points} expire by {card.expiring_on}" if card.expiring_points else "")
    )
    if card.open_overdraft:
        print(f"  OVERDRAFT {card.open_overdraft} points: see the service desk")
    print(f"  {_plus_saving_words(card.plus_saving_kind, card.plus_saving_fen)}")
    if card.plus_prompt == "renew_soon":
        print(f"  PLUS ends in {card.plus_prompt_days} day(s): offer the renewal")
    elif card.plus_prompt == "lapsed":
        print(f"  PLUS lapsed {card.plus_prompt_days} day(s) ago: offer PLUS again")
    print(f"  stage {card.stage}: {card.suggested_action or '-'}")
    if card.birthday_action:
        print(f"  {card.birthday_action}")
    dims = ", ".join(f"{name} {value}" for name, value in card.growth_by_dimension.items())
    print(f"  growth by dimension: {dims}")
    tops = ", ".join(f"{c.name} {format_fen(c.spend_fen)}" for c in card.top_categories)
    print(f"  top categories: {tops or '-'}")
    print(f"  real name: {'verified ' + card.real_name if card.real_name else 'not verified'}")
    medals = [f"{m.name} {m.level}/{m.levels}" for m in card.medals if m.level]
    print(f"  medals: {', '.join(medals) or '-'}")
    print(f"  coupons: {', '.join(f'{c.code} ({c.name})' for c in card.coupons) or '-'}")
    print(f"  sync: {card.unconfirmed_events} change(s) not yet confirmed by the ledger")
    return 0


def cmd_member_search(args: argparse.Namespace) -> int:
    hits = terminal_for(args).search_members(args.query)
    _emit(
        args,
        [dataclasses.asdict(h) for h in hits],
        "\n".join(f"{h.member_id:14} {h.phone:14} {h.name}" for h in hits)
        or f"No member found for {args.query!r}.",
    )
    return 0 if hits else 1


def cmd_member_recent(args: argparse.Namespace) -> int:
    hits = terminal_for(args).recent_members()
    _emit(
        args,
        [dataclasses.asdict(h) for h in hits],
        "\n".join(f"{h.member_id:14} {h.phone:14} {h.name}" for h in hits)
        or "No member served at this counter yet.",
    )
    return 0


def _plus_saving_words(kind: str | None, fen: int) -> str:
    if kind == "saved_this_term":
        return f"PLUS has saved you {format_fen(fen)} this term"
    return f"In the last 12 months PLUS would have saved you {format_fen(fen)}"


def cmd_receipt(args: argparse.Namespace) -> int:
    view = terminal_for(args).receipt(args.receipt)
    lines = [f"receipt {view.receipt_no} {view.at} member {view.member_id}"]
    lines += [f"  {line.category} {format_fen(line.amount_fen)}" for line in view.lines]
    lines.append(f"paid {format_fen(view.payable_fen)}, saved {format_fen(view.savings_fen)}")
    lines.append(f"points earned {view.points_earned}, balance {view.balance}")
    lines.append(_plus_saving_words(view.plus_saving_kind, view.plus_saving_fen))
    _emit(args, view, "\n".join(lines))
    return 0


def cmd_quote(args: argparse.Namespace) -> int:
    terminal = terminal_for(args)
    member_id = terminal.identify(args.member)
    q = terminal.quote(member_id, _lines(args.line), args.coupon, args.points)
    _emit(
        args,
        q,
        "\n".join(
            [
                f"subtotal {format_fen(q.subtotal_fen)}",
                f"tier discount -{format_fen(q.tier_discount_fen)}",
                f"PLUS discount -{format_fen(q.plus_discount_fen)}",
                f"coupon -{format_fen(q.coupon_discount_fen)}",
                f"points {q.points_used} -{format_fen(q.points_deduction_fen)} "
                f"(at most {q.max_points_usable})",
                f"payable {format_fen(q.payable_fen)}",
                f"points to earn {q.points_to_earn} (base {q.earn.base}, tier {q.earn.tier}, "
                f"PLUS {q.earn.plus}, campaign {q.earn.campaign})",
                f"saved {format_fen(q.savings_fen)}"
                + (
                    f"; PLUS would have saved {format_fen(q.plus_would_save_fen)}"
                    if q.plus_would_save_fen
                    else ""
                ),
            ]
        ),
    )
    return 0


def cmd_award(args: argparse.Namespace) -> int:
    terminal = terminal_for(args)
    # A member code as a scanner types it is taken as a scan (a phone code's step once).
    member_id = terminal.scan(args.member).member_id
    request_id = _request_id(args)
    r = terminal.award(
        request_id,
        terminal.actor(args.cashier),
        member_id,
        _lines(args.line),
        args.coupon,
        args.points,
    )
    # The visit's benefits (birthday, medal coupons, a referrer's reward) follow the sale;
    # its request id is the sale's, so a retried sale gives them once.
    given = visit(
        terminal.ctx,
        request_id=f"{request_id}.visit",
        actor=terminal.actor(args.cashier),
        member_id=member_id,
    ).given
    extra = "".join(f" Also {g.what} for {g.member_id}." for g in given)
    _emit(
        args,
        r,
        f"Receipt {r.receipt_no}: paid {format_fen(r.payable_fen)}, "
        f"earned {r.points_earned} points, used {r.points_used}; balance {r.balance}."
        + _done(r.member_id, r.event_id)
        + extra,
    )
    return 0


def cmd_redeem(args: argparse.Namespace) -> int:
    terminal = terminal_for(args)
    member_id = terminal.identify(args.member)
    if args.gift:
        kind, item, points, amount = "gift", args.gift, 0, 0
    elif args.coupon:
        kind, item, points, amount = "coupon", args.coupon, 0, 0
    else:
        if args.order is None or args.points is None:
            raise InvalidInput(
                "Give --gift CODE, --coupon TEMPLATE, or --order AMOUNT with --points N.",
                field="redeem",
            )
        kind, item, points = "order", None, args.points
        amount = parse_amount(args.order, "--order")
    r = terminal.redeem(
        _request_id(args), terminal.actor(args.cashier), member_id, kind, item, points, amount
    )
    _emit(
        args,
        r,
        f"Redeemed {r.points} points ({kind}{' ' + item if item else ''}); "
        f"balance {r.balance}."
        + (f" Coupon {r.coupon_code}." if r.coupon_code else "")
        + _done(r.member_id, r.event_id),
    )
    return 0


def cmd_redeem_undo(args: argparse.Namespace) -> int:
    terminal = terminal_for(args)
    member_id = terminal.identify(args.member) if args.member else None
    r = terminal.undo_redemption(_request_id(args), terminal.actor(args.cashier), member_id)
    _emit(
        args,
        r,
        f"Undid the redemption of {r.points} points ({r.kind}{' ' + r.item if r.item else ''}); "
        f"balance {r.balance}." + _done(r.member_id, r.event_id),
    )
    return 0


def cmd_refund(args: argparse.Namespace) -> int:
    terminal = terminal_for(args)
    amount = None if args.amount is None else parse_amount(args.amount, "--amount")
    r = terminal.refund(_request_id(args), terminal.actor(args.cashier), args.receipt, amount)
    text = (
        f"Refunded {format_fen(r.amount_fen)} of {r.receipt_no}: {r.points_clawed_back} "
        f"points taken back, {r.points_returned} given back; balance {r.balance}."
    )
    if r.overdraft_points:
        text += f" {r.overdraft_points} points were already spent: overdraft flagged."
    _emit(args, r, text + _done(r.member_id, r.event_id))
    return 0


def cmd_plus_sell(args: argparse.Namespace) -> int:
    terminal = terminal_for(args)
    member_id = terminal.identify(args.member)
    r = terminal.sell_plus(_request_id(args), terminal.actor(args.cashier), member_id)
    _emit(
        args,
        r,
        f"PLUS {'renewed' if r.renewal else 'sold'} for {member_id}: "
        f"{r.starts_on} to {r.ends_on}, fee {format_fen(r.fee_fen)}."
        + _done(r.member_id, r.event_id)
        + _entitlement_lines(r.entitlements),
    )
    return 0


def _entitlement_lines(given: list[dict[str, str]]) -> str:
    """The partner benefits issued, for the member to take to the partner."""
    return "".join(
        f"\n  {e['name']} ({e['partner']}): code {e['code']}, until {e['valid_until']}"
        for e in given
    )


def cmd_plus_activate(args: argparse.Namespace) -> int:
    terminal = terminal_for(args)
    member_id = terminal.identify(args.member)
    r = terminal.activate_plus(
        _request_id(args), terminal.actor(args.cashier), member_id, args.code
    )
    _emit(
        args,
        r,
        f"PLUS {'renewed' if r.renewal else 'activated'} for {member_id} with a {r.channel} "
        f"code: {r.starts_on} to {r.ends_on}, no fee."
        + _done(r.member_id, r.event_id)
        + _entitlement_lines(r.entitlements),
    )
    return 0


def cmd_grant(args: argparse.Namespace) -> int:
    terminal = terminal_for(args)
    member_id = terminal.identify(args.member)
    r = terminal.grant(
        _request_id(args), terminal.actor(args.cashier), member_id, args.points, args.reason
    )
    _emit(
        args,
        r,
        f"Granted {r.points} points of store {r.store}'s budget to {member_id} "
        f"({r.budget_left} left in the budget); balance {r.balance}."
        + _done(r.member_id, r.event_id),
    )
    return 0


def cmd_adjust(args: argparse.Namespace) -> int:
    terminal = terminal_for(args)
    member_id = terminal.identify(args.member)
    r = terminal.adjust(
        _request_id(args), terminal.actor(args.cashier), member_id, args.points, args.reason
    )
    _emit(
        args,
        r,
        f"Adjusted {member_id} by {r.points:+d} points; balance {r.balance}."
        + _done(r.member_id, r.event_id),
    )
    return 0


def cmd_coupon_issue(args: argparse.Namespace) -> int:
    terminal = terminal_for(args)
    member_id = terminal.identify(args.member)
    r = terminal.issue_coupon(
        _request_id(args), terminal.actor(args.cashier), member_id, args.template
    )
    _emit(
        args,
        r,
        f"Coupon {r.coupon_code} ({r.template}) valid until {r.valid_until}."
        + _done(r.member_id, r.event_id),
    )
    return 0


def cmd_expire(args: argparse.Namespace) -> int:
    r = terminal_for(args).expire()
    _emit(args, r, f"Expired {r.points} points of {r.members} member(s) on {r.day}.")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    report = terminal_for(args).end_of_day(_date(args.day))
    written = []
    if args.csv:
        written.append(write_csv(report, Path(args.csv)))
    if args.pdf:
        printer: ReportPdf | None = args.parts.report_pdf
        if printer is None:
            raise MemberDeskError("This program cannot print PDF; use --csv.")
        written.append(printer(report, Path(args.pdf)))
    if args.json:
        _emit(args, report)
        return 0
    print(
        f"Day report, business day {report.business_day} ({report.zone}), "
        f"from {_receipt_time(report.start)} to {_receipt_time(report.end)}"
    )
    columns = [*report.per_cashier, report.totals]
    width = max(len(f.label) for f in FIGURES)
    names = [*(t.cashier_id for t in report.per_cashier), TOTAL]
    print(" " * width + "".join(f"  {n:>10}" for n in names))
    for figure in FIGURES:
        print(f"{figure.label:<{width}}" + "".join(f"  {figure.plain(t):>10}" for t in columns))
    for path in written:
        print(f"Wrote {path}")
    return 0


def _receipt_time(iso: str) -> str:
    """'2026-11-24T10:00:00+08:00' -> '2026-11-24 10:00 +08:00', as receipts show it."""
    return f"{iso[:10]} {iso[11:16]} {iso[19:]}".strip() if len(iso) >= 19 else iso


def cmd_verify(args: argparse.Namespace) -> int:
    report = terminal_for(args).verify()
    _emit(
        args,
        report,
        (
            f"Journal OK: {report.events} events, {report.entries} entries, "
            f"{report.members} members."
            if report.ok
            else "JOURNAL BROKEN:\n" + "\n".join(f"  - {p}" for p in report.problems)
        ),
    )
    return 0 if report.ok else 1


def cmd_cashier_add(args: argparse.Namespace) -> int:
    terminal = terminal_for(args)
    terminal.add_cashier(terminal.actor(args.cashier), args.id, args.name, args.role, args.pin)
    _emit(args, {"cashier_id": args.id, "role": args.role}, f"Added {args.role} {args.id}.")
    return 0


def cmd_cashier_first(args: argparse.Namespace) -> int:
    terminal_for(args).add_first_admin(args.id, args.name, args.pin)
    _emit(
        args,
        {"cashier_id": args.id, "role": "admin"},
        f"Added {args.id} as this terminal's first cashier (admin). Sign in with that PIN; "
        "add more with 'memberdesk cashier add ID --cashier " + args.id + "'.",
    )
    return 0


def cmd_cashier_sign_in(args: argparse.Namespace) -> int:
    """Check a cashier's PIN, read from standard input (never the command line, where other
    users can see it): counts towards the lockout exactly as the counter's sign-in does."""
    pin = sys.stdin.readline().strip()
    actor = terminal_for(args).sign_in(args.id, pin)
    _emit(args, dataclasses.asdict(actor), f"PIN right: {actor.name} ({actor.role}).")
    return 0


def cmd_cashier_list(args: argparse.Namespace) -> int:
    people = terminal_for(args).cashiers()
    _emit(
        args,
        [dataclasses.asdict(p) for p in people],
        "\n".join(f"{p.cashier_id:10} {p.role:10} {p.name}" for p in people),
    )
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from app.config import load_settings
    from app.store import backup

    settings = load_settings(Path(args.data_dir))
    database_present(settings)  # a vanished database is named as such, not "no such file"
    info = backup.backup(settings.database_path, Path(args.file), overwrite=args.overwrite)
    _emit(
        args,
        info,
        f"Backed up terminal {info.terminal_id} of store {info.store_code} to {info.path} "
        f"({info.bytes // 1024} KiB, {info.events} events, schema {info.schema}); checked.",
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from app.config import load_settings
    from app.store import backup, identity

    settings = load_settings(Path(args.data_dir))
    database = settings.database_path
    kept = identity.read(settings.data_dir)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    keep = database.with_name(f"{database.name}.before-restore-{stamp}")
    info = backup.restore(Path(args.file), database, keep if database.exists() else None)
    report = open_terminal(Path(args.data_dir), create=False, connect=args.parts.connect)
    try:
        verified = report.verify()
    finally:
        report.close()
    behind = ""
    if kept is not None and kept.terminal_id == info.terminal_id and kept.last_seq > info.events:
        behind = (
            f"; this terminal had written {kept.last_seq} events, the backup holds "
            f"{info.events}: the later ones are only at the ledger, if they were synced"
        )
    text = (
        f"Restored terminal {info.terminal_id} of store {info.store_code} from {args.file} "
        f"({info.events} events)"
        + behind
        + (f"; the database it replaced is kept as {keep}" if keep.exists() else "")
        + (". Journal OK." if verified.ok else ". JOURNAL BROKEN: " + "; ".join(verified.problems))
    )
    _emit(args, {**dataclasses.asdict(info), "journal_ok": verified.ok}, text)
    return 0 if verified.ok else 1


def cmd_config_path(args: argparse.Namespace) -> int:
    from app.config import config_dir, settings_file

    path, _ = settings_file(Path(args.data_dir))
    _emit(
        args,
        {"file": str(path) if path else None, "config_dir": str(config_dir())},
        str(path)
        if path
        else f"none (defaults; the usual place is {config_dir()}/memberdesk.toml)",
    )
    return 0


def cmd_config_check(args: argparse.Namespace) -> int:
    from app.config import SCHEMA, load_settings

    settings = load_settings(Path(args.data_dir))
    values = {key.name: settings.get(key.name) for key in SCHEMA}
    source = str(settings.source) if settings.source else "none: built-in defaults (demo mode)"
    _emit(
        args,
        {"file": str(settings.source) if settings.source else None, "settings": values},
        "\n".join(
            [f"Settings file: {source} (valid)", *(f"  {k} = {v!r}" for k, v in values.items())]
        ),
    )
    return 0


# Commands that only read: on a read-only data directory they open the database read-only.
READING_COMMANDS: frozenset[Handler] = frozenset(
    {
        cmd_member_show,
        cmd_member_search,
        cmd_member_recent,
        cmd_receipt,
        cmd_member_history,
        cmd_verify,
        cmd_report,
        cmd_cashier_list,
        cmd_config_check,
        cmd_config_path,
    }
)


# --------------------------------------------------------------------------------- parser


def _common(parser: argparse.ArgumentParser, *, mutating: bool = False) -> None:
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    if mutating:
        parser.add_argument(
            "--request-id",
            help="client request id; the same id twice "
            "applies once and prints the first result (default: a new id)",
        )
        parser.add_argument(
            "--cashier",
            default="admin",
            help="cashier id acting (default: admin); roles are checked",
        )


def build_parser(parts: TerminalParts) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="memberdesk",
        description="MemberDesk membership terminal. With no subcommand, opens the counter window.",
    )
    parser.add_argument(
        "--data-dir",
        default=str(default_data_dir()),
        help="where the terminal keeps its database, settings and logs (default: %(default)s)",
    )
    parser.add_argument(
        "--config",
        metavar="PATH",
        help="the settings file to use (default: memberdesk.toml in the data directory if "
        "there is one, else in the platform's config directory; see docs/settings.md)",
    )
    parser.add_argument(
        "--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"]
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this install headless (database, journal, member codes, window, "
        "translations) in a temporary directory; exit 0 only if all passed",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(
        name: str, handler: Handler, help_text: str, *, mutating: bool = False, parent: Any = sub
    ) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = parent.add_parser(name, help=help_text, description=help_text)
        _common(p, mutating=mutating)
        p.set_defaults(handler=handler)
        return p

    add("demo", cmd_demo, "seed the demo rule book, cashiers and members (once)")
    p = add("enroll", cmd_enroll, "enroll a new member", mutating=True)
    p.add_argument("--phone", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--birthday", help="YYYY-MM-DD")
    p.add_argument("--consent", action="store_true", help="the member agreed to marketing")
    p.add_argument(
        "--referrer",
        metavar="MEMBER_OR_PHONE",
        help="the member who referred them (rewarded at the new member's first purchase)",
    )

    member = sub.add_parser("member", help="look at members").add_subparsers(
        dest="member_command", metavar="ACTION", required=True
    )
    p = add("show", cmd_member_show, "show a member card (by member id or phone)", parent=member)
    p.add_argument("query", metavar="MEMBER_OR_PHONE")
    p = add(
        "history",
        cmd_member_history,
        "what a member did at this counter, newest first, in words",
        parent=member,
    )
    p.add_argument("query", metavar="MEMBER_OR_PHONE")
    p.add_argument("--limit", type=int, default=50, help="how many lines (default: 50)")
    p.add_argument(
        "--mall",
        action="store_true",
        help="also every counter's events, as the paired ledger has them",
    )
    p = add(
        "search",
        cmd_member_search,
        "find members by the beginning of the name, a phone or its last 4 digits",
        parent=member,
    )
    p.add_argument("query", metavar="NAME_OR_PHONE")
    add("recent", cmd_member_recent, "the members this counter served last", parent=member)

    for name, handler, help_text, mut in (
        ("quote", cmd_quote, "quote a basket for a member (changes nothing)", False),
        ("award", cmd_award, "record a purchase: award (and spend) points", True),
    ):
        p = add(name, handler, help_text, mutating=mut)
        p.add_argument("member", metavar="MEMBER_OR_PHONE")
        p.add_argument(
            "--line",
            action="append",
            required=True,
            metavar="CATEGORY=AMOUNT",
            help="one line of the basket in yuan, e.g. grocery=12.50 (repeat)",
        )
        p.add_argument("--coupon", help="coupon code to use")
        p.add_argument("--points", type=int, default=0, help="points to deduct")

    p = add("receipt", cmd_receipt, "show what a purchase's receipt prints")
    p.add_argument("receipt", metavar="RECEIPT_NO")
    p = add("redeem", cmd_redeem, "redeem points: a gift, a coupon, or off an order", mutating=True)
    p.add_argument("member", metavar="MEMBER_OR_PHONE")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--gift", help="gift code from the catalogue")
    which.add_argument("--coupon", help="coupon template to buy with points")
    which.add_argument("--order", metavar="AMOUNT", help="order amount in yuan (with --points)")
    p.add_argument("--points", type=int, help="points to take off the order")

    p = add(
        "redeem-undo",
        cmd_redeem_undo,
        "undo the last redemption (within redeem.undo_minutes): the points come back",
        mutating=True,
    )
    p.add_argument("--member", metavar="MEMBER_OR_PHONE", help="that member's last redemption")

    p = add("refund", cmd_refund, "refund a purchase in full or in part", mutating=True)
    p.add_argument("receipt", metavar="RECEIPT_NO")
    p.add_argument("--amount", help="amount in yuan (default: all that is left)")

    plus = sub.add_parser("plus", help="PLUS membership").add_subparsers(
        dest="plus_command", metavar="ACTION", required=True
    )
    p = add("sell", cmd_plus_sell, "sell or renew PLUS", mutating=True, parent=plus)
    p.add_argument("member", metavar="MEMBER_OR_PHONE")
    p = add(
        "activate",
        cmd_plus_activate,
        "PLUS for an activation code bought elsewhere (bank, airline, card, company); online",
        mutating=True,
        parent=plus,
    )
    p.add_argument("member", metavar="MEMBER_OR_PHONE")
    p.add_argument("code", metavar="ACTIVATION_CODE")

    p = add("adjust", cmd_adjust, "a supervisor's points adjustment with a reason", mutating=True)
    p.add_argument("member", metavar="MEMBER_OR_PHONE")
    p.add_argument("points", type=int, help="points to add (negative to take away)")
    p.add_argument("--reason", required=True)

    p = add(
        "grant",
        cmd_grant,
        "give a member points the store funds from its budget at the ledger (online only)",
        mutating=True,
    )
    p.add_argument("member", metavar="MEMBER_OR_PHONE")
    p.add_argument("points", type=int, help="points to give")
    p.add_argument("--reason", required=True, help="why the store gives them")

    coupon = sub.add_parser("coupon", help="coupons").add_subparsers(
        dest="coupon_command", metavar="ACTION", required=True
    )
    p = add("issue", cmd_coupon_issue, "give a member a coupon", mutating=True, parent=coupon)
    p.add_argument("member", metavar="MEMBER_OR_PHONE")
    p.add_argument("template")

    add("expire", cmd_expire, "expire points past their last day (safe to repeat)")
    p = add(
        "report",
        cmd_report,
        "a day's totals per cashier (sales, PLUS, refunds, adjustments, gross and net, points)",
    )
    p.add_argument("--day", help="the shop's business day, YYYY-MM-DD (default: today)")
    p.add_argument("--csv", metavar="FILE", help="also write the report as CSV to FILE")
    p.add_argument("--pdf", metavar="FILE", help="also write the report as PDF to FILE")

    journal = sub.add_parser("journal", help="the points journal").add_subparsers(
        dest="journal_command", metavar="ACTION", required=True
    )
    add(
        "verify",
        cmd_verify,
        "check the hash chain and balance invariants (exit 1 if broken)",
        parent=journal,
    )

    cashier = sub.add_parser("cashier", help="cashiers").add_subparsers(
        dest="cashier_command", metavar="ACTION", required=True
    )
    p = add("add", cmd_cashier_add, "add a cashier (admin only)", mutating=True, parent=cashier)
    p.add_argument("id")
    p.add_argument("--name", required=True)
    p.add_argument("--role", choices=["cashier", "supervisor", "admin"], default="cashier")
    p.add_argument("--pin", required=True, help="4 to 8 digits")
    p = add(
        "first",
        cmd_cashier_first,
        "add the first cashier, an admin, to a terminal that has none (e.g. just paired)",
        parent=cashier,
    )
    p.add_argument("id")
    p.add_argument("--name", required=True)
    p.add_argument("--pin", required=True, help="4 to 8 digits")
    add("list", cmd_cashier_list, "list cashiers", parent=cashier)
    p = add(
        "sign-in",
        cmd_cashier_sign_in,
        "check a cashier's PIN read from standard input (wrong ones count towards the lockout)",
        parent=cashier,
    )
    p.add_argument("id")

    p = add("backup", cmd_backup, "copy the terminal's database safely, even while it runs")
    p.add_argument("file", metavar="FILE", help="where to write the backup (a new file)")
    p.add_argument("--overwrite", action="store_true", help="replace FILE if it exists")
    p = add(
        "restore",
        cmd_restore,
        "replace the terminal's database with a backup (stop the terminal first; the old "
        "database is kept beside it)",
    )
    p.add_argument("file", metavar="FILE", help="a file made by 'memberdesk backup'")

    settings = sub.add_parser("config", help="the settings file").add_subparsers(
        dest="config_command", metavar="ACTION", required=True
    )
    add("path", cmd_config_path, "print which settings file applies", parent=settings)
    add(
        "check",
        cmd_config_check,
        "validate the settings file and print every setting",
        parent=settings,
    )

    for register in parts.commands:
        register(sub, _common)
    parser.set_defaults(parts=parts)
    return parser


def main(parts: TerminalParts, argv: Sequence[str] | None = None) -> int:
    """The ``memberdesk`` program, with the parts its composition root made."""
    parser = build_parser(parts)
    args = parser.parse_args(argv)
    # --config holds for this command only: a later terminal opened in the same process
    # (a test, an embedding program) reads the usual places again.
    use_config_file(Path(args.config) if args.config else None)
    # Whatever this process makes (databases, logs, cards, snapshots) is its user's only.
    umask = os.umask(PRIVATE_UMASK)
    try:
        return _main(parser, args, argv)
    finally:
        os.umask(umask)
        use_config_file(None)


def _main(
    parser: argparse.ArgumentParser, args: argparse.Namespace, argv: Sequence[str] | None
) -> int:
    if args.self_test:
        checks = all_checks(Path(args.data_dir), args.parts.checks)
        checks.append(Check("commands", lambda _scratch: check_commands(parser)))
        return run_self_test(checks)
    if args.command is None:
        args = parser.parse_args([*(argv if argv is not None else sys.argv[1:]), "run"])
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    data_dir = Path(args.data_dir)
    try:
        if data_dir.is_dir() or args.command in CREATING_COMMANDS:
            setup_logging(data_dir, args.log_level, console=False)
    except OSError:
        # A read-only or full disk: reading commands still work, and one that writes says
        # what is wrong; nothing goes to stderr but that one message.
        logging.getLogger().addHandler(logging.NullHandler())
    try:
        try:
            return handler(args)
        finally:
            while _opened:
                _opened.pop().close()
    except MemberDeskError as error:
        return _refuse(args, error)
    except (DBAPIError, sqlite3.Error, OSError) as error:
        explained = failures.explain(error, _database_path(data_dir))
        if explained is None:
            if not isinstance(error, OSError):
                raise
            explained = MemberDeskError(f"{error.strerror or error}; nothing was changed.")
        log.warning("refused: %s (%s)", explained.code, type(error).__name__)
        return _refuse(args, explained)
    except OverflowError:
        return _refuse(args, MemberDeskError("A number is too large; nothing was changed."))


def _database_path(data_dir: Path) -> Path:
    from app.config import load_settings

    try:
        return load_settings(data_dir).database_path
    except MemberDeskError:
        from app.config import DATABASE_NAME

        return data_dir / DATABASE_NAME


def _refuse(args: argparse.Namespace, error: MemberDeskError) -> int:
    # The code, not the message: a message can quote what was typed (a phone, a name).
    log.info("refused: %s", error.code)
    if getattr(args, "json", False):
        print(json.dumps({"error": error.to_dict()}, ensure_ascii=False, default=str))
    print(f"memberdesk: {error.message}", file=sys.stderr)
    return 1
