"""Cashiers, roles, PINs and shifts."""

from __future__ import annotations

import pytest
from probe import DbProbe

from app.bootstrap import Terminal
from app.domain.errors import InvalidInput, NotAllowed, WrongPin
from app.services.context import Actor
from app.services.staff import SYSTEM


def test_sign_in_with_the_right_pin(terminal: Terminal, db: DbProbe) -> None:
    actor = terminal.sign_in("lin", "1111")
    assert actor == Actor("lin", "Lin Cashier", "cashier")
    assert db.count("audit_log", "action = 'sign_in' AND cashier_id = 'lin'") == 1
    assert "1111" not in repr(db.rows("SELECT pin_hash FROM cashiers"))


@pytest.mark.parametrize(("cashier_id", "pin"), [("lin", "1112"), ("lin", ""), ("ghost", "1111")])
def test_a_wrong_pin_or_unknown_cashier_gets_the_same_refusal(
    terminal: Terminal, db: DbProbe, cashier_id: str, pin: str
) -> None:
    with pytest.raises(WrongPin) as info:
        terminal.sign_in(cashier_id, pin)
    assert info.value.message == "That PIN is not right. Try again, or ask a supervisor."
    # the failure is counted and audited alike for a known and an unknown id (the lockout)
    assert db.count("audit_log", f"action = 'pin_failed' AND cashier_id = '{cashier_id}'") == 1
    assert db.count("pin_lockouts", f"cashier_id = '{cashier_id}' AND failures = 1") == 1


def test_cashiers_are_listed_by_name(terminal: Terminal) -> None:
    assert [(a.cashier_id, a.role) for a in terminal.cashiers()] == [
        ("lin", "cashier"),
        ("sam", "supervisor"),
    ]


def test_an_admin_adds_a_cashier_who_can_sign_in(terminal: Terminal) -> None:
    terminal.add_cashier(SYSTEM, "ada", "Ada Admin", "admin", "98765432")
    assert terminal.sign_in("ada", "98765432").role == "admin"


@pytest.mark.parametrize("who", ["lin", "sam"])
def test_only_an_admin_adds_cashiers(terminal: Terminal, db: DbProbe, who: str) -> None:
    with db.refused(NotAllowed, "needs an admin"):
        terminal.add_cashier(terminal.actor(who), "eve", "Eve", "admin", "1234")


@pytest.mark.parametrize(
    ("cashier_id", "role", "pin", "field"),
    [
        ("eve", "cashier", "123", "pin"),
        ("eve", "cashier", "123456789", "pin"),
        ("eve", "cashier", "12a4", "pin"),
        ("eve", "boss", "1234", "role"),
        ("lin", "cashier", "1234", "cashier_id"),
    ],
)
def test_bad_cashiers_are_refused(
    terminal: Terminal, db: DbProbe, cashier_id: str, role: str, pin: str, field: str
) -> None:
    with db.refused(InvalidInput) as info:
        terminal.add_cashier(SYSTEM, cashier_id, "Eve", role, pin)  # type: ignore[arg-type]
    assert info.value.params["field"] == field


def test_an_unknown_cashier_cannot_act(terminal: Terminal, db: DbProbe) -> None:
    with db.refused(NotAllowed, "no cashier 'ghost'"):
        terminal.actor("ghost")


def test_closing_a_shift_that_is_not_open_is_refused(
    terminal: Terminal, cashier: Actor, db: DbProbe
) -> None:
    with db.refused(NotAllowed, "no open shift"):
        terminal.close_shift(cashier)
    terminal.open_shift(cashier)
    terminal.close_shift(cashier)
    with db.refused(NotAllowed, "no open shift"):
        terminal.close_shift(cashier)
    assert db.count("shifts", "closed_at IS NOT NULL") == 1
