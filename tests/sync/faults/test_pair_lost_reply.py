"""A pairing whose answer is lost on the way: the ledger took the code, the PC never heard.
The next ``memberdesk pair`` with the same code, a new process, finishes that same pairing
(the PC offers the secret it wrote down before sending), and the PC syncs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ..conftest import LedgerServer
from .proxy import Fault, FaultProxy

BIN = Path(sys.executable).parent


def _memberdesk(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEMBERDESK_")}
    env["MEMBERDESK_CONFIG_DIR"] = str(data.parent / "config")
    env["MEMBERDESK_LOG_DIR"] = str(data.parent / "logs")
    return subprocess.run(
        [str(BIN / "memberdesk"), "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def test_a_pairing_whose_answer_was_lost_is_finished_by_the_next_try(
    ledger: LedgerServer, tmp_path: Path
):
    code = ledger.add_terminal("T01", "S001")
    data = tmp_path / "pc" / "data"
    with FaultProxy(ledger.url) as proxy:
        # every try of the first process reaches the ledger, none of the answers comes back
        proxy.script(*[Fault("drop_reply", path="/v1/pair")] * 3)
        first = _memberdesk(data, "pair", "--ledger", proxy.url, "--code", code)
        assert first.returncode == 1, first.stdout + first.stderr
        assert "pair again with the same code" in first.stderr
        assert not (data / "ledger-credential.json").exists()
        proxy.settle()
        again = _memberdesk(data, "pair", "--ledger", proxy.url, "--code", code)
        assert again.returncode == 0, again.stdout + again.stderr
        assert "Paired terminal T01" in again.stdout
        assert not (data / "ledger-credential.pending.json").exists()
        _memberdesk(data, "cashier", "first", "lin", "--name", "Lin", "--pin", "1111")
        enrolled = _memberdesk(
            data, "enroll", "--phone", "13912340000", "--name", "Li", "--cashier", "lin"
        )
        assert enrolled.returncode == 0, enrolled.stderr
        synced = _memberdesk(data, "sync", "--once")
        assert synced.returncode == 0, synced.stdout + synced.stderr
    assert ledger.report()["members"] == 1
