"""Sync's part of ``memberdesk --self-test``: a real round with a ledger on loopback.

A terminal in a scratch directory pairs with a ledger started in this process on a free
loopback port, enrolls a member, sells, syncs, redeems online (the ledger must hold the
points) and syncs again; the ledger's balance must equal the terminal's. It proves that this
install (the bundle too) has every module a sync needs.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.selftest import Check


def check_sync_round(scratch: Path) -> str:
    from app.bootstrap import open_terminal
    from app.config import Settings
    from app.domain.quote import Line
    from sync.client.authorizer import connect
    from sync.client.commands import make_syncer, pair_terminal
    from sync.client.embedded import start_ledger_thread
    from sync.server import ledger
    from sync.server.db import sqlite_url
    from sync.server.models import Hold, Member

    server = start_ledger_thread(sqlite_url(scratch / "ledger.db"))
    data = scratch / "data"
    terminal = open_terminal(
        data,
        settings=Settings(data_dir=data, terminal_id="SELFTEST", store_code="S001"),
        connect=connect,
    )
    try:
        with Session(server.engine) as session, session.begin():
            code = ledger.add_terminal(session, "SELFTEST", "S001", ledger.rule_book(session))
        pair_terminal(terminal, server.url, code)
        terminal.add_first_admin("selftest", "Self Test", "1234")
        actor = terminal.actor("selftest")
        member = terminal.enroll("st-enroll", actor, phone="13900000001", name="Self Test")
        terminal.award("st-award", actor, member.member_id, [Line("grocery", 50_000)])
        syncer = make_syncer(terminal)
        if syncer is None:
            raise RuntimeError("paired, but no sync engine")
        syncer.round()
        redeemed = terminal.redeem(
            "st-redeem", actor, member.member_id, "order", points=100, amount_fen=10_000
        )
        with Session(server.engine) as session:
            hold = session.scalar(select(Hold).where(Hold.request_id == "st-redeem"))
        if hold is None:
            raise RuntimeError("an online redemption did not ask the ledger for a hold")
        syncer.round()
        with Session(server.engine) as session:
            at_ledger = session.get(Member, member.member_id)
            consumed = session.scalar(select(Hold.consumed).where(Hold.hold_id == hold.hold_id))
        if at_ledger is None or at_ledger.points != redeemed.balance:
            seen = None if at_ledger is None else at_ledger.points
            raise RuntimeError(f"ledger balance {seen}, terminal {redeemed.balance}")
        if not consumed:
            raise RuntimeError("the redemption reached the ledger but its hold is still open")
        if terminal.outbox_waiting():
            raise RuntimeError(f"{terminal.outbox_waiting()} events still waiting after sync")
        return (
            f"paired with a ledger on {server.url}, sold, synced, redeemed online with a hold; "
            f"ledger and terminal agree on {redeemed.balance} points"
        )
    finally:
        terminal.close()
        server.stop()


def checks() -> list[Check]:
    return [Check("sync", check_sync_round)]
