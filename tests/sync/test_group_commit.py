"""Pushes applied together (group commit) give what they give applied one by one, in order.

Two identical worlds in one ledger: world A's pushes go through as one group, world B's (the
same stories with B's names) one push per transaction. Every reply, refusal, balance, entry,
lot, flag and terminal position must match, name for name.
"""

from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.events import GENESIS_HASH
from sync.client.http import LedgerClient, TransientError
from sync.protocol import PushResponse
from sync.server import group_commit, push
from sync.server import ledger as ledger_rules
from sync.server.errors import Refused
from sync.server.group_commit import PushQueue
from sync.server.models import Entry, Event, Flag, Lot, Member, Terminal
from sync.server.push import PushJob, PushReply, push_group

from .conftest import LedgerServer
from .faults.checks import ledger_balances_add_up
from .support import make_chain

Outcome = PushReply | Exception


def _pair(ledger: LedgerServer, terminal_id: str) -> str:
    code = ledger.add_terminal(terminal_id, "S001")
    with Session(ledger.engine) as session, session.begin():
        return ledger_rules.pair(session, terminal_id, code)[1]


def _world(ledger: LedgerServer, w: str) -> list[PushJob]:
    """World ``w``'s pushes, in order; names and phones carry the world's letter. Each push
    leans on what the ones before it left: balances, a member enrolled, PLUS sold, a phone
    code taken, points earned long ago (expired when the next push touches the member)."""
    digit = "1" if w == "A" else "2"
    with Session(ledger.engine) as session, session.begin():
        rules = ledger_rules.rule_book(session)
        assert rules is not None
        ledger_rules.import_members(
            session,
            [
                {
                    "member_id": f"{w}M1",
                    "phone": f"1390{digit}000001",
                    "enrolled_on": "2026-01-05",
                    "points": "100",
                }
            ],
            rules,
        )
    credential = {n: _pair(ledger, f"{w}T{n}") for n in range(1, 9)}
    with Session(ledger.engine) as session, session.begin():
        ledger_rules.revoke(session, f"{w}T5")
    m1, new = f"{w}M1", f"{w}N1"
    enroll: dict[str, Any] = {
        "member_id": new,
        "phone": f"1390{digit}000002",
        "enrolled_on": "2026-01-05",
        "store": "S001",
    }
    purchase: dict[str, Any] = {  # "plus" left out: the ledger takes the member's, as it is
        "receipt_no": f"{w}-R1",
        "member_id": m1,
        "store": "S001",
        "cashier": "lin",
        "hold_id": None,
        "rule_book_version": rules.version,
        "tier": rules.tiers[0].code,
        "lines": [["grocery", 10_000]],
        "coupon": None,
        "points_used": 0,
        "points_earned": 1,
        "payable_fen": 10_000,
        "coupons_issued": [],
    }
    code = {"member_id": m1, "step": 123, "store": "S001"}
    first = make_chain(
        f"{w}T1",
        [
            ("adjust", {"member_id": m1, "points": 50, "store": "S001"}),
            ("redeem", {"member_id": m1, "points": 120, "store": "S001"}),
            ("code_accepted", code),
        ],
    )
    eighth = make_chain(
        f"{w}T8",
        [("adjust", {"member_id": m1, "points": 2, "store": "S001"})] * 2,
    )
    gap_after_first = make_chain(
        f"{w}T8",
        [("adjust", {"member_id": m1, "points": 3, "store": "S001"})],
        seq=3,
        prev=eighth[0].hash,
    )
    gap_after_first.insert(0, eighth[0])
    return [
        PushJob(credential[1], first),
        PushJob(
            credential[2],
            make_chain(
                f"{w}T2",
                [
                    ("member_enrolled", enroll),
                    ("adjust", {"member_id": new, "points": 10, "store": "S001"}),
                    (
                        "member_enrolled",
                        enroll
                        | {
                            "member_id": f"{w}N9",
                            "phone": f"1390{digit}000009",
                            "birthday": "soon",
                        },
                    ),
                    ("plus_sold", {"member_id": m1, "ends_on": "2099-01-01", "store": "S001"}),
                    ("adjust", {"member_id": m1, "points": 30, "store": "S001"}),
                ],
                created_at="2020-03-01T10:00:00+08:00",  # its points expired long ago
            ),
        ),
        # A sequence gap: refused, nothing of it written.
        PushJob(
            credential[3],
            make_chain(
                f"{w}T3",
                [("adjust", {"member_id": m1, "points": 999, "store": "S001"})],
                seq=2,
            ),
        ),
        # Sees what the pushes before it did: the balance, the member enrolled, the expired
        # lot, PLUS (in the purchase's recomputation), the code step.
        PushJob(
            credential[4],
            make_chain(
                f"{w}T4",
                [
                    ("redeem", {"member_id": m1, "points": 40, "store": "S001"}),
                    ("adjust", {"member_id": new, "points": 5, "store": "S001"}),
                    ("member_enrolled", enroll | {"member_id": f"{w}N2"}),  # phone taken
                    ("purchase", purchase),
                    ("code_accepted", code),  # a copied code: flagged
                ],
            ),
        ),
        PushJob("not-a-credential", make_chain(f"{w}T1", [("adjust", "[" * 30_000)])),
        PushJob(credential[5], make_chain(f"{w}T5", [("adjust", {"member_id": m1})])),
        # Terminal 6 sends terminal 1's events: refused.
        PushJob(credential[6], make_chain(f"{w}T1", [("adjust", {"member_id": m1})], seq=4)),
        # Malformed beyond what the checks foresee: rejected, the queue goes on.
        PushJob(
            credential[7],
            make_chain(
                f"{w}T7",
                [
                    ("adjust", "[" * 30_000),
                    ("adjust", {"member_id": m1, "points": 1, "store": "S001"}),
                    ("adjust", f'{{"member_id":"{m1}","points":{2**70},"store":"S001"}}'),
                    ("redeem", {"member_id": m1, "points": 2**62, "store": "S001"}),
                ],
                created_at="9999-12-31T23:00:00+00:00",
            ),
        ),
        # Terminal 1 again: its next events, then a retry of its first push.
        PushJob(
            credential[1],
            make_chain(
                f"{w}T1",
                [("adjust", {"member_id": m1, "points": 25, "store": "S001"})],
                seq=4,
                prev=first[-1].hash,
            ),
        ),
        PushJob(credential[1], first),
        # Terminal 8: a push refused at its second event, then the right one, which starts
        # with the same first event: that event is new to it, not a replay.
        PushJob(credential[8], [eighth[0], gap_after_first[1]]),
        PushJob(credential[8], eighth),
    ]


def _seen(outcome: Outcome) -> Any:
    """What a terminal sees of an outcome, without the ledger time."""
    if isinstance(outcome, Refused):
        return ("refused", outcome.status, outcome.code)
    if isinstance(outcome, Exception):
        return ("failed", type(outcome).__name__)
    reply = PushResponse.model_validate_json(outcome.json())  # as the terminal reads it
    return (
        reply.applied_through_seq,
        [(r.seq, r.status, r.code, r.reason) for r in reply.results],
    )


def _state(ledger: LedgerServer, w: str) -> dict[str, Any]:
    """World ``w``'s rows at the ledger, with the world's letter taken out of the names."""
    with Session(ledger.engine) as session:
        members = session.scalars(
            select(Member).where(Member.member_id.like(f"{w}%")).order_by(Member.member_id)
        ).all()
        state: dict[str, Any] = {
            m.member_id[1:]: {
                "balance": (m.points, m.overdraft, m.purchases),
                "entries": session.execute(
                    select(Entry.kind, Entry.points)
                    .where(Entry.member_id == m.member_id)
                    .order_by(Entry.entry_id)
                ).all(),
                "lots": sorted(
                    session.execute(
                        select(Lot.expires_on, Lot.remaining).where(Lot.member_id == m.member_id)
                    ).all()
                ),
                "flags": [
                    (kind, points, detail.replace(f"{w}T", "T"))
                    for kind, points, detail in session.execute(
                        select(Flag.kind, Flag.points, Flag.detail).where(
                            Flag.member_id == m.member_id
                        )
                    )
                ],
            }
            for m in members
        }
        state["terminals"] = [
            (t.terminal_id[1:], t.last_seq)
            for t in session.scalars(
                select(Terminal)
                .where(Terminal.terminal_id.like(f"{w}T%"))
                .order_by(Terminal.terminal_id)
            )
        ]
        state["events"] = session.execute(
            select(Event.terminal_id, Event.seq, Event.status, Event.code)
            .where(Event.terminal_id.like(f"{w}T%"))
            .order_by(Event.terminal_id, Event.seq)
        ).all()
        state["events"] = [(t[1:], seq, status, code) for t, seq, status, code in state["events"]]
    return state


def test_a_group_equals_its_pushes_applied_one_by_one(ledger: LedgerServer) -> None:
    grouped, alone = _world(ledger, "A"), _world(ledger, "B")

    with Session(ledger.engine) as session:
        together = push_group(session, grouped)
    one_by_one: list[Outcome] = []
    for job in alone:
        with Session(ledger.engine) as session:
            one_by_one.extend(push_group(session, [job]))

    assert [_seen(o) for o in together] == [_seen(o) for o in one_by_one]
    assert _state(ledger, "A") == _state(ledger, "B")
    # And what that is, as the terminals and the service desk see it:
    seen = [_seen(o) for o in together]
    applied = (None, None)
    assert seen[0] == (3, [(n, "applied", *applied) for n in (1, 2, 3)])
    assert [r[2] for r in seen[1][1]] == [None, None, "bad_payload", None, None]
    assert seen[2] == ("refused", 409, "sequence_gap")
    assert [r[2] for r in seen[3][1]] == [None, None, "duplicate_phone", None, None]
    assert seen[4:7] == [
        ("refused", 401, "bad_credential"),  # before its payload is even parsed
        ("refused", 403, "revoked"),
        ("refused", 403, "wrong_terminal"),
    ]
    assert seen[7] == (
        4,
        [
            (1, "rejected", "bad_payload", "The event's payload is not JSON."),
            (2, "rejected", "bad_payload", "created_at is out of range."),
            (3, "rejected", "bad_payload", "points must be a whole number."),  # 2**70 points
            (4, "rejected", "bad_payload", f"points must be at most {push.MAX_AMOUNT}."),
        ],
    )
    assert seen[8] == (4, [(4, "applied", *applied)])
    assert seen[9] == (4, seen[0][1])  # the retry: the first results, nothing applied twice
    state = _state(ledger, "A")
    m1 = state["M1"]
    assert seen[10] == ("refused", 409, "sequence_gap")
    assert seen[11] == (2, [(1, "applied", *applied), (2, "applied", *applied)])
    # 100 + 50 - 120 = 30; + 30 earned in 2020 (expired at the next push) = 60; - 30
    # expired - 40 = -10, owed and flagged; + 1 and + 25 settle it; + 2 + 2 leave 20.
    assert m1["balance"] == (20, 0, 1)
    assert [kind for kind, _ in m1["entries"]] == [
        "import",
        "adjust",
        "redeem",
        "adjust",
        "expire",
        "redeem",
        "earn",
        "adjust",
        "adjust",
        "adjust",
    ]
    # The purchase was recomputed with the PLUS sold two pushes before.
    assert [(kind, points) for kind, points, _ in m1["flags"]] == [
        ("overdraft", 10),
        ("recompute_mismatch", -199),
        ("code_replay", 0),
    ]
    assert state["N1"]["balance"] == (5, 0, 0)
    assert ("T3", 0) in state["terminals"]
    assert not [e for e in state["events"] if e[0] in ("T3", "T5", "T6")]
    assert [e[1] for e in state["events"] if e[0] == "T8"] == [1, 2]
    ledger_balances_add_up(ledger.engine)


def _jobs(ledger: LedgerServer, splits: dict[str, tuple[int, ...]]) -> dict[str, list[PushJob]]:
    """Each terminal's pushes, one per size in its split, each continuing the one before;
    every event adds a point to member Q1."""
    with Session(ledger.engine) as session, session.begin():
        ledger_rules.import_members(
            session,
            [{"member_id": "Q1", "phone": "13900000001", "enrolled_on": "2026-01-05"}],
            ledger_rules.rule_book(session),
        )
    jobs: dict[str, list[PushJob]] = {}
    for terminal_id, sizes in splits.items():
        credential = _pair(ledger, terminal_id)
        adjust = ("adjust", {"member_id": "Q1", "points": 1, "store": "S001"})
        chain = make_chain(terminal_id, [adjust] * sum(sizes), prev=GENESIS_HASH)
        starts = [sum(sizes[:n]) for n in range(len(sizes))]
        jobs[terminal_id] = [
            PushJob(credential, chain[start : start + size])
            for start, size in zip(starts, sizes, strict=True)
        ]
    return jobs


def _replies(futures: list[Future[PushReply]]) -> list[tuple[int, list[str]]]:
    replies = [f.result().response() for f in futures]
    return [(r.applied_through_seq, [result.status for result in r.results]) for r in replies]


def test_the_queue_keeps_each_terminals_pushes_in_order_across_groups(
    ledger: LedgerServer,
) -> None:
    jobs = _jobs(ledger, {"X": (2, 2), "Y": (3, 1), "Z": (2,)})
    queue = PushQueue(ledger.engine, max_group_events=4, thread=False)
    # Four events per group at most. Y's first push does not fit beside X's, so Y's second
    # (which would fit) must wait with it: taken before Y's first, it would be a gap.
    order = [jobs["X"][0], jobs["Y"][0], jobs["Y"][1], jobs["Z"][0], jobs["X"][1]]
    futures = [queue.submit(job) for job in order]

    assert queue.apply_waiting() == 3  # {X1, Z1}, {Y1, Y2}, {X2}
    assert _replies(futures) == [
        (2, ["applied"] * 2),
        (3, ["applied"] * 3),
        (4, ["applied"]),
        (2, ["applied"] * 2),
        (4, ["applied"] * 2),
    ]
    with Session(ledger.engine) as session:
        assert session.scalar(select(func.sum(Entry.points)).where(Entry.member_id == "Q1")) == 10
    ledger_balances_add_up(ledger.engine)


def _failing_writes(monkeypatch: pytest.MonkeyPatch, fails: Any) -> list[list[str]]:
    """Make a group's writes fail (after they were sent, before the commit) when
    ``fails(terminals)`` says so; the terminals of every group written, in order."""
    groups: list[list[str]] = []
    write_rows = push.writer._write_rows

    def failing(batch: Any, writer: Any) -> None:
        write_rows(batch, writer)
        terminals = sorted(p["terminal_id"] for p in batch.positions)
        groups.append(terminals)
        if fails(terminals):
            raise RuntimeError("the database went away")

    monkeypatch.setattr(push.writer, "_write_rows", failing)
    return groups


def test_a_group_that_fails_is_applied_push_by_push(
    ledger: LedgerServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A group that fails after it wrote (as a deadlock or a push that breaks the ledger's
    arithmetic would) is rolled back and its pushes applied one by one. The push that fails
    there while the others go through gets its error, and its terminal's pushes go alone
    until one succeeds, wherever they are in the queue, so its retries never again break
    the others' groups."""
    jobs = _jobs(ledger, {"F1": (1, 1, 1), "F2": (1,), "F3": (1, 1, 1)})
    broken = {"F2": True}
    groups = _failing_writes(monkeypatch, lambda terminals: "F2" in terminals and broken["F2"])
    queue = PushQueue(ledger.engine, thread=False)
    first = [queue.submit(jobs[t][0]) for t in ("F1", "F2", "F3")]
    queue.apply_waiting()

    assert groups == [["F1", "F2", "F3"], ["F1"], ["F2"], ["F3"]]
    assert _replies([first[0], first[2]]) == [(1, ["applied"]), (1, ["applied"])]
    with pytest.raises(RuntimeError, match="went away"):
        first[1].result()

    def round_of(*pushes: PushJob) -> list[Future[PushReply]]:
        groups.clear()
        futures = [queue.submit(job) for job in pushes]
        queue.apply_waiting()
        assert all(future.done() for future in futures)
        return futures

    # F2 retries in the middle of the queue, then at its head: it goes alone both times.
    second = round_of(jobs["F1"][1], jobs["F2"][0], jobs["F3"][1])
    assert groups == [["F1", "F3"], ["F2"]]
    assert _replies([second[0], second[2]]) == [(2, ["applied"]), (2, ["applied"])]
    broken["F2"] = False  # whatever broke it is fixed: this time it goes through, alone
    third = round_of(jobs["F2"][0], jobs["F1"][2], jobs["F3"][2])
    assert groups == [["F2"], ["F1", "F3"]]
    assert _replies(third) == [(1, ["applied"]), (3, ["applied"]), (3, ["applied"])]
    # Having succeeded, F2 is back in the groups.
    extra = _jobs(ledger, {"F4": (1,)})["F4"][0]
    round_of(jobs["F2"][0], extra)
    assert groups == [["F2", "F4"]]
    with Session(ledger.engine) as session:
        assert session.scalar(select(func.count()).select_from(Event)) == 8
    ledger_balances_add_up(ledger.engine)


def test_when_every_push_fails_alone_no_terminal_is_set_apart(
    ledger: LedgerServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database that is down fails every push, alone too: that is no terminal's fault, and
    once it is back the pushes go together again."""
    jobs = _jobs(ledger, {"G1": (1,), "G2": (1,)})
    down = {"now": True}
    groups = _failing_writes(monkeypatch, lambda _: down["now"])
    queue = PushQueue(ledger.engine, thread=False)
    failed = [queue.submit(jobs[t][0]) for t in ("G1", "G2")]
    queue.apply_waiting()
    assert groups == [["G1", "G2"], ["G1"], ["G2"]]
    assert all(isinstance(f.exception(), RuntimeError) for f in failed)

    down["now"] = False
    groups.clear()
    again = [queue.submit(jobs[t][0]) for t in ("G1", "G2")]
    assert queue.apply_waiting() == 1
    assert groups == [["G1", "G2"]]
    assert _replies(again) == [(1, ["applied"]), (1, ["applied"])]


def test_an_error_a_push_meets_alone_fails_only_that_push(
    ledger: LedgerServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before the members' locks an error is its push's own: the others in the group go
    through. A push refused its credential is not even parsed."""
    jobs = _jobs(ledger, {"E1": (1,), "E2": (1,), "E3": (1,)})
    bad = jobs["E2"][0].credential
    prepared: list[str] = []
    prepare = push.state.Job.prepare

    def fragile(job: Any) -> None:
        prepared.append(job.credential)
        if job.credential == bad:
            raise ValueError("a payload nobody foresaw")
        prepare(job)

    monkeypatch.setattr(push.state.Job, "prepare", fragile)
    unknown = PushJob("not-a-credential", jobs["E1"][0].events)
    with Session(ledger.engine) as session:
        outcomes = push_group(session, [jobs["E1"][0], jobs["E2"][0], unknown, jobs["E3"][0]])

    assert [_seen(o) for o in outcomes] == [
        (1, [(1, "applied", None, None)]),
        ("failed", "ValueError"),
        ("refused", 401, "bad_credential"),
        (1, [(1, "applied", None, None)]),
    ]
    assert "not-a-credential" not in prepared
    with Session(ledger.engine) as session:
        assert sorted(session.scalars(select(Event.terminal_id))) == ["E1", "E3"]
    ledger_balances_add_up(ledger.engine)


def test_too_many_events_waiting_are_turned_away_for_a_retry(ledger: LedgerServer) -> None:
    jobs = _jobs(ledger, {"W1": (2,), "W2": (1,), "W3": (1,)})
    queue = PushQueue(ledger.engine, max_waiting_events=3, thread=False)
    taken = [queue.submit(jobs["W1"][0]), queue.submit(jobs["W2"][0])]
    with pytest.raises(Refused) as refused:
        queue.submit(jobs["W3"][0])
    assert (refused.value.status, refused.value.code) == (503, "busy")
    queue.apply_waiting()
    assert _replies(taken) == [(2, ["applied", "applied"]), (1, ["applied"])]
    again = queue.submit(jobs["W3"][0])  # the terminal's retry, once there is room
    assert queue.apply_waiting() == 1
    assert _replies([again]) == [(1, ["applied"])]


def test_pushes_queued_over_http_are_answered_after_their_commit(
    ledger: LedgerServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real path: twelve terminals at once through the applier thread. The first group
    is held until every terminal's first push has arrived, so those go as one or two groups;
    every push is answered with its own results, once, and the ledger holds each event
    once."""
    jobs = _jobs(ledger, {f"H{n}": (3, 3) for n in range(12)})
    queue = ledger.server.config.app.state.pushes
    real = group_commit.push_group
    held: list[int] = []

    def held_first(session: Session, pushes: list[PushJob]) -> list[Outcome]:
        if not held:
            deadline = time.monotonic() + 15
            while queue.waiting + len(pushes) < 12 and time.monotonic() < deadline:
                time.sleep(0.01)
        held.append(len(pushes))
        return real(session, pushes)

    monkeypatch.setattr(group_commit, "push_group", held_first)

    def push_both(pair: list[PushJob]) -> list[int]:
        client = LedgerClient(ledger.url, pair[0].credential)
        try:
            return [client.push(job.events).applied_through_seq for job in pair]
        finally:
            client.close()

    with ThreadPoolExecutor(12) as pool:
        through = list(pool.map(push_both, jobs.values()))

    assert through == [[3, 6]] * 12
    assert sum(held) == 24
    assert held[0] + held[1] >= 12  # the twelve first pushes went in (at most) two groups
    with Session(ledger.engine) as session:
        assert session.scalar(select(func.count()).select_from(Event)) == 72
        assert session.scalar(select(func.sum(Entry.points)).where(Entry.member_id == "Q1")) == 72
    ledger_balances_add_up(ledger.engine)


def test_a_terminal_told_the_ledger_is_busy_retries_and_knows_why(ledger: LedgerServer) -> None:
    jobs = _jobs(ledger, {"B1": (1,), "B2": (1, 1)})
    app = ledger.server.config.app
    full = PushQueue(ledger.engine, max_waiting_events=1, thread=False)
    app.state.pushes = full
    waiting = full.submit(jobs["B1"][0])  # the queue is full: one event waits
    client = LedgerClient(ledger.url, jobs["B2"][0].credential)
    try:
        with pytest.raises(TransientError, match="503: The ledger has too many events waiting"):
            client.push(jobs["B2"][0].events)
        full.apply_waiting()
        assert _replies([waiting]) == [(1, ["applied"])]
        app.state.pushes = PushQueue(ledger.engine)
        assert client.push(jobs["B2"][0].events).applied_through_seq == 1  # the retry
    finally:
        client.close()
