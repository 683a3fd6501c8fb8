"""A newly paired terminal gets its first cashier from a documented command."""

from __future__ import annotations

from .conftest import CounterFactory


def test_a_paired_terminal_gets_its_first_admin_once(paired_counter: CounterFactory):
    counter = paired_counter("T01")
    assert [c["cashier_id"] for c in counter.json("cashier", "list")] == ["lin"]
    again = counter.run("cashier", "first", "eve", "--name", "Eve", "--pin", "2222", check=False)
    assert again.returncode == 1
    assert "already has cashiers" in again.stderr
    assert [c["cashier_id"] for c in counter.json("cashier", "list")] == ["lin"]
    counter.run("cashier", "add", "kim", "--name", "Kim", "--pin", "4321", "--cashier", "lin")
    assert {c["cashier_id"] for c in counter.json("cashier", "list")} == {"lin", "kim"}
