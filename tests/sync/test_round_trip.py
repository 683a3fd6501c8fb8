"""Two terminals, one ledger: what one awards, the other shows after a sync."""

from __future__ import annotations

from app.domain.quote import Line

from .conftest import LedgerServer, TerminalFactory


def test_points_earned_at_one_counter_show_at_another(
    ledger: LedgerServer, make_counter: TerminalFactory
) -> None:
    first, second = make_counter("T01", "S001"), make_counter("T02", "S002")
    lin = first.terminal.actor("lin")
    member = first.terminal.enroll("e-1", lin, phone="13912340000", name="Round Trip")
    first.terminal.award("a-1", lin, member.member_id, [Line("grocery", 25_000)])
    assert first.terminal.outbox_waiting() == 2

    first.syncer.round()
    second.syncer.round()

    assert first.terminal.outbox_waiting() == 0
    card = second.terminal.card("13912340000")
    assert (card.member_id, card.points) == (member.member_id, 250)
    assert second.terminal.verify().ok
    assert ledger.report()["liability_points"] == 250
