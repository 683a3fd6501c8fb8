"""``memberdesk member history --mall`` in a process of its own: every counter's events as
the ledger has them, naming store and counter; with the ledger gone, this counter's records
and the words that say so."""

from __future__ import annotations

from .conftest import CounterFactory
from .harness import Ledger


def test_a_members_history_covers_every_counter_and_says_when_it_cannot(
    ledger: Ledger, paired_counter: CounterFactory
) -> None:
    first, second = paired_counter("T01", "S001"), paired_counter("T02", "S003")
    member = first.json(
        "enroll", "--phone", "13900000021", "--name", "Wang Fang", "--cashier", "lin"
    )["member_id"]
    first.run("award", member, "--line", "grocery=300", "--cashier", "lin")
    first.run("sync", "--once")
    second.run("sync", "--once")

    shown = second.json("member", "history", "13900000021", "--mall")
    assert shown["scope"] == "mall"
    at_first = [e for e in shown["mall"] if e["terminal_id"] == "T01" and e["kind"] == "purchase"]
    assert len(at_first) == 1 and at_first[0]["store_code"] == "S001"
    assert at_first[0]["points"] > 0
    # this counter sold nothing: its own lines only say the ledger brought the points
    assert {line["what"] for line in shown["lines"]} <= {"ledger_sync"}
    said = second.run("member", "history", member, "--mall").stdout
    assert "Every counter of the mall" in said and "purchase at S001/T01" in said

    ledger.stop()
    offline = second.json("member", "history", member, "--mall")
    assert offline["scope"] == "this_counter_offline" and offline["mall"] == []
    assert offline["scope_note"].startswith("This counter's records only")
    assert offline["member_id"] == member  # the replica still knows the member
