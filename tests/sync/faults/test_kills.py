"""SIGKILL at the worst moments: the ledger with a batch in flight, a terminal in the middle
of a sync round. After a restart and a sync, every event is at the ledger exactly once."""

from __future__ import annotations

import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.domain.quote import Line
from app.services import replica
from sync.client.http import TransientError
from sync.server import ledger as ledger_rules
from sync.server.cli import open_ledger
from sync.server.models import Event

from ..conftest import LedgerServer, TerminalFactory
from .checks import (
    assert_exactly_once,
    assert_terminal_shows_ledger,
    assert_verified,
    drain,
    sync_until_done,
)
from .conftest import client_for, open_paired
from .proxy import Fault, FaultProxy

ROOT = Path(__file__).resolve().parents[3]
CHILD = Path(__file__).with_name("sync_loop.py")
START_S = 30.0  # a ledger or a child that takes longer than this to start is broken
LEDGER_KILLS = 3
TERMINAL_KILLS = 4
BUDGET_S = 40.0  # stop killing after this long (a slow machine kills fewer times)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class LedgerProcess:
    """``memberdesk-ledger serve`` in a child process, on a fixed loopback port."""

    def __init__(self, database_url: str, port: int, log: Path) -> None:
        self.database_url = database_url
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0

    def start(self) -> None:
        assert self.process is None
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "sync.server.cli",
                    "--database-url",
                    self.database_url,
                    "--log-level",
                    "WARNING",
                    "serve",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.port),
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
                cwd=ROOT,
            )
        self.starts += 1
        deadline = time.monotonic() + START_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the ledger exited: {self.log.read_text()[-2000:]}")
            try:
                if requests.get(f"{self.url}/v1/health", timeout=1).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.05)
        raise AssertionError(f"the ledger did not start: {self.log.read_text()[-2000:]}")

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)
        assert self.process.returncode == -signal.SIGKILL
        self.process = None

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait(10)
            self.process = None


@pytest.fixture
def ledger_process(ledger_url: str, tmp_path: Path) -> Iterator[tuple[LedgerProcess, Engine]]:
    engine = open_ledger(ledger_url)  # migrated, with the built-in rule book
    server = LedgerProcess(ledger_url, _free_port(), tmp_path / "ledger.log")
    server.start()
    yield server, engine
    server.stop()
    engine.dispose()


def _pairing_code(engine: Engine, terminal_id: str, store: str) -> str:
    with Session(engine) as session, session.begin():
        return ledger_rules.add_terminal(
            session, terminal_id, store, ledger_rules.rule_book(session)
        )


@pytest.mark.slow
def test_ledger_killed_with_a_batch_in_flight(
    ledger_process: tuple[LedgerProcess, Engine], tmp_path: Path
) -> None:
    server, engine = ledger_process
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    terminal, syncer = open_paired(
        tmp_path / "T01",
        "T01",
        "S001",
        ledger_url=server.url,
        pairing_code=_pairing_code(engine, "T01", "S001"),
    )
    try:
        with FaultProxy(server.url) as proxy:
            syncer.client = client_for(terminal, proxy.url, timeout=(2.0, 10.0))
            lin = terminal.actor("lin")
            member = terminal.enroll("enroll", lin, phone="13955550000", name="Kill").member_id
            cut = 0
            for round_no in range(LEDGER_KILLS):
                for n in range(20):
                    terminal.award(f"a-{round_no}-{n}", lin, member, [Line("grocery", 5_000 + n)])
                outcome: list[str] = []

                def push(outcome: list[str] = outcome) -> None:
                    try:
                        syncer.push()
                        outcome.append("pushed")
                    except TransientError as error:
                        outcome.append(f"cut: {error}")

                proxy.forwarded.clear()
                pusher = threading.Thread(target=push)
                pusher.start()
                assert proxy.forwarded.wait(START_S), "the push never reached the ledger"
                # First kill at once, then at random moments while the batch is applied.
                time.sleep(0.0 if round_no == 0 else rng.uniform(0.0, 0.2))
                server.kill()
                pusher.join(30)
                assert not pusher.is_alive()
                cut += outcome[0].startswith("cut")
                server.start()  # the same port, the same database
                proxy.settle()
            assert server.starts == LEDGER_KILLS + 1
            sync_until_done(syncer)
            assert_exactly_once(engine, [terminal])
            assert_terminal_shows_ledger(engine, terminal)
            assert_verified(terminal)
            print(f"seed {seed}: {cut} of {LEDGER_KILLS} pushes cut by the kill")
    finally:
        terminal.close()


def _run_child(data_dir: Path, run: int, member: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir), str(run), member],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
    )


@pytest.mark.slow
def test_terminal_killed_during_sync(
    ledger: LedgerServer, make_counter: TerminalFactory, tmp_path: Path
) -> None:
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    counter = make_counter("T01", "S001")
    other = make_counter("T02", "S002")
    lin = counter.terminal.actor("lin")
    member = counter.terminal.enroll("enroll", lin, phone="13966660000", name="Kill").member_id
    counter.terminal.award("first", lin, member, [Line("grocery", 50_000)])
    sync_until_done(counter.syncer)
    sync_until_done(other.syncer)  # the other store knows the member
    data_dir = counter.terminal.settings.data_dir
    counter.terminal.close()  # the child owns the terminal from here

    started = time.monotonic()
    rounds = 0
    for run in range(TERMINAL_KILLS):
        if time.monotonic() - started > BUDGET_S:
            break
        child = _run_child(data_dir, run, member)
        assert child.stdout is not None
        first = child.stdout.readline()
        if first != "ready\n":
            child.kill()
            _, err = child.communicate()
            raise AssertionError(f"child did not start: {first!r} {err}")
        time.sleep(rng.uniform(0.05, 0.8))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        assert child.returncode == -signal.SIGKILL, f"child ended on its own: {out[-500:]}"
        rounds += out.count("round ")
        # Meanwhile another store trades with the same member.
        other.terminal.award(
            f"o-{run}", other.terminal.actor("lin"), member, [Line("grocery", 777)]
        )
        sync_until_done(other.syncer)

    terminal, syncer = open_paired(
        data_dir, "T01", "S001", ledger_url=ledger.url, pairing_code=None, clock=counter.clock
    )
    try:
        drain([syncer, other.syncer])
        assert_exactly_once(ledger.engine, [terminal, other.terminal])
        for each in (terminal, other.terminal):
            assert_terminal_shows_ledger(ledger.engine, each)
            assert_verified(each)
        print(f"seed {seed}: the children got {rounds} rounds through before their kills")
    finally:
        terminal.close()


def test_terminal_killed_after_the_ledger_committed_before_it_read_the_reply(
    ledger: LedgerServer, proxy: FaultProxy, tmp_path: Path
) -> None:
    """The worst moment, hit exactly: ``memberdesk sync --once`` is SIGKILLed once the ledger
    has committed its push and before the reply reaches it. The terminal still holds its
    events as unsent; its next sync sends them again and gets the first results back."""
    data_dir = tmp_path / "T09"
    code = ledger.add_terminal("T09", "S001")
    terminal, syncer = open_paired(data_dir, "T09", "S001", ledger_url=proxy.url, pairing_code=code)
    lin = terminal.actor("lin")
    member = terminal.enroll("enroll", lin, phone="13977770000", name="Cut").member_id
    terminal.award("a1", lin, member, [Line("grocery", 12_000)])
    terminal.award("a2", lin, member, [Line("grocery", 8_000)])
    sent = {e.event_id for e in replica.pending_events(terminal.ctx, 500)}
    syncer.client.close()
    terminal.close()

    child: list[subprocess.Popen[str]] = []

    def kill_the_terminal() -> None:
        child[0].send_signal(signal.SIGKILL)
        child[0].wait(10)

    proxy.script(Fault("drop_reply", method="POST", then=kill_the_terminal))
    command = "import sys; from ui.composition import main; sys.exit(main())"
    child.append(
        subprocess.Popen(
            [sys.executable, "-c", command, "--data-dir", str(data_dir), "sync", "--once"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            cwd=ROOT,
        )
    )
    out, _ = child[0].communicate(timeout=60)
    assert child[0].returncode == -signal.SIGKILL, f"the sync was not cut: {out[-1000:]}"
    assert proxy.faults_applied() == ["drop_reply"]
    with Session(ledger.engine) as session:
        at_ledger = set(session.scalars(select(Event.event_id).where(Event.terminal_id == "T09")))
    assert at_ledger == sent  # the ledger committed the push

    terminal, syncer = open_paired(data_dir, "T09", "S001", ledger_url=proxy.url, pairing_code=None)
    try:
        assert {e.event_id for e in replica.pending_events(terminal.ctx, 500)} == sent
        sync_until_done(syncer)
        assert replica.pending_events(terminal.ctx, 500) == []
        assert_exactly_once(ledger.engine, [terminal])
        assert_terminal_shows_ledger(ledger.engine, terminal)
        assert_verified(terminal)
        pushes = [s for s in proxy.seen if s.path == "/v1/events" and s.method == "POST"]
        assert [s.statuses for s in pushes] == [[200], [200]]  # sent twice, applied once
    finally:
        syncer.client.close()
        terminal.close()
