"""Find, undo and lock out through the real command line: each step a new ``memberdesk``
process, the undo paired to a ledger process (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from .conftest import CounterFactory
from .harness import Counter, Done, Ledger

MEMBER = "M100001"


def test_member_search_by_name_and_last_digits(pc: Counter) -> None:
    found = pc.json("member", "search", "li")
    assert [(m["member_id"], m["name"], m["phone"]) for m in found] == [
        ("M000002", "Li Na", "138****8002")
    ]
    assert [m["member_id"] for m in pc.json("member", "search", "8005")] == ["M000005"]
    none = pc.run("member", "search", "nobody", check=False)
    assert (none.returncode, none.stdout.strip()) == (1, "No member found for 'nobody'.")
    # the seeded sale was for M000001: the counter served them last
    assert pc.json("member", "recent")[0]["member_id"] == "M000001"


def test_an_undone_redemption_gives_the_points_back_at_the_ledger(
    ledger: Ledger, paired_counter: CounterFactory, tmp_path: Path
) -> None:
    ledger.import_members(
        [{"member_id": MEMBER, "phone": "13900000001", "name": "Wang Fang", "points": 3000}],
        tmp_path,
    )
    counter = paired_counter("T01")
    counter.run("sync", "--once")
    redeemed = counter.json(
        "redeem", MEMBER, "--order", "100", "--points", "700", "--cashier", "lin"
    )
    assert redeemed["balance"] == 2300
    counter.run("sync", "--once")
    assert ledger.balance(MEMBER) == 2300
    # A later process undoes it; a retry of the same request applies once.
    undone = counter.json("redeem-undo", "--cashier", "lin", "--request-id", "undo-1")
    assert (undone["points"], undone["balance"]) == (700, 3000)
    assert counter.json("redeem-undo", "--cashier", "lin", "--request-id", "undo-1") == undone
    again = counter.run("redeem-undo", "--cashier", "lin", check=False)
    assert again.returncode == 1 and "undone already" in again.stderr
    counter.run("sync", "--once")
    assert ledger.balance(MEMBER) == 3000
    rows = ledger.rows("SELECT kind, status FROM events WHERE kind = 'redeem_undone'")
    assert rows == [{"kind": "redeem_undone", "status": "applied"}]
    assert counter.json("member", "show", MEMBER)["points"] == 3000


def test_too_late_to_undo_from_a_later_process(pc: Counter) -> None:
    now = datetime.now(UTC)
    pc.run("redeem", "M000001", "--gift", "tote", "--cashier", "lin", at=now)
    late = pc.run("redeem-undo", "--cashier", "lin", check=False, at=now + timedelta(minutes=6))
    assert late.returncode == 1 and "more than 5 minutes old" in late.stderr


def _sign_in(pc: Counter, cashier: str, pin: str, at: datetime) -> Done:
    return pc.run("cashier", "sign-in", cashier, check=False, at=at, stdin=pin + "\n")


def test_five_wrong_pins_lock_a_cashier_across_processes(pc: Counter) -> None:
    now = datetime.now(UTC)
    for cashier in ("lin", "ghost"):  # a known and an unknown id behave alike
        answers = [_sign_in(pc, cashier, "0000", at=now) for _ in range(5)]
        assert [a.returncode for a in answers] == [1] * 5
        assert all("PIN is not right" in a.stderr for a in answers[:4])
        assert "locked for 5 more minutes" in answers[4].stderr
    right = _sign_in(pc, "lin", "1111", at=now + timedelta(minutes=1))
    assert right.returncode == 1 and "locked for 4 more minutes" in right.stderr
    later = _sign_in(pc, "lin", "1111", at=now + timedelta(minutes=6))
    assert later.returncode == 0, later.stderr
    assert "PIN right: Lin Cashier" in later.stdout
