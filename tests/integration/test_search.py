"""Finding a member without their code: by name, phone, last 4 digits; recent members;
today's receipts. Bounded queries that read the indexes of migration 0010."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from probe import DbProbe
from sqlalchemy import event

from app.bootstrap import Terminal
from app.domain.errors import InvalidInput
from app.domain.quote import Line
from app.services.context import Actor, FixedClock
from app.services.search import MAX_RESULTS


def _enroll(terminal: Terminal, cashier: Actor, phone: str, name: str) -> str:
    return terminal.enroll(f"e-{phone}", cashier, phone=phone, name=name).member_id


@pytest.fixture
def people(terminal: Terminal, cashier: Actor) -> dict[str, str]:
    return {
        name: _enroll(terminal, cashier, phone, name)
        for phone, name in (
            ("13900001234", "Zhang Wei"),
            ("13800001234", "Zhao Min"),
            ("13700005678", "zhu li"),
            ("13600009999", "张伟"),
        )
    }


def test_by_the_beginning_of_the_name_in_any_case(
    terminal: Terminal, people: dict[str, str]
) -> None:
    assert [h.name for h in terminal.search_members("zh")] == ["Zhang Wei", "Zhao Min", "zhu li"]
    assert [h.name for h in terminal.search_members("ZHA")] == ["Zhang Wei", "Zhao Min"]
    assert [h.name for h in terminal.search_members("张")] == ["张伟"]
    assert terminal.search_members("Wei") == []  # the beginning, not the middle


def test_by_the_last_four_digits_or_the_whole_phone(
    terminal: Terminal, people: dict[str, str]
) -> None:
    hits = terminal.search_members("1234")
    assert [(h.name, h.phone) for h in hits] == [
        ("Zhang Wei", "139****1234"),
        ("Zhao Min", "138****1234"),
    ]
    assert [h.name for h in terminal.search_members("+86 137 0000 5678")] == ["zhu li"]
    assert [h.name for h in terminal.search_members("１３６００００９９９９")] == ["张伟"]
    assert [h.member_id for h in terminal.search_members(people["Zhao Min"].lower())] == [
        people["Zhao Min"]
    ]


def test_results_are_bounded_and_bad_queries_refused(terminal: Terminal, cashier: Actor) -> None:
    for n in range(MAX_RESULTS + 5):
        _enroll(terminal, cashier, f"1350000{n:04d}", f"Li {n:02d}")
    assert len(terminal.search_members("li")) == MAX_RESULTS
    for bad in ("", "   ", "x" * 81):
        with pytest.raises(InvalidInput):
            terminal.search_members(bad)


@pytest.mark.parametrize(
    ("query", "index"), [("Zh", "ix_members_name_lower"), ("1234", "ix_members_phone_last4")]
)
def test_the_search_reads_an_index(terminal: Terminal, query: str, index: str) -> None:
    """The very statements the search sends, with their bound values, read the index."""
    sent: list[tuple[str, object]] = []

    def record(_conn, _cursor, statement, parameters, _context, _many) -> None:
        if "FROM members" in statement and "LIMIT" in statement:
            sent.append((statement, parameters))

    engine = terminal.ctx.database.reader
    event.listen(engine, "before_cursor_execute", record)
    try:
        terminal.search_members(query)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert len(sent) == 1, sent
    statement, parameters = sent[0]
    with terminal.ctx.read() as session:
        plan = session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
        details = " ".join(str(row[-1]) for row in plan)
    assert f"USING INDEX {index}" in details, details


def test_recent_members_newest_first(
    terminal: Terminal, cashier: Actor, people: dict[str, str]
) -> None:
    terminal.award("a-1", cashier, people["Zhao Min"], [Line("grocery", 1000)])
    assert [h.name for h in terminal.recent_members()][:3] == ["Zhao Min", "张伟", "zhu li"]


def test_todays_receipts_newest_first_with_refunds(
    terminal: Terminal, cashier: Actor, people: dict[str, str], clock: FixedClock, db: DbProbe
) -> None:
    first = terminal.award("a-1", cashier, people["Zhang Wei"], [Line("grocery", 1000)])
    clock.advance(minutes=1)
    second = terminal.award("a-2", cashier, people["Zhao Min"], [Line("grocery", 2500)])
    terminal.refund("f-1", cashier, first.receipt_no, 400)
    listed = terminal.receipts_today()
    assert [(r.receipt_no, r.payable_fen, r.refunded_fen) for r in listed] == [
        (second.receipt_no, second.payable_fen, 0),
        (first.receipt_no, first.payable_fen, 400),
    ]
    assert listed[0].member_name == "Z*** M**"
    clock.advance(days=1)
    assert terminal.receipts_today() == []


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=st.text(max_size=100))
def test_any_typed_text_finds_at_most_20_or_is_refused_in_words(
    terminal: Terminal, people: dict[str, str], text: str
) -> None:
    """Whatever a cashier (or a scanner in the wrong field) types: a bounded list, or the
    core's InvalidInput; never another error, never a write."""
    try:
        hits = terminal.search_members(text)
    except InvalidInput as error:
        assert error.params.get("kind") == "search"
        return
    assert len(hits) <= MAX_RESULTS
    assert all(hit.member_id in people.values() for hit in hits)
