"""Wrong PINs lock a cashier id for a while: audited, alike for known and unknown ids, and
a supervisor's PIN approves an action in place without anyone signing out."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from probe import DbProbe

from app.bootstrap import Terminal
from app.domain.errors import NotAllowed, WrongPin
from app.services.context import Actor, FixedClock


def _fail(terminal: Terminal, cashier_id: str, times: int) -> list[WrongPin]:
    errors = []
    for _ in range(times):
        with pytest.raises(WrongPin) as info:
            terminal.sign_in(cashier_id, "0000")
        errors.append(info.value)
    return errors


@pytest.mark.parametrize("cashier_id", ["lin", "ghost"])
def test_five_wrong_pins_lock_the_id_known_or_not(
    terminal: Terminal, db: DbProbe, clock: FixedClock, cashier_id: str
) -> None:
    errors = _fail(terminal, cashier_id, 5)
    assert [e.params.get("kind") for e in errors] == [None, None, None, None, "locked"]
    assert errors[-1].params["minutes"] == 5
    assert db.count("audit_log", f"action = 'pin_failed' AND cashier_id = '{cashier_id}'") == 4
    assert db.count("audit_log", f"action = 'pin_locked' AND cashier_id = '{cashier_id}'") == 1
    # locked: even the right PIN is refused, and says for how long
    clock.advance(minutes=2)
    with pytest.raises(WrongPin) as info:
        terminal.sign_in(cashier_id, "1111")
    assert (info.value.params["kind"], info.value.params["minutes"]) == ("locked", 3)
    assert db.count("audit_log", "action = 'pin_refused_locked'") == 1
    assert db.count("audit_log", "action = 'sign_in'") == 0


def test_the_lock_ends_and_a_right_pin_clears_the_count(
    terminal: Terminal, db: DbProbe, clock: FixedClock
) -> None:
    _fail(terminal, "lin", 5)
    clock.advance(minutes=5, seconds=1)
    assert terminal.sign_in("lin", "1111").cashier_id == "lin"
    assert db.count("pin_lockouts", "cashier_id = 'lin'") == 0
    # the count starts again from nothing: four wrong ones do not lock
    errors = _fail(terminal, "lin", 4)
    assert all(e.params.get("kind") is None for e in errors)
    assert terminal.sign_in("lin", "1111").cashier_id == "lin"


def test_known_and_unknown_ids_cost_the_same_pin_hash(
    terminal: Terminal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The time a refusal takes is the scrypt's: exactly one per attempt, whoever it is."""
    real: Callable[..., bytes] = hashlib.scrypt
    calls: list[int] = []

    def counting(*args: object, **kwargs: object) -> bytes:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    with pytest.raises(WrongPin):
        terminal.sign_in("ghost", "0000")  # makes the stand-in hash once, if not yet made
    monkeypatch.setattr(hashlib, "scrypt", counting)
    for who in ("lin", "ghost", "nobody-else"):
        calls.clear()
        with pytest.raises(WrongPin):
            terminal.sign_in(who, "0000")
        assert len(calls) == 1, who


def test_a_supervisor_pin_approves_in_place(
    terminal: Terminal, cashier: Actor, db: DbProbe
) -> None:
    supervisor = terminal.approve(cashier, "sam", "2222", "A points adjustment")
    assert supervisor.cashier_id == "sam"
    row = db.rows("SELECT cashier_id, detail FROM audit_log WHERE action = 'approve'")
    assert row == [("sam", '{"at_counter_of":"lin","what":"A points adjustment"}')]
    # a cashier's PIN approves nothing; a wrong supervisor PIN counts towards the lockout
    with pytest.raises(NotAllowed):
        terminal.approve(cashier, "lin", "1111", "A points adjustment")
    with pytest.raises(WrongPin):
        terminal.approve(cashier, "sam", "0000", "A points adjustment")
    assert db.count("pin_lockouts", "cashier_id = 'sam' AND failures = 1") == 1


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cashier_id=st.text(max_size=80), pin=st.text(max_size=20))
def test_any_id_and_pin_is_a_refusal_in_words(
    terminal: Terminal, cashier_id: str, pin: str
) -> None:
    """Whatever is typed (or piped into ``memberdesk cashier sign-in``): WrongPin, never a
    crash, and never a way in."""
    assume((cashier_id.strip(), pin) not in {("lin", "1111"), ("sam", "2222")})
    with pytest.raises(WrongPin):
        terminal.sign_in(cashier_id, pin)
