"""Kill a terminal with SIGKILL mid-work, again and again: nothing acknowledged is lost.

A child process awards in a loop and prints each request id only after ``award()`` returned.
After every kill the child starts again on the same data directory (first retrying the request
that was in flight, as the screen would). At the end every acknowledged award is there exactly
once, every journal entry has its outbox event, and the journal and SQLite both verify.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from app.bootstrap import open_terminal

CHILD = Path(__file__).with_name("award_loop.py")
ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 15
BUDGET_S = 25.0  # stop starting new rounds after this long (a slow machine does fewer)


def _start(data_dir: Path, run: int, retry: str | None) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    argv = [sys.executable, str(CHILD), str(data_dir), str(run)]
    if retry is not None:
        argv.append(retry)
    return subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )


def _kill_at_random(child: subprocess.Popen[str], rng: random.Random) -> list[str]:
    """Wait for ``ready`` (so startup is done), let it award a little, SIGKILL it, and return
    the acknowledged request ids."""
    assert child.stdout is not None
    first = child.stdout.readline()
    if first != "ready\n":
        child.kill()
        _, err = child.communicate()
        raise AssertionError(f"child did not start: {first!r} {err}")
    time.sleep(rng.uniform(0.0, 0.4))
    child.send_signal(signal.SIGKILL)
    out, _ = child.communicate()
    assert child.returncode == -signal.SIGKILL, f"child ended on its own: {child.returncode}"
    lines = out.split("\n")
    # A line without its newline was cut by the kill: not acknowledged.
    complete = lines[:-1]
    return [line.removeprefix("ack ") for line in complete if line.startswith("ack ")]


@pytest.mark.slow
def test_acknowledged_awards_survive_sigkill(tmp_path: Path) -> None:
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    data_dir = tmp_path / "data"
    acked: list[str] = []
    retry: str | None = None
    started = time.monotonic()
    rounds = 0
    for run in range(ROUNDS):
        if time.monotonic() - started > BUDGET_S:
            break
        got = _kill_at_random(_start(data_dir, run, retry), rng)
        acked.extend(got)
        # The request after the last acknowledged one may or may not have committed.
        own = [r for r in got if r.startswith(f"a-{run}-")]
        retry = f"a-{run}-{len(own)}"
        rounds += 1
    assert rounds >= 3
    assert acked, "no award was acknowledged: the test proved nothing"
    assert len(acked) == len(set(acked))

    db = data_dir / "terminal.db"
    with closing(sqlite3.connect(db)) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        requests = {r for (r,) in con.execute("SELECT request_id FROM requests")}
        per_request = dict(
            con.execute("SELECT request_id, COUNT(*) FROM purchases GROUP BY request_id")
        )
        events = dict(
            con.execute(
                "SELECT request_id, COUNT(*) FROM outbox WHERE kind = 'purchase' "
                "GROUP BY request_id"
            )
        )
        orphans = con.execute(
            "SELECT COUNT(*) FROM journal WHERE event_seq NOT IN (SELECT seq FROM outbox)"
        ).fetchone()[0]
        seqs = [s for (s,) in con.execute("SELECT seq FROM outbox ORDER BY seq")]
        earned = con.execute("SELECT COALESCE(SUM(points_earned), 0) FROM purchases").fetchone()[0]
        balance = con.execute("SELECT points FROM balances WHERE member_id = 'M1'").fetchone()[0]

    missing = [r for r in acked if r not in requests]
    assert not missing, f"acknowledged but lost: {missing}"
    assert all(per_request.get(r) == 1 for r in acked), "an award applied twice or not at all"
    assert all(events.get(r) == 1 for r in acked), "an award without its outbox event"
    assert set(per_request) <= requests  # nothing applied without its request record
    assert all(n == 1 for n in per_request.values())
    assert orphans == 0
    assert seqs == list(range(1, len(seqs) + 1))
    assert balance == earned

    terminal = open_terminal(data_dir)
    try:
        report = terminal.verify()
        assert report.ok, report.problems
        assert terminal.card("M1").points == balance
    finally:
        terminal.close()


@pytest.mark.slow
def test_a_first_start_killed_while_creating_the_database_starts_cleanly(
    tmp_path: Path,
) -> None:
    """Kill the child just after it created the database file, while the schema is being
    made: the next start must migrate and work, never find half a schema."""
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    for attempt in range(5):
        data_dir = tmp_path / f"data{attempt}"
        child = _start(data_dir, 0, None)
        deadline = time.monotonic() + 30
        while not (data_dir / "terminal.db").exists() and child.poll() is None:
            assert time.monotonic() < deadline, "the child never created its database"
            time.sleep(0.001)
        time.sleep(rng.uniform(0.0, 0.15))
        child.send_signal(signal.SIGKILL)
        child.communicate()

        terminal = open_terminal(data_dir)
        try:
            report = terminal.verify()
            assert report.ok, report.problems
            enrolled = terminal.enroll("after", terminal.actor("system"), phone="13900000009",
                                       name="After Crash")  # fmt: skip
            assert terminal.card(enrolled.member_id).points == 0
        finally:
            terminal.close()
        with closing(sqlite3.connect(data_dir / "terminal.db")) as con:
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
