"""Group commit for pushes: one thread per ledger process applies the waiting pushes together.

Pushes from many terminals name the same members, so applied one by one they take turns on
those members' row locks, each holding them for a commit and a round trip or two. Instead the
pushes that arrive while a group is being applied wait in a queue, and the next group takes
all of them (up to ``MAX_GROUP_EVENTS``) in arrival order, in one transaction
(``push.push_group``): one lock hand-over, one commit and one fsync for all.

A push is answered only after the group that holds it has committed. A refused push, or one
that fails on its own before the members' locks, changes nothing for the others in its group.
When a group fails for any other reason (a deadlock with another process's group, a lost
database connection, a push that breaks the ledger's arithmetic) it is rolled back and each
of its pushes is applied again on its own, so that one push's failure is only ever its own.
A push that failed there while others of its group went through is the group's problem: its
terminal's pushes are applied alone until one of them succeeds, so that its retries do not
keep breaking other terminals' groups. (When every push of the group fails alone, the
database is the problem, and nobody is set apart.) When more than ``MAX_WAITING_EVENTS``
events wait, a new push is turned away with 503: the terminal retries later, as after any
5xx.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from concurrent.futures import Future

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from sync.server.errors import Refused
from sync.server.push import PushJob, PushReply, push_group

log = logging.getLogger("memberdesk.ledger")

MAX_GROUP_EVENTS = 6000  # about 100 terminals' worth of 60-event batches
MAX_WAITING_EVENTS = 50_000  # parsed events held in memory until their group (≈ 1 KB each)
IDLE_SECONDS = 30.0  # an idle applier thread ends; the next push starts another

_Waiting = tuple[PushJob, "Future[PushReply]"]


class PushQueue:
    """Pushes waiting for the applier thread of this process (started on the first push)."""

    def __init__(
        self,
        engine: Engine,
        *,
        max_group_events: int = MAX_GROUP_EVENTS,
        max_waiting_events: int = MAX_WAITING_EVENTS,
        thread: bool = True,
    ) -> None:
        """``thread=False``: no applier thread; ``apply_waiting`` applies the queue in the
        caller's thread (tests use it to make groups of a known shape)."""
        self._engine = engine
        self._use_thread = thread
        self._max_group_events = max_group_events
        self._max_waiting_events = max_waiting_events
        self._waiting: deque[_Waiting] = deque()
        self._waiting_events = 0
        self._alone: set[str] = set()  # credentials whose pushes go alone until one succeeds
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)
        self._thread: threading.Thread | None = None
        self.groups = 0  # groups applied (each logged at DEBUG), for tests
        self.pushes = 0

    @property
    def waiting(self) -> int:
        with self._lock:
            return len(self._waiting)

    def submit(self, job: PushJob) -> Future[PushReply]:
        """Queue a push; its future gets the reply once its group has committed, or the
        push's refusal, or the error that made it fail on its own."""
        future: Future[PushReply] = Future()
        with self._lock:
            if self._waiting and self._waiting_events + len(job.events) > self._max_waiting_events:
                raise Refused(
                    503, "busy", "The ledger has too many events waiting; try again shortly."
                )
            self._waiting.append((job, future))
            self._waiting_events += len(job.events)
            if self._thread is not None:
                self._arrived.notify()
            elif self._use_thread:
                thread = threading.Thread(
                    target=self._run, name="memberdesk-push-applier", daemon=True
                )
                try:
                    thread.start()
                except BaseException:
                    self._waiting.pop()
                    raise
                self._thread = thread
        return future

    def apply_waiting(self) -> int:
        """Apply what is waiting, group by group, in this thread; the number of groups."""
        groups = 0
        while True:
            with self._lock:
                group = self._take()
            if not group:
                return groups
            self._apply(group)
            groups += 1

    def _run(self) -> None:
        try:
            while True:
                with self._lock:
                    while not self._waiting:
                        if not self._arrived.wait(IDLE_SECONDS) and not self._waiting:
                            self._thread = None  # in the same hold as the check: see submit
                            return
                    group = self._take()
                if not group:
                    continue
                try:
                    self._apply(group)
                except BaseException as error:  # never leave a push unanswered
                    log.exception("the push applier failed")
                    for _, future in group:
                        if not future.done():
                            future.set_exception(error)
        except BaseException:
            log.exception("the push applier thread ended")
            with self._lock:  # the next push starts a new thread
                if self._thread is threading.current_thread():
                    self._thread = None
            raise

    def _take(self) -> list[_Waiting]:
        """The next group, in arrival order, of at most the group's size in events (one push
        bigger than that goes alone). A push left for the next group keeps its terminal's
        later pushes there too: a terminal's pushes apply in the order they came. A push of
        a terminal set apart goes alone."""
        group: list[_Waiting] = []
        left: deque[_Waiting] = deque()
        deferred: set[str] = set()
        events = 0
        while self._waiting:
            job, future = self._waiting.popleft()
            alone = job.credential in self._alone
            too_big = bool(group) and events + len(job.events) > self._max_group_events
            if job.credential in deferred or too_big or (alone and group):
                deferred.add(job.credential)
                left.append((job, future))
                continue
            self._waiting_events -= len(job.events)
            if future.set_running_or_notify_cancel():  # False: the client went away
                group.append((job, future))
                events += len(job.events)
                if alone:
                    break
        left.extend(self._waiting)  # what a push that goes alone left untouched
        self._waiting = left
        return group

    def _apply(self, group: list[_Waiting]) -> bool:
        """Apply a group (or, if it fails, each of its pushes alone); answer every push.
        True when the group went through as one."""
        started = time.perf_counter()
        try:
            with Session(self._engine, expire_on_commit=False) as session:
                outcomes = push_group(session, [job for job, _ in group])
        except Exception as error:  # each push gets its own chance below
            if len(group) == 1:
                group[0][1].set_exception(error)
                return False
            log.warning(
                "a group of %d pushes failed (%s: %s); applying each on its own",
                len(group),
                type(error).__name__,
                error,
            )
            failed = [job.credential for job, future in group if not self._apply([(job, future)])]
            if failed and len(failed) < len(group):  # others went through: those are the problem
                log.warning(
                    "%d of the %d pushes failed on their own; their terminals' pushes go alone "
                    "until one succeeds",
                    len(failed),
                    len(group),
                )
                with self._lock:
                    self._alone.update(failed)
            return False
        self.groups += 1
        self.pushes += len(group)
        log.debug(
            "applied %d pushes (%d events) as one group in %.1f ms",
            len(group),
            sum(len(job.events) for job, _ in group),
            (time.perf_counter() - started) * 1000,
        )
        with self._lock:
            self._alone.difference_update(job.credential for job, _ in group)
        for (_, future), outcome in zip(group, outcomes, strict=True):
            if isinstance(outcome, Exception):
                future.set_exception(outcome)
            else:
                future.set_result(outcome)
        return True
