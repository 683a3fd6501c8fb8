"""``memberdesk pair`` and ``memberdesk sync``: the sync client from the command line."""

from __future__ import annotations

import argparse
import dataclasses
import json
import signal
import sys
from collections.abc import Callable
from typing import Any

from app.bootstrap import Terminal
from app.cli.main import terminal_for
from app.services import replica
from sync.client import credentials
from sync.client.engine import Syncer
from sync.client.http import LedgerClient, LedgerRefused, TransientError, paired_client
from sync.client.worker import SyncWorker, WorkerState


def _print(args: argparse.Namespace, value: Any, text: str) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str) if args.json else text)


def make_syncer(terminal: Terminal) -> Syncer | None:
    client = paired_client(terminal.settings.data_dir)
    if client is None:
        return None
    return Syncer(terminal, client, terminal.settings.data_dir)


def pair_terminal(
    terminal: Terminal,
    ledger_url: str,
    code: str,
    terminal_id: str | None = None,
    *,
    embedded: bool = False,
) -> str:
    """Trade a one-time pairing code for this terminal's own credential."""
    client = LedgerClient(ledger_url)
    reply = client.pair(terminal_id or terminal.ctx.terminal_id, code)
    credentials.save(
        terminal.settings.data_dir,
        credentials.Credential(ledger_url, reply.terminal_id, reply.credential, embedded),
    )
    replica.record_pairing(
        terminal.ctx,
        ledger_url=ledger_url,
        terminal_id=reply.terminal_id,
        store_code=reply.store_code,
    )
    terminal.connect_ledger()
    return reply.store_code


def cmd_pair(args: argparse.Namespace) -> int:
    terminal = terminal_for(args)
    try:
        store = pair_terminal(terminal, args.ledger, args.code, args.terminal_id)
    except LedgerRefused as error:
        print(f"memberdesk: the ledger refused: {error.refusal.message}", file=sys.stderr)
        return 1
    except TransientError as error:
        print(f"memberdesk: {error}. Check the address and that the ledger runs.", file=sys.stderr)
        return 1
    _print(
        args,
        {"terminal_id": terminal.ctx.terminal_id, "store_code": store, "ledger": args.ledger},
        f"Paired terminal {terminal.ctx.terminal_id} of store {store} with {args.ledger}.",
    )
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    terminal = terminal_for(args)
    if args.action == "status":
        status = terminal.sync_state()
        _print(
            args,
            dataclasses.asdict(status),
            f"{'paired with ' + (status.ledger_url or '?') if status.paired else 'not paired'}"
            f"; {status.events_waiting} events waiting; last sync "
            f"{status.last_sync_at or 'never'}; ledger took events up to "
            f"{status.applied_through_seq}",
        )
        return 0
    syncer = make_syncer(terminal)
    if syncer is None:
        print(
            "memberdesk: this terminal is not paired; run 'memberdesk pair --ledger URL "
            "--code CODE' first.",
            file=sys.stderr,
        )
        return 1
    worker = SyncWorker(syncer, interval=args.interval)
    if args.once:
        result = worker.run_round()
        state = worker.state
        if result is None:
            _print(
                args,
                dataclasses.asdict(state),
                f"Sync failed: {state.blocked or state.last_error}; "
                f"{state.events_waiting} events still waiting.",
            )
            return 1
        _print(
            args,
            {**dataclasses.asdict(result), **dataclasses.asdict(state)},
            f"Synced: {result.pushed} events sent ({result.rejected} rejected), "
            f"{result.members_pulled} members updated; {state.events_waiting} waiting.",
        )
        return 0

    def show(state: WorkerState) -> None:
        print(
            f"{'online' if state.online else 'OFFLINE'}: {state.events_waiting} waiting"
            + (f"; {state.blocked or state.last_error}" if state.last_error else ""),
            flush=True,
        )

    worker.on_state = show
    signal.signal(signal.SIGTERM, lambda *_: worker.stop())
    worker.start()
    try:
        while worker._thread is not None and worker._thread.is_alive():
            worker._thread.join(1.0)
    except KeyboardInterrupt:
        worker.stop()
    return 0


def register(sub: Any, common: Callable[..., None]) -> None:
    parser = sub.add_parser(
        "pair",
        help="pair this terminal with a ledger (once)",
        description="Trade the operator's one-time pairing code for this "
        "terminal's own credential.",
    )
    common(parser)
    parser.add_argument("--ledger", required=True, help="ledger URL, e.g. https://ledger:8470")
    parser.add_argument(
        "--code", required=True, help="the pairing code from 'memberdesk-ledger terminal add'"
    )
    parser.add_argument(
        "--terminal-id",
        help="this terminal's id at the ledger (default: the one in memberdesk.toml)",
    )
    parser.set_defaults(handler=cmd_pair)

    parser = sub.add_parser(
        "sync",
        help="sync with the ledger (status, --once, or keep syncing)",
        description="Push waiting events and pull the ledger's changes.",
    )
    common(parser)
    parser.add_argument(
        "action",
        nargs="?",
        choices=["status"],
        help="'status' shows where sync stands and changes nothing",
    )
    parser.add_argument(
        "--once", action="store_true", help="one round, then exit (exit 1 if it failed)"
    )
    parser.add_argument(
        "--interval", type=float, default=15.0, help="seconds between rounds when all is well"
    )
    parser.set_defaults(handler=cmd_sync)
