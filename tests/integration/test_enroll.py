"""Enrolling a member: what the counter shows, and every way it is refused."""

from __future__ import annotations

import json
from datetime import date

import pytest
from probe import DbProbe

from app.bootstrap import Terminal
from app.domain.errors import DuplicateMember, InvalidInput, RequestConflict
from app.services.context import Actor


def test_enroll_creates_a_member_with_an_empty_card(
    terminal: Terminal, cashier: Actor, db: DbProbe
) -> None:
    result = terminal.enroll(
        "e-1", cashier, phone="139 0000-0001", name="  Zhang   Wei ", birthday=date(1990, 5, 31)
    )
    assert result.phone == "13900000001"
    assert result.name == "Zhang Wei"
    assert result.enrolled_on == "2026-11-24"
    assert result.member_id.startswith("MT01")

    card = terminal.card(result.member_id)
    assert card.member_id == result.member_id
    assert card.name == "Z**** W**"
    assert card.phone == "139****0001"
    assert card.points == 0
    assert card.points_value_fen == 0
    assert card.open_overdraft == 0
    assert card.tier == "bronze"
    assert card.stage == "new"
    assert card.plus_active is False
    assert card.coupons == []
    assert card.unconfirmed_events == 1  # the enrolment event, not yet taken by the ledger

    assert db.count("members") == 1
    assert db.count("balances", "member_id = ? AND points = 0", result.member_id) == 1
    kind, payload = db.rows("SELECT kind, payload FROM outbox")[0]
    assert kind == "member_enrolled"
    assert json.loads(payload)["phone"] == "13900000001"
    assert db.count("audit_log", "action = 'enroll' AND cashier_id = 'lin'") == 1
    assert terminal.verify().ok


def test_enroll_with_a_chosen_member_id(terminal: Terminal, cashier: Actor) -> None:
    result = terminal.enroll("e-1", cashier, phone="13900000002", name="Li Na", member_id="M42")
    assert result.member_id == "M42"
    assert terminal.identify("M42") == "M42"


def test_the_same_request_twice_enrolls_once(
    terminal: Terminal, cashier: Actor, db: DbProbe
) -> None:
    first = terminal.enroll("e-1", cashier, phone="13900000001", name="Zhang Wei")
    counts = db.counts()
    again = terminal.enroll("e-1", cashier, phone="13900000001", name="Zhang Wei")
    assert again == first
    assert db.counts() == counts


def test_a_reused_request_id_with_other_content_is_refused(
    terminal: Terminal, cashier: Actor, db: DbProbe
) -> None:
    terminal.enroll("e-1", cashier, phone="13900000001", name="Zhang Wei")
    with db.refused(RequestConflict, "already used"):
        terminal.enroll("e-1", cashier, phone="13900000002", name="Li Na")


@pytest.mark.parametrize(
    ("phone", "name", "birthday", "field"),
    [
        ("12345", "Short Phone", None, "phone"),
        ("not a phone", "Letters", None, "phone"),
        ("1" * 16, "Long Phone", None, "phone"),
        ("", "No Phone", None, "phone"),
        ("13900000001", "   ", None, "name"),
        ("13900000001", "x" * 81, None, "name"),
        ("13900000001", "Tab\x00Name", None, "name"),
        ("13900000001", "Future Baby", date(2027, 1, 1), "birthday"),
        ("13900000001", "Very Old", date(1899, 12, 31), "birthday"),
    ],
)
def test_bad_enrolment_input_is_refused(
    terminal: Terminal,
    cashier: Actor,
    db: DbProbe,
    phone: str,
    name: str,
    birthday: date | None,
    field: str,
) -> None:
    with db.refused(InvalidInput) as info:
        terminal.enroll("e-1", cashier, phone=phone, name=name, birthday=birthday)
    assert info.value.params["field"] == field


@pytest.mark.parametrize("request_id", ["", "   ", "x" * 65, "bad\nid"])
def test_a_bad_request_id_is_refused(
    terminal: Terminal, cashier: Actor, db: DbProbe, request_id: str
) -> None:
    with db.refused(InvalidInput, "request id"):
        terminal.enroll(request_id, cashier, phone="13900000001", name="Zhang Wei")


def test_a_phone_already_enrolled_is_refused(
    terminal: Terminal, cashier: Actor, db: DbProbe
) -> None:
    terminal.enroll("e-1", cashier, phone="13900000001", name="Zhang Wei")
    with db.refused(DuplicateMember, r"139\*\*\*\*0001"):
        terminal.enroll("e-2", cashier, phone="139-0000-0001", name="Someone Else")


def test_a_member_id_already_taken_is_refused(
    terminal: Terminal, cashier: Actor, db: DbProbe
) -> None:
    terminal.enroll("e-1", cashier, phone="13900000001", name="Zhang Wei", member_id="M42")
    with db.refused(DuplicateMember, "M42"):
        terminal.enroll("e-2", cashier, phone="13900000002", name="Li Na", member_id="M42")
