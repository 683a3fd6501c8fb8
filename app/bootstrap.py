"""The composition root: open the database, load the rule book, wire the use cases.

The screen and the command line both get a ``Terminal`` from ``open_terminal`` and call its
methods; neither opens a database session of its own.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.config import Settings, load_settings
from app.domain.errors import DatabaseCorrupt, DatabaseMissing, InvalidInput, NotAllowed
from app.domain.quote import Line, Quote
from app.domain.rulebook import RuleBook
from app.paths import default_rule_book
from app.services import (
    adjust,
    checkout,
    coupons,
    expiry,
    grants,
    lookups,
    member_codes,
    members,
    plus,
    receipts,
    redeem,
    refund,
    replica,
    reports,
    search,
    servicedesk,
    setup,
    staff,
    undo,
    verify,
)
from app.services.context import Actor, Clock, Role, ServiceContext, SystemClock
from app.services.member_codes import MemberCheck, ScannedMember
from app.services.views import (
    AdjustResult,
    AwardResult,
    CouponIssued,
    DayReport,
    EnrollResult,
    ExpireResult,
    GrantResult,
    MemberCard,
    PlusResult,
    RedeemResult,
    RefundResult,
    VerifyReport,
)
from app.store import failures
from app.store import identity as identity_file
from app.store.db import open_database

log = logging.getLogger(__name__)


Connect = Callable[["Terminal"], None]
"""Wires a terminal to its ledger (sync's ``connect``): given to ``open_terminal`` by each
process's composition root, called again after a pairing."""


@dataclass
class Terminal:
    """Every use case of the counter, bound to one terminal's database and rules."""

    ctx: ServiceContext
    settings: Settings
    connect: Connect | None = None
    closed: bool = False
    # the paired ledger's history of a member at every counter (set by ``connect``)
    mall_history: servicedesk.MallHistory | None = None

    def connect_ledger(self) -> None:
        """(Re)wire the link to the ledger, e.g. right after pairing in this process."""
        if self.connect is None:
            raise NotAllowed(
                "This terminal was opened without its ledger link, so it cannot pair or "
                "redeem online. Use the memberdesk program."
            )
        self.connect(self)
        self.keep_identity()

    @property
    def rules(self) -> RuleBook:
        return self.ctx.rules

    def close(self) -> None:
        """Keep the identity file up to date and let go of the database (again: a no-op)."""
        if self.closed:
            return
        self.keep_identity()
        self.closed = True
        self.ctx.database.dispose()

    def keep_identity(self) -> None:
        """Write the terminal's identity and position beside its database (when changed):
        if the database ever vanishes, the terminal refuses to start empty."""
        if self.closed:  # a read now would make the database file again
            return
        try:
            with self.ctx.read() as session:
                kept = identity_file.of_database(session)
        except (DBAPIError, sqlite3.Error):
            return  # the database's own trouble is reported where it is used
        if kept is not None:
            identity_file.write(self.settings.data_dir, kept)

    # -- identify and look
    def identify(self, query: str) -> str:
        return members.identify(self.ctx, query)

    def card(self, query: str) -> MemberCard:
        return members.member_card(self.ctx, query)

    def quote(
        self, member_id: str, lines: Sequence[Line], coupon: str | None = None, points: int = 0
    ) -> Quote:
        return checkout.quote_purchase(
            self.ctx, member_id=member_id, lines=lines, coupon_code=coupon, points_to_use=points
        )

    # -- change things (each takes a client request id and applies once)
    def enroll(
        self,
        request_id: str,
        actor: Actor,
        *,
        phone: str,
        name: str,
        birthday: date | None = None,
        consent: bool = False,
        member_id: str | None = None,
        referrer: str | None = None,
    ) -> EnrollResult:
        return members.enroll(
            self.ctx,
            request_id=request_id,
            actor=actor,
            phone=phone,
            name=name,
            birthday=birthday,
            consent=consent,
            member_id=member_id,
            referrer=referrer,
        )

    def award(
        self,
        request_id: str,
        actor: Actor,
        member_id: str,
        lines: Sequence[Line],
        coupon: str | None = None,
        points: int = 0,
        member_check: MemberCheck | None = None,
    ) -> AwardResult:
        return checkout.award(
            self.ctx,
            request_id=request_id,
            actor=actor,
            member_id=member_id,
            lines=lines,
            coupon_code=coupon,
            points_to_use=points,
            member_check=member_check,
        )

    def redeem(
        self,
        request_id: str,
        actor: Actor,
        member_id: str,
        kind: str,
        item: str | None = None,
        points: int = 0,
        amount_fen: int = 0,
        member_check: MemberCheck | None = None,
    ) -> RedeemResult:
        return redeem.redeem(
            self.ctx,
            request_id=request_id,
            actor=actor,
            member_id=member_id,
            kind=kind,
            item=item,
            points=points,
            amount_fen=amount_fen,
            member_check=member_check,
        )

    def scan(self, text: str) -> ScannedMember:
        """The member a scanned code or a typed number names; a phone code is taken once."""
        return member_codes.scan(self.ctx, text)

    def verify_code(self, text: str) -> ScannedMember:
        """Check a member code offline without taking it."""
        return member_codes.verify(self.ctx, text)

    def verify_member(self, member_id: str, answer: str) -> bool:
        """Whether the member's answer (phone's last 4 digits, or PIN) proves who they are."""
        return member_codes.answer_matches(self.ctx, member_id, answer)

    def refund(
        self, request_id: str, actor: Actor, receipt_no: str, amount_fen: int | None = None
    ) -> RefundResult:
        return refund.refund(
            self.ctx,
            request_id=request_id,
            actor=actor,
            receipt_no=receipt_no,
            amount_fen=amount_fen,
        )

    def sell_plus(self, request_id: str, actor: Actor, member_id: str) -> PlusResult:
        return plus.sell_plus(self.ctx, request_id=request_id, actor=actor, member_id=member_id)

    def activate_plus(self, request_id: str, actor: Actor, member_id: str, code: str) -> PlusResult:
        return plus.activate_plus(
            self.ctx, request_id=request_id, actor=actor, member_id=member_id, code=code
        )

    def issue_coupon(
        self, request_id: str, actor: Actor, member_id: str, template: str
    ) -> CouponIssued:
        return coupons.issue_coupon(
            self.ctx,
            request_id=request_id,
            actor=actor,
            member_id=member_id,
            template_code=template,
        )

    def adjust(
        self, request_id: str, actor: Actor, member_id: str, points: int, reason: str
    ) -> AdjustResult:
        return adjust.adjust(
            self.ctx,
            request_id=request_id,
            actor=actor,
            member_id=member_id,
            points=points,
            reason=reason,
        )

    def grant(
        self, request_id: str, actor: Actor, member_id: str, points: int, reason: str
    ) -> GrantResult:
        return grants.grant_points(
            self.ctx,
            request_id=request_id,
            actor=actor,
            member_id=member_id,
            points=points,
            reason=reason,
        )

    def expire(self, actor: Actor = staff.SYSTEM) -> ExpireResult:
        return expiry.expire_points(self.ctx, actor=actor)

    # -- staff and reports
    def cashiers(self) -> list[Actor]:
        return staff.list_cashiers(self.ctx)

    def add_cashier(self, actor: Actor, cashier_id: str, name: str, role: Role, pin: str) -> None:
        staff.add_cashier(
            self.ctx, actor=actor, cashier_id=cashier_id, name=name, role=role, pin=pin
        )

    def add_first_admin(self, cashier_id: str, name: str, pin: str) -> None:
        """The first cashier (an admin) of a terminal that has none, e.g. one just paired."""
        staff.add_first_admin(self.ctx, cashier_id=cashier_id, name=name, pin=pin)

    def sign_in(self, cashier_id: str, pin: str) -> Actor:
        attempts, minutes = self._pin_limits()
        return staff.sign_in(self.ctx, cashier_id, pin, attempts=attempts, lock_minutes=minutes)

    def approve(self, actor: Actor, supervisor_id: str, pin: str, action: str) -> Actor:
        """A supervisor's PIN in place, for ``action`` at ``actor``'s counter (audited)."""
        attempts, minutes = self._pin_limits()
        return staff.approve(
            self.ctx, actor, supervisor_id, pin, action, attempts=attempts, lock_minutes=minutes
        )

    def _pin_limits(self) -> tuple[int, int]:
        """(wrong PINs that lock, minutes locked), from the settings."""
        return (
            int(self.settings.get("staff.pin_attempts")),
            int(self.settings.get("staff.pin_lockout_minutes")),
        )

    def actor(self, cashier_id: str) -> Actor:
        """The cashier record without a PIN check, for the operator's command line."""
        for known in self.cashiers():
            if known.cashier_id == cashier_id:
                return known
        if cashier_id == staff.SYSTEM.cashier_id:
            return staff.SYSTEM
        raise NotAllowed(f"There is no cashier {cashier_id!r} on this terminal.")

    def open_shift(self, actor: Actor) -> int:
        return staff.open_shift(self.ctx, actor)

    def close_shift(self, actor: Actor) -> DayReport:
        return staff.close_shift(self.ctx, actor)

    def end_of_day(self, day: date | None = None) -> DayReport:
        return reports.end_of_day(self.ctx, day)

    def set_gift_stock(self, actor: Actor, gift: str, stock: int) -> None:
        redeem.set_gift_stock(self.ctx, actor=actor, gift_code=gift, stock=stock)

    def outbox_waiting(self) -> int:
        """Events not yet taken by the ledger (the status bar's 'N events waiting')."""
        return replica.events_waiting(self.ctx)

    def sync_state(self) -> replica.SyncState:
        return replica.sync_state(self.ctx)

    def verify(self) -> VerifyReport:
        return verify.verify_journal(self.ctx)

    # -- reads for the counter's flows (helper-flows)
    def gift_stock(self) -> dict[str, int]:
        """Gifts on the shelf by gift code."""
        return lookups.gift_stock(self.ctx)

    def refund_preview(self, receipt_no: str) -> lookups.RefundPreview:
        """A purchase and what is left of it to refund (UnknownReceipt if none)."""
        return lookups.refund_preview(self.ctx, receipt_no)

    def receipts_today(self) -> list[lookups.TodayReceipt]:
        """Today's purchases on this terminal, newest first (bounded)."""
        return lookups.receipts_today(self.ctx)

    # -- find and recover at the counter
    def search_members(self, query: str) -> list[search.MemberHit]:
        """By the beginning of a name, a phone or its last 4 digits, a member number."""
        return search.search_members(self.ctx, query)

    def recent_members(self) -> list[search.MemberHit]:
        """The members this counter served last, newest first."""
        return search.recent_members(self.ctx)

    def last_redemption(self) -> undo.LastRedemption | None:
        """What an undo would give back (None: nothing to undo)."""
        return undo.last_redemption(self.ctx)

    def undo_redemption(
        self,
        request_id: str,
        actor: Actor,
        member_id: str | None = None,
        approved_by: Actor | None = None,
    ) -> undo.UndoResult:
        """Undo the newest redemption (of ``member_id``), within ``redeem.undo_minutes``."""
        return undo.undo_last_redemption(
            self.ctx,
            request_id=request_id,
            actor=actor,
            member_id=member_id,
            minutes=int(self.settings.get("redeem.undo_minutes")),
            approved_by=approved_by,
        )

    # -- service desk and receipts (read-only, except the supervisor's write-off)
    def history(self, query: str, *, mall: bool = False) -> servicedesk.MemberHistory:
        """The member's history here; with ``mall``, also every counter's events as the
        paired ledger has them (this counter's only, and says so, when it does not answer)."""
        return servicedesk.member_history(self.ctx, query, mall=self.mall_history if mall else None)

    def overdrafts(self) -> list[servicedesk.OverdraftItem]:
        return servicedesk.open_overdrafts(self.ctx)

    def write_off_overdraft(
        self, request_id: str, actor: Actor, member_id: str, reason: str
    ) -> AdjustResult:
        return servicedesk.write_off_overdraft(
            self.ctx, request_id=request_id, actor=actor, member_id=member_id, reason=reason
        )

    def receipt(self, receipt_no: str) -> receipts.ReceiptView:
        return receipts.receipt(self.ctx, receipt_no)


def open_terminal(
    data_dir: Path,
    *,
    clock: Clock | None = None,
    settings: Settings | None = None,
    rule_book: RuleBook | None = None,
    create: bool = True,
    connect: Connect | None = None,
    read_only: bool = False,
) -> Terminal:
    """Open (creating and migrating if needed) the terminal whose data is in ``data_dir``.

    With ``create=False`` a missing database is refused rather than made, so a mistyped
    ``--data-dir`` never starts a second terminal with the same id. A database that is
    missing or empty while the terminal's identity file says it had one is refused either
    way (``DatabaseMissing``), and a damaged one is named (``DatabaseCorrupt``), never
    replaced. ``connect`` wires the ledger link (online holds); a paired terminal opened
    without it is refused, never silently left to redeem without asking the ledger.
    ``read_only`` opens it for reading only (a read-only data directory).
    """
    settings = settings or load_settings(data_dir)
    path = settings.database_path
    present = database_present(settings)
    if not present and (not create or read_only):
        raise InvalidInput(
            f"There is no terminal database in {settings.data_dir}. Check --data-dir, or "
            "create one with 'memberdesk demo' or 'memberdesk run'.",
            field="data_dir",
        )
    try:
        terminal = _open(settings, clock, rule_book, connect, read_only)
    except (DBAPIError, sqlite3.Error, OSError) as error:
        explained = failures.explain(error, path)
        if explained is None:
            raise
        raise explained from error
    if not read_only:
        terminal.keep_identity()
    return terminal


def database_present(settings: Settings) -> bool:
    """Whether the terminal's database is there (False: none, and none was ever made here).
    Damaged is ``DatabaseCorrupt``; missing or empty while the identity file says the
    terminal had one is ``DatabaseMissing``."""
    path = settings.database_path
    kept = identity_file.read(settings.data_dir)
    try:
        present = failures.check_file(path)
    except DatabaseCorrupt:
        if kept is None or path.stat().st_size > 0:
            raise
        present = False  # empty, and the identity file says it had data: it vanished
    if not present and kept is not None:
        raise DatabaseMissing(
            f"The terminal database {path} is missing or empty, but this data directory "
            f"belongs to {kept.describe()}: it is not started as a new, empty terminal. "
            "Restore the last backup with 'memberdesk restore FILE', or set what is left "
            "aside with 'memberdesk reset --confirm' and pair again to re-bootstrap from the "
            "ledger.",
            path=str(path),
            terminal_id=kept.terminal_id,
            last_seq=kept.last_seq,
        )
    return present


def _open(
    settings: Settings,
    clock: Clock | None,
    rule_book: RuleBook | None,
    connect: Connect | None,
    read_only: bool,
) -> Terminal:
    database = open_database(settings.database_path, read_only=read_only)
    clock = clock or SystemClock()
    with Session(database.reader) as session:
        identity = setup.identity(session)
        installed = setup.installed_rule_book(session)
    if identity is None:
        if read_only:
            database.dispose()
            raise failures.read_only(settings.data_dir)
        with Session(database.writer) as session, session.begin():
            setup.ensure_identity(session, settings.terminal_id, settings.store_code, clock.now())
        identity = (settings.terminal_id, settings.store_code)
    # After pairing, the ledger's names for this terminal and its store win over settings.
    terminal_id, store_code = identity
    rules = installed or setup.read_rule_book_file(default_rule_book())
    ctx = ServiceContext(
        database=database,
        rules=rules,
        clock=clock,
        timezone=settings.zone,
        store_code=store_code,
        terminal_id=terminal_id,
    )
    if not read_only and (
        installed is None or (rule_book is not None and rule_book.version > installed.version)
    ):
        setup.install_rule_book(ctx, rule_book or rules)
    terminal = Terminal(ctx, settings, connect)
    if connect is not None:
        connect(terminal)
    elif terminal.sync_state().paired:
        terminal.close()
        raise NotAllowed(
            f"The terminal in {settings.data_dir} is paired with a ledger, but this program "
            "was started without its ledger link; nothing was changed. Use the memberdesk "
            "program."
        )
    log.info(
        "terminal %s of store %s opened at %s (rule book v%d)",
        terminal_id,
        store_code,
        settings.database_path,
        ctx.rules.version,
    )
    return terminal
