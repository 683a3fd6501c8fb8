"""Stores with their own members: points earned in a single or joint store's scope are
spendable there only. Terminal processes in three stores and a ledger process, through the
real ``memberdesk`` and ``memberdesk-ledger`` command lines, on SQLite and PostgreSQL.

The default rule book: S001 is mall-wide; S004 (Tea House) and S005 (Noodle Bar) share the
``food-court`` scope."""

from __future__ import annotations

from typing import Any

from .conftest import CounterFactory
from .harness import Counter, Ledger

PHONE = "13900000031"


def sync_all(*counters: Counter) -> None:
    for counter in counters:
        counter.run("sync", "--once")
    for counter in counters:
        counter.run("sync", "--once")


def award(counter: Counter, member: str, line: str, request_id: str) -> Any:
    return counter.json(
        "award", member, "--line", line, "--cashier", "lin", "--request-id", request_id
    )


def redeem(counter: Counter, member: str, points: int, request_id: str) -> Any:
    return counter.run(
        "redeem", member, "--order", str(points // 10 * 2), "--points", str(points),
        "--cashier", "lin", "--request-id", request_id, "--json", check=False,
    )  # fmt: skip


def balances(counter: Counter, member: str) -> tuple[int, list[tuple[str, int, bool]]]:
    """What the card shows: the points spendable here, and each scope's balance."""
    card = counter.json("member", "show", member)
    return card["points"], [(s["name"], s["points"], s["here"]) for s in card["scope_points"]]


def test_points_of_a_joint_scope_are_spent_only_there(
    ledger: Ledger, paired_counter: CounterFactory
) -> None:
    main, tea, noodles = (
        paired_counter("T01", "S001"),
        paired_counter("T04", "S004"),
        paired_counter("T05", "S005"),
    )
    member = main.json("enroll", "--phone", PHONE, "--name", "Zhao Lei", "--cashier", "lin")[
        "member_id"
    ]
    sync_all(main, tea, noodles)
    award(main, member, "grocery=100", "m-1")  # 100 mall-wide points
    award(tea, member, "dining=1000", "t-1")  # 1,000 food-court points
    sync_all(main, tea, noodles)

    food_court = "food-court (Tea House, Noodle Bar)"
    assert balances(main, member) == (100, [("mall", 100, True), (food_court, 1000, False)])
    assert balances(noodles, member) == (1000, [(food_court, 1000, True), ("mall", 100, False)])
    assert ledger.balance(member) == 1100  # the member's points, every scope
    shown = ledger.admin("members", "show", member, "--json").json()
    assert shown["scopes"] == {"mall": 100, "food-court": 1000}

    # Online, the ledger holds only the scope's points: 100 at the main counter.
    refused = redeem(main, member, 500, "m-r1")
    assert refused.returncode == 1
    assert "The member has 100 points; 500 are needed" in refused.stderr, refused.stderr
    # Offline too: the counter has only its scope's points to spend.
    ledger.stop()
    refused = redeem(main, member, 500, "m-r2")
    assert refused.returncode == 1
    assert "The member has 100 points; 500 are needed" in refused.stderr, refused.stderr
    # The food court's two stores share theirs: both offline, each spends 800 of the 1,000.
    assert redeem(tea, member, 800, "t-r1").returncode == 0
    assert redeem(noodles, member, 800, "n-r1").returncode == 0
    ledger.start()
    sync_all(main, tea, noodles)

    # Posted (the goods were handed over), the excess an overdraft flagged for the desk.
    flags = ledger.rows("SELECT kind, points, detail FROM flags WHERE member_id = :m", m=member)
    assert [(f["kind"], f["points"]) for f in flags] == [("overdraft", 600)]
    assert "in scope food-court" in flags[0]["detail"]
    assert ledger.balance(member) == 1100 - 1600
    # What the member owes counts against every scope: nothing is spendable anywhere.
    for counter, owed in ((main, 600 - 100), (tea, 600), (noodles, 600)):
        card = counter.json("member", "show", member)
        assert (card["points"], card["open_overdraft"]) == (0, owed)
