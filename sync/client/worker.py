"""The background sync worker: rounds of push and pull, backing off while the ledger is out
of reach, publishing its state for the screen."""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sync.client.engine import RoundResult, SyncBlocked, Syncer
from sync.client.http import LedgerRefused, TransientError

log = logging.getLogger("memberdesk.sync")


@dataclass(frozen=True)
class WorkerState:
    online: bool = False
    blocked: str | None = None  # a refusal a person must resolve
    events_waiting: int = 0
    last_success: str | None = None
    last_error: str | None = None
    failures: int = 0


def backoff_delay(
    failures: int, *, base: float = 1.0, cap: float = 300.0, rng: random.Random | None = None
) -> float:
    """Truncated exponential backoff with full jitter: terminals that lost the link together
    do not all come back in the same second."""
    ceiling = min(cap, base * (2 ** min(failures, 20)))
    return (rng or random).uniform(0, ceiling)


class SyncWorker:
    def __init__(
        self,
        syncer: Syncer,
        *,
        interval: float = 15.0,
        on_state: Callable[[WorkerState], None] | None = None,
    ) -> None:
        self.syncer = syncer
        self.interval = interval
        self.on_state = on_state
        self.state = WorkerState()
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

    def _publish(self, **changes: object) -> None:
        waiting = self.syncer.terminal.outbox_waiting()
        self.state = replace(self.state, events_waiting=waiting, **changes)  # type: ignore[arg-type]
        if self.on_state is not None:
            self.on_state(self.state)

    def run_round(self) -> RoundResult | None:
        """One round; never raises. Returns the result, or None when it failed."""
        try:
            result = self.syncer.round()
        except TransientError as error:
            self._publish(online=False, last_error=str(error), failures=self.state.failures + 1)
            return None
        except (SyncBlocked, LedgerRefused) as error:
            log.error("sync blocked: %s", error)
            self._publish(
                online=False,
                blocked=str(error),
                last_error=str(error),
                failures=self.state.failures + 1,
            )
            return None
        self._publish(
            online=True,
            blocked=None,
            last_error=None,
            failures=0,
            last_success=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        return result

    def sync_now(self) -> None:
        """Ask for a round at once (a supervisor's 'force sync', a sale just made)."""
        self._wake.set()

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="memberdesk-sync", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.run_round()
            delay = (
                self.interval if self.state.failures == 0 else backoff_delay(self.state.failures)
            )
            self._wake.wait(delay)
            self._wake.clear()
