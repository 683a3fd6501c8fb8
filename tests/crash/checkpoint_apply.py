"""The child of the chunked checkpoint test: apply one checkpoint (made the same way every
time) to a terminal, in chunks, and kill itself after a given chunk.

Usage: checkpoint_apply.py DATA_DIR CHUNK_S [KILL_AFTER_CHUNK]

Prints ``chunk N`` after each committed chunk and ``done`` at the end; with KILL_AFTER_CHUNK
it sends itself SIGKILL right after that chunk committed (between two chunks).
"""

from __future__ import annotations

import os
import signal
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from app.bootstrap import open_terminal
from app.domain.profile import DayDelta
from app.services import replica
from app.services.context import FixedClock

NOW = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)
LOCAL = ("L000001", "L000002", "L000003")  # enrolled at this counter
MEMBERS = 240
CURSOR = 7


def member(n: int) -> replica.ReplicaMember:
    known = n < len(LOCAL)
    member_id = LOCAL[n] if known else f"M{n:06d}"
    phone = f"1390000{n + 1:04d}" if known else f"1370000{n:04d}"
    day = date(2026, 11, 1) + timedelta(days=n % 20)
    days = () if n % 3 == 0 else (DayDelta(day, 1000 + n, 1, 0, {"grocery": 1000 + n}),)
    coupons = ()
    if n % 4 == 1:
        coupons = (
            replica.ReplicaCoupon(
                f"C{n:08d}", "welcome", date(2026, 11, 1), date(2026, 12, 31), n % 8 == 1
            ),
        )
    return replica.ReplicaMember(
        member_id=member_id,
        phone=phone,
        name=f"Member {n}",
        birthday=None,
        enrolled_on=date(2026, 1, 1),
        home_store="S001",
        plus_expires_on=None,
        status="active",
        points=(n * 37) % 900 - (50 if n % 11 == 0 else 0),
        growth=n * 5,
        buckets=((date(2027, 12, 31), (n * 37) % 900),),
        days=days,
        coupons=coupons,
    )


def checkpoint() -> replica.Checkpoint:
    return replica.Checkpoint(
        cursor=CURSOR,
        applied_through_seq=2,  # the ledger took this terminal's first events
        ledger_time=NOW,
        members=[member(n) for n in range(MEMBERS)],
        rule_book=None,
    )


def main() -> None:
    data_dir, chunk_s = Path(sys.argv[1]), float(sys.argv[2])
    kill_after = int(sys.argv[3]) if len(sys.argv) > 3 else None
    terminal = open_terminal(data_dir, clock=FixedClock(NOW))

    def after_chunk(number: int) -> None:
        print(f"chunk {number}", flush=True)
        if number == kill_after:
            os.kill(os.getpid(), signal.SIGKILL)

    replica.apply_checkpoint(terminal.ctx, checkpoint(), chunk_s=chunk_s, after_chunk=after_chunk)
    terminal.close()
    print("done", flush=True)


if __name__ == "__main__":
    main()
