"""The service desk's history: every counter when the ledger answers, and saying it shows this
counter only when it does not."""

from __future__ import annotations

from app.bootstrap import Terminal
from app.domain.quote import Line
from app.services.context import Actor
from app.services.servicedesk import SCOPE_COUNTER, SCOPE_MALL, SCOPE_OFFLINE, MallEventView
from app.services.views import EnrollResult

ELSEWHERE = MallEventView(
    at="2026-11-24T10:00:00+08:00",
    business_day="2026-11-24",
    kind="purchase",
    points=300,
    store_code="S003",
    terminal_id="T03",
    event_id="01a20b48-0900-7266-9b2b-4b1fa70b2a7f",
)


def test_with_the_ledger_the_history_covers_every_counter_and_names_it(
    terminal: Terminal, cashier: Actor, member: EnrollResult
) -> None:
    terminal.award("sale-1", cashier, member.member_id, [Line("grocery", 10_000)])
    asked: list[str] = []

    def mall(member_id: str) -> list[MallEventView]:
        asked.append(member_id)
        return [ELSEWHERE]

    terminal.mall_history = mall  # what ``connect`` sets on a paired terminal
    shown = terminal.history(member.phone, mall=True)
    assert asked == [member.member_id]
    assert (shown.scope, shown.mall) == (SCOPE_MALL, [ELSEWHERE])
    assert shown.mall[0].store_code == "S003" and shown.mall[0].terminal_id == "T03"
    assert [p.receipt_no for p in shown.purchases] == ["T01-0000002"]  # this counter's too


def test_offline_the_history_says_it_shows_this_counter_only(
    terminal: Terminal, cashier: Actor, member: EnrollResult
) -> None:
    terminal.award("sale-1", cashier, member.member_id, [Line("grocery", 10_000)])

    def offline(member_id: str) -> list[MallEventView]:
        raise ConnectionError("the ledger at http://127.0.0.1:9 does not answer")

    terminal.mall_history = offline
    asked = terminal.history(member.member_id, mall=True)
    assert (asked.scope, asked.mall) == (SCOPE_OFFLINE, [])
    for shown in (asked, terminal.history(member.phone)):
        assert shown.mall == [] and shown.scope in (SCOPE_OFFLINE, SCOPE_COUNTER)
        assert shown.scope_note.startswith("This counter's records only")
        assert len(shown.purchases) == 1
    assert "did not answer" in terminal.history(member.phone, mall=True).scope_note
