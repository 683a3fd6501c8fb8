"""Pushes applied together (group commit) give what they give applied one by one, in order.

Two identical worlds in one ledger: world A's pushes go through as one group, world B's (the
same stories with B's names) one push per transaction. Every reply, refusal, balance, entry,
lot, flag and terminal position must match, name for name.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.events import GENESIS_HASH
from sync.client.http import LedgerClient
from sync.protocol import PushResponse
from sync.server import group_commit
from sync.server import ledger as ledger_rules
from sync.server.errors import Refused
from sync.server.group_commit import PushQueue
from sync.server.models import Entry, Event, Flag, Lot, Member, Terminal
from sync.server.push import PushJob, push_group

from .conftest import LedgerServer
from .faults.checks import ledger_balances_add_up
from .support import make_chain

Outcome = PushResponse | Refused


def _pair(ledger: LedgerServer, terminal_id: str) -> str:
    code = ledger.add_terminal(terminal_id, "S001")
    with Session(ledger.engine) as session, session.begin():
        return ledger_rules.pair(session, terminal_id, code)[1]


def _world(ledger: LedgerServer, w: str) -> list[PushJob]:
    """World ``w``'s pushes, in order; names and phones carry the world's letter."""
    digit = "1" if w == "A" else "2"
    with Session(ledger.engine) as session, session.begin():
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
            ledger_rules.rule_book(session),
        )
    credential = {n: _pair(ledger, f"{w}T{n}") for n in range(1, 7)}
    with Session(ledger.engine) as session, session.begin():
        ledger_rules.revoke(session, f"{w}T5")
    m1, new = f"{w}M1", f"{w}N1"
    enroll: dict[str, Any] = {
        "member_id": new,
        "phone": f"1390{digit}000002",
        "enrolled_on": "2026-01-05",
        "store": "S001",
    }
    first = make_chain(
        f"{w}T1",
        [
            ("adjust", {"member_id": m1, "points": 50, "store": "S001"}),
            ("redeem", {"member_id": m1, "points": 120, "store": "S001"}),
        ],
    )
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
                ],
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
        # Sees what the pushes before it did: the balance, and the member enrolled above.
        PushJob(
            credential[4],
            make_chain(
                f"{w}T4",
                [
                    ("redeem", {"member_id": m1, "points": 40, "store": "S001"}),
                    ("adjust", {"member_id": new, "points": 5, "store": "S001"}),
                    ("member_enrolled", enroll | {"member_id": f"{w}N2"}),  # phone taken
                ],
            ),
        ),
        PushJob("not-a-credential", make_chain(f"{w}T1", [("adjust", {"member_id": m1})])),
        PushJob(credential[5], make_chain(f"{w}T5", [("adjust", {"member_id": m1})])),
        # Terminal 6 sends terminal 1's events: refused.
        PushJob(credential[6], make_chain(f"{w}T1", [("adjust", {"member_id": m1})], seq=3)),
        # Terminal 1 again: its next events, then a retry of its first push.
        PushJob(
            credential[1],
            make_chain(
                f"{w}T1",
                [("adjust", {"member_id": m1, "points": 25, "store": "S001"})],
                seq=3,
                prev=first[-1].hash,
            ),
        ),
        PushJob(credential[1], first),
    ]


def _seen(outcome: Outcome) -> Any:
    """What a terminal sees of an outcome, without the ledger time."""
    if isinstance(outcome, Refused):
        return ("refused", outcome.status, outcome.code)
    return (
        outcome.applied_through_seq,
        [(r.seq, r.status, r.code, r.reason) for r in outcome.results],
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
                "flags": session.execute(
                    select(Flag.kind, Flag.points, Flag.detail).where(Flag.member_id == m.member_id)
                ).all(),
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
    assert seen[0] == (2, [(1, "applied", None, None), (2, "applied", None, None)])
    assert [r[2] for r in seen[1][1]] == [None, None, "bad_payload"]
    assert seen[2] == ("refused", 409, "sequence_gap")
    assert seen[3][1][0][1:3] == ("applied", None)
    assert seen[3][1][2][2] == "duplicate_phone"
    assert seen[4:7] == [
        ("refused", 401, "bad_credential"),
        ("refused", 403, "revoked"),
        ("refused", 403, "wrong_terminal"),
    ]
    assert seen[7] == (3, [(3, "applied", None, None)])
    assert seen[8] == (3, seen[0][1])  # the retry: the first results, nothing applied twice
    state = _state(ledger, "A")
    # 100 + 50 - 120 = 30; - 40 = -10, owed and flagged; + 25 settles it and leaves 15.
    assert state["M1"]["balance"] == (15, 0, 0)
    assert [(kind, points) for kind, points, _ in state["M1"]["flags"]] == [("overdraft", 10)]
    assert state["N1"]["balance"] == (15, 0, 0)
    assert ("T3", 0) in state["terminals"]
    assert not [e for e in state["events"] if e[0] in ("T3", "T5", "T6")]
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


def _replies(futures: list[Future[PushResponse]]) -> list[tuple[int, list[str]]]:
    return [
        (f.result().applied_through_seq, [r.status for r in f.result().results]) for f in futures
    ]


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


def test_a_group_that_fails_is_applied_push_by_push(
    ledger: LedgerServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    jobs = _jobs(ledger, {"F1": (1,), "F2": (1,), "F3": (1,)})
    broken = jobs["F2"][0].credential
    applied: list[int] = []

    def flaky(session: Session, pushes: list[PushJob]) -> list[Outcome]:
        # A group fails (as a deadlock or a lost connection would); F2's push always fails.
        if len(pushes) > 1 or pushes[0].credential == broken:
            session.execute(select(1))
            raise RuntimeError("the database went away")
        applied.append(len(pushes))
        return push_group(session, pushes)

    monkeypatch.setattr(group_commit, "push_group", flaky)
    queue = PushQueue(ledger.engine, thread=False)
    futures = [queue.submit(jobs[t][0]) for t in ("F1", "F2", "F3")]
    queue.apply_waiting()

    assert applied == [1, 1]
    assert _replies([futures[0], futures[2]]) == [(1, ["applied"]), (1, ["applied"])]
    with pytest.raises(RuntimeError, match="went away"):
        futures[1].result()
    with Session(ledger.engine) as session:
        assert session.scalar(select(func.count()).select_from(Event)) == 2
    ledger_balances_add_up(ledger.engine)


def test_pushes_queued_over_http_are_answered_after_their_commit(ledger: LedgerServer) -> None:
    """The real path: many terminals at once through the applier thread; every push is
    answered with its own results, once, and the ledger holds each event once."""
    jobs = _jobs(ledger, {f"H{n}": (3, 3) for n in range(12)})

    def push_both(pair: list[PushJob]) -> list[int]:
        client = LedgerClient(ledger.url, pair[0].credential)
        try:
            return [client.push(job.events).applied_through_seq for job in pair]
        finally:
            client.close()

    with ThreadPoolExecutor(12) as pool:
        through = list(pool.map(push_both, jobs.values()))

    assert through == [[3, 6]] * 12
    with Session(ledger.engine) as session:
        assert session.scalar(select(func.count()).select_from(Event)) == 72
        assert session.scalar(select(func.sum(Entry.points)).where(Entry.member_id == "Q1")) == 72
    ledger_balances_add_up(ledger.engine)
