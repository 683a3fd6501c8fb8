"""The bundle is the product (issue 15): a terminal paired with a real ledger syncs through
the terminal's own sync path, and that path never imports the ledger (``sync.server``, with
FastAPI, uvicorn and the ledger's database drivers). Checked in a process of its own, as the
window runs it: open the paired terminal, start sync the way the window does, run a round
against a real ledger process, then look at what was imported."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

from .harness import Counter, Ledger, base_env, run

PROBE = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path

    from app.bootstrap import open_terminal
    from sync.client.authorizer import connect
    from sync.client.startup import start_sync
    from sync.client.worker import SyncWorker
    import ui.background_sync  # the window's own starter

    terminal = open_terminal(Path(sys.argv[1]), create=False, connect=connect)
    embedded, syncer = start_sync(terminal)
    result = SyncWorker(syncer).run_round()
    terminal.close()
    ledger_side = sorted(
        name for name in sys.modules
        if name.split(".")[0] in ("fastapi", "uvicorn", "psycopg", "starlette")
        or name == "sync.server" or name.startswith("sync.server.")
    )
    print(json.dumps({
        "embedded": embedded is not None,
        "pushed": None if result is None else result.pushed,
        "ledger_side": ledger_side,
    }))
    """
)


def test_the_paired_sync_path_imports_nothing_of_the_ledger(tmp_path: Path) -> None:
    home = tmp_path / "ledger-host"
    home.mkdir()
    ledger = Ledger(f"sqlite+pysqlite:///{home / 'ledger.db'}", home)
    ledger.start()
    try:
        (tmp_path / "pc").mkdir()
        counter = Counter(tmp_path / "pc" / "memberdesk", tmp_path / "pc")
        code = ledger.add_terminal("T01", "S001")
        counter.run("pair", "--ledger", ledger.url, "--code", code, "--terminal-id", "T01")
        counter.run("cashier", "first", "lin", "--name", "Lin", "--pin", "1111")
        counter.run("enroll", "--phone", "13900000001", "--name", "Zhang Wei", "--cashier", "lin")
        done = run(
            [sys.executable, "-c", PROBE, str(counter.data_dir)],
            base_env(counter.home),
        )
    finally:
        ledger.stop()
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["embedded"] is False
    assert seen["pushed"] and seen["pushed"] >= 1  # a real round, not a skipped one
    assert seen["ledger_side"] == []
