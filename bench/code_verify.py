"""code_verify: p99 milliseconds to verify a member's phone code and find the member, offline,
in a replica of 1,000,000 members (``bench.build_db``).

Each sample is ``Terminal.verify_code`` on a fresh dynamic code: parse, the ledger's signature
over the phone's credential, the phone's signature over the step, the member read, and the
check that the step was not taken before. The baseline is a bare primary-key read of the
member row on an open ``sqlite3`` connection to the same file, timed interleaved, one each.
Taking the step (``Terminal.scan``) adds one durable commit; its p99 is printed beside.
"""

from __future__ import annotations

import random
import time
from datetime import timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import delete

from app.bootstrap import open_terminal
from app.config import DATABASE_NAME
from app.domain import codes
from app.services.context import FixedClock
from app.services.member_codes import PublishedKey, install_keys
from app.store.models import AcceptedCodeStep
from bench.build_db import Population, ensure_database
from bench.common import BENCH_NOW, Figure, note, percentile
from bench.lookup import bare_connection, warm_file

KEY_ID = "KB"


def _raw(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def run(quick: bool) -> Figure:
    population = Population(20_000, 1_000) if quick else Population(1_000_000, 20_000)
    count, warmup, scans = (400, 100, 50) if quick else (3000, 300, 300)
    data_dir = ensure_database(population)
    warm_file(data_dir / DATABASE_NAME)
    terminal = open_terminal(data_dir, clock=FixedClock(BENCH_NOW))
    ledger_key = Ed25519PrivateKey.generate()
    phone_key = Ed25519PrivateKey.generate()
    with terminal.ctx.write() as session:
        install_keys(session, [PublishedKey(KEY_ID, _raw(ledger_key), False)], BENCH_NOW)
        # The cached database keeps the steps an earlier run took at the same fixed moment.
        session.execute(delete(AcceptedCodeStep))
    rng = random.Random(7)
    expires = BENCH_NOW.date() + timedelta(days=30)

    def code_for(n: int) -> tuple[str, str]:
        member_id = population.member_id(n)
        credential = codes.issue_credential(ledger_key, KEY_ID, member_id, _raw(phone_key), expires)
        return codes.dynamic_code(credential, phone_key, BENCH_NOW), member_id

    samples = [code_for(rng.randrange(population.members)) for _ in range(warmup + count)]
    bare = bare_connection(data_dir / DATABASE_NAME)
    read = "SELECT * FROM members WHERE member_id = ?"
    verify_ms: list[float] = []
    bare_ms: list[float] = []
    scan_ms: list[float] = []
    clock = time.perf_counter_ns
    try:
        for text, member_id in samples[:warmup]:
            terminal.verify_code(text)
            bare.execute(read, (member_id,)).fetchone()
        for text, member_id in samples[warmup:]:
            t0 = clock()
            found = terminal.verify_code(text)
            t1 = clock()
            row = bare.execute(read, (member_id,)).fetchone()
            t2 = clock()
            if found.member_id != member_id or row is None:
                raise AssertionError(f"code of {member_id} named {found.member_id}")
            verify_ms.append((t1 - t0) / 1e6)
            bare_ms.append((t2 - t1) / 1e6)
        # Taking the step: a durable commit each (distinct members, so none is a replay).
        taken = {m for _, m in samples}
        for n in range(scans):
            text, member_id = code_for(n)
            if member_id in taken:
                continue
            t0 = clock()
            terminal.scan(text)
            scan_ms.append((clock() - t0) / 1e6)
    finally:
        bare.close()
        terminal.close()
    p99 = percentile(verify_ms, 99)
    base = percentile(bare_ms, 99)
    note(
        f"code_verify: {population.members} members, {count} phone codes: verify+find "
        f"p50={percentile(verify_ms, 50):.3f} ms p99={p99:.3f} ms (target <= 1 ms); bare PK "
        f"read p99={base * 1000:.1f} us; taking the step (one commit) "
        f"p99={percentile(scan_ms, 99):.2f} ms over {len(scan_ms)} scans"
    )
    return Figure("code_verify", p99, "ms", base)
