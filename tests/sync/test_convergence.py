"""Terminals in different stores award, redeem and refund, syncing in any order; in the end
every terminal shows what the ledger holds and every journal verifies."""

from __future__ import annotations

import random

import pytest

from app.domain.errors import MemberDeskError
from app.domain.quote import Line

from .conftest import Counter, LedgerServer, TerminalFactory
from .support import ledger_points


def settle(counters: list[Counter]) -> None:
    """Rounds at every terminal until a whole pass sends and receives nothing."""
    for _ in range(5):
        results = [counter.syncer.round() for counter in counters]
        if all(r.pushed == 0 and r.members_pulled == 0 for r in results):
            assert all(c.terminal.outbox_waiting() == 0 for c in counters)
            return
    pytest.fail("the terminals did not settle")


def assert_converged(ledger: LedgerServer, counters: list[Counter], members: list[str]) -> None:
    for member_id in members:
        points, overdraft = ledger_points(ledger, member_id)
        for counter in counters:
            card = counter.terminal.card(member_id)
            assert (card.points - card.open_overdraft, card.open_overdraft) == (
                points,
                overdraft,
            ), f"{counter.terminal.ctx.terminal_id} shows {member_id} differently"
    for counter in counters:
        report = counter.terminal.verify()
        assert report.ok, report.problems
    assert ledger.report()["liability_points"] == sum(ledger_points(ledger, m)[0] for m in members)


@pytest.mark.parametrize("seed", [7, 2026])
def test_terminals_in_three_stores_converge_with_the_ledger(
    ledger: LedgerServer, make_counter: TerminalFactory, seed: int
) -> None:
    rng = random.Random(seed)
    counters = [
        make_counter("T01", "S001"),
        make_counter("T02", "S002"),
        make_counter("T03", "S003"),
    ]
    members = []
    for n, counter in enumerate(counters):
        lin = counter.terminal.actor("lin")
        for k in range(2):
            enrolled = counter.terminal.enroll(
                f"e-{n}-{k}", lin, phone=f"139000{n}{k}0000"[:11], name=f"Member {n}{k}"
            )
            members.append(enrolled.member_id)
    settle(counters)  # everyone knows everyone; from here on, sync is random
    receipts: list[tuple[Counter, str]] = []
    refused: list[str] = []
    done = {"award": 0, "redeem": 0, "refund": 0, "sync": 0}

    for step in range(45):
        counter = rng.choice(counters)
        lin = counter.terminal.actor("lin")
        action = rng.choices(["award", "redeem", "refund", "sync"], [5, 3, 2, 3])[0]
        member_id = rng.choice(members)
        try:
            if action == "sync":
                counter.syncer.round()
            elif action == "award":
                points = 0
                if rng.random() < 0.3:
                    points = min(counter.terminal.card(member_id).points, rng.randint(1, 80))
                award = counter.terminal.award(
                    f"a-{step}",
                    lin,
                    member_id,
                    [Line(rng.choice(["grocery", "beauty"]), rng.randint(5, 400) * 100)],
                    points=points,
                )
                receipts.append((counter, award.receipt_no))
            elif action == "redeem":
                points = rng.randint(1, max(1, counter.terminal.card(member_id).points))
                counter.terminal.redeem(
                    f"r-{step}", lin, member_id, "order", points=points, amount_fen=points * 3
                )
            elif action == "refund" and receipts:
                till, receipt_no = rng.choice(receipts)
                till.terminal.refund(f"f-{step}", till.terminal.actor("sam"), receipt_no)
            else:
                continue
        except MemberDeskError as error:
            refused.append(f"{action}: {error.code}")
            continue  # not known here yet, not enough points, already refunded: the screen says
        done[action] += 1

    assert min(done.values()) > 0, (done, refused)
    settle(counters)
    assert_converged(ledger, counters, members)


def test_offline_work_posted_late_converges(
    ledger: LedgerServer, make_counter: TerminalFactory
) -> None:
    """One terminal works for a while without syncing while the others sync often."""
    quiet, busy = make_counter("T01", "S001"), make_counter("T02", "S002")
    lin_q, lin_b = quiet.terminal.actor("lin"), busy.terminal.actor("lin")
    member = quiet.terminal.enroll("e-1", lin_q, phone="13911112222", name="Late").member_id
    quiet.syncer.round()
    busy.syncer.round()
    for k in range(5):
        quiet.terminal.award(f"q-{k}", lin_q, member, [Line("grocery", 10_000 + k)])
        busy.terminal.award(f"b-{k}", lin_b, member, [Line("beauty", 20_000)])
        busy.syncer.round()
    busy.terminal.redeem("r-1", lin_b, member, "order", points=300, amount_fen=1_000)
    receipt = quiet.terminal.award("q-9", lin_q, member, [Line("grocery", 50_000)]).receipt_no
    quiet.terminal.refund("f-1", quiet.terminal.actor("sam"), receipt)

    settle([busy, quiet])

    assert_converged(ledger, [quiet, busy], [member])
    assert ledger_points(ledger, member)[0] > 0
