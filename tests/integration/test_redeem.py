"""Redeeming points: off an order, for a gift, for a coupon."""

from __future__ import annotations

import pytest
from probe import DbProbe

from app.bootstrap import Terminal
from app.domain.errors import (
    InsufficientPoints,
    InvalidInput,
    NotAllowed,
    OutOfStock,
    RequestConflict,
    UnknownMember,
)
from app.services.context import Actor
from app.services.views import EnrollResult


def test_redeem_points_off_an_order(
    terminal: Terminal, cashier: Actor, rich_member: EnrollResult, db: DbProbe
) -> None:
    r = terminal.redeem("r-1", cashier, rich_member.member_id, "order", points=300, amount_fen=600)
    assert (r.kind, r.points, r.amount_off_fen, r.balance) == ("order", 300, 300, 4_700)
    assert r.coupon_code is None
    assert terminal.card(rich_member.member_id).points == 4_700
    assert db.count("redemptions", "kind = 'order' AND points = 300") == 1
    assert db.count("outbox", "kind = 'redeem' AND request_id = 'r-1'") == 1
    assert terminal.verify().ok


def test_redeem_a_gift_takes_one_from_stock(
    terminal: Terminal,
    cashier: Actor,
    supervisor: Actor,
    rich_member: EnrollResult,
    db: DbProbe,
) -> None:
    terminal.set_gift_stock(supervisor, "tote", 2)
    r = terminal.redeem("r-1", cashier, rich_member.member_id, "gift", item="tote")
    assert (r.kind, r.item, r.points, r.balance) == ("gift", "tote", 1_500, 3_500)
    assert db.scalar("SELECT stock FROM gift_stock WHERE gift_code = 'tote'") == 1
    again = terminal.redeem("r-1", cashier, rich_member.member_id, "gift", item="tote")
    assert again == r
    assert db.scalar("SELECT stock FROM gift_stock WHERE gift_code = 'tote'") == 1


def test_redeem_a_coupon_puts_it_on_the_card(
    terminal: Terminal, cashier: Actor, rich_member: EnrollResult
) -> None:
    r = terminal.redeem("r-1", cashier, rich_member.member_id, "coupon", item="DINE10P")
    assert r.points == 800
    assert r.coupon_code is not None
    card = terminal.card(rich_member.member_id)
    assert card.points == 4_200
    assert [(c.code, c.template, c.kind) for c in card.coupons] == [
        (r.coupon_code, "DINE10P", "percent_off")
    ]


def test_an_out_of_stock_gift_is_refused(
    terminal: Terminal,
    cashier: Actor,
    supervisor: Actor,
    rich_member: EnrollResult,
    db: DbProbe,
) -> None:
    with db.refused(OutOfStock, "out of stock"):  # stock starts at zero
        terminal.redeem("r-1", cashier, rich_member.member_id, "gift", item="umbrella")
    terminal.set_gift_stock(supervisor, "umbrella", 1)
    terminal.redeem("r-2", cashier, rich_member.member_id, "gift", item="umbrella")
    with db.refused(OutOfStock):
        terminal.redeem("r-3", cashier, rich_member.member_id, "gift", item="umbrella")


def test_a_gift_beyond_the_balance_is_refused_and_keeps_the_stock(
    terminal: Terminal, cashier: Actor, supervisor: Actor, member: EnrollResult, db: DbProbe
) -> None:
    terminal.set_gift_stock(supervisor, "parking", 3)
    with db.refused(InsufficientPoints, "600 are needed"):
        terminal.redeem("r-1", cashier, member.member_id, "gift", item="parking")
    assert db.scalar("SELECT stock FROM gift_stock WHERE gift_code = 'parking'") == 3


@pytest.mark.parametrize(
    ("kind", "item", "points", "amount", "match"),
    [
        ("order", None, 0, 1_000, "more than zero"),
        ("order", None, -10, 1_000, "more than zero"),
        ("order", None, 10_000_001, 100_000_000, "more than any redemption"),
        ("order", None, 10, 0, "more than zero"),
        ("order", None, 10, -100, "negative"),
        ("order", None, 10, 10_000_000_001, "more than any single sale"),
        ("order", None, 501, 1_000, "At most 500 points"),
        ("gift", "yacht", 0, 0, "no gift 'yacht'"),
        ("gift", None, 0, 0, "Choose the gift"),
        ("gift", "  ", 0, 0, "Choose the gift"),
        ("coupon", None, 0, 0, "Choose the coupon"),
        ("coupon", "PLUS10", 0, 0, "cannot be bought"),
        ("coupon", "NOPE", 0, 0, "cannot be bought"),
        ("cash", None, 10, 100, "Unknown kind"),
    ],
)
def test_bad_redemptions_are_refused(
    terminal: Terminal,
    cashier: Actor,
    rich_member: EnrollResult,
    db: DbProbe,
    kind: str,
    item: str | None,
    points: int,
    amount: int,
    match: str,
) -> None:
    with db.refused(InvalidInput, match):
        terminal.redeem("r-1", cashier, rich_member.member_id, kind, item, points, amount)


def test_more_points_than_the_balance_are_refused(
    terminal: Terminal, cashier: Actor, rich_member: EnrollResult, db: DbProbe
) -> None:
    with db.refused(InsufficientPoints, "The member has 5000 points; 5001 are needed"):
        terminal.redeem(
            "r-1", cashier, rich_member.member_id, "order", points=5_001, amount_fen=20_000
        )


def test_an_unknown_member_cannot_redeem(terminal: Terminal, cashier: Actor, db: DbProbe) -> None:
    with db.refused(UnknownMember):
        terminal.redeem("r-1", cashier, "M404", "order", points=10, amount_fen=1_000)


def test_a_reused_redeem_id_for_other_points_is_refused(
    terminal: Terminal, cashier: Actor, rich_member: EnrollResult, db: DbProbe
) -> None:
    terminal.redeem("r-1", cashier, rich_member.member_id, "order", points=10, amount_fen=1_000)
    with db.refused(RequestConflict):
        terminal.redeem("r-1", cashier, rich_member.member_id, "order", points=11, amount_fen=1_000)


@pytest.mark.parametrize(
    ("gift", "stock", "error"),
    [("tote", -1, InvalidInput), ("tote", 1_000_001, InvalidInput), ("yacht", 1, InvalidInput)],
)
def test_bad_gift_stock_counts_are_refused(
    terminal: Terminal,
    supervisor: Actor,
    db: DbProbe,
    gift: str,
    stock: int,
    error: type[InvalidInput],
) -> None:
    with db.refused(error):
        terminal.set_gift_stock(supervisor, gift, stock)


def test_a_cashier_cannot_count_gift_stock(terminal: Terminal, cashier: Actor, db: DbProbe) -> None:
    with db.refused(NotAllowed, "needs a supervisor"):
        terminal.set_gift_stock(cashier, "tote", 10)
