"""Cashiers, PINs, sign-in and shifts."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput, NotAllowed, WrongPin
from app.services.common import audit
from app.services.context import ROLE_RANK, Actor, Role, ServiceContext
from app.services.reports import DayReport, totals_between
from app.store.models import Cashier, PinLockout, Shift

# scrypt parameters: ~50 ms a check, so a stolen database does not give PINs away cheaply.
_N, _R, _P = 2**14, 8, 1

SYSTEM = Actor("system", "System", "admin")
PIN_ATTEMPTS = 5  # wrong PINs in a row that lock a cashier id (settings: staff.pin_attempts)
PIN_LOCK_MINUTES = 5  # for how long (settings: staff.pin_lockout_minutes)
MAX_CASHIER_ID = 64


def hash_pin(pin: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P)
    return f"scrypt${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    try:
        scheme, salt_hex, digest_hex = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    digest = hashlib.scrypt(
        pin.encode(errors="surrogatepass"), salt=bytes.fromhex(salt_hex), n=_N, r=_R, p=_P
    )
    return hmac.compare_digest(digest.hex(), digest_hex)


def check_pin_format(pin: str) -> str:
    if not (pin.isdigit() and 4 <= len(pin) <= 8):
        raise InvalidInput("A PIN is 4 to 8 digits.", field="pin")
    return pin


def add_cashier(
    ctx: ServiceContext, *, actor: Actor, cashier_id: str, name: str, role: Role, pin: str
) -> None:
    actor.require("admin", "Adding a cashier")
    if role not in ROLE_RANK:
        raise InvalidInput(f"A role is cashier, supervisor or admin, not {role!r}.", field="role")
    check_pin_format(pin)
    with ctx.write() as session:
        if session.get(Cashier, cashier_id) is not None:
            raise InvalidInput(f"Cashier {cashier_id!r} already exists.", field="cashier_id")
        session.add(
            Cashier(
                cashier_id=cashier_id, name=name, role=role, pin_hash=hash_pin(pin), active=True
            )
        )
        audit(
            session, actor=actor, action="add_cashier", now=ctx.now(), cashier=cashier_id, role=role
        )


def add_first_admin(ctx: ServiceContext, *, cashier_id: str, name: str, pin: str) -> None:
    """The terminal's first cashier, an admin, on a terminal that has none (a newly paired
    PC): refused once any cashier exists, so it cannot be used to slip in a second admin."""
    check_pin_format(pin)
    with ctx.write() as session:
        if session.scalar(select(Cashier.cashier_id).limit(1)) is not None:
            raise NotAllowed(
                "This terminal already has cashiers; an admin adds more with "
                "'memberdesk cashier add ID --cashier ADMIN'."
            )
        session.add(
            Cashier(
                cashier_id=cashier_id, name=name, role="admin", pin_hash=hash_pin(pin), active=True
            )
        )
        audit(session, actor=SYSTEM, action="add_first_admin", now=ctx.now(), cashier=cashier_id)


def list_cashiers(ctx: ServiceContext) -> list[Actor]:
    with ctx.read() as session:
        rows = session.scalars(
            select(Cashier).where(Cashier.active.is_(True)).order_by(Cashier.name)
        ).all()
        return [Actor(c.cashier_id, c.name, _role(c.role)) for c in rows]


def _role(text: str) -> Role:
    if text == "admin":
        return "admin"
    if text == "supervisor":
        return "supervisor"
    return "cashier"


@cache
def _stand_in_hash() -> str:
    """A PIN hash no PIN is checked against for real: an unknown cashier id costs the same
    scrypt as a known one, so the time taken does not tell which ids exist."""
    return hash_pin(secrets.token_hex(8))


def _minutes_left(until: datetime, now: datetime) -> int:
    return max(1, -(-int((until - now).total_seconds()) // 60))


def sign_in(
    ctx: ServiceContext,
    cashier_id: str,
    pin: str,
    *,
    attempts: int = PIN_ATTEMPTS,
    lock_minutes: int = PIN_LOCK_MINUTES,
    action: str = "sign_in",
    **detail: Any,
) -> Actor:
    """The cashier, if the PIN is theirs (audited as ``action`` with ``detail``).

    ``attempts`` wrong PINs in a row lock the id for ``lock_minutes`` (even the right PIN is
    refused then); known and unknown ids are treated alike, in the same time, and every
    failure and lock is audited."""
    key = cashier_id.strip()[:MAX_CASHIER_ID]
    failure: WrongPin
    with ctx.write() as session:
        cashier = session.get(Cashier, key)
        usable = cashier is not None and cashier.active
        stored = cashier.pin_hash if cashier is not None and usable else _stand_in_hash()
        matches = pin_matches(pin, stored) and usable  # scrypt runs whoever it is
        now = ctx.now()
        lock = session.get(PinLockout, key)
        someone = Actor(key, cashier.name if cashier is not None else key, "cashier")
        if lock is not None and lock.locked_until is not None and lock.locked_until > now:
            minutes = _minutes_left(lock.locked_until, now)
            audit(session, actor=someone, action="pin_refused_locked", now=now, minutes=minutes)
            failure = _locked(minutes)
        elif matches and cashier is not None:
            if lock is not None:
                session.delete(lock)
            actor = Actor(cashier.cashier_id, cashier.name, _role(cashier.role))
            audit(session, actor=actor, action=action, now=now, **detail)
            return actor
        else:
            if lock is None:
                lock = PinLockout(cashier_id=key, failures=0, locked_until=None)
                session.add(lock)
            lock.failures += 1
            if lock.failures >= attempts:
                lock.failures = 0
                lock.locked_until = now + timedelta(minutes=lock_minutes)
                audit(session, actor=someone, action="pin_locked", now=now, minutes=lock_minutes)
                failure = _locked(lock_minutes)
            else:
                audit(session, actor=someone, action="pin_failed", now=now, failures=lock.failures)
                # The same message either way: do not tell a stranger which ids exist.
                failure = WrongPin("That PIN is not right. Try again, or ask a supervisor.")
    raise failure  # after the block: the failure and its count are committed


def _locked(minutes: int) -> WrongPin:
    return WrongPin(
        f"Too many wrong PINs: this cashier is locked for {minutes} more minutes. Wait, or "
        "ask a supervisor to sign in.",
        kind="locked",
        minutes=minutes,
    )


def approve(
    ctx: ServiceContext,
    actor: Actor,
    supervisor_id: str,
    pin: str,
    action: str,
    *,
    attempts: int = PIN_ATTEMPTS,
    lock_minutes: int = PIN_LOCK_MINUTES,
) -> Actor:
    """A supervisor approves ``action`` at ``actor``'s counter with their PIN, without the
    cashier signing out: the supervisor is returned (the action runs in their name) and the
    approval is audited naming both. The same PIN checks and lockout as signing in."""
    supervisor = sign_in(
        ctx,
        supervisor_id,
        pin,
        attempts=attempts,
        lock_minutes=lock_minutes,
        action="approve",
        what=action[:80],
        at_counter_of=actor.cashier_id,
    )
    # A cashier's PIN approves nothing (their PIN was right: no failure is counted).
    supervisor.require("supervisor", action)
    return supervisor


def open_shift(ctx: ServiceContext, actor: Actor) -> int:
    """Open the cashier's shift (or return the one already open)."""
    with ctx.write() as session:
        current = _open_shift(session, actor.cashier_id)
        if current is not None:
            return current.shift_id
        shift = Shift(cashier_id=actor.cashier_id, opened_at=ctx.now(), closed_at=None)
        session.add(shift)
        session.flush()
        audit(session, actor=actor, action="open_shift", now=ctx.now(), shift=shift.shift_id)
        return shift.shift_id


def _open_shift(session: Session, cashier_id: str) -> Shift | None:
    return session.scalar(
        select(Shift).where(Shift.cashier_id == cashier_id, Shift.closed_at.is_(None))
    )


def close_shift(ctx: ServiceContext, actor: Actor) -> DayReport:
    """Close the open shift and return its totals (the cashier's own work in it)."""
    with ctx.write() as session:
        shift = _open_shift(session, actor.cashier_id)
        if shift is None:
            raise NotAllowed(f"{actor.name} has no open shift to close.")
        now = ctx.now()
        shift.closed_at = now
        audit(session, actor=actor, action="close_shift", now=now, shift=shift.shift_id)
        opened = shift.opened_at
    return totals_between(ctx, opened, now, cashier_id=actor.cashier_id, shift=True)
