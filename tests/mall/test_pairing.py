"""Pairing is all or nothing, and a replaced terminal syncs at once: every terminal its own
process through the real command line (tests/mall/harness.py), on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from .conftest import CounterFactory
from .harness import Counter, Done, Ledger, free_port

CREDENTIAL = "ledger-credential.json"


def new_pc(tmp_path: Path, name: str) -> Counter:
    home = tmp_path / name
    home.mkdir()
    return Counter(home / "memberdesk", home)


def pair(counter: Counter, ledger_url: str, code: str, terminal_id: str) -> Done:
    return counter.run(
        "pair", "--ledger", ledger_url, "--code", code, "--terminal-id", terminal_id, check=False
    )


def refused(done: Done, *words: str) -> None:
    """Exit 1 with one clear line that says ``words``, and no traceback."""
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr + done.stdout
    lines = [line for line in done.stderr.splitlines() if line.startswith("memberdesk:")]
    assert len(lines) == 1, done.stderr
    for word in words:
        assert word in lines[0], lines[0]


def ledger_report(ledger: Ledger) -> dict[str, object]:
    report: dict[str, object] = ledger.admin("report", "--json").json()
    return report


def test_a_demo_terminal_is_refused_with_nothing_spent_until_it_is_reset(
    ledger: Ledger, tmp_path: Path
) -> None:
    demo = new_pc(tmp_path, "demo-pc")
    demo.run("demo")
    code = ledger.add_terminal("T01")

    done = pair(demo, ledger.url, code, "T01")
    refused(done, "demo data", "memberdesk reset --confirm", "pairing code is still good")
    assert not (demo.data_dir / CREDENTIAL).exists()
    assert demo.json("sync", "status")["paired"] is False
    assert demo.json("member", "show", "M000001")["member_id"] == "M000001"  # nothing lost

    # The code was not spent: a fresh PC pairs with it and syncs.
    fresh = new_pc(tmp_path, "fresh-pc")
    paired = pair(fresh, ledger.url, code, "T01")
    assert paired.returncode == 0, paired.stderr
    assert "Paired terminal T01 of store S001" in paired.stdout
    fresh.run("cashier", "first", "lin", "--name", "Lin", "--pin", "1111")
    fresh.run("enroll", "--phone", "13900000009", "--name", "Real Customer", "--cashier", "lin")
    assert "Synced:" in fresh.run("sync", "--once").stdout

    # reset explains itself first, then sets the demo database aside and says where.
    explained = demo.run("reset", check=False)
    assert explained.returncode == 2
    assert "--confirm" in explained.stderr
    assert demo.json("member", "show", "M000001")["member_id"] == "M000001"
    reset = demo.run("reset", "--confirm")
    assert "kept in" in reset.stdout
    kept = Path(reset.stdout.split("kept in ", 1)[1].split(". ", 1)[0])
    assert kept.parent == demo.data_dir
    assert (kept / "terminal.db").stat().st_size > 0

    again = pair(demo, ledger.url, ledger.add_terminal("T02"), "T02")
    assert again.returncode == 0, again.stderr
    assert "Paired terminal T02" in again.stdout
    assert "Synced:" in demo.run("sync", "--once").stdout
    lookup = demo.run("member", "show", "M000001", check=False)
    assert lookup.returncode == 1  # the demo members are gone from this terminal...

    # ... and the ledger never got one of them: only the real customer.
    assert ledger_report(ledger)["members"] == 1
    status = demo.json("sync", "status")
    assert status["paired"] is True and status["events_waiting"] == 0


def test_a_failed_pairing_leaves_nothing_behind(ledger: Ledger, tmp_path: Path) -> None:
    pc = new_pc(tmp_path, "pc")
    code = ledger.add_terminal("T01")

    refused(pair(pc, ledger.url, "AAAA-BBBB-CCCC", "T01"), "wrong, used or expired")
    refused(pair(pc, ledger.url, "12", "T01"), "not a pairing code")
    down = f"http://127.0.0.1:{free_port()}"
    refused(pair(pc, down, code, "T01"), "cannot reach the ledger", "pair again with the same code")
    assert not (pc.data_dir / CREDENTIAL).exists()
    assert not (pc.data_dir / "terminal.db").exists()

    # None of that spent the code.
    done = pair(pc, ledger.url, code, "T01")
    assert done.returncode == 0, done.stderr
    assert (pc.data_dir / CREDENTIAL).exists()
    assert pc.json("sync", "status")["paired"] is True
    # A used code is refused at once, and the pairing it made stands.
    other = new_pc(tmp_path, "other")
    refused(pair(other, ledger.url, code, "T01"), "wrong, used or expired")
    assert not (other.data_dir / CREDENTIAL).exists()
    # Pairing a paired terminal again is refused here, before anything is sent.
    refused(
        pair(pc, ledger.url, ledger.add_terminal("T09"), "T09"),
        "already paired",
        "memberdesk reset --confirm",
    )
    assert "Synced:" in pc.run("sync", "--once").stdout


def _award(counter: Counter, member: str, amount: str) -> int:
    result = counter.json("award", member, "--line", f"grocery={amount}", "--cashier", "lin")
    return int(result["points_earned"])


def test_a_replaced_terminal_syncs_at_once_and_the_old_pc_stays_out(
    ledger: Ledger, paired_counter: CounterFactory, tmp_path: Path
) -> None:
    ledger.import_members(
        [{"member_id": "M100001", "phone": "13900000001", "name": "Ann", "points": 1000}],
        tmp_path,
    )
    pc1 = paired_counter("T01")
    pc1.run("sync", "--once")
    first = _award(pc1, "M100001", "100")
    assert "Synced:" in pc1.run("sync", "--once").stdout
    lost = _award(pc1, "M100001", "50")  # sold on the broken PC, never sent
    assert lost > 0

    # The operator guide, section 8: revoke, add the same id, pair the replacement PC.
    ledger.admin("terminal", "revoke", "T01")
    code = ledger.add_terminal("T01")
    revoked = pc1.run("sync", "--once", check=False)
    assert revoked.returncode == 1
    assert "revoked" in revoked.stdout

    pc2 = new_pc(tmp_path, "replacement")
    done = pair(pc2, ledger.url, code, "T01")
    assert done.returncode == 0, done.stderr
    pc2.run("cashier", "first", "lin", "--name", "Lin", "--pin", "1111")
    pc2.run("sync", "--once")
    second = _award(pc2, "M100001", "200")
    synced = pc2.run("sync", "--once")
    assert "Synced:" in synced.stdout and "(0 rejected)" in synced.stdout
    assert pc2.json("sync", "status")["events_waiting"] == 0

    # The old PC hears why, in words, and its events do not land.
    old = pc1.run("sync", "--once", check=False)
    assert old.returncode == 1
    assert "paired again on another PC" in old.stdout
    assert "Traceback" not in old.stdout + old.stderr
    assert pc1.json("sync", "status")["events_waiting"] >= 1

    assert ledger_report(ledger)["liability_points"] == 1000 + first + second
    terminals = {t["terminal_id"]: t for t in ledger.admin("terminal", "list", "--json").json()}
    assert terminals["T01"]["epoch"] == 2 and terminals["T01"]["revoked"] is False
    pc2.run("sync", "--once")
    assert pc2.json("member", "show", "M100001")["points"] == 1000 + first + second
