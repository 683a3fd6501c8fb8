"""Every way the network between a terminal and the ledger can fail, one at a time: the
terminal keeps retrying, and in the end every event is at the ledger exactly once, both
terminals show what the ledger shows, and both journals verify."""

from __future__ import annotations

import threading

import pytest

from app.domain.quote import Line
from sync.client.engine import Syncer

from ..conftest import Counter, LedgerServer, TerminalFactory
from .checks import (
    assert_exactly_once,
    assert_terminal_shows_ledger,
    assert_verified,
    drain,
    sync_until_done,
)
from .conftest import FAST_TIMEOUT, client_for, through
from .proxy import Fault, FaultProxy

READ_TIMEOUT_S = 1.5
DELAY_S = 2.0  # longer than the client waits: it gives up, and the request lands later

# Faults after which the first try must fail (the terminal saw no good reply) ...
FAILING = {
    "drop_request": [Fault("drop_request")],
    "reset": [Fault("reset")],
    "drop_reply": [Fault("drop_reply")],
    "delay_past_timeout": [Fault("delay", seconds=DELAY_S)],
    "error_before": [Fault("error_before", status=503)],
    "error_after": [Fault("error_after", status=502)],
    "truncate": [Fault("truncate")],
    "garble": [Fault("garble")],
    "pull_lost": [
        Fault("drop_reply", path="/v1/changes"),
        Fault("truncate", path="/v1/changes"),
        Fault("error_after", path="/v1/changes", status=500),
    ],
    "snapshot_lost": [
        Fault("drop_reply", path="/v1/snapshot"),
        Fault("garble", path="/v1/snapshot"),
    ],
    "one_after_another": [
        Fault("drop_reply"),
        Fault("error_after", status=504),
        Fault("reset"),
        Fault("truncate"),
        Fault("drop_request"),
        Fault("drop_reply"),
    ],
}
# ... and faults the terminal gets through at once.
HARMLESS = {
    "duplicate": [Fault("duplicate")],
    "duplicate_pull": [Fault("duplicate", path="/v1/changes")],
    "short_delay": [Fault("delay", seconds=0.3)],
    "slow_reply_body": [Fault("slow"), Fault("slow", path="/v1/changes")],
    "slow_request_body": [Fault("slow_request")],
}
# Faults that hit only after the ledger had the request: it committed, the terminal
# did not learn it, and the retry must be a replay, not a second application.
COMMITTED = {"drop_reply", "delay_past_timeout", "error_after", "truncate", "garble"}


def _first_visit(counter: Counter, tag: str) -> list[str]:
    lin = counter.terminal.actor("lin")
    ids = []
    for n in range(2):
        member = counter.terminal.enroll(
            f"{tag}-enroll-{n}", lin, phone=f"1391234{n:04d}", name=f"Fault {n}"
        )
        ids.append(member.member_id)
        counter.terminal.award(f"{tag}-award-{n}", lin, member.member_id, [Line("grocery", 40_000)])
    return ids


def _second_visit(counter: Counter, tag: str, members: list[str]) -> None:
    """Awards, an online redemption and a refund (the authoriser talks to the ledger
    directly, not through the proxy)."""
    lin = counter.terminal.actor("lin")
    receipt = counter.terminal.award(
        f"{tag}-award-b", lin, members[0], [Line("grocery", 30_000)]
    ).receipt_no
    counter.terminal.redeem(
        f"{tag}-redeem", lin, members[1], "order", points=120, amount_fen=50_000
    )
    counter.terminal.refund(f"{tag}-refund", lin, receipt, 10_000)
    counter.terminal.award(f"{tag}-award-c", lin, members[1], [Line("grocery", 12_300)])


def _run(
    ledger: LedgerServer,
    make_counter: TerminalFactory,
    proxy: FaultProxy,
    faults: list[Fault],
    *,
    must_fail: bool,
) -> None:
    timeout = (2.0, READ_TIMEOUT_S) if any(f.kind == "delay" for f in faults) else FAST_TIMEOUT
    first = through(make_counter("T01", "S001"), proxy, timeout=timeout)
    second = make_counter("T02", "S002")
    members = _first_visit(first, "a")

    proxy.script(*faults)
    _, failures = sync_until_done(first.syncer)
    assert proxy.pending_faults() == 0, f"faults never hit: {proxy.pending_faults()}"
    if must_fail:
        assert failures >= 1, "the fault did not make the round fail"

    # The other store learns the members and trades with them.
    sync_until_done(second.syncer)
    lin2 = second.terminal.actor("lin")
    second.terminal.award("b-award", lin2, members[0], [Line("grocery", 21_000)])
    second.terminal.redeem("b-redeem", lin2, members[0], "order", points=50, amount_fen=20_000)
    sync_until_done(second.syncer)

    _second_visit(first, "c", members)
    again = [f for f in faults if f.path != "/v1/snapshot"]  # a snapshot is taken once
    proxy.script(*again)
    _, failures = sync_until_done(first.syncer)
    assert proxy.pending_faults() == 0, f"faults never hit: {proxy.pending_faults()}"
    if must_fail and again:
        assert failures >= 1, "the fault did not make the round fail"

    proxy.settle()  # a request held back lands now, after the terminal's retry
    drain([first.syncer, second.syncer])
    assert_exactly_once(ledger.engine, [first.terminal, second.terminal])
    for counter in (first, second):
        assert_terminal_shows_ledger(ledger.engine, counter.terminal)
        assert_verified(counter.terminal)


# Every fault on both databases.
def _cases(names: dict[str, list[Fault]]) -> list[tuple[str, str]]:
    return [(database, n) for database in ("sqlite", "postgres") for n in sorted(names)]


@pytest.mark.parametrize(("ledger_url", "name"), _cases(FAILING), indirect=["ledger_url"])
def test_terminal_retries_through_a_failing_network(
    name: str, ledger: LedgerServer, make_counter: TerminalFactory, proxy: FaultProxy
) -> None:
    _run(ledger, make_counter, proxy, FAILING[name], must_fail=True)
    if name in COMMITTED:
        hit = [s for s in proxy.seen if s.fault is not None and s.path == "/v1/events"]
        assert hit and all(s.forwarded >= 1 for s in hit), "the ledger never saw the request"


@pytest.mark.parametrize(("ledger_url", "name"), _cases(HARMLESS), indirect=["ledger_url"])
def test_terminal_gets_through_a_harmless_fault(
    name: str, ledger: LedgerServer, make_counter: TerminalFactory, proxy: FaultProxy
) -> None:
    _run(ledger, make_counter, proxy, HARMLESS[name], must_fail=False)
    if name == "duplicate":
        hit = [s for s in proxy.seen if s.fault == "duplicate"]
        assert hit and all(s.forwarded == 2 for s in hit)
        # The ledger answered the replay exactly as the first time.
        assert all(len(set(s.statuses)) == 1 and s.statuses[0] == 200 for s in hit)


def test_two_concurrent_pushes_arrive_in_reverse_order(
    ledger: LedgerServer, make_counter: TerminalFactory, proxy: FaultProxy
) -> None:
    """A forced sync races the worker: the older push reaches the ledger after the newer
    one, which carries more events. The older one is then a replay."""
    counter = through(make_counter("T01", "S001"), proxy)
    members = _first_visit(counter, "a")
    racer = Syncer(
        counter.terminal, client_for(counter.terminal, proxy.url), counter.syncer.data_dir
    )
    proxy.script(Fault("reorder"))
    errors: list[BaseException] = []

    def push_old() -> None:
        try:
            counter.syncer.push()
        except BaseException as error:  # reported below
            errors.append(error)

    old = threading.Thread(target=push_old)
    old.start()
    for _ in range(200):  # until the proxy holds the old push
        if proxy.seen:
            break
        old.join(0.02)
    assert proxy.seen and proxy.seen[0].fault == "reorder"
    assert proxy.seen[0].forwarded == 0  # held back
    _second_visit(counter, "b", members)  # the newer push carries more events
    racer.push()
    old.join(30)
    assert not old.is_alive()
    assert not errors, errors
    proxy.settle()
    order = [s.fault for s in proxy.seen if s.path == "/v1/events"]
    assert order == ["reorder", None]
    assert proxy.seen[0].statuses == [200] and proxy.seen[1].statuses == [200]

    drain([counter.syncer])
    assert_exactly_once(ledger.engine, [counter.terminal])
    assert_terminal_shows_ledger(ledger.engine, counter.terminal)
    assert_verified(counter.terminal)
