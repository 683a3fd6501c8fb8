"""One round of sync: push the outbox in order, then pull whole checkpoints."""

from __future__ import annotations

import json
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.bootstrap import Terminal
from app.domain.profile import DayDelta
from app.services import replica
from app.services.member_codes import PublishedKey, decode_key, decode_removed_devices
from app.services.replica import Checkpoint, ReplicaCoupon, ReplicaMember, Standing
from sync.client.http import LedgerClient
from sync.protocol import MAX_BATCH, MAX_PAGE, MemberState, PublicKey, SnapshotPage, WireEvent

log = logging.getLogger("memberdesk.sync")
PAGE = 2000
# Members per snapshot page: the protocol's most (fewer round trips and commits per member).
SNAPSHOT_PAGE = MAX_PAGE
SNAPSHOT_FILE = "snapshot-progress.json"


class SyncBlocked(Exception):
    """The ledger refuses this terminal's history (gap, edited chain, revoked): a person must
    look; retrying will not help."""


@dataclass(frozen=True)
class RoundResult:
    pushed: int
    rejected: int
    members_pulled: int
    checkpoint: int


def to_keys(keys: list[PublicKey]) -> list[PublishedKey] | None:
    """The ledger's key set; an empty list is a ledger that sends none (keep what we have)."""
    return [decode_key(k.key_id, k.public_key, k.revoked) for k in keys] or None


def to_removed(devices: list[str] | None) -> list[str] | None:
    """The ledger's removed phones; None: a ledger that sends none (keep what we have)."""
    return None if devices is None else decode_removed_devices(devices)


def to_replica(state: MemberState) -> ReplicaMember:
    day = date.fromisoformat
    birthday, plus = state.birthday, state.plus_expires_on
    return ReplicaMember(  # positional: a bootstrap makes a million of these
        state.member_id,
        state.phone,
        state.name,
        day(birthday) if birthday else None,
        day(state.enrolled_on),
        state.home_store,
        day(plus) if plus else None,
        state.status,
        state.points,
        state.growth,
        [(day(b.expires_on) if b.expires_on else None, b.points) for b in state.buckets],
        [
            DayDelta(day(d.day), d.spend_fen, d.purchases, d.refunds, dict(d.categories))
            for d in state.days
        ],
        [
            ReplicaCoupon(c.code, c.template, day(c.valid_from), day(c.valid_until), c.used)
            for c in state.coupons
        ],
        Standing(state.referrer, state.id_last4, state.credit_score, state.risk_flags),
        scopes=state.scopes,
    )


def wire_to_replica(state: dict[str, Any]) -> ReplicaMember:
    """``to_replica`` for a member checked as plain data (``checked_members``)."""
    day = date.fromisoformat
    birthday, plus = state["birthday"], state["plus_expires_on"]
    return ReplicaMember(
        state["member_id"],
        state["phone"],
        state["name"],
        day(birthday) if birthday else None,
        day(state["enrolled_on"]),
        state["home_store"],
        day(plus) if plus else None,
        state["status"],
        state["points"],
        state["growth"],
        [
            (day(b["expires_on"]) if b["expires_on"] else None, b["points"])
            for b in state["buckets"]
        ],
        [
            DayDelta(day(d["day"]), d["spend_fen"], d["purchases"], d["refunds"], d["categories"])
            for d in state["days"]
        ],
        [
            ReplicaCoupon(
                c["code"], c["template"], day(c["valid_from"]), day(c["valid_until"]), c["used"]
            )
            for c in state["coupons"]
        ],
        Standing(
            state.get("referrer"),
            state.get("id_last4"),
            state.get("credit_score"),
            state.get("risk_flags", 0),
        ),
        scopes=state["scopes"],
    )


def wire_event(event: replica.PendingEvent) -> WireEvent:
    """A waiting outbox event as the push sends it."""
    return WireEvent(
        event_id=event.event_id,
        terminal_id=event.terminal_id,
        seq=event.seq,
        kind=event.kind,
        payload=event.payload,
        prev_hash=event.prev_hash,
        hash=event.hash,
        created_at=event.created_at,
        epoch=event.epoch,
    )


class Syncer:
    def __init__(self, terminal: Terminal, client: LedgerClient, data_dir: Path) -> None:
        self.terminal = terminal
        self.client = client
        self.data_dir = data_dir

    def push(self) -> tuple[int, int]:
        """Send every waiting event, oldest first, in batches. Returns (sent, rejected)."""
        from sync.client.http import LedgerRefused

        sent = rejected = 0
        while True:
            pending = replica.pending_events(self.terminal.ctx, MAX_BATCH)
            if not pending:
                return sent, rejected
            batch = [wire_event(e) for e in pending]
            try:
                reply = self.client.push(batch)
            except LedgerRefused as refused:
                raise SyncBlocked(refused.refusal.message) from refused
            replica.mark_taken(
                self.terminal.ctx,
                reply.applied_through_seq,
                datetime.fromisoformat(reply.ledger_time),
            )
            for result in reply.results:
                if result.status == "rejected":
                    rejected += 1
                    log.warning(
                        "ledger rejected event %s (%s): %s", result.seq, result.code, result.reason
                    )
            sent += len(batch)
            if reply.applied_through_seq < batch[-1].seq:
                raise SyncBlocked("the ledger did not take the whole batch")

    def pull(self) -> tuple[int, int]:
        """Apply the ledger's changes as whole checkpoints. Returns (members, checkpoint)."""
        state = replica.sync_state(self.terminal.ctx)
        members = 0
        if not self._snapshot_done():
            members += self._snapshot()
            state = replica.sync_state(self.terminal.ctx)
        since, checkpoint = state.pull_cursor, None
        collected: list[MemberState] = []
        rule_book = None
        keys: list[PublishedKey] | None = None
        removed: list[str] | None = None
        applied_through: int | None = None
        ledger_time = None
        while True:
            page = self.client.changes(since, checkpoint, PAGE)
            checkpoint = page.checkpoint
            if applied_through is None:
                applied_through = page.applied_through_seq
            collected.extend(page.members)
            rule_book = page.rule_book or rule_book
            keys = to_keys(page.keys) or keys
            removed = to_removed(page.removed_devices)
            ledger_time = page.ledger_time
            since = page.next_cursor
            if not page.more:
                break
        replica.apply_checkpoint(
            self.terminal.ctx,
            Checkpoint(
                cursor=checkpoint,
                applied_through_seq=applied_through or 0,
                ledger_time=datetime.fromisoformat(ledger_time),
                rule_book=rule_book,
                members=[to_replica(m) for m in collected],
                keys=keys,
                removed_devices=removed,
            ),
        )
        return members + len(collected), checkpoint

    def _progress_path(self) -> Path:
        return self.data_dir / SNAPSHOT_FILE

    def _snapshot_done(self) -> bool:
        return replica.sync_state(self.terminal.ctx).pull_cursor > 0 or (
            self._progress_path().exists()
            and json.loads(self._progress_path().read_text()).get("done", False)
        )

    def _snapshot(self) -> int:
        """A new terminal's first load: every member, page by page, resumable after a
        crash (progress is kept beside the database).

        The next page is fetched (and validated) in a worker thread while this one writes
        the current page: at most one request in flight, and the progress file still names
        only pages that were committed, so a crash resumes after the last written page."""
        path = self._progress_path()
        progress = json.loads(path.read_text()) if path.exists() else {}
        after, checkpoint = progress.get("after"), progress.get("checkpoint")
        loaded = 0
        with ThreadPoolExecutor(1, thread_name_prefix="memberdesk-snapshot") as fetcher:
            coming = fetcher.submit(self._snapshot_page, after, checkpoint)
            while True:
                page, members = coming.result()
                if checkpoint is None:
                    checkpoint = page.checkpoint
                if page.more:
                    coming = fetcher.submit(self._snapshot_page, page.after, checkpoint)
                replica.apply_checkpoint(
                    self.terminal.ctx,
                    Checkpoint(
                        cursor=0,
                        applied_through_seq=page.applied_through_seq,
                        ledger_time=datetime.fromisoformat(page.ledger_time),
                        rule_book=page.rule_book,
                        members=members,
                        keys=to_keys(page.keys),
                        removed_devices=to_removed(page.removed_devices),
                    ),
                )
                loaded += len(members)
                after = page.after
                done = not page.more
                path.write_text(
                    json.dumps({"after": after, "checkpoint": checkpoint, "done": done})
                )
                if done:
                    break
        # The changes made while paging come with the next pull, from here on.
        replica.apply_checkpoint(
            self.terminal.ctx,
            Checkpoint(
                cursor=checkpoint,
                applied_through_seq=page.applied_through_seq,
                ledger_time=datetime.fromisoformat(page.ledger_time),
                rule_book=None,
                members=[],
                snapshot=True,
            ),
        )
        return loaded

    def _snapshot_page(
        self, after: str | None, checkpoint: int | None
    ) -> tuple[SnapshotPage, list[ReplicaMember]]:
        page, members = self.client.snapshot_members(after, checkpoint, SNAPSHOT_PAGE)
        return page, [wire_to_replica(m) for m in members]

    def round(self) -> RoundResult:
        pushed, rejected = self.push()
        members, checkpoint = self.pull()
        # A checkpoint may have written corrections: tell the ledger at once.
        more, more_rejected = self.push()
        return RoundResult(pushed + more, rejected + more_rejected, members, checkpoint)
