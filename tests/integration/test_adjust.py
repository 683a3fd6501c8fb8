"""A supervisor's points adjustment, with a reason."""

from __future__ import annotations

import pytest
from probe import DbProbe

from app.bootstrap import Terminal
from app.domain.errors import InsufficientPoints, InvalidInput, NotAllowed, UnknownMember
from app.services.context import Actor
from app.services.views import EnrollResult


def test_adjust_up_and_down_with_a_reason(
    terminal: Terminal, supervisor: Actor, member: EnrollResult, db: DbProbe
) -> None:
    up = terminal.adjust("adj-1", supervisor, member.member_id, 500, "  lost   receipt ")
    assert (up.points, up.reason, up.balance) == (500, "lost receipt", 500)
    down = terminal.adjust("adj-2", supervisor, member.member_id, -200, "double entry")
    assert (down.points, down.balance) == (-200, 300)
    assert terminal.card(member.member_id).points == 300
    assert db.rows("SELECT kind, points, note FROM journal ORDER BY entry_id") == [
        ("adjust", 500, "lost receipt"),
        ("adjust", -200, "double entry"),
    ]
    assert db.count("audit_log", "action = 'adjust' AND cashier_id = 'sam'") == 2
    assert db.count("outbox", "kind = 'adjust'") == 2
    assert terminal.verify().ok


def test_the_same_adjustment_twice_applies_once(
    terminal: Terminal, supervisor: Actor, member: EnrollResult, db: DbProbe
) -> None:
    first = terminal.adjust("adj-1", supervisor, member.member_id, 500, "goodwill")
    counts = db.counts()
    assert terminal.adjust("adj-1", supervisor, member.member_id, 500, "goodwill") == first
    assert db.counts() == counts


def test_a_cashier_may_not_adjust(
    terminal: Terminal, cashier: Actor, member: EnrollResult, db: DbProbe
) -> None:
    with db.refused(NotAllowed, "needs a supervisor; Lin Cashier is signed in as cashier"):
        terminal.adjust("adj-1", cashier, member.member_id, 500, "friend of mine")


@pytest.mark.parametrize(
    ("points", "reason", "field"),
    [
        (0, "nothing", "points"),
        (1_000_001, "absurd", "points"),
        (-1_000_001, "absurd", "points"),
        (10, "", "reason"),
        (10, "   ", "reason"),
        (10, "x" * 201, "reason"),
    ],
)
def test_bad_adjustments_are_refused(
    terminal: Terminal,
    supervisor: Actor,
    member: EnrollResult,
    db: DbProbe,
    points: int,
    reason: str,
    field: str,
) -> None:
    with db.refused(InvalidInput) as info:
        terminal.adjust("adj-1", supervisor, member.member_id, points, reason)
    assert info.value.params["field"] == field


def test_taking_more_than_the_balance_is_refused(
    terminal: Terminal, supervisor: Actor, rich_member: EnrollResult, db: DbProbe
) -> None:
    with db.refused(InsufficientPoints, "has 5000 points; 5001 are needed"):
        terminal.adjust("adj-1", supervisor, rich_member.member_id, -5_001, "typo")


def test_adjusting_an_unknown_member_is_refused(
    terminal: Terminal, supervisor: Actor, db: DbProbe
) -> None:
    with db.refused(UnknownMember):
        terminal.adjust("adj-1", supervisor, "M404", 10, "who")
