"""The child of the terminal-SIGKILL test: trade and sync in a loop until killed.

Usage: sync_loop.py DATA_DIR RUN MEMBER_ID

Prints ``ready`` once the terminal is open and paired, then for ever: an award, a small
online-or-offline redemption every third time, and a sync round, printing ``round N`` after
each round that got through. The parent kills it at a random moment.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from app.bootstrap import open_terminal
from app.domain.errors import MemberDeskError
from app.domain.quote import Line
from app.services.context import Actor
from sync.client.authorizer import connect
from sync.client.commands import make_syncer
from sync.client.http import TransientError

CASHIER = Actor("lin", "Lin Cashier", "cashier")
MAX_STEPS = 500  # the parent kills it long before; never loop for ever


def main() -> None:
    data_dir, run, member = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    terminal = open_terminal(data_dir, connect=connect)
    syncer = make_syncer(terminal)
    if syncer is None:
        raise SystemExit("not paired")
    print("ready", flush=True)
    for n in range(MAX_STEPS):
        terminal.award(f"k-{run}-{n}", CASHIER, member, [Line("grocery", 1_000 + 100 * n)])
        if n % 3 == 2:
            with contextlib.suppress(MemberDeskError):  # not enough points here yet
                terminal.redeem(
                    f"r-{run}-{n}", CASHIER, member, "order", points=5, amount_fen=5_000
                )
        try:
            syncer.round()
        except TransientError:
            continue
        print(f"round {n}", flush=True)
    print("done", flush=True)


if __name__ == "__main__":
    main()
