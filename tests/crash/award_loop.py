"""The child of the SIGKILL test: award in a loop and acknowledge each award on stdout.

Usage: award_loop.py DATA_DIR ROUND [RETRY_ID]

Prints ``ready`` once the terminal is open, then for each award ``ack <request id>`` only after
``award()`` has returned (that is, after the commit), flushing every line. With RETRY_ID it
first retries the request that was in flight when the previous run was killed, as a client
that never saw the answer would.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.bootstrap import open_terminal
from app.domain.quote import Line
from app.services.context import Actor

MEMBER = "M1"
CASHIER = Actor("lin", "Lin Cashier", "cashier")


def main() -> None:
    data_dir, run = Path(sys.argv[1]), int(sys.argv[2])
    retry = sys.argv[3] if len(sys.argv) > 3 else None
    terminal = open_terminal(data_dir)
    terminal.enroll("enroll-M1", CASHIER, phone="13900000001", name="Crash Test", member_id=MEMBER)
    print("ready", flush=True)
    if retry is not None:
        terminal.award(retry, CASHIER, MEMBER, [Line("grocery", 1_000 + int(retry.split("-")[2]))])
        print(f"ack {retry}", flush=True)
    n = 0
    while True:
        request_id = f"a-{run}-{n}"
        terminal.award(request_id, CASHIER, MEMBER, [Line("grocery", 1_000 + n)])
        print(f"ack {request_id}", flush=True)
        n += 1


if __name__ == "__main__":
    main()
