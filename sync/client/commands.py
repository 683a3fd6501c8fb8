"""``memberdesk pair`` and ``memberdesk sync``: the sync client from the command line."""

from __future__ import annotations

import argparse
import dataclasses
import ipaddress
import json
import logging
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from app.bootstrap import Terminal
from app.cli.main import terminal_for
from app.domain.errors import MemberDeskError
from app.services import replica
from sync.client import credentials, fresh_pairing
from sync.client.engine import Syncer
from sync.client.http import LedgerClient, LedgerRefused, TransientError, paired_client
from sync.client.worker import SyncWorker, WorkerState

log = logging.getLogger("memberdesk.sync")


def _print(args: argparse.Namespace, value: Any, text: str) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str) if args.json else text)


def make_syncer(terminal: Terminal) -> Syncer | None:
    client = paired_client(terminal.settings.data_dir)
    if client is None:
        return None
    return Syncer(terminal, client, terminal.settings.data_dir)


class PairingRefused(MemberDeskError):
    """This terminal may not pair (demo data, already paired, another ledger's history):
    found before the pairing code was sent, so nothing was spent."""

    code = "pairing_refused"


PAIR_ATTEMPTS = 3  # a lost reply is retried with the same credential: the ledger answers alike


def _same_ledger(terminal: Terminal, ledger_url: str) -> bool:
    """Whether this terminal is paired with the real ledger at ``ledger_url`` already."""
    credential = credentials.load(terminal.settings.data_dir)
    return (
        credential is not None
        and not credential.embedded
        and credential.ledger_url.rstrip("/") == ledger_url.rstrip("/")
    )


def pairing_refusal(
    terminal: Terminal, ledger_url: str, terminal_id: str, *, embedded: bool = False
) -> str | None:
    """Why this terminal may not pair with ``ledger_url`` as ``terminal_id`` (None: it may),
    from what it holds alone: asked before anything is sent to the ledger.

    A terminal paired with a real ledger pairs again only with that ledger and under its id
    (a revoked terminal given a new code): its chain goes on there."""
    same = False
    if not embedded:
        credential = credentials.load(terminal.settings.data_dir)
        state = terminal.sync_state()
        same = _same_ledger(terminal, ledger_url)
        paired = (credential is not None and not credential.embedded) or (
            credential is None and state.paired
        )
        if paired and (not same or terminal_id != terminal.ctx.terminal_id):
            where = credential.ledger_url if credential is not None else state.ledger_url
            return (
                f"this terminal is already paired with {where} as {terminal.ctx.terminal_id}. "
                "To pair this PC with another ledger or as another terminal (e.g. after its "
                "terminal was replaced), run 'memberdesk reset --confirm' first. Nothing was "
                "sent and the pairing code is still good."
            )
    return replica.pairing_refusal(
        terminal.ctx, terminal_id, real_ledger=not embedded, same_ledger=same
    )


def pair_terminal(
    terminal: Terminal,
    ledger_url: str,
    code: str,
    terminal_id: str | None = None,
    *,
    embedded: bool = False,
) -> str:
    """Trade a one-time pairing code for this terminal's own credential, all or nothing:
    whatever this terminal holds that could refuse the pairing is checked before the code is
    sent (PairingRefused), the ledger checks the code before it spends it (LedgerRefused),
    and a pairing that fails leaves no credential file and no pairing row."""
    wanted = terminal_id or terminal.ctx.terminal_id
    code = code.strip()
    if not 6 <= len(code) <= 64:
        raise PairingRefused(
            f"{code!r} is not a pairing code; 'memberdesk-ledger terminal add' prints one "
            "like 3F2A-91C0-7B44."
        )
    refusal = pairing_refusal(terminal, ledger_url, wanted, embedded=embedded)
    if refusal is not None:
        raise PairingRefused(refusal[0].upper() + refusal[1:])
    data_dir = terminal.settings.data_dir
    # This terminal's own secret, kept until the ledger's answer is heard: a pairing whose
    # reply was lost is finished by the next 'memberdesk pair' with the same code.
    secret = credentials.offered_secret(data_dir, ledger_url, wanted)
    # A chain a ledger already took events of goes on at that same ledger.
    resume = (
        replica.resume_epoch(terminal.ctx)
        if embedded or _same_ledger(terminal, ledger_url)
        else None
    )
    client = LedgerClient(ledger_url)
    try:
        for attempt in range(PAIR_ATTEMPTS):
            try:
                reply = client.pair(wanted, code, secret, resume)
                break
            except LedgerRefused:
                credentials.forget_offered(data_dir)
                raise
            except TransientError:
                if attempt + 1 == PAIR_ATTEMPTS:
                    raise
                time.sleep(0.5 * (attempt + 1))
    finally:
        client.close()
    previous = credentials.load(data_dir)
    credentials.save(
        data_dir,
        credentials.Credential(ledger_url, reply.terminal_id, reply.credential, embedded),
    )
    try:
        replica.record_pairing(
            terminal.ctx,
            ledger_url=ledger_url,
            terminal_id=reply.terminal_id,
            store_code=reply.store_code,
            epoch=reply.epoch,
        )
    except BaseException:
        if previous is None:
            credentials.remove(data_dir)
        else:
            credentials.save(data_dir, previous)
        raise
    credentials.forget_offered(data_dir)
    terminal.connect_ledger()
    return reply.store_code


def clear_text_refusal(ledger_url: str, *, insecure: bool) -> str | None:
    """Why pairing with ``ledger_url`` is refused before anything is sent (None: it may be):
    not an http(s) URL, or plain HTTP beyond loopback without ``--insecure``."""
    try:
        parts = urlsplit(ledger_url)
        host = parts.hostname or ""
    except ValueError:
        parts, host = None, ""
    if parts is None or parts.scheme not in ("http", "https") or not host:
        return (
            f"{ledger_url!r} is not a ledger URL; give one like https://ledger.mall.example:8470."
        )
    if parts.scheme == "https" or insecure:
        return None
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host.lower() == "localhost"
    if loopback:
        return None
    return (
        f"{ledger_url} is plain HTTP to another machine: the pairing code, this terminal's "
        "credential and members' phones and names would cross the network in clear text, "
        "readable and changeable by anyone on it. Use the ledger's https:// address, or add "
        "--insecure for a private test network you trust. Nothing was sent."
    )


def cmd_pair(args: argparse.Namespace) -> int:
    refusal = clear_text_refusal(args.ledger, insecure=args.insecure)
    if refusal is not None:
        print(f"memberdesk: not paired: {refusal}", file=sys.stderr)
        return 1
    data_dir = Path(args.data_dir)
    # A database this command makes goes again if the pairing fails: nothing is left behind.
    made = not fresh_pairing.has_terminal(data_dir)
    terminal = terminal_for(args)
    paired = False
    try:
        store = pair_terminal(terminal, args.ledger, args.code, args.terminal_id)
        paired = True
    except PairingRefused as error:
        print(f"memberdesk: not paired: {error.message}", file=sys.stderr)
        return 1
    except LedgerRefused as error:
        print(
            f"memberdesk: not paired: the ledger refused: {error.refusal.message} "
            "Nothing was saved on this terminal.",
            file=sys.stderr,
        )
        return 1
    except TransientError as error:
        log.warning("pairing with %s failed: %s", args.ledger, error)
        print(
            f"memberdesk: not paired: cannot reach the ledger at {args.ledger}. Check the "
            "address and that the ledger runs, then pair again with the same code (it also "
            "finishes a pairing whose answer was lost on the way).",
            file=sys.stderr,
        )
        return 1
    finally:
        terminal.close()
        if made and not paired:
            fresh_pairing.remove_database(data_dir)
    _print(
        args,
        {"terminal_id": terminal.ctx.terminal_id, "store_code": store, "ledger": args.ledger},
        f"Paired terminal {terminal.ctx.terminal_id} of store {store} with {args.ledger}.",
    )
    return 0


def cmd_reset(args: argparse.Namespace) -> int:
    data_dir = Path(args.data_dir)
    if not fresh_pairing.has_terminal(data_dir):
        _print(
            args,
            {"reset": False, "kept_in": None},
            f"Nothing to reset in {data_dir}: this terminal is already empty.",
        )
        return 0
    if not args.confirm:
        print(
            "memberdesk: reset sets this terminal's database, its ledger credential and its "
            "sync progress aside (kept in a folder 'before-reset-<time>' of the data "
            "directory) and leaves an empty terminal that can pair. Close the window first, "
            "then run 'memberdesk reset --confirm'.",
            file=sys.stderr,
        )
        return 2
    credential = credentials.load(data_dir)
    if credential is not None and not credential.embedded and not args.discard_waiting:
        terminal = terminal_for(args)
        try:
            waiting = replica.events_waiting(terminal.ctx)
        finally:
            terminal.close()
        if waiting:
            print(
                f"memberdesk: not reset: {waiting} events of this terminal have not reached "
                f"the ledger at {credential.ledger_url}. Run 'memberdesk sync --once' first; "
                "if this terminal can no longer sync (revoked or replaced), add "
                "--discard-waiting: they are then kept only in the backup folder.",
                file=sys.stderr,
            )
            return 1
    aside = fresh_pairing.reset(data_dir)
    _print(
        args,
        {"reset": True, "kept_in": str(aside)},
        f"Reset: the old database, credential and sync progress are kept in {aside}. "
        "This terminal is empty now; pair it with 'memberdesk pair --ledger URL --code CODE'.",
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
    parser.add_argument(
        "--insecure",
        action="store_true",
        help="allow a plain http:// ledger beyond loopback (a private test network only: the "
        "credential and members' data travel in clear text)",
    )
    parser.set_defaults(handler=cmd_pair)

    parser = sub.add_parser(
        "reset",
        help="set this terminal's data aside and start empty (e.g. before pairing a demo PC)",
        description="Move the terminal's database, ledger credential and sync progress into "
        "a 'before-reset-<time>' folder of the data directory (a backup), leaving an empty "
        "terminal that can pair. Close the window first. The settings file stays.",
    )
    common(parser)
    parser.add_argument("--confirm", action="store_true", help="do it (without: only explain)")
    parser.add_argument(
        "--discard-waiting",
        action="store_true",
        help="reset a paired terminal even though events wait for the ledger (they are kept "
        "only in the backup folder)",
    )
    parser.set_defaults(handler=cmd_reset)

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
