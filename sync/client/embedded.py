"""The embedded default: a ledger on loopback beside the terminal, so a fresh install (and
`make run`) shows sync working with no set-up. A terminal paired with a real ledger never
starts one."""

from __future__ import annotations

import logging
import socket
import threading
import time
from dataclasses import dataclass

import uvicorn
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.bootstrap import Terminal
from app.store.db import create_private, make_private
from sync.client import credentials
from sync.client.commands import make_syncer, pair_terminal
from sync.client.engine import Syncer
from sync.server import ledger
from sync.server.api import create_app
from sync.server.cli import open_ledger
from sync.server.db import sqlite_url

log = logging.getLogger("memberdesk.sync")
PREFERRED_PORT = 8470
EMBEDDED_DATABASE = "embedded-ledger.db"


@dataclass
class EmbeddedLedger:
    url: str
    engine: Engine
    server: uvicorn.Server
    thread: threading.Thread

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.engine.dispose()


def _free(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def start_ledger_thread(database_url: str, port: int = 0) -> EmbeddedLedger:
    engine = open_ledger(database_url)
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(engine), host="127.0.0.1", port=port, log_level="warning", lifespan="off"
        )
    )

    def serve() -> None:
        try:
            server.run()
        except SystemExit:  # uvicorn exits when it cannot bind; the caller sees it stopped
            log.warning("the embedded ledger could not listen on port %s", port)

    thread = threading.Thread(target=serve, name="memberdesk-ledger", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            server.should_exit = True
            engine.dispose()
            raise RuntimeError("the embedded ledger did not start")
        time.sleep(0.02)
    bound = server.servers[0].sockets[0].getsockname()[1]
    return EmbeddedLedger(f"http://127.0.0.1:{bound}", engine, server, thread)


def start_embedded(terminal: Terminal) -> tuple[EmbeddedLedger | None, Syncer | None]:
    """Start the loopback ledger and pair with it (first start), unless this terminal is
    paired with a real ledger. Returns (the embedded ledger or None, the syncer or None).
    The window comes here through ``sync.client.startup.start_sync`` only when the terminal
    is on the embedded default: importing this module imports the ledger (``sync.server``)."""
    data_dir = terminal.settings.data_dir
    credential = credentials.load(data_dir)
    if credential is not None and not credential.embedded:
        return None, make_syncer(terminal)
    database = data_dir / EMBEDDED_DATABASE
    # The demo ledger's database holds members and its Ed25519 signing key: this user's only.
    create_private(database)
    url = sqlite_url(database)
    try:
        embedded = start_ledger_thread(url, PREFERRED_PORT if _free(PREFERRED_PORT) else 0)
    except RuntimeError:  # the port was taken between the probe and the bind: any port
        log.warning("port %s was taken; the embedded ledger takes a free one", PREFERRED_PORT)
        embedded = start_ledger_thread(url, 0)
    make_private(database)  # its -wal and -shm too (and an older, wider file)
    if credential is None:
        with Session(embedded.engine) as session, session.begin():
            code = ledger.add_terminal(
                session,
                terminal.ctx.terminal_id,
                terminal.ctx.store_code,
                ledger.rule_book(session),
            )
        pair_terminal(terminal, embedded.url, code, embedded=True)
        log.info("paired with the embedded ledger at %s", embedded.url)
    elif credential.ledger_url != embedded.url:
        # The loopback port may differ from last time; the credential stays the same.
        credentials.save(
            data_dir,
            credentials.Credential(
                embedded.url, credential.terminal_id, credential.secret, embedded=True
            ),
        )
        terminal.connect_ledger()
    return embedded, make_syncer(terminal)
