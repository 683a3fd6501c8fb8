"""Writers of one process take the write lock in the order they asked: a writer that lets go
and asks again at once (a sync's next chunk) goes behind the one already waiting (an award)."""

from __future__ import annotations

import threading
import time

from app.store.write_turn import WriteTurn


def test_the_waiting_writer_goes_before_the_one_that_asks_again() -> None:
    turn = WriteTurn()
    order: list[str] = []
    assert turn.acquire(1)
    waiting = threading.Event()

    def award() -> None:
        waiting.set()
        assert turn.acquire(5)
        order.append("award")
        turn.release()

    thread = threading.Thread(target=award)
    thread.start()
    waiting.wait()
    while not turn.wanted():
        time.sleep(0.001)
    turn.release()
    assert turn.acquire(5)  # the sync's next chunk, at once: after the award
    order.append("sync")
    turn.release()
    thread.join()
    assert order == ["award", "sync"]


def test_a_turn_is_reentrant_and_a_wait_runs_out() -> None:
    turn = WriteTurn()
    assert turn.acquire(1) and turn.acquire(1)
    turn.release()
    outcome: list[bool] = []
    thread = threading.Thread(target=lambda: outcome.append(turn.acquire(0.05)))
    thread.start()
    thread.join()
    assert outcome == [False]  # still held once
    assert not turn.wanted()  # the one that gave up is no longer waiting
    turn.release()
    thread = threading.Thread(target=lambda: outcome.append(turn.acquire(0.05)))
    thread.start()
    thread.join()
    assert outcome == [False, True]
