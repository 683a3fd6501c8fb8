"""What the operator and the counter staff run: `memberdesk-ledger` (terminals, rule books,
members import, report) and `memberdesk pair` / `memberdesk sync`, against a real ledger."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from app.bootstrap import open_terminal
from app.domain.quote import Line
from app.paths import default_rule_book
from app.services.staff import SYSTEM
from sync.client.authorizer import connect
from sync.server.cli import main as memberdesk_ledger
from ui.composition import main as memberdesk

from .conftest import Counter, LedgerServer, TerminalFactory
from .support import ledger_points, ledger_state, post


def run(capsys: pytest.CaptureFixture[str], command: Any, argv: list[str], status: int = 0) -> Any:
    capsys.readouterr()
    code = command(argv)
    out, err = capsys.readouterr()
    assert code == status, (out, err)
    return json.loads(out) if out.strip() else None, err


def ledger_cli(
    capsys: pytest.CaptureFixture[str], url: str, *argv: str, status: int = 0
) -> tuple[Any, str]:
    result: tuple[Any, str] = run(
        capsys,
        memberdesk_ledger,
        ["--database-url", url, "--log-level", "WARNING", *argv],
        status,
    )
    return result


def rule_book(**offline: int) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(default_rule_book().read_text(encoding="utf-8"))
    document["version"] = 2
    document["offline"] = {**document["offline"], **offline}
    return document


def test_a_published_rule_book_reaches_terminals_at_their_next_pull(
    ledger: LedgerServer,
    ledger_url: str,
    make_counter: TerminalFactory,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    counter = make_counter("T01", "S001")
    counter.syncer.round()
    assert counter.terminal.rules.version == 1
    path = tmp_path / "rules-v2.json"
    path.write_text(json.dumps(rule_book(per_redemption_points=321)), encoding="utf-8")

    out, _ = ledger_cli(capsys, ledger_url, "rules", "publish", str(path), "--json")

    assert out == {"version": 2}
    assert counter.terminal.rules.version == 1  # not before the pull
    counter.syncer.round()
    assert counter.terminal.rules.version == 2
    assert counter.terminal.rules.offline.per_redemption_points == 321
    # The same version again is refused (exit 1, a sentence).
    out, err = ledger_cli(capsys, ledger_url, "rules", "publish", str(path), "--json", status=1)
    assert "not newer" in out["error"] and "not newer" in err


def test_an_invalid_rule_book_is_refused_naming_the_field(
    ledger: LedgerServer,
    ledger_url: str,
    make_counter: TerminalFactory,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    counter = make_counter("T01", "S001")
    before = ledger_state(ledger)
    bad = rule_book(per_redemption_points=-5)

    response = post(ledger, "/admin/rules", bad, admin=True)

    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid_rule_book"
    assert body["fields"] == ["offline.per_redemption_points"]
    assert "offline.per_redemption_points" in body["message"]
    # Without the operator's token nothing is published either.
    response = post(ledger, "/admin/rules", rule_book(), admin=False)
    assert (response.status_code, response.json()["code"]) == (403, "not_operator")
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    out, _err = ledger_cli(capsys, ledger_url, "rules", "publish", str(path), "--json", status=1)
    assert "offline.per_redemption_points" in out["error"]
    assert ledger_state(ledger) == before
    counter.syncer.round()
    assert counter.terminal.rules.version == 1


def write_members(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(
            handle,
            ["member_id", "phone", "name", "birthday", "enrolled_on", "home_store", "points"],
        )
        writer.writeheader()
        writer.writerows(rows)


def member_row(n: int, points: int = 0) -> dict[str, str]:
    return {
        "member_id": f"M{n:07d}",
        "phone": f"137{n:08d}",
        "name": f"Imported {n}",
        "birthday": "1990-05-31" if n % 2 else "",
        "enrolled_on": "2024-03-01",
        "home_store": "S001",
        "points": str(points),
    }


def test_members_import_from_csv_reaches_terminals(
    ledger: LedgerServer,
    ledger_url: str,
    make_counter: TerminalFactory,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "members.csv"
    write_members(path, [member_row(1, 1_200), member_row(2), member_row(3, 5)])

    out, _ = ledger_cli(capsys, ledger_url, "members", "import", str(path), "--json")
    assert out == {"imported": 3, "rows": 3, "existing": 0, "skipped": []}
    out, _ = ledger_cli(capsys, ledger_url, "members", "import", str(path), "--json")
    # existing ids are left as they were
    assert out == {"imported": 0, "rows": 3, "existing": 3, "skipped": []}
    assert ledger.report()["liability_points"] == 1_205

    counter = make_counter("T01", "S002")
    counter.syncer.round()
    card = counter.terminal.card("13700000001")
    assert (card.member_id, card.points) == ("M0000001", 1_200)
    assert counter.terminal.card("M0000002").points == 0
    assert counter.terminal.verify().ok

    bad = tmp_path / "bad.csv"
    write_members(bad, [member_row(4), {**member_row(5), "points": "lots"}])
    before = ledger_state(ledger)
    out, err = ledger_cli(capsys, ledger_url, "members", "import", str(bad), "--json", status=1)
    assert "line 3" in out["error"] and "line 3" in err
    assert ledger_state(ledger) == before  # all or nothing: M0000004 was not kept


def test_report_shows_liability_and_what_stores_owe_each_other(
    ledger: LedgerServer,
    ledger_url: str,
    make_counter: TerminalFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    main, beauty = make_counter("T01", "S001"), make_counter("T02", "S002")
    lin = main.terminal.actor("lin")
    member = main.terminal.enroll("e-1", lin, phone="13912340000", name="Owed").member_id
    award = main.terminal.award("a-1", lin, member, [Line("grocery", 100_000)])
    main.syncer.round()
    beauty.syncer.round()
    beauty.terminal.redeem(
        "r-1", beauty.terminal.actor("lin"), member, "order", points=400, amount_fen=1_000
    )
    beauty.syncer.round()

    out, _ = ledger_cli(capsys, ledger_url, "report", "--json")

    earned = award.points_earned
    assert out["members"] == 1
    assert out["liability_points"] == earned - 400 == ledger_points(ledger, member)[0]
    assert out["liability_fen"] == (earned - 400) * 1  # a point is worth 1 fen
    assert out["earned_by_store"] == {"S001": earned}
    assert out["redeemed_by_store"] == {"S002": 400}
    # S001 issued every point S002 honoured: S001 owes S002 their value.
    assert out["owed"] == [{"from": "S001", "to": "S002", "fen": 400, "scope": "mall"}]
    assert out["overdraft_points"] == 0 and out["overdrafts"] == []
    capsys.readouterr()
    assert (
        memberdesk_ledger(["--database-url", ledger_url, "--log-level", "WARNING", "report"]) == 0
    )
    printed = capsys.readouterr().out
    assert "S001 owes S002 4.00" in printed


def test_operator_and_counter_commands_pair_sync_revoke_and_repair(
    ledger: LedgerServer,
    ledger_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = str(tmp_path / "till")

    def till(*argv: str, status: int = 0) -> tuple[Any, str]:
        result: tuple[Any, str] = run(
            capsys, memberdesk, ["--data-dir", data, "--log-level", "WARNING", *argv], status
        )
        return result

    added, _ = ledger_cli(capsys, ledger_url, "terminal", "add", "T07", "--store", "S003", "--json")
    assert (added["terminal_id"], added["store_code"]) == ("T07", "S003")
    out, _ = ledger_cli(
        capsys, ledger_url, "terminal", "add", "T08", "--store", "S999", "--json", status=1
    )
    assert "S999" in out["error"]

    out, err = till("pair", "--ledger", ledger.url, "--code", "WRONG-CODE-0", "--json", status=1)
    assert "wrong, used or expired" in err
    out, _ = till(
        "pair",
        "--ledger",
        ledger.url,
        "--code",
        added["pairing_code"],
        "--terminal-id",
        "T07",
        "--json",
    )
    assert out == {"terminal_id": "T07", "store_code": "S003", "ledger": ledger.url}
    listed, _ = ledger_cli(capsys, ledger_url, "terminal", "list", "--json")
    assert [(t["terminal_id"], t["paired"], t["revoked"]) for t in listed] == [("T07", True, False)]

    terminal = open_terminal(Path(data), create=False, connect=connect)
    member = terminal.enroll("e-1", SYSTEM, phone="13912340000", name="Cli").member_id
    terminal.close()
    status, _ = till("sync", "status", "--json")
    assert (status["paired"], status["events_waiting"], status["ledger_url"]) == (
        True,
        1,
        ledger.url,
    )
    out, _ = till("sync", "--once", "--json")
    assert (out["pushed"], out["rejected"], out["online"], out["events_waiting"]) == (1, 0, True, 0)
    status, _ = till("sync", "status", "--json")
    assert (status["events_waiting"], status["applied_through_seq"]) == (0, 1)
    assert status["last_sync_at"] is not None
    listed, _ = ledger_cli(capsys, ledger_url, "terminal", "list", "--json")
    assert listed[0]["last_seq"] == 1
    ledger_points(ledger, member)  # the enrollment is at the ledger

    out, _ = ledger_cli(capsys, ledger_url, "terminal", "revoke", "T07", "--json")
    assert out == {"terminal_id": "T07", "status": "revoked"}
    terminal = open_terminal(Path(data), create=False, connect=connect)
    terminal.adjust("j-1", SYSTEM, member, 50, "goodwill")
    terminal.close()
    out, _ = till("sync", "--once", "--json", status=1)
    assert "revoked" in out["blocked"] and out["events_waiting"] == 1
    listed, _ = ledger_cli(capsys, ledger_url, "terminal", "list", "--json")
    assert listed[0]["revoked"] is True and listed[0]["last_seq"] == 1

    # A revoked terminal comes back only by pairing again with a new code.
    again, _ = ledger_cli(capsys, ledger_url, "terminal", "add", "T07", "--store", "S003", "--json")
    out, _ = till("sync", "--once", "--json", status=1)
    assert "revoked" in out["blocked"]
    paired, _ = till(
        "pair",
        "--ledger",
        ledger.url,
        "--code",
        again["pairing_code"],
        "--terminal-id",
        "T07",
        "--json",
    )
    assert paired["terminal_id"] == "T07"
    out, _ = till("sync", "--once", "--json")
    assert out["events_waiting"] == 0
    assert ledger_points(ledger, member) == (50, 0)


def test_sync_once_reports_an_unreachable_ledger(
    ledger: LedgerServer, make_counter: TerminalFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    counter: Counter = make_counter("T01", "S001")
    counter.terminal.enroll("e-1", counter.terminal.actor("lin"), phone="13912340000", name="X")
    data = str(counter.terminal.settings.data_dir)
    ledger.stop()

    out, _ = run(capsys, memberdesk, ["--data-dir", data, "sync", "--once", "--json"], 1)

    assert out["online"] is False and out["blocked"] is None
    assert "cannot reach the ledger" in out["last_error"]
    assert out["events_waiting"] == 1
