"""Helpers for the sync proof tests: what the ledger holds, raw HTTP, and hand-made events."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import requests
import uvicorn
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.events import GENESIS_HASH, canonical_json, event_hash
from app.services import replica
from app.store.models import Member as TerminalMember
from sync.client import credentials
from sync.protocol import API, WireEvent
from sync.server.api import create_app
from sync.server.models import Entry, Event, Flag, Hold, Lot, Member, Terminal

from .conftest import ADMIN_TOKEN, Counter, LedgerServer

TABLES = {"events": Event, "entries": Entry, "members": Member, "lots": Lot, "flags": Flag}


def ledger_state(ledger: LedgerServer) -> dict[str, Any]:
    """Everything a write could change at the ledger: row counts, balances, terminals."""
    with Session(ledger.engine) as session:
        state: dict[str, Any] = {
            name: session.scalar(select(func.count()).select_from(model))
            for name, model in TABLES.items()
        }
        state["holds"] = session.scalar(select(func.count()).select_from(Hold))
        state["balances"] = sorted(
            session.execute(select(Member.member_id, Member.points, Member.overdraft)).all()
        )
        state["terminals"] = sorted(
            session.execute(
                select(Terminal.terminal_id, Terminal.last_seq, Terminal.last_hash)
            ).all()
        )
    state["report"] = {k: v for k, v in ledger.report().items() if k != "flags"}
    return state


def ledger_points(ledger: LedgerServer, member_id: str) -> tuple[int, int]:
    """(points, overdraft) of a member at the ledger."""
    with Session(ledger.engine) as session:
        member = session.get(Member, member_id)
        assert member is not None, f"the ledger has no member {member_id}"
        return member.points, member.overdraft


def stored_events(ledger: LedgerServer) -> list[tuple[str, int, str, str | None]]:
    with Session(ledger.engine) as session:
        return [
            (e.terminal_id, e.seq, e.status, e.code)
            for e in session.scalars(select(Event).order_by(Event.terminal_id, Event.seq))
        ]


def secret(counter: Counter) -> str:
    credential = credentials.load(counter.terminal.settings.data_dir)
    assert credential is not None
    return credential.secret


def post(
    ledger: LedgerServer,
    path: str,
    body: Any = None,
    *,
    credential: str | None = None,
    raw: bytes | None = None,
    admin: bool = False,
) -> requests.Response:
    headers = {"Content-Type": "application/json"}
    if credential is not None:
        headers["Authorization"] = f"Bearer {credential}"
    if admin:
        headers["X-Admin-Token"] = ADMIN_TOKEN
    data = raw if raw is not None else json.dumps(body).encode()
    return requests.post(f"{ledger.url}{API}{path}", data=data, headers=headers, timeout=30)


def wire(counter: Counter) -> list[WireEvent]:
    """The terminal's waiting events as it would push them."""
    return [
        WireEvent(
            event_id=e.event_id,
            terminal_id=e.terminal_id,
            seq=e.seq,
            kind=e.kind,
            payload=e.payload,
            prev_hash=e.prev_hash,
            hash=e.hash,
            created_at=e.created_at,
        )
        for e in replica.pending_events(counter.terminal.ctx, 500)
    ]


def events_body(events: list[WireEvent]) -> dict[str, Any]:
    return {"protocol": 1, "events": [e.model_dump() for e in events]}


def make_chain(
    terminal_id: str,
    payloads: Sequence[tuple[str, dict[str, Any] | str]],
    *,
    seq: int = 1,
    prev: str = GENESIS_HASH,
    created_at: str | None = None,
) -> list[WireEvent]:
    """Hand-made events with a valid hash chain (for what a real terminal cannot write): a
    payload given as a string goes as it is; ``created_at`` is the terminal's clock (now)."""
    events = []
    for kind, payload in payloads:
        body = payload if isinstance(payload, str) else canonical_json(payload)
        created = created_at or datetime.now(UTC).isoformat(timespec="microseconds")
        event_id = str(uuid.uuid4())
        digest = event_hash(
            prev_hash=prev,
            event_id=event_id,
            terminal_id=terminal_id,
            seq=seq,
            kind=kind,
            payload=body,
            created_at=created,
        )
        events.append(
            WireEvent(
                event_id=event_id,
                terminal_id=terminal_id,
                seq=seq,
                kind=kind,
                payload=body,
                prev_hash=prev,
                hash=digest,
                created_at=created,
            )
        )
        prev, seq = digest, seq + 1
    return events


def terminal_member_count(counter: Counter) -> int:
    with counter.terminal.ctx.read() as session:
        return int(session.scalar(select(func.count()).select_from(TerminalMember)) or 0)


def restart_on_same_port(ledger: LedgerServer) -> LedgerServer:
    """Bring a stopped ledger back at the address its terminals were paired with."""
    port = int(ledger.url.rsplit(":", 1)[1])
    app = create_app(ledger.engine, admin_token=ADMIN_TOKEN)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the ledger did not come back")
        time.sleep(0.02)
    return LedgerServer(ledger.url, ledger.engine, server, thread)
